package ee.ska.iste.pipelines.measures;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.pipelines.model.RefDatasets;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ref_measure}: the measure catalogue, one row per measure code (key {@code measure}), from
 * the reference file {@code measures.csv}: name_et, name_en, definition_en, unit, higher_is_better
 * (null where neither direction is better), kind.
 */
public final class MeasureCatalogue {
  public static final String TABLE = "ref_measure";
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

  public static Dataset<Row> build(SparkSession spark, ReferenceData ref) {
    return RefDatasets.of(spark, ref, "measures", SCHEMA);
  }
}
