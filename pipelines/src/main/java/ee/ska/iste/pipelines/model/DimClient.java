package ee.ska.iste.pipelines.model;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.upper;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code dim_client}: one row per client (pseudonym), key {@code client_id}.
 *
 * <ul>
 *   <li>birth_year, birth_month, sex: as given on the client's latest-starting episode;
 *   <li>first_start, episodes, kovs: the earliest episode start in any KOV, the number of episodes
 *       and of KOVs the client has had episodes in;
 *   <li>age_at_entry, age_band, diagnosis, diagnosis_group, severity, entry_route: from the
 *       client's <b>first episode</b> — the earliest {@code start_date}; two episodes starting on
 *       the same day (in two KOVs) are ordered by {@code kov_code}, the lower code first, which
 *       decides since (client, KOV, start) is the episode's key. {@code age_at_entry} is that
 *       episode's {@code age_at_start} (whole years, worked out at ingest from the birth date in
 *       the personal code, which is not kept); {@code diagnosis} is its primary diagnosis as
 *       received. {@code age_band} is the band of {@code age_bands.csv} valid on the first start
 *       that holds the age; {@code diagnosis_group} the group of {@code diagnosis_groups.csv} valid
 *       on the first start whose narrowest range holds the diagnosis's first three characters.
 *       Either is null when no band or range matches; the age and the diagnosis are kept whatever
 *       the lookup finds.
 * </ul>
 */
public final class DimClient {
  public static final String TABLE = "dim_client";
  public static final StructType SCHEMA =
      new StructType()
          .add("client_id", DataTypes.StringType, false)
          .add("birth_year", DataTypes.IntegerType)
          .add("birth_month", DataTypes.IntegerType)
          .add("sex", DataTypes.StringType)
          .add("first_start", DataTypes.DateType)
          .add("episodes", DataTypes.IntegerType, false)
          .add("kovs", DataTypes.IntegerType, false)
          .add("age_at_entry", DataTypes.IntegerType)
          .add("age_band", DataTypes.StringType)
          .add("diagnosis", DataTypes.StringType)
          .add("diagnosis_group", DataTypes.StringType)
          .add("severity", DataTypes.StringType)
          .add("entry_route", DataTypes.StringType);

  private DimClient() {}

  /**
   * @param intEpisode {@link IntEpisode} rows
   * @param ageBands rows in {@link RefDatasets#AGE_BANDS} (no two valid on a day overlap)
   * @param diagnosisCategories rows in {@link RefDatasets#DIAGNOSIS_CATEGORIES} (at most one per
   *     category valid on a day)
   */
  public static Dataset<Row> transform(
      Dataset<Row> intEpisode, Dataset<Row> ageBands, Dataset<Row> diagnosisCategories) {
    Column episodeOrder = struct(col("start_date"), col("kov_code"));
    Dataset<Row> clients =
        intEpisode
            .groupBy("client_id")
            .agg(
                max_by(struct("birth_year", "birth_month", "sex"), episodeOrder).as("_latest"),
                min_by(
                        struct(
                            "start_date", "age_at_start", "diagnosis", "severity", "entry_route"),
                        episodeOrder)
                    .as("_first"),
                count(lit(1)).cast("int").as("episodes"),
                countDistinct("kov_code").cast("int").as("kovs"))
            .select(
                col("client_id"),
                col("_latest.birth_year").as("birth_year"),
                col("_latest.birth_month").as("birth_month"),
                col("_latest.sex").as("sex"),
                col("_first.start_date").as("first_start"),
                col("episodes"),
                col("kovs"),
                col("_first.age_at_start").as("age_at_entry"),
                col("_first.diagnosis").as("diagnosis"),
                col("_first.severity").as("severity"),
                col("_first.entry_route").as("entry_route"));
    return withDiagnosisGroup(
            withAgeBand(clients, col("age_at_entry"), col("first_start"), ageBands, "age_band"),
            col("diagnosis"),
            col("first_start"),
            diagnosisCategories,
            "diagnosis_group")
        .select(
            col("client_id"),
            col("birth_year"),
            col("birth_month"),
            col("sex"),
            col("first_start"),
            col("episodes"),
            col("kovs"),
            col("age_at_entry"),
            col("age_band"),
            col("diagnosis"),
            col("diagnosis_group"),
            col("severity"),
            col("entry_route"));
  }

  /**
   * The rows with a column {@code out}: the code of the band of {@code ageBands} valid on {@code
   * on} that holds {@code age} (null when none does): the one age-band rule of the model tables,
   * also used for the age at a case's start.
   *
   * @param ageBands rows in {@link RefDatasets#AGE_BANDS} (no two valid on a day overlap)
   */
  public static Dataset<Row> withAgeBand(
      Dataset<Row> rows, Column age, Column on, Dataset<Row> ageBands, String out) {
    Dataset<Row> bands =
        ageBands.select(
            col("code").as(out),
            col("age_from").as("_b_from"),
            col("age_to").as("_b_to"),
            col("valid_from").as("_b_valid_from"),
            col("valid_to").as("_b_valid_to"));
    Column bandMatch =
        age.geq(col("_b_from"))
            .and(col("_b_to").isNull().or(age.leq(col("_b_to"))))
            .and(validOn(on, "_b_valid_from", "_b_valid_to"));
    return rows.join(broadcast(bands), bandMatch, "left")
        .drop("_b_from", "_b_to", "_b_valid_from", "_b_valid_to");
  }

  /**
   * The rows with a column {@code out}: the diagnosis group valid on {@code on} of the diagnosis's
   * first three characters (null when no range holds it): the one diagnosis-group rule of the model
   * tables, also used for a case's diagnosis.
   *
   * @param diagnosisCategories rows in {@link RefDatasets#DIAGNOSIS_CATEGORIES} (at most one per
   *     category valid on a day)
   */
  public static Dataset<Row> withDiagnosisGroup(
      Dataset<Row> rows,
      Column diagnosis,
      Column on,
      Dataset<Row> diagnosisCategories,
      String out) {
    Dataset<Row> groups =
        diagnosisCategories.select(
            col("category").as("_g_category"),
            col("diagnosis_group").as(out),
            col("valid_from").as("_g_valid_from"),
            col("valid_to").as("_g_valid_to"));
    Column groupMatch =
        upper(substring(diagnosis, 1, 3))
            .equalTo(col("_g_category"))
            .and(validOn(on, "_g_valid_from", "_g_valid_to"));
    return rows.join(broadcast(groups), groupMatch, "left")
        .drop("_g_category", "_g_valid_from", "_g_valid_to");
  }

  private static Column validOn(Column date, String from, String to) {
    return col(from).leq(date).and(col(to).isNull().or(col(to).geq(date)));
  }
}
