package ee.ska.iste.reports.dashboard;

import static ee.ska.iste.reports.dashboard.Html.attr;
import static ee.ska.iste.reports.dashboard.Html.esc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ee.ska.iste.core.files.FileTrees;
import ee.ska.iste.core.files.OutputFiles;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.reports.WarehouseStamp;
import ee.ska.iste.reports.dashboard.DashboardData.Cell;
import ee.ska.iste.reports.dashboard.DashboardData.Kov;
import ee.ska.iste.reports.dashboard.DashboardData.Measure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A quarter's dashboard: a static site that opens from the file system with no server and no
 * network, written to {@code <reports>/<quarter>/dashboard/} beside the quarter's PDFs. {@code
 * index.html} (Estonian) and {@code index_en.html} are the national pages; {@code kov/<code>.html}
 * and {@code kov/<code>_en.html} one page per KOV with a row in {@code outcomes_public}; {@code
 * assets/} holds the style, the script and ECharts (copied from its WebJar). Each page carries its
 * data as JSON read from {@code outcomes_public} and the catalogue only ({@link DashboardData}): a
 * hidden figure has no value there. The same database and quarter give the same files, byte for
 * byte.
 */
public final class DashboardSite {
  /** The five headline figures, in the order of the tiles. */
  public static final List<String> HEADLINE =
      List.of("ACTIVE", "QOL_CHANGE", "QOL_IMPROVED", "NEED_REDUCED", "COST_PER_CLIENT");

  /** The measures with a funnel plot (those with a published funnel flag). */
  public static final List<String> FUNNELS = List.of("QOL_IMPROVED", "QOL_CHANGE");

  /** The languages of the pages, the first one's being {@code index.html}. */
  public static final List<String> LANGUAGES = List.of("et", "en");

  static final int TREND_QUARTERS = 8;
  static final String FOLDER = "dashboard";

  /** The tables of a KOV's page: the sections of its PDF report, by text key. */
  private static final Map<String, List<String>> KOV_SECTIONS = kovSections();

  private static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

  private final Path database;
  private final WarehouseStamp stamp;
  private final ObjectMapper json = new ObjectMapper();

  public DashboardSite(Path database, WarehouseStamp stamp) {
    this.database = database;
    this.stamp = stamp;
  }

  /** The national page of a quarter's dashboard in a language ({@code et} or {@code en}). */
  public static Path indexOf(Path reportsRoot, Quarter quarter, String lang) {
    return reportsRoot.resolve(quarter.toString()).resolve(FOLDER).resolve(pageName("", lang));
  }

  /**
   * Writes the dashboard of {@code quarter} under {@code reportsRoot/<quarter>/dashboard/},
   * replacing an earlier one, and returns the files written (national pages first). Links to the
   * quarter's PDFs that exist when it is written.
   */
  public List<Path> write(Quarter quarter, Path reportsRoot) {
    Path dir = reportsRoot.resolve(quarter.toString()).resolve(FOLDER);
    try (DashboardData db = DashboardData.open(database)) {
      Model model = Model.read(db, quarter);
      if (Files.exists(dir)) {
        FileTrees.deleteTree(dir);
      }
      OutputFiles.createFolders(dir.resolve("assets"));
      OutputFiles.createFolders(dir.resolve("kov"));
      List<Path> written = new ArrayList<>();
      for (String lang : LANGUAGES) {
        Texts t = new Texts(lang);
        written.add(write(dir.resolve(pageName("", lang)), nationalPage(model, t, reportsRoot)));
      }
      for (String kov : model.kovStatus.keySet()) {
        for (String lang : LANGUAGES) {
          Texts t = new Texts(lang);
          written.add(
              write(
                  dir.resolve("kov").resolve(pageName(kov, lang)),
                  kovPage(model, kov, t, reportsRoot)));
        }
      }
      written.add(copy("dashboard/dashboard.css", dir.resolve("assets/dashboard.css")));
      written.add(copy("dashboard/dashboard.js", dir.resolve("assets/dashboard.js")));
      written.add(copy(echartsResource(), dir.resolve("assets/echarts.min.js")));
      return written;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read the dashboard's figures of " + quarter + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the dashboard of " + quarter + " in " + dir, e);
    }
  }

  static String pageName(String kov, String lang) {
    String base = kov.isEmpty() ? "index" : kov;
    return base + ("et".equals(lang) ? "" : "_" + lang) + ".html";
  }

  // ---- what a page shows ------------------------------------------------------------------------

  /** Everything the pages of a quarter show, read once. */
  record Model(
      Quarter quarter,
      List<Quarter> quarters,
      Map<String, Measure> measures,
      Map<String, Kov> municipalities,
      Map<String, String> kovStatus,
      Map<Quarter, Map<String, Cell>> nation,
      Map<Quarter, Map<String, Map<String, Cell>>> kovs,
      Optional<Double> z95,
      Optional<Double> z998,
      Optional<Double> minN) {

    static Model read(DashboardData db, Quarter quarter) throws SQLException {
      List<Quarter> all = db.quartersUpTo(quarter);
      List<Quarter> quarters =
          all.subList(Math.max(0, all.size() - TREND_QUARTERS), all.size()).stream()
              .filter(q -> q.compareTo(quarter) <= 0)
              .toList();
      Quarter first = quarters.isEmpty() ? quarter : quarters.get(0);
      Map<Quarter, Map<String, Cell>> nation = new LinkedHashMap<>();
      db.figures(DashboardData.NATION_LEVEL, first, quarter)
          .forEach((q, units) -> nation.put(q, units.getOrDefault(DashboardData.NATION, Map.of())));
      return new Model(
          quarter,
          quarters,
          db.measures(),
          db.municipalities(quarter.lastDay()),
          db.kovs(quarter),
          nation,
          db.figures(DashboardData.KOV, first, quarter),
          db.threshold("FUNNEL_Z_95", quarter.lastDay()),
          db.threshold("FUNNEL_Z_998", quarter.lastDay()),
          db.threshold("FUNNEL_MIN_N", quarter.lastDay()));
    }

    Cell nation(Quarter q, String measure) {
      return nation.getOrDefault(q, Map.of()).get(measure);
    }

    /** A KOV's figure; none at all when the KOV's quarter is withheld. */
    Cell kov(Quarter q, String kov, String measure) {
      if (q.equals(quarter) && withheld(kov)) {
        return null;
      }
      return kovs.getOrDefault(q, Map.of()).getOrDefault(kov, Map.of()).get(measure);
    }

    boolean withheld(String kov) {
      return "WITHHELD".equals(kovStatus.get(kov));
    }

    String unit(String measure) {
      Measure m = measures.get(measure);
      return m == null || m.unit() == null ? "count" : m.unit();
    }

    String name(String measure, String lang) {
      Measure m = measures.get(measure);
      return m == null ? measure : m.name(lang);
    }

    String kovName(String kov) {
      Kov k = municipalities.get(kov);
      return k == null || k.name() == null ? kov : k.name();
    }
  }

  // ---- the national page ------------------------------------------------------------------------

  private String nationalPage(Model m, Texts t, Path reportsRoot) throws JsonProcessingException {
    Quarter q = m.quarter();
    Html body = new Html();
    String title = t.text("nation.title", q.toString());
    body.el("h1", title);
    body.el("p", "class=\"subtitle\"", subtitle(m, t));
    body.el("h2", t.text("sec.headline"));
    tiles(body, m, t, null);
    body.el("h2", t.text("sec.trend"));
    trends(body, m, t, null);
    body.el("h2", t.text("sec.funnel"));
    funnels(body, m, t);
    body.el("h2", t.text("sec.kovs"));
    kovTable(body, m, t);
    body.el("h2", t.text("sec.pdf"));
    pdfLinks(
        body,
        t,
        reportsRoot,
        q,
        "",
        List.of(
            new Pdf("pdf.nation", "ISTE_riik_" + q),
            new Pdf("pdf.quality", "ISTE_andmekvaliteet_" + q),
            new Pdf("pdf.evaluation", "ISTE_hindamine_" + q)));
    String nav = languageSwitch(t, pageName("", other(t.lang())));
    return page(t, title, "assets/", nav, body.toString(), data(m, t, null));
  }

  private String subtitle(Model m, Texts t) {
    Quarter q = m.quarter();
    return t.text(
        "site.subtitle",
        q.toString(),
        q.firstDay().toString(),
        q.lastDay().toString(),
        stampText());
  }

  private String stampText() {
    return stamp.version() + (stamp.publishedOn() == null ? "" : " (" + stamp.publishedOn() + ")");
  }

  private void kovTable(Html body, Model m, Texts t) {
    body.raw("<div class=\"scroll\"><table class=\"sortable\" id=\"kov-table\">\n");
    body.el("caption", t.text("table.caption", m.quarter().toString()));
    body.raw("<thead><tr>");
    sortHead(body, t.text("col.kov"), false);
    sortHead(body, t.text("col.county"), false);
    sortHead(body, t.text("col.status"), false);
    for (String measure : HEADLINE) {
      sortHead(body, m.name(measure, t.lang()), true);
    }
    body.raw("</tr></thead>\n<tbody>\n");
    List<String> kovs = new ArrayList<>(m.kovStatus().keySet());
    kovs.sort(Comparator.comparing(m::kovName).thenComparing(Comparator.naturalOrder()));
    for (String kov : kovs) {
      body.raw("<tr " + attr("data-kov", kov) + ">");
      body.raw(
          "<th scope=\"row\"><a "
              + attr("href", "kov/" + pageName(kov, t.lang()))
              + ">"
              + esc(m.kovName(kov))
              + "</a></th>");
      Kov k = m.municipalities().get(kov);
      body.el("td", k == null ? "" : k.county(t.lang()));
      body.el("td", statusLabel(t, m.kovStatus().get(kov)));
      for (String measure : HEADLINE) {
        // a withheld KOV shows no figure: the hidden mark, as in the national PDF
        Cell c = m.withheld(kov) ? Cell.HIDDEN : m.kov(m.quarter(), kov, measure);
        String sort = c == null || c.hidden() ? "" : Double.toString(round(c.value()));
        body.raw(
            "<td class=\"num\" "
                + attr("data-sort", sort)
                + ">"
                + esc(t.figure(c, m.unit(measure)))
                + "</td>");
      }
      body.raw("</tr>\n");
    }
    body.raw("</tbody>\n<tfoot><tr><th scope=\"row\">" + esc(t.text("col.nation")) + "</th>");
    body.raw("<td></td><td></td>");
    for (String measure : HEADLINE) {
      body.el("td", "class=\"num\"", t.figure(m.nation(m.quarter(), measure), m.unit(measure)));
    }
    body.raw("</tr></tfoot>\n</table></div>\n");
    body.el("p", "class=\"note\"", t.text("hidden.note"));
  }

  private static void sortHead(Html body, String label, boolean numeric) {
    body.raw(
        "<th scope=\"col\" aria-sort=\"none\""
            + (numeric ? " class=\"num\"" : "")
            + "><button type=\"button\">"
            + esc(label)
            + "</button></th>");
  }

  private static String statusLabel(Texts t, String status) {
    return status == null ? "" : t.has("status." + status) ? t.text("status." + status) : status;
  }

  // ---- a KOV's page -----------------------------------------------------------------------------

  private String kovPage(Model m, String kov, Texts t, Path reportsRoot)
      throws JsonProcessingException {
    Quarter q = m.quarter();
    String name = m.kovName(kov);
    Kov k = m.municipalities().get(kov);
    Html body = new Html();
    String title = t.text("kov.title", name, q.toString());
    body.el("h1", title);
    body.el(
        "p",
        "class=\"subtitle\"",
        t.text(
            "kov.subtitle",
            k == null ? "" : k.county(t.lang()),
            q.toString(),
            q.firstDay().toString(),
            q.lastDay().toString(),
            stampText()));
    String status = m.kovStatus().get(kov);
    boolean withheld = m.withheld(kov);
    if (withheld) {
      body.el("p", "class=\"status\" id=\"status\"", t.text("status.withheld.text"));
    } else if ("PROVISIONAL".equals(status)) {
      body.el("p", "class=\"status\" id=\"status\"", t.text("status.provisional.text"));
    }
    if (!withheld) {
      body.el("h2", t.text("sec.headline"));
      tiles(body, m, t, kov);
      body.el("h2", t.text("sec.trend"));
      trends(body, m, t, kov);
      body.el("h2", t.text("sec.funnel"));
      funnels(body, m, t);
      body.el("h2", t.text("sec.tables"));
      KOV_SECTIONS.forEach((key, measures) -> kovSection(body, m, t, kov, key, measures));
      body.el("p", "class=\"note\"", t.text("hidden.note"));
    }
    body.el("h2", t.text("sec.pdf"));
    pdfLinks(
        body,
        t,
        reportsRoot,
        q,
        "../",
        List.of(
            new Pdf("pdf.kov", "kov/ISTE_" + kov + "_" + q),
            new Pdf("pdf.nation", "ISTE_riik_" + q)));
    String nav =
        "<a id=\"back\" "
            + attr("href", "../" + pageName("", t.lang()))
            + ">"
            + esc(t.text("kov.back"))
            + "</a>"
            + languageSwitch(t, pageName(kov, other(t.lang())));
    return page(
        t,
        title,
        "../assets/",
        nav,
        body.toString(),
        withheld ? data(m, t, kov, List.of(), List.of()) : data(m, t, kov));
  }

  private void kovSection(
      Html body, Model m, Texts t, String kov, String titleKey, List<String> listed) {
    Quarter q = m.quarter();
    List<String> measures =
        listed.isEmpty()
            ? m.kovs().getOrDefault(q, Map.of()).getOrDefault(kov, Map.of()).keySet().stream()
                .filter(code -> code.startsWith("EXIT_"))
                .toList()
            : listed;
    boolean any =
        measures.stream().anyMatch(c -> m.kov(q, kov, c) != null || m.nation(q, c) != null);
    if (!any) {
      return;
    }
    body.el("h3", t.text(titleKey));
    body.raw("<table>\n<thead><tr>");
    body.el("th", "scope=\"col\"", t.text("col.measure"));
    for (String col : List.of("col.value", "col.interval", "col.before", "col.change")) {
      body.el("th", "scope=\"col\" class=\"num\"", t.text(col));
    }
    body.el("th", "scope=\"col\" class=\"num\"", t.text("col.nation"));
    body.raw("</tr></thead>\n<tbody>\n");
    for (String code : measures) {
      String unit = m.unit(code);
      Cell now = m.kov(q, kov, code);
      Cell before = m.kov(q.previous(), kov, code);
      String change = t.change(now, before, unit);
      body.raw("<tr " + attr("data-measure", code) + ">");
      body.el("th", "scope=\"row\"", m.name(code, t.lang()));
      body.el("td", "class=\"num\"", t.figure(now, unit));
      body.el("td", "class=\"num\"", t.interval(now, unit));
      body.el("td", "class=\"num\"", t.figure(before, unit));
      body.el("td", "class=\"num\"", change == null ? "" : change);
      body.el("td", "class=\"num\"", t.figure(m.nation(q, code), unit));
      body.raw("</tr>\n");
    }
    body.raw("</tbody>\n</table>\n");
  }

  private static Map<String, List<String>> kovSections() {
    Map<String, List<String>> s = new LinkedHashMap<>();
    s.put("sec.kov.headline", List.of("ACTIVE", "NEW", "EXIT", "QOL_N", "QOL_CHANGE"));
    s.put("sec.kov.qol", List.of("QOL_IMPROVED", "QOL_WORSENED", "QOL_COMPLETENESS"));
    s.put(
        "sec.kov.need",
        List.of(
            "NEED_CHANGE_VAIMNE_TERVIS",
            "NEED_CHANGE_FYYSILINE_TERVIS",
            "NEED_CHANGE_IGAPAEV",
            "NEED_CHANGE_ELUKOHT",
            "NEED_CHANGE_HOIVATUS",
            "NEED_CHANGE_SUHTED",
            "NEED_CHANGE_VABA_AEG",
            "NEED_CHANGE_ASJAAJAMINE"));
    s.put(
        "sec.kov.plans",
        List.of(
            "PLAN_WITHIN_30D",
            "REASSESS_OVERDUE",
            "NEED_REDUCED",
            "COOPERATION_REACHED",
            "GOAL_ATTAINMENT"));
    s.put(
        "sec.kov.services",
        List.of(
            "HOURS",
            "HOURS_PER_CLIENT",
            "BASE_SHARE",
            "NO_BASE_SUPPORT",
            "COST",
            "COST_PER_CLIENT",
            "CAP_EXCEEDED",
            "CLIENT_DAYS",
            "OCCUPANCY"));
    // the exits: every EXIT_<reason> the KOV has (an empty list means "look them up")
    s.put("sec.kov.exits", List.of());
    return s;
  }

  // ---- parts of both pages ----------------------------------------------------------------------

  /** The five headline tiles: the KOV's figures when {@code kov} is given, else the nation's. */
  private void tiles(Html body, Model m, Texts t, String kov) {
    Quarter q = m.quarter();
    body.raw("<ul class=\"tiles\" id=\"headline\">\n");
    for (String measure : HEADLINE) {
      String unit = m.unit(measure);
      Cell now = kov == null ? m.nation(q, measure) : m.kov(q, kov, measure);
      Cell before =
          kov == null ? m.nation(q.previous(), measure) : m.kov(q.previous(), kov, measure);
      body.raw("<li class=\"tile\" " + attr("data-measure", measure) + ">");
      body.el("h3", m.name(measure, t.lang()));
      body.el("p", "class=\"value\"", t.figure(now, unit));
      String interval = t.interval(now, unit);
      if (!interval.isEmpty()) {
        body.el("p", t.text("tile.interval", interval));
      }
      String change = t.change(now, before, unit);
      body.el(
          "p",
          "class=\"change\"",
          change == null ? t.text("tile.nochange") : t.text("tile.change", change));
      if (kov != null) {
        body.el("p", t.text("tile.nation", t.figure(m.nation(q, measure), unit)));
      }
      body.raw("</li>\n");
    }
    body.raw("</ul>\n");
  }

  /** One chart per headline measure, and their data in one table (the charts' text). */
  private void trends(Html body, Model m, Texts t, String kov) {
    body.raw("<div class=\"charts\">\n");
    for (String measure : HEADLINE) {
      String name = m.name(measure, t.lang());
      body.raw("<figure>");
      body.el("figcaption", name);
      body.raw(
          "<div class=\"chart\" role=\"img\" "
              + attr("id", "trend-" + measure)
              + " "
              + attr("aria-label", t.text("chart.alt", name))
              + " aria-describedby=\"trend-table\"></div></figure>\n");
    }
    body.raw("</div>\n<details><summary>" + esc(t.text("data.table")) + "</summary>\n");
    body.raw("<div class=\"scroll\"><table id=\"trend-table\">\n");
    body.el("caption", t.text("trend.caption"));
    body.raw("<thead><tr>");
    body.el("th", "scope=\"col\"", t.text("col.quarter"));
    for (String measure : HEADLINE) {
      String name = m.name(measure, t.lang());
      if (kov != null) {
        body.el("th", "scope=\"col\" class=\"num\"", name + " (" + m.kovName(kov) + ")");
      }
      body.el("th", "scope=\"col\" class=\"num\"", name + " (" + t.text("trend.nation") + ")");
    }
    body.raw("</tr></thead>\n<tbody>\n");
    for (Quarter q : m.quarters()) {
      body.raw("<tr>");
      body.el("th", "scope=\"row\"", q.toString());
      for (String measure : HEADLINE) {
        if (kov != null) {
          body.el("td", "class=\"num\"", t.figure(m.kov(q, kov, measure), m.unit(measure)));
        }
        body.el("td", "class=\"num\"", t.figure(m.nation(q, measure), m.unit(measure)));
      }
      body.raw("</tr>\n");
    }
    body.raw("</tbody>\n</table></div>\n</details>\n");
  }

  /** A KOV as a point of a funnel plot: a shown figure with its n. */
  record Point(
      String kov, String name, double n, double value, Double low, Double high, String flag) {}

  static List<Point> funnelPoints(Model m, String measure) {
    List<Point> out = new ArrayList<>();
    for (String kov : m.kovStatus().keySet()) {
      Cell c = m.kov(m.quarter(), kov, measure);
      if (c == null || c.hidden() || c.denominator() == null) {
        continue;
      }
      out.add(
          new Point(
              kov, m.kovName(kov), c.denominator(), c.value(), c.ciLow(), c.ciHigh(), c.flag()));
    }
    out.sort(Comparator.comparing(Point::name).thenComparing(Point::kov));
    return out;
  }

  private void funnels(Html body, Model m, Texts t) {
    for (String measure : FUNNELS) {
      String name = m.name(measure, t.lang());
      String unit = m.unit(measure);
      List<Point> points = funnelPoints(m, measure);
      Cell target = m.nation(m.quarter(), measure);
      body.el("h3", name);
      if (points.isEmpty() || target == null || target.hidden()) {
        body.el("p", t.text("funnel.none", name));
        continue;
      }
      String table = "funnel-table-" + measure;
      body.raw(
          "<div class=\"chart funnel\" role=\"img\" "
              + attr("id", "funnel-" + measure)
              + " "
              + attr("aria-label", t.text("chart.alt", name))
              + " "
              + attr("aria-describedby", table)
              + "></div>\n");
      if (!"share".equals(unit)) {
        body.el("p", "class=\"note\"", t.text("funnel.nolimits"));
      }
      body.raw("<details><summary>" + esc(t.text("data.table")) + "</summary>\n");
      body.raw("<table " + attr("id", table) + ">\n");
      body.el("caption", t.text("funnel.caption", name));
      body.raw("<thead><tr>");
      body.el("th", "scope=\"col\"", t.text("col.kov"));
      body.el("th", "scope=\"col\" class=\"num\"", "n");
      body.el("th", "scope=\"col\" class=\"num\"", t.text("col.value"));
      body.el("th", "scope=\"col\" class=\"num\"", t.text("col.interval"));
      body.el("th", "scope=\"col\"", t.text("funnel.flag"));
      body.raw("</tr></thead>\n<tbody>\n");
      for (Point p : points) {
        body.raw("<tr>");
        body.el("th", "scope=\"row\"", p.name());
        body.el("td", "class=\"num\"", t.value(p.n(), "count"));
        body.el("td", "class=\"num\"", t.value(p.value(), unit));
        body.el(
            "td",
            "class=\"num\"",
            p.low() == null || p.high() == null
                ? ""
                : t.value(p.low(), unit) + " – " + t.value(p.high(), unit));
        body.el(
            "td", p.flag() != null && t.has("flag." + p.flag()) ? t.text("flag." + p.flag()) : "");
        body.raw("</tr>\n");
      }
      body.raw("</tbody>\n</table>\n</details>\n");
    }
  }

  /** A PDF of the quarter: its text key and its path under the quarter without "_lang.pdf". */
  private record Pdf(String key, String stem) {}

  /** Links to the quarter's PDFs that exist, in the page's language first. */
  private static void pdfLinks(
      Html body, Texts t, Path reportsRoot, Quarter q, String up, List<Pdf> pdfs) {
    Path quarterDir = reportsRoot.resolve(q.toString());
    body.raw("<ul id=\"pdfs\">\n");
    for (Pdf pdf : pdfs) {
      for (String lang : List.of(t.lang(), other(t.lang()))) {
        String file = pdf.stem() + "_" + lang + ".pdf";
        if (!Files.isRegularFile(quarterDir.resolve(file))) {
          continue;
        }
        body.raw(
            "<li><a "
                + attr("href", up + "../" + file)
                + " "
                + attr("hreflang", lang)
                + ">"
                + esc(t.text(pdf.key()))
                + (lang.equals(t.lang()) ? "" : " (" + lang + ")")
                + "</a></li>\n");
      }
    }
    body.raw("</ul>\n");
  }

  private static String languageSwitch(Texts t, String href) {
    String other = other(t.lang());
    return "<a id=\"lang-switch\" "
        + attr("href", href)
        + " "
        + attr("hreflang", other)
        + " "
        + attr("lang", other)
        + ">"
        + esc(t.text("lang.other"))
        + "</a>";
  }

  private static String other(String lang) {
    return "et".equals(lang) ? "en" : "et";
  }

  // ---- the data of the charts -------------------------------------------------------------------

  private String data(Model m, Texts t, String kov) throws JsonProcessingException {
    return data(m, t, kov, HEADLINE, FUNNELS);
  }

  private String data(
      Model m, Texts t, String kov, List<String> trendMeasures, List<String> funnelMeasures)
      throws JsonProcessingException {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("lang", t.lang());
    d.put("locale", t.localeTag());
    Map<String, Object> texts = new LinkedHashMap<>();
    texts.put("hidden", t.text("hidden"));
    texts.put("kov", t.text("col.kov"));
    texts.put("target", t.text("funnel.target"));
    texts.put("l95", t.text("funnel.l95"));
    texts.put("l998", t.text("funnel.l998"));
    texts.put("funnelX", t.text("funnel.x"));
    texts.put("flag", t.text("funnel.flag"));
    texts.put("interval", t.text("col.interval"));
    Map<String, String> flags = new LinkedHashMap<>();
    for (String f : List.of("ABOVE", "BELOW", "WITHIN")) {
      flags.put(f, t.text("flag." + f));
    }
    texts.put("flags", flags);
    d.put("texts", texts);
    d.put("quarter", m.quarter().toString());
    d.put("quarters", m.quarters().stream().map(Quarter::toString).toList());
    Map<String, String> units = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (String measure : concat(trendMeasures, funnelMeasures)) {
      units.put(measure, m.unit(measure));
      names.put(measure, m.name(measure, t.lang()));
    }
    d.put("units", units);
    d.put("names", names);
    List<Object> trends = new ArrayList<>();
    for (String measure : trendMeasures) {
      List<Object> series = new ArrayList<>();
      series.add(series(t.text("trend.nation"), m, q -> m.nation(q, measure)));
      if (kov != null) {
        series.add(series(m.kovName(kov), m, q -> m.kov(q, kov, measure)));
      }
      trends.add(Map.of("id", "trend-" + measure, "measure", measure, "series", series));
    }
    d.put("trends", trends);
    List<Object> funnels = new ArrayList<>();
    for (String measure : funnelMeasures) {
      Cell target = m.nation(m.quarter(), measure);
      List<Point> points = funnelPoints(m, measure);
      if (points.isEmpty() || target == null || target.hidden()) {
        continue;
      }
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("id", "funnel-" + measure);
      f.put("measure", measure);
      f.put("target", round(target.value()));
      // the limits of a share follow from the national share alone (sd of one case √(p(1−p)));
      // a mean's need the sd of individual changes, which outcomes_public does not publish
      boolean share = "share".equals(m.unit(measure));
      boolean limits = share && m.z95().isPresent() && m.z998().isPresent();
      double p = target.value();
      f.put("sigma", limits ? round(Math.sqrt(p * (1 - p))) : null);
      f.put("z95", m.z95().orElse(null));
      f.put("z998", m.z998().orElse(null));
      f.put("minN", m.minN().orElse(null));
      List<Object> pts = new ArrayList<>();
      for (Point pt : points) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kov", pt.kov());
        o.put("name", pt.name());
        o.put("n", round(pt.n()));
        o.put("value", round(pt.value()));
        o.put("low", round(pt.low()));
        o.put("high", round(pt.high()));
        o.put("flag", pt.flag());
        pts.add(o);
      }
      f.put("points", pts);
      funnels.add(f);
    }
    d.put("funnels", funnels);
    d.put("highlight", kov);
    return safeForScript(json.writeValueAsString(d));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    b.stream().filter(x -> !out.contains(x)).forEach(out::add);
    return out;
  }

  private static Map<String, Object> series(
      String name, Model m, java.util.function.Function<Quarter, Cell> cell) {
    List<Double> values = new ArrayList<>();
    for (Quarter q : m.quarters()) {
      Cell c = cell.apply(q);
      values.add(c == null || c.hidden() ? null : round(c.value()));
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("values", values);
    return s;
  }

  /**
   * A figure to 6 decimals for the charts, which show at most 2: no long run of digits (a run of 11
   * could be mistaken for a personal code by a scan of the outputs) and smaller pages.
   */
  static Double round(Double v) {
    return v == null ? null : Math.round(v * 1e6) / 1e6;
  }

  /** JSON inside a script element: no "<" may end it early ("</script>"), nor open a comment. */
  static String safeForScript(String jsonText) {
    return jsonText.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }

  // ---- files ------------------------------------------------------------------------------------

  private static String page(
      Texts t, String title, String assets, String nav, String body, String data) {
    return template("dashboard/page.html")
        .replace("{{lang}}", t.lang())
        .replace("{{title}}", esc(title))
        .replace("{{assets}}", assets)
        .replace("{{skip}}", esc(t.text("nav.skip")))
        .replace("{{nav}}", esc(t.text("nav.label")))
        .replace("{{nav_links}}", nav)
        .replace("{{footer}}", esc(t.text("footer")))
        .replace("{{body}}", body)
        .replace("{{data}}", data);
  }

  private static String template(String resource) {
    try (InputStream in = resource(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = DashboardSite.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing from the classpath: " + name);
    }
    return in;
  }

  /** ECharts' minified script in its WebJar, found through the WebJar's own version. */
  static String echartsResource() {
    Properties pom = new Properties();
    try (InputStream in = resource(ECHARTS_POM)) {
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ECHARTS_POM, e);
    }
    return "META-INF/resources/webjars/echarts/"
        + pom.getProperty("version")
        + "/dist/echarts.min.js";
  }

  private static Path write(Path file, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return OutputFiles.writeAtomically(file, out -> out.write(bytes));
  }

  private static Path copy(String resource, Path file) {
    return OutputFiles.writeAtomically(
        file,
        out -> {
          try (InputStream in = resource(resource)) {
            in.transferTo(out);
          }
        });
  }
}
