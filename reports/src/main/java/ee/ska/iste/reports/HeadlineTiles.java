package ee.ska.iste.reports;

import java.util.List;

/**
 * Writes a {@link Headline} as the first section of a report: one tile per figure with its value
 * and interval, the change since the quarter before, the national figure (or, in the national
 * report, the figure of the quarter before) and a sparkline of the last quarters. A hidden figure
 * prints as "—" and is a gap in its sparkline, as everywhere in the reports.
 */
final class HeadlineTiles {
  private final ReportContext ctx;
  private final FigureFormat fmt;
  private final Charts charts;

  HeadlineTiles(ReportContext ctx, Charts charts) {
    this.ctx = ctx;
    this.fmt = ctx.format();
    this.charts = charts;
  }

  /**
   * @param national whether the headline is the nation's own (no "national figure" beside it)
   */
  void write(ReportDocument doc, Headline headline, boolean national) {
    List<Headline.Point> trend = headline.items().get(0).trend();
    String span =
        trend.isEmpty()
            ? ""
            : fmt.text(
                "headline.trend",
                trend.get(0).quarter().toString(),
                trend.get(trend.size() - 1).quarter().toString());
    String previous = headline.quarter().previous().toString();
    boolean hidden = false;
    for (Headline.Item item : headline.items()) {
      Unit unit = ctx.unit(item.measure());
      Figure now = figure(item.measure(), item.now());
      hidden |= item.now().hidden() || item.previous().hidden() || item.nation().hidden();
      String interval = fmt.interval(now, unit);
      String change =
          item.change() != null
              ? fmt.difference(item.change(), unit)
              : item.now().missing() || item.previous().missing()
                  ? FigureFormat.MISSING
                  : FigureFormat.DASH;
      String comparison =
          national
              ? fmt.text(
                  "headline.previous",
                  previous,
                  fmt.figure(figure(item.measure(), item.previous()), unit))
              : fmt.text(
                  "headline.nation", fmt.figure(figure(item.measure(), item.nation()), unit));
      List<Double> points = item.trend().stream().map(Headline.Point::value).toList();
      long shown = points.stream().filter(v -> v != null).count();
      doc.tile(
          shown >= 2 ? charts.sparkline(points) : null,
          ctx.name(item.measure()),
          fmt.figure(now, unit),
          interval.isEmpty() ? "" : fmt.text("headline.interval", interval),
          fmt.text("headline.change", previous, change),
          comparison,
          shown >= 2 ? span : fmt.text("headline.trend.none"));
    }
    if (hidden) {
      doc.note(fmt.text("suppressed.note"));
    }
  }

  /** The headline's value as a figure for {@link FigureFormat}: null when there is no row. */
  private static Figure figure(String measure, Headline.Value v) {
    return v.missing()
        ? null
        : new Figure(measure, v.value(), null, null, v.ciLow(), v.ciHigh(), null, v.hidden());
  }
}
