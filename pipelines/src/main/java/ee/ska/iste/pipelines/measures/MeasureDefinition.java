package ee.ska.iste.pipelines.measures;

import java.util.regex.Pattern;

/**
 * A measure as the registry defines it: its code (the key of {@code ref_measure} and the {@code
 * measure} column of the marts) and how its case-level contributions roll up.
 */
public record MeasureDefinition(String code, Kind kind) {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

  public MeasureDefinition {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "a measure code is upper-case letters, digits and _, got: " + code);
    }
    if (kind == null) {
      throw new IllegalArgumentException("measure " + code + " has no kind");
    }
  }
}
