package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.col;

import ee.ska.iste.core.projection.PlacesPlan;
import ee.ska.iste.core.projection.Projection;
import ee.ska.iste.core.projection.Rates;
import ee.ska.iste.core.projection.Scenario;
import ee.ska.iste.core.ref.ReferenceData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mart_projection}: the rollout projection ({@link Projection}) of one quarter's rates, one
 * row per places source, quarter of the rates, scenario, year, county ('EE' = the sum over
 * counties) and quantity. The measures stage writes it for the latest quarter it computed with the
 * shipped example places (places_source {@code EXAMPLE}); the {@code projection} verb writes the
 * same columns for a user's places file.
 */
final class MartProjection {
  private static final Logger LOG = LoggerFactory.getLogger("ee.ska.iste.pipelines.measures");

  static final String TABLE = "mart_projection";
  static final String[] SORT = {"scenario", "year", "county_code", "quantity"};
  static final StructType SCHEMA =
      new StructType()
          .add("places_source", DataTypes.StringType, false)
          .add("from_quarter", DataTypes.StringType, false)
          .add("scenario", DataTypes.StringType, false)
          .add("year", DataTypes.IntegerType, false)
          .add("county_code", DataTypes.StringType, false)
          .add("quantity", DataTypes.StringType, false)
          .add("value", DataTypes.DoubleType, false);

  private MartProjection() {}

  /**
   * The example projection from {@code quarter}'s rates: national from the RIIK rows of {@code
   * outcomes}, P10 and P90 from {@code spread}. A scenario with a rate missing (no figure, or no
   * KOV figure shown for a measure) is left out and named in the log.
   */
  static Dataset<Row> example(
      Dataset<Row> outcomes, Dataset<Row> spread, String quarter, ReferenceData ref) {
    SparkSession spark = outcomes.sparkSession();
    List<String> components = ref.codes("components");
    List<String> measures = Rates.measures(components);
    Map<String, Double> national = new HashMap<>();
    for (Row r :
        outcomes
            .filter(
                col("level")
                    .equalTo("RIIK")
                    .and(col("quarter").equalTo(quarter))
                    .and(col("measure").isin(measures.toArray())))
            .select("measure", "value")
            .collectAsList()) {
      national.put(r.getString(0), r.isNullAt(1) ? null : r.getDouble(1));
    }
    Map<String, Double> p10 = new HashMap<>();
    Map<String, Double> p90 = new HashMap<>();
    for (Row r :
        spread
            .filter(col("quarter").equalTo(quarter).and(col("measure").isin(measures.toArray())))
            .select("measure", "p10", "p90")
            .collectAsList()) {
      p10.put(r.getString(0), r.getDouble(1));
      p90.put(r.getString(0), r.getDouble(2));
    }
    Map<Scenario, Rates> rates = new EnumMap<>(Scenario.class);
    put(rates, Scenario.NATIONAL, national, components, quarter);
    put(rates, Scenario.P10, Scenario.P10.figures(national, p10), components, quarter);
    put(rates, Scenario.P90, Scenario.P90.figures(national, p90), components, quarter);
    Set<String> counties = new TreeSet<>();
    ref.counties().forEach(c -> counties.add(c.code()));
    List<Row> rows = new ArrayList<>();
    for (Projection.Line l : Projection.project(PlacesPlan.example(counties), quarter, rates)) {
      rows.add(
          RowFactory.create(
              l.placesSource(),
              l.fromQuarter(),
              l.scenario().name(),
              l.year(),
              l.countyCode(),
              l.quantity(),
              l.value()));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static void put(
      Map<Scenario, Rates> rates,
      Scenario s,
      Map<String, Double> figures,
      List<String> components,
      String quarter) {
    List<String> missing = new ArrayList<>();
    Rates.of(figures, components, missing)
        .ifPresentOrElse(
            r -> rates.put(s, r),
            () ->
                LOG.warn(
                    "projection {}: scenario {} left out, no rate for {}", quarter, s, missing));
  }
}
