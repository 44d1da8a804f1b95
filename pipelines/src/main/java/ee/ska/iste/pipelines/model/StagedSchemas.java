package ee.ska.iste.pipelines.model;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The explicit schemas of the staged ({@code stg_}) data tables as docs/tables.md defines them. One
 * place for them, so that the ingest stage that writes these tables and the model stage that reads
 * them can share one definition.
 */
public final class StagedSchemas {
  /** Hours and euros: exact sums. */
  public static final DecimalType MONEY = DataTypes.createDecimalType(12, 2);

  public static final StructType CLIENT_EPISODE =
      withCommon(
          new StructType()
              .add("client_id", StringType, false)
              .add("birth_year", IntegerType)
              .add("birth_month", IntegerType)
              .add("sex", StringType)
              .add("start_date", DateType, false)
              .add("entry_route", StringType)
              .add("diagnosis", StringType)
              .add("severity", StringType)
              .add("cooperative", BooleanType)
              .add("bto", StringType)
              .add("end_date", DateType)
              .add("exit_reason", StringType)
              .add("age_at_start", IntegerType)
              .add("ineligible_reason", StringType));

  public static final StructType ASSESSMENT =
      withCommon(
          new StructType()
              .add("client_id", StringType, false)
              .add("assessed_on", DateType, false)
              .add("assessment_type", StringType, false)
              .add("domain", StringType, false)
              .add("level", IntegerType));

  public static final StructType PLAN =
      withCommon(
          new StructType()
              .add("client_id", StringType, false)
              .add("plan_type", StringType, false)
              .add("made_on", DateType, false)
              .add("reviewed_on", DateType)
              .add("goals", IntegerType)
              .add("goals_reached", IntegerType));

  public static final StructType PARTICIPATION =
      withCommon(
          new StructType()
              .add("client_id", StringType, false)
              .add("month", StringType, false)
              .add("month_start", DateType, false)
              .add("component", StringType, false)
              .add("mode", StringType, false)
              .add("provider", StringType)
              .add("hours", MONEY));

  public static final StructType QOL = withCommon(qolColumns());

  private StagedSchemas() {}

  private static StructType qolColumns() {
    StructType t =
        new StructType()
            .add("client_id", StringType, false)
            .add("assessed_on", DateType, false)
            .add("instrument", StringType, false);
    for (int i = 1; i <= 8; i++) {
      t = t.add("item_" + i, IntegerType);
    }
    return t;
  }

  private static StructType withCommon(StructType data) {
    List<StructField> fields = new ArrayList<>(List.of(data.fields()));
    fields.add(DataTypes.createStructField("submission_id", StringType, true));
    fields.add(DataTypes.createStructField("kov_code", StringType, false));
    fields.add(DataTypes.createStructField("source_row", IntegerType, true));
    fields.add(DataTypes.createStructField("quarter", StringType, false));
    return DataTypes.createStructType(fields);
  }
}
