package ee.ska.iste.pipelines.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.ref.RefTable;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.pipelines.model.CodeDimensions;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The measure registry against the catalogue of measures.csv. */
class MeasureRegistryTest {
  private static final ReferenceData REF = ReferenceData.builtIn();
  private static final MeasureRules RULES =
      MeasureRules.of(REF, LocalDate.of(2024, 6, 30), CodeDimensions.finalExitReasons(REF));

  @Test
  void theBuiltInCatalogueListsExactlyTheRegistrysMeasures() {
    List<MeasureDefinition> registry = MeasureRegistry.definitions(RULES);
    MeasureRegistry.check(registry, REF.table("measures"));
    // ACTIVE, NEW, EXIT and 8 EXIT_<reason> (11); INELIGIBLE and 6 reasons (7); CLIENT_DAYS;
    // OCCUPANCY; 8 QOL_; NEED_REDUCED; 11 on plans, hours and cost; 4 NEED_ measures × 8 domains
    // (32); per place: COST_PER_CLIENT_DAY, HOURS_PER_CLIENT_MONTH_ × 11 components,
    // ENTRIES_PER_100_PLACES, CASE_LENGTH (14); 6 evaluation figures of QoL change (MODEL):
    // 11 + 7 + 1 + 1 + 8 + 1 + 11 + 32 + 14 + 6 = 92, the rows of measures.csv
    assertEquals(92, registry.size());
    assertEquals(11, REF.codes("components").size());
    assertTrue(registry.contains(new MeasureDefinition("HOURS_PER_CLIENT_MONTH_BT", Kind.RATIO)));
    assertTrue(registry.contains(new MeasureDefinition("CASE_LENGTH", Kind.MEAN)));
    assertTrue(registry.contains(new MeasureDefinition("QOL_CHANGE_ADJ_EB_RANK", Kind.MODEL)));
    assertEquals(8, REF.codes("domains").size());
    assertEquals(
        32,
        registry.stream()
            .filter(d -> REF.codes("domains").stream().anyMatch(dom -> d.code().endsWith(dom)))
            .filter(d -> d.code().startsWith("NEED_CHANGE_") || d.code().startsWith("NEED_SERVED_"))
            .count());
    assertTrue(registry.contains(new MeasureDefinition("NEED_SERVED_ELUKOHT", Kind.SHARE)));
    assertTrue(registry.contains(new MeasureDefinition("OCCUPANCY", Kind.RATIO)));
    assertTrue(registry.contains(new MeasureDefinition("EXIT_SURM", Kind.COUNT)));
  }

  @Test
  void aKindOnlyTheCatalogueHasFailsNamingTheMeasure() throws IOException {
    List<MeasureDefinition> registry =
        List.of(
            new MeasureDefinition("QOL_N", Kind.COUNT), new MeasureDefinition("HOURS", Kind.SUM));
    RefTable listed = table("QOL_N,SHARE", "HOURS,SUM");
    assertEquals(
        "reference file measures.csv disagrees with the measure registry: QOL_N has kind SHARE,"
            + " the registry computes it as COUNT",
        refusal(registry, listed));
  }

  @Test
  void aCodeOnOneSideOnlyFails() throws IOException {
    List<MeasureDefinition> registry =
        List.of(
            new MeasureDefinition("QOL_N", Kind.COUNT), new MeasureDefinition("HOURS", Kind.SUM));
    RefTable listed = table("QOL_N,COUNT", "COST,SUM");
    assertEquals(
        "reference file measures.csv disagrees with the measure registry: HOURS (SUM) is computed"
            + " but not listed; COST is listed but no measure computes it",
        refusal(registry, listed));
  }

  @Test
  void aCodeListedTwiceFails() throws IOException {
    List<MeasureDefinition> registry = List.of(new MeasureDefinition("HOURS", Kind.SUM));
    RefTable listed = table("HOURS,SUM", "HOURS,SUM");
    assertEquals(
        "reference file measures.csv disagrees with the measure registry: HOURS is listed twice",
        refusal(registry, listed));
  }

  @Test
  void aCodeIsUpperCase() {
    assertThrows(IllegalArgumentException.class, () -> new MeasureDefinition("hours", Kind.SUM));
  }

  private static RefTable table(String... rows) throws IOException {
    return RefTable.read(
        "measures.csv", new StringReader("measure,kind\n" + String.join("\n", rows) + "\n"));
  }

  /** What the check says when the catalogue and the registry disagree (it must refuse). */
  private static String refusal(List<MeasureDefinition> registry, RefTable listed) {
    return assertThrows(IllegalStateException.class, () -> MeasureRegistry.check(registry, listed))
        .getMessage();
  }
}
