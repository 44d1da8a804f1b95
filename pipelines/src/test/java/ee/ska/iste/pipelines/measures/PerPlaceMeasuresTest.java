package ee.ska.iste.pipelines.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Cost and volume per place in 2024Q2 (1 Apr – 30 Jun, 91 days) for the joint allocation of
 * Haapsalu linn 0184 and Lääne-Nigula vald 0441 (24 places, both in Lääne county 0056, the only
 * allocation there), with a crafted price list: BT EUR 30/h with the participant and EUR 12/h in a
 * group, VAIMNE_TERVIS EUR 40/h with the participant and EUR 35/h with a family member.
 */
class PerPlaceMeasuresTest {
  static final Quarter Q = Quarter.parse("2024Q2");
  static Harness h;

  @BeforeAll
  static void compute(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("prices.csv"),
        String.join(
            "\n",
            "component,mode,price_eur,valid_from,valid_to",
            "BT,OSALEJA,30,2023-01-01,",
            "BT,GRUPP,12,2023-01-01,",
            "VAIMNE_TERVIS,OSALEJA,40,2023-01-01,",
            "VAIMNE_TERVIS,PERE,35,2023-01-01,",
            ""));
    StagedFixture f =
        new StagedFixture()
            // 0184 a1: whole quarter, 91 client days
            .episode("a1", "0184", "2024Q2", "2024-01-01", null, null)
            // 0184 a2: new, ends 19 May: 10..30 Apr 21 + 1..19 May 19 = 40 days, length 40
            .episode("a2", "0184", "2024Q2", "2024-04-10", "2024-05-19", "EESMARGID_TAIDETUD")
            // 0441 b1: new, 1 May..30 Jun: 31 + 30 = 61 client days
            .episode("b1", "0441", "2024Q2", "2024-05-01", null, null)
            // 0441 b2: ends 30 June: 91 client days; length 1 Jun 2023 .. 30 Jun 2024 =
            // (30 + 31 + 31 + 30 + 31 + 30 + 31 = 214 in 2023) + (31 + 29 + 31 + 30 + 31 + 30 =
            // 182 in 2024) = 396 days
            .episode("b2", "0441", "2024Q2", "2023-06-01", "2024-06-30", "LOOBUMINE")
            // 0441 b3: new and ends the same day: 1 client day, length 1 (both ends inclusive)
            .episode("b3", "0441", "2024Q2", "2024-06-03", "2024-06-03", "MUU");
    f.hours("a1", "0184", "2024-03", "BT", "OSALEJA", "8") // 2024Q1: not in the quarter
        .hours("a1", "0184", "2024-04", "BT", "OSALEJA", "10") // 10 x 30 = 300
        .hours("a1", "0184", "2024-05", "BT", "GRUPP", "5") // 5 x 12 = 60
        .hours("a1", "0184", "2024-06", "VAIMNE_TERVIS", "PERE", "2") // 2 x 35 = 70
        .hours("a2", "0184", "2024-04", "VAIMNE_TERVIS", "OSALEJA", "3") // 3 x 40 = 120
        .hours("a2", "0184", "2024-05", "BT", "OSALEJA", "4"); // 4 x 30 = 120
    h = Harness.run(f, Q, ReferenceData.withOverrides(dir));
  }

  @Test
  void costPerClientDayOverTwoComponentsAndTwoModes() {
    // 0184: COST = 300 + 60 + 70 + 120 + 120 = 670 over 91 + 40 = 131 client days
    assertEquals(670.0 / 131, h.value("KOV", "0184", "COST_PER_CLIENT_DAY"), 1e-9);
    assertEquals(670.0, h.field("KOV", "0184", "COST_PER_CLIENT_DAY", "numerator"), 1e-9);
    assertEquals(131.0, h.field("KOV", "0184", "COST_PER_CLIENT_DAY", "denominator"), 1e-9);
    // 0441: no hours, 61 + 91 + 1 = 153 client days: 0 per day
    assertEquals(0.0, h.value("KOV", "0441", "COST_PER_CLIENT_DAY"), 1e-12);
    // county 0056 and nation (only these cases): 670 / (131 + 153) = 670 / 284
    assertEquals(670.0 / 284, h.value("MAAKOND", "0056", "COST_PER_CLIENT_DAY"), 1e-9);
    assertEquals(670.0 / 284, h.value("RIIK", "EE", "COST_PER_CLIENT_DAY"), 1e-9);
  }

  @Test
  void hoursPerClientMonthByComponent() {
    // 0184: 131 client days = 131 / 30.4375 client-months; BT 10 + 5 + 4 = 19 h, VAIMNE_TERVIS
    // 2 + 3 = 5 h: 19 x 30.4375 / 131 = 578.3125 / 131 and 5 x 30.4375 / 131 = 152.1875 / 131
    assertEquals(578.3125 / 131, h.value("KOV", "0184", "HOURS_PER_CLIENT_MONTH_BT"), 1e-7);
    assertEquals(19.0, h.field("KOV", "0184", "HOURS_PER_CLIENT_MONTH_BT", "numerator"), 1e-9);
    assertEquals(
        131 / 30.4375, h.field("KOV", "0184", "HOURS_PER_CLIENT_MONTH_BT", "denominator"), 1e-6);
    assertEquals(
        152.1875 / 131, h.value("KOV", "0184", "HOURS_PER_CLIENT_MONTH_VAIMNE_TERVIS"), 1e-7);
    // a component not delivered has its row with 0
    assertEquals(0.0, h.value("KOV", "0184", "HOURS_PER_CLIENT_MONTH_HOIVATUS"), 1e-12);
    // county: 19 h over 284 client days: 19 x 30.4375 / 284 = 578.3125 / 284
    assertEquals(578.3125 / 284, h.value("MAAKOND", "0056", "HOURS_PER_CLIENT_MONTH_BT"), 1e-7);
    // published at county and national level only: every KOV figure is hidden, whatever its size
    for (String kov : List.of("0184", "0441")) {
      for (String c : List.of("BT", "VAIMNE_TERVIS", "HOIVATUS")) {
        assertTrue(h.suppressed("KOV", kov, "HOURS_PER_CLIENT_MONTH_" + c), kov + " " + c);
      }
    }
  }

  @Test
  void entriesPer100PlacesOfTheJointAllocationUnderBothCodes() {
    // new cases of the allocation: a2 (0184), b1 and b3 (0441) = 3; 24 places, 91 days:
    // 3 x (365 / 91) x 100 / 24 = 109,500 / 2,184 for both KOV codes and the county
    double joint = 109_500.0 / 2_184;
    assertEquals(joint, h.value("KOV", "0184", "ENTRIES_PER_100_PLACES"), 1e-9);
    assertEquals(joint, h.value("KOV", "0441", "ENTRIES_PER_100_PLACES"), 1e-9);
    assertEquals(3.0, h.field("KOV", "0184", "ENTRIES_PER_100_PLACES", "numerator"), 1e-12);
    // denominator: 24 x 91 / 36,500 hundreds of place-years
    assertEquals(
        2_184.0 / 36_500, h.field("KOV", "0441", "ENTRIES_PER_100_PLACES", "denominator"), 1e-12);
    assertEquals(joint, h.value("MAAKOND", "0056", "ENTRIES_PER_100_PLACES"), 1e-9);
    // nation: 3 new cases over all 780 allocated places: 3 x 36,500 / (780 x 91)
    assertEquals(109_500.0 / 70_980, h.value("RIIK", "EE", "ENTRIES_PER_100_PLACES"), 1e-9);
  }

  @Test
  void caseLengthOfTheCasesThatEndBothEndsInclusive() {
    // 0184: a2 alone, 40 days
    assertEquals(40.0, h.value("KOV", "0184", "CASE_LENGTH"), 1e-12);
    // 0441: b2 396 and b3 1: (396 + 1) / 2 = 198.5 over EXIT = 2 cases
    assertEquals(198.5, h.value("KOV", "0441", "CASE_LENGTH"), 1e-12);
    assertEquals(2.0, h.field("KOV", "0441", "CASE_LENGTH", "denominator"), 1e-12);
    assertEquals(h.value("KOV", "0441", "EXIT"), 2.0, 1e-12);
    // county: (40 + 396 + 1) / 3 = 437 / 3
    assertEquals(437.0 / 3, h.value("MAAKOND", "0056", "CASE_LENGTH"), 1e-9);
  }
}
