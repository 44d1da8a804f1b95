package ee.ska.iste.warehouse;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.time.Quarter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A run in a child JVM for {@link KillAndRecoverTest}: writes two quarters and half a file into its
 * work area, publishes it; prints {@code AT <step>} after each step and, at the step named in its
 * second argument, waits to be killed.
 */
public final class CrashingRun {
  private CrashingRun() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    Path work = Path.of(args[1]);
    String killAt = args[2];
    Warehouse w = Warehouse.at(root).withStepListener(step -> pause(step, killAt));
    WarehouseLayout layout = Fixtures.layout(work);
    Fixtures.outcomes(
        layout, "2024Q1", "('KOV', '0251', 'ACTIVE', 99, 99, NULL, NULL, NULL, NULL, false)");
    pause("wrote-q1", killAt);
    Fixtures.outcomes(
        layout, "2024Q2", "('KOV', '0251', 'ACTIVE', 98, 98, NULL, NULL, NULL, NULL, false)");
    pause("wrote-q2", killAt);
    Path q2 =
        WarehouseTest.onlyParquet(
            Path.of(layout.partition("mart_outcomes", Quarter.parse("2024Q2"))));
    byte[] bytes = Files.readAllBytes(q2);
    Path half =
        Path.of(layout.partition("mart_outcomes", Quarter.parse("2024Q3")))
            .resolve("part-00000.parquet");
    Files.createDirectories(half.getParent());
    Files.write(half, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    pause("half-file", killAt);
    Files.delete(half);
    Files.delete(half.getParent());
    w.publish(
        work,
        RunMetadata.started(
            "crash-test",
            List.of(Quarter.parse("2024Q1"), Quarter.parse("2024Q2")),
            List.of(),
            Instant.parse("2026-01-05T08:00:00Z")));
    pause("done", killAt);
  }

  private static void pause(String step, String killAt) {
    System.out.println("AT " + step);
    System.out.flush();
    if (step.equals(killAt)) {
      try {
        Thread.sleep(600_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
