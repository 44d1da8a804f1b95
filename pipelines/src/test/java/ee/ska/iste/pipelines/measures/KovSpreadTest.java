package ee.ska.iste.pipelines.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.pipelines.spark.SharedSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The spread across KOVs and the example projection, on crafted mart_outcomes rows. */
class KovSpreadTest {
  static final StructType OUTCOMES =
      new StructType()
          .add("level", DataTypes.StringType)
          .add("unit_code", DataTypes.StringType)
          .add("quarter", DataTypes.StringType)
          .add("measure", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("suppressed", DataTypes.BooleanType);

  static Row row(String level, String unit, String measure, double value, boolean suppressed) {
    return RowFactory.create(level, unit, "2024Q2", measure, value, suppressed);
  }

  static Dataset<Row> outcomes(List<Row> rows) {
    return SharedSpark.session().createDataFrame(rows, OUTCOMES);
  }

  static Map<String, Row> spread(Dataset<Row> outcomes) {
    Map<String, Row> byMeasure = new HashMap<>();
    for (Row r : KovSpread.transform(outcomes, java.util.Set.of()).collectAsList()) {
      byMeasure.put(r.<String>getAs("measure"), r);
    }
    return byMeasure;
  }

  @Test
  void percentilesOfFiveKovsAndTheHiddenOneLeftOut() {
    Map<String, Row> s =
        spread(
            outcomes(
                List.of(
                    row("KOV", "0793", "COST_PER_CLIENT_DAY", 30, false),
                    row("KOV", "0171", "COST_PER_CLIENT_DAY", 10, false),
                    row("KOV", "0784", "COST_PER_CLIENT_DAY", 100, false),
                    row("KOV", "0184", "COST_PER_CLIENT_DAY", 40, false),
                    row("KOV", "0441", "COST_PER_CLIENT_DAY", 20, false),
                    // hidden: never enters
                    row("KOV", "0251", "COST_PER_CLIENT_DAY", 1000, true),
                    // not a KOV figure, not a spread measure
                    row("MAAKOND", "0079", "COST_PER_CLIENT_DAY", 500, false),
                    row("KOV", "0793", "QOL_CHANGE", 5, false),
                    row("KOV", "0793", "HOURS_PER_CLIENT_MONTH_BT", 1, false),
                    row("KOV", "0171", "HOURS_PER_CLIENT_MONTH_BT", 3, false))));
    // sorted 10, 20, 30, 40, 100; position (5 - 1) x p from the smallest:
    // p10: 0.4 -> 10 + 0.4 x (20 - 10) = 14; p50: 2 -> 30; p90: 3.6 -> 40 + 0.6 x (100 - 40) = 76
    Row cost = s.get("COST_PER_CLIENT_DAY");
    assertEquals(5, cost.<Integer>getAs("kovs"));
    assertEquals(14.0, cost.<Double>getAs("p10"), 1e-12);
    assertEquals(30.0, cost.<Double>getAs("p50"), 1e-12);
    assertEquals(76.0, cost.<Double>getAs("p90"), 1e-12);
    // two KOVs 1 and 3: p10 at 0.1 -> 1.2, p50 at 0.5 -> 2, p90 at 0.9 -> 2.8
    Row bt = s.get("HOURS_PER_CLIENT_MONTH_BT");
    assertEquals(2, bt.<Integer>getAs("kovs"));
    assertEquals(1.2, bt.<Double>getAs("p10"), 1e-12);
    assertEquals(2.0, bt.<Double>getAs("p50"), 1e-12);
    assertEquals(2.8, bt.<Double>getAs("p90"), 1e-12);
    assertFalse(s.containsKey("QOL_CHANGE"));
    assertEquals(2, s.size());
  }

  @Test
  void componentHoursPublishedByCountyOnlySpreadOverTheKovsWhoseVolumeIsShown() {
    // component hours are never shown at KOV level (disclosure_measures.csv lowest_level MAAKOND):
    // their spread is over the internal KOV figures of the KOVs whose CLIENT_DAYS is shown
    List<Row> rows =
        List.of(
            row("KOV", "0793", "CLIENT_DAYS", 900, false),
            row("KOV", "0171", "CLIENT_DAYS", 800, false),
            row("KOV", "0784", "CLIENT_DAYS", 700, false),
            row("KOV", "0251", "CLIENT_DAYS", 30, true), // few clients: its hours stay out
            row("KOV", "0793", "HOURS_PER_CLIENT_MONTH_BT", 4, true),
            row("KOV", "0171", "HOURS_PER_CLIENT_MONTH_BT", 2, true),
            row("KOV", "0784", "HOURS_PER_CLIENT_MONTH_BT", 10, true),
            row("KOV", "0251", "HOURS_PER_CLIENT_MONTH_BT", 500, true),
            // a measure published at KOV level still needs its own figure shown
            row("KOV", "0793", "COST_PER_CLIENT_DAY", 30, true),
            row("KOV", "0171", "COST_PER_CLIENT_DAY", 10, false));
    Map<String, Row> s = new HashMap<>();
    for (Row r :
        KovSpread.transform(outcomes(rows), java.util.Set.of("HOURS_PER_CLIENT_MONTH_BT"))
            .collectAsList()) {
      s.put(r.<String>getAs("measure"), r);
    }
    // 2, 4, 10 (0251's 500 left out): p10 at 0.2 -> 2 + 0.2 x 2 = 2.4; p50 at 1 -> 4;
    // p90 at 1.8 -> 4 + 0.8 x 6 = 8.8
    Row bt = s.get("HOURS_PER_CLIENT_MONTH_BT");
    assertEquals(3, bt.<Integer>getAs("kovs"));
    assertEquals(2.4, bt.<Double>getAs("p10"), 1e-12);
    assertEquals(4.0, bt.<Double>getAs("p50"), 1e-12);
    assertEquals(8.8, bt.<Double>getAs("p90"), 1e-12);
    assertEquals(1, s.get("COST_PER_CLIENT_DAY").<Integer>getAs("kovs"));
    assertEquals(2, s.size());
  }

  @Test
  void theExampleProjectionAtTheNationalRates() {
    ReferenceData ref = ReferenceData.builtIn();
    List<Row> rows = new ArrayList<>();
    rows.add(row("RIIK", "EE", "OCCUPANCY", 0.5, false));
    rows.add(row("RIIK", "EE", "ENTRIES_PER_100_PLACES", 20, false));
    rows.add(row("RIIK", "EE", "COST_PER_CLIENT_DAY", 40, false));
    for (String c : ref.codes("components")) {
      rows.add(row("RIIK", "EE", "HOURS_PER_CLIENT_MONTH_" + c, 1, false));
    }
    // one KOV: the spread has OCCUPANCY only, so P10 and P90 lack rates and are left out
    rows.add(row("KOV", "0793", "OCCUPANCY", 0.7, false));
    Dataset<Row> outcomes = outcomes(rows);
    List<Row> p =
        MartProjection.example(
                outcomes, KovSpread.transform(outcomes, java.util.Set.of()), "2024Q2", ref)
            .collectAsList();
    assertTrue(p.stream().allMatch(r -> r.<String>getAs("scenario").equals("NATIONAL")));
    assertTrue(p.stream().allMatch(r -> r.<String>getAs("places_source").equals("EXAMPLE")));
    Map<String, Double> ee = new HashMap<>();
    p.stream()
        .filter(r -> r.<Integer>getAs("year") == 1 && r.<String>getAs("county_code").equals("EE"))
        .forEach(r -> ee.put(r.getAs("quantity"), r.getAs("value")));
    // example year 1: 300 + 10 + 90 + 30 + 30 + 30 + 60 + 80 + 35 + 150 + 30 + 45 + 35 = 925
    // places; client days 925 x 0.5 x 365 = 168,812.5; entries 925 x 20 / 100 = 185;
    // clients 168,812.5 / 365 + 185 = 462.5 + 185 = 647.5; cost 168,812.5 x 40 = 6,752,500
    assertEquals(925.0, ee.get("PLACES"), 1e-9);
    assertEquals(168_812.5, ee.get("CLIENT_DAYS"), 1e-6);
    assertEquals(185.0, ee.get("ENTRIES"), 1e-9);
    assertEquals(647.5, ee.get("CLIENTS"), 1e-9);
    assertEquals(6_752_500.0, ee.get("COST_EUR"), 1e-4);
    assertEquals(168_812.5 / 30.4375, ee.get("HOURS_BT"), 1e-6);
  }
}
