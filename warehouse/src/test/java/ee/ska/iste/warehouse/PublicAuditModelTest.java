package ee.ska.iste.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ee.ska.iste.disclosure.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The publish gate's check of MODEL figures: never shown where their source figure is hidden. */
class PublicAuditModelTest {
  static final Map<String, Kind> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("QOL_N", Kind.COUNT);
    KINDS.put("QOL_CHANGE", Kind.MEAN);
    KINDS.put("QOL_CHANGE_ADJ", Kind.MODEL);
    KINDS.put("QOL_CHANGE_ADJ_EB", Kind.MODEL);
  }

  @Test
  void aModelFigureDerivesFromTheLongestNonModelPrefix() {
    assertEquals("QOL_CHANGE", PublicAudit.source("QOL_CHANGE_ADJ_EB", KINDS));
    assertEquals("QOL_CHANGE", PublicAudit.source("QOL_CHANGE_ADJ", KINDS));
    assertNull(PublicAudit.source("OTHER_MODEL", KINDS));
  }

  @Test
  void aModelRowShownWhereItsSourceIsHiddenFails() {
    Map<String, Boolean> flags = new LinkedHashMap<>();
    flags.put("2024Q2/KOV/0001/QOL_CHANGE", true);
    flags.put("2024Q2/KOV/0002/QOL_CHANGE", false);
    List<String[]> shown =
        List.of(
            new String[] {"2024Q2", "KOV", "0001", "QOL_CHANGE_ADJ"},
            new String[] {"2024Q2", "KOV", "0002", "QOL_CHANGE_ADJ_EB"},
            new String[] {"2024Q2", "KOV", "0003", "QOL_CHANGE_ADJ"});
    List<PublicAudit.Failure> failures = PublicAudit.modelFailures(shown, flags, KINDS);
    // 0001: source hidden; 0003: no source row at all; 0002 is fine
    assertEquals(2, failures.size());
    assertEquals("2024Q2 QOL_CHANGE_ADJ KOV 0001 (value)", failures.get(0).cell());
    assertEquals("0003", failures.get(1).unit());
  }

  @Test
  void aKovFigureOfAMeasurePublishedByCountyOnlyFailsWhenShown() throws Exception {
    // HOURS_PER_CLIENT_MONTH_<component> is published at county and national level only
    // (disclosure_measures.csv lowest_level): hidden, it is no part of the audit; shown, it fails
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ref_measure (measure VARCHAR, kind VARCHAR)");
      s.execute("INSERT INTO ref_measure VALUES ('HOURS_PER_CLIENT_MONTH_BT', 'RATIO')");
      s.execute(
          "CREATE TABLE outcomes (level VARCHAR, unit_code VARCHAR, quarter VARCHAR, measure"
              + " VARCHAR, numerator DOUBLE, denominator DOUBLE, suppressed BOOLEAN)");
      s.execute(
          "INSERT INTO outcomes VALUES ('KOV', '0793', '2024Q2', 'HOURS_PER_CLIENT_MONTH_BT', 90,"
              + " 30, false), ('KOV', '0171', '2024Q2', 'HOURS_PER_CLIENT_MONTH_BT', 10, 5, true),"
              + " ('RIIK', 'EE', '2024Q2', 'HOURS_PER_CLIENT_MONTH_BT', 100, 35, false)");
      PublicAudit.Result r = PublicAudit.run(c, ee.ska.iste.core.ref.ReferenceData.builtIn());
      assertEquals(1, r.failures().size());
      assertEquals("2024Q2 HOURS_PER_CLIENT_MONTH_BT KOV 0793 (level)", r.failures().get(0).cell());
      assertEquals(1, r.hidden());
    }
  }
}
