package ee.ska.iste.pipelines.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.model.CodeDimensions;
import ee.ska.iste.pipelines.model.StagedFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quarters computed together in one plan give exactly the rows of each quarter computed alone:
 * 2024Q1 and 2024Q2 with a case ending in Q1 (t1), one starting in Q2 (t2), a reassessment in Q2
 * (t3), participation and HOIVATUS cost in both quarters (t3), reassessments in both (t10) and six
 * cases with follow-ups in both (0784, enough for funnel rows).
 */
class QuartersTogetherTest {
  static final Quarter Q1 = Quarter.parse("2024Q1");
  static final Quarter Q2 = Quarter.parse("2024Q2");
  static final List<String> DOMAINS = NeedPlanServiceMeasuresTest.DOMAINS;
  static MeasuresJob.ModelTables t;
  static MeasureRules rules;

  @BeforeAll
  static void model() {
    StagedFixture f = new StagedFixture();
    // t1: ends 15 Feb 2024
    f.episode("t1", "0793", "2024Q1", "2023-06-01", "2024-02-15", "SURM")
        .assessmentAll(
            "t1", "0793", "2023Q2", "2023-06-05", "ESMANE", DOMAINS, 2, 2, 2, 2, 2, 2, 2, 2)
        .qolAll("t1", "0793", "2023-06-10", 5)
        .qolAll("t1", "0793", "2024-01-20", 6);
    // t2: starts 10 Apr 2024
    f.episode("t2", "0793", "2024Q2", "2024-04-10", null, null)
        .assessmentAll(
            "t2", "0793", "2024Q2", "2024-04-12", "ESMANE", DOMAINS, 2, 2, 2, 2, 2, 2, 2, 2)
        .plan("t2", "0793", "2024Q2", "TEGEVUSPLAAN", "2024-05-01", null, 2, null)
        .hours("t2", "0793", "2024-05", "SUHTED", "GRUPP", "4");
    // t3: initial sum 24, reassessed 20 May 2024 to 16; HOIVATUS 30 h x EUR 40 in Feb and in May
    f.episode("t3", "0793", "2024Q1", "2023-01-10", null, null)
        .assessmentAll(
            "t3", "0793", "2023Q1", "2023-01-12", "ESMANE", DOMAINS, 3, 3, 3, 3, 3, 3, 3, 3)
        .assessmentAll(
            "t3", "0793", "2024Q2", "2024-05-20", "KORDUV", DOMAINS, 2, 2, 2, 2, 2, 2, 2, 2)
        .plan("t3", "0793", "2023Q1", "TOETUSPLAAN", "2023-02-01", null, null, null)
        .plan("t3", "0793", "2024Q1", "TEGEVUSPLAAN", "2023-06-01", "2024-02-20", 3, 2)
        .hours("t3", "0793", "2024-01", "BT", "OSALEJA", "10")
        .hours("t3", "0793", "2024-02", "HOIVATUS", "OSALEJA", "30")
        .hours("t3", "0793", "2024-05", "BT", "OSALEJA", "8")
        .hours("t3", "0793", "2024-05", "HOIVATUS", "OSALEJA", "30")
        .qolAll("t3", "0793", "2023-01-15", 4)
        .qolAll("t3", "0793", "2024-02-10", 5)
        .qolAll("t3", "0793", "2024-05-10", 7);
    int[] q1Change = {3, 0, 0, 3, 0, 1};
    int[] q2Change = {3, 3, 0, 0, 0, -3};
    for (int i = 0; i < q1Change.length; i++) {
      String c = "t" + (4 + i);
      f.episode(c, "0784", "2024Q1", "2023-09-01", null, null)
          .qolAll(c, "0784", "2023-09-05", 5)
          .qolAll(c, "0784", "2024-02-05", 5 + q1Change[i])
          .qolAll(c, "0784", "2024-05-05", 5 + q2Change[i]);
    }
    // t10: reassessed in each quarter; mental-health hours within 90 days of the initial one
    f.episode("t10", "0171", "2024Q1", "2023-09-01", null, null)
        .assessmentAll(
            "t10", "0171", "2023Q3", "2023-09-03", "ESMANE", DOMAINS, 3, 1, 1, 1, 1, 1, 1, 1)
        .assessmentAll(
            "t10", "0171", "2024Q1", "2024-03-01", "KORDUV", DOMAINS, 2, 1, 1, 1, 1, 1, 1, 1)
        .assessmentAll(
            "t10", "0171", "2024Q2", "2024-06-01", "KORDUV", DOMAINS, 4, 1, 1, 1, 1, 1, 1, 1)
        .hours("t10", "0171", "2023-11", "VAIMNE_TERVIS", "OSALEJA", "5")
        .hours("t10", "0171", "2024-03", "VAIMNE_TERVIS", "OSALEJA", "5");
    ReferenceData ref = ReferenceData.builtIn();
    t = Harness.model(f, ref);
    rules = MeasureRules.of(ref, Q1.lastDay(), CodeDimensions.finalExitReasons(ref));
  }

  @Test
  void bothQuartersShareTheirRules() {
    ReferenceData ref = ReferenceData.builtIn();
    assertEquals(rules, MeasureRules.of(ref, Q2.lastDay(), CodeDimensions.finalExitReasons(ref)));
    assertEquals(1, MeasuresJob.byRules(List.of(Q1, Q2), ref).size());
  }

  @Test
  void togetherGiveTheRowsOfEachQuarterAlone() {
    MeasuresJob.Result together = MeasuresJob.compute(List.of(Q1, Q2), t, rules);
    MeasuresJob.Result q1 = MeasuresJob.compute(List.of(Q1), t, rules);
    MeasuresJob.Result q2 = MeasuresJob.compute(List.of(Q2), t, rules);
    List<String> outcomes = rows(together.outcomes());
    List<String> funnel = rows(together.funnel());
    assertEquals(join(rows(q1.outcomes()), rows(q2.outcomes())), outcomes);
    assertEquals(join(rows(q1.funnel()), rows(q2.funnel())), funnel);
    assertFalse(funnel.isEmpty());
  }

  @Test
  void eachQuarterSeesOnlyItsOwnData() {
    Map<String, Double> v = new TreeMap<>();
    for (Row r : MeasuresJob.compute(List.of(Q1, Q2), t, rules).outcomes().collectAsList()) {
      v.put(
          r.getAs("quarter")
              + "/"
              + r.getAs("level")
              + "/"
              + r.getAs("unit_code")
              + "/"
              + r.getAs("measure"),
          r.getAs("value"));
    }
    // t1 dies in Q1; t2 is new in Q2
    assertEquals(1.0, v.get("2024Q1/KOV/0793/EXIT"));
    assertEquals(0.0, v.get("2024Q2/KOV/0793/EXIT"));
    assertEquals(0.0, v.get("2024Q1/KOV/0793/NEW"));
    assertEquals(1.0, v.get("2024Q2/KOV/0793/NEW"));
    // Q1: t3 10 BT + 30 HOIVATUS; Q2: t2 4, t3 8 + 30
    assertEquals(40.0, v.get("2024Q1/KOV/0793/HOURS"));
    assertEquals(42.0, v.get("2024Q2/KOV/0793/HOURS"));
    // t3's HOIVATUS cost in 2024: 1,200 by March, 2,400 > 2,280 by June
    assertEquals(0.0, v.get("2024Q1/KOV/0793/CAP_EXCEEDED"));
    assertEquals(1.0, v.get("2024Q2/KOV/0793/CAP_EXCEEDED"));
    // t3 reassessed in Q2 only: 16 < 24; in Q1 no active 0793 case has a reassessment
    assertEquals(1.0, v.get("2024Q2/KOV/0793/NEED_REDUCED"));
    assertFalse(v.containsKey("2024Q1/KOV/0793/NEED_REDUCED"));
    // t10: VAIMNE_TERVIS 3 -> 2 by March, -> 4 by June
    assertEquals(-1.0, v.get("2024Q1/KOV/0171/NEED_CHANGE_VAIMNE_TERVIS"));
    assertEquals(1.0, v.get("2024Q2/KOV/0171/NEED_CHANGE_VAIMNE_TERVIS"));
  }

  private static List<String> rows(Dataset<Row> rows) {
    List<String> out = new ArrayList<>();
    rows.collectAsList().forEach(r -> out.add(r.toString()));
    out.sort(null);
    return out;
  }

  private static List<String> join(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    out.sort(null);
    return out;
  }
}
