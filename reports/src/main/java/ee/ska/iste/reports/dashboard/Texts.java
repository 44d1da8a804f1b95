package ee.ska.iste.reports.dashboard;

import ee.ska.iste.reports.dashboard.DashboardData.Cell;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The dashboard's words and numbers in one language: texts from {@code dashboard/texts_<lang>} and
 * figures the way that language writes them (Estonian 16 667,5; English 16,667.5).
 */
final class Texts {
  private final String lang;
  private final Locale locale;
  private final ResourceBundle bundle;
  private final DecimalFormatSymbols symbols;

  Texts(String lang) {
    this.lang = lang;
    this.locale =
        switch (lang) {
          case "et" -> Locale.forLanguageTag("et-EE");
          case "en" -> Locale.forLanguageTag("en-GB");
          default ->
              throw new IllegalArgumentException("dashboard language must be et or en: " + lang);
        };
    this.bundle =
        ResourceBundle.getBundle(
            "dashboard.texts",
            Locale.forLanguageTag(lang),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.symbols = DecimalFormatSymbols.getInstance(locale);
  }

  String lang() {
    return lang;
  }

  /** The BCP 47 tag the page's scripts format numbers with. */
  String localeTag() {
    return locale.toLanguageTag();
  }

  String text(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  boolean has(String key) {
    return bundle.containsKey(key);
  }

  String number(double value, int decimals) {
    return ee.ska.iste.reports.Numbers.fixed(value, decimals, symbols);
  }

  /** A value in a unit of {@code ref_measure} (count, share, mean, eur, hours, days, ratio). */
  String value(double v, String unit) {
    return switch (unit == null ? "" : unit) {
      case "count", "days", "rank" -> number(v, 0);
      case "share" -> number(v * 100, 1) + "%";
      case "eur" -> number(v, 0) + " €";
      default -> number(v, 1);
    };
  }

  /** A figure: its value, the hidden mark, or the missing mark when there is no row. */
  String figure(Cell c, String unit) {
    if (c == null) {
      return text("missing");
    }
    return c.hidden() ? text("hidden") : value(c.value(), unit);
  }

  /** A shown figure's 95% interval ("3,0 – 14,5"), else blank. */
  String interval(Cell c, String unit) {
    if (c == null || c.hidden() || c.ciLow() == null || c.ciHigh() == null) {
      return "";
    }
    return value(c.ciLow(), unit) + " – " + value(c.ciHigh(), unit);
  }

  /**
   * The change between two figures (percentage points for a share); null unless both are shown: a
   * difference next to a hidden figure could reveal it.
   */
  String change(Cell now, Cell before, String unit) {
    if (now == null || before == null || now.hidden() || before.hidden()) {
      return null;
    }
    double d = now.value() - before.value();
    String body =
        "share".equals(unit) ? number(Math.abs(d) * 100, 1) + " pp" : value(Math.abs(d), unit);
    // a change that rounds to nothing has no sign
    String sign = body.matches("0([.,]0+)?\\D*") ? "" : d > 0 ? "+" : "−";
    return sign + body;
  }
}
