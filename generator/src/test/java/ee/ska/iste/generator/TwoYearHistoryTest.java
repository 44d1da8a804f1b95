package ee.ska.iste.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties of a two-year history (2023Q1..2024Q4, scale 0.5, CSV) that analyses rely on. */
class TwoYearHistoryTest {
  private static final List<Quarter> QUARTERS = Quarter.parseRange("2023Q1..2024Q4");

  @TempDir static Path dir;

  private record Episode(String kov, LocalDate start, LocalDate end, String reason) {}

  @BeforeAll
  static void generate() throws IOException {
    new SubmissionGenerator()
        .generate(new GeneratorConfig(dir, QUARTERS, 5, 0.5, SubmissionFormat.CSV, 0));
  }

  @Test
  void peopleInTwoKovsLeaveTheFirstBeforeEnteringTheSecond() throws IOException {
    // the latest quarter's version of each episode (client, KOV, start) wins, as in the warehouse
    Map<String, Map<String, Episode>> byPerson = new HashMap<>();
    for (Path s : Submissions.folders(dir)) {
      String kov = Submissions.kovOf(s);
      for (Map<String, String> r : Submissions.rows(s, "klient")) {
        LocalDate end = r.get("lopp") == null ? null : LocalDate.parse(r.get("lopp"));
        byPerson
            .computeIfAbsent(r.get("isikukood"), k -> new TreeMap<>())
            .put(
                kov + r.get("algus"),
                new Episode(kov, LocalDate.parse(r.get("algus")), end, r.get("valjumise_pohjus")));
      }
    }
    int movers = 0;
    for (Map<String, Episode> episodes : byPerson.values()) {
      List<Episode> list = new ArrayList<>(episodes.values());
      if (list.stream().map(Episode::kov).distinct().count() < 2) {
        continue;
      }
      movers++;
      list.sort((a, b) -> a.start().compareTo(b.start()));
      for (int i = 1; i < list.size(); i++) {
        Episode before = list.get(i - 1);
        Episode after = list.get(i);
        if (!before.kov().equals(after.kov())) {
          assertEquals("ELUKOHA_VAHETUS", before.reason());
          assertTrue(before.end().isBefore(after.start()), "served in two KOVs at once");
        }
      }
    }
    // about 1.5% of 0.5 x 780 = 390 places -> 6 planned moves; some find no vacancy in time
    assertTrue(movers >= 1, "nobody moved");
  }

  /**
   * A simplified QOL_CHANGE per KOV: baseline = first valid score (>= 6 of 8 items) within -30..+90
   * days of the person's first episode start in the KOV; follow-up = last valid score in 2024Q4 at
   * least 90 days later. The KOV profiles (strong / typical / weak) must spread the KOV means.
   */
  @Test
  void kovsDifferInQualityOfLifeChange() throws IOException {
    Map<String, List<Double>> changes = new TreeMap<>();
    for (String kov : kovs()) {
      Map<String, LocalDate> firstStart = new HashMap<>();
      Map<String, TreeMap<LocalDate, Double>> scores = new HashMap<>();
      for (Quarter q : QUARTERS) {
        Path s = dir.resolve("ISTE_" + kov + "_" + q);
        for (Map<String, String> r : Submissions.rows(s, "klient")) {
          firstStart.merge(
              r.get("isikukood"), LocalDate.parse(r.get("algus")), (a, b) -> a.isBefore(b) ? a : b);
        }
        for (Map<String, String> r : Submissions.rows(s, "elukvaliteet")) {
          int answered = 0;
          int sum = 0;
          for (int k = 1; k <= 8; k++) {
            if (r.get("k" + k) != null) {
              answered++;
              sum += Integer.parseInt(r.get("k" + k));
            }
          }
          if (answered >= 6) {
            scores
                .computeIfAbsent(r.get("isikukood"), c -> new TreeMap<>())
                .put(LocalDate.parse(r.get("kuupaev")), 10.0 * sum / answered);
          }
        }
      }
      scores.forEach(
          (code, byDate) -> {
            LocalDate start = firstStart.get(code);
            Map.Entry<LocalDate, Double> base = null;
            for (Map.Entry<LocalDate, Double> e : byDate.entrySet()) {
              long d = ChronoUnit.DAYS.between(start, e.getKey());
              if (d >= -30 && d <= 90) {
                base = e;
                break;
              }
            }
            Map.Entry<LocalDate, Double> last = byDate.lastEntry();
            if (base != null
                && QUARTERS.get(7).contains(last.getKey())
                && ChronoUnit.DAYS.between(base.getKey(), last.getKey()) >= 90) {
              changes
                  .computeIfAbsent(kov, k -> new ArrayList<>())
                  .add(last.getValue() - base.getValue());
            }
          });
    }
    double best = Double.NEGATIVE_INFINITY;
    double worst = Double.POSITIVE_INFINITY;
    for (List<Double> c : changes.values()) {
      if (c.size() >= 8) {
        double mean = c.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        best = Math.max(best, mean);
        worst = Math.min(worst, mean);
      }
    }
    // strong KOVs gain about 1.5 points a month, weak ones lose 0.4: over a year and more the
    // KOV means must lie at least 10 points apart
    assertTrue(best - worst >= 10, "KOV mean QoL changes from " + worst + " to " + best);
  }

  /** About 15% of cases start with a support plan; most of them get an activity plan. */
  @Test
  void supportPlansMostlyTurnIntoActivityPlans() throws IOException {
    int cases = 0;
    int supportFirst = 0;
    int supportFirstLongAgo = 0;
    int turned = 0;
    LocalDate end = QUARTERS.get(7).lastDay();
    for (String kov : kovs()) {
      Map<String, List<Map<String, String>>> plans = new HashMap<>();
      for (Map<String, String> r :
          Submissions.rows(dir.resolve("ISTE_" + kov + "_2024Q4"), "plaan")) {
        plans.computeIfAbsent(r.get("isikukood"), c -> new ArrayList<>()).add(r);
      }
      for (List<Map<String, String>> p : plans.values()) {
        cases++;
        Map<String, String> first = p.get(0);
        if (first.get("liik").equals("TOETUSPLAAN")) {
          supportFirst++;
          LocalDate made = LocalDate.parse(first.get("koostatud"));
          if (made.plusDays(240).isBefore(end)) {
            supportFirstLongAgo++;
            turned += p.stream().anyMatch(v -> v.get("liik").equals("TEGEVUSPLAAN")) ? 1 : 0;
          }
        }
      }
    }
    double share = supportFirst / (double) cases;
    assertTrue(share > 0.08 && share < 0.25, "support plan first in " + share);
    // 80% move at the first review (90..240 days), half of the rest at the next
    assertTrue(turned >= 0.6 * supportFirstLongAgo, turned + " of " + supportFirstLongAgo);
  }

  private static List<String> kovs() throws IOException {
    return Submissions.folders(dir).stream()
        .filter(p -> Submissions.quarterOf(p).equals("2024Q4"))
        .map(Submissions::kovOf)
        .toList();
  }
}
