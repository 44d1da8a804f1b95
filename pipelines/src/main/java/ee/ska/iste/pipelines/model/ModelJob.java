package ee.ska.iste.pipelines.model;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.spark.ShufflePartitions;
import ee.ska.iste.pipelines.staged.StagedSchemas;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The model stage: reads every partition of the staged tables and writes {@code int_episode},
 * {@code fct_case}, {@code fct_qol_score}, {@code fct_assessment}, {@code fct_plan}, {@code
 * fct_participation} and the dimensions {@code dim_client}, {@code dim_municipality}, {@code
 * dim_quarter}, {@code dim_domain}, {@code dim_component}, {@code dim_exit_reason}. Every table is
 * rebuilt whole, since a later quarter's submission can correct any earlier episode, assessment or
 * plan.
 */
public final class ModelJob {
  public void run(SparkSession spark, WarehouseLayout layout, ReferenceData ref) {
    spark
        .sparkContext()
        .setJobGroup("iste-model", "model: stg_ -> int_, dim_, fct_ at " + layout.root(), false);
    try {
      ShufflePartitions.sizeTo(
          spark,
          "model",
          layout,
          "stg_client_episode",
          "stg_assessment",
          "stg_plan",
          "stg_participation",
          "stg_qol");
      Dataset<Row> episodes =
          TableIO.read(spark, layout, "stg_client_episode", StagedSchemas.CLIENT_EPISODE);
      Dataset<Row> assessments =
          TableIO.read(spark, layout, "stg_assessment", StagedSchemas.ASSESSMENT);
      Dataset<Row> plans = TableIO.read(spark, layout, "stg_plan", StagedSchemas.PLAN);
      Dataset<Row> participation =
          TableIO.read(spark, layout, "stg_participation", StagedSchemas.PARTICIPATION);
      Dataset<Row> qol = TableIO.read(spark, layout, "stg_qol", StagedSchemas.QOL);

      Model built = build(spark, ref, episodes, assessments, plans, participation, qol);
      // Episodes and cases feed every fact table: compute them once, not once per table written.
      Dataset<Row> intEpisode = built.intEpisode().persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> cases =
          FctCase.transform(
                  intEpisode,
                  built.dimMunicipality(),
                  CodeDimensions.administrativeExitReasons(ref),
                  ref.threshold("CASE_JOIN_DAYS", LocalDate.of(2099, 12, 31)).intValueExact())
              .persist(StorageLevel.MEMORY_AND_DISK());
      Model m =
          facts(
              spark,
              ref,
              built.dimMunicipality(),
              intEpisode,
              cases,
              assessments,
              plans,
              participation,
              qol);
      // Read and checked here, before any table is written: a bad band or range fails the stage.
      Dataset<Row> ageBands = RefDatasets.ageBands(spark, ref);
      Dataset<Row> diagnosisCategories = RefDatasets.diagnosisCategories(spark, ref);
      String group = "model: stg_ -> int_, dim_, fct_ at " + layout.root();
      List<Runnable> writes =
          List.of(
              () -> TableIO.write(m.dimMunicipality(), layout, DimMunicipality.TABLE, "kov_code"),
              () ->
                  TableIO.write(
                      m.intEpisode(),
                      layout,
                      IntEpisode.TABLE,
                      "client_id",
                      "kov_code",
                      "start_date"),
              () -> TableIO.write(m.fctCase(), layout, FctCase.TABLE, "case_id"),
              () ->
                  TableIO.write(
                      DimClient.transform(m.intEpisode(), ageBands, diagnosisCategories),
                      layout,
                      DimClient.TABLE,
                      "client_id"),
              () ->
                  TableIO.writeByQuarter(
                      m.fctQolScore(),
                      layout,
                      FctQolScore.TABLE,
                      "quarter",
                      "case_id",
                      "client_id",
                      "kov_code",
                      "assessed_on",
                      "instrument"),
              () ->
                  TableIO.write(
                      m.fctAssessment(),
                      layout,
                      FctAssessment.TABLE,
                      "client_id",
                      "kov_code",
                      "assessed_on",
                      "assessment_type",
                      "domain"),
              () ->
                  TableIO.write(
                      m.fctPlan(),
                      layout,
                      FctPlan.TABLE,
                      "client_id",
                      "kov_code",
                      "plan_type",
                      "made_on"),
              () ->
                  TableIO.writeByQuarter(
                      m.fctParticipation(),
                      layout,
                      FctParticipation.TABLE,
                      "quarter",
                      "client_id",
                      "kov_code",
                      "month",
                      "component",
                      "mode",
                      "provider"),
              () -> TableIO.write(CodeDimensions.domains(spark, ref), layout, "dim_domain", "code"),
              () ->
                  TableIO.write(
                      CodeDimensions.components(spark, ref), layout, "dim_component", "code"),
              () ->
                  TableIO.write(
                      CodeDimensions.exitReasons(spark, ref), layout, "dim_exit_reason", "code"),
              () -> {
                List<Quarter> quarters =
                    episodes.select("quarter").distinct().collectAsList().stream()
                        .map(r -> Quarter.parse(r.getString(0)))
                        .sorted()
                        .toList();
                TableIO.write(
                    CodeDimensions.quarters(spark, quarters), layout, "dim_quarter", "quarter");
              });
      try {
        inParallel(spark, group, writes);
      } finally {
        cases.unpersist();
        intEpisode.unpersist();
      }
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /**
   * Runs the writes on as many driver threads as there are cores: on ISTE's volumes a table's time
   * is mostly the driver planning its query, which one thread cannot spread.
   */
  private static void inParallel(SparkSession spark, String group, List<Runnable> writes) {
    int threads = Math.max(1, Math.min(writes.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "iste-model");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Runnable w : writes) {
        futures.add(
            pool.submit(
                () -> {
                  spark.sparkContext().setJobGroup("iste-model", group, false);
                  try {
                    w.run();
                  } finally {
                    spark.sparkContext().clearJobGroup();
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the model", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("model failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The model tables, before they are written. */
  public record Model(
      Dataset<Row> dimMunicipality,
      Dataset<Row> intEpisode,
      Dataset<Row> fctCase,
      Dataset<Row> fctQolScore,
      Dataset<Row> fctAssessment,
      Dataset<Row> fctPlan,
      Dataset<Row> fctParticipation) {}

  /**
   * The model built on empty staged tables: its Datasets carry the output schemas of the model
   * tables (no Spark job runs), for reading them back with explicit schemas.
   */
  public static Model shape(SparkSession spark, ReferenceData ref) {
    return build(
        spark,
        ref,
        spark.createDataFrame(List.of(), StagedSchemas.CLIENT_EPISODE),
        spark.createDataFrame(List.of(), StagedSchemas.ASSESSMENT),
        spark.createDataFrame(List.of(), StagedSchemas.PLAN),
        spark.createDataFrame(List.of(), StagedSchemas.PARTICIPATION),
        spark.createDataFrame(List.of(), StagedSchemas.QOL));
  }

  /** The pure part of the stage: staged Datasets in, model Datasets out. */
  public static Model build(
      SparkSession spark,
      ReferenceData ref,
      Dataset<Row> episodes,
      Dataset<Row> assessments,
      Dataset<Row> plans,
      Dataset<Row> participation,
      Dataset<Row> qol) {
    LocalDate rulesOn = LocalDate.of(2099, 12, 31);
    int joinDays = ref.threshold("CASE_JOIN_DAYS", rulesOn).intValueExact();
    Dataset<Row> dim = DimMunicipality.build(spark, ref);
    Dataset<Row> intEpisode = IntEpisode.transform(episodes);
    Dataset<Row> cases =
        FctCase.transform(intEpisode, dim, CodeDimensions.administrativeExitReasons(ref), joinDays);
    return facts(spark, ref, dim, intEpisode, cases, assessments, plans, participation, qol);
  }

  private static Model facts(
      SparkSession spark,
      ReferenceData ref,
      Dataset<Row> dim,
      Dataset<Row> intEpisode,
      Dataset<Row> cases,
      Dataset<Row> assessments,
      Dataset<Row> plans,
      Dataset<Row> participation,
      Dataset<Row> qol) {
    int beforeDays =
        ref.threshold("BASELINE_BEFORE_DAYS", LocalDate.of(2099, 12, 31)).intValueExact();
    Dataset<Row> instruments = RefDatasets.of(spark, ref, "instruments", RefDatasets.INSTRUMENTS);
    Dataset<Row> prices = RefDatasets.of(spark, ref, "prices", RefDatasets.PRICES);
    return new Model(
        dim,
        intEpisode,
        cases,
        FctQolScore.transform(qol, cases, instruments, beforeDays),
        FctAssessment.transform(assessments, cases, beforeDays),
        FctPlan.transform(plans, cases, beforeDays),
        FctParticipation.transform(participation, cases, prices));
  }
}
