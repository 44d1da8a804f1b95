package ee.ska.iste.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.charts.util.DrawChartRendererImpl;
import net.sf.jasperreports.renderers.Renderable;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the reports' charts with JFreeChart as vector graphics. A value that is null (suppressed or
 * missing) is never drawn: the line has a gap there and no point or bar stands for it.
 */
final class Charts {
  static final Color INK = new Color(0x1F, 0x3A, 0x5F);
  private static final Color[] PALETTE = {
    INK,
    new Color(0xD9, 0x7B, 0x29),
    new Color(0x3C, 0x8D, 0x5A),
    new Color(0xA6, 0x3D, 0x40),
    new Color(0x7A, 0x5C, 0xA6),
    new Color(0x4F, 0x9D, 0xC6),
    new Color(0x99, 0x99, 0x33),
    new Color(0x66, 0x66, 0x66),
  };
  private static final String FONT = "DejaVu Sans";

  private final Locale locale;

  Charts(Locale locale) {
    this.locale = locale;
  }

  /** One line per series over the categories (quarters); a null value leaves a gap. */
  Renderable lines(
      String title,
      String valueAxis,
      List<String> categories,
      Map<String, Map<String, Double>> series,
      boolean counts) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Map.Entry<String, Map<String, Double>> s : series.entrySet()) {
      for (String c : categories) {
        data.addValue(s.getValue().get(c), s.getKey(), c);
      }
    }
    LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
    for (int i = 0; i < series.size(); i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 2.0f : 1.2f));
    }
    NumberAxis axis = numberAxis(valueAxis);
    if (counts) {
      axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(locale));
      axis.setAutoRangeIncludesZero(true);
    }
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), axis, renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    return draw(chart(title, plot, series.size() > 1));
  }

  /** Horizontal bars, one per category; a null value has no bar. */
  Renderable bars(String title, String valueAxis, Map<String, Double> values) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    values.forEach((k, v) -> data.addValue(v, "", k));
    BarRenderer renderer = new BarRenderer();
    renderer.setSeriesPaint(0, INK);
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setMaximumBarWidth(0.12);
    renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    NumberAxis axis = numberAxis(valueAxis);
    axis.setAutoRangeIncludesZero(true);
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), axis, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    return draw(chart(title, plot, false));
  }

  /** A labelled point in a scatter or funnel plot. */
  record Point(String label, double x, double y) {}

  /**
   * A funnel plot: the target line, the 95% and 99.8% limits drawn over n, and the units as
   * labelled points.
   */
  Renderable funnel(
      String title,
      String xAxis,
      String yAxis,
      List<Point> points,
      FunnelLimits limits,
      String targetLabel,
      String limit95Label,
      String limit998Label) {
    double maxN = Math.max(10, points.stream().mapToDouble(Point::x).max().orElse(10) * 1.1);
    XYSeries target = new XYSeries(targetLabel);
    XYSeries lo95 = new XYSeries(limit95Label);
    XYSeries hi95 = new XYSeries(limit95Label + " ");
    XYSeries lo998 = new XYSeries(limit998Label);
    XYSeries hi998 = new XYSeries(limit998Label + " ");
    for (int i = 0; i <= 60; i++) {
      double n = 2 + (maxN - 2) * i / 60.0;
      target.add(n, limits.target());
      lo95.add(n, limits.lower(n, limits.z95()));
      hi95.add(n, limits.upper(n, limits.z95()));
      lo998.add(n, limits.lower(n, limits.z998()));
      hi998.add(n, limits.upper(n, limits.z998()));
    }
    XYSeriesCollection lineData = new XYSeriesCollection();
    lineData.addSeries(target);
    lineData.addSeries(lo95);
    lineData.addSeries(hi95);
    lineData.addSeries(lo998);
    lineData.addSeries(hi998);
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    lineRenderer.setSeriesPaint(0, INK);
    Color mid = new Color(0x88, 0x88, 0x88);
    float[] dash = {4f, 3f};
    for (int s = 1; s <= 4; s++) {
      lineRenderer.setSeriesPaint(s, s <= 2 ? mid : PALETTE[3]);
      lineRenderer.setSeriesStroke(
          s,
          s <= 2
              ? new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, dash, 0f)
              : new BasicStroke(1f));
    }
    lineRenderer.setSeriesVisibleInLegend(2, false);
    lineRenderer.setSeriesVisibleInLegend(4, false);
    XYPlot plot = new XYPlot(lineData, numberAxis(xAxis), numberAxis(yAxis), lineRenderer);
    addPoints(plot, points);
    return draw(chart(title, plot, true));
  }

  /** Labelled points, e.g. cost per client against outcome. */
  Renderable scatter(String title, String xAxis, String yAxis, List<Point> points) {
    XYPlot plot = new XYPlot(new XYSeriesCollection(), numberAxis(xAxis), numberAxis(yAxis), null);
    addPoints(plot, points);
    return draw(chart(title, plot, false));
  }

  private void addPoints(XYPlot plot, List<Point> points) {
    XYSeries s = new XYSeries("units", false, true);
    for (Point p : points) {
      s.add(p.x(), p.y());
    }
    XYSeriesCollection data = new XYSeriesCollection(s);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    r.setSeriesPaint(0, PALETTE[1]);
    r.setSeriesVisibleInLegend(0, false);
    r.setDefaultItemLabelGenerator(
        new StandardXYItemLabelGenerator() {
          private static final long serialVersionUID = 1L;

          @Override
          public String generateLabel(org.jfree.data.xy.XYDataset dataset, int series, int item) {
            return points.get(item).label();
          }
        });
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(new Font(FONT, Font.PLAIN, 7));
    plot.setDataset(1, data);
    plot.setRenderer(1, r);
  }

  private NumberAxis numberAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setNumberFormatOverride(NumberFormat.getNumberInstance(locale));
    axis.setAutoRangeIncludesZero(false);
    axis.setAutoRangeMinimumSize(1.0);
    axis.setUpperMargin(0.08);
    axis.setLowerMargin(0.08);
    axis.setLabelFont(new Font(FONT, Font.PLAIN, 8));
    axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 7));
    return axis;
  }

  private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(null, new Font(FONT, Font.BOLD, 9), plot, legend);
    chart.setTitle(new TextTitle(title, new Font(FONT, Font.BOLD, 9)));
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    plot.setBackgroundPaint(new Color(0xF6, 0xF7, 0xF9));
    if (plot instanceof CategoryPlot cp) {
      cp.getDomainAxis().setTickLabelFont(new Font(FONT, Font.PLAIN, 7));
      cp.getDomainAxis().setLabelFont(new Font(FONT, Font.PLAIN, 8));
      cp.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
    LegendTitle l = chart.getLegend();
    if (l != null) {
      l.setItemFont(new Font(FONT, Font.PLAIN, 7));
      l.setPosition(RectangleEdge.BOTTOM);
    }
    return chart;
  }

  private static Renderable draw(JFreeChart chart) {
    return new DrawChartRendererImpl(chart, null);
  }
}
