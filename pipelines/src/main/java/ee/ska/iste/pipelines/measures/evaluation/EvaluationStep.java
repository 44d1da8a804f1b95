package ee.ska.iste.pipelines.measures.evaluation;

import static org.apache.spark.sql.functions.col;

import ee.ska.iste.pipelines.measures.Kind;
import ee.ska.iste.pipelines.model.DimClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The evaluation's edge with Spark: the case rows of {@code QOL_N} with their covariates (a pure
 * transformation), and the figures and model of {@link Evaluation} for every quarter of them (the
 * cases collected to the driver: one row per case with a change per quarter).
 */
public final class EvaluationStep {
  /** {@code mart_casemix_model} (internal): one row per quarter, covariate and level. */
  public static final String MODEL_TABLE = "mart_casemix_model";

  /** The case rows of {@link #cases}. */
  public static final StructType CASES =
      new StructType()
          .add("case_id", DataTypes.StringType, false)
          .add("kov_code", DataTypes.StringType, false)
          .add("county_code", DataTypes.StringType)
          .add("quarter", DataTypes.StringType, false)
          .add("qol_change", DataTypes.DoubleType, false)
          .add("baseline_score", DataTypes.DoubleType, false)
          .add("age_band", DataTypes.StringType)
          .add("sex", DataTypes.StringType)
          .add("diagnosis_group", DataTypes.StringType)
          .add("severity", DataTypes.StringType)
          .add("entry_route", DataTypes.StringType);

  /**
   * The evaluation figures in the columns of the rolled-up figures (kind {@code MODEL}) with their
   * {@code suppressed} flag.
   */
  public static final StructType FIGURES =
      new StructType()
          .add("level", DataTypes.StringType, false)
          .add("unit_code", DataTypes.StringType, false)
          .add("quarter", DataTypes.StringType, false)
          .add("measure", DataTypes.StringType, false)
          .add("kind", DataTypes.StringType, false)
          .add("n", DataTypes.LongType, false)
          .add("value", DataTypes.DoubleType)
          .add("numerator", DataTypes.DoubleType)
          .add("denominator", DataTypes.DoubleType)
          .add("sd", DataTypes.DoubleType)
          .add("ci_low", DataTypes.DoubleType)
          .add("ci_high", DataTypes.DoubleType)
          .add("suppressed", DataTypes.BooleanType, false);

  /** {@code mart_casemix_model}. */
  public static final StructType MODEL =
      new StructType()
          .add("quarter", DataTypes.StringType, false)
          .add("covariate", DataTypes.StringType, false)
          .add("level", DataTypes.StringType)
          .add("is_reference", DataTypes.BooleanType, false)
          .add("coefficient", DataTypes.DoubleType)
          .add("std_error", DataTypes.DoubleType)
          .add("n", DataTypes.IntegerType, false)
          .add("r_squared", DataTypes.DoubleType)
          .add("residual_sd", DataTypes.DoubleType, false)
          .add("merged_levels", DataTypes.StringType);

  /** The evaluation figures and the models of the quarters that have one. */
  public record Output(Dataset<Row> figures, Dataset<Row> model) {}

  private EvaluationStep() {}

  /**
   * The cases with a QoL change of each quarter, in {@link #CASES}: age band at case start and
   * diagnosis group by the model tables' own rules ({@link DimClient#withAgeBand}, {@link
   * DimClient#withDiagnosisGroup}, valid on the case start), sex, severity and entry route as on
   * the case (its first episode).
   *
   * @param facts case-quarter facts (case_id, kov_code, county_code, quarter, qol_change,
   *     baseline_score)
   * @param cases {@code fct_case}
   */
  public static Dataset<Row> cases(
      Dataset<Row> facts,
      Dataset<Row> cases,
      Dataset<Row> ageBands,
      Dataset<Row> diagnosisCategories) {
    Dataset<Row> withChange =
        facts
            .filter(col("qol_change").isNotNull())
            .select(
                col("case_id"),
                col("kov_code"),
                col("county_code"),
                col("quarter"),
                col("qol_change").cast("double").as("qol_change"),
                col("baseline_score").cast("double").as("baseline_score"));
    Dataset<Row> covariates =
        cases.select(
            col("case_id").as("_c_case"),
            col("start_date").as("_c_start"),
            col("age_at_start").as("_c_age"),
            col("sex"),
            col("diagnosis").as("_c_diagnosis"),
            col("severity"),
            col("entry_route"));
    Dataset<Row> joined =
        withChange.join(covariates, col("case_id").equalTo(col("_c_case")), "left");
    Dataset<Row> banded =
        DimClient.withAgeBand(joined, col("_c_age"), col("_c_start"), ageBands, "age_band");
    Dataset<Row> grouped =
        DimClient.withDiagnosisGroup(
            banded, col("_c_diagnosis"), col("_c_start"), diagnosisCategories, "diagnosis_group");
    return grouped.select(
        col("case_id"),
        col("kov_code"),
        col("county_code"),
        col("quarter"),
        col("qol_change"),
        col("baseline_score"),
        col("age_band"),
        col("sex"),
        col("diagnosis_group"),
        col("severity"),
        col("entry_route"));
  }

  /**
   * The evaluation of every quarter of {@code cases}.
   *
   * @param cases rows of {@link #cases}
   * @param disclosed the rolled-up figures after disclosure control (level, unit_code, quarter,
   *     measure, suppressed): each evaluation figure carries its unit's QOL_CHANGE flag
   */
  public static Output apply(Dataset<Row> cases, Dataset<Row> disclosed) {
    SparkSession spark = cases.sparkSession();
    Map<String, List<CaseRow>> byQuarter = new TreeMap<>();
    for (Row r : cases.collectAsList()) {
      CaseRow c =
          new CaseRow(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              r.getDouble(4),
              r.getDouble(5),
              r.getString(6),
              r.getString(7),
              r.getString(8),
              r.getString(9),
              r.getString(10));
      byQuarter.computeIfAbsent(c.quarter(), k -> new ArrayList<>()).add(c);
    }
    Map<String, Map<String, Boolean>> flags = new TreeMap<>();
    for (Row r :
        disclosed
            .filter(col("measure").equalTo(Evaluation.SOURCE))
            .select("quarter", "level", "unit_code", "suppressed")
            .collectAsList()) {
      flags
          .computeIfAbsent(r.getString(0), k -> new TreeMap<>())
          .put(r.getString(1) + "/" + r.getString(2), r.getBoolean(3));
    }
    List<Row> figures = new ArrayList<>();
    List<Row> model = new ArrayList<>();
    for (Map.Entry<String, List<CaseRow>> e : byQuarter.entrySet()) {
      Evaluation.Result result =
          Evaluation.of(
              e.getKey(),
              e.getValue(),
              Evaluation.SourceFlags.of(flags.getOrDefault(e.getKey(), Map.of())));
      for (Evaluation.Figure f : result.figures()) {
        figures.add(
            RowFactory.create(
                f.level(),
                f.unitCode(),
                f.quarter(),
                f.measure(),
                Kind.MODEL.name(),
                f.n(),
                f.value(),
                f.numerator(),
                f.denominator(),
                f.sd(),
                f.ciLow(),
                f.ciHigh(),
                f.suppressed()));
      }
      result
          .model()
          .ifPresent(
              fit -> {
                for (CasemixModel.Term t : fit.terms()) {
                  model.add(
                      RowFactory.create(
                          fit.quarter(),
                          t.covariate().name(),
                          t.level(),
                          t.reference(),
                          t.coefficient(),
                          t.stdError(),
                          fit.n(),
                          fit.rSquared(),
                          fit.residualSd(),
                          t.mergedLevels()));
                }
              });
    }
    return new Output(spark.createDataFrame(figures, FIGURES), spark.createDataFrame(model, MODEL));
  }
}
