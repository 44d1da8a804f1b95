package ee.ska.iste.cli.runner;

import ee.ska.iste.core.Stage;
import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.ingest.IngestJob;
import ee.ska.iste.pipelines.ingest.IngestRequest;
import ee.ska.iste.pipelines.ingest.IngestResult;
import ee.ska.iste.pipelines.ingest.SubmissionFile;
import ee.ska.iste.pipelines.measures.MeasuresJob;
import ee.ska.iste.pipelines.model.ModelJob;
import ee.ska.iste.pipelines.spark.SparkSessions;
import ee.ska.iste.reports.ReportFormat;
import ee.ska.iste.reports.ReportRenderer;
import ee.ska.iste.warehouse.Building;
import ee.ska.iste.warehouse.RunMetadata;
import ee.ska.iste.warehouse.Version;
import ee.ska.iste.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the stages of {@link Stage} in order on one machine: ingest, model and measures into a new
 * warehouse version, publish it, render the reports. A crash before publish leaves the last
 * published version as it was (the unfinished version is cleaned at the next run).
 */
public final class LocalRunner {
  /** Shuffle partitions for a quarter's data on a small machine (Spark's default of 200 is far too many). */
  private static final int SHUFFLE_PARTITIONS = 8;

  private final PrintStream err;
  private final Clock clock;

  public LocalRunner(PrintStream err, Clock clock) {
    this.err = err;
    this.clock = clock;
  }

  /** What a run produced. */
  public record Outcome(Version version, IngestResult ingest, List<Path> reports) {}

  public Outcome run(RunPlan plan) {
    List<SubmissionFile> submissions = submissions(plan);
    if (submissions.isEmpty()) {
      throw new IllegalArgumentException(
          "no submissions (ISTE_<EHAK>_<YYYY>Q<n>.xlsx or CSV folders) for the requested quarters in "
              + plan.input());
    }
    StageProgress progress = new StageProgress(err, describe(plan, submissions));
    Warehouse warehouse = Warehouse.at(plan.warehouseRoot()).withReferenceData(plan.ref()).withClock(clock);
    RunMetadata meta =
        RunMetadata.started(codeVersion(), quartersOf(plan, submissions), inputFiles(plan, submissions), clock.instant());
    SparkSession spark = SparkSessions.create(plan.master(), SHUFFLE_PARTITIONS);
    try (Building building = warehouse.begin(meta)) {
      WarehouseLayout layout = building.layout();

      progress.start(Stage.INGEST, submissions.size() + " submissions");
      IngestResult ingested =
          new IngestJob()
              .run(spark, new IngestRequest(plan.input(), layout, plan.quarters(), plan.pseudonymiser(), plan.ref()));
      progress.done(
          Stage.INGEST,
          String.format(
              "%d rows read, %d accepted, %d rejected; %d submissions refused",
              ingested.rowsRead(),
              ingested.rowsAccepted(),
              ingested.rowsRejected(),
              ingested.count(IngestResult.Status.REFUSED)));

      progress.start(Stage.MODEL, "episodes, cases, facts and dimensions");
      new ModelJob().run(spark, layout, plan.ref());
      progress.done(Stage.MODEL, "");

      List<Quarter> measured = stagedQuarters(layout);
      progress.start(Stage.MEASURES, measured.size() + " quarters " + span(measured));
      new MeasuresJob().run(spark, layout, measured, plan.ref());
      progress.done(Stage.MEASURES, "");

      progress.start(Stage.PUBLISH, "DuckDB catalogue and atomic switch");
      Version version = warehouse.publish(building);
      progress.done(Stage.PUBLISH, "version " + version.id());

      List<Quarter> reportQuarters =
          plan.reportQuarters().isEmpty()
              ? List.of(meta.quarters().get(meta.quarters().size() - 1))
              : plan.reportQuarters();
      List<Path> reports = plan.renderReports() ? renderReports(plan, reportQuarters, version, progress) : List.of();
      return new Outcome(version, ingested, reports);
    }
  }

  private List<Path> renderReports(
      RunPlan plan, List<Quarter> quarters, Version version, StageProgress progress) {
    List<Path> written = new ArrayList<>();
    progress.start(Stage.REPORTS, "quarters " + span(quarters));
    for (Locale language : plan.languages()) {
      try (ReportRenderer renderer = ReportRenderer.open(version.database(), language)) {
        for (Quarter q : quarters) {
          written.addAll(renderer.renderAllKov(q, ReportFormat.PDF, plan.reportsRoot()));
          written.add(renderer.renderNational(q, ReportFormat.PDF, plan.reportsRoot()));
          written.add(renderer.renderQuality(q, ReportFormat.PDF, plan.reportsRoot()));
          progress.note(q + " (" + language.getLanguage() + "): " + written.size() + " reports so far");
        }
      }
    }
    progress.done(Stage.REPORTS, written.size() + " files under " + plan.reportsRoot());
    return written;
  }

  /** The submissions in the input folder for the plan's quarters, by the contract's names. */
  static List<SubmissionFile> submissions(RunPlan plan) {
    try (Stream<Path> entries = Files.list(plan.input())) {
      return entries
          .sorted()
          .map(p -> SubmissionFile.of(p, Files.isDirectory(p)))
          .flatMap(java.util.Optional::stream)
          .filter(s -> plan.quarters().isEmpty() || plan.quarters().contains(s.quarter()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the input folder " + plan.input(), e);
    }
  }

  private static List<Quarter> quartersOf(RunPlan plan, List<SubmissionFile> submissions) {
    if (!plan.quarters().isEmpty()) {
      return plan.quarters();
    }
    return List.copyOf(new TreeSet<>(submissions.stream().map(SubmissionFile::quarter).toList()));
  }

  private static List<RunMetadata.InputFile> inputFiles(RunPlan plan, List<SubmissionFile> submissions) {
    List<RunMetadata.InputFile> out = new ArrayList<>();
    try {
      for (SubmissionFile s : submissions) {
        if (s.csvFolder()) {
          try (Stream<Path> files = Files.list(s.path())) {
            for (Path f : files.sorted().toList()) {
              out.add(RunMetadata.InputFile.of(f, s.fileName() + "/" + f.getFileName()));
            }
          }
        } else {
          out.add(RunMetadata.InputFile.of(s.path(), s.fileName()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read an input file in " + plan.input(), e);
    }
    return out;
  }

  /** The quarters that have staged submissions in the version being built (this run's and carried forward). */
  private static List<Quarter> stagedQuarters(WarehouseLayout layout) {
    Path submissions = Path.of(layout.table("stg_submission"));
    TreeSet<Quarter> quarters = new TreeSet<>();
    if (Files.isDirectory(submissions)) {
      try (Stream<Path> parts = Files.list(submissions)) {
        parts
            .map(p -> p.getFileName().toString())
            .filter(n -> n.startsWith("quarter="))
            .forEach(n -> quarters.add(Quarter.parse(n.substring("quarter=".length()))));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + submissions, e);
      }
    }
    return List.copyOf(quarters);
  }

  private static String describe(RunPlan plan, List<SubmissionFile> submissions) {
    return span(quartersOf(plan, submissions));
  }

  static String span(List<Quarter> quarters) {
    if (quarters.isEmpty()) {
      return "(none)";
    }
    return quarters.size() == 1
        ? quarters.get(0).toString()
        : quarters.get(0) + ".." + quarters.get(quarters.size() - 1);
  }

  private static String codeVersion() {
    String v = LocalRunner.class.getPackage().getImplementationVersion();
    return "iste " + (v == null ? "dev" : v);
  }
}
