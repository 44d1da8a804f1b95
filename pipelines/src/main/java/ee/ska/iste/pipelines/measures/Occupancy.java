package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import ee.ska.iste.core.ref.ReferenceData;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code OCCUPANCY} = client days / (allocated places × days in the quarter), per allocation valid
 * on the quarter's last day (all quarters at once, one figure per quarter). A joint allocation is
 * one unit: its figure (all its KOVs' client days over its places) is reported under each of its
 * KOV codes. County and national figures: client days of the cases in KOVs with an allocation over
 * all places allocated in the county / nation. Rows only for allocations, counties and the nation
 * with an active case.
 *
 * <p>{@code ENTRIES_PER_100_PLACES} = new cases × (365 / days in the quarter) × 100 / allocated
 * places, per allocation in the same way: numerator the new cases of the allocation's KOVs,
 * denominator places × days in the quarter / 36,500 (hundreds of place-years; public like the
 * occupancy's), n the active cases behind the rate.
 */
final class Occupancy {
  static final MeasureDefinition DEFINITION = new MeasureDefinition("OCCUPANCY", Kind.RATIO);
  static final MeasureDefinition ENTRIES =
      new MeasureDefinition("ENTRIES_PER_100_PLACES", Kind.RATIO);

  /** Days of a place-year times 100 places: the entries' denominator is places × days / this. */
  static final double PLACE_DAYS_PER_100_PLACE_YEARS = 365.0 * 100;

  static final StructType ALLOCATIONS =
      new StructType()
          .add("allocation_id", DataTypes.StringType)
          .add("kov_code", DataTypes.StringType)
          .add("places", DataTypes.IntegerType)
          .add("valid_from", DataTypes.DateType)
          .add("valid_to", DataTypes.DateType);

  private Occupancy() {}

  /** One row per allocation and KOV it covers. */
  static Dataset<Row> allocations(SparkSession spark, ReferenceData ref) {
    List<Row> rows = new ArrayList<>();
    for (ReferenceData.Allocation a : ref.allocations()) {
      for (String kov : a.kovCodes()) {
        rows.add(
            RowFactory.create(
                a.id(),
                kov,
                a.places(),
                Date.valueOf(a.validFrom()),
                a.validTo() == null ? null : Date.valueOf(a.validTo())));
      }
    }
    return spark.createDataFrame(rows, ALLOCATIONS);
  }

  /**
   * @param active case-quarter rows of {@link CaseQuarter#activeCases} (kov_code, quarter,
   *     client_days, is_new)
   * @param quarters the quarters of {@link CaseQuarter#quarters}
   */
  static Dataset<Row> transform(
      Dataset<Row> active,
      Dataset<Row> quarters,
      Dataset<Row> allocations,
      Dataset<Row> municipalities) {
    Dataset<Row> valid =
        allocations
            .crossJoin(quarters.select("quarter", "q_last", "q_days"))
            .filter(
                col("valid_from")
                    .leq(col("q_last"))
                    .and(col("valid_to").isNull().or(col("valid_to").geq(col("q_last")))))
            .drop("q_last")
            .join(municipalities.select("kov_code", "county_code"), "kov_code");
    Dataset<Row> caseDays =
        active
            .select(
                col("kov_code").as("_a_kov"),
                col("quarter").as("_a_quarter"),
                col("client_days"),
                when(col("is_new"), 1).otherwise(0).as("_new"))
            .join(
                valid,
                col("_a_kov")
                    .equalTo(col("kov_code"))
                    .and(col("_a_quarter").equalTo(col("quarter"))));
    Dataset<Row> perAllocation =
        caseDays
            .groupBy("quarter", "allocation_id")
            .agg(sum("client_days").as("cd"), sum("_new").as("new"), count(lit(1)).as("n"));
    Dataset<Row> placesPerAllocation =
        valid.select("quarter", "q_days", "allocation_id", "places").distinct();
    Dataset<Row> kov =
        valid
            .select("quarter", "q_days", "allocation_id", "kov_code", "places")
            .join(perAllocation, new String[] {"quarter", "allocation_id"})
            .select(
                lit("KOV").as("level"),
                col("kov_code").as("unit_code"),
                col("quarter"),
                col("q_days"),
                col("cd"),
                col("new"),
                col("places"),
                col("n"));
    Dataset<Row> countyPlaces =
        valid
            .select("quarter", "q_days", "allocation_id", "county_code", "places")
            .distinct()
            .groupBy("quarter", "q_days", "county_code")
            .agg(sum("places").as("places"));
    Dataset<Row> county =
        caseDays
            .groupBy("quarter", "county_code")
            .agg(sum("client_days").as("cd"), sum("_new").as("new"), count(lit(1)).as("n"))
            .join(countyPlaces, new String[] {"quarter", "county_code"})
            .select(
                lit("MAAKOND").as("level"),
                col("county_code").as("unit_code"),
                col("quarter"),
                col("q_days"),
                col("cd"),
                col("new"),
                col("places"),
                col("n"));
    Dataset<Row> nationalPlaces =
        placesPerAllocation.groupBy("quarter", "q_days").agg(sum("places").as("places"));
    // grouped by quarter: a quarter without a case in an allocated KOV has no row (n > 0)
    Dataset<Row> national =
        caseDays
            .groupBy("quarter")
            .agg(sum("client_days").as("cd"), sum("_new").as("new"), count(lit(1)).as("n"))
            .join(nationalPlaces, "quarter")
            .select(
                lit("RIIK").as("level"),
                lit(Rollup.NATIONAL).as("unit_code"),
                col("quarter"),
                col("q_days"),
                col("cd"),
                col("new"),
                col("places"),
                col("n"));
    Dataset<Row> units = kov.unionByName(county).unionByName(national);
    Column placeDays = col("places").cast("double").multiply(col("q_days"));
    Column placeYears100 = placeDays.divide(PLACE_DAYS_PER_100_PLACE_YEARS);
    return figures(units, DEFINITION, col("cd").cast("double"), placeDays)
        .unionByName(figures(units, ENTRIES, col("new").cast("double"), placeYears100));
  }

  private static Dataset<Row> figures(
      Dataset<Row> units, MeasureDefinition measure, Column numerator, Column denominator) {
    return units.select(
        col("level"),
        col("unit_code"),
        col("quarter"),
        lit(measure.code()).as("measure"),
        lit(measure.kind().name()).as("kind"),
        col("n").cast("long").as("n"),
        numerator.divide(denominator).as("value"),
        numerator.as("numerator"),
        denominator.as("denominator"),
        lit(null).cast("double").as("sd"),
        lit(null).cast("double").as("ci_low"),
        lit(null).cast("double").as("ci_high"));
  }
}
