package ee.ska.iste.check;

import ee.ska.iste.core.ref.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar iste-check.jar FILE_OR_FOLDER [--lang et|en]}: the self-check on a workstation
 * with only Java. Exit 0 clean, 3 when rows would be lost, 2 when a submission would be refused
 * whole (or the command line is wrong), 1 on an unforeseen failure.
 */
@Command(
    name = "iste-check",
    mixinStandardHelpOptions = true,
    version = "iste-check 0.1.0",
    header = "Check an ISTE submission before sending it, exactly as the warehouse's ingest would.",
    description = {
      "Writes a feedback workbook beside the file (TAGASISIDE_<name>.xlsx, or FEEDBACK_<name>.xlsx",
      "with --lang en) and prints a summary. Exit codes: 0 no problems, 3 rows would be lost,",
      "2 the file would be refused whole."
    })
public final class CheckMain implements Callable<Integer> {
  @Parameters(
      paramLabel = "FILE_OR_FOLDER",
      description = "A workbook ISTE_<EHAK>_<YYYY>Q<n>.xlsx, its CSV folder, or a folder of them.")
  Path path;

  @Option(
      names = "--lang",
      paramLabel = "et|en",
      defaultValue = "et",
      description = "Language of the feedback and summary (default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(
      names = "--ref",
      paramLabel = "DIR",
      description = "Folder of reference CSV files overriding the built-in ones.")
  Path refDir;

  public static void main(String[] args) {
    // POI logs through the Log4j API; the jar carries no Log4j implementation: errors only, on
    // stderr, instead of a warning that no provider was found.
    System.setProperty(
        "log4j2.loggerContextFactory",
        "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    System.exit(new CommandLine(new CheckMain()).execute(args));
  }

  @Override
  public Integer call() {
    return run(path, lang, refDir, LocalDate.now(ZoneOffset.UTC), System.out, System.err);
  }

  /** The check as both the jar and {@code iste check} run it; returns the exit code. */
  public static int run(
      Path path,
      String lang,
      Path refDir,
      LocalDate today,
      java.io.PrintStream out,
      java.io.PrintStream err) {
    if (!"et".equals(lang) && !"en".equals(lang)) {
      err.println("iste-check: --lang must be et or en, not " + lang);
      return SelfCheck.REFUSED;
    }
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      err.println("iste-check: no such file or folder: " + path);
      return SelfCheck.REFUSED;
    }
    ReferenceData ref =
        refDir == null ? ReferenceData.builtIn() : ReferenceData.withOverrides(refDir);
    SelfCheck check = new SelfCheck(ref, Locale.forLanguageTag(lang));
    SelfCheck.Result r = check.run(path, today);
    out.println(check.summary(path, r));
    return r.exitCode();
  }
}
