package ee.ska.iste.pipelines.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code fct_qol_score}: one row per self-assessment (staged {@code stg_qol} row of the quarter it
 * is dated in), with its case. Score = the instrument's multiplier × mean of the answered items
 * among its first {@code items}; null when fewer than {@code min_answered} are answered. Columns:
 * case_id, client_id, kov_code, assessed_on, quarter, instrument, items_answered, score.
 */
public final class FctQolScore {
  public static final String TABLE = "fct_qol_score";
  public static final StructType SCHEMA =
      new StructType()
          .add("case_id", DataTypes.StringType)
          .add("client_id", DataTypes.StringType, false)
          .add("kov_code", DataTypes.StringType, false)
          .add("assessed_on", DataTypes.DateType, false)
          .add("quarter", DataTypes.StringType, false)
          .add("instrument", DataTypes.StringType, false)
          .add("items_answered", DataTypes.IntegerType, false)
          .add("score", DataTypes.DoubleType);

  private FctQolScore() {}

  /**
   * @param instruments rows in {@link RefDatasets#INSTRUMENTS}
   * @param baselineBeforeDays a score this many days before a case's start belongs to the case
   */
  public static Dataset<Row> transform(
      Dataset<Row> stgQol, Dataset<Row> cases, Dataset<Row> instruments, int baselineBeforeDays) {
    Dataset<Row> inst =
        instruments.select(
            col("code").as("_i_code"),
            col("items").as("_i_items"),
            col("min_answered").as("_i_min"),
            col("score_multiplier").as("_i_mult"));
    String answered =
        "filter(slice(array(item_1, item_2, item_3, item_4, item_5, item_6, item_7, item_8), 1,"
            + " coalesce(_i_items, 8)), x -> x is not null)";
    Dataset<Row> scored =
        stgQol
            .join(inst, stgQol.col("instrument").equalTo(inst.col("_i_code")), "left")
            .withColumn("_answered", expr(answered))
            .withColumn("items_answered", expr("size(_answered)").cast("int"))
            .withColumn(
                "score",
                when(
                    col("_i_min").isNotNull().and(col("items_answered").geq(col("_i_min"))),
                    col("_i_mult")
                        .multiply(expr("aggregate(_answered, 0, (a, x) -> a + x)").cast("double"))
                        .divide(col("items_answered"))))
            .select(
                "client_id",
                "kov_code",
                "assessed_on",
                "quarter",
                "instrument",
                "items_answered",
                "score",
                "submission_id",
                "source_row");
    return CaseLink.attach(scored, cases, "assessed_on", "assessed_on", baselineBeforeDays)
        .select(
            "case_id",
            "client_id",
            "kov_code",
            "assessed_on",
            "quarter",
            "instrument",
            "items_answered",
            "score");
  }
}
