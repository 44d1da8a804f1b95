package ee.ska.iste.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.quality.ReasonCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing personal where it does not belong: provider columns hold registry codes only, a rejected
 * identifier or free-text value is kept as its shape, and neither {@code koostaja} nor a workbook's
 * own sheet names reach a staged row or warning.
 */
class PersonalDataPlacesTest {
  @TempDir Path tmp;

  private static ValidatedSubmission.Reject only(ValidatedSubmission v) {
    assertEquals(1, v.rejects().size(), v.rejects().toString());
    return v.rejects().get(0);
  }

  @Test
  void aPersonalCodeAsProviderIsRejectedAndOnlyItsShapeKept() throws Exception {
    // C2 = 49403136526 typed as C1's base-support provider (klient row 2, column bto)
    ValidatedSubmission v =
        TestSubmission.validate(
            TestSubmission.base()
                .set("klient", 2, "bto", TestSubmission.C2)
                .writeCsv(tmp, "ISTE_0793_2024Q2"));
    // C1's klient row is rejected, so are his rows on the other sheets; the bto reject is the first
    ValidatedSubmission.Reject r = v.rejects().get(0);
    assertEquals("bto", r.column());
    assertEquals(ReasonCode.PROVIDER_CODE_INVALID, r.reason());
    assertEquals("11 digits, a valid personal code", r.value());
    for (ValidatedSubmission.Reject any : v.rejects()) {
      assertFalse(String.valueOf(any.value()).contains(TestSubmission.C2));
      assertFalse(any.message().contains(TestSubmission.C2));
    }
  }

  @Test
  void providerCodesMustBeEightDigits() throws Exception {
    // osalemine row 2 (C1, April, BT): provider "1000 001" (7 digits and a space)
    ValidatedSubmission v =
        TestSubmission.validate(
            TestSubmission.base()
                .set("osalemine", 2, "osutaja", "1000 001")
                .writeCsv(tmp, "ISTE_0793_2024Q2"));
    ValidatedSubmission.Reject r = only(v);
    assertEquals("osutaja", r.column());
    assertEquals(ReasonCode.PROVIDER_CODE_INVALID, r.reason());
    assertEquals("7 digits, 1 space", r.value());
    // an 8-digit code with surrounding spaces is the code
    ValidatedSubmission ok =
        TestSubmission.validate(
            TestSubmission.base()
                .set("osalemine", 2, "osutaja", " 10000001 ")
                .writeCsv(tmp.resolve("b"), "ISTE_0793_2024Q2"));
    assertEquals(0, ok.rejects().size());
  }

  @Test
  void aNameTypedAsPersonalCodeIsKeptAsItsShapeOnly() throws Exception {
    // a new klient row 4 whose isikukood is a name: "Mari Maasikas" = 4 + 8 letters, 1 space
    ValidatedSubmission v =
        TestSubmission.validate(
            TestSubmission.base()
                .add("klient", "Mari Maasikas,2024-04-02,C,F20.0,RASKE,JAH,10000001,,")
                .writeCsv(tmp, "ISTE_0793_2024Q2"));
    ValidatedSubmission.Reject r = only(v);
    assertEquals(ReasonCode.INVALID_PERSONAL_CODE, r.reason());
    assertEquals("12 letters, 1 space", r.value());
    assertFalse(r.message().contains("Maasikas"));
    // 38501010003: P3 with the check digit 2 -> 3
    ValidatedSubmission w =
        TestSubmission.validate(
            TestSubmission.base()
                .add("klient", "38501010003,2024-04-02,C,F20.0,RASKE,JAH,10000001,,")
                .writeCsv(tmp.resolve("b"), "ISTE_0793_2024Q2"));
    assertEquals("11 digits, check digit wrong", only(w).value());
  }

  @Test
  void aDiagnosisInWordsIsKeptAsItsShapeOnly() throws Exception {
    ValidatedSubmission v =
        TestSubmission.validate(
            TestSubmission.base()
                .set("klient", 3, "pohidiagnoos", "skisofreenia")
                .writeCsv(tmp, "ISTE_0793_2024Q2"));
    ValidatedSubmission.Reject r = v.rejects().get(0);
    assertEquals(ReasonCode.DIAGNOSIS_INVALID, r.reason());
    assertEquals("12 letters", r.value());
  }

  @Test
  void shapesAreCountedByHand() {
    assertEquals("14 letters", ValueShape.of("Mariannemaasik"));
    assertEquals("3 digits, 1 letter, 1 other character", ValueShape.of("F20.0"));
    // 3761303029: month 13; weighted sum 3+14+18+4+15+0+21+0+18+9 = 102, 102 mod 11 = 3
    assertEquals("11 digits, not a date of birth", ValueShape.of("37613030293"));
    assertEquals(null, ValueShape.of(null));
  }

  @Test
  void koostajaAndTheWorkbooksOwnSheetNamesAreNeverKept() throws Exception {
    TestSubmission t = TestSubmission.base(); // koostaja "Mari Maasikas"
    t.sheets.put("Jaan Tamm 38501010002", List.of(List.of("x"), List.of("y")));
    ValidatedSubmission v = TestSubmission.validate(t.writeXlsx(tmp, "ISTE_0793_2024Q2", true));
    StringBuilder all = new StringBuilder();
    v.sheetCounts().forEach(c -> all.append(c.sheet()).append(c.warnings()));
    v.rejects().forEach(r -> all.append(r.value()).append(r.message()));
    v.accepted()
        .values()
        .forEach(rows -> rows.forEach(r -> all.append(java.util.Arrays.asList(r.values()))));
    assertFalse(all.toString().contains("Maasikas"), all.toString());
    assertFalse(all.toString().contains("Tamm"), all.toString());
    assertTrue(all.toString().contains("1 other sheet(s) ignored"), all.toString());
  }
}
