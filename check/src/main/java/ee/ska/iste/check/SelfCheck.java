package ee.ska.iste.check;

import ee.ska.iste.core.files.OutputFiles;
import ee.ska.iste.core.quality.ReasonCode;
import ee.ska.iste.core.quality.ReasonTexts;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.pipelines.ingest.SubmissionCheck;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The self-check a municipality runs before sending: judges a submission exactly as the ingest
 * would ({@link SubmissionCheck}: the same inbox rules, readers, caps and row rules, no Spark, no
 * key), writes a feedback workbook beside it ({@link FeedbackWorkbook}) and gives a one-screen
 * summary. Nothing else is written.
 */
public final class SelfCheck {
  /** Exit code: nothing would be lost. */
  public static final int CLEAN = 0;

  /** Exit code: a submission would be refused whole (or the path is not a submission at all). */
  public static final int REFUSED = 2;

  /** Exit code: the submission would be loaded, but some rows would be rejected. */
  public static final int ROWS_LOST = 3;

  private static final int REASON_LINES = 8;

  private final SubmissionCheck check;
  private final ReasonTexts texts;
  private final Messages messages;

  /** A check against the reference data, reporting in the locale's language (et or en). */
  public SelfCheck(ReferenceData ref, Locale locale) {
    this.check = new SubmissionCheck(ref);
    this.texts = ReasonTexts.of(ref);
    this.messages = new Messages(locale);
  }

  /**
   * What a check found.
   *
   * @param verdicts one per submission or refused entry, by name
   * @param feedback the feedback workbook written
   * @param exitCode {@link #CLEAN}, {@link #ROWS_LOST} or {@link #REFUSED}
   */
  public record Result(List<SubmissionCheck.Verdict> verdicts, Path feedback, int exitCode) {
    public Result {
      verdicts = List.copyOf(verdicts);
    }
  }

  /** Checks a workbook, a CSV folder or a folder of submissions as the ingest would on today. */
  public Result run(Path fileOrFolder, LocalDate today) {
    List<SubmissionCheck.Verdict> verdicts = check.check(fileOrFolder, today);
    Path feedback = feedbackPath(fileOrFolder);
    OutputFiles.writeAtomically(
        feedback, out -> new FeedbackWorkbook(texts, messages).write(verdicts, out));
    return new Result(verdicts, feedback, exitCode(verdicts));
  }

  /** The feedback workbook's place: beside the file or folder, with a name no inbox takes in. */
  public Path feedbackPath(Path fileOrFolder) {
    Path p = fileOrFolder.toAbsolutePath().normalize();
    String name = p.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
      name = name.substring(0, name.length() - 5);
    }
    Path dir = p.getParent() == null ? p : p.getParent();
    return dir.resolve(messages.get("feedback.file", name));
  }

  static int exitCode(List<SubmissionCheck.Verdict> verdicts) {
    if (verdicts.isEmpty() || verdicts.stream().anyMatch(SubmissionCheck.Verdict::refused)) {
      return REFUSED;
    }
    return verdicts.stream().anyMatch(v -> v.rowsRejected() > 0) ? ROWS_LOST : CLEAN;
  }

  /**
   * The one-screen summary: per submission its counts and its commonest reasons, then the verdict.
   */
  public String summary(Path fileOrFolder, Result r) {
    Locale locale = messages.locale();
    List<String> lines = new ArrayList<>();
    if (r.verdicts().isEmpty()) {
      lines.add(messages.get("summary.nothing", fileOrFolder.getFileName()));
    }
    for (SubmissionCheck.Verdict v : r.verdicts()) {
      if (v.refused()) {
        ReasonTexts.Text t = texts.of(v.refusal());
        lines.add(messages.get("summary.refused", v.name(), t.text(locale)));
        lines.add("  " + v.refusalMessage());
        lines.add(messages.get("summary.fix", t.fix(locale)));
        continue;
      }
      int read = v.rowsRead() - 1; // the cover row is not data
      lines.add(
          messages.get("summary.file", v.name(), read, read - v.rowsRejected(), v.rowsRejected()));
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-13s %14s %14s %14s",
              messages.get("col.sheet"),
              messages.get("col.read"),
              messages.get("col.accepted"),
              messages.get("col.rejected")));
      for (SubmissionCheck.SheetRows s : v.sheets()) {
        if (!"kaas".equals(s.sheet())) {
          lines.add(
              String.format(
                  Locale.ROOT,
                  "  %-13s %14d %14d %14d",
                  s.sheet(),
                  s.read(),
                  s.accepted(),
                  s.rejected()));
        }
      }
      Map<ReasonCode, Integer> byReason = new TreeMap<>();
      v.problems().forEach(p -> byReason.merge(p.reason(), 1, Integer::sum));
      if (!byReason.isEmpty()) {
        lines.add(messages.get("summary.reasons"));
        byReason.entrySet().stream()
            .sorted((a, b) -> b.getValue() - a.getValue())
            .limit(REASON_LINES)
            .forEach(
                e ->
                    lines.add(
                        String.format(
                            Locale.ROOT,
                            "  %6d  %-28s %s",
                            e.getValue(),
                            e.getKey().name(),
                            texts.of(e.getKey()).text(locale))));
        if (byReason.size() > REASON_LINES) {
          lines.add(messages.get("summary.moreReasons", byReason.size() - REASON_LINES));
        }
      }
    }
    lines.add(messages.get("summary.feedback", r.feedback()));
    lines.add(
        switch (r.exitCode()) {
          case CLEAN -> messages.get("summary.clean");
          case ROWS_LOST ->
              messages.get(
                  "summary.rowsLost",
                  r.verdicts().stream().mapToInt(SubmissionCheck.Verdict::rowsRejected).sum());
          default -> messages.get("summary.refusedAll");
        });
    return String.join(System.lineSeparator(), lines);
  }
}
