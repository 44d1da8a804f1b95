package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.disclosure.Memo;
import ee.ska.iste.pipelines.measures.evaluation.EvaluationStep;
import ee.ska.iste.pipelines.model.CodeDimensions;
import ee.ska.iste.pipelines.model.DimMunicipality;
import ee.ska.iste.pipelines.model.FctAssessment;
import ee.ska.iste.pipelines.model.FctCase;
import ee.ska.iste.pipelines.model.FctParticipation;
import ee.ska.iste.pipelines.model.FctPlan;
import ee.ska.iste.pipelines.model.FctQolScore;
import ee.ska.iste.pipelines.model.RefDatasets;
import ee.ska.iste.pipelines.model.TableIO;
import ee.ska.iste.pipelines.spark.ShufflePartitions;
import ee.ska.iste.pipelines.spark.SparkJobCounter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The measures stage: computes every measure of measures.md at KOV, county and national level for
 * the quarters asked for from the model tables and writes {@code mart_outcomes}, {@code
 * mart_funnel} and {@code mart_disclosure_audit} (those quarters' partitions replaced) and {@code
 * ref_measure} (the catalogue); with the evaluation's case-mix model, {@code mart_casemix_model}.
 *
 * <p>The quarters whose rules ({@link MeasureRules}, from the reference data valid on the quarter's
 * last day) are equal are computed together in one Spark plan, the quarter being a column: normally
 * all of them.
 */
public final class MeasuresJob {
  private static final Logger LOG = LoggerFactory.getLogger("ee.ska.iste.pipelines.measures");

  /**
   * Off for this stage unless set for the application: its plan has ~60 measures over a few
   * thousand rows per quarter, where compiling the fused stages costs more than they save (1x: 92 s
   * with it, 77 s without, the same tables to the last bit; the demo: 105 s and 85 s).
   */
  static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";

  /**
   * What a run computed: quarters, plans (one per group of quarters with equal rules), Spark jobs.
   */
  public record Summary(int quarters, int plans, long sparkJobs, List<String> judgedBefore) {
    public Summary(int quarters, int plans, long sparkJobs) {
      this(quarters, plans, sparkJobs, List.of());
    }

    public String text() {
      return quarters
          + " quarters in "
          + plans
          + (plans == 1 ? " plan, " : " plans, ")
          + sparkJobs
          + " Spark jobs"
          + (judgedBefore.isEmpty()
              ? ""
              : "; disclosure of "
                  + String.join(", ", judgedBefore)
                  + " as judged before (the same figures)");
    }
  }

  public Summary run(
      SparkSession spark, WarehouseLayout layout, List<Quarter> quarters, ReferenceData ref) {
    if (quarters.isEmpty()) {
      throw new IllegalArgumentException("no quarter to compute measures for");
    }
    List<Quarter> sorted = quarters.stream().distinct().sorted().toList();
    Map<MeasureRules, List<Quarter>> groups = byRules(sorted, ref);
    List<MeasureDefinition> measures = checkedDefinitions(groups.keySet(), ref);
    try (SparkJobCounter counter = SparkJobCounter.start(spark)) {
      spark
          .sparkContext()
          .setJobGroup(
              "iste-measures",
              "measures: "
                  + sorted.get(0)
                  + ".."
                  + sorted.get(sorted.size() - 1)
                  + " in "
                  + groups.size()
                  + " plan(s) at "
                  + layout.root(),
              false);
      ShufflePartitions.sizeTo(
          spark,
          "measures",
          layout,
          FctCase.TABLE,
          FctQolScore.TABLE,
          FctAssessment.TABLE,
          FctPlan.TABLE,
          FctParticipation.TABLE);
      ModelTables tables = ModelTables.read(spark, layout, ref);
      Memo memo = DisclosureMemo.of(layout);
      String codegen = spark.conf().get(WHOLE_STAGE_CODEGEN, "true");
      if (!spark.sparkContext().getConf().contains(WHOLE_STAGE_CODEGEN)) {
        spark.conf().set(WHOLE_STAGE_CODEGEN, "false");
      }
      try {
        TableIO.write(
            MeasureCatalogue.build(spark, ref, measures),
            layout,
            MeasureCatalogue.TABLE,
            "measure");
        Dataset<Row> outcomes = null;
        Dataset<Row> funnel = null;
        Dataset<Row> audit = null;
        Dataset<Row> casemixModel = null;
        for (Map.Entry<MeasureRules, List<Quarter>> g : groups.entrySet()) {
          // computed once here (a few thousand rows a quarter): disclosure, funnel and both writes
          // then plan and read a small table instead of the figures' whole plan
          Figures figures = figures(g.getValue(), tables, g.getKey()).checkpointed();
          Result r = finish(figures, tables, g.getKey(), memo);
          outcomes = outcomes == null ? r.outcomes() : outcomes.unionByName(r.outcomes());
          funnel = funnel == null ? r.funnel() : funnel.unionByName(r.funnel());
          audit = audit == null ? r.audit() : audit.unionByName(r.audit());
          casemixModel =
              casemixModel == null ? r.casemixModel() : casemixModel.unionByName(r.casemixModel());
        }
        // read by its write, the spread and the projection: computed once
        outcomes = outcomes.localCheckpoint();
        // one write per table for all quarters, rows in a total order: the same input gives the
        // same files
        TableIO.writeByQuarter(
            outcomes,
            layout,
            MartOutcomes.TABLE,
            "quarter",
            MartOutcomes.SORT[0],
            MartOutcomes.SORT[1],
            MartOutcomes.SORT[2]);
        TableIO.writeByQuarter(funnel, layout, "mart_funnel", "quarter", "measure", "kov_code");
        Dataset<Row> trajectory = null;
        for (Map.Entry<MeasureRules, List<Quarter>> g : groups.entrySet()) {
          Dataset<Row> t = Trajectory.of(g.getValue(), tables, g.getKey());
          trajectory = trajectory == null ? t : trajectory.unionByName(t);
        }
        TableIO.writeByQuarter(trajectory, layout, Trajectory.TABLE, Trajectory.SORT);
        TableIO.writeByQuarter(
            audit,
            layout,
            Disclosure.AUDIT_TABLE,
            "quarter",
            "measure",
            "level",
            "unit_code",
            "quantity");
        TableIO.writeByQuarter(
            casemixModel, layout, EvaluationStep.MODEL_TABLE, "quarter", "covariate", "level");
        // cost and volume per place: the spread across the KOV figures shown, and the rollout
        // projection of the shipped example places at the latest quarter's rates
        java.util.Set<String> countyAndAbove = new java.util.TreeSet<>();
        groups.keySet().forEach(r -> countyAndAbove.addAll(r.disclosure().countyAndAbove()));
        Dataset<Row> spread = KovSpread.transform(outcomes, countyAndAbove).localCheckpoint();
        TableIO.writeByQuarter(spread, layout, KovSpread.TABLE, "quarter", "measure");
        String latest = sorted.get(sorted.size() - 1).toString();
        TableIO.write(
            MartProjection.example(outcomes, spread, latest, ref),
            layout,
            MartProjection.TABLE,
            MartProjection.SORT);
        memo.prune(sorted.stream().map(Quarter::toString).toList());
      } finally {
        spark.conf().set(WHOLE_STAGE_CODEGEN, codegen);
        spark.sparkContext().clearJobGroup();
      }
      Summary summary =
          new Summary(sorted.size(), groups.size(), counter.jobs(), memo.reusedSearches());
      LOG.info("measures: {}", summary.text());
      return summary;
    }
  }

  /**
   * The registry's measures, checked against measures.csv under each group's rules before anything
   * is computed: a code or kind on one side only fails the stage.
   */
  static List<MeasureDefinition> checkedDefinitions(
      Collection<MeasureRules> rules, ReferenceData ref) {
    List<MeasureDefinition> first = null;
    for (MeasureRules r : rules) {
      List<MeasureDefinition> definitions = MeasureRegistry.definitions(r);
      MeasureRegistry.check(definitions, ref.table(MeasureCatalogue.CSV));
      first = first == null ? definitions : first;
    }
    return first;
  }

  /** The quarters grouped by their rules, in quarter order. */
  static Map<MeasureRules, List<Quarter>> byRules(List<Quarter> quarters, ReferenceData ref) {
    List<String> finalExitReasons = CodeDimensions.finalExitReasons(ref);
    Map<MeasureRules, List<Quarter>> groups = new LinkedHashMap<>();
    for (Quarter q : quarters) {
      groups
          .computeIfAbsent(
              MeasureRules.of(ref, q.lastDay(), finalExitReasons), r -> new ArrayList<>())
          .add(q);
    }
    return groups;
  }

  /** The model tables and reference Datasets the measures read. */
  public record ModelTables(
      Dataset<Row> cases,
      Dataset<Row> scores,
      Dataset<Row> assessments,
      Dataset<Row> plans,
      Dataset<Row> participation,
      Dataset<Row> municipalities,
      Dataset<Row> instruments,
      Dataset<Row> allocations,
      Dataset<Row> components,
      Dataset<Row> ageBands,
      Dataset<Row> diagnosisCategories) {

    /** The tables the case facts are built from. */
    CaseFacts.Sources sources() {
      return new CaseFacts.Sources(
          cases, scores, assessments, plans, participation, instruments, components);
    }

    /** Reads the model tables in the schemas their classes declare (empty when absent). */
    static ModelTables read(SparkSession spark, WarehouseLayout layout, ReferenceData ref) {
      return new ModelTables(
          TableIO.read(spark, layout, FctCase.TABLE, FctCase.SCHEMA),
          TableIO.read(spark, layout, FctQolScore.TABLE, FctQolScore.SCHEMA),
          TableIO.read(spark, layout, FctAssessment.TABLE, FctAssessment.SCHEMA),
          TableIO.read(spark, layout, FctPlan.TABLE, FctPlan.SCHEMA),
          TableIO.read(spark, layout, FctParticipation.TABLE, FctParticipation.SCHEMA),
          TableIO.read(spark, layout, DimMunicipality.TABLE, DimMunicipality.SCHEMA),
          RefDatasets.of(spark, ref, "instruments", RefDatasets.INSTRUMENTS),
          Occupancy.allocations(spark, ref),
          CodeDimensions.components(spark, ref),
          RefDatasets.ageBands(spark, ref),
          RefDatasets.diagnosisCategories(spark, ref));
    }
  }

  /**
   * The {@code mart_outcomes}, {@code mart_funnel}, {@code mart_disclosure_audit} and {@code
   * mart_casemix_model} rows of one or more quarters.
   */
  public record Result(
      Dataset<Row> outcomes, Dataset<Row> funnel, Dataset<Row> audit, Dataset<Row> casemixModel) {}

  /** The pure part: the quarters' figures from the model tables, all under the same rules. */
  public static Result compute(List<Quarter> quarters, ModelTables t, MeasureRules rules) {
    return finish(figures(quarters, t, rules), t, rules);
  }

  /**
   * What the measures are made of, from one plan of the case-quarter facts: {@code figures}, the
   * quarters' rolled-up figures before disclosure control and funnel limits (level, unit_code,
   * quarter, measure, kind, n, value, numerator, denominator, sd, ci_low, ci_high), and {@code
   * qolCases}, the cases in QOL_N with their covariates, the rows the evaluation's case-mix model
   * is fitted to ({@link EvaluationStep#cases}). {@code facts} is the case-quarter table both come
   * from.
   */
  public record Figures(Dataset<Row> facts, Dataset<Row> figures, Dataset<Row> qolCases) {
    /**
     * Both computed now and kept (a few thousand rows a quarter), the facts behind them planned and
     * computed once: disclosure, funnel, evaluation and the writes then read small tables.
     */
    public Figures checkpointed() {
      facts.persist(StorageLevel.MEMORY_AND_DISK());
      try {
        return new Figures(facts, figures.localCheckpoint(), qolCases.localCheckpoint());
      } finally {
        facts.unpersist();
      }
    }
  }

  /** {@link #figures(List, ModelTables, MeasureRules)} of one quarter. */
  public static Figures figures(Quarter q, ModelTables t, MeasureRules rules) {
    return figures(List.of(q), t, rules);
  }

  /**
   * The quarters' {@link Figures}: one plan for all the quarters, which must share {@code rules}.
   */
  public static Figures figures(List<Quarter> quarters, ModelTables t, MeasureRules rules) {
    Dataset<Row> periods = CaseQuarter.quarters(t.cases().sparkSession(), quarters);
    Dataset<Row> active = CaseQuarter.activeCases(t.cases(), periods);
    CaseFacts.Sources sources = t.sources();
    Dataset<Row> perCase = CaseFacts.perCase(sources, rules);
    Dataset<Row> perQuarter = CaseFacts.perQuarter(sources, perCase, periods, rules);
    Dataset<Row> facts = CaseQuarter.facts(active, perCase, perQuarter, rules);
    Dataset<Row> perKov = KovSums.of(CaseObservations.prepare(facts), CaseObservations.all(rules));
    Dataset<Row> figures =
        CaseObservations.clientMonths(Rollup.transform(perKov, MeasureRules.WILSON_Z))
            .unionByName(Occupancy.transform(active, periods, t.allocations(), t.municipalities()))
            .unionByName(Ineligible.transform(active, t.cases(), rules.ineligibleReasons()));
    Dataset<Row> qolCases =
        EvaluationStep.cases(facts, t.cases(), t.ageBands(), t.diagnosisCategories());
    return new Figures(facts, figures, qolCases);
  }

  /**
   * Disclosure control, the evaluation's figures (after disclosure of the ordinary ones, each with
   * its unit's QOL_CHANGE flag), funnel limits and the mart columns on top of {@link #figures}.
   */
  public static Result finish(Figures computed, ModelTables t, MeasureRules rules) {
    return finish(computed, t, rules, Memo.none());
  }

  /**
   * {@link #finish(Figures, ModelTables, MeasureRules)}, the disclosure search of a quarter whose
   * model is in {@code memo} taken from it.
   */
  public static Result finish(Figures computed, ModelTables t, MeasureRules rules, Memo memo) {
    Dataset<Row> figures = computed.figures();
    Disclosure.Applied applied = Disclosure.apply(figures, t, rules, memo);
    EvaluationStep.Output evaluation = EvaluationStep.apply(computed.qolCases(), applied.figures());
    Dataset<Row> disclosed = applied.figures().unionByName(evaluation.figures(), true);
    Dataset<Row> funnel =
        Funnel.transform(figures, rules).unionByName(Funnel.transform(evaluation.figures(), rules));
    Dataset<Row> flags =
        funnel.select(
            lit("KOV").as("_f_level"),
            col("kov_code").as("_f_unit"),
            col("quarter").as("_f_quarter"),
            col("measure").as("_f_measure"),
            col("flag").as("funnel_flag"));
    Dataset<Row> outcomes =
        disclosed.join(
            flags,
            col("level")
                .equalTo(col("_f_level"))
                .and(col("unit_code").equalTo(col("_f_unit")))
                .and(col("quarter").equalTo(col("_f_quarter")))
                .and(col("measure").equalTo(col("_f_measure"))),
            "left");
    return new Result(MartOutcomes.select(outcomes), funnel, applied.audit(), evaluation.model());
  }
}
