package ee.ska.iste.reports;

import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Writes figures the way a reader of the report's language expects (Estonian: 16 667,5 and
 * 31.03.2024), and writes a suppressed figure as "—", never as a number. One mark for every hidden
 * figure: {@code outcomes_public} does not say why a cell is hidden (a count of 1–4, or any count,
 * zero included, hidden to protect another), so a mark such as "&lt;5" would claim a range the
 * published figures do not state — false for a cell hidden to protect others, and a bound the
 * disclosure audit's outsider is not given.
 */
final class FigureFormat {
  static final String DASH = "—";
  static final String MISSING = "–";

  private final Locale locale;
  private final ResourceBundle bundle;
  private final DecimalFormatSymbols symbols;
  private final DateTimeFormatter dates;

  FigureFormat(Locale locale, ResourceBundle bundle) {
    this.locale = locale;
    this.bundle = bundle;
    this.symbols = DecimalFormatSymbols.getInstance(locale);
    this.dates = DateTimeFormatter.ofPattern(bundle.getString("format.date"), locale);
  }

  Locale locale() {
    return locale;
  }

  /**
   * A rejection reason as a reader needs it: its description in the report's language (the code
   * itself only for a reason this build does not know).
   */
  String reason(String code) {
    try {
      ee.ska.iste.core.quality.ReasonCode r = ee.ska.iste.core.quality.ReasonCode.valueOf(code);
      return "en".equals(locale.getLanguage()) ? r.descriptionEn() : r.descriptionEt();
    } catch (IllegalArgumentException | NullPointerException e) {
      return String.valueOf(code);
    }
  }

  String text(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  boolean hasText(String key) {
    return bundle.containsKey(key);
  }

  String number(double value, int decimals) {
    return Numbers.fixed(value, decimals, symbols);
  }

  String date(LocalDate date) {
    return date == null ? MISSING : dates.format(date);
  }

  /** A figure, or the suppression mark, or the missing mark when there is no row. */
  String figure(Figure f, Unit unit) {
    if (f == null) {
      return MISSING;
    }
    if (f.suppressed() || f.value() == null) {
      return suppressedMark(unit);
    }
    return value(f.value(), unit);
  }

  String suppressedMark(Unit unit) {
    return DASH;
  }

  String value(double v, Unit unit) {
    return switch (unit) {
      case COUNT, DAYS, RANK -> number(v, 0);
      // a ratio of like quantities (occupancy: client-days over place-days) reads as a percentage
      // like a share, and may pass 100%
      case SHARE, RATIO -> number(v * 100, 1) + "%";
      case MEAN -> number(v, 1);
      case HOURS -> number(v, 1);
      case EUR -> number(v, 0) + " €";
    };
  }

  /** A figure with its 95% interval, when it has one and is shown. */
  String figureWithInterval(Figure f, Unit unit) {
    String main = figure(f, unit);
    if (f == null || f.suppressed() || f.ciLow() == null || f.ciHigh() == null) {
      return main;
    }
    return main + " [" + value(f.ciLow(), unit) + "; " + value(f.ciHigh(), unit) + "]";
  }

  /** A shown figure's 95% interval alone ("3,0 – 14,5"), else blank. */
  String interval(Figure f, Unit unit) {
    if (f == null || f.suppressed() || f.ciLow() == null || f.ciHigh() == null) {
      return "";
    }
    return value(f.ciLow(), unit) + " – " + value(f.ciHigh(), unit);
  }

  /** The change between two figures; blank unless both are shown (a difference could reveal). */
  String change(Figure now, Figure before, Unit unit) {
    if (now == null || before == null || now.shown() == null || before.shown() == null) {
      return now != null && before != null ? DASH : MISSING;
    }
    return difference(now.shown() - before.shown(), unit);
  }

  /** A difference of two shown figures: percentage points for shares, a sign always. */
  String difference(double d, Unit unit) {
    boolean percent = unit == Unit.SHARE || unit == Unit.RATIO;
    String body = percent ? number(d * 100, 1) + " pp" : value(Math.abs(d), unit);
    if (percent) {
      return (d > 0 ? "+" : "") + body;
    }
    return (d > 0 ? "+" : d < 0 ? "−" : "") + body;
  }
}
