package ee.ska.iste.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.person.PersonalCode;
import ee.ska.iste.core.ref.ReferenceData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eligibility is flagged on the staged episode, never a reason to reject it. */
class EligibilityTest {
  private final Eligibility rules = new Eligibility(ReferenceData.builtIn());

  @TempDir Path tmp;

  @Test
  void age15IsBelowTheMinimum() {
    // born 2008-06-10, starts 2024-04-02: 15 full years < 16
    assertEquals(
        "AGE_BELOW_MIN",
        rules.ineligibleReason(LocalDate.of(2008, 6, 10), LocalDate.of(2024, 4, 2), "F20.0", true));
    // the day of the 16th birthday is old enough
    assertNull(
        rules.ineligibleReason(
            LocalDate.of(2008, 6, 10), LocalDate.of(2024, 6, 10), "F20.0", true));
  }

  @Test
  void ageAtStartCountsTheBirthdayOnTheDay() throws Exception {
    // born 1999-03-15: on 2024-03-15 (the 25th birthday) 25; born a day later, still 24
    String onTheDay = PersonalCode.build(LocalDate.of(1999, 3, 15), PersonalCode.Sex.N, 1);
    String dayLater = PersonalCode.build(LocalDate.of(1999, 3, 16), PersonalCode.Sex.M, 2);
    TestSubmission t =
        TestSubmission.base()
            .add("klient", onTheDay + ",2024-03-15,A,F20.0,RASKE,JAH,10000001,,")
            .add("klient", dayLater + ",2024-03-15,A,F20.0,RASKE,JAH,10000001,,");
    ValidatedSubmission v = TestSubmission.validate(t.writeCsv(tmp, "ISTE_0793_2024Q2"));
    List<ValidatedSubmission.StagedRow> episodes = v.accepted().get(StagedTables.CLIENT_EPISODE);
    assertEquals(25, episodes.get(2).values()[12]);
    assertEquals(24, episodes.get(3).values()[12]);
  }

  @Test
  void excludedDiagnoses() {
    LocalDate birth = LocalDate.of(1985, 1, 1);
    LocalDate start = LocalDate.of(2024, 4, 2);
    assertEquals("DIAGNOSIS_DEMENTIA", rules.ineligibleReason(birth, start, "F03", true));
    assertEquals("DIAGNOSIS_ALCOHOL", rules.ineligibleReason(birth, start, "F10.2", true));
    // F10.1 (harmful use) is not dependence
    assertNull(rules.ineligibleReason(birth, start, "F10.1", true));
  }

  @Test
  void everyReasonIsBrokenDownInTheMeasureCatalogue() {
    // the measures stage counts INELIGIBLE_<reason> for the reasons measures.csv lists: every code
    // this class can give must be there, or INELIGIBLE would exceed the sum of its breakdown
    LocalDate birth = LocalDate.of(1985, 1, 1);
    LocalDate start = LocalDate.of(2024, 4, 2);
    var measures = ReferenceData.builtIn().table("measures");
    List<String> listed =
        measures.rows().stream().map(r -> measures.required(r, "measure")).toList();
    List<String> given =
        List.of(
            rules.ineligibleReason(birth, LocalDate.of(2018, 1, 1), "F20.0", true),
            rules.ineligibleReason(LocalDate.of(2010, 1, 1), start, "F20.0", true),
            rules.ineligibleReason(
                LocalDate.of(1957, 8, 20), LocalDate.of(2021, 9, 1), "F20.0", true),
            rules.ineligibleReason(birth, start, "G30.1", true),
            rules.ineligibleReason(birth, start, "F10.2", true),
            rules.ineligibleReason(birth, start, "F20.0", false));
    assertEquals(
        List.of(
            "NO_FUNDING_ROUND",
            "AGE_BELOW_MIN",
            "AGE_ABOVE_PENSION",
            "DIAGNOSIS_DEMENTIA",
            "DIAGNOSIS_ALCOHOL",
            "SEVERITY_NOT_ELIGIBLE"),
        given);
    for (String reason : given) {
      assertTrue(listed.contains("INELIGIBLE_" + reason), reason);
    }
  }

  @Test
  void pensionAgeUnderThe2019To2022Rule() {
    // born 1957-08-20: pension age 64 y 0 m -> 2021-08-20
    LocalDate birth = LocalDate.of(1957, 8, 20);
    assertEquals(LocalDate.of(2021, 8, 20), rules.pensionDate(birth));
    assertEquals(
        "AGE_ABOVE_PENSION",
        rules.ineligibleReason(birth, LocalDate.of(2021, 9, 1), "F20.0", true));
    assertNull(rules.ineligibleReason(birth, LocalDate.of(2021, 8, 19), "F20.0", true));
    // the 2023-2024 round has no upper limit: same person, entry 2023-02-01, eligible
    assertNull(rules.ineligibleReason(birth, LocalDate.of(2023, 2, 1), "F20.0", true));
    // born 1958-03-15: 64 y 3 m -> 2022-06-15
    assertEquals(LocalDate.of(2022, 6, 15), rules.pensionDate(LocalDate.of(1958, 3, 15)));
  }

  @Test
  void flaggedEpisodesAreKeptWithTheirReason() throws Exception {
    String young = PersonalCode.build(LocalDate.of(2008, 6, 10), PersonalCode.Sex.N, 0);
    TestSubmission t =
        TestSubmission.base()
            .add("klient", young + ",2024-04-02,C,F20.0,RASKE,JAH,10000001,,")
            .add("klient", TestSubmission.P3 + ",2024-04-02,A,F03,SYGAV,EI,10000001,,")
            .add("klient", "38811110001,2024-04-02,A,F20.0,MOODUKAS,EI,10000001,,");
    ValidatedSubmission v = TestSubmission.validate(t.writeCsv(tmp, "ISTE_0793_2024Q2"));
    assertEquals(List.of(), v.rejects());
    List<ValidatedSubmission.StagedRow> episodes = v.accepted().get(StagedTables.CLIENT_EPISODE);
    assertEquals(5, episodes.size());
    // columns: client_id, birth_year, birth_month, sex, start, ..., age_at_start (12), reason (13)
    Object[] youngRow = episodes.get(2).values();
    assertEquals(2008, youngRow[1]);
    assertEquals(6, youngRow[2]);
    assertEquals("N", youngRow[3]);
    assertEquals(15, youngRow[12]);
    assertEquals("AGE_BELOW_MIN", youngRow[13]);
    // P3 born 1985-01-01, start 2024-04-02: 39 years
    assertEquals(39, episodes.get(3).values()[12]);
    assertEquals("DIAGNOSIS_DEMENTIA", episodes.get(3).values()[13]);
    // a known severity outside the target group: kept, flagged
    assertEquals("MOODUKAS", episodes.get(4).values()[7]);
    assertEquals("SEVERITY_NOT_ELIGIBLE", episodes.get(4).values()[13]);
  }
}
