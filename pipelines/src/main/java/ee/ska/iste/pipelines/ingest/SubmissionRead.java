package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.contract.ContractSheet;
import ee.ska.iste.core.contract.StagedTable;
import ee.ska.iste.core.quality.RefusalReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One submission as a Spark task read it: refused (with the reason), or validated with its rows.
 * The task reads the file where it runs; the driver gets {@link #summary()} (counts, no rows) to
 * decide which submission wins, and the rows stay with Spark until they are written.
 *
 * @param index the submission's position in the run's list (file-name order)
 * @param checksum SHA-256 of the workbook or of the CSV folder's files
 * @param refusal why it was refused, null when it was read
 * @param refusalMessage the refusal's message (file and reason, never a cell's value)
 * @param validated its rows and counts, null when refused
 */
record SubmissionRead(
    int index,
    String checksum,
    RefusalReason refusal,
    String refusalMessage,
    ValidatedSubmission validated)
    implements Serializable {
  private static final Logger LOG = LoggerFactory.getLogger("ee.ska.iste.pipelines.ingest");

  /** What a task is given: a submission's place in the list and where it is. */
  record Source(int index, String path, boolean csvFolder) implements Serializable {
    static Source of(int index, SubmissionFile f) {
      return new Source(index, f.path().toString(), f.csvFolder());
    }

    SubmissionFile file() {
      return SubmissionFile.of(Path.of(path), csvFolder)
          .orElseThrow(
              () -> new IllegalStateException("not a submission name: " + Redact.text(path)));
    }
  }

  /** Reads one submission's file or folder within the caps. */
  @FunctionalInterface
  interface Reader {
    RawSubmission read(SubmissionFile f, ReadCaps caps) throws SubmissionRefused;
  }

  /** The readers of the contract's two forms. */
  static RawSubmission readFile(SubmissionFile f, ReadCaps caps) throws SubmissionRefused {
    return f.csvFolder()
        ? new CsvSubmissionReader(caps).read(f.path())
        : new XlsxSubmissionReader(caps).read(f.path());
  }

  /** Reads and validates one submission; anything that goes wrong refuses it, never the run. */
  static SubmissionRead read(Source source, SubmissionValidator validator) {
    return read(source, validator, SubmissionRead::readFile);
  }

  /**
   * Reads and validates one submission with {@code reader}: a refusal, any exception and any error
   * but the JVM's own ({@link InternalError}, {@link UnknownError}) refuse this submission with a
   * reason, never the run.
   */
  static SubmissionRead read(Source source, SubmissionValidator validator, Reader reader) {
    SubmissionFile f = source.file();
    String checksum;
    try {
      checksum = checksum(f);
    } catch (UncheckedIOException e) {
      // gone or unreadable since the inbox was scanned (moved away, permissions): this file only
      String message =
          Redact.text(f.fileName())
              + ": could not be read ("
              + e.getCause().getClass().getName()
              + ")";
      LOG.error("ingest: {}", message);
      return new SubmissionRead(
          source.index(), unreadable(f), RefusalReason.UNREADABLE_FILE, message, null);
    }
    try {
      ReadCaps caps = ReadCaps.of(validator.referenceData(), f.quarter().firstDay());
      RawSubmission raw = reader.read(f, caps);
      SubmissionValidator.Cover cover = validator.cover(f, raw);
      return new SubmissionRead(
          source.index(), checksum, null, null, validator.validate(f, raw, cover));
    } catch (SubmissionRefused r) {
      return new SubmissionRead(
          source.index(), checksum, r.reason(), Redact.text(r.getMessage()), null);
    } catch (RuntimeException | Error e) {
      // A bug or an unforeseen input: refuse this submission, go on with the others (an Error
      // thrown out of a Spark task would end the executor and the run). The caps keep memory and
      // work per file bounded, so an OutOfMemoryError here means one file needed more than the
      // rest of the heap; its structures are unreachable once this frame is left. Errors of the
      // JVM itself still end the run. The exception's message is not shown: it may quote a cell.
      if (e instanceof InternalError || e instanceof UnknownError) {
        throw e;
      }
      StackTraceElement at = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
      String message =
          Redact.text(f.fileName())
              + ": could not be read ("
              + e.getClass().getName()
              + (at == null ? "" : " at " + at)
              + ")";
      LOG.error("ingest: {}", message);
      return new SubmissionRead(
          source.index(), checksum, RefusalReason.UNREADABLE_FILE, message, null);
    }
  }

  /**
   * What the driver needs to decide which submission wins and to report it: everything but the
   * rows.
   *
   * @param submittedOn the cover's date, null when refused
   * @param formVersion the cover's form version, null when refused
   * @param sheetCounts rows read, accepted and rejected per sheet; empty when refused
   * @param rejects the number of broken rules (rows of {@code stg_reject})
   */
  record Summary(
      int index,
      String checksum,
      RefusalReason refusal,
      String refusalMessage,
      LocalDate submittedOn,
      String formVersion,
      List<ValidatedSubmission.SheetCount> sheetCounts,
      int rejects)
      implements Serializable {
    Summary {
      sheetCounts = List.copyOf(sheetCounts);
    }

    boolean refused() {
      return refusal != null;
    }

    int rowsRead() {
      return sheetCounts.stream().mapToInt(ValidatedSubmission.SheetCount::read).sum();
    }

    int rowsAccepted() {
      return sheetCounts.stream().mapToInt(ValidatedSubmission.SheetCount::accepted).sum();
    }

    int rowsRejected() {
      return sheetCounts.stream().mapToInt(ValidatedSubmission.SheetCount::rejected).sum();
    }

    /** Rows accepted on a sheet. */
    int accepted(ContractSheet sheet) {
      return sheetCounts.stream()
          .filter(c -> c.sheet().equals(sheet.sheetName()))
          .mapToInt(ValidatedSubmission.SheetCount::accepted)
          .sum();
    }
  }

  Summary summary() {
    return validated == null
        ? new Summary(index, checksum, refusal, refusalMessage, null, null, List.of(), 0)
        : new Summary(
            index,
            checksum,
            refusal,
            refusalMessage,
            validated.submittedOn(),
            validated.formVersion(),
            validated.sheetCounts(),
            validated.rejects().size());
  }

  /** The id in the staged tables: KOV, quarter, submission date and the checksum's start. */
  static String submissionId(SubmissionFile f, LocalDate submittedOn, String checksum) {
    String submitted = submittedOn == null ? "unknown" : submittedOn.toString();
    return f.kovCode() + "_" + f.quarter() + "_" + submitted + "_" + checksum.substring(0, 12);
  }

  /**
   * The rows of one staged table ({@link StagedTables#REJECT} or a data table), common columns
   * included, quarter last.
   */
  Iterator<Row> rows(String table, SubmissionFile f) {
    if (validated == null) {
      return List.<Row>of().iterator();
    }
    String id = submissionId(f, validated.submittedOn(), checksum);
    String kov = f.kovCode();
    String q = f.quarter().toString();
    StagedTable staged = StagedTable.named(table);
    if (staged == StagedTable.REJECT) {
      String file = Redact.text(f.fileName());
      List<Row> out = new ArrayList<>(validated.rejects().size());
      for (ValidatedSubmission.Reject r : validated.rejects()) {
        out.add(
            RowFactory.create(
                StagedTable.REJECT
                    .row()
                    .set("submission_id", id)
                    .set("source_file", file)
                    .set("kov_code", kov)
                    .set("sheet", r.sheet())
                    .set("source_row", r.sourceRow())
                    .set("column_name", r.column())
                    .set("reason_code", r.reason().name())
                    .set("value", r.value())
                    .set("message", r.message())
                    .set("quarter", q)
                    .values()));
      }
      return out.iterator();
    }
    int width = staged.columns().size();
    int idAt = staged.index("submission_id");
    int kovAt = staged.index("kov_code");
    int rowAt = staged.index("source_row");
    int quarterAt = staged.index("quarter");
    List<ValidatedSubmission.StagedRow> rows = validated.accepted().getOrDefault(table, List.of());
    Iterator<ValidatedSubmission.StagedRow> it = rows.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Row next() {
        ValidatedSubmission.StagedRow s = it.next();
        // the own columns first, in schema order; then the common ones, each at its place
        Object[] values = Arrays.copyOf(s.values(), width);
        values[idAt] = id;
        values[kovAt] = kov;
        values[rowAt] = s.sourceRow();
        values[quarterAt] = q;
        return RowFactory.create(values);
      }
    };
  }

  /**
   * The checksum recorded for a submission that could not be read at all: of its name, marked so,
   * that its {@code stg_submission} row still has an id of its own.
   */
  private static String unreadable(SubmissionFile f) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(("unreadable\0" + f.path()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** SHA-256 of the workbook, or of a CSV folder's files (name and bytes, by name). */
  static String checksum(SubmissionFile f) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      List<Path> parts;
      if (f.csvFolder()) {
        try (Stream<Path> s = Files.list(f.path())) {
          parts =
              s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                  .sorted()
                  .toList();
        }
      } else {
        parts = List.of(f.path());
      }
      for (Path p : parts) {
        if (f.csvFolder()) {
          md.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
          md.update((byte) 0);
        }
        try (InputStream in =
            new DigestInputStream(
                Files.newInputStream(p, java.nio.file.LinkOption.NOFOLLOW_LINKS), md)) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f.fileName(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
