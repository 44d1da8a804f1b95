package ee.ska.iste.pipelines.model;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The code-list dimensions, each from its reference file:
 *
 * <ul>
 *   <li>{@code dim_quarter}: one row per quarter of the run, key {@code quarter}: first_day,
 *       last_day, days.
 *   <li>{@code dim_domain}: one row per life domain, key {@code code}: name_et, name_en.
 *   <li>{@code dim_component}: one row per service component, key {@code code}: component_group,
 *       domain, name_et, name_en.
 *   <li>{@code dim_exit_reason}: one row per exit reason, key {@code code}: administrative (true =
 *       the case goes on), name_et, name_en.
 * </ul>
 */
public final class CodeDimensions {
  public static final String QUARTER_TABLE = "dim_quarter";
  public static final String DOMAIN_TABLE = "dim_domain";
  public static final String COMPONENT_TABLE = "dim_component";
  public static final String EXIT_REASON_TABLE = "dim_exit_reason";

  public static final StructType DIM_QUARTER =
      new StructType()
          .add("quarter", DataTypes.StringType, false)
          .add("year", DataTypes.IntegerType)
          .add("quarter_number", DataTypes.IntegerType)
          .add("first_day", DataTypes.DateType)
          .add("last_day", DataTypes.DateType)
          .add("days", DataTypes.IntegerType);
  public static final StructType DIM_DOMAIN =
      new StructType()
          .add("code", DataTypes.StringType, false)
          .add("name_et", DataTypes.StringType)
          .add("name_en", DataTypes.StringType);
  public static final StructType DIM_COMPONENT =
      new StructType()
          .add("code", DataTypes.StringType, false)
          .add("component_group", DataTypes.StringType)
          .add("domain", DataTypes.StringType)
          .add("name_et", DataTypes.StringType)
          .add("name_en", DataTypes.StringType);
  public static final StructType DIM_EXIT_REASON =
      new StructType()
          .add("code", DataTypes.StringType, false)
          .add("administrative", DataTypes.BooleanType)
          .add("name_et", DataTypes.StringType)
          .add("name_en", DataTypes.StringType);

  private CodeDimensions() {}

  public static Dataset<Row> quarters(SparkSession spark, List<Quarter> quarters) {
    List<Row> rows =
        quarters.stream()
            .sorted()
            .map(
                q ->
                    RowFactory.create(
                        q.toString(),
                        q.year(),
                        q.number(),
                        Date.valueOf(q.firstDay()),
                        Date.valueOf(q.lastDay()),
                        q.days()))
            .toList();
    return spark.createDataFrame(rows, DIM_QUARTER);
  }

  public static Dataset<Row> domains(SparkSession spark, ReferenceData ref) {
    return RefDatasets.of(spark, ref, "domains", DIM_DOMAIN);
  }

  public static Dataset<Row> components(SparkSession spark, ReferenceData ref) {
    return RefDatasets.of(spark, ref, "components", DIM_COMPONENT);
  }

  public static Dataset<Row> exitReasons(SparkSession spark, ReferenceData ref) {
    return RefDatasets.of(spark, ref, "exit_reasons", DIM_EXIT_REASON);
  }

  /** Exit reasons after which the case goes on ({@code administrative=true}). */
  public static List<String> administrativeExitReasons(ReferenceData ref) {
    return ref.table("exit_reasons").rows().stream()
        .filter(r -> Boolean.parseBoolean(r.get("administrative")))
        .map(r -> r.get("code"))
        .toList();
  }

  /** Exit reasons that end a case. */
  public static List<String> finalExitReasons(ReferenceData ref) {
    return ref.table("exit_reasons").rows().stream()
        .filter(r -> !Boolean.parseBoolean(r.get("administrative")))
        .map(r -> r.get("code"))
        .toList();
  }
}
