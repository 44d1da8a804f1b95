package ee.ska.iste.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A few people are served in two KOVs, one after the other, after moving away. */
class MoversTest {
  @TempDir Path dir;

  private record Episode(String kov, LocalDate start, LocalDate end, String reason) {}

  @Test
  void peopleInTwoKovsLeaveTheFirstBeforeEnteringTheSecond() throws IOException {
    new SubmissionGenerator()
        .generate(
            new GeneratorConfig(
                dir, Quarter.parseRange("2023Q1..2024Q4"), 5, 0.5, SubmissionFormat.CSV, 0));
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
}
