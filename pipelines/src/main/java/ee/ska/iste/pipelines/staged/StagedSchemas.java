package ee.ska.iste.pipelines.staged;

import ee.ska.iste.core.contract.StagedColumn;
import ee.ska.iste.core.contract.StagedTable;
import ee.ska.iste.core.contract.ValueType;
import java.util.function.Predicate;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark schemas of the staged ({@code stg_}) tables, derived from their one declaration in core
 * ({@link StagedTable}): the ingest stage writes them, the model stage reads them.
 */
public final class StagedSchemas {
  /** Hours and euros: exact sums ({@link ValueType#DECIMAL}). */
  public static final DecimalType MONEY =
      DataTypes.createDecimalType(ValueType.DECIMAL_PRECISION, ValueType.DECIMAL_SCALE);

  public static final StructType CLIENT_EPISODE = of(StagedTable.CLIENT_EPISODE);
  public static final StructType ASSESSMENT = of(StagedTable.ASSESSMENT);
  public static final StructType PLAN = of(StagedTable.PLAN);
  public static final StructType PARTICIPATION = of(StagedTable.PARTICIPATION);
  public static final StructType QOL = of(StagedTable.QOL);

  private StagedSchemas() {}

  /** A table's schema, with the columns that never hold null declared non-nullable. */
  public static StructType of(StagedTable table) {
    return schema(table, StagedColumn::nullable);
  }

  /** A table's schema as the ingest stage writes it: every column nullable. */
  public static StructType asWritten(StagedTable table) {
    return schema(table, c -> true);
  }

  /** The Spark type of a staged column's type. */
  public static DataType sparkType(ValueType type) {
    return switch (type) {
      case STRING -> DataTypes.StringType;
      case INTEGER -> DataTypes.IntegerType;
      case DATE -> DataTypes.DateType;
      case BOOLEAN -> DataTypes.BooleanType;
      case DECIMAL -> MONEY;
    };
  }

  private static StructType schema(StagedTable table, Predicate<StagedColumn> nullable) {
    return DataTypes.createStructType(
        table.columns().stream()
            .map(c -> DataTypes.createStructField(c.name(), sparkType(c.type()), nullable.test(c)))
            .toArray(StructField[]::new));
  }
}
