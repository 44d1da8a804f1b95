package ee.ska.iste.reports;

import ee.ska.iste.core.time.Quarter;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the national dashboard (issue 6, point 2; headline first, issue 19): the five national
 * headline figures with their change and trend, every KOV side by side, funnel plots for QOL_CHANGE
 * and QOL_IMPROVED (only flagged KOVs named), every national figure, trends nationally and by
 * county, cost per client against outcome, and places and occupancy per allocation. KOV cells come
 * from {@code outcomes_public} and are hidden exactly where it hides them (its secondary
 * suppression already protects the national totals printed beside them): the dashboard adds no
 * suppression of its own.
 */
final class NationalReport {
  static final List<String> GRID =
      List.of(
          "ACTIVE",
          "NEW",
          "EXIT",
          "QOL_CHANGE",
          "QOL_IMPROVED",
          "NO_BASE_SUPPORT",
          "COST_PER_CLIENT");
  static final List<String> FUNNELS = List.of("QOL_CHANGE", "QOL_IMPROVED");
  private static final int TREND_QUARTERS = 8;

  private final ReportContext ctx;
  private final FigureFormat fmt;
  private final Charts charts;
  private final StatusText statusText;

  /** The quarter's publishable status per KOV (empty without kov_status). */
  private Map<String, PublishedDatabase.KovStatus> statuses = Map.of();

  NationalReport(ReportContext ctx) {
    this.ctx = ctx;
    this.fmt = ctx.format();
    this.charts = new Charts(fmt.locale());
    this.statusText = new StatusText(fmt);
  }

  ReportDocument build(Quarter quarter, String sortMeasure) throws SQLException {
    PublishedDatabase db = ctx.database();
    statuses = db.kovStatuses(quarter);
    String nationStatus =
        db.unitStatus(PublishedDatabase.LEVEL_NATION, PublishedDatabase.NATION, quarter)
            .orElse(null);
    String mark = statusText.titleMark(nationStatus);
    ReportDocument doc =
        new ReportDocument(
            fmt.text("nation.title", quarter.toString()) + mark,
            fmt.text(
                "nation.subtitle",
                quarter.toString(),
                fmt.date(quarter.firstDay()),
                fmt.date(quarter.lastDay()),
                ctx.stampPhrase()),
            fmt.text("nation.title", quarter.toString()) + mark + " · " + ctx.footer());
    Map<String, Figure> now =
        db.figures(PublishedDatabase.LEVEL_NATION, PublishedDatabase.NATION, quarter);
    if (now.isEmpty()) {
      doc.section(null).text(fmt.text("nation.nodata", quarter.toString()));
      return doc;
    }
    Map<String, Figure> before =
        db.figures(PublishedDatabase.LEVEL_NATION, PublishedDatabase.NATION, quarter.previous());
    Map<String, Municipality> kovs = new LinkedHashMap<>();
    db.municipalities().forEach(m -> kovs.put(m.kovCode(), m));
    // The national headline first, then the municipalities compared, then every national figure.
    doc.section(fmt.text("nation.sec.glance"));
    doc.text(fmt.text("nation.glance.intro", quarter.toString()));
    new HeadlineTiles(ctx, charts)
        .write(
            doc,
            Headline.read(
                db,
                ctx.catalogue(),
                PublishedDatabase.LEVEL_NATION,
                PublishedDatabase.NATION,
                quarter),
            true);
    statusSummary(doc, kovs, nationStatus);

    Map<String, Map<String, Figure>> byKov = db.figuresByUnit(PublishedDatabase.LEVEL_KOV, quarter);
    byKov
        .keySet()
        .forEach(k -> kovs.putIfAbsent(k, new Municipality(k, k, null, null, null, null)));
    kovTable(doc, kovs, byKov, now, sortMeasure);
    funnels(doc, quarter, kovs, byKov, now);
    headline(doc, quarter, now, before);
    trends(doc, quarter, kovs);
    costAgainstOutcome(doc, kovs, byKov);
    places(doc, kovs, byKov);
    return doc;
  }

  private void headline(
      ReportDocument doc, Quarter quarter, Map<String, Figure> now, Map<String, Figure> before) {
    doc.section(fmt.text("nation.sec.headline"));
    doc.head(
        fmt.text("col.measure"),
        quarter.toString(),
        quarter.previous().toString(),
        fmt.text("col.change"),
        "");
    for (String m : ordered(now.keySet())) {
      Unit u = ctx.unit(m);
      doc.row(
          ctx.name(m),
          fmt.figureWithInterval(now.get(m), u),
          fmt.figure(before.get(m), u),
          fmt.change(now.get(m), before.get(m), u),
          "");
    }
    doc.note(fmt.text("interval.note"));
  }

  /**
   * How many KOVs are publishable, provisional and withheld, which ones are not publishable, and
   * the national figures' own status (docs/measures.md, "Publishable status").
   */
  private void statusSummary(
      ReportDocument doc, Map<String, Municipality> kovs, String nationStatus) {
    if (statuses.isEmpty()) {
      return;
    }
    doc.section(fmt.text("nation.sec.status"));
    Map<String, List<String>> names = new TreeMap<>();
    for (PublishedDatabase.KovStatus s : statuses.values()) {
      Municipality m = kovs.get(s.kovCode());
      names
          .computeIfAbsent(s.status(), k -> new ArrayList<>())
          .add(m == null ? s.kovCode() : m.displayName());
    }
    names.values().forEach(l -> l.sort(null));
    doc.text(
        fmt.text(
            "nation.status.counts",
            count(names, "PUBLISHABLE"),
            count(names, "PROVISIONAL"),
            count(names, "WITHHELD"),
            nationStatus == null ? "" : statusText.label(nationStatus)));
    for (String st : List.of("PROVISIONAL", "WITHHELD")) {
      if (names.containsKey(st)) {
        doc.text(fmt.text("nation.status.list." + st, String.join(", ", names.get(st))));
      }
    }
    doc.note(fmt.text("nation.status.note"));
  }

  private static String count(Map<String, List<String>> names, String status) {
    return String.valueOf(names.getOrDefault(status, List.of()).size());
  }

  /** The KOV's name in the side-by-side table, with its status when it is not publishable. */
  private String kovLabel(Municipality m) {
    PublishedDatabase.KovStatus s = statuses.get(m.kovCode());
    if (s == null || StatusText.PUBLISHABLE.equals(s.status())) {
      return m.displayName();
    }
    return m.displayName() + " (" + statusText.label(s.status()) + ")";
  }

  private boolean withheld(Municipality m) {
    PublishedDatabase.KovStatus s = statuses.get(m.kovCode());
    return s != null && s.withheld();
  }

  /** Known measures in the order of the KOV report, then the rest by code. */
  static List<String> ordered(Set<String> measures) {
    Set<String> out = new LinkedHashSet<>();
    Stream.of(KovReport.HEADLINE, KovReport.QOL, KovReport.PLANS, KovReport.SERVICES)
        .flatMap(List::stream)
        .filter(measures::contains)
        .forEach(out::add);
    measures.stream().sorted().forEach(out::add);
    return new ArrayList<>(out);
  }

  private void kovTable(
      ReportDocument doc,
      Map<String, Municipality> kovs,
      Map<String, Map<String, Figure>> byKov,
      Map<String, Figure> nation,
      String sortMeasure) {
    doc.section(fmt.text("nation.sec.kovs"));
    List<String> head = new ArrayList<>();
    head.add(fmt.text("col.kov"));
    GRID.forEach(m -> head.add(ctx.name(m)));
    doc.gridHead(head.toArray(String[]::new));
    Comparator<Municipality> byName = Comparator.comparing(Municipality::displayName);
    Comparator<Municipality> order = byName;
    if (sortMeasure != null) {
      Comparator<Municipality> byValue =
          Comparator.comparing(
              (Municipality m) -> shown(byKov.get(m.kovCode()), sortMeasure),
              Comparator.nullsLast(Comparator.reverseOrder()));
      order = byValue.thenComparing(byName);
      doc.note(fmt.text("nation.sorted", ctx.name(sortMeasure)));
    }
    for (Municipality m : kovs.values().stream().sorted(order).toList()) {
      Map<String, Figure> f = byKov.getOrDefault(m.kovCode(), Map.of());
      List<String> cells = new ArrayList<>();
      cells.add(kovLabel(m));
      for (String code : GRID) {
        boolean hide = withheld(m);
        cells.add(hide ? FigureFormat.DASH : fmt.figure(f.get(code), ctx.unit(code)));
      }
      doc.gridRow(cells.toArray(String[]::new));
    }
    List<String> total = new ArrayList<>();
    total.add(fmt.text("col.nation"));
    GRID.forEach(code -> total.add(fmt.figure(nation.get(code), ctx.unit(code))));
    doc.gridHead(total.toArray(String[]::new));
    doc.note(fmt.text("nation.kov.note"));
    doc.note(fmt.text("suppressed.note"));
  }

  private static Double shown(Map<String, Figure> figures, String measure) {
    Figure f = figures == null ? null : figures.get(measure);
    return f == null ? null : f.shown();
  }

  /**
   * The funnel plots: the limits as the measures stage published them ({@code mart_funnel}), the
   * KOVs' points from {@code outcomes_public} (a hidden figure is never a point).
   */
  private void funnels(
      ReportDocument doc,
      Quarter quarter,
      Map<String, Municipality> kovs,
      Map<String, Map<String, Figure>> byKov,
      Map<String, Figure> nation)
      throws SQLException {
    doc.section(fmt.text("nation.sec.funnel"));
    for (String measure : FUNNELS) {
      String name = ctx.name(measure);
      FunnelLimits limits = limits(quarter, measure, nation.get(measure));
      List<Charts.Point> points = new ArrayList<>();
      List<String> above = new ArrayList<>();
      List<String> below = new ArrayList<>();
      byKov.forEach(
          (kov, figures) -> {
            Figure f = figures.get(measure);
            if (limits == null
                || f == null
                || f.shown() == null
                || f.denominator() == null
                || f.denominator() < limits.minN()) {
              return;
            }
            String label = kovs.get(kov).displayName();
            boolean flagged = "ABOVE".equals(f.funnelFlag()) || "BELOW".equals(f.funnelFlag());
            // only the flagged KOVs are named on the plot: the others are in the table above
            points.add(new Charts.Point(flagged ? label : null, f.denominator(), f.shown()));
            if ("ABOVE".equals(f.funnelFlag())) {
              above.add(label);
            } else if ("BELOW".equals(f.funnelFlag())) {
              below.add(label);
            }
          });
      if (limits == null || points.isEmpty()) {
        doc.text(fmt.text("nation.funnel.none", name));
        continue;
      }
      doc.chart(
          charts.funnel(
              name,
              fmt.text("nation.funnel.x"),
              name,
              points,
              limits,
              fmt.text("nation.funnel.target"),
              fmt.text("nation.funnel.l95"),
              fmt.text("nation.funnel.l998")));
      doc.text(fmt.text("nation.funnel.flags", name, join(above), join(below)));
    }
    Optional<Double> minN = ctx.database().threshold("FUNNEL_MIN_N", quarter.lastDay());
    if (minN.isPresent()) {
      doc.note(
          fmt.text(
              "nation.funnel.note",
              BigDecimal.valueOf(minN.get()).stripTrailingZeros().toPlainString()));
    }
  }

  private String join(List<String> names) {
    return names.isEmpty()
        ? fmt.text("nation.none")
        : names.stream().sorted().collect(Collectors.joining(", "));
  }

  /**
   * The published funnel of a measure, or null when there is none or the national figure it is
   * centred on is not shown.
   */
  private FunnelLimits limits(Quarter quarter, String measure, Figure nation) throws SQLException {
    if (nation == null || nation.shown() == null) {
      return null;
    }
    return ctx.database().funnel(quarter, measure, ctx.unit(measure) == Unit.SHARE).orElse(null);
  }

  private void trends(ReportDocument doc, Quarter quarter, Map<String, Municipality> kovs)
      throws SQLException {
    PublishedDatabase db = ctx.database();
    Quarter first = quarter;
    for (int i = 1; i < TREND_QUARTERS; i++) {
      first = first.previous();
    }
    List<Quarter> quarters = Quarter.range(first, quarter);
    List<String> labels = quarters.stream().map(Quarter::toString).toList();
    doc.section(fmt.text("nation.sec.trend"));
    for (String measure : List.of("ACTIVE", "QOL_CHANGE")) {
      Map<String, Double> nation =
          Figure.shownSeries(
              db.series(
                  PublishedDatabase.LEVEL_NATION, PublishedDatabase.NATION, measure, quarters));
      if (nation.isEmpty()) {
        continue;
      }
      Map<String, Map<String, Double>> series = new LinkedHashMap<>();
      series.put(fmt.text("kov.trend.nation"), nation);
      doc.chart(
          charts.lines(
              ctx.name(measure) + " · " + fmt.text("col.nation"),
              "",
              labels,
              series,
              ctx.unit(measure).isCount()));
    }
    Map<String, String> counties = new TreeMap<>();
    kovs.values().stream()
        .filter(m -> m.countyCode() != null)
        .forEach(
            m -> counties.putIfAbsent(m.countyCode(), ctx.county(m.countyCode(), m.countyName())));
    Map<String, Map<String, Double>> byCounty = new TreeMap<>();
    for (Map.Entry<String, String> c : counties.entrySet()) {
      Map<String, Double> s =
          Figure.shownSeries(
              db.series(PublishedDatabase.LEVEL_COUNTY, c.getKey(), "ACTIVE", quarters));
      if (!s.isEmpty()) {
        byCounty.put(c.getValue(), s);
      }
    }
    if (!byCounty.isEmpty()) {
      doc.chart(
          charts.lines(
              ctx.name("ACTIVE") + " · " + fmt.text("col.county"), "", labels, byCounty, true));
    }
    doc.note(fmt.text("chart.suppressed.note"));
  }

  private void costAgainstOutcome(
      ReportDocument doc, Map<String, Municipality> kovs, Map<String, Map<String, Figure>> byKov) {
    doc.section(fmt.text("nation.sec.cost"));
    List<Charts.Point> points = new ArrayList<>();
    byKov.forEach(
        (kov, f) -> {
          Double cost = shown(f, "COST_PER_CLIENT");
          Double change = shown(f, "QOL_CHANGE");
          if (cost != null && change != null) {
            points.add(new Charts.Point(kovs.get(kov).displayName(), cost, change));
          }
        });
    if (points.isEmpty()) {
      doc.text(fmt.text("nation.cost.none"));
      return;
    }
    doc.chart(
        charts.scatter(
            ctx.name("COST_PER_CLIENT") + " / " + ctx.name("QOL_CHANGE"),
            ctx.name("COST_PER_CLIENT"),
            ctx.name("QOL_CHANGE"),
            points));
  }

  private void places(
      ReportDocument doc, Map<String, Municipality> kovs, Map<String, Map<String, Figure>> byKov) {
    doc.section(fmt.text("nation.sec.places"));
    doc.gridHead(
        fmt.text("col.kov"),
        fmt.text("nation.places.allocation"),
        "",
        "",
        fmt.text("nation.places.places"),
        ctx.name("OCCUPANCY"),
        ctx.name("ACTIVE"),
        "");
    Map<String, List<Municipality>> byAllocation = new TreeMap<>();
    kovs.values().stream()
        .filter(m -> m.allocationId() != null)
        .forEach(
            m -> byAllocation.computeIfAbsent(m.allocationId(), k -> new ArrayList<>()).add(m));
    for (Map.Entry<String, List<Municipality>> a : byAllocation.entrySet()) {
      List<Municipality> members = a.getValue();
      Municipality first = members.get(0);
      Map<String, Figure> f = byKov.getOrDefault(first.kovCode(), Map.of());
      String names =
          members.stream().map(Municipality::displayName).collect(Collectors.joining(" + "));
      List<String> active = new ArrayList<>();
      for (Municipality m : members) {
        active.add(fmt.figure(byKov.getOrDefault(m.kovCode(), Map.of()).get("ACTIVE"), Unit.COUNT));
      }
      doc.gridRow(
          names,
          a.getKey(),
          "",
          "",
          first.places() == null ? FigureFormat.MISSING : fmt.number(first.places(), 0),
          fmt.figure(f.get("OCCUPANCY"), ctx.unit("OCCUPANCY")),
          String.join(" + ", active),
          "");
    }
  }
}
