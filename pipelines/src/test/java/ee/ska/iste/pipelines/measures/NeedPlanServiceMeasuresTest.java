package ee.ska.iste.pipelines.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.model.StagedFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Need, plans, services and cost in 2024Q2 (1 Apr – 30 Jun) for five cases in Tartu linn 0793, with
 * a crafted price list in which base support (BT, with the participant) costs EUR 55/h up to 30
 * April 2024 and EUR 60/h from 1 May 2024: a price change inside the quarter.
 */
class NeedPlanServiceMeasuresTest {
  static final Quarter Q = Quarter.parse("2024Q2");
  static final List<String> DOMAINS =
      List.of(
          "VAIMNE_TERVIS",
          "FYYSILINE_TERVIS",
          "IGAPAEV",
          "ELUKOHT",
          "HOIVATUS",
          "SUHTED",
          "VABA_AEG",
          "ASJAAJAMINE");
  static Harness h;

  @BeforeAll
  static void compute(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("prices.csv"),
        String.join(
            "\n",
            "component,mode,price_eur,valid_from,valid_to",
            "BT,OSALEJA,55,2023-01-01,2024-04-30",
            "BT,OSALEJA,60,2024-05-01,",
            "VAIMNE_TERVIS,OSALEJA,55,2023-01-01,",
            "SUHTED,GRUPP,25,2023-01-01,",
            "HOIVATUS,OSALEJA,40,2023-01-01,",
            ""));
    String k = "0793";
    StagedFixture f =
        new StagedFixture()
            .episode("n1", k, "2024Q2", "2023-01-10", null, null)
            .episode("n2", k, "2024Q2", "2024-04-15", null, null)
            .episode("n3", k, "2024Q2", "2024-05-01", null, null)
            .episode("n4", k, "2024Q2", "2022-06-01", null, null)
            .episode("n5", k, "2024Q2", "2023-03-01", null, null);
    // n1: initial sum 3+2+2+1+1+2+1+1 = 13, reassessed 2+2+1+1+1+1+1+1 = 10: reduced
    f.assessmentAll("n1", k, "2023Q1", "2023-01-05", "ESMANE", DOMAINS, 3, 2, 2, 1, 1, 2, 1, 1)
        .assessmentAll("n1", k, "2024Q1", "2024-01-08", "KORDUV", DOMAINS, 2, 2, 1, 1, 1, 1, 1, 1)
        .assessmentAll("n2", k, "2024Q2", "2024-04-10", "ESMANE", DOMAINS, 2, 2, 2, 2, 2, 2, 2, 2)
        .assessmentAll("n3", k, "2024Q2", "2024-04-20", "ESMANE", DOMAINS, 1, 1, 1, 1, 1, 1, 1, 1)
        .assessmentAll("n5", k, "2023Q1", "2023-02-20", "ESMANE", DOMAINS, 1, 1, 1, 1, 1, 1, 1, 1);
    f.plan("n1", k, "2023Q1", "TOETUSPLAAN", "2023-01-20", null, null, null)
        .plan("n1", k, "2024Q2", "TEGEVUSPLAAN", "2023-05-01", "2024-05-15", 4, 3)
        .plan("n2", k, "2024Q2", "TEGEVUSPLAAN", "2024-05-05", null, 2, null)
        .plan("n3", k, "2024Q2", "TOETUSPLAAN", "2024-06-10", null, 1, null)
        .plan("n5", k, "2023Q1", "TOETUSPLAAN", "2023-03-10", null, 1, null);
    f.hours("n1", k, "2023-02", "VAIMNE_TERVIS", "OSALEJA", "2")
        .hours("n1", k, "2024-04", "BT", "OSALEJA", "10")
        .hours("n1", k, "2024-05", "BT", "OSALEJA", "10")
        .hours("n1", k, "2024-05", "VAIMNE_TERVIS", "OSALEJA", "4")
        .hours("n2", k, "2024-05", "SUHTED", "GRUPP", "6")
        .hours("n4", k, "2024-01", "HOIVATUS", "OSALEJA", "30")
        .hours("n4", k, "2024-04", "HOIVATUS", "OSALEJA", "30")
        .hours("n4", k, "2024-04", "BT", "OSALEJA", "5");
    h = Harness.run(f, Q, ReferenceData.withOverrides(dir));
  }

  @Test
  void needReducedAndReassessmentOverdue() {
    // only n1 has an initial and a later reassessment: 10 < 13 -> 1 / 1
    assertEquals(1.0, h.value("KOV", "0793", "NEED_REDUCED"), 1e-12);
    assertEquals(1.0, h.field("KOV", "0793", "NEED_REDUCED", "denominator"), 1e-12);
    // all 5 active on 30 June; n1 last assessed 8 Jan 2024 (174 days), n2 10 Apr, n3 20 Apr;
    // n4 never assessed and started 1 Jun 2022 (>365 days), n5 last assessed 20 Feb 2023
    // (496 days): 2 / 5
    assertEquals(0.4, h.value("RIIK", "EE", "REASSESS_OVERDUE"), 1e-12);
  }

  @Test
  void needChangePerDomainAndServices() {
    // n1 only has a reassessment: VAIMNE_TERVIS 2 - 3 = -1, FYYSILINE_TERVIS 2 - 2 = 0
    assertEquals(-1, h.value("RIIK", "EE", "NEED_CHANGE_VAIMNE_TERVIS"), 1e-12);
    assertEquals(0, h.value("RIIK", "EE", "NEED_CHANGE_FYYSILINE_TERVIS"), 1e-12);
    assertEquals(-1, h.value("RIIK", "EE", "NEED_CHANGE_SUHTED"), 1e-12);
    // in need of VAIMNE_TERVIS (level >= 2): n1 (3, served Feb 2023 within 90 days of 5 Jan),
    // n2 (2, never served): 1 / 2
    assertEquals(0.5, h.value("RIIK", "EE", "NEED_SERVED_VAIMNE_TERVIS"), 1e-12);
    // SUHTED: n1 (2, not served), n2 (2, group hours in May, within 90 days of 10 Apr): 1 / 2
    assertEquals(0.5, h.value("RIIK", "EE", "NEED_SERVED_SUHTED"), 1e-12);
    assertEquals(0.0, h.value("RIIK", "EE", "NEED_SERVED_HOIVATUS"), 1e-12); // n2 only, not served
    // change of the served in VAIMNE_TERVIS: n1, -1; the unserved (n2) have no reassessment
    assertEquals(-1, h.value("RIIK", "EE", "NEED_CHANGE_SERVED_VAIMNE_TERVIS"), 1e-12);
    assertFalse(h.has("RIIK", "EE", "NEED_CHANGE_UNSERVED_VAIMNE_TERVIS"));
  }

  @Test
  void plans() {
    // new with an initial assessment: n2 (plan 25 days after, within), n3 (51 days): 1 / 2
    assertEquals(0.5, h.value("KOV", "0793", "PLAN_WITHIN_30D"), 1e-12);
    // first plan a support plan made by 30 Jun - 180 d = 2 Jan 2024: n1 (activity plan 101
    // days later: reached), n5 (none); n3's support plan of 10 Jun 2024 is too recent: 1 / 2
    assertEquals(0.5, h.value("KOV", "0793", "COOPERATION_REACHED"), 1e-12);
    // reviewed in the quarter: n1's plan, 3 of 4 goals
    assertEquals(0.75, h.value("KOV", "0793", "GOAL_ATTAINMENT"), 1e-12);
    assertEquals(3.0, h.field("KOV", "0793", "GOAL_ATTAINMENT", "numerator"), 1e-12);
    assertEquals(4.0, h.field("KOV", "0793", "GOAL_ATTAINMENT", "denominator"), 1e-12);
  }

  @Test
  void hoursAndBaseSupport() {
    // quarter's hours: n1 10 + 10 + 4 = 24, n2 6, n4 30 + 5 = 35 -> 65 (Feb 2023, Jan 2024 out)
    assertEquals(65, h.value("KOV", "0793", "HOURS"), 1e-12);
    assertEquals(65.0 / 5, h.value("KOV", "0793", "HOURS_PER_CLIENT"), 1e-12);
    // BT: n1 20, n4 5 -> 25 / 65
    assertEquals(25.0 / 65, h.value("KOV", "0793", "BASE_SHARE"), 1e-12);
    // all 5 active >= 30 days of the quarter (n3: 1 May..30 Jun = 61); without BT: n2, n3, n5
    assertEquals(0.6, h.value("KOV", "0793", "NO_BASE_SUPPORT"), 1e-12);
  }

  @Test
  void costAtThePriceValidOnTheMonth() {
    // n1: BT Apr 10 h x 55 = 550, BT May 10 h x 60 = 600, VAIMNE_TERVIS 4 h x 55 = 220
    // n2: SUHTED group 6 h x 25 = 150; n4: HOIVATUS Apr 30 h x 40 = 1200, BT 5 h x 55 = 275
    // 550 + 600 + 220 + 150 + 1200 + 275 = 2995
    assertEquals(2995, h.value("KOV", "0793", "COST"), 1e-9);
    assertEquals(2995.0 / 5, h.value("KOV", "0793", "COST_PER_CLIENT"), 1e-9);
    // n4's work-or-study cost in 2024 so far: (30 + 30) h x 40 = 2400 > 2280
    assertEquals(1, h.value("KOV", "0793", "CAP_EXCEEDED"));
  }
}
