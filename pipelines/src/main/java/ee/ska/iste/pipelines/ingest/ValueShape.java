package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.person.PersonalCode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rejected value of an identifier or free-text column looks like, without the value: "11
 * digits, check digit wrong", "14 letters", "2 digits, 1 space, 5 letters". It tells the KOV what
 * to look for in its own file while nothing that was typed reaches the warehouse (a name typed into
 * {@code isikukood} or {@code bto} is personal data whatever the column).
 */
final class ValueShape {
  private ValueShape() {}

  /** The shape of {@code value}; null stays null. */
  static String of(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.isEmpty()) {
      return "only white space";
    }
    int letters = 0;
    int digits = 0;
    int spaces = 0;
    int other = 0;
    for (int i = 0; i < v.length(); ) {
      int cp = v.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters++;
      } else if (cp >= '0' && cp <= '9') {
        digits++;
      } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        spaces++;
      } else {
        other++;
      }
    }
    List<String> parts = new ArrayList<>();
    if (digits > 0) {
      parts.add(count(digits, "digit", "digits"));
    }
    if (letters > 0) {
      parts.add(count(letters, "letter", "letters"));
    }
    if (spaces > 0) {
      parts.add(count(spaces, "space", "spaces"));
    }
    if (other > 0) {
      parts.add(count(other, "other character", "other characters"));
    }
    String shape = String.join(", ", parts);
    if (digits == 11 && letters + spaces + other == 0) {
      if (PersonalCode.isValid(v)) {
        shape += ", a valid personal code";
      } else if (PersonalCode.checkDigit(v.substring(0, 10)) != v.charAt(10) - '0') {
        shape += ", check digit wrong";
      } else {
        shape += ", not a date of birth";
      }
    }
    return shape;
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
