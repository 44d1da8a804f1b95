package ee.ska.iste.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's cold query probe starts the launcher as a user would, with the values written in. */
class ProbesColdQueryTest {
  @TempDir Path dir;

  @AfterEach
  void forgetTheLauncher() {
    System.clearProperty("iste.launcher");
  }

  @Test
  void runsTheLauncherOnceToWarmUpThenTimesEachRun() throws Exception {
    Path launcher = dir.resolve("iste");
    Files.writeString(
        launcher,
        "#!/bin/sh\nprintf '%s\\n' \"$@\" >> \"$(dirname \"$0\")/calls.txt\"\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
    System.setProperty("iste.launcher", launcher.toString());

    OptionalDouble t =
        Probes.coldQuery(dir.resolve("wh"), "v000003", "0793", Quarter.parse("2024Q4"), 2);

    assertTrue(t.isPresent() && t.getAsDouble() > 0, "timed: " + t);
    List<String> lines = Files.readAllLines(dir.resolve("calls.txt"), StandardCharsets.UTF_8);
    String sql =
        "SELECT measure, value, numerator, denominator, ci_low, ci_high, funnel_flag, suppressed"
            + " FROM outcomes WHERE level = 'KOV' AND unit_code = '0793' AND quarter = '2024Q4'"
            + " ORDER BY measure";
    List<String> oneCall =
        List.of(
            "query",
            "--warehouse",
            dir.resolve("wh").toString(),
            "--version",
            "v000003",
            "--csv",
            sql);
    // a warm-up run and the two timed ones
    assertEquals(3 * oneCall.size(), lines.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(oneCall, lines.subList(i * oneCall.size(), (i + 1) * oneCall.size()));
    }
  }

  @Test
  void onlyAKovCodeIsWrittenIntoTheSqlAndNothingRunsWithoutTheLauncher() throws Exception {
    Path launcher = dir.resolve("iste");
    Files.writeString(launcher, "#!/bin/sh\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
    System.setProperty("iste.launcher", launcher.toString());
    assertThrows(
        IllegalArgumentException.class,
        () -> Probes.coldQuery(dir, "v000001", "07' OR '1", Quarter.parse("2024Q4"), 1));
    System.clearProperty("iste.launcher");
    assertTrue(Probes.coldQuery(dir, "v000001", "0793", Quarter.parse("2024Q4"), 1).isEmpty());
  }
}
