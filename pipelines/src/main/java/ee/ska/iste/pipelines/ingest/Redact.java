package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.person.PersonalCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Last line of defence for text taken from a submission (a value, a header, a sheet name) before it
 * reaches a table, a log line or a message: any run of 11 digits, which may be a personal code
 * typed in the wrong place, is masked.
 */
final class Redact {
  private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");

  private Redact() {}

  static String text(String s) {
    if (s == null) {
      return null;
    }
    Matcher m = ELEVEN_DIGITS.matcher(s);
    return m.find() ? m.replaceAll(r -> PersonalCode.mask(r.group())) : s;
  }
}
