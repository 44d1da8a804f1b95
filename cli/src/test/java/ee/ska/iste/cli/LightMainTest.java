package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.cli.CliFixtures.Run;
import ee.ska.iste.warehouse.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The launcher's light entry point answers as {@link Main} does: the same help, the same messages
 * and exit codes, the same results, for every verb it runs, and it runs the verbs the launcher
 * sends it.
 */
class LightMainTest {
  @TempDir Path root;
  @TempDir Path workArea;

  @Test
  void everyLightVerbHasTheSameHelpThroughBoth() {
    for (String verb : LightMain.VERBS) {
      assertSame(verb, "--help");
      assertTrue(light(verb, "--help").out().contains("Usage: iste " + verb + " "), verb);
    }
  }

  @Test
  void usageErrorsAndFailuresAreTheSameThroughBoth() {
    for (String verb : LightMain.VERBS) {
      Run r = assertSame(verb, "--no-such-option");
      assertEquals(ExitCode.USAGE, r.code(), verb);
      assertTrue(r.err().contains("Usage: iste " + verb + " "), r.err());
    }
    // no version published yet: the command's own message and FAILURE
    Run empty = assertSame("query", "--warehouse", root.toString(), "SELECT 1");
    assertEquals(ExitCode.FAILURE, empty.code());
    assertEquals("iste: no version is published in " + root + "\n", empty.err());
    Run noFolder = assertSame("query", "SELECT 1");
    assertEquals(ExitCode.USAGE, noFolder.code());
  }

  @Test
  void aQueryGivesTheSameRowsThroughBoth() throws Exception {
    CliFixtures.publish(
        Warehouse.at(root),
        workArea.resolve("work"),
        CliFixtures.started("2024Q1", "2026-01-05T08:00:00Z"),
        Map.of(
            "mart/mart_outcomes/quarter=2024Q1",
            "SELECT 'KOV' AS level, '0251' AS unit_code, 'ACTIVE' AS measure, 7::DOUBLE AS value,"
                + " 7::DOUBLE AS numerator, NULL::DOUBLE AS denominator, NULL::DOUBLE AS ci_low,"
                + " NULL::DOUBLE AS ci_high, NULL::VARCHAR AS funnel_flag, false AS suppressed"));
    String wh = root.toString();
    Run q =
        assertSame(
            "query",
            "--warehouse",
            wh,
            "--csv",
            "SELECT unit_code, value, value * 3 AS tripled FROM outcomes_public");
    assertEquals(ExitCode.OK, q.code(), q.err());
    assertEquals("unit_code,value,tripled\r\n0251,7.0,21.0\r\n", q.out());
    Run bad = assertSame("query", "--warehouse", wh, "SELECT * FROM no_such_table");
    assertEquals(ExitCode.USAGE, bad.code());
    assertTrue(bad.err().startsWith("iste: query failed: "), bad.err());
    Run versions = assertSame("versions", "--warehouse", wh);
    assertEquals(ExitCode.OK, versions.code(), versions.err());
    assertTrue(versions.out().contains("v000001"), versions.out());
  }

  @Test
  void aReportWithItsLayoutLoadedInTheBackgroundIsTheSameReport() throws Exception {
    Path db = Files.createDirectories(root.resolve("v3")).resolve("iste.duckdb");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db);
        java.sql.Statement st = c.createStatement()) {
      st.execute(
          "create table outcomes as select 'KOV' as level, '0618' as unit_code, '2024Q2' as"
              + " quarter, 'ACTIVE' as measure, 23.0 as value, 23.0 as numerator, null::double as"
              + " denominator, null::double as ci_low, null::double as ci_high, null::varchar as"
              + " funnel_flag, false as suppressed");
      st.execute("create view outcomes_public as select * from outcomes");
      st.execute(
          "create table dim_municipality as select '0618' as kov_code, 'Põltsamaa vald' as"
              + " kov_name, '0050' as county_code, 'Jõgeva maakond' as county_name, 'A0618' as"
              + " allocation_id, 5 as places");
    }
    Function<Path, String[]> args =
        out ->
            new String[] {
              "--db",
              db.toString(),
              "--quarter",
              "2024Q2",
              "--kov",
              "0618",
              "--format",
              "html",
              "--out",
              out.toString()
            };
    Path viaMain = workArea.resolve("main");
    Path viaLight = workArea.resolve("light");
    String[] mainArgs = new String[args.apply(viaMain).length + 1];
    mainArgs[0] = "report";
    System.arraycopy(args.apply(viaMain), 0, mainArgs, 1, mainArgs.length - 1);
    Run main = CliFixtures.capture(Main::run, mainArgs);
    Run light =
        CliFixtures.capture(
            a -> LightMain.commandLine("report", LightMain.verb("report", true)).execute(a),
            args.apply(viaLight));
    assertEquals(ExitCode.OK, light.code(), light.err());
    assertEquals(main.code(), light.code());
    assertEquals(
        main.out().replace(viaMain.toString(), "OUT"),
        light.out().replace(viaLight.toString(), "OUT"));
    Path html = Path.of(light.out().strip());
    assertEquals(
        Files.readString(Path.of(main.out().strip()), StandardCharsets.UTF_8),
        Files.readString(html, StandardCharsets.UTF_8));
    assertTrue(Files.readString(html, StandardCharsets.UTF_8).contains("Põltsamaa vald"));
  }

  @Test
  void anyOtherVerbIsAUsageError() {
    Run r = light("run", "--help");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().startsWith("iste: this entry point runs only: report, query"), r.err());
    assertEquals(ExitCode.USAGE, light().code());
  }

  @Test
  void theLauncherSendsItExactlyItsVerbs() throws IOException {
    Path launcher = Path.of("..", "iste");
    String line =
        Files.readAllLines(launcher, StandardCharsets.UTF_8).stream()
            .filter(l -> l.startsWith("light_verbs=\""))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no light_verbs= line in " + launcher));
    List<String> listed =
        Arrays.stream(line.substring(line.indexOf('"') + 1, line.lastIndexOf('"')).split(" "))
            .filter(s -> !s.isEmpty())
            .toList();
    assertEquals(LightMain.VERBS, listed);
    var subcommands = new CommandLine(new IsteCommand()).getSubcommands();
    for (String verb : LightMain.VERBS) {
      assertTrue(subcommands.containsKey(verb), verb + " is not a verb of iste");
      assertEquals(
          subcommands.get(verb).getCommand().getClass(),
          LightMain.verb(verb).getClass(),
          verb + " runs another class");
    }
  }

  /** Runs both entry points and checks that they answer alike; returns the answer. */
  private static Run assertSame(String... args) {
    Run main = CliFixtures.capture(Main::run, args);
    Run light = light(args);
    assertEquals(main, light, "iste " + String.join(" ", args));
    return light;
  }

  private static Run light(String... args) {
    return CliFixtures.capture(LightMain::run, args);
  }
}
