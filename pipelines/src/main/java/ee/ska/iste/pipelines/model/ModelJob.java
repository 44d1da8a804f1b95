package ee.ska.iste.pipelines.model;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.spark.ParallelWrites;
import ee.ska.iste.pipelines.spark.ShufflePartitions;
import ee.ska.iste.pipelines.staged.StagedSchemas;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
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
  /**
   * The day the model reads its thresholds on, the open end of every validity period: the model is
   * rebuilt whole on each run, so it takes the latest rules.
   */
  static final LocalDate OPEN_END = LocalDate.of(2099, 12, 31);

  public void run(SparkSession spark, WarehouseLayout layout, ReferenceData ref) {
    String group = "model: stg_ -> int_, dim_, fct_ at " + layout.root();
    spark.sparkContext().setJobGroup("iste-model", group, false);
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
      Staged staged = Staged.read(spark, layout);
      // Episodes and cases feed every fact table: compute them once, not once per table written.
      // Reference data is read and checked in build, before any table is written: a bad band or
      // range fails the stage.
      Model m = build(spark, ref, staged, d -> d.persist(StorageLevel.MEMORY_AND_DISK()));
      List<Callable<Void>> writes =
          List.of(
              write(
                  () ->
                      TableIO.write(
                          m.dimMunicipality(), layout, DimMunicipality.TABLE, "kov_code")),
              write(
                  () ->
                      TableIO.write(
                          m.intEpisode(),
                          layout,
                          IntEpisode.TABLE,
                          "client_id",
                          "kov_code",
                          "start_date")),
              write(() -> TableIO.write(m.fctCase(), layout, FctCase.TABLE, "case_id")),
              write(() -> TableIO.write(m.dimClient(), layout, DimClient.TABLE, "client_id")),
              write(
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
                          "instrument")),
              write(
                  () ->
                      TableIO.write(
                          m.fctAssessment(),
                          layout,
                          FctAssessment.TABLE,
                          "client_id",
                          "kov_code",
                          "assessed_on",
                          "assessment_type",
                          "domain")),
              write(
                  () ->
                      TableIO.write(
                          m.fctPlan(),
                          layout,
                          FctPlan.TABLE,
                          "client_id",
                          "kov_code",
                          "plan_type",
                          "made_on")),
              write(
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
                          "provider")),
              write(
                  () -> TableIO.write(m.dimDomain(), layout, CodeDimensions.DOMAIN_TABLE, "code")),
              write(
                  () ->
                      TableIO.write(
                          m.dimComponent(), layout, CodeDimensions.COMPONENT_TABLE, "code")),
              write(
                  () ->
                      TableIO.write(
                          m.dimExitReason(), layout, CodeDimensions.EXIT_REASON_TABLE, "code")),
              // the run's quarters are those of the staged episodes: collected here, at the edge
              write(
                  () -> {
                    List<Quarter> quarters =
                        staged.episodes().select("quarter").distinct().collectAsList().stream()
                            .map(r -> Quarter.parse(r.getString(0)))
                            .sorted()
                            .toList();
                    TableIO.write(
                        CodeDimensions.quarters(spark, quarters),
                        layout,
                        CodeDimensions.QUARTER_TABLE,
                        "quarter");
                  }));
      try {
        ParallelWrites.run("iste-model", "the model", writes);
      } finally {
        m.fctCase().unpersist();
        m.intEpisode().unpersist();
      }
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  private static Callable<Void> write(Runnable w) {
    return ParallelWrites.of(w);
  }

  /** The model tables, before they are written ({@code dim_quarter} aside: see {@link #run}). */
  public record Model(
      Dataset<Row> dimMunicipality,
      Dataset<Row> intEpisode,
      Dataset<Row> fctCase,
      Dataset<Row> fctQolScore,
      Dataset<Row> fctAssessment,
      Dataset<Row> fctPlan,
      Dataset<Row> fctParticipation,
      Dataset<Row> dimClient,
      Dataset<Row> dimDomain,
      Dataset<Row> dimComponent,
      Dataset<Row> dimExitReason) {}

  /** The staged tables the model reads: the sheets' data, as ingest wrote them. */
  public record Staged(
      Dataset<Row> episodes,
      Dataset<Row> assessments,
      Dataset<Row> plans,
      Dataset<Row> participation,
      Dataset<Row> qol) {
    /** Reads the staged tables of a work area with their declared schemas. */
    static Staged read(SparkSession spark, WarehouseLayout layout) {
      return new Staged(
          TableIO.read(spark, layout, "stg_client_episode", StagedSchemas.CLIENT_EPISODE),
          TableIO.read(spark, layout, "stg_assessment", StagedSchemas.ASSESSMENT),
          TableIO.read(spark, layout, "stg_plan", StagedSchemas.PLAN),
          TableIO.read(spark, layout, "stg_participation", StagedSchemas.PARTICIPATION),
          TableIO.read(spark, layout, "stg_qol", StagedSchemas.QOL));
    }
  }

  /** The pure part of the stage: staged Datasets in, model Datasets out. */
  public static Model build(SparkSession spark, ReferenceData ref, Staged staged) {
    return build(spark, ref, staged, UnaryOperator.identity());
  }

  /**
   * @param reused applied to the episodes and the cases, which every fact table reads (the run
   *     persists them)
   */
  private static Model build(
      SparkSession spark, ReferenceData ref, Staged staged, UnaryOperator<Dataset<Row>> reused) {
    int joinDays = ref.threshold("CASE_JOIN_DAYS", OPEN_END).intValueExact();
    int beforeDays = ref.threshold("BASELINE_BEFORE_DAYS", OPEN_END).intValueExact();
    Dataset<Row> dim = DimMunicipality.build(spark, ref);
    Dataset<Row> intEpisode = reused.apply(IntEpisode.transform(staged.episodes()));
    Dataset<Row> cases =
        reused.apply(
            FctCase.transform(
                intEpisode, dim, CodeDimensions.administrativeExitReasons(ref), joinDays));
    Dataset<Row> instruments = RefDatasets.of(spark, ref, "instruments", RefDatasets.INSTRUMENTS);
    Dataset<Row> prices = RefDatasets.of(spark, ref, "prices", RefDatasets.PRICES);
    Dataset<Row> ageBands = RefDatasets.ageBands(spark, ref);
    Dataset<Row> diagnosisCategories = RefDatasets.diagnosisCategories(spark, ref);
    return new Model(
        dim,
        intEpisode,
        cases,
        FctQolScore.transform(staged.qol(), cases, instruments, beforeDays),
        FctAssessment.transform(staged.assessments(), cases, beforeDays),
        FctPlan.transform(staged.plans(), cases, beforeDays),
        FctParticipation.transform(staged.participation(), cases, prices),
        DimClient.transform(intEpisode, ageBands, diagnosisCategories),
        CodeDimensions.domains(spark, ref),
        CodeDimensions.components(spark, ref),
        CodeDimensions.exitReasons(spark, ref));
  }
}
