package ee.ska.iste.core.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.ref.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReasonTextsTest {
  private static final Locale ET = Locale.forLanguageTag("et");

  @Test
  void everyCodeHasBothLanguagesAndAFix() {
    ReasonTexts t = ReasonTexts.shipped();
    for (ReasonCode c : ReasonCode.values()) {
      ReasonTexts.Text x = t.of(c);
      assertEquals(ReasonTexts.Kind.ROW, x.kind(), c.name());
      assertFalse(x.fixEt().isBlank() || x.fixEn().isBlank(), c.name());
    }
    for (RefusalReason c : RefusalReason.values()) {
      assertEquals(ReasonTexts.Kind.FILE, t.of(c).kind(), c.name());
    }
  }

  @Test
  void theEnumsReadTheirTextsFromTheTable() {
    assertEquals("Vigane isikukood", ReasonCode.INVALID_PERSONAL_CODE.descriptionEt());
    assertEquals("A required value is missing", ReasonCode.VALUE_REQUIRED.descriptionEn());
    assertEquals("Leht puudub", RefusalReason.MISSING_SHEET.descriptionEt());
    ReasonTexts.Text hours = ReasonTexts.shipped().of(ReasonCode.HOURS_OUT_OF_RANGE);
    assertTrue(hours.fix(ET).contains("744"));
    assertTrue(hours.fix(Locale.ENGLISH).startsWith("Hours must be above 0"));
    assertEquals(hours.textEn(), hours.text(Locale.ENGLISH));
  }

  @Test
  void aMissingCodeIsRefusedAtLoad(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("reasons.csv"),
        "code,kind,text_et,text_en,fix_et,fix_en,valid_from,valid_to\n"
            + "VALUE_REQUIRED,ROW,a,b,c,d,2019-01-01,\n");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> ReasonTexts.of(ReferenceData.withOverrides(dir)));
    assertTrue(e.getMessage().contains("INVALID_PERSONAL_CODE"), e.getMessage());
  }

  @Test
  void aRewordingOverridesTheShippedText(@TempDir Path dir) throws Exception {
    StringBuilder csv =
        new StringBuilder("code,kind,text_et,text_en,fix_et,fix_en,valid_from,valid_to\n");
    for (ReasonCode c : ReasonCode.values()) {
      csv.append(c.name()).append(",ROW,et ").append(c.name()).append(",en,fe,fn,2019-01-01,\n");
    }
    for (RefusalReason c : RefusalReason.values()) {
      csv.append(c.name()).append(",FILE,et,en,fe,fn,2019-01-01,\n");
    }
    // an ended row is history, not current
    csv.append("DUPLICATE_ROW,ROW,vana,old,x,y,2019-01-01,2019-12-31\n");
    Files.writeString(dir.resolve("reasons.csv"), csv);
    ReasonTexts t = ReasonTexts.of(ReferenceData.withOverrides(dir));
    assertEquals("et DUPLICATE_ROW", t.of(ReasonCode.DUPLICATE_ROW).textEt());
  }
}
