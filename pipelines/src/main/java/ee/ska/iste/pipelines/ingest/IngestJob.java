package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.contract.ContractSheet;
import ee.ska.iste.core.quality.RefusalReason;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.spark.ParallelWrites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
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

  /** Runs the stage. */
  public IngestResult run(SparkSession spark, IngestRequest request) {
    Inbox inbox =
        request.inbox() != null
            ? request.inbox()
            : Inbox.scan(request.inputDir(), request.quarters(), LocalDate.now(ZoneOffset.UTC));
    List<SubmissionFile> files = inbox.submissions();
    List<Quarter> quarters =
        request.quarters().isEmpty()
            ? files.stream().map(SubmissionFile::quarter).distinct().sorted().toList()
            : request.quarters().stream().distinct().sorted().toList();
    LOG.info(
        "ingest: {} submission(s) found in {} for {}; {} refused unread",
        files.size(),
        Redact.text(request.inputDir().toString()),
        quarters,
        inbox.refused().size());
    // An entry refused unread is recorded in its own quarter's stg_submission when that quarter
    // is run, else in the run's latest quarter: always somewhere an operator looks.
    Map<Inbox.Refused, Quarter> placement = new java.util.LinkedHashMap<>();
    List<IngestResult.Submission> unplaced = new ArrayList<>();
    for (Inbox.Refused r : inbox.refused()) {
      LOG.warn("ingest: {}: refused ({}): {}", r.name(), r.reason(), r.message());
      Quarter q = r.quarter() != null && quarters.contains(r.quarter()) ? r.quarter() : null;
      if (q == null && !quarters.isEmpty()) {
        Quarter home =
            request.refusalQuarter() == null
                ? quarters.get(quarters.size() - 1)
                : request.refusalQuarter();
        q = quarters.contains(home) ? home : null;
      }
      if (q == null) {
        unplaced.add(summaryOf(r, null));
      } else {
        placement.put(r, q);
      }
    }
    Map<Quarter, List<SubmissionFile>> byQuarter = new TreeMap<>();
    files.forEach(f -> byQuarter.computeIfAbsent(f.quarter(), q -> new ArrayList<>()).add(f));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    spark
        .sparkContext()
        .setJobGroup("ingest", "ingest " + quarters + " from " + request.inputDir(), false);
    // The rules, with the reference tables and the key, go to the tasks once.
    Broadcast<SubmissionValidator> rules =
        jsc.broadcast(new SubmissionValidator(request.ref(), request.pseudonymiser()));
    List<Outcome> outcomes = new ArrayList<>();
    List<IngestResult.Submission> placed = new ArrayList<>();
    try {
      // Quarters are read and written in batches of about BATCH_BYTES of input, so that the rows
      // Spark holds between reading and writing stay bounded however many quarters are ingested.
      List<Quarter> batch = new ArrayList<>();
      long batchBytes = 0;
      for (int i = 0; i < quarters.size(); i++) {
        Quarter q = quarters.get(i);
        batch.add(q);
        for (SubmissionFile f : byQuarter.getOrDefault(q, List.of())) {
          batchBytes += size(f);
        }
        if (batchBytes >= BATCH_BYTES || i == quarters.size() - 1) {
          List<SubmissionFile> batchFiles = new ArrayList<>();
          batch.forEach(bq -> batchFiles.addAll(byQuarter.getOrDefault(bq, List.of())));
          Map<Inbox.Refused, Quarter> batchRefused = new java.util.LinkedHashMap<>();
          placement.forEach(
              (r, pq) -> {
                if (batch.contains(pq)) {
                  batchRefused.put(r, pq);
                }
              });
          outcomes.addAll(ingest(spark, jsc, request, rules, batch, batchFiles, batchRefused));
          batchRefused.forEach((r, pq) -> placed.add(summaryOf(r, pq)));
          batch.clear();
          batchBytes = 0;
        }
      }
    } finally {
      rules.destroy();
      spark.sparkContext().clearJobGroup();
    }
    List<IngestResult.Submission> all = new ArrayList<>();
    outcomes.forEach(o -> all.add(o.summary()));
    all.addAll(placed);
    all.addAll(unplaced);
    IngestResult result = new IngestResult(all, quarters);
    LOG.info(
        "ingest: {} loaded, {} superseded, {} duplicate, {} refused; rows read {}, accepted {},"
            + " rejected {}",
        result.count(IngestResult.Status.LOADED),
        result.count(IngestResult.Status.SUPERSEDED),
        result.count(IngestResult.Status.DUPLICATE),
        result.count(IngestResult.Status.REFUSED),
        result.rowsRead(),
        result.rowsAccepted(),
        result.rowsRejected());
    return result;
  }

  /** The result entry of an entry refused unread, recorded in {@code partition} (null: nowhere). */
  private static IngestResult.Submission summaryOf(Inbox.Refused r, Quarter partition) {
    return new IngestResult.Submission(
        r.name(),
        r.submissionId(),
        r.kovCode(),
        partition,
        IngestResult.Status.REFUSED,
        r.message(),
        0,
        0,
        0,
        r.reason().name(),
        null,
        null,
        null,
        false);
  }

  /**
   * Reads one batch of quarters in Spark tasks (one per submission), decides on the driver which
   * submissions win from their counts, and writes the winners' rows from what the tasks read.
   */
  private static List<Outcome> ingest(
      SparkSession spark,
      JavaSparkContext jsc,
      IngestRequest request,
      Broadcast<SubmissionValidator> rules,
      List<Quarter> quarters,
      List<SubmissionFile> files,
      Map<Inbox.Refused, Quarter> refusedUnread) {
    List<SubmissionRead.Source> sources = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      sources.add(SubmissionRead.Source.of(i, files.get(i)));
    }
    // One task per submission, in file order: the writes then get the rows almost in the order
    // they are sorted in, which makes the sort cheap.
    JavaRDD<SubmissionRead> earlierRead = null;
    JavaRDD<SubmissionRead> reads =
        jsc.parallelize(sources, Math.max(1, sources.size()))
            .map(s -> SubmissionRead.read(s, rules.value()))
            .setName("ingest: submissions of " + quarters)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      spark
          .sparkContext()
          .setJobDescription(
              "ingest: read and validate " + files.size() + " submission(s) of " + quarters);
      List<SubmissionRead.Summary> summaries =
          files.isEmpty() ? List.of() : reads.map(SubmissionRead::summary).collect();
      Outcome[] byIndex = new Outcome[files.size()];
      for (SubmissionRead.Summary s : summaries) {
        byIndex[s.index()] = new Outcome(files.get(s.index()), s);
      }
      List<Outcome> outcomes = new ArrayList<>(List.of(byIndex));
      List<EarlierSubmissions.Entry> earlier = request.earlier().entries();
      List<EarlierSubmissions.Entry> displaced = Resubmissions.displaced(outcomes, earlier);
      JavaRDD<SubmissionRead> all = reads;
      if (!displaced.isEmpty()) {
        earlierRead = readEarlier(jsc, request, rules, files.size(), displaced, outcomes);
        all = reads.union(earlierRead);
      }
      Resubmissions.decide(outcomes, earlier);
      outcomes.forEach(IngestJob::logOutcome);
      write(spark, request, quarters, outcomes, refusedUnread, all);
      return outcomes;
    } finally {
      spark.sparkContext().setJobDescription(null);
      reads.unpersist(false);
      if (earlierRead != null) {
        earlierRead.unpersist(false);
      }
    }
  }

  /**
   * Reads from the archive the earlier submissions that a submission of this batch would displace
   * (same KOV, quarter and {@code esitatud}, other content, its own file overwritten or gone), so
   * that they stay loaded; their outcomes are added after the batch's, indexed from {@code first}.
   */
  private static JavaRDD<SubmissionRead> readEarlier(
      JavaSparkContext jsc,
      IngestRequest request,
      Broadcast<SubmissionValidator> rules,
      int first,
      List<EarlierSubmissions.Entry> displaced,
      List<Outcome> outcomes) {
    List<SubmissionFile> files = new ArrayList<>();
    List<SubmissionRead.Source> sources = new ArrayList<>();
    for (EarlierSubmissions.Entry e : displaced) {
      LOG.info(
          "ingest: {} {}: a submission with the same esitatud {} differs from the one loaded"
              + " earlier; that one is read from the archive and stays",
          e.kovCode(),
          e.quarter(),
          e.submittedOn());
      SubmissionFile f = request.earlier().fetch(e);
      sources.add(SubmissionRead.Source.of(first + files.size(), f));
      files.add(f);
    }
    JavaRDD<SubmissionRead> reads =
        jsc.parallelize(sources, sources.size())
            .map(s -> SubmissionRead.read(s, rules.value()))
            .setName("ingest: earlier submissions from the archive")
            .persist(StorageLevel.MEMORY_AND_DISK());
    for (SubmissionRead.Summary s : reads.map(SubmissionRead::summary).collect()) {
      outcomes.add(new Outcome(files.get(s.index() - first), s));
    }
    return reads;
  }

  private static long size(SubmissionFile f) {
    try {
      if (!f.csvFolder()) {
        return Files.size(f.path());
      }
      try (Stream<Path> s = Files.list(f.path())) {
        long total = 0;
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          total += Files.size(p);
        }
        return total;
      }
    } catch (IOException e) {
      return 0; // reading it will refuse it
    }
  }

  /**
   * The submissions in a folder (and its sub-folders, a few levels deep) for the given quarters
   * (all when empty), in a stable order; what {@link Inbox#scan} refuses is left out.
   */
  public static List<SubmissionFile> discover(Path dir, List<Quarter> quarters) {
    return Inbox.scan(dir, quarters, LocalDate.now(ZoneOffset.UTC)).submissions();
  }

  /**
   * The SHA-256 ingest records for a submission: of the workbook, or of a CSV folder's file names
   * and bytes in name order.
   */
  public static String checksum(SubmissionFile f) {
    return SubmissionRead.checksum(f);
  }

  /**
   * Input bytes (workbooks, CSV files) after which a batch of quarters is read and written: about 5
   * million rows of workbooks (some 400 MiB as Spark holds them), half as many of CSV. The national
   * data set's eight quarters are one batch.
   */
  private static final long BATCH_BYTES = 128L << 20;

  /**
   * One submission as read: refused, or validated (then LOADED, SUPERSEDED, DUPLICATE or, when it
   * conflicts with another of the same date, REFUSED).
   */
  static final class Outcome {
    final SubmissionFile file;
    final SubmissionRead.Summary read;
    IngestResult.Status status;
    RefusalReason refusal;
    String refusalMessage;

    Outcome(SubmissionFile file, SubmissionRead.Summary read) {
      this.file = file;
      this.read = read;
      this.status = read.refused() ? IngestResult.Status.REFUSED : IngestResult.Status.LOADED;
      this.refusal = read.refusal();
      this.refusalMessage = read.refusalMessage();
    }

    /** Refuses a submission that was read (a conflicting resubmission). */
    void refuse(RefusalReason reason, String message) {
      status = IngestResult.Status.REFUSED;
      refusal = reason;
      refusalMessage = message;
    }

    String submissionId() {
      return SubmissionRead.submissionId(file, read.submittedOn(), read.checksum());
    }

    IngestResult.Submission summary() {
      return new IngestResult.Submission(
          file.fileName(),
          submissionId(),
          file.kovCode(),
          file.quarter(),
          status,
          refusalMessage,
          read.rowsRead(),
          read.rowsAccepted(),
          read.rowsRejected(),
          refusal == null ? null : refusal.name(),
          read.checksum(),
          read.submittedOn(),
          file.path(),
          file.csvFolder());
    }
  }

  private static void logOutcome(Outcome o) {
    String name = Redact.text(o.file.fileName());
    switch (o.status) {
      case REFUSED -> LOG.warn("{}: refused ({}): {}", name, o.refusal, o.refusalMessage);
      case DUPLICATE ->
          LOG.info(
              "{}: the same content as another submission for KOV {} {} of the same date; counted"
                  + " once",
              name,
              o.file.kovCode(),
              o.file.quarter());
      case SUPERSEDED ->
          LOG.info(
              "{}: superseded by a later submission for KOV {} {}; rows read {}, accepted {},"
                  + " rejected {}",
              name,
              o.file.kovCode(),
              o.file.quarter(),
              o.read.rowsRead(),
              o.read.rowsAccepted(),
              o.read.rowsRejected());
      case LOADED -> {
        LOG.info(
            "{}: rows read {}, accepted {}, rejected {}",
            name,
            o.read.rowsRead(),
            o.read.rowsAccepted(),
            o.read.rowsRejected());
        for (ValidatedSubmission.SheetCount c : o.read.sheetCounts()) {
          for (String w : c.warnings()) {
            // c.sheet() is the contract's sheet name, never the workbook's own.
            LOG.warn("{}: sheet '{}': {}", name, c.sheet(), w);
          }
        }
      }
    }
  }

  /** The rows of stg_submission and stg_ingest_log, which the driver makes from the counts. */
  private static Map<String, List<Row>> reportTables(
      List<Outcome> outcomes, Map<Inbox.Refused, Quarter> refusedUnread) {
    List<Row> submissions = new ArrayList<>();
    List<Row> log = new ArrayList<>();
    for (Map.Entry<Inbox.Refused, Quarter> e : refusedUnread.entrySet()) {
      Inbox.Refused r = e.getKey();
      Quarter q = e.getValue();
      submissions.add(
          RowFactory.create(
              r.submissionId(),
              r.name(),
              r.kovCode(),
              null,
              null,
              null,
              IngestResult.Status.REFUSED.name(),
              r.reason().name(),
              r.message(),
              0,
              0,
              0,
              q.toString()));
    }
    for (Outcome o : outcomes) {
      String id = o.submissionId();
      String kov = o.file.kovCode();
      String q = o.file.quarter().toString();
      String file = Redact.text(o.file.fileName());
      SubmissionRead.Summary r = o.read;
      submissions.add(
          RowFactory.create(
              id,
              file,
              kov,
              r.submittedOn(),
              r.formVersion(),
              r.checksum(),
              o.status.name(),
              o.refusal == null ? null : o.refusal.name(),
              o.refusalMessage,
              r.rowsRead(),
              r.rowsAccepted(),
              r.rowsRejected(),
              q));
      for (ValidatedSubmission.SheetCount c : r.sheetCounts()) {
        log.add(
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
    }
    return Map.of(StagedTables.SUBMISSION, submissions, StagedTables.INGEST_LOG, log);
  }

  private static final Map<String, List<String>> SORT_KEYS =
      Map.of(
          StagedTables.SUBMISSION, List.of("kov_code", "submission_id"),
          StagedTables.INGEST_LOG, List.of("kov_code", "submission_id", "sheet"),
          StagedTables.REJECT,
              List.of(
                  "kov_code",
                  "submission_id",
                  "sheet",
                  "source_row",
                  "column_name",
                  "reason_code"));
  private static final List<String> DATA_SORT_KEY =
      List.of("kov_code", "submission_id", "source_row");

  /**
   * Writes every staged table for the batch's quarters: stg_submission and stg_ingest_log from the
   * driver's counts, stg_reject and the data tables from the rows the tasks read, of the loaded
   * submissions only. The tables are written on as many threads as cores (each is one task).
   */
  private static void write(
      SparkSession spark,
      IngestRequest request,
      List<Quarter> quarters,
      List<Outcome> outcomes,
      Map<Inbox.Refused, Quarter> refusedUnread,
      JavaRDD<SubmissionRead> reads) {
    Map<String, List<Row>> report = reportTables(outcomes, refusedUnread);
    HashMap<Integer, SubmissionRead.Source> loaded = new HashMap<>();
    for (Outcome o : outcomes) {
      if (o.status == IngestResult.Status.LOADED) {
        loaded.put(o.read.index(), SubmissionRead.Source.of(o.read.index(), o.file));
      }
    }
    List<Callable<Void>> writes = new ArrayList<>();
    for (Map.Entry<String, StructType> e : StagedTables.ALL.entrySet()) {
      String table = e.getKey();
      StructType schema = e.getValue();
      writes.add(
          () -> {
            spark.sparkContext().setJobDescription("ingest: write " + table + " for " + quarters);
            long started = System.nanoTime();
            Dataset<Row> df;
            long rows;
            Set<String> written = new TreeSet<>();
            if (report.containsKey(table)) {
              List<Row> list = report.get(table);
              df = spark.createDataFrame(list, schema);
              rows = list.size();
              list.forEach(r -> written.add(r.getString(schema.fieldIndex("quarter"))));
            } else {
              df = spark.createDataFrame(rowsOf(reads, table, loaded), schema);
              rows = 0;
              for (Outcome o : outcomes) {
                long n = o.status != IngestResult.Status.LOADED ? 0 : rowCount(o.read, table);
                rows += n;
                if (n > 0) {
                  written.add(o.file.quarter().toString());
                }
              }
            }
            writeTable(spark, request, table, schema, df, quarters, written);
            LOG.info(
                "ingest: {} written, {} rows ({} ms)",
                table,
                rows,
                (System.nanoTime() - started) / 1_000_000);
            return null;
          });
    }
    ParallelWrites.run("iste-ingest-write", "the staged tables", writes);
  }

  /** The rows a loaded submission gives a table: its rejects or the accepted rows of a sheet. */
  private static long rowCount(SubmissionRead.Summary read, String table) {
    if (table.equals(StagedTables.REJECT)) {
      return read.rejects();
    }
    for (ContractSheet sheet : ContractSheet.dataSheets()) {
      if (sheet.table().tableName().equals(table)) {
        return read.accepted(sheet);
      }
    }
    throw new IllegalArgumentException("not a table of rows read: " + table);
  }

  private static JavaRDD<Row> rowsOf(
      JavaRDD<SubmissionRead> reads, String table, Map<Integer, SubmissionRead.Source> loaded) {
    return reads.flatMap(
        r -> {
          SubmissionRead.Source s = loaded.get(r.index());
          return s == null ? Collections.emptyIterator() : r.rows(table, s.file());
        });
  }

  private static void writeTable(
      SparkSession spark,
      IngestRequest request,
      String table,
      StructType schema,
      Dataset<Row> rows,
      List<Quarter> quarters,
      Set<String> written) {
    List<Column> order = new ArrayList<>();
    order.add(functions.col("quarter"));
    SORT_KEYS.getOrDefault(table, DATA_SORT_KEY).forEach(c -> order.add(functions.col(c)));
    rows.coalesce(1)
        .sortWithinPartitions(order.toArray(new Column[0]))
        .write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy("quarter")
        .parquet(request.layout().table(table));
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
  }
}
