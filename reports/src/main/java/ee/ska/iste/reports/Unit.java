package ee.ska.iste.reports;

import java.util.Locale;

/** How a measure's figure is written: the {@code unit} column of {@code ref_measure}. */
enum Unit {
  COUNT,
  SHARE,
  MEAN,
  EUR,
  HOURS,
  DAYS,
  RATIO,
  /** A position in an ordering (1 = first): a whole number, not a quantity. */
  RANK;

  /** Whole numbers (counts and days): their charts have integer ticks from zero. */
  boolean isCount() {
    return this == COUNT || this == DAYS;
  }

  static Unit parse(String text, String measure) {
    if (text != null && !text.isBlank()) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException notOurs) {
        // fall back to the code's conventions below
      }
    }
    return guess(measure);
  }

  /** Used when the catalogue is missing: follows the measure codes of measures.md. */
  static Unit guess(String measure) {
    if (measure.endsWith("_RANK")) {
      return RANK;
    }
    if (measure.startsWith("QOL_CHANGE")
        || measure.startsWith("QOL_BASELINE_")
        || measure.startsWith("NEED_CHANGE_")) {
      return MEAN;
    }
    if (measure.startsWith("NEED_SERVED_")) {
      return SHARE;
    }
    if (measure.startsWith("COST")) {
      return EUR;
    }
    if (measure.startsWith("HOURS")) {
      return HOURS;
    }
    if (measure.equals("CLIENT_DAYS")) {
      return DAYS;
    }
    return switch (measure) {
      case "QOL_IMPROVED",
          "QOL_WORSENED",
          "QOL_PAIRED",
          "QOL_COMPLETENESS",
          "NEED_REDUCED",
          "REASSESS_OVERDUE",
          "PLAN_WITHIN_30D",
          "COOPERATION_REACHED",
          "GOAL_ATTAINMENT",
          "BASE_SHARE",
          "NO_BASE_SUPPORT",
          "OCCUPANCY" ->
          SHARE;
      default -> COUNT;
    };
  }
}
