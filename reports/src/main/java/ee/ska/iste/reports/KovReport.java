package ee.ska.iste.reports;

import ee.ska.iste.core.time.Quarter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the content of one KOV's quarterly report (issue 6, point 1). */
final class KovReport {
  static final List<String> HEADLINE = List.of("ACTIVE", "NEW", "EXIT", "QOL_N", "QOL_CHANGE");
  static final List<String> QOL = List.of("QOL_IMPROVED", "QOL_WORSENED", "QOL_COMPLETENESS");
  static final List<String> PLANS =
      List.of(
          "PLAN_WITHIN_30D",
          "REASSESS_OVERDUE",
          "NEED_REDUCED",
          "COOPERATION_REACHED",
          "GOAL_ATTAINMENT");
  static final List<String> SERVICES =
      List.of(
          "HOURS",
          "HOURS_PER_CLIENT",
          "BASE_SHARE",
          "NO_BASE_SUPPORT",
          "COST",
          "COST_PER_CLIENT",
          "CAP_EXCEEDED",
          "CLIENT_DAYS",
          "OCCUPANCY");
  private static final int TREND_QUARTERS = 8;

  private final ReportContext ctx;
  private final FigureFormat fmt;
  private final Charts charts;
  private final StatusText statusText;

  KovReport(ReportContext ctx) {
    this.ctx = ctx;
    this.fmt = ctx.format();
    this.charts = new Charts(fmt.locale());
    this.statusText = new StatusText(fmt);
  }

  ReportDocument build(Municipality kov, Quarter quarter) throws SQLException {
    PublishedDatabase db = ctx.database();
    String name = kov.displayName();
    String county = ctx.county(kov.countyCode(), kov.countyName());
    PublishedDatabase.KovStatus status = db.kovStatuses(quarter).get(kov.kovCode());
    String mark = statusText.titleMark(status == null ? null : status.status());
    ReportDocument doc =
        new ReportDocument(
            fmt.text("kov.title", name) + mark,
            fmt.text(
                "kov.subtitle",
                name,
                county,
                quarter.toString(),
                fmt.date(quarter.firstDay()),
                fmt.date(quarter.lastDay()),
                ctx.stampPhrase()),
            name + " · " + quarter + mark + " · " + ctx.footer());
    if (status != null) {
      statusSection(doc, name, quarter, status);
      if (status.withheld()) {
        // A withheld quarter shows none of the KOV's figures: only why, and its data quality.
        dataQuality(doc, kov, quarter);
        return doc;
      }
    }
    Map<String, Figure> now = db.figures(PublishedDatabase.LEVEL_KOV, kov.kovCode(), quarter);
    if (now.isEmpty()) {
      doc.section(fmt.text("kov.nodata.title"))
          .text(fmt.text("kov.nodata", name, quarter.toString()));
      dataQuality(doc, kov, quarter);
      return doc;
    }
    Map<String, Figure> before =
        db.figures(PublishedDatabase.LEVEL_KOV, kov.kovCode(), quarter.previous());
    Map<String, Figure> nation =
        db.figures(PublishedDatabase.LEVEL_NATION, PublishedDatabase.NATION, quarter);

    // Page 1: the quarter at a glance, then how the KOV's QoL compares; the details after.
    doc.section(fmt.text("kov.sec.glance"));
    doc.text(fmt.text("kov.glance.intro", quarter.toString()));
    new HeadlineTiles(ctx, charts)
        .write(
            doc,
            Headline.read(db, ctx.catalogue(), PublishedDatabase.LEVEL_KOV, kov.kovCode(), quarter),
            false);

    doc.section(fmt.text("kov.sec.funnel"));
    funnelWords(doc, now, nation);
    doc.pageBreak();

    doc.section(fmt.text("kov.sec.headline"));
    table(doc, quarter, HEADLINE, now, before, nation, true);
    doc.note(fmt.text("interval.note"));

    doc.section(fmt.text("kov.sec.trend"));
    trend(doc, kov, quarter);

    optionalTable(doc, "kov.sec.qol", quarter, QOL, now, before, nation);
    needByDomain(doc, now, nation);
    optionalTable(doc, "kov.sec.plans", quarter, PLANS, now, before, nation);
    optionalTable(doc, "kov.sec.services", quarter, SERVICES, now, before, nation);
    List<String> exits = now.keySet().stream().filter(m -> m.startsWith("EXIT_")).sorted().toList();
    optionalTable(doc, "kov.sec.exits", quarter, exits, now, before, nation);

    dataQuality(doc, kov, quarter);
    return doc;
  }

  /** Page 1, first: the publishable status in plain words, with its reasons. */
  private void statusSection(
      ReportDocument doc, String name, Quarter quarter, PublishedDatabase.KovStatus status) {
    doc.section(fmt.text("kov.status.title"));
    String key = "kov.status." + status.status();
    doc.text(
        fmt.hasText(key)
            ? fmt.text(key, name, quarter.toString(), statusText.reasons(status.reasons()))
            : statusText.label(status.status()));
  }

  private void optionalTable(
      ReportDocument doc,
      String titleKey,
      Quarter q,
      List<String> measures,
      Map<String, Figure> now,
      Map<String, Figure> before,
      Map<String, Figure> nation) {
    if (measures.stream().noneMatch(m -> now.containsKey(m) || nation.containsKey(m))) {
      return;
    }
    doc.section(fmt.text(titleKey));
    table(doc, q, measures, now, before, nation, false);
  }

  private void table(
      ReportDocument doc,
      Quarter q,
      List<String> measures,
      Map<String, Figure> now,
      Map<String, Figure> before,
      Map<String, Figure> nation,
      boolean keepMissing) {
    boolean hidden = false;
    doc.head(
        fmt.text("col.measure"),
        q.toString(),
        q.previous().toString(),
        fmt.text("col.change"),
        fmt.text("col.nation"));
    for (String m : measures) {
      Figure f = now.get(m);
      Figure b = before.get(m);
      Figure n = nation.get(m);
      if (!keepMissing && f == null && n == null) {
        continue;
      }
      Unit u = ctx.unit(m);
      hidden |= (f != null && f.suppressed()) || (b != null && b.suppressed());
      doc.row(
          ctx.name(m),
          fmt.figureWithInterval(f, u),
          fmt.figure(b, u),
          fmt.change(f, b, u),
          fmt.figureWithInterval(n, u));
    }
    if (hidden) {
      doc.note(fmt.text("suppressed.note"));
    }
  }

  private void funnelWords(
      ReportDocument doc, Map<String, Figure> now, Map<String, Figure> nation) {
    Figure change = now.get("QOL_CHANGE");
    if (change == null) {
      doc.text(fmt.text("kov.qol.none"));
      return;
    }
    for (String m : List.of("QOL_CHANGE", "QOL_IMPROVED")) {
      Figure f = now.get(m);
      if (f == null) {
        continue;
      }
      Unit u = ctx.unit(m);
      String label = ctx.name(m);
      if (f.suppressed()) {
        doc.text(fmt.text("kov.funnel.small", label));
        continue;
      }
      String flag = f.funnelFlag();
      Figure n = nation.get(m);
      if (flag == null || n == null) {
        doc.text(fmt.text("kov.funnel.none", label, fmt.figure(f, u)));
      } else {
        doc.text(fmt.text("kov.funnel." + flag, label, fmt.figure(f, u), fmt.figure(n, u)));
      }
    }
  }

  private void trend(ReportDocument doc, Municipality kov, Quarter quarter) throws SQLException {
    List<Quarter> quarters = new ArrayList<>();
    Quarter first = quarter;
    for (int i = 1; i < TREND_QUARTERS; i++) {
      first = first.previous();
    }
    quarters.addAll(Quarter.range(first, quarter));
    List<String> labels = quarters.stream().map(Quarter::toString).toList();
    PublishedDatabase db = ctx.database();

    Map<String, Map<String, Double>> active = new LinkedHashMap<>();
    active.put(
        fmt.text("kov.trend.kov"),
        Figure.shownSeries(
            db.series(PublishedDatabase.LEVEL_KOV, kov.kovCode(), "ACTIVE", quarters)));
    doc.chart(
        charts.lines(ctx.name("ACTIVE") + " · " + kov.displayName(), "", labels, active, true));

    Map<String, Double> qolKov =
        Figure.shownSeries(
            db.series(PublishedDatabase.LEVEL_KOV, kov.kovCode(), "QOL_CHANGE", quarters));
    if (!qolKov.isEmpty()) {
      Map<String, Map<String, Double>> qol = new LinkedHashMap<>();
      qol.put(fmt.text("kov.trend.kov"), qolKov);
      qol.put(
          fmt.text("kov.trend.nation"),
          Figure.shownSeries(
              db.series(
                  PublishedDatabase.LEVEL_NATION,
                  PublishedDatabase.NATION,
                  "QOL_CHANGE",
                  quarters)));
      doc.chart(charts.lines(ctx.name("QOL_CHANGE"), "", labels, qol, false));
    }
    doc.note(fmt.text("chart.suppressed.note"));
  }

  /**
   * The change of need per life domain, then the needs → services → outcome figures in a table of
   * their own: per domain, the share whose need was met by a service, and the change of need of
   * those served and of those not served.
   */
  private void needByDomain(
      ReportDocument doc, Map<String, Figure> now, Map<String, Figure> nation) {
    List<String> domains = domains(now, nation);
    if (domains.stream().noneMatch(d -> now.containsKey(NEED_CHANGE + d))) {
      return;
    }
    doc.section(fmt.text("kov.sec.need"));
    Map<String, Double> bars = new LinkedHashMap<>();
    boolean hidden = false;
    doc.head(fmt.text("col.domain"), fmt.text("col.kovvalue"), "", "", fmt.text("col.nation"));
    for (String d : domains) {
      Figure f = now.get(NEED_CHANGE + d);
      Figure n = nation.get(NEED_CHANGE + d);
      if (f == null && n == null) {
        continue;
      }
      String label = ctx.domain(d);
      if (f != null && f.shown() != null) {
        bars.put(label, f.shown());
      }
      hidden |= f != null && f.suppressed();
      doc.row(label, fmt.figure(f, Unit.MEAN), "", "", fmt.figure(n, Unit.MEAN));
    }
    if (hidden) {
      doc.note(fmt.text("suppressed.note"));
    }
    if (!bars.isEmpty()) {
      doc.chart(charts.bars(fmt.text("kov.sec.need"), fmt.text("kov.need.axis"), bars));
    }
    needServed(doc, domains, now, nation);
  }

  private static final String NEED_CHANGE = "NEED_CHANGE_";
  private static final List<String> SERVED_MEASURES =
      List.of("NEED_SERVED_", "NEED_CHANGE_SERVED_", "NEED_CHANGE_UNSERVED_");

  private void needServed(
      ReportDocument doc,
      List<String> domains,
      Map<String, Figure> now,
      Map<String, Figure> nation) {
    List<String> rows =
        domains.stream()
            .filter(
                d ->
                    SERVED_MEASURES.stream()
                        .anyMatch(p -> now.containsKey(p + d) || nation.containsKey(p + d)))
            .toList();
    if (rows.isEmpty()) {
      return;
    }
    doc.section(fmt.text("kov.sec.served"));
    doc.text(fmt.text("kov.served.intro"));
    doc.gridHead(
        fmt.text("col.domain"),
        fmt.text("served.col.share"),
        fmt.text("served.col.served"),
        fmt.text("served.col.unserved"),
        fmt.text("served.col.share.nation"),
        fmt.text("served.col.served.nation"),
        fmt.text("served.col.unserved.nation"),
        "");
    boolean hidden = false;
    for (String d : rows) {
      String[] cells = new String[8];
      cells[0] = ctx.domain(d);
      for (int i = 0; i < SERVED_MEASURES.size(); i++) {
        String m = SERVED_MEASURES.get(i) + d;
        Unit u = ctx.unit(m);
        Figure f = now.get(m);
        hidden |= f != null && f.suppressed();
        cells[1 + i] = fmt.figure(f, u);
        cells[4 + i] = fmt.figure(nation.get(m), u);
      }
      cells[7] = "";
      doc.gridRow(cells);
    }
    if (hidden) {
      doc.note(fmt.text("suppressed.note"));
    }
  }

  /**
   * The life domains in the order of {@code ref_domains}; without it, the domains the figures name
   * (a {@code NEED_CHANGE_SERVED_x} is a figure of domain x, not a domain of its own).
   */
  private List<String> domains(Map<String, Figure> now, Map<String, Figure> nation) {
    if (!ctx.domainNames().isEmpty()) {
      return List.copyOf(ctx.domainNames().keySet());
    }
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (String m :
        java.util.stream.Stream.concat(now.keySet().stream(), nation.keySet().stream()).toList()) {
      if (m.startsWith(NEED_CHANGE)) {
        String d = m.substring(NEED_CHANGE.length());
        for (String prefix : List.of("SERVED_", "UNSERVED_")) {
          if (d.startsWith(prefix)) {
            d = d.substring(prefix.length());
          }
        }
        out.add(d);
      }
    }
    return List.copyOf(out);
  }

  private void dataQuality(ReportDocument doc, Municipality kov, Quarter quarter)
      throws SQLException {
    PublishedDatabase db = ctx.database();
    doc.section(fmt.text("kov.sec.dq"));
    if (!db.has("stg_submission")) {
      doc.text(fmt.text("kov.dq.none"));
      return;
    }
    PublishedDatabase.Submission s = db.submissions(quarter).get(kov.kovCode());
    if (s == null) {
      doc.text(fmt.text("kov.dq.nosubmission", quarter.toString()));
      return;
    }
    boolean onTime =
        s.submittedOn() != null && !s.submittedOn().isAfter(quarter.lastDay().plusDays(30));
    doc.text(
        fmt.text(
            "kov.dq.submitted",
            fmt.date(s.submittedOn()),
            fmt.text(onTime ? "ontime" : "late"),
            fmt.hasText("status." + s.status()) ? fmt.text("status." + s.status()) : s.status()));
    doc.text(
        fmt.text(
            "kov.dq.rows",
            fmt.number(s.rowsRead(), 0),
            fmt.number(s.rowsAccepted(), 0),
            fmt.number(s.rowsRejected(), 0)));
    Map<String, Long> reasons = db.rejectsByReason(quarter, kov.kovCode());
    if (reasons.isEmpty()) {
      doc.text(fmt.text("kov.dq.noreject"));
      return;
    }
    doc.text(fmt.text("kov.dq.rejects"));
    reasons.forEach((r, n) -> doc.row(fmt.reason(r), fmt.number(n, 0), "", "", ""));
  }
}
