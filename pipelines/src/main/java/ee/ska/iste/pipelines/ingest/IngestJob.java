package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.quality.RefusalReason;
import ee.ska.iste.core.time.Quarter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage: finds the submissions in the input folder, reads them (XLSX or CSV folder),
 * checks every contract rule, pseudonymises, keeps the latest submission per KOV and quarter and
 * writes every staged table of docs/tables.md, replacing only the partitions of the quarters
 * ingested. A table is written with its schema even when it has no rows.
 */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger("ee.ska.iste.pipelines.ingest");
  private static final int MAX_DEPTH = 4;

  /** Runs the stage. */
  public IngestResult run(SparkSession spark, IngestRequest request) {
    List<SubmissionFile> files = discover(request.inputDir(), request.quarters());
    List<Quarter> quarters =
        request.quarters().isEmpty()
            ? files.stream().map(SubmissionFile::quarter).distinct().sorted().toList()
            : request.quarters().stream().distinct().sorted().toList();
    LOG.info(
        "ingest: {} submission(s) found in {} for {}",
        files.size(),
        Redact.text(request.inputDir().toString()),
        quarters);
    SubmissionValidator validator =
        new SubmissionValidator(request.ref(), request.pseudonymiser());
    Map<Quarter, List<SubmissionFile>> byQuarter = new TreeMap<>();
    files.forEach(f -> byQuarter.computeIfAbsent(f.quarter(), q -> new ArrayList<>()).add(f));
    spark
        .sparkContext()
        .setJobGroup("ingest", "ingest " + quarters + " from " + request.inputDir(), false);
    List<Outcome> outcomes = new ArrayList<>();
    try {
      // Quarters are read and written in batches of about BATCH_ROWS rows, so that the rows held
      // on the driver stay bounded however many quarters are ingested at once.
      List<Outcome> batch = new ArrayList<>();
      List<Quarter> batchQuarters = new ArrayList<>();
      long batchRows = 0;
      for (int i = 0; i < quarters.size(); i++) {
        Quarter q = quarters.get(i);
        List<Outcome> read = readAll(byQuarter.getOrDefault(q, List.of()), validator);
        markSuperseded(read);
        read.forEach(IngestJob::logOutcome);
        batch.addAll(read);
        batchQuarters.add(q);
        batchRows += read.stream().mapToLong(o -> o.validated == null ? 0 : o.validated.rowsRead()).sum();
        if (batchRows >= BATCH_ROWS || i == quarters.size() - 1) {
          write(spark, request, batchQuarters, tables(batch));
          batch.forEach(Outcome::release);
          outcomes.addAll(batch);
          batch.clear();
          batchQuarters.clear();
          batchRows = 0;
        }
      }
    } finally {
      spark.sparkContext().clearJobGroup();
    }
    IngestResult result =
        new IngestResult(outcomes.stream().map(Outcome::summary).toList(), quarters);
    LOG.info(
        "ingest: {} loaded, {} superseded, {} refused; rows read {}, accepted {}, rejected {}",
        result.count(IngestResult.Status.LOADED),
        result.count(IngestResult.Status.SUPERSEDED),
        result.count(IngestResult.Status.REFUSED),
        result.rowsRead(),
        result.rowsAccepted(),
        result.rowsRejected());
    return result;
  }

  /** The submissions under {@code dir} for the quarters asked for (all when empty), by name. */
  /**
   * The submissions in a folder (and its sub-folders, a few levels deep) for the given quarters
   * (all when empty), in a stable order; anything else is ignored with a warning.
   */
  public static List<SubmissionFile> discover(Path dir, List<Quarter> quarters) {
    List<SubmissionFile> found = new ArrayList<>();
    walk(dir, 0, found);
    return found.stream()
        .filter(f -> quarters.isEmpty() || quarters.contains(f.quarter()))
        .sorted(Comparator.comparing(SubmissionFile::fileName).thenComparing(f -> f.path().toString()))
        .toList();
  }

  private static void walk(Path dir, int depth, List<SubmissionFile> found) {
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the input folder " + dir, e);
    }
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (name.startsWith(".") || name.startsWith("~$")) {
        continue;
      }
      boolean isDir = Files.isDirectory(p);
      var submission = SubmissionFile.of(p, isDir);
      if (submission.isPresent()) {
        found.add(submission.get());
      } else if (isDir && depth < MAX_DEPTH) {
        walk(p, depth + 1, found);
      } else {
        LOG.warn(
            "ingest: {} ignored: not a submission (expected ISTE_<EHAK>_<YYYY>Q<n>.xlsx or a folder"
                + " of that name)",
            Redact.text(p.toString()));
      }
    }
  }

  /** Rows read (all quarters together) after which a batch of quarters is written. */
  private static final long BATCH_ROWS = 1_500_000;

  /** Reads and validates the files on as many threads as there are cores, in their order. */
  private static List<Outcome> readAll(List<SubmissionFile> files, SubmissionValidator validator) {
    int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      return files.stream().map(f -> read(f, validator)).collect(Collectors.toCollection(ArrayList::new));
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "iste-ingest-read");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (SubmissionFile f : files) {
        futures.add(pool.submit(() -> read(f, validator)));
      }
      List<Outcome> out = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading submissions", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("reading a submission failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One submission as read: refused, or validated (later LOADED or SUPERSEDED). */
  private static final class Outcome {
    final SubmissionFile file;
    final String checksum;
    RefusalReason refusal;
    String refusalMessage;
    ValidatedSubmission validated;
    IngestResult.Status status;
    IngestResult.Submission released;

    Outcome(SubmissionFile file, String checksum) {
      this.file = file;
      this.checksum = checksum;
    }

    String submissionId() {
      String submitted = validated == null ? "unknown" : validated.submittedOn().toString();
      return file.kovCode() + "_" + file.quarter() + "_" + submitted + "_" + checksum.substring(0, 12);
    }

    /** Keeps the summary and lets the rows go once they are written. */
    void release() {
      released = summary();
      validated = null;
    }

    IngestResult.Submission summary() {
      if (released != null) {
        return released;
      }
      return new IngestResult.Submission(
          file.fileName(),
          submissionId(),
          file.kovCode(),
          file.quarter(),
          status,
          refusalMessage,
          validated == null ? 0 : validated.rowsRead(),
          validated == null ? 0 : validated.rowsAccepted(),
          validated == null ? 0 : validated.rowsRejected());
    }
  }

  private static Outcome read(SubmissionFile f, SubmissionValidator validator) {
    Outcome o = new Outcome(f, checksum(f));
    try {
      RawSubmission raw =
          f.csvFolder()
              ? new CsvSubmissionReader().read(f.path())
              : new XlsxSubmissionReader().read(f.path());
      SubmissionValidator.Cover cover = validator.cover(f, raw);
      o.validated = validator.validate(f, raw, cover);
      o.status = IngestResult.Status.LOADED;
    } catch (SubmissionRefused r) {
      o.refusal = r.reason();
      o.refusalMessage = Redact.text(r.getMessage());
      o.status = IngestResult.Status.REFUSED;
    } catch (RuntimeException e) {
      // A bug or an unforeseen input: refuse this submission, go on with the others. The
      // exception's message is not shown: it may quote a cell.
      StackTraceElement at = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
      o.refusal = RefusalReason.UNREADABLE_FILE;
      o.refusalMessage =
          Redact.text(f.fileName())
              + ": could not be read ("
              + e.getClass().getName()
              + (at == null ? "" : " at " + at)
              + ")";
      o.status = IngestResult.Status.REFUSED;
      LOG.error("ingest: {}", o.refusalMessage);
    }
    return o;
  }

  /** Per KOV and quarter the latest esitatud wins (tie: the later file name). */
  private static void markSuperseded(List<Outcome> outcomes) {
    Map<String, List<Outcome>> byKovQuarter =
        outcomes.stream()
            .filter(o -> o.status == IngestResult.Status.LOADED)
            .collect(
                Collectors.groupingBy(
                    o -> o.file.kovCode() + "_" + o.file.quarter(),
                    LinkedHashMap::new,
                    Collectors.toList()));
    Comparator<Outcome> latest =
        Comparator.comparing((Outcome o) -> o.validated.submittedOn())
            .thenComparing(o -> o.file.fileName())
            .thenComparing(o -> o.file.path().toString());
    for (List<Outcome> group : byKovQuarter.values()) {
      Outcome winner = group.stream().max(latest).orElseThrow();
      for (Outcome o : group) {
        if (o != winner) {
          o.status = IngestResult.Status.SUPERSEDED;
        }
      }
    }
  }

  private static void logOutcome(Outcome o) {
    String name = Redact.text(o.file.fileName());
    switch (o.status) {
      case REFUSED -> LOG.warn("{}: refused ({}): {}", name, o.refusal, o.refusalMessage);
      case SUPERSEDED ->
          LOG.info(
              "{}: superseded by a later submission for KOV {} {}; rows read {}, accepted {},"
                  + " rejected {}",
              name,
              o.file.kovCode(),
              o.file.quarter(),
              o.validated.rowsRead(),
              o.validated.rowsAccepted(),
              o.validated.rowsRejected());
      case LOADED -> {
        LOG.info(
            "{}: rows read {}, accepted {}, rejected {}",
            name,
            o.validated.rowsRead(),
            o.validated.rowsAccepted(),
            o.validated.rowsRejected());
        for (ValidatedSubmission.SheetCount c : o.validated.sheetCounts()) {
          for (String w : c.warnings()) {
            LOG.warn("{}: sheet '{}': {}", name, c.sheet(), w);
          }
        }
      }
    }
  }

  /** The rows of every staged table, common columns included, quarter last. */
  private static Map<String, List<Row>> tables(List<Outcome> outcomes) {
    Map<String, List<Row>> t = new LinkedHashMap<>();
    StagedTables.ALL.keySet().forEach(name -> t.put(name, new ArrayList<>()));
    for (Outcome o : outcomes) {
      String id = o.submissionId();
      String kov = o.file.kovCode();
      String q = o.file.quarter().toString();
      String file = Redact.text(o.file.fileName());
      ValidatedSubmission v = o.validated;
      t.get(StagedTables.SUBMISSION)
          .add(
              RowFactory.create(
                  id,
                  file,
                  kov,
                  v == null ? null : v.submittedOn(),
                  v == null ? null : v.formVersion(),
                  o.checksum,
                  o.status.name(),
                  o.refusal == null ? null : o.refusal.name(),
                  o.refusalMessage,
                  v == null ? 0 : v.rowsRead(),
                  v == null ? 0 : v.rowsAccepted(),
                  v == null ? 0 : v.rowsRejected(),
                  q));
      if (v == null) {
        continue;
      }
      for (ValidatedSubmission.SheetCount c : v.sheetCounts()) {
        t.get(StagedTables.INGEST_LOG)
            .add(
                RowFactory.create(
                    id,
                    file,
                    kov,
                    c.sheet(),
                    c.read(),
                    c.accepted(),
                    c.rejected(),
                    c.warnings().isEmpty() ? null : String.join("; ", c.warnings()),
                    q));
      }
      if (o.status != IngestResult.Status.LOADED) {
        continue;
      }
      for (ValidatedSubmission.Reject r : v.rejects()) {
        t.get(StagedTables.REJECT)
            .add(
                RowFactory.create(
                    id,
                    file,
                    kov,
                    r.sheet(),
                    r.sourceRow(),
                    r.column(),
                    r.reason().name(),
                    r.value(),
                    r.message(),
                    q));
      }
      for (Map.Entry<String, List<ValidatedSubmission.StagedRow>> e : v.accepted().entrySet()) {
        List<Row> rows = t.get(e.getKey());
        for (ValidatedSubmission.StagedRow s : e.getValue()) {
          Object[] values = new Object[s.values().length + 4];
          System.arraycopy(s.values(), 0, values, 0, s.values().length);
          int n = s.values().length;
          values[n] = id;
          values[n + 1] = kov;
          values[n + 2] = s.sourceRow();
          values[n + 3] = q;
          rows.add(RowFactory.create(values));
        }
      }
    }
    return t;
  }

  private static final Map<String, List<String>> SORT_KEYS =
      Map.of(
          StagedTables.SUBMISSION, List.of("kov_code", "submission_id"),
          StagedTables.INGEST_LOG, List.of("kov_code", "submission_id", "sheet"),
          StagedTables.REJECT,
              List.of("kov_code", "submission_id", "sheet", "source_row", "column_name", "reason_code"));
  private static final List<String> DATA_SORT_KEY = List.of("kov_code", "submission_id", "source_row");

  private static void write(
      SparkSession spark,
      IngestRequest request,
      List<Quarter> quarters,
      Map<String, List<Row>> tables) {
    for (Map.Entry<String, StructType> e : StagedTables.ALL.entrySet()) {
      String table = e.getKey();
      StructType schema = e.getValue();
      long started = System.nanoTime();
      List<Row> rows = tables.get(table);
      List<Column> order = new ArrayList<>();
      order.add(functions.col("quarter"));
      SORT_KEYS.getOrDefault(table, DATA_SORT_KEY).forEach(c -> order.add(functions.col(c)));
      String path = request.layout().table(table);
      Dataset<Row> df =
          spark
              .createDataFrame(rows, schema)
              .coalesce(1)
              .sortWithinPartitions(order.toArray(new Column[0]));
      df.write()
          .mode(SaveMode.Overwrite)
          .option("partitionOverwriteMode", "dynamic")
          .partitionBy("quarter")
          .parquet(path);
      Set<String> written =
          rows.stream()
              .map(r -> r.getString(schema.fieldIndex("quarter")))
              .collect(Collectors.toCollection(TreeSet::new));
      StructType withoutQuarter =
          new StructType(
              Stream.of(schema.fields())
                  .filter(f -> !f.name().equals("quarter"))
                  .toArray(StructField[]::new));
      for (Quarter q : quarters) {
        if (!written.contains(q.toString())) {
          spark
              .createDataFrame(List.<Row>of(), withoutQuarter)
              .coalesce(1)
              .write()
              .mode(SaveMode.Overwrite)
              .parquet(request.layout().partition(table, q));
        }
      }
      LOG.info(
          "ingest: {} written, {} rows ({} ms)",
          table,
          rows.size(),
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** SHA-256 of the workbook, or of a CSV folder's files (name and bytes, by name). */
  static String checksum(SubmissionFile f) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      List<Path> parts;
      if (f.csvFolder()) {
        try (Stream<Path> s = Files.list(f.path())) {
          parts = s.filter(Files::isRegularFile).sorted().toList();
        }
      } else {
        parts = List.of(f.path());
      }
      for (Path p : parts) {
        if (f.csvFolder()) {
          md.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
          md.update((byte) 0);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
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
