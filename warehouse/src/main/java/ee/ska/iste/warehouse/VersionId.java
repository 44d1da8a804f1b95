package ee.ska.iste.warehouse;

import java.util.regex.Pattern;

/** Version ids: {@code v} followed by six digits, ordered by their number. */
final class VersionId {
  private static final Pattern ID = Pattern.compile("v\\d{6}");

  private VersionId() {}

  static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  static int number(String id) {
    if (!isValid(id)) {
      throw new IllegalArgumentException("not a version id: " + id);
    }
    return Integer.parseInt(id.substring(1));
  }

  static String of(int number) {
    if (number < 1 || number > 999_999) {
      throw new IllegalArgumentException("version number out of range: " + number);
    }
    return String.format("v%06d", number);
  }
}
