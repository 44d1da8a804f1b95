package ee.ska.iste.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.contract.ContractSheet;
import ee.ska.iste.core.person.PersonalCode;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariants of clean generated data, on one CSV generation at scale 1 over 2023Q4..2024Q1 (the
 * turn of a year, so that the administrative VOORU_LOPP exits show up).
 */
class SubmissionGeneratorTest {
  private static final List<Quarter> QUARTERS = Quarter.parseRange("2023Q4..2024Q1");
  private static final ReferenceData REF = ReferenceData.builtIn();

  @TempDir static Path dir;
  static GenerationSummary summary;

  @BeforeAll
  static void generate() throws IOException {
    GeneratorConfig cfg = new GeneratorConfig(dir, QUARTERS, 42, 1.0, SubmissionFormat.CSV, 0.0);
    summary = new SubmissionGenerator().generate(cfg);
  }

  @Test
  void oneSubmissionPerKovAndQuarter() throws IOException {
    // 35 KOVs of the round (34 allocations, one shared by two KOVs) x 2 quarters = 70.
    assertEquals(70, summary.submissions());
    assertEquals(70, Submissions.folders(dir).size());
    assertTrue(Submissions.folders(dir).stream().anyMatch(p -> p.endsWith("ISTE_0184_2024Q1")));
    assertTrue(Submissions.folders(dir).stream().anyMatch(p -> p.endsWith("ISTE_0441_2024Q1")));
    assertEquals(0, summary.totalDefects());
  }

  @Test
  void coverNamesItsKovAndQuarterAndIsSubmittedAfterTheQuarter() throws IOException {
    for (Path s : Submissions.folders(dir)) {
      List<Map<String, String>> cover = Submissions.rows(s, "kaas");
      assertEquals(1, cover.size(), s.toString());
      Map<String, String> c = cover.get(0);
      assertEquals(Submissions.kovOf(s), c.get("kov"));
      assertEquals(Submissions.quarterOf(s), c.get("kvartal"));
      assertEquals("1", c.get("vorm_versioon"));
      assertNotNull(c.get("koostaja"));
      LocalDate end = Quarter.parse(c.get("kvartal")).lastDay();
      LocalDate submitted = LocalDate.parse(c.get("esitatud"));
      // a few days to about six weeks after the quarter, late ones up to 80 days
      assertTrue(
          submitted.isAfter(end.plusDays(2)) && !submitted.isAfter(end.plusDays(80)),
          s + " " + submitted);
    }
  }

  @Test
  void personalCodesAreValidUniquePerPersonAndFitTheAges() throws IOException {
    Map<String, String> diagnosisByCode = new HashMap<>();
    int men = 0;
    int women = 0;
    for (Path s : Submissions.folders(dir)) {
      for (Map<String, String> r : Submissions.rows(s, "klient")) {
        PersonalCode.Facts facts = PersonalCode.facts(r.get("isikukood"));
        assertNotNull(facts, "invalid personal code in " + s);
        int age = Period.between(facts.birthDate(), LocalDate.parse(r.get("algus"))).getYears();
        // 16..64 at case start (a rare 15), the case up to 3 years before the period and 2 more
        // years of re-entries: 15..64+3+1
        assertTrue(age >= 15 && age <= 68, "age " + age + " at entry in " + s);
        if (facts.sex() == PersonalCode.Sex.M) {
          men++;
        } else {
          women++;
        }
        // one code is one person: the same diagnosis wherever it appears
        String before = diagnosisByCode.putIfAbsent(r.get("isikukood"), r.get("pohidiagnoos"));
        assertTrue(
            before == null || before.equals(r.get("pohidiagnoos")), "one code, two people in " + s);
      }
    }
    assertTrue(
        men > 0.3 * (men + women) && women > 0.3 * (men + women),
        men + " men, " + women + " women");
  }

  @Test
  void everyOtherSheetNamesOnlyClientsOfItsSubmission() throws IOException {
    for (Path s : Submissions.folders(dir)) {
      Set<String> clients = new HashSet<>();
      Submissions.rows(s, "klient").forEach(r -> clients.add(r.get("isikukood")));
      for (String sheet : List.of("hindamine", "plaan", "osalemine", "elukvaliteet")) {
        for (Map<String, String> r : Submissions.rows(s, sheet)) {
          assertTrue(clients.contains(r.get("isikukood")), sheet + " row for a non-client in " + s);
        }
      }
    }
  }

  /**
   * The rule enforced (KovWorld): on every day a KOV's active clients are at most its places and at
   * least ceil(0.6 x places); a joint allocation's 24 places are split 12 + 12, so the two KOVs
   * together have at most 24 and at least 8 + 8 = 16 >= 0.6 x 24 = 14.4.
   */
  @Test
  void activeClientsAtEachQuarterEndStayWithinTheAllocation() throws IOException {
    for (ReferenceData.Allocation a : REF.allocations(QUARTERS.get(0).firstDay())) {
      for (Quarter q : QUARTERS) {
        int active = 0;
        for (String kov : a.kovCodes()) {
          Path s = dir.resolve("ISTE_" + kov + "_" + q);
          for (Map<String, String> r : Submissions.rows(s, "klient")) {
            LocalDate start = LocalDate.parse(r.get("algus"));
            String end = r.get("lopp");
            if (!start.isAfter(q.lastDay())
                && (end == null || !LocalDate.parse(end).isBefore(q.lastDay()))) {
              active++;
            }
          }
        }
        assertTrue(
            active <= a.places(), a.id() + " " + q + ": " + active + " active > " + a.places());
        assertTrue(
            active >= 0.6 * a.places(),
            a.id() + " " + q + ": " + active + " active < 0.6 x " + a.places());
      }
    }
  }

  @Test
  void yearEndExitIsFollowedByANewEpisodeOnFirstJanuaryInTheSameKov() throws IOException {
    int yearEndExits = 0;
    for (Path s : Submissions.folders(dir)) {
      if (!Submissions.quarterOf(s).equals("2023Q4")) {
        continue;
      }
      Path next = dir.resolve("ISTE_" + Submissions.kovOf(s) + "_2024Q1");
      Set<String> startedFirstJanuary = new HashSet<>();
      for (Map<String, String> r : Submissions.rows(next, "klient")) {
        if (r.get("algus").equals("2024-01-01")) {
          startedFirstJanuary.add(r.get("isikukood"));
        }
      }
      for (Map<String, String> r : Submissions.rows(s, "klient")) {
        if ("VOORU_LOPP".equals(r.get("valjumise_pohjus"))) {
          yearEndExits++;
          assertEquals("2023-12-31", r.get("lopp"));
          assertTrue(
              startedFirstJanuary.contains(r.get("isikukood")),
              "no re-entry on 1 January in " + next);
        }
      }
    }
    // every client still in a case on 31 December gets one: at least 0.6 x 780 = 468
    assertTrue(yearEndExits >= 468, yearEndExits + " year-end exits");
  }

  @Test
  void cleanDataKeepsEveryContractRule() throws IOException {
    Set<String> domains = Set.copyOf(REF.codes("domains"));
    Set<String> priced = new HashSet<>();
    REF.table("prices")
        .validOn(LocalDate.of(2024, 1, 1))
        .forEach(r -> priced.add(r.get("component") + "|" + r.get("mode")));
    Set<String> exitReasons = Set.copyOf(REF.codes("exit_reasons"));
    for (Path s : Submissions.folders(dir)) {
      Quarter q = Quarter.parse(Submissions.quarterOf(s));
      for (Map<String, String> r : Submissions.rows(s, "klient")) {
        assertTrue(r.get("pohidiagnoos").matches("[A-Z]\\d\\d(\\.\\d)?"), r.get("pohidiagnoos"));
        assertTrue(Set.of("A", "B", "C").contains(r.get("sisenemise_tee")));
        assertTrue(Set.of("RASKE", "SYGAV", "PYSIV").contains(r.get("raskusaste")));
        assertTrue(Set.of("JAH", "EI").contains(r.get("koostoovalmis")));
        assertEquals(r.get("lopp") == null, r.get("valjumise_pohjus") == null);
        if (r.get("lopp") != null) {
          assertFalse(LocalDate.parse(r.get("lopp")).isBefore(LocalDate.parse(r.get("algus"))));
          assertTrue(exitReasons.contains(r.get("valjumise_pohjus")));
        }
      }
      for (Map<String, String> r : Submissions.rows(s, "hindamine")) {
        assertFalse(LocalDate.parse(r.get("kuupaev")).isAfter(q.lastDay()));
        assertTrue(domains.contains(r.get("eluvaldkond")));
        int level = Integer.parseInt(r.get("tase"));
        assertTrue(level >= 0 && level <= 4);
      }
      for (Map<String, String> r : Submissions.rows(s, "plaan")) {
        if (r.get("saavutatud") != null) {
          assertTrue(Integer.parseInt(r.get("saavutatud")) <= Integer.parseInt(r.get("eesmarke")));
          assertNotNull(r.get("ylevaadatud"));
        }
      }
      for (Map<String, String> r : Submissions.rows(s, "osalemine")) {
        assertTrue(q.months().contains(r.get("kuu")));
        BigDecimal hours = new BigDecimal(r.get("tunnid"));
        assertTrue(hours.signum() > 0 && hours.compareTo(BigDecimal.valueOf(744)) <= 0);
        assertTrue(
            priced.contains(r.get("komponent") + "|" + r.get("viis")),
            r.get("komponent") + " " + r.get("viis"));
      }
      for (Map<String, String> r : Submissions.rows(s, "elukvaliteet")) {
        assertTrue(q.contains(LocalDate.parse(r.get("kuupaev"))));
        assertEquals("ISTE-EQ8", r.get("instrument"));
        for (int k = 1; k <= 8; k++) {
          String v = r.get("k" + k);
          assertTrue(v == null || (Integer.parseInt(v) >= 0 && Integer.parseInt(v) <= 10));
        }
      }
    }
  }

  @Test
  void summaryCountsWhatIsInTheFiles() throws IOException {
    Map<String, Long> counted = new HashMap<>();
    for (Path s : Submissions.folders(dir)) {
      for (ContractSheet sheet : ContractSheet.dataSheets()) {
        counted.merge(
            sheet.sheetName(), (long) Submissions.rows(s, sheet.sheetName()).size(), Long::sum);
      }
    }
    for (ContractSheet sheet : ContractSheet.dataSheets()) {
      assertEquals(
          counted.get(sheet.sheetName()), summary.rowsPerSheet().get(sheet), sheet.sheetName());
    }
  }
}
