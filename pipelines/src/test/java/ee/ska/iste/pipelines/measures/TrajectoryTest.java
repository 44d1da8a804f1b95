package ee.ska.iste.pipelines.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.model.CodeDimensions;
import ee.ska.iste.pipelines.model.StagedFixture;
import ee.ska.iste.pipelines.spark.SharedSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trajectory since entry on a crafted set of cases, in 2023Q4 (ends 31 Dec 2023) and 2024Q4
 * (ends 31 Dec 2024). Days since start: day d of a case starting 1 Jan 2023 is 1 Jan 2023 + d (day
 * −31 = 1 Dec 2022, −30 = 2 Dec 2022, 90 = 1 Apr 2023, 91 = 2 Apr, 364 = 31 Dec 2023, 365 = 1 Jan
 * 2024). Counties: 0037 (A), 0039 (B), 0044 (C); the smallest shown n is 2.
 *
 * <ul>
 *   <li>a (A, from 1 Jan 2023, open): scores 99 on day −31, 40 on day −30, 50 on day 90, 60 on day
 *       91, 70 on day 364, 80 on day 365; complete assessments summing 20 on day −5 and 16 on day
 *       60, an incomplete one summing 10 on day 80;
 *   <li>b (A, from 1 Jan 2023, ended on day 300 = 28 Oct 2023): 30 on day 0, 20 and 35 on day 10;
 *   <li>c (B, from 1 Jan 2023, open): 45 on day 50 (20 Feb 2023), 55 on day 400 (5 Feb 2024); a
 *       complete assessment summing 24 on day 2;
 *   <li>d (B, from 1 Mar 2024, open): 60 on day 0, 99 on 10 Jan 2025 (after both quarters);
 *   <li>f (C, from 1 Jun 2024, open): 70 on 6 Jun 2024;
 *   <li>e (C, from 15 Jan 2025): 99 on 20 Dec 2024 (day −26, but the case starts after 2024Q4).
 * </ul>
 */
class TrajectoryTest {
  static final String A = "0037";
  static final String B = "0039";
  static final String C = "0044";
  static final int MIN = 2;

  /** Student's t 97.5% quantiles from a printed table, by degrees of freedom 1..4. */
  static final double[] T975 = {Double.NaN, 12.706205, 4.302653, 3.182446, 2.776445};

  static final Map<String, Row> rows = new HashMap<>();

  @BeforeAll
  static void compute() {
    SparkSession spark = SharedSpark.session();
    StructType caseSchema =
        new StructType()
            .add("case_id", DataTypes.StringType)
            .add("county_code", DataTypes.StringType)
            .add("start_date", DataTypes.DateType)
            .add("end_date", DataTypes.DateType);
    StructType scoreSchema =
        new StructType()
            .add("case_id", DataTypes.StringType)
            .add("on", DataTypes.DateType)
            .add("score", DataTypes.DoubleType);
    StructType assessmentSchema =
        new StructType()
            .add("case_id", DataTypes.StringType)
            .add("on", DataTypes.DateType)
            .add("sum", DataTypes.LongType)
            .add("complete", DataTypes.BooleanType);
    Dataset<Row> cases =
        spark.createDataFrame(
            List.of(
                caseRow("a", A, "2023-01-01", null),
                caseRow("b", A, "2023-01-01", "2023-10-28"),
                caseRow("c", B, "2023-01-01", null),
                caseRow("d", B, "2024-03-01", null),
                caseRow("f", C, "2024-06-01", null),
                caseRow("e", C, "2025-01-15", null)),
            caseSchema);
    List<Row> s = new ArrayList<>();
    s.add(score("a", "2022-12-01", 99));
    s.add(score("a", "2022-12-02", 40));
    s.add(score("a", "2023-04-01", 50));
    s.add(score("a", "2023-04-02", 60));
    s.add(score("a", "2023-12-31", 70));
    s.add(score("a", "2024-01-01", 80));
    s.add(score("b", "2023-01-01", 30));
    s.add(score("b", "2023-01-11", 20));
    s.add(score("b", "2023-01-11", 35));
    s.add(score("c", "2023-02-20", 45));
    s.add(score("c", "2024-02-05", 55));
    s.add(score("d", "2024-03-01", 60));
    s.add(score("d", "2025-01-10", 99));
    s.add(score("f", "2024-06-06", 70));
    s.add(score("e", "2024-12-20", 99));
    Dataset<Row> scores = spark.createDataFrame(s, scoreSchema);
    Dataset<Row> assessments =
        spark.createDataFrame(
            List.of(
                RowFactory.create("a", StagedFixture.d("2022-12-27"), 20L, true),
                RowFactory.create("a", StagedFixture.d("2023-03-02"), 16L, true),
                RowFactory.create("a", StagedFixture.d("2023-03-22"), 10L, false),
                RowFactory.create("c", StagedFixture.d("2023-01-03"), 24L, true)),
            assessmentSchema);
    Dataset<Row> quarters =
        CaseQuarter.quarters(spark, List.of(Quarter.parse("2023Q4"), Quarter.parse("2024Q4")));
    for (Row r : Trajectory.transform(cases, scores, assessments, quarters, MIN).collectAsList()) {
      String key =
          String.join(
              "/",
              r.<String>getAs("quarter"),
              r.<String>getAs("level"),
              r.<String>getAs("unit_code"),
              r.<String>getAs("band"),
              r.<String>getAs("measure"),
              r.<String>getAs("population"));
      assertNull(rows.put(key, r), "two rows for " + key);
    }
  }

  private static Row caseRow(String id, String county, String start, String end) {
    return RowFactory.create(id, county, StagedFixture.d(start), StagedFixture.d(end));
  }

  private static Row score(String id, String on, double score) {
    return RowFactory.create(id, StagedFixture.d(on), score);
  }

  static Row row(String quarter, String level, String unit, String band, String measure, String p) {
    Row r = rows.get(String.join("/", quarter, level, unit, band, measure, p));
    if (r == null) {
      throw new AssertionError(
          "no row " + String.join("/", quarter, level, unit, band, measure, p));
    }
    return r;
  }

  static boolean has(String quarter, String level, String unit, String band, String p) {
    return rows.containsKey(String.join("/", quarter, level, unit, band, "QOL_SCORE", p));
  }

  static Row qol(String quarter, String level, String unit, String band, String population) {
    return row(quarter, level, unit, band, "QOL_SCORE", population);
  }

  @Test
  void bandsAtTheirEdgesAndTheLatestScoreInEach() {
    // first band [-30, 91), 2024Q4: a's latest is day 90 (50; day -30's 40 is earlier, day -31's
    // 99 is outside every band), b's day 10 (two on one day: the larger, 35), c 45, d 60, f 70;
    // d's 99 of 2025 and e (starts after the quarter) are not seen: n 5, mean 260 / 5 = 52
    Row all = qol("2024Q4", "RIIK", "EE", "D-030_091", "ALL");
    assertEquals(5L, all.<Long>getAs("n"));
    assertEquals(52.0, all.<Double>getAs("mean"), 1e-9);
    assertEquals(-30, all.<Integer>getAs("band_from"));
    assertEquals(91, all.<Integer>getAs("band_to"));
    // day 91 opens the second band: a's 60 alone
    assertEquals(60.0, qol("2024Q4", "RIIK", "EE", "D091_182", "ALL").<Double>getAs("mean"), 1e-9);
    // day 364 is the last of [273, 365), day 365 the first of [365, 548) (with c's day 400)
    assertEquals(70.0, qol("2024Q4", "RIIK", "EE", "D273_365", "ALL").<Double>getAs("mean"), 1e-9);
    Row year2 = qol("2024Q4", "RIIK", "EE", "D365_548", "ALL");
    assertEquals(2L, year2.<Long>getAs("n"));
    assertEquals((80.0 + 55) / 2, year2.<Double>getAs("mean"), 1e-9);
    assertEquals(548, year2.<Integer>getAs("band_to"));
    assertFalse(has("2024Q4", "RIIK", "EE", "D182_273", "ALL"));
    assertFalse(has("2024Q4", "RIIK", "EE", "D730_PLUS", "ALL"));
  }

  @Test
  void theTIntervalByHand() {
    // 50, 35, 45, 60, 70 around 52: deviations -2, -17, -7, 8, 18, squares 4 + 289 + 49 + 64 + 324
    // = 730, sd = sqrt(730 / 4); half width t(0.975, 4) * sd / sqrt(5)
    double half = T975[4] * Math.sqrt(730.0 / 4) / Math.sqrt(5);
    Row all = qol("2024Q4", "RIIK", "EE", "D-030_091", "ALL");
    assertEquals(52 - half, all.<Double>getAs("ci_low"), 1e-5);
    assertEquals(52 + half, all.<Double>getAs("ci_high"), 1e-5);
    // n = 1: no interval
    assertNull(qol("2024Q4", "RIIK", "EE", "D091_182", "ALL").getAs("ci_low"));
  }

  @Test
  void completersAreActiveOnDay365NoLaterThanTheQuarterEnd() {
    // 2024Q4: a and c (open, day 365 = 1 Jan 2024); not b (ended on day 300), not d (its day 365
    // is 1 Mar 2025, after the quarter), not f. First band: 50 and 45 -> 47.5, sd = sqrt((2.5^2 +
    // 2.5^2) / 1) = sqrt(12.5), half = t(0.975, 1) * sqrt(12.5) / sqrt(2) = 12.706205 * 2.5
    Row completers = qol("2024Q4", "RIIK", "EE", "D-030_091", "COMPLETERS");
    assertEquals(2L, completers.<Long>getAs("n"));
    assertEquals(47.5, completers.<Double>getAs("mean"), 1e-9);
    assertEquals(47.5 + T975[1] * 2.5, completers.<Double>getAs("ci_high"), 1e-4);
    // 2023Q4 ends on 31 Dec 2023, before anyone's day 365: no completer at all
    assertFalse(has("2023Q4", "RIIK", "EE", "D-030_091", "COMPLETERS"));
  }

  @Test
  void eachQuarterSeesWhatIsDatedUpToItsEnd() {
    // 2023Q4: a, b, c (d and f start in 2024): 50 + 35 + 45 = 130 over 3
    Row all = qol("2023Q4", "RIIK", "EE", "D-030_091", "ALL");
    assertEquals(3L, all.<Long>getAs("n"));
    assertEquals(130.0 / 3, all.<Double>getAs("mean"), 1e-9);
    // a's day 365 (1 Jan 2024) is after 2023Q4
    assertFalse(has("2023Q4", "RIIK", "EE", "D365_548", "ALL"));
  }

  @Test
  void needSumsOfCompleteAssessmentsOnly() {
    // first band: a's latest complete assessment is day 60's 16 (day 80's is incomplete), c's 24
    // -> mean 20, sd = sqrt((16 + 16) / 1), half = 12.706205 * sqrt(32) / sqrt(2) = 12.706205 * 4
    Row need = row("2024Q4", "RIIK", "EE", "D-030_091", "NEED_SUM", "ALL");
    assertEquals(2L, need.<Long>getAs("n"));
    assertEquals(20.0, need.<Double>getAs("mean"), 1e-9);
    assertEquals(20 - T975[1] * 4, need.<Double>getAs("ci_low"), 1e-4);
  }

  @Test
  void countiesAndTheirSuppression() {
    // first band 2024Q4, all cases: A (a 50, b 35) n 2, mean 42.5; B (c 45, d 60) n 2, 52.5;
    // C (f) n 1 < 2: suppressed; the only one suppressed, so the shown county with the smallest
    // n is too: A and B tie at 2, A has the smaller code
    Row a = qol("2024Q4", "MAAKOND", A, "D-030_091", "ALL");
    Row b = qol("2024Q4", "MAAKOND", B, "D-030_091", "ALL");
    Row c = qol("2024Q4", "MAAKOND", C, "D-030_091", "ALL");
    assertEquals(42.5, a.<Double>getAs("mean"), 1e-9);
    assertEquals(52.5, b.<Double>getAs("mean"), 1e-9);
    assertEquals(70.0, c.<Double>getAs("mean"), 1e-9); // the raw value stays beside the flag
    assertTrue(c.<Boolean>getAs("suppressed"));
    assertTrue(a.<Boolean>getAs("suppressed"));
    assertFalse(b.<Boolean>getAs("suppressed"));
    // completers: A (a) and B (c) n 1 each: both suppressed, no complement needed
    assertTrue(qol("2024Q4", "MAAKOND", A, "D-030_091", "COMPLETERS").<Boolean>getAs("suppressed"));
    assertTrue(qol("2024Q4", "MAAKOND", B, "D-030_091", "COMPLETERS").<Boolean>getAs("suppressed"));
    // the nation is never suppressed, even with n 1
    assertFalse(qol("2024Q4", "RIIK", "EE", "D091_182", "ALL").<Boolean>getAs("suppressed"));
  }

  @Test
  void theComplementIsTheShownCountyWithTheSmallestN() {
    StructType schema =
        new StructType()
            .add("level", DataTypes.StringType)
            .add("unit_code", DataTypes.StringType)
            .add("quarter", DataTypes.StringType)
            .add("band", DataTypes.StringType)
            .add("band_from", DataTypes.IntegerType)
            .add("band_to", DataTypes.IntegerType)
            .add("measure", DataTypes.StringType)
            .add("population", DataTypes.StringType)
            .add("n", DataTypes.LongType)
            .add("mean", DataTypes.DoubleType)
            .add("ci_low", DataTypes.DoubleType)
            .add("ci_high", DataTypes.DoubleType);
    // minimum 5: 0037 (n 3) is suppressed; of the shown 0039 (n 9) and 0044 (n 6), 0044 has the
    // smaller n although its code is larger. In the NEED_SUM group two are below 5: no complement
    List<Row> figures =
        List.of(
            figure("RIIK", "EE", "QOL_SCORE", 18),
            figure("MAAKOND", "0037", "QOL_SCORE", 3),
            figure("MAAKOND", "0039", "QOL_SCORE", 9),
            figure("MAAKOND", "0044", "QOL_SCORE", 6),
            figure("MAAKOND", "0037", "NEED_SUM", 3),
            figure("MAAKOND", "0039", "NEED_SUM", 4),
            figure("MAAKOND", "0044", "NEED_SUM", 6));
    Map<String, Boolean> suppressed = new HashMap<>();
    for (Row r :
        Trajectory.suppress(SharedSpark.session().createDataFrame(figures, schema), 5)
            .collectAsList()) {
      suppressed.put(r.getAs("measure") + "/" + r.getAs("unit_code"), r.getAs("suppressed"));
    }
    assertEquals(
        Map.of(
            "QOL_SCORE/EE", false,
            "QOL_SCORE/0037", true,
            "QOL_SCORE/0039", false,
            "QOL_SCORE/0044", true,
            "NEED_SUM/0037", true,
            "NEED_SUM/0039", true,
            "NEED_SUM/0044", false),
        suppressed);
  }

  @Test
  void fromTheModelTablesValidScoresAndCompleteAssessmentsOnly() {
    // 2024Q2; t1 (0793) and t2 (0171) from 1 Jan 2024. t1: 10 x 5 = 50 on 5 Jan; on 1 Feb only
    // 5 of 8 items answered (< 6: no score). t2: 70 on 10 Feb. First band: (50 + 70) / 2 = 60.
    // Need: t1 complete ESMANE 8 x 2 = 16 on 3 Jan, a KORDUV on 1 Mar that lost a domain row
    // (incomplete, skipped); t2 8 x 3 = 24 on 10 Jan: (16 + 24) / 2 = 20
    List<String> domains = NeedPlanServiceMeasuresTest.DOMAINS;
    StagedFixture f =
        new StagedFixture()
            .episode("t1", "0793", "2024Q1", "2024-01-01", null, null)
            .episode("t2", "0171", "2024Q1", "2024-01-01", null, null)
            .qolAll("t1", "0793", "2024-01-05", 5)
            .qol("t1", "0793", "2024-02-01", 10, 10, 10, 10, 10, null, null, null)
            .qolAll("t2", "0171", "2024-02-10", 7)
            .assessmentAll(
                "t1", "0793", "2024Q1", "2024-01-03", "ESMANE", domains, 2, 2, 2, 2, 2, 2, 2, 2)
            .assessmentAll(
                "t1",
                "0793",
                "2024Q1",
                "2024-03-01",
                "KORDUV",
                domains.subList(1, 8),
                1,
                1,
                1,
                1,
                1,
                1,
                1)
            .assessmentAll(
                "t2", "0171", "2024Q1", "2024-01-10", "ESMANE", domains, 3, 3, 3, 3, 3, 3, 3, 3);
    ReferenceData ref = ReferenceData.builtIn();
    Quarter q = Quarter.parse("2024Q2");
    MeasureRules rules = MeasureRules.of(ref, q.lastDay(), CodeDimensions.finalExitReasons(ref));
    Map<String, Row> national = new HashMap<>();
    for (Row r : Trajectory.of(List.of(q), Harness.model(f, ref), rules).collectAsList()) {
      if (r.getAs("level").equals("RIIK") && r.getAs("population").equals("ALL")) {
        national.put(r.getAs("band") + "/" + r.getAs("measure"), r);
      }
    }
    assertEquals(2, national.size(), national.keySet().toString());
    assertEquals(60.0, national.get("D-030_091/QOL_SCORE").<Double>getAs("mean"), 1e-9);
    assertEquals(2L, national.get("D-030_091/QOL_SCORE").<Long>getAs("n"));
    assertEquals(20.0, national.get("D-030_091/NEED_SUM").<Double>getAs("mean"), 1e-9);
  }

  private static Row figure(String level, String unit, String measure, long n) {
    return RowFactory.create(
        level, unit, "2024Q4", "D-030_091", -30, 91, measure, "ALL", n, 50.0, 40.0, 60.0);
  }
}
