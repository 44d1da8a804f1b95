package ee.ska.iste.pipelines.model;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code fct_case}: one row per case, key {@code case_id} (SHA-256 hex of client, KOV and case
 * start). A case is an episode joined with the next episode of the same client in the same KOV when
 * the first ended with an administrative exit reason ({@code VOORU_LOPP}) and the next starts
 * within {@code CASE_JOIN_DAYS} days of that end. Case start = first episode's start; end and end
 * reason = the last episode's (null while open). Descriptive columns come from the first episode.
 */
public final class FctCase {
  public static final String TABLE = "fct_case";
  public static final StructType SCHEMA =
      new StructType()
          .add("case_id", DataTypes.StringType)
          .add("client_id", DataTypes.StringType, false)
          .add("kov_code", DataTypes.StringType, false)
          .add("county_code", DataTypes.StringType)
          .add("allocation_id", DataTypes.StringType)
          .add("start_date", DataTypes.DateType)
          .add("end_date", DataTypes.DateType)
          .add("end_reason", DataTypes.StringType)
          .add("episodes", DataTypes.IntegerType, false)
          .add("entry_route", DataTypes.StringType)
          .add("diagnosis", DataTypes.StringType)
          .add("severity", DataTypes.StringType)
          .add("cooperative", DataTypes.BooleanType)
          .add("ineligible_reason", DataTypes.StringType)
          .add("birth_year", DataTypes.IntegerType)
          .add("sex", DataTypes.StringType)
          .add("age_at_start", DataTypes.IntegerType);

  private FctCase() {}

  /**
   * @param intEpisode {@link IntEpisode} rows
   * @param dimMunicipality {@link DimMunicipality} rows (county and allocation of the KOV)
   * @param administrativeReasons exit reasons after which the case goes on
   * @param joinDays largest gap in days between an administrative end and the next start
   */
  public static Dataset<Row> transform(
      Dataset<Row> intEpisode,
      Dataset<Row> dimMunicipality,
      List<String> administrativeReasons,
      int joinDays) {
    WindowSpec byClientKov =
        Window.partitionBy("client_id", "kov_code").orderBy(col("start_date"), col("end_date"));
    Column continues =
        col("_prev_reason")
            .isin(administrativeReasons.toArray())
            .and(col("_prev_end").isNotNull())
            .and(datediff(col("start_date"), col("_prev_end")).leq(joinDays));
    Dataset<Row> numbered =
        intEpisode
            .withColumn("_prev_end", lag("end_date", 1).over(byClientKov))
            .withColumn("_prev_reason", lag("exit_reason", 1).over(byClientKov))
            .withColumn("_new_case", when(coalesce(continues, lit(false)), 0).otherwise(1))
            .withColumn(
                "_case_seq",
                sum("_new_case")
                    .over(
                        byClientKov.rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
    Column first =
        min_by(
            struct(
                "entry_route",
                "diagnosis",
                "severity",
                "cooperative",
                "ineligible_reason",
                "birth_year",
                "sex",
                "age_at_start"),
            col("start_date"));
    Column last = max_by(struct("end_date", "exit_reason"), col("start_date"));
    Dataset<Row> cases =
        numbered
            .groupBy("client_id", "kov_code", "_case_seq")
            .agg(
                min("start_date").as("start_date"),
                last.as("_last"),
                count(lit(1)).cast("int").as("episodes"),
                first.as("_first"));
    Dataset<Row> dim = dimMunicipality.select("kov_code", "county_code", "allocation_id");
    return cases
        .join(dim, cases.col("kov_code").equalTo(dim.col("kov_code")), "left")
        .select(
            sha2(
                    concat_ws(
                        "|",
                        cases.col("client_id"),
                        cases.col("kov_code"),
                        date_format(col("start_date"), "yyyy-MM-dd")),
                    256)
                .as("case_id"),
            cases.col("client_id"),
            cases.col("kov_code"),
            col("county_code"),
            col("allocation_id"),
            col("start_date"),
            col("_last.end_date").as("end_date"),
            col("_last.exit_reason").as("end_reason"),
            col("episodes"),
            col("_first.entry_route").as("entry_route"),
            col("_first.diagnosis").as("diagnosis"),
            col("_first.severity").as("severity"),
            col("_first.cooperative").as("cooperative"),
            col("_first.ineligible_reason").as("ineligible_reason"),
            col("_first.birth_year").as("birth_year"),
            col("_first.sex").as("sex"),
            col("_first.age_at_start").as("age_at_start"));
  }
}
