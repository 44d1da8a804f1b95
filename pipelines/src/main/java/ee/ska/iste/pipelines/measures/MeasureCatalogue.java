package ee.ska.iste.pipelines.measures;

import ee.ska.iste.core.ref.RefTable;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.pipelines.model.RefDatasets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ref_measure}: the measure catalogue, one row per measure of the registry (key {@code
 * measure}) with its kind, and from the reference file {@code measures.csv} its name_et, name_en,
 * definition_en, unit and higher_is_better (null where neither direction is better).
 */
public final class MeasureCatalogue {
  public static final String TABLE = "ref_measure";

  /** The reference table of names, units and directions: measures.csv. */
  static final String CSV = "measures";

  public static final StructType SCHEMA =
      new StructType()
          .add("measure", DataTypes.StringType, false)
          .add("name_et", DataTypes.StringType)
          .add("name_en", DataTypes.StringType)
          .add("definition_en", DataTypes.StringType)
          .add("unit", DataTypes.StringType)
          .add("higher_is_better", DataTypes.BooleanType)
          .add("kind", DataTypes.StringType);

  private MeasureCatalogue() {}

  /**
   * @param definitions the registry's measures, every one listed in measures.csv ({@link
   *     MeasureRegistry#check})
   */
  public static Dataset<Row> build(
      SparkSession spark, ReferenceData ref, List<MeasureDefinition> definitions) {
    RefTable listed = ref.table(CSV);
    Map<String, Map<String, String>> byCode = new HashMap<>();
    listed.rows().forEach(r -> byCode.put(r.get("measure"), r));
    List<Map<String, String>> rows =
        definitions.stream()
            .map(
                d -> {
                  Map<String, String> text = byCode.get(d.code());
                  if (text == null) {
                    throw new IllegalStateException(
                        "measure " + d.code() + " is not in " + listed.name());
                  }
                  Map<String, String> row = new HashMap<>(text);
                  row.put("measure", d.code());
                  row.put("kind", d.kind().name());
                  return row;
                })
            .toList();
    return RefDatasets.of(spark, CSV, rows, SCHEMA);
  }
}
