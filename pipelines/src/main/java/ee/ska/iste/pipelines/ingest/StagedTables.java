package ee.ska.iste.pipelines.ingest;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The staged ({@code stg_}) tables the ingest stage writes, with their explicit schemas (docs/
 * tables.md). Every table is partitioned by {@code quarter}; the schemas below include it as their
 * last column. Data tables end with the common columns {@code submission_id, kov_code, source_row,
 * quarter}.
 */
public final class StagedTables {
  /** One row per submission read (refused and superseded included); key submission_id. */
  public static final String SUBMISSION = "stg_submission";

  /** One row per submission read (not refused) and sheet. */
  public static final String INGEST_LOG = "stg_ingest_log";

  /** One row per rejected row of a loaded submission and broken rule. */
  public static final String REJECT = "stg_reject";

  /** Sheet klient: one row per accepted episode; key (client_id, kov_code, start_date). */
  public static final String CLIENT_EPISODE = "stg_client_episode";

  /** Sheet hindamine: one row per assessment and life domain. */
  public static final String ASSESSMENT = "stg_assessment";

  /** Sheet plaan: one row per plan version. */
  public static final String PLAN = "stg_plan";

  /** Sheet osalemine: one row per client, month, component, mode, provider. */
  public static final String PARTICIPATION = "stg_participation";

  /** Sheet elukvaliteet: one row per self-assessment. */
  public static final String QOL = "stg_qol";

  /** The hours type: exact decimals. */
  public static final DataType DECIMAL = DataTypes.createDecimalType(12, 2);

  private static final List<StructField> COMMON =
      List.of(
          field("submission_id", StringType),
          field("kov_code", StringType),
          field("source_row", IntegerType),
          field("quarter", StringType));

  public static final StructType SUBMISSION_SCHEMA =
      schema(
          List.of(
              field("submission_id", StringType),
              field("source_file", StringType),
              field("kov_code", StringType),
              field("submitted_on", DateType),
              field("form_version", StringType),
              field("checksum_sha256", StringType),
              field("status", StringType),
              field("refusal_reason", StringType),
              field("refusal_message", StringType),
              field("rows_read", IntegerType),
              field("rows_accepted", IntegerType),
              field("rows_rejected", IntegerType),
              field("quarter", StringType)));

  public static final StructType INGEST_LOG_SCHEMA =
      schema(
          List.of(
              field("submission_id", StringType),
              field("source_file", StringType),
              field("kov_code", StringType),
              field("sheet", StringType),
              field("rows_read", IntegerType),
              field("rows_accepted", IntegerType),
              field("rows_rejected", IntegerType),
              field("warnings", StringType),
              field("quarter", StringType)));

  public static final StructType REJECT_SCHEMA =
      schema(
          List.of(
              field("submission_id", StringType),
              field("source_file", StringType),
              field("kov_code", StringType),
              field("sheet", StringType),
              field("source_row", IntegerType),
              field("column_name", StringType),
              field("reason_code", StringType),
              field("value", StringType),
              field("message", StringType),
              field("quarter", StringType)));

  public static final StructType CLIENT_EPISODE_SCHEMA =
      withCommon(
          field("client_id", StringType),
          field("birth_year", IntegerType),
          field("birth_month", IntegerType),
          field("sex", StringType),
          field("start_date", DateType),
          field("entry_route", StringType),
          field("diagnosis", StringType),
          field("severity", StringType),
          field("cooperative", BooleanType),
          field("bto", StringType),
          field("end_date", DateType),
          field("exit_reason", StringType),
          field("age_at_start", IntegerType),
          field("ineligible_reason", StringType));

  public static final StructType ASSESSMENT_SCHEMA =
      withCommon(
          field("client_id", StringType),
          field("assessed_on", DateType),
          field("assessment_type", StringType),
          field("domain", StringType),
          field("level", IntegerType));

  public static final StructType PLAN_SCHEMA =
      withCommon(
          field("client_id", StringType),
          field("plan_type", StringType),
          field("made_on", DateType),
          field("reviewed_on", DateType),
          field("goals", IntegerType),
          field("goals_reached", IntegerType));

  public static final StructType PARTICIPATION_SCHEMA =
      withCommon(
          field("client_id", StringType),
          field("month", StringType),
          field("month_start", DateType),
          field("component", StringType),
          field("mode", StringType),
          field("provider", StringType),
          field("hours", DECIMAL));

  public static final StructType QOL_SCHEMA =
      withCommon(
          field("client_id", StringType),
          field("assessed_on", DateType),
          field("instrument", StringType),
          field("item_1", IntegerType),
          field("item_2", IntegerType),
          field("item_3", IntegerType),
          field("item_4", IntegerType),
          field("item_5", IntegerType),
          field("item_6", IntegerType),
          field("item_7", IntegerType),
          field("item_8", IntegerType));

  /** Every staged table with its schema, in writing order. */
  public static final Map<String, StructType> ALL = all();

  /** The data table fed by a sheet. */
  static String tableOf(SheetSpec sheet) {
    return switch (sheet) {
      case KLIENT -> CLIENT_EPISODE;
      case HINDAMINE -> ASSESSMENT;
      case PLAAN -> PLAN;
      case OSALEMINE -> PARTICIPATION;
      case ELUKVALITEET -> QOL;
      case KAAS -> throw new IllegalArgumentException("the cover feeds stg_submission");
    };
  }

  private StagedTables() {}

  private static Map<String, StructType> all() {
    Map<String, StructType> m = new LinkedHashMap<>();
    m.put(SUBMISSION, SUBMISSION_SCHEMA);
    m.put(INGEST_LOG, INGEST_LOG_SCHEMA);
    m.put(REJECT, REJECT_SCHEMA);
    m.put(CLIENT_EPISODE, CLIENT_EPISODE_SCHEMA);
    m.put(ASSESSMENT, ASSESSMENT_SCHEMA);
    m.put(PLAN, PLAN_SCHEMA);
    m.put(PARTICIPATION, PARTICIPATION_SCHEMA);
    m.put(QOL, QOL_SCHEMA);
    return Collections.unmodifiableMap(m);
  }

  private static StructField field(String name, DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }

  private static StructType schema(List<StructField> fields) {
    return new StructType(fields.toArray(new StructField[0]));
  }

  private static StructType withCommon(StructField... specific) {
    List<StructField> fields = new ArrayList<>(List.of(specific));
    fields.addAll(COMMON);
    return schema(fields);
  }
}
