package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every verb, and every verb's verbs, answers {@code --help} with its usage and exit code 0. */
class HelpTest {
  @Test
  void everyCommandHasHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(new CommandLine(new IsteCommand()), new ArrayList<>(), paths);
    assertTrue(paths.size() >= 17, "commands found: " + paths);
    PrintStream originalOut = System.out;
    for (List<String> path : paths) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int exit;
      try {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        exit = Main.run(args.toArray(String[]::new));
      } finally {
        System.setOut(originalOut);
      }
      assertEquals(ExitCode.OK, exit, "iste " + String.join(" ", path) + " --help");
      assertTrue(
          out.toString(StandardCharsets.UTF_8).contains("Usage: iste"), "no usage for " + path);
    }
  }

  @Test
  void aRunWithoutAKeyIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv("ISTE_PSEUDONYM_KEY") == null, "a key is set in this environment");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = Main.run("run", "--input", dir.toString(), "--out", dir.resolve("out").toString());
    } finally {
      System.setErr(originalErr);
    }
    assertEquals(ExitCode.USAGE, exit);
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("ISTE_PSEUDONYM_KEY"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertEquals(ExitCode.USAGE, Main.run("demo", "--no-such-option"));
  }

  private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
    for (var e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      List<String> path = new ArrayList<>(prefix);
      path.add(e.getKey());
      out.add(path);
      collect(e.getValue(), path, out);
    }
  }
}
