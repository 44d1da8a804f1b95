package ee.ska.iste.warehouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest {
  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  private static final Instant END = Instant.parse("2026-01-05T08:30:00Z");

  @TempDir Path root;
  @TempDir Path work;

  private Warehouse warehouse() {
    return Warehouse.at(root).withClock(Clock.fixed(END, ZoneOffset.UTC));
  }

  private static RunMetadata run(String... quarters) {
    return RunMetadata.started(
        "0.1.0-test", Stream.of(quarters).map(Quarter::parse).toList(), List.of(), START);
  }

  private static String active(long n) {
    return "('KOV', '0251', 'ACTIVE', " + n + ", " + n + ", NULL, NULL, NULL, NULL, false)";
  }

  private static long activeIn(Path db, String quarter) throws Exception {
    List<String> r =
        Fixtures.rows(
            db,
            "SELECT value FROM outcomes WHERE measure = 'ACTIVE' AND quarter = '" + quarter + "'");
    assertEquals(1, r.size(), "one ACTIVE row for " + quarter);
    return (long) Double.parseDouble(r.get(0));
  }

  private Version publishActive(Warehouse w, String quarter, long n) throws Exception {
    Fixtures.outcomes(Fixtures.layout(work), quarter, active(n));
    return w.publish(work, run(quarter));
  }

  @Test
  void emptyWarehouseHasNoCurrentVersion() {
    assertTrue(warehouse().current().isEmpty());
    assertEquals(List.of(), warehouse().versions());
  }

  @Test
  void publishSwitchesCurrentAndAReaderOfTheOldDatabaseKeepsReadingIt() throws Exception {
    Warehouse w = warehouse();
    Version v1 = publishActive(w, "2024Q1", 7);
    assertEquals("v000001", v1.id());
    assertEquals("v000001", w.current().orElseThrow().id());

    try (Connection old =
        Fixtures.readOnly(root.resolve("current").resolve(Warehouse.DATABASE_FILE))) {
      Version v2 = publishActive(w, "2024Q1", 9);
      assertEquals("v000002", v2.id());
      assertEquals("v000002", w.current().orElseThrow().id());
      // The reader opened before the switch still sees the old figure ...
      assertEquals(List.of("7.0"), Fixtures.rows(old, "SELECT value FROM outcomes"));
      // ... and the stable path now leads to the new one.
      assertEquals(9, activeIn(root.resolve("current").resolve(Warehouse.DATABASE_FILE), "2024Q1"));
    }
    assertEquals(List.of("v000001", "v000002"), w.versions().stream().map(Version::id).toList());
    assertEquals(7, activeIn(w.version("v000001").database(), "2024Q1"));
  }

  @Test
  void publishWritesRunMetadataWithTimesAndInputs() throws Exception {
    Path input = root.resolveSibling(root.getFileName() + "-in.csv");
    Files.writeString(input, "abc");
    RunMetadata meta =
        RunMetadata.started(
            "0.1.0-test",
            List.of(Quarter.parse("2024Q1")),
            List.of(RunMetadata.InputFile.of(input, "ISTE_0251_2024Q1/klient.csv")),
            START);
    Warehouse w = warehouse();
    Fixtures.outcomes(Fixtures.layout(work), "2024Q1", active(1));
    w.publish(work, meta);
    Files.delete(input);

    RunMetadata read = w.current().orElseThrow().run();
    assertEquals(START, read.startedAt());
    assertEquals(END, read.endedAt());
    assertEquals(List.of(Quarter.parse("2024Q1")), read.quarters());
    // SHA-256 of the three bytes "abc" (FIPS 180-2 example).
    assertEquals(
        List.of(
            new RunMetadata.InputFile(
                "ISTE_0251_2024Q1/klient.csv",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                3)),
        read.inputs());
  }

  @Test
  void aQuarterTheWorkAreaKeptIsTheSameFileInBothVersions() throws Exception {
    Warehouse w = warehouse();
    Fixtures.outcomes(Fixtures.layout(work), "2024Q1", active(5));
    Fixtures.outcomes(Fixtures.layout(work), "2024Q2", active(6));
    Version v1 = w.publish(work, run("2024Q1", "2024Q2"));

    Fixtures.outcomes(Fixtures.layout(work), "2024Q2", active(8));
    Version v2 = w.publish(work, run("2024Q2"));

    Path q1v1 =
        onlyParquet(Path.of(v1.layout().partition("mart_outcomes", Quarter.parse("2024Q1"))));
    Path q1v2 =
        onlyParquet(Path.of(v2.layout().partition("mart_outcomes", Quarter.parse("2024Q1"))));
    assertEquals(q1v1.getFileName(), q1v2.getFileName());
    assertArrayEquals(Files.readAllBytes(q1v1), Files.readAllBytes(q1v2));
    assertTrue(Files.isSameFile(q1v1, q1v2), "one file, linked into both versions");
    assertFalse(
        Files.getPosixFilePermissions(q1v1)
            .contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE),
        "a published Parquet file is read-only, in the work area too");

    assertEquals(5, activeIn(v2.database(), "2024Q1"));
    assertEquals(8, activeIn(v2.database(), "2024Q2"));
    // The old version is untouched by the rewrite of its Q2.
    assertEquals(6, activeIn(v1.database(), "2024Q2"));
  }

  @Test
  void aCrashedBuildingIsIgnoredAndTheNextRunCompletes() throws Exception {
    Warehouse w = warehouse();
    publishActive(w, "2024Q1", 7);

    // A run that died while building v000002: its folder stays, its lock went with the process.
    Path crashed = root.resolve("versions").resolve("v000002.building");
    Fixtures.outcomes(Fixtures.layout(crashed), "2024Q1", active(99));
    Files.writeString(crashed.resolve(Warehouse.DATABASE_FILE), "half a database");

    assertEquals("v000001", w.current().orElseThrow().id());
    assertEquals(List.of("v000001"), w.versions().stream().map(Version::id).toList());
    assertEquals(7, activeIn(root.resolve("current").resolve(Warehouse.DATABASE_FILE), "2024Q1"));

    Version next = publishActive(w, "2024Q1", 8);
    assertEquals("v000003", next.id(), "ids never go back, even over a crashed run's id");
    assertFalse(Files.exists(crashed), "the leftover is removed by the next publish");
    assertEquals(8, activeIn(w.current().orElseThrow().database(), "2024Q1"));
  }

  @Test
  void onlyOneRunBuildsAtATime() throws Exception {
    Fixtures.outcomes(Fixtures.layout(work), "2024Q1", active(1));
    List<Throwable> refused = new java.util.ArrayList<>();
    Warehouse w =
        warehouse()
            .withStepListener(
                step -> {
                  if (step.equals("linked")) {
                    refused.add(
                        assertThrows(
                            IllegalStateException.class,
                            () -> warehouse().publish(work, run("2024Q1"))));
                    throw new IllegalStateException("stopped after " + step);
                  }
                });
    assertThrows(IllegalStateException.class, () -> w.publish(work, run("2024Q1")));
    assertEquals(1, refused.size(), "a second run is refused while the first builds");
    // A version that failed on the way is removed and the lock freed.
    try (Stream<Path> s = Files.list(root.resolve("versions"))) {
      assertEquals(List.of(), s.toList());
    }
    assertTrue(w.current().isEmpty());
    assertEquals("v000001", warehouse().publish(work, run("2024Q1")).id());
  }

  @Test
  void pruneKeepsTheNewestAndTheCurrent() throws Exception {
    Warehouse w = warehouse();
    for (int i = 1; i <= 4; i++) {
      publishActive(w, "2024Q1", i);
    }
    assertEquals(List.of("v000001", "v000002"), w.prune(2));
    assertEquals(List.of("v000003", "v000004"), w.versions().stream().map(Version::id).toList());
    assertEquals("v000004", w.current().orElseThrow().id());
    assertEquals(4, activeIn(w.current().orElseThrow().database(), "2024Q1"));
    assertThrows(IllegalArgumentException.class, () -> w.prune(0));
  }

  @Test
  void unknownVersionIsRefusedWithItsId() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> warehouse().version("v000042"));
    assertTrue(e.getMessage().contains("v000042"));
  }

  @Test
  void aReaderOpeningCurrentWhilePublishingSeesOneWholeVersion() throws Exception {
    Warehouse w = warehouse();
    Fixtures.outcomes(Fixtures.layout(work), "2024Q1", active(1));
    Fixtures.outcomes(Fixtures.layout(work), "2024Q2", active(1));
    w.publish(work, run("2024Q1", "2024Q2"));

    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.List<String> seen =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                try {
                  // Version k has ACTIVE = k in both quarters: a mix would show two values.
                  seen.addAll(
                      Fixtures.rows(
                          w.current().orElseThrow().database(),
                          "SELECT count(*) || ' rows, ' || count(DISTINCT value) || ' value' FROM"
                              + " outcomes"));
                } catch (Exception e) {
                  seen.add("failed: " + e.getMessage());
                }
              }
            });
    reader.start();
    for (int k = 2; k <= 4; k++) {
      Fixtures.outcomes(Fixtures.layout(work), "2024Q1", active(k));
      Fixtures.outcomes(Fixtures.layout(work), "2024Q2", active(k));
      w.publish(work, run("2024Q1", "2024Q2"));
    }
    done.set(true);
    reader.join();
    assertFalse(seen.isEmpty());
    assertEquals(java.util.Set.of("2 rows, 1 value"), java.util.Set.copyOf(seen));
  }

  @Test
  void rerunningWithTheSameInputGivesIdenticalTablesAndNoDiff() throws Exception {
    Warehouse w = warehouse();
    Version[] v = new Version[2];
    for (int i = 0; i < 2; i++) {
      Fixtures.outcomes(
          Fixtures.layout(work),
          "2024Q1",
          "('RIIK', 'EE', 'ACTIVE', 40, 40, NULL, NULL, NULL, NULL, false)",
          "('KOV', '0251', 'QOL_IMPROVED', 0.5, 3, 6, 0.19, 0.81, 'WITHIN', false)");
      v[i] = w.publish(work, run("2024Q1"));
    }
    // A run that rewrites nothing publishes the same tables again.
    Version carried = w.publish(work, run());
    for (String t :
        List.of(
            "mart_outcomes",
            "outcomes",
            "outcomes_public",
            "ref_municipalities",
            "national_trend")) {
      List<String> expected = Fixtures.rows(v[0].database(), "SELECT * FROM " + t);
      assertEquals(expected, Fixtures.rows(v[1].database(), "SELECT * FROM " + t), t);
      assertEquals(expected, Fixtures.rows(carried.database(), "SELECT * FROM " + t), t);
    }
    assertEquals(List.of(), VersionDiff.between(v[0], v[1]));
    assertEquals(List.of(), VersionDiff.between(v[1], carried));
  }

  static Path onlyParquet(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
      assertEquals(1, files.size());
      return files.get(0);
    }
  }
}
