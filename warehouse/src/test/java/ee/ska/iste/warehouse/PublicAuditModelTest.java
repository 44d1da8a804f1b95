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
}
