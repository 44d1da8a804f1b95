package ee.ska.iste.pipelines.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.model.StagedFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ACTIVE, NEW, EXIT, EXIT_reason, CLIENT_DAYS in 2024Q2 (1 Apr – 30 Jun, 91 days) for Tartu linn
 * 0793 and Elva 0171 (county Tartu 0079) and Tallinn 0784 (county Harju 0037).
 */
class PopulationMeasuresTest {
  static final Quarter Q = Quarter.parse("2024Q2");
  static Harness h;

  @BeforeAll
  static void compute() {
    StagedFixture f =
        new StagedFixture()
            // c1: two episodes joined across the round (gap 31 Dec -> 15 Jan = 15 days <= 31)
            .episode("c1", "0793", "2023Q4", "2023-03-01", "2023-12-31", "VOORU_LOPP")
            .episode("c1", "0793", "2024Q2", "2024-01-15", null, null)
            // c2: new and dies in the quarter
            .episode("c2", "0793", "2024Q2", "2024-04-10", "2024-06-20", "SURM")
            // c3: one person in two KOVs = two cases
            .episode("c3", "0793", "2024Q2", "2024-01-01", "2024-05-15", "ELUKOHA_VAHETUS")
            .episode("c3", "0784", "2024Q2", "2024-05-20", null, null)
            // c4: gap 31 Dec -> 1 Mar = 61 days > 31: two cases, only the second active
            .episode("c4", "0171", "2023Q4", "2023-06-01", "2023-12-31", "VOORU_LOPP")
            .episode("c4", "0171", "2024Q2", "2024-03-01", null, null)
            // c5: starts after the quarter: not active
            .episode("c5", "0793", "2024Q3", "2024-07-05", null, null)
            // c6: ends after the quarter: open as seen on 30 June
            .episode("c6", "0171", "2024Q3", "2024-02-01", "2024-07-10", "SURM");
    h = Harness.run(f, Q);
  }

  @Test
  void activeCountsCasesNotPeople() {
    // 0793: c1, c2, c3 (0793 case) = 3; 0171: c4 second case, c6 = 2; 0784: c3 (0784 case) = 1
    assertEquals(3, h.value("KOV", "0793", "ACTIVE"));
    assertEquals(2, h.value("KOV", "0171", "ACTIVE"));
    assertEquals(1, h.value("KOV", "0784", "ACTIVE"));
    // county 0079 = 3 + 2; 0037 = 1; nation = 6 cases (c3 counts twice: two cases)
    assertEquals(5, h.value("MAAKOND", "0079", "ACTIVE"));
    assertEquals(1, h.value("MAAKOND", "0037", "ACTIVE"));
    assertEquals(6, h.value("RIIK", "EE", "ACTIVE"));
  }

  @Test
  void newAndExit() {
    // NEW: c2 (10 Apr) in 0793, c3 in 0784 (20 May); c1 started 2023-03-01 (joined case)
    assertEquals(1, h.value("KOV", "0793", "NEW"));
    assertEquals(0, h.value("KOV", "0171", "NEW"));
    assertEquals(1, h.value("KOV", "0784", "NEW"));
    assertEquals(2, h.value("RIIK", "EE", "NEW"));
    // EXIT: c2 SURM, c3 ELUKOHA_VAHETUS in 0793; c6 ends 10 Jul, after the quarter
    assertEquals(2, h.value("KOV", "0793", "EXIT"));
    assertEquals(1, h.value("KOV", "0793", "EXIT_SURM"));
    assertEquals(1, h.value("KOV", "0793", "EXIT_ELUKOHA_VAHETUS"));
    assertEquals(0, h.value("KOV", "0171", "EXIT"));
    assertEquals(0, h.value("KOV", "0171", "EXIT_SURM"));
    assertEquals(2, h.value("RIIK", "EE", "EXIT"));
    // VOORU_LOPP is never an exit measure of its own
    assertFalse(h.has("RIIK", "EE", "EXIT_VOORU_LOPP"));
  }

  @Test
  void zeroCountsHaveRowsAndCountsHaveNoDenominator() {
    assertEquals(0, h.value("KOV", "0784", "EXIT_SURM"));
    assertEquals(null, h.field("KOV", "0784", "EXIT", "denominator"));
    assertEquals(1.0, h.field("KOV", "0784", "NEW", "numerator"));
  }

  @Test
  void clientDaysInsideTheQuarter() {
    // c1 91 (whole quarter); c2 10 Apr..20 Jun = 21 + 31 + 20 = 72; c3 1 Apr..15 May = 30 + 15 = 45
    assertEquals(91 + 72 + 45, h.value("KOV", "0793", "CLIENT_DAYS"));
    // c4 91, c6 open on 30 June: 91
    assertEquals(182, h.value("KOV", "0171", "CLIENT_DAYS"));
    // c3 in 0784: 20 May..30 Jun = 12 + 30 = 42
    assertEquals(42, h.value("KOV", "0784", "CLIENT_DAYS"));
    assertEquals(208 + 182 + 42, h.value("RIIK", "EE", "CLIENT_DAYS"));
  }

  @Test
  void occupancyPerAllocation() {
    // Tartu linn 41 places: 208 / (41 * 91) ; Elva 13 places: 182 / (13 * 91) = 182 / 1183
    assertEquals(208.0 / (41 * 91), h.value("KOV", "0793", "OCCUPANCY"), 1e-12);
    assertEquals(182.0 / 1183, h.value("KOV", "0171", "OCCUPANCY"), 1e-12);
    // county Tartu: (208 + 182) / ((41 + 13) * 91) = 390 / 4914
    assertEquals(390.0 / 4914, h.value("MAAKOND", "0079", "OCCUPANCY"), 1e-12);
    // nation: 432 client days / (780 places * 91 days)
    assertEquals(432.0 / (780 * 91), h.value("RIIK", "EE", "OCCUPANCY"), 1e-12);
  }
}
