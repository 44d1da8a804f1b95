package ee.ska.iste.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.renderers.Renderable;

/**
 * The content of one report as rows for the shared layout {@code document.jrxml}: a title, a
 * subtitle, a footer, and sections of rows (paragraphs, 5-column tables, 8-column grids, headline
 * tiles, charts, footnotes, page breaks).
 */
final class ReportDocument {
  private final String title;
  private final String subtitle;
  private final String footer;
  private final List<Map<String, ?>> rows = new ArrayList<>();
  private String section = "";
  private String sectionTitle;
  private int sections;

  ReportDocument(String title, String subtitle, String footer) {
    this.title = title;
    this.subtitle = subtitle;
    this.footer = footer;
  }

  String title() {
    return title;
  }

  String subtitle() {
    return subtitle;
  }

  String footer() {
    return footer;
  }

  List<Map<String, ?>> rows() {
    return rows;
  }

  ReportDocument section(String heading) {
    sections++;
    section = "s" + sections;
    sectionTitle = heading;
    return this;
  }

  ReportDocument text(String text) {
    return add("text", null, text);
  }

  ReportDocument note(String text) {
    return add("note", null, text);
  }

  ReportDocument head(String... cells) {
    return add("head", null, cells);
  }

  ReportDocument row(String... cells) {
    return add("row", null, cells);
  }

  ReportDocument gridHead(String... cells) {
    return add("ghead", null, cells);
  }

  ReportDocument gridRow(String... cells) {
    return add("grow", null, cells);
  }

  ReportDocument chart(Renderable chart) {
    return add("chart", chart);
  }

  /**
   * A headline figure: name, value, interval, change, comparison and the sparkline's caption in
   * cells 0–5, the sparkline (null: none) beside them.
   */
  ReportDocument tile(Renderable sparkline, String... cells) {
    return add("tile", sparkline, cells);
  }

  /** A chart twice as tall, for one row per unit (a caterpillar plot of every KOV). */
  ReportDocument tallChart(Renderable chart) {
    return add("tallchart", chart);
  }

  /** Starts a new page (e.g. before a methods page). */
  ReportDocument pageBreak() {
    return add("break", null);
  }

  private ReportDocument add(String kind, Renderable chart, String... cells) {
    if (cells.length > 8) {
      throw new IllegalArgumentException("a row has at most 8 cells, got " + cells.length);
    }
    Map<String, Object> row = new HashMap<>();
    row.put("section", section);
    row.put("sectionTitle", sectionTitle);
    row.put("kind", kind);
    for (int i = 0; i < cells.length; i++) {
      row.put("c" + i, cells[i]);
    }
    row.put("chart", chart);
    rows.add(row);
    return this;
  }
}
