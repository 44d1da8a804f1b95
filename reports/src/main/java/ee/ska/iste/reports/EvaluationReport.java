package ee.ska.iste.reports;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.reports.PublishedDatabase.ModelTerm;
import ee.ska.iste.reports.PublishedDatabase.ProjectionFigure;
import ee.ska.iste.reports.PublishedDatabase.TrajectoryBand;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.sf.jasperreports.renderers.Renderable;

/**
 * Builds the evaluation report (issue 18, point 5; measures.md "Evaluation"): the headline answers,
 * the KOVs raw, case-mix adjusted and shrunken side by side with their rank intervals, the
 * trajectories since entry, attrition, the rollout projection and a methods page. It reads only
 * what the measures stage published: KOV figures from {@code outcomes_public} (a hidden figure is
 * neither printed nor drawn, and a KOV whose shrunken adjusted figure is hidden is left out and
 * counted), the unsuppressed rows of {@code mart_trajectory}, {@code mart_projection} and {@code
 * mart_casemix_model}. A table that a warehouse published before this report lacks, or that is
 * empty for the quarter, makes its section one line that says so.
 */
final class EvaluationReport {
  static final String QOL_CHANGE = "QOL_CHANGE";
  static final String QOL_ADJ = "QOL_CHANGE_ADJ";
  static final String QOL_EB = "QOL_CHANGE_EB";
  static final String QOL_ADJ_EB = "QOL_CHANGE_ADJ_EB";
  static final String QOL_ADJ_EB_RANK = "QOL_CHANGE_ADJ_EB_RANK";
  static final List<String> SCENARIOS = List.of("NATIONAL", "P10", "P90");
  static final List<String> PROJECTED = List.of("PLACES", "CLIENTS", "ENTRIES", "COST_EUR");
  static final String EXAMPLE_SOURCE = "EXAMPLE";
  private static final int TALL_CHART_ROWS = 12;
  static final List<String> COVARIATES =
      List.of(
          "INTERCEPT",
          "BASELINE_SCORE",
          "AGE_BAND",
          "SEX",
          "DIAGNOSIS_GROUP",
          "SEVERITY",
          "ENTRY_ROUTE");

  /** The reference table that names the levels of a categorical covariate. */
  private static final Map<String, String> LEVEL_NAMES =
      Map.of(
          "AGE_BAND", "ref_age_bands",
          "DIAGNOSIS_GROUP", "ref_diagnosis_groups",
          "SEVERITY", "ref_severities",
          "ENTRY_ROUTE", "ref_entry_routes");

  private final ReportContext ctx;
  private final FigureFormat fmt;
  private final Charts charts;

  EvaluationReport(ReportContext ctx) {
    this.ctx = ctx;
    this.fmt = ctx.format();
    this.charts = new Charts(fmt.locale());
  }

  ReportDocument build(Quarter quarter) throws SQLException {
    PublishedDatabase db = ctx.database();
    String title = fmt.text("eval.title", quarter.toString());
    ReportDocument doc =
        new ReportDocument(
            title,
            fmt.text(
                "nation.subtitle",
                quarter.toString(),
                fmt.date(quarter.firstDay()),
                fmt.date(quarter.lastDay()),
                ctx.stampPhrase()),
            title + " · " + ctx.footer());
    Map<String, Figure> nation =
        db.figures(PublishedDatabase.LEVEL_NATION, PublishedDatabase.NATION, quarter);
    if (nation.isEmpty()) {
      doc.section(null).text(fmt.text("nation.nodata", quarter.toString()));
      return doc;
    }
    headline(doc, nation);
    kovComparison(doc, quarter, nation);
    trajectories(doc, quarter);
    attrition(doc, nation);
    projection(doc, quarter);
    methods(doc, quarter);
    return doc;
  }

  // ---- a. headline answers ----------------------------------------------------------------------

  private void headline(ReportDocument doc, Map<String, Figure> nation) {
    doc.section(fmt.text("eval.sec.headline"));
    Figure change = nation.get(QOL_CHANGE);
    if (shown(change)) {
      Figure n = nation.get("QOL_N");
      String count =
          shown(n)
              ? fmt.value(n.value(), Unit.COUNT)
              : change.denominator() == null
                  ? FigureFormat.MISSING
                  : fmt.value(change.denominator(), Unit.COUNT);
      doc.text(
          fmt.text(
              "eval.headline.QOL_CHANGE", signed(change.value()), interval(change, true), count));
    } else {
      doc.text(fmt.text("eval.headline.none", ctx.name(QOL_CHANGE)));
    }
    for (String m : List.of("QOL_IMPROVED", "QOL_WORSENED", "NEED_REDUCED")) {
      Figure f = nation.get(m);
      doc.text(
          shown(f)
              ? fmt.text("eval.headline." + m, fmt.value(f.value(), Unit.SHARE), interval(f, false))
              : fmt.text("eval.headline.none", ctx.name(m)));
    }
    Figure cost = nation.get("COST_PER_CLIENT_DAY");
    doc.text(
        shown(cost)
            ? fmt.text("eval.headline.COST_PER_CLIENT_DAY", euros(cost.value(), 2))
            : fmt.text("eval.headline.none", ctx.name("COST_PER_CLIENT_DAY")));
    doc.note(fmt.text("eval.headline.note"));
  }

  /** " (95% interval a to b)" in the figure's unit, or "" when it has none. */
  private String interval(Figure f, boolean signed) {
    if (f.ciLow() == null || f.ciHigh() == null) {
      return "";
    }
    Unit u = ctx.unit(f.measure());
    return fmt.text(
        "eval.interval",
        signed ? signed(f.ciLow()) : fmt.value(f.ciLow(), u),
        signed ? signed(f.ciHigh()) : fmt.value(f.ciHigh(), u));
  }

  /** A change with its sign: +4,2, −1,5, 0,0. */
  private String signed(double v) {
    String body = fmt.number(Math.abs(v), 1);
    boolean zero = body.matches("0([.,]0)?");
    return zero ? body : (v > 0 ? "+" : "−") + body;
  }

  private String euros(double v, int decimals) {
    return fmt.number(v, decimals) + " €";
  }

  private static boolean shown(Figure f) {
    return f != null && f.shown() != null;
  }

  // ---- b. KOV comparison ------------------------------------------------------------------------

  /** A KOV with its shown figures of the comparison. */
  private record KovRow(Municipality kov, Map<String, Figure> figures) {
    Figure get(String measure) {
      return figures.get(measure);
    }

    double shrunkenAdjusted() {
      return figures.get(QOL_ADJ_EB).shown();
    }
  }

  private void kovComparison(ReportDocument doc, Quarter quarter, Map<String, Figure> nation)
      throws SQLException {
    PublishedDatabase db = ctx.database();
    doc.section(fmt.text("eval.sec.kovs"));
    Map<String, Municipality> kovs = new LinkedHashMap<>();
    db.municipalities().forEach(m -> kovs.put(m.kovCode(), m));
    Map<String, PublishedDatabase.KovStatus> statuses = db.kovStatuses(quarter);
    Map<String, Map<String, Figure>> byKov = db.figuresByUnit(PublishedDatabase.LEVEL_KOV, quarter);
    List<KovRow> rows = new ArrayList<>();
    int small = 0;
    int withheld = 0;
    for (Map.Entry<String, Map<String, Figure>> e : byKov.entrySet()) {
      Map<String, Figure> f = e.getValue();
      if (!f.containsKey(QOL_CHANGE) && !f.containsKey(QOL_ADJ_EB)) {
        continue; // no QoL change in the quarter: nothing to compare, nothing hidden
      }
      PublishedDatabase.KovStatus status = statuses.get(e.getKey());
      if (status != null && status.withheld()) {
        withheld++;
      } else if (!shown(f.get(QOL_ADJ_EB))) {
        small++;
      } else {
        Municipality m =
            kovs.getOrDefault(
                e.getKey(), new Municipality(e.getKey(), e.getKey(), null, null, null, null));
        rows.add(new KovRow(m, f));
      }
    }
    if (rows.isEmpty()) {
      doc.text(fmt.text(hasAdjusted(byKov) ? "eval.kovs.none" : "eval.kovs.missing"));
      doc.text(fmt.text("eval.kovs.small", small));
      if (withheld > 0) {
        doc.text(fmt.text("eval.kovs.withheld", withheld));
      }
      return;
    }
    // highest shrunken adjusted estimate first; ties by name and code (a total order)
    Comparator<KovRow> order =
        Comparator.comparingDouble(KovRow::shrunkenAdjusted)
            .reversed()
            .thenComparing(r -> r.kov().displayName())
            .thenComparing(r -> r.kov().kovCode());
    rows.sort(order);
    doc.text(fmt.text("eval.kovs.intro"));
    caterpillar(doc, rows, nation.get(QOL_CHANGE));
    kovTable(doc, rows);
    doc.text(fmt.text("eval.kovs.small", small));
    if (withheld > 0) {
      doc.text(fmt.text("eval.kovs.withheld", withheld));
    }
    doc.note(fmt.text("eval.kovs.note"));
  }

  private static boolean hasAdjusted(Map<String, Map<String, Figure>> byKov) {
    return byKov.values().stream().anyMatch(f -> f.containsKey(QOL_ADJ_EB));
  }

  private void caterpillar(ReportDocument doc, List<KovRow> rows, Figure nation) {
    List<Charts.CaterpillarRow> plotted = new ArrayList<>();
    // the chart draws its first row at the bottom: the highest estimate goes on top
    for (int i = rows.size() - 1; i >= 0; i--) {
      KovRow r = rows.get(i);
      Figure eb = r.get(QOL_ADJ_EB);
      plotted.add(
          new Charts.CaterpillarRow(
              r.kov().displayName(),
              new Charts.Estimate(
                  eb.value(),
                  eb.ciLow() == null ? eb.value() : eb.ciLow(),
                  eb.ciHigh() == null ? eb.value() : eb.ciHigh()),
              shownValue(r.get(QOL_CHANGE)),
              shownValue(r.get(QOL_ADJ))));
    }
    double reference = shown(nation) ? nation.value() : 0.0;
    Renderable chart =
        charts.caterpillar(
            fmt.text("eval.kovs.chart"),
            ctx.name(QOL_CHANGE),
            plotted,
            ctx.name(QOL_ADJ_EB),
            ctx.name(QOL_CHANGE),
            ctx.name(QOL_ADJ),
            reference,
            shown(nation) ? fmt.text("eval.kovs.nation", signed(reference)) : "");
    // one row per KOV: more than a dozen need the taller frame to stay legible
    if (rows.size() > TALL_CHART_ROWS) {
      doc.tallChart(chart);
    } else {
      doc.chart(chart);
    }
  }

  private static Double shownValue(Figure f) {
    return f == null ? null : f.shown();
  }

  private void kovTable(ReportDocument doc, List<KovRow> rows) {
    doc.gridHead(
        fmt.text("col.kov"),
        fmt.text("eval.col.n"),
        fmt.text("eval.col.raw"),
        fmt.text("eval.col.adjusted"),
        fmt.text("eval.col.shrunken"),
        fmt.text("eval.col.interval"),
        fmt.text("eval.col.rank"),
        fmt.text("eval.col.flag"));
    Long ranked = null;
    for (KovRow r : rows) {
      Figure raw = r.get(QOL_CHANGE);
      Figure rank = r.get(QOL_ADJ_EB_RANK);
      if (shown(rank) && rank.denominator() != null) {
        ranked = Math.round(rank.denominator());
      }
      Figure adjusted = r.get(QOL_ADJ);
      doc.gridRow(
          r.kov().displayName(),
          shown(raw) && raw.denominator() != null
              ? fmt.value(raw.denominator(), Unit.COUNT)
              : fmt.figure(raw, Unit.COUNT),
          fmt.figure(raw, Unit.MEAN),
          fmt.figure(adjusted, Unit.MEAN),
          fmt.figure(r.get(QOL_ADJ_EB), Unit.MEAN),
          fmt.interval(r.get(QOL_ADJ_EB), Unit.MEAN),
          rank(rank),
          shown(adjusted) ? flag(adjusted.funnelFlag()) : FigureFormat.DASH);
    }
    if (ranked != null) {
      doc.note(fmt.text("eval.kovs.ranked", ranked));
    }
  }

  private String rank(Figure rank) {
    if (!shown(rank)) {
      return fmt.figure(rank, Unit.COUNT);
    }
    String main = fmt.value(rank.value(), Unit.COUNT);
    if (rank.ciLow() == null || rank.ciHigh() == null) {
      return main;
    }
    return main
        + " ("
        + fmt.value(rank.ciLow(), Unit.COUNT)
        + "–"
        + fmt.value(rank.ciHigh(), Unit.COUNT)
        + ")";
  }

  private String flag(String code) {
    if (code == null) {
      return FigureFormat.MISSING;
    }
    String key = "eval.flag." + code;
    return fmt.hasText(key) ? fmt.text(key) : code;
  }

  // ---- c. trajectories --------------------------------------------------------------------------

  private void trajectories(ReportDocument doc, Quarter quarter) throws SQLException {
    doc.section(fmt.text("eval.sec.trajectory"));
    Optional<List<TrajectoryBand>> table = ctx.database().nationalTrajectory(quarter);
    if (table.isEmpty()) {
      doc.text(fmt.text("eval.missing", "mart_trajectory"));
      return;
    }
    if (table.get().isEmpty()) {
      doc.text(fmt.text("eval.empty", "mart_trajectory", quarter.toString()));
      return;
    }
    // the bands in order of their first day, from every row (hidden ones too: a gap, not a shift)
    Map<String, Integer> bandStart = new TreeMap<>();
    Map<String, Integer> bandEnd = new TreeMap<>();
    for (TrajectoryBand b : table.get()) {
      bandStart.merge(b.band(), b.bandFrom() == null ? Integer.MAX_VALUE : b.bandFrom(), Math::min);
      if (b.bandTo() != null) {
        bandEnd.put(b.band(), b.bandTo());
      }
    }
    List<String> bands =
        bandStart.keySet().stream()
            .sorted(
                Comparator.comparing((String b) -> bandStart.get(b))
                    .thenComparing(Comparator.<String>naturalOrder()))
            .toList();
    List<String> labels =
        bands.stream().map(b -> bandLabel(bandStart.get(b), bandEnd.get(b))).toList();
    Map<String, TrajectoryBand> cells = new LinkedHashMap<>();
    table.get().forEach(b -> cells.put(b.measure() + "/" + b.population() + "/" + b.band(), b));
    for (String measure : List.of("QOL_SCORE", "NEED_SUM")) {
      List<Charts.IntervalLine> lines = new ArrayList<>();
      boolean any = false;
      for (String population : List.of("ALL", "COMPLETERS")) {
        List<Charts.Estimate> points = new ArrayList<>();
        for (String band : bands) {
          TrajectoryBand b = cells.get(measure + "/" + population + "/" + band);
          if (b == null || b.mean() == null) {
            points.add(null);
          } else {
            any = true;
            points.add(
                new Charts.Estimate(
                    b.mean(),
                    b.ciLow() == null ? b.mean() : b.ciLow(),
                    b.ciHigh() == null ? b.mean() : b.ciHigh()));
          }
        }
        lines.add(new Charts.IntervalLine(fmt.text("eval.population." + population), points));
      }
      if (any) {
        doc.chart(
            charts.intervalLines(
                fmt.text("eval.trajectory." + measure),
                fmt.text("eval.trajectory.axis." + measure),
                labels,
                lines));
      } else {
        doc.text(fmt.text("eval.trajectory.none", fmt.text("eval.trajectory." + measure)));
      }
    }
    doc.head(
        fmt.text("eval.col.band"),
        fmt.text("eval.col.qolAll"),
        fmt.text("eval.col.qolCompleters"),
        fmt.text("eval.col.needAll"),
        fmt.text("eval.col.needCompleters"));
    for (int i = 0; i < bands.size(); i++) {
      String band = bands.get(i);
      doc.row(
          labels.get(i),
          bandN(cells.get("QOL_SCORE/ALL/" + band)),
          bandN(cells.get("QOL_SCORE/COMPLETERS/" + band)),
          bandN(cells.get("NEED_SUM/ALL/" + band)),
          bandN(cells.get("NEED_SUM/COMPLETERS/" + band)));
    }
    doc.note(fmt.text("eval.trajectory.note"));
    doc.note(fmt.text("suppressed.note"));
  }

  private String bandN(TrajectoryBand b) {
    if (b == null) {
      return FigureFormat.MISSING;
    }
    return b.n() == null ? FigureFormat.DASH : fmt.value(b.n(), Unit.COUNT);
  }

  /** "−30…90", "730+": the band's days since entry, both ends included. */
  private String bandLabel(Integer from, Integer to) {
    if (from == null || from == Integer.MAX_VALUE) {
      return FigureFormat.MISSING;
    }
    String start = (from < 0 ? "−" : "") + fmt.number(Math.abs(from), 0);
    return to == null ? start + "+" : start + "…" + fmt.number(to - 1, 0);
  }

  // ---- d. attrition -----------------------------------------------------------------------------

  private void attrition(ReportDocument doc, Map<String, Figure> nation) {
    doc.section(fmt.text("eval.sec.attrition"));
    List<String> measures =
        List.of("QOL_PAIRED", "QOL_BASELINE_FOLLOWED", "QOL_BASELINE_NOT_FOLLOWED");
    if (measures.stream().noneMatch(nation::containsKey)) {
      doc.text(fmt.text("eval.attrition.none"));
      return;
    }
    doc.head(
        fmt.text("col.measure"),
        fmt.text("eval.col.value"),
        fmt.text("eval.col.interval"),
        fmt.text("eval.col.n"),
        "");
    for (String m : measures) {
      Figure f = nation.get(m);
      Unit u = ctx.unit(m);
      doc.row(
          ctx.name(m),
          fmt.figure(f, u),
          fmt.interval(f, u),
          shown(f) && f.denominator() != null ? fmt.value(f.denominator(), Unit.COUNT) : "",
          "");
    }
    doc.note(fmt.text("eval.attrition.note"));
  }

  // ---- e. rollout projection --------------------------------------------------------------------

  private void projection(ReportDocument doc, Quarter quarter) throws SQLException {
    doc.section(fmt.text("eval.sec.projection"));
    Optional<List<ProjectionFigure>> table = ctx.database().nationalProjection(quarter);
    if (table.isEmpty()) {
      doc.text(fmt.text("eval.missing", "mart_projection"));
      return;
    }
    if (table.get().isEmpty()) {
      doc.text(fmt.text("eval.projection.none", quarter.toString()));
      return;
    }
    Map<String, Map<String, Double>> bySource = new TreeMap<>();
    String from = table.get().get(0).fromQuarter();
    for (ProjectionFigure p : table.get()) {
      bySource
          .computeIfAbsent(p.placesSource() == null ? "" : p.placesSource(), k -> new TreeMap<>())
          .put(p.scenario() + "/" + p.year() + "/" + p.quantity(), p.value());
    }
    for (Map.Entry<String, Map<String, Double>> source : bySource.entrySet()) {
      doc.text(fmt.text("eval.projection.source", source.getKey(), from));
      if (EXAMPLE_SOURCE.equals(source.getKey())) {
        doc.text(fmt.text("eval.projection.example"));
      }
      doc.head(
          fmt.text("eval.col.scenarioYear"),
          fmt.text("eval.col.places"),
          fmt.text("eval.col.clients"),
          fmt.text("eval.col.entries"),
          fmt.text("eval.col.cost"));
      for (String scenario : SCENARIOS) {
        for (int year = 1; year <= 3; year++) {
          Map<String, Double> v = source.getValue();
          String key = scenario + "/" + year + "/";
          if (PROJECTED.stream().noneMatch(q -> v.containsKey(key + q))) {
            continue;
          }
          doc.row(
              fmt.text("eval.scenario." + scenario) + ", " + fmt.text("eval.projection.year", year),
              whole(v.get(key + "PLACES")),
              whole(v.get(key + "CLIENTS")),
              whole(v.get(key + "ENTRIES")),
              v.get(key + "COST_EUR") == null
                  ? FigureFormat.MISSING
                  : euros(v.get(key + "COST_EUR"), 0));
        }
      }
    }
    doc.note(fmt.text("eval.projection.note"));
  }

  private String whole(Double v) {
    return v == null ? FigureFormat.MISSING : fmt.number(v, 0);
  }

  // ---- f. methods -------------------------------------------------------------------------------

  private void methods(ReportDocument doc, Quarter quarter) throws SQLException {
    doc.pageBreak();
    doc.section(fmt.text("eval.sec.methods"));
    doc.text(fmt.text("eval.methods.model"));
    Optional<List<ModelTerm>> table = ctx.database().casemixModel(quarter);
    if (table.isEmpty()) {
      doc.text(fmt.text("eval.missing", "mart_casemix_model"));
    } else if (table.get().isEmpty()) {
      doc.text(fmt.text("eval.empty", "mart_casemix_model", quarter.toString()));
    } else {
      modelTable(doc, table.get());
    }
    doc.text(fmt.text("eval.methods.adjusted"));
    doc.text(fmt.text("eval.methods.shrunken"));
    doc.text(fmt.text("eval.methods.ranks"));
    doc.text(fmt.text("eval.methods.limits"));
    doc.text(fmt.text("eval.limits.comparison"));
    doc.text(fmt.text("eval.limits.regression"));
    doc.text(fmt.text("eval.limits.completers"));
  }

  private void modelTable(ReportDocument doc, List<ModelTerm> terms) throws SQLException {
    List<ModelTerm> ordered = new ArrayList<>(terms);
    ordered.sort(
        Comparator.comparingInt((ModelTerm t) -> covariateOrder(t.covariate()))
            .thenComparing(ModelTerm::covariate)
            .thenComparing(t -> !t.reference())
            .thenComparing(t -> t.level() == null ? "" : t.level()));
    doc.head(
        fmt.text("eval.col.term"),
        fmt.text("eval.col.coefficient"),
        fmt.text("eval.col.se"),
        "",
        "");
    List<String> merged = new ArrayList<>();
    for (ModelTerm t : ordered) {
      doc.row(
          termLabel(t),
          t.reference()
              ? "0"
              : t.coefficient() == null ? FigureFormat.MISSING : fmt.number(t.coefficient(), 2),
          t.reference() || t.stdError() == null ? "" : fmt.number(t.stdError(), 2),
          t.reference() ? fmt.text("eval.model.reference") : "",
          "");
      if (t.mergedLevels() != null && !t.mergedLevels().isBlank()) {
        merged.add(covariateName(t.covariate()) + ": " + t.mergedLevels());
      }
    }
    ModelTerm first = ordered.get(0);
    doc.text(
        fmt.text(
            "eval.model.fit",
            first.n() == null ? FigureFormat.MISSING : fmt.number(first.n(), 0),
            first.rSquared() == null ? FigureFormat.MISSING : fmt.number(first.rSquared(), 3),
            first.residualSd() == null ? FigureFormat.MISSING : fmt.number(first.residualSd(), 1)));
    if (!merged.isEmpty()) {
      doc.note(
          fmt.text("eval.model.merged", String.join("; ", merged.stream().distinct().toList())));
    }
  }

  private static int covariateOrder(String covariate) {
    int i = COVARIATES.indexOf(covariate);
    return i < 0 ? COVARIATES.size() : i;
  }

  private String covariateName(String covariate) {
    String key = "eval.cov." + covariate;
    return fmt.hasText(key) ? fmt.text(key) : covariate;
  }

  private String termLabel(ModelTerm t) throws SQLException {
    String name = covariateName(t.covariate());
    return t.level() == null ? name : name + ": " + levelName(t.covariate(), t.level());
  }

  private final Map<String, Map<String, String>> levelNames = new TreeMap<>();

  /** A level's name in the report's language from its reference table, else its code. */
  private String levelName(String covariate, String level) throws SQLException {
    String sexKey = "eval.sex." + level;
    if ("SEX".equals(covariate) && fmt.hasText(sexKey)) {
      return fmt.text(sexKey);
    }
    String table = LEVEL_NAMES.get(covariate);
    if (table == null) {
      return level;
    }
    if (!levelNames.containsKey(table)) {
      levelNames.put(
          table, ctx.database().names(table, "code", ctx.english() ? "name_en" : "name_et"));
    }
    String n = levelNames.get(table).get(level);
    return n == null || n.isBlank() ? level : n;
  }
}
