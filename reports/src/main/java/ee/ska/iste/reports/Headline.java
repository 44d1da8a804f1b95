package ee.ska.iste.reports;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The five headline figures of a KOV, a county or the nation in a quarter, as the first page of its
 * report shows them: active cases, mean QoL change, share whose QoL reliably improved, share whose
 * need was reduced, cost per case. Each comes with the figure of the quarter before, the change
 * between them (only when both are shown: a difference could give a hidden figure away), the
 * national figure of the same quarter and a trend of the last {@value #TREND_QUARTERS} quarters.
 * Everything is read from {@code outcomes_public}: a hidden figure is {@link Value#hidden()} and
 * carries no value, and a hidden point of the trend is a gap. Names, units and direction come from
 * the catalogue {@code ref_measure}. Immutable.
 *
 * <pre>{@code
 * Headline h = Headline.read(databaseFile, Headline.LEVEL_KOV, "0793", Quarter.parse("2024Q4"));
 * }</pre>
 *
 * @param level {@link #LEVEL_KOV}, {@link #LEVEL_COUNTY} or {@link #LEVEL_NATION}
 * @param unitCode the KOV's EHAK code, the county's code, or {@link #NATION}
 * @param items the five figures in the order of {@link #MEASURES}
 */
public record Headline(String level, String unitCode, Quarter quarter, List<Item> items) {
  /** Level codes of {@code outcomes_public}. */
  public static final String LEVEL_KOV = PublishedDatabase.LEVEL_KOV;

  public static final String LEVEL_COUNTY = PublishedDatabase.LEVEL_COUNTY;
  public static final String LEVEL_NATION = PublishedDatabase.LEVEL_NATION;

  /** The unit code of the nation. */
  public static final String NATION = PublishedDatabase.NATION;

  /** The five headline measures, in the order they are shown. */
  public static final List<String> MEASURES =
      List.of("ACTIVE", "QOL_CHANGE", "QOL_IMPROVED", "NEED_REDUCED", "COST_PER_CLIENT");

  /** How many quarters the trend covers, the headline's own quarter last. */
  public static final int TREND_QUARTERS = 8;

  public Headline {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(unitCode, "unitCode");
    Objects.requireNonNull(quarter, "quarter");
    items = List.copyOf(items);
  }

  /**
   * A figure as it may be shown: {@code value} and the interval are null when the figure is hidden
   * by disclosure control ({@code hidden}) or when there is no row at all ({@code missing}).
   */
  public record Value(Double value, Double ciLow, Double ciHigh, boolean hidden, boolean missing) {
    public Value {
      if (hidden || missing) {
        value = null;
        ciLow = null;
        ciHigh = null;
      }
    }

    static final Value MISSING = new Value(null, null, null, false, true);

    static Value of(Figure f) {
      if (f == null) {
        return MISSING;
      }
      boolean hidden = f.suppressed() || f.value() == null;
      return new Value(f.value(), f.ciLow(), f.ciHigh(), hidden, false);
    }

    /** Whether a number may be printed. */
    public boolean shown() {
      return value != null;
    }
  }

  /** One point of a trend: a quarter and its shown value, null when hidden or missing (a gap). */
  public record Point(Quarter quarter, Double value) {}

  /**
   * One headline figure.
   *
   * @param unit the {@code unit} column of {@code ref_measure} in lower case ({@code count}, {@code
   *     share} 0..1, {@code mean}, {@code eur}, …)
   * @param higherIsBetter from the catalogue; null when it does not say
   * @param change now − previous, only when both are shown; else null
   * @param trend {@value #TREND_QUARTERS} quarters, oldest first, gaps as null values
   */
  public record Item(
      String measure,
      String nameEt,
      String nameEn,
      String unit,
      Boolean higherIsBetter,
      Value now,
      Value previous,
      Double change,
      Value nation,
      List<Point> trend) {
    public Item {
      trend = List.copyOf(trend);
    }

    /** The name in a language ({@code et} or {@code en}); the code when the catalogue has none. */
    public String name(String language) {
      String n = "en".equals(language) ? nameEn : nameEt;
      return n == null || n.isBlank() ? measure : n;
    }
  }

  /** Reads the headline from a published DuckDB file, opened read-only and closed again. */
  public static Headline read(Path database, String level, String unitCode, Quarter quarter) {
    try (PublishedDatabase db = PublishedDatabase.open(database)) {
      return read(db, level, unitCode, quarter);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the headline figures: " + e.getMessage(), e);
    }
  }

  /** Reads the headline over an open connection to a published database (left open). */
  public static Headline read(Connection connection, String level, String unitCode, Quarter q) {
    try {
      return read(PublishedDatabase.over(connection), level, unitCode, q);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the headline figures: " + e.getMessage(), e);
    }
  }

  static Headline read(PublishedDatabase db, String level, String unitCode, Quarter quarter)
      throws SQLException {
    return read(db, db.catalogue(), level, unitCode, quarter);
  }

  static Headline read(
      PublishedDatabase db,
      Map<String, MeasureInfo> catalogue,
      String level,
      String unitCode,
      Quarter quarter)
      throws SQLException {
    Map<String, Figure> now = db.figures(level, unitCode, quarter);
    Map<String, Figure> before = db.figures(level, unitCode, quarter.previous());
    Map<String, Figure> nation = db.figures(LEVEL_NATION, NATION, quarter);
    List<Quarter> quarters = trendQuarters(quarter);
    List<Item> items = new ArrayList<>();
    for (String m : MEASURES) {
      MeasureInfo info = catalogue.getOrDefault(m, MeasureInfo.guessed(m));
      Value v = Value.of(now.get(m));
      Value p = Value.of(before.get(m));
      Double change = v.shown() && p.shown() ? v.value() - p.value() : null;
      Map<Quarter, Figure> series = db.series(level, unitCode, m, quarters);
      List<Point> trend = new ArrayList<>();
      for (Quarter q : quarters) {
        Figure f = series.get(q);
        trend.add(new Point(q, f == null ? null : f.shown()));
      }
      items.add(
          new Item(
              m,
              info.nameEt(),
              info.nameEn(),
              info.unit().name().toLowerCase(java.util.Locale.ROOT),
              info.higherIsBetter(),
              v,
              p,
              change,
              Value.of(nation.get(m)),
              trend));
    }
    return new Headline(level, unitCode, quarter, items);
  }

  /** The {@value #TREND_QUARTERS} quarters ending with {@code last}, oldest first. */
  static List<Quarter> trendQuarters(Quarter last) {
    Quarter first = last;
    for (int i = 1; i < TREND_QUARTERS; i++) {
      first = first.previous();
    }
    return Quarter.range(first, last);
  }

  /** The figure of a measure of {@link #MEASURES}. */
  public Item item(String measure) {
    return items.stream()
        .filter(i -> i.measure().equals(measure))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a headline measure: " + measure));
  }
}
