package ee.ska.iste.core.quality;

import ee.ska.iste.core.ref.RefTable;
import ee.ska.iste.core.ref.ReferenceData;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The texts of every reject and refusal reason, from reference data ({@code ref/reasons.csv}): what
 * went wrong and how to fix it, in Estonian and English. One table for the self-check's feedback,
 * the data-quality report and the messages the ingest stores in {@code stg_reject}. Each code of
 * {@link ReasonCode} (kind {@code ROW}) and {@link RefusalReason} (kind {@code FILE}) has exactly
 * one row without an end of validity; loading fails when one is missing, doubled or of the wrong
 * kind.
 */
public final class ReasonTexts {
  /** The reference table's name. */
  public static final String TABLE = "reasons";

  /** The reason of a rejected row or of a refused file. */
  public enum Kind {
    ROW,
    FILE
  }

  /**
   * One reason's texts.
   *
   * @param code the stable code ({@link ReasonCode} or {@link RefusalReason} name)
   * @param kind whether it rejects a row or refuses a file
   */
  public record Text(
      String code, Kind kind, String textEt, String textEn, String fixEt, String fixEn) {
    /** What went wrong, in Estonian ({@code et}) or English (any other language). */
    public String text(Locale locale) {
      return english(locale) ? textEn : textEt;
    }

    /** How to fix it, in Estonian or English. */
    public String fix(Locale locale) {
      return english(locale) ? fixEn : fixEt;
    }

    private static boolean english(Locale locale) {
      return !"et".equals(locale.getLanguage());
    }
  }

  private static final class Shipped {
    private static final ReasonTexts INSTANCE = of(ReferenceData.builtIn());
  }

  private final Map<String, Text> byCode;

  private ReasonTexts(Map<String, Text> byCode) {
    this.byCode = Map.copyOf(byCode);
  }

  /** The texts shipped with the build. */
  public static ReasonTexts shipped() {
    return Shipped.INSTANCE;
  }

  /** The current texts (rows without {@code valid_to}) of the reference data. */
  public static ReasonTexts of(ReferenceData ref) {
    RefTable t = ref.table(TABLE);
    Map<String, Text> m = new HashMap<>();
    for (Map<String, String> r : t.rows()) {
      if (r.get("valid_to") != null) {
        continue;
      }
      Text text =
          new Text(
              t.required(r, "code"),
              Kind.valueOf(t.required(r, "kind")),
              t.required(r, "text_et"),
              t.required(r, "text_en"),
              t.required(r, "fix_et"),
              t.required(r, "fix_en"));
      if (m.put(text.code(), text) != null) {
        throw new IllegalStateException(
            "reference file reasons.csv: code " + text.code() + " is current twice");
      }
    }
    for (ReasonCode c : ReasonCode.values()) {
      expect(m, c.name(), Kind.ROW);
    }
    for (RefusalReason c : RefusalReason.values()) {
      expect(m, c.name(), Kind.FILE);
    }
    return new ReasonTexts(m);
  }

  private static void expect(Map<String, Text> m, String code, Kind kind) {
    Text t = m.get(code);
    if (t == null || t.kind() != kind) {
      throw new IllegalStateException(
          "reference file reasons.csv: no current row of kind " + kind + " for " + code);
    }
  }

  /** A row's reject reason. */
  public Text of(ReasonCode code) {
    return byCode.get(code.name());
  }

  /** A file's refusal reason. */
  public Text of(RefusalReason code) {
    return byCode.get(code.name());
  }
}
