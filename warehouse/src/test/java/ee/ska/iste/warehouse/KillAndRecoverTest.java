package ee.ska.iste.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * kill -9 at several points of a run (in a child JVM): the last published version stays whole and
 * current, and the next run completes.
 */
class KillAndRecoverTest {
  @TempDir Path root;
  @TempDir Path work;
  @TempDir Path childWork;

  private static RunMetadata run() {
    return RunMetadata.started(
        "test", List.of(Quarter.parse("2024Q1")), List.of(), Instant.parse("2026-01-05T08:00:00Z"));
  }

  private static double active(Path db, String quarter) throws Exception {
    List<String> r =
        Fixtures.rows(
            db,
            "SELECT value FROM outcomes WHERE measure = 'ACTIVE' AND quarter = '" + quarter + "'");
    assertEquals(1, r.size());
    return Double.parseDouble(r.get(0));
  }

  @ParameterizedTest(name = "killed at {0}")
  @CsvSource({
    "half-file, v000001, v000001",
    "begun, v000001, v000001",
    "linked, v000001, v000001",
    "catalogue, v000001, v000001",
    "synced, v000001, v000001",
    "renamed, v000001, v000001",
    "switched, v000002, v000001 v000002",
  })
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void killedRunLeavesTheLastPublishedVersionWholeAndTheNextRunCompletes(
      String step, String currentAfter, String listedAfter) throws Exception {
    Warehouse w = Warehouse.at(root);
    Fixtures.outcomes(
        Fixtures.layout(work),
        "2024Q1",
        "('KOV', '0251', 'ACTIVE', 7, 7, NULL, NULL, NULL, NULL, false)");
    w.publish(work, run());

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashingRun.class.getName(),
                root.toString(),
                childWork.toString(),
                step)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
        assertNotNull(line, "the child ended before reaching " + step);
      } while (!line.equals("AT " + step));
      child.destroyForcibly(); // SIGKILL on Unix
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }

    // The warehouse as a reader finds it: current is whole; every listed version opens.
    Version cur = w.current().orElseThrow();
    assertEquals(currentAfter, cur.id());
    assertEquals(currentAfter.equals("v000001") ? 7.0 : 99.0, active(cur.database(), "2024Q1"));
    assertEquals(listedAfter, String.join(" ", w.versions().stream().map(Version::id).toList()));
    for (Version v : w.versions()) {
      assertTrue(Files.isRegularFile(v.database()), v.id());
    }

    // The next run completes and replaces Q1.
    Fixtures.outcomes(
        Fixtures.layout(work),
        "2024Q1",
        "('KOV', '0251', 'ACTIVE', 8, 8, NULL, NULL, NULL, NULL, false)");
    Version v = w.publish(work, run());
    assertEquals(v.id(), w.current().orElseThrow().id());
    assertEquals(8.0, active(v.database(), "2024Q1"));
    try (Stream<Path> s = Files.list(root.resolve("versions"))) {
      assertTrue(
          s.noneMatch(p -> p.getFileName().toString().contains(".")),
          "no leftovers after the next publish");
    }
  }
}
