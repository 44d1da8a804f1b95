package ee.ska.iste.core.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Age bands and diagnosis groups: looked up by range in reference data, valid on a date. */
class ClientGroupsTest {
  private final ReferenceData ref = ReferenceData.builtIn();
  private final LocalDate day = LocalDate.of(2024, 6, 30);

  @TempDir Path tmp;

  @Test
  void bandEndsAreInclusive() {
    assertEquals("0-15", band(ref, 15, day));
    assertEquals("16-24", band(ref, 16, day));
    assertEquals("16-24", band(ref, 24, day));
    assertEquals("25-34", band(ref, 25, day));
    assertEquals("55-64", band(ref, 64, day));
    // 65+ has no upper limit
    assertEquals("65+", band(ref, 65, day));
    assertEquals("65+", band(ref, 101, day));
    // before the bands' validity (2017-01-01): no band
    assertEquals(null, band(ref, 30, LocalDate.of(2016, 12, 31)));
  }

  @Test
  void theNarrowestRangeHoldingTheCategoryWins() {
    assertEquals("SCHIZOPHRENIA", group(ref, "F20.0", day));
    assertEquals("MOOD", group(ref, "F33.1", day));
    assertEquals("NEUROTIC", group(ref, "F48", day));
    assertEquals("SUBSTANCE", group(ref, "F10.2", day));
    assertEquals("CHILDHOOD_ONSET", group(ref, "F98.8", day));
    // chapter V codes of no listed block: F50-F59 and F99
    assertEquals("OTHER_F", group(ref, "F50.0", day));
    assertEquals("OTHER_F", group(ref, "F99", day));
    // outside chapter V: G30 (Alzheimer's disease), Z99
    assertEquals("NON_F", group(ref, "G30.1", day));
    assertEquals("NON_F", group(ref, "Z99", day));
    assertEquals("ORGANIC", group(ref, "f03", day));
    // not an ICD-10 code, or before the validity: no group
    assertEquals(null, group(ref, "20.0", day));
    assertEquals(null, group(ref, "F20.0", LocalDate.of(2016, 12, 31)));
  }

  @Test
  void theCategoryTableAgreesWithTheLookup() {
    List<ReferenceData.DiagnosisCategory> all = ref.diagnosisCategories();
    // one period (2017-01-01, open), every category A00..Z99 has a group: 26 x 100
    assertEquals(2600, all.size());
    for (ReferenceData.DiagnosisCategory c : all) {
      assertEquals(LocalDate.of(2017, 1, 1), c.validFrom());
      assertEquals(null, c.validTo());
      assertEquals(group(ref, c.category(), day), c.group(), c.category());
    }
  }

  @Test
  void theBandOrGroupValidOnTheDateIsChosen() throws Exception {
    Files.writeString(
        tmp.resolve("age_bands.csv"),
        """
        code,age_from,age_to,name_et,name_en,valid_from,valid_to
        25-34,25,34,a,a,2017-01-01,2024-12-31
        25-29,25,29,b,b,2025-01-01,
        30-34,30,34,c,c,2025-01-01,
        """);
    Files.writeString(
        tmp.resolve("diagnosis_groups.csv"),
        """
        code,code_from,code_to,name_et,name_en,valid_from,valid_to
        MOOD,F30,F39,a,a,2017-01-01,
        DEPRESSION,F32,F33,b,b,2025-01-01,
        """);
    ReferenceData r = ReferenceData.withOverrides(tmp);
    assertEquals("25-34", band(r, 25, LocalDate.of(2024, 12, 31)));
    assertEquals("25-29", band(r, 25, LocalDate.of(2025, 1, 1)));
    assertEquals("MOOD", group(r, "F33.1", LocalDate.of(2024, 12, 31)));
    assertEquals("DEPRESSION", group(r, "F33.1", LocalDate.of(2025, 1, 1)));
    assertEquals("MOOD", group(r, "F31", LocalDate.of(2025, 1, 1)));
    // two periods: 2017-01-01..2024-12-31 (10 categories) and 2025-01-01 on (10 categories)
    List<ReferenceData.DiagnosisCategory> table = r.diagnosisCategories();
    assertEquals(20, table.size());
    assertTrue(
        table.contains(
            new ReferenceData.DiagnosisCategory(
                "F33", "MOOD", LocalDate.of(2017, 1, 1), LocalDate.of(2024, 12, 31))));
    assertTrue(
        table.contains(
            new ReferenceData.DiagnosisCategory(
                "F33", "DEPRESSION", LocalDate.of(2025, 1, 1), null)));
  }

  @Test
  void overlappingBandsOrCrossingRangesAreRefusedNamingTheFile() throws Exception {
    Files.writeString(
        tmp.resolve("age_bands.csv"),
        """
        code,age_from,age_to,name_et,name_en,valid_from,valid_to
        18-24,18,24,a,a,2019-01-01,
        24-34,24,34,b,b,2019-01-01,
        """);
    Files.writeString(
        tmp.resolve("diagnosis_groups.csv"),
        """
        code,code_from,code_to,name_et,name_en,valid_from,valid_to
        A,F20,F29,a,a,2019-01-01,
        B,F25,F39,b,b,2019-01-01,
        """);
    ReferenceData r = ReferenceData.withOverrides(tmp);
    IllegalStateException bands = assertThrows(IllegalStateException.class, r::ageBands);
    assertTrue(bands.getMessage().contains("age_bands.csv"), bands.getMessage());
    assertTrue(bands.getMessage().contains("18-24 and 24-34"), bands.getMessage());
    IllegalStateException groups = assertThrows(IllegalStateException.class, r::diagnosisGroups);
    assertTrue(groups.getMessage().contains("diagnosis_groups.csv"), groups.getMessage());
  }

  @Test
  void aRangeThatIsNotOfCategoriesIsRefused() throws Exception {
    Files.writeString(
        tmp.resolve("diagnosis_groups.csv"),
        """
        code,code_from,code_to,name_et,name_en,valid_from,valid_to
        MOOD,F30,F3,a,a,2019-01-01,
        """);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, ReferenceData.withOverrides(tmp)::diagnosisGroups);
    assertTrue(e.getMessage().contains("diagnosis_groups.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("F30..F3"), e.getMessage());
  }

  private static String band(ReferenceData r, int age, LocalDate on) {
    return r.ageBand(age, on).map(ReferenceData.AgeBand::code).orElse(null);
  }

  private static String group(ReferenceData r, String diagnosis, LocalDate on) {
    return r.diagnosisGroup(diagnosis, on).map(ReferenceData.DiagnosisGroup::code).orElse(null);
  }
}
