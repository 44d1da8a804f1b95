package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.core.quality.ReasonCode;
import ee.ska.iste.core.quality.RefusalReason;
import ee.ska.iste.core.ref.ReferenceData;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The ingest's judgement of submissions, without Spark and without the pseudonymisation key: the
 * same inbox rules ({@link Inbox}), readers, caps and row rules ({@link SubmissionValidator}) that
 * the ingest's tasks apply, for the self-check a KOV runs before sending. Nothing is written; no
 * personal code is in a verdict (a value of an identifier column is given as its shape).
 *
 * <p>What only the warehouse knows is not judged: a resubmission's conflict with an earlier file of
 * the same date, and the check of {@code --kov} on the stage verbs.
 */
public final class SubmissionCheck {
  private final SubmissionValidator validator;

  /** Checks against the given reference data (code lists, caps, thresholds). */
  public SubmissionCheck(ReferenceData ref) {
    // Pseudonyms are made (the validator builds staged rows) and thrown away: any key will do.
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.validator = new SubmissionValidator(ref, new Pseudonymiser(key));
  }

  /**
   * One broken rule of one row, as {@code stg_reject} stores it.
   *
   * @param sheet the sheet's name
   * @param row the row number a spreadsheet program shows (the header is row 1)
   * @param column the column's name, null when the rule is the row's (a duplicate)
   * @param reason the reason's code
   * @param value the value as stored: its shape for identifier and free-text columns, else the
   *     value with any run of 11 digits masked; null when empty
   * @param message the ingest's message (English, no personal code)
   */
  public record Problem(
      String sheet, int row, String column, ReasonCode reason, String value, String message) {}

  /** Rows read, accepted and rejected on one sheet, with the reader's warnings. */
  public record SheetRows(
      String sheet, int read, int accepted, int rejected, List<String> warnings) {
    public SheetRows {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * What the ingest would make of one submission (or of an entry it would refuse unread).
   *
   * @param name the file or folder name (masked)
   * @param refusal why it would be refused whole, null when it would be loaded
   * @param refusalMessage the refusal's message naming the file and the part, sheet or cell
   * @param sheets per sheet, the rows read, accepted and rejected; empty when refused
   * @param problems every broken rule, in sheet and row order; empty when refused
   */
  public record Verdict(
      String name,
      RefusalReason refusal,
      String refusalMessage,
      List<SheetRows> sheets,
      List<Problem> problems) {
    public Verdict {
      sheets = List.copyOf(sheets);
      problems = List.copyOf(problems);
    }

    public boolean refused() {
      return refusal != null;
    }

    public int rowsRead() {
      return sheets.stream().mapToInt(SheetRows::read).sum();
    }

    public int rowsRejected() {
      return sheets.stream().mapToInt(SheetRows::rejected).sum();
    }
  }

  /**
   * Judges a workbook, a submission's CSV folder, or every submission in a folder of another name,
   * as the ingest would on {@code today} (a quarter that has not begun is refused).
   */
  public List<Verdict> check(Path fileOrFolder, LocalDate today) {
    Inbox inbox = Inbox.entry(fileOrFolder, today);
    List<Verdict> out = new ArrayList<>();
    for (Inbox.Refused r : inbox.refused()) {
      out.add(new Verdict(r.name(), r.reason(), r.message(), List.of(), List.of()));
    }
    List<SubmissionFile> files = inbox.submissions();
    for (int i = 0; i < files.size(); i++) {
      out.add(
          verdict(
              files.get(i),
              SubmissionRead.read(SubmissionRead.Source.of(i, files.get(i)), validator)));
    }
    out.sort(java.util.Comparator.comparing(Verdict::name));
    return out;
  }

  private static Verdict verdict(SubmissionFile f, SubmissionRead read) {
    String name = Redact.text(f.fileName());
    ValidatedSubmission v = read.validated();
    if (v == null) {
      return new Verdict(name, read.refusal(), read.refusalMessage(), List.of(), List.of());
    }
    List<SheetRows> sheets = new ArrayList<>();
    for (ValidatedSubmission.SheetCount c : v.sheetCounts()) {
      sheets.add(new SheetRows(c.sheet(), c.read(), c.accepted(), c.rejected(), c.warnings()));
    }
    List<Problem> problems = new ArrayList<>();
    for (ValidatedSubmission.Reject r : v.rejects()) {
      problems.add(
          new Problem(r.sheet(), r.sourceRow(), r.column(), r.reason(), r.value(), r.message()));
    }
    return new Verdict(name, null, null, sheets, problems);
  }

  /**
   * The cells of a submission as the ingest reads them (trimmed text, an Excel date as ISO {@code
   * YYYY-MM-DD}), per sheet in contract column order, within the caps of its quarter: for carrying
   * a quarter's file forward on the KOV's own machine. Personal codes are in the cells.
   *
   * @throws IllegalArgumentException naming the file and the reason when it is not a submission or
   *     the ingest would refuse to read it
   */
  public static java.util.Map<ee.ska.iste.core.contract.ContractSheet, List<String[]>> cells(
      Path file, ReferenceData ref) {
    SubmissionFile f =
        SubmissionFile.of(file, java.nio.file.Files.isDirectory(file))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        Redact.text(file.getFileName().toString())
                            + ": not a submission's name (ISTE_<EHAK>_<YYYY>Q<n>.xlsx)"));
    RawSubmission raw;
    try {
      raw = SubmissionRead.readFile(f, ReadCaps.of(ref, f.quarter().firstDay()));
    } catch (SubmissionRefused r) {
      throw new IllegalArgumentException(Redact.text(r.getMessage()), r);
    }
    java.util.Map<ee.ska.iste.core.contract.ContractSheet, List<String[]>> out =
        new java.util.EnumMap<>(ee.ska.iste.core.contract.ContractSheet.class);
    for (ee.ska.iste.core.contract.ContractSheet spec :
        ee.ska.iste.core.contract.ContractSheet.values()) {
      List<String[]> rows = new ArrayList<>();
      for (RawSheet.RawRow r : raw.sheets().get(spec.sheetName()).rows()) {
        rows.add(r.cells().clone());
      }
      out.put(spec, rows);
    }
    return out;
  }
}
