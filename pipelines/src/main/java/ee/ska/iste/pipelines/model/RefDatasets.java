package ee.ska.iste.pipelines.model;

import ee.ska.iste.core.ref.RefTable;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.pipelines.staged.StagedSchemas;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reference CSV tables as small Datasets with explicit schemas: each column of the schema is read
 * from the CSV column of the same name and converted to the schema's type (text, int, double,
 * decimal, boolean, ISO date). The edge between reference data and Spark steps.
 */
public final class RefDatasets {
  private RefDatasets() {}

  /** The rows of reference table {@code name} in the given schema. */
  public static Dataset<Row> of(
      SparkSession spark, ReferenceData ref, String name, StructType schema) {
    return of(spark, name, ref.table(name).rows(), schema);
  }

  /**
   * Rows of reference table {@code name} (column → text, as {@link RefTable#rows()} gives them) in
   * the given schema.
   */
  public static Dataset<Row> of(
      SparkSession spark, String name, List<Map<String, String>> textRows, StructType schema) {
    List<Row> rows = new ArrayList<>();
    for (Map<String, String> r : textRows) {
      Object[] values = new Object[schema.fields().length];
      for (int i = 0; i < values.length; i++) {
        StructField f = schema.fields()[i];
        values[i] = convert(r.get(f.name()), f.dataType(), name, f.name());
      }
      rows.add(RowFactory.create(values));
    }
    return spark.createDataFrame(rows, schema);
  }

  /** The {@code instruments} table: code, items, min_answered, score_multiplier, sd, retest_r. */
  public static final StructType INSTRUMENTS =
      new StructType()
          .add("code", DataTypes.StringType)
          .add("items", DataTypes.IntegerType)
          .add("min_answered", DataTypes.IntegerType)
          .add("score_multiplier", DataTypes.DoubleType)
          .add("higher_is_better", DataTypes.BooleanType)
          .add("sd", DataTypes.DoubleType)
          .add("retest_r", DataTypes.DoubleType);

  /** The {@code prices} table. */
  public static final StructType PRICES =
      new StructType()
          .add("component", DataTypes.StringType)
          .add("mode", DataTypes.StringType)
          .add("price_eur", StagedSchemas.MONEY)
          .add("valid_from", DataTypes.DateType)
          .add("valid_to", DataTypes.DateType);

  /** Age bands at entry ({@link ReferenceData#ageBands()}, checked for overlaps). */
  public static final StructType AGE_BANDS =
      new StructType()
          .add("code", DataTypes.StringType, false)
          .add("age_from", DataTypes.IntegerType, false)
          .add("age_to", DataTypes.IntegerType)
          .add("valid_from", DataTypes.DateType, false)
          .add("valid_to", DataTypes.DateType);

  /**
   * Three-character ICD-10 categories with their diagnosis group per period ({@link
   * ReferenceData#diagnosisCategories()}): at most one row per category valid on a day.
   */
  public static final StructType DIAGNOSIS_CATEGORIES =
      new StructType()
          .add("category", DataTypes.StringType, false)
          .add("diagnosis_group", DataTypes.StringType, false)
          .add("valid_from", DataTypes.DateType, false)
          .add("valid_to", DataTypes.DateType);

  public static Dataset<Row> ageBands(SparkSession spark, ReferenceData ref) {
    List<Row> rows =
        ref.ageBands().stream()
            .map(
                b ->
                    RowFactory.create(
                        b.code(),
                        b.ageFrom(),
                        b.ageTo(),
                        sqlDate(b.validFrom()),
                        sqlDate(b.validTo())))
            .toList();
    return spark.createDataFrame(rows, AGE_BANDS);
  }

  public static Dataset<Row> diagnosisCategories(SparkSession spark, ReferenceData ref) {
    List<Row> rows =
        ref.diagnosisCategories().stream()
            .map(
                c ->
                    RowFactory.create(
                        c.category(), c.group(), sqlDate(c.validFrom()), sqlDate(c.validTo())))
            .toList();
    return spark.createDataFrame(rows, DIAGNOSIS_CATEGORIES);
  }

  private static Date sqlDate(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static Object convert(String v, DataType type, String table, String column) {
    if (v == null) {
      return null;
    }
    try {
      if (type.equals(DataTypes.StringType)) {
        return v;
      } else if (type.equals(DataTypes.IntegerType)) {
        return Integer.parseInt(v);
      } else if (type.equals(DataTypes.DoubleType)) {
        return Double.parseDouble(v);
      } else if (type.equals(DataTypes.BooleanType)) {
        return Boolean.parseBoolean(v);
      } else if (type.equals(DataTypes.DateType)) {
        return Date.valueOf(LocalDate.parse(v));
      } else if (type instanceof org.apache.spark.sql.types.DecimalType) {
        return new BigDecimal(v);
      }
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "reference file "
              + table
              + ".csv: column "
              + column
              + " value '"
              + v
              + "' is not "
              + type.simpleString(),
          e);
    }
    throw new IllegalArgumentException("unsupported reference column type " + type);
  }
}
