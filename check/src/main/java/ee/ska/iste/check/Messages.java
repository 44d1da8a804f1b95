package ee.ska.iste.check;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The self-check's and the template's own texts ({@code messages_et}, {@code messages_en}). */
final class Messages {
  private final ResourceBundle bundle;
  private final Locale locale;

  Messages(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle("ee.ska.iste.check.messages", locale);
  }

  Locale locale() {
    return locale;
  }

  String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
