package ee.ska.iste.pipelines.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.last_day;

import ee.ska.iste.pipelines.staged.StagedSchemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * {@code fct_participation}: one row per client, KOV, month, component, mode and provider, from the
 * submission of the quarter the month is in; with its case, the price per hour of the component and
 * mode valid on the month's first day ({@code price_eur}, null when the list has no price) and
 * {@code cost_eur} = hours × price, both decimal(12,2). Partitioned by quarter.
 */
public final class FctParticipation {
  public static final String TABLE = "fct_participation";
  public static final StructType SCHEMA =
      CaseLink.schema(
          StagedSchemas.PARTICIPATION
              .add("price_eur", StagedSchemas.MONEY)
              .add("cost_eur", StagedSchemas.MONEY));

  private FctParticipation() {}

  /**
   * @param prices rows in {@link RefDatasets#PRICES}
   */
  public static Dataset<Row> transform(
      Dataset<Row> stgParticipation, Dataset<Row> cases, Dataset<Row> prices) {
    Dataset<Row> p =
        prices.select(
            col("component").as("_p_component"),
            col("mode").as("_p_mode"),
            col("price_eur"),
            col("valid_from").as("_p_from"),
            col("valid_to").as("_p_to"));
    Column priceMatch =
        stgParticipation
            .col("component")
            .equalTo(p.col("_p_component"))
            .and(stgParticipation.col("mode").equalTo(p.col("_p_mode")))
            .and(p.col("_p_from").leq(stgParticipation.col("month_start")))
            .and(
                p.col("_p_to")
                    .isNull()
                    .or(p.col("_p_to").geq(stgParticipation.col("month_start"))));
    Dataset<Row> priced =
        stgParticipation
            .join(p, priceMatch, "left")
            .drop("_p_component", "_p_mode", "_p_from", "_p_to")
            .withColumn(
                "cost_eur", col("hours").multiply(col("price_eur")).cast(StagedSchemas.MONEY))
            .withColumn("_month_end", last_day(col("month_start")));
    return CaseLink.attach(priced, cases, "month_start", "_month_end", 0).drop("_month_end");
  }
}
