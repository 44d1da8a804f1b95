package ee.ska.iste.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
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
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

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

  /** A point in a scatter or funnel plot, with its label (null: drawn without one). */
  record Point(String label, double x, double y) {}

  /**
   * A sparkline: the values over the categories as one thin line with no axes, its last shown point
   * marked; a null value leaves a gap. Only for beside a printed figure.
   */
  Renderable sparkline(List<Double> values) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int i = 0; i < values.size(); i++) {
      data.addValue(values.get(i), "s", Integer.valueOf(i));
    }
    int last = -1;
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) != null) {
        last = i;
      }
    }
    int lastShown = last;
    LineAndShapeRenderer marked =
        new LineAndShapeRenderer(true, false) {
          private static final long serialVersionUID = 1L;

          @Override
          public boolean getItemShapeVisible(int series, int item) {
            return item == lastShown;
          }
        };
    marked.setSeriesPaint(0, INK);
    marked.setSeriesStroke(0, new BasicStroke(1.6f));
    marked.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    NumberAxis axis = new NumberAxis();
    axis.setVisible(false);
    axis.setAutoRangeIncludesZero(false);
    axis.setAutoRangeMinimumSize(1e-9);
    axis.setUpperMargin(0.15);
    axis.setLowerMargin(0.15);
    CategoryAxis categories = new CategoryAxis();
    categories.setVisible(false);
    categories.setLowerMargin(0.02);
    categories.setUpperMargin(0.02);
    CategoryPlot plot = new CategoryPlot(data, categories, axis, marked);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setDomainGridlinesVisible(false);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setInsets(new org.jfree.chart.ui.RectangleInsets(1, 1, 1, 1));
    plot.setAxisOffset(org.jfree.chart.ui.RectangleInsets.ZERO_INSETS);
    JFreeChart chart = new JFreeChart(null, null, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setPadding(org.jfree.chart.ui.RectangleInsets.ZERO_INSETS);
    return draw(chart);
  }

  /**
   * A funnel plot: the target line, the 95% and 99.8% limits drawn over n, and the units as points,
   * labelled only where the point's label is not null (the flagged units, and the reader's own).
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

  /** A figure with its 95% interval, drawn as a point on a bar. */
  record Estimate(double value, double low, double high) {}

  /**
   * One row of a caterpillar plot: the unit, its estimate with interval (the bar), and up to two
   * further figures drawn as points of their own shapes (null: not drawn).
   */
  record CaterpillarRow(String label, Estimate estimate, Double second, Double third) {}

  /**
   * A caterpillar plot: one row per unit in the given order (the first at the bottom), its estimate
   * as a point on its interval bar, two further figures as other marks, and a reference line.
   */
  Renderable caterpillar(
      String title,
      String valueAxis,
      List<CaterpillarRow> rows,
      String estimateLabel,
      String secondLabel,
      String thirdLabel,
      double reference,
      String referenceLabel) {
    YIntervalSeries est = new YIntervalSeries(estimateLabel);
    XYSeries second = new XYSeries(secondLabel);
    XYSeries third = new XYSeries(thirdLabel);
    String[] labels = new String[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      CaterpillarRow r = rows.get(i);
      labels[i] = r.label();
      est.add(i, r.estimate().value(), r.estimate().low(), r.estimate().high());
      if (r.second() != null) {
        second.add(i, r.second());
      }
      if (r.third() != null) {
        third.add(i, r.third());
      }
    }
    YIntervalSeriesCollection estimates = new YIntervalSeriesCollection();
    estimates.addSeries(est);
    XYErrorRenderer bars = new GapErrorRenderer(false);
    bars.setSeriesPaint(0, INK);
    bars.setErrorPaint(INK);
    bars.setErrorStroke(new BasicStroke(1.4f));
    bars.setCapLength(3.0);
    bars.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
    SymbolAxis units = new SymbolAxis(null, labels);
    units.setTickLabelFont(new Font(FONT, Font.PLAIN, rows.size() > 30 ? 5 : 6));
    units.setGridBandsVisible(false);
    units.setRange(-0.7, Math.max(0.7, rows.size() - 0.3));
    XYPlot plot = new XYPlot(estimates, units, numberAxis(valueAxis), bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
    XYSeriesCollection others = new XYSeriesCollection();
    others.addSeries(second);
    others.addSeries(third);
    marks.setSeriesPaint(0, PALETTE[1]);
    marks.setSeriesShape(0, ShapeUtils.createDiagonalCross(2.5f, 0.6f));
    marks.setSeriesPaint(1, PALETTE[2]);
    marks.setSeriesShape(1, ShapeUtils.createDownTriangle(2.5f));
    plot.setDataset(1, others);
    plot.setRenderer(1, marks);
    ValueMarker line = new ValueMarker(reference);
    line.setPaint(PALETTE[3]);
    line.setStroke(
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f));
    line.setLabel(referenceLabel);
    line.setLabelFont(new Font(FONT, Font.PLAIN, 6));
    plot.addRangeMarker(line);
    return draw(chart(title, plot, true));
  }

  /** A line of a band chart: its name and, per category index, the estimate or null (a gap). */
  record IntervalLine(String name, List<Estimate> points) {}

  /**
   * Lines with a 95% interval at every point over named categories (e.g. the bands of days since
   * entry); a null point leaves a gap. The lines are drawn a little apart so that their bars do not
   * hide each other.
   */
  Renderable intervalLines(
      String title, String valueAxis, List<String> categories, List<IntervalLine> lines) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    double step = lines.size() > 1 ? 0.16 / (lines.size() - 1) : 0;
    for (int s = 0; s < lines.size(); s++) {
      IntervalLine l = lines.get(s);
      YIntervalSeries series = new YIntervalSeries(l.name());
      double shift = lines.size() > 1 ? -0.08 + s * step : 0;
      for (int i = 0; i < categories.size(); i++) {
        Estimate e = i < l.points().size() ? l.points().get(i) : null;
        if (e == null) {
          series.add(i + shift, Double.NaN, Double.NaN, Double.NaN);
        } else {
          series.add(i + shift, e.value(), e.low(), e.high());
        }
      }
      data.addSeries(series);
    }
    XYErrorRenderer r = new GapErrorRenderer(true);
    for (int s = 0; s < lines.size(); s++) {
      r.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
      r.setSeriesStroke(s, new BasicStroke(s == 0 ? 1.8f : 1.2f));
      r.setSeriesShape(s, new Rectangle2D.Double(-2.5, -2.5, 5, 5));
    }
    r.setCapLength(3.0);
    SymbolAxis bands = new SymbolAxis(null, categories.toArray(String[]::new));
    bands.setTickLabelFont(new Font(FONT, Font.PLAIN, 7));
    bands.setGridBandsVisible(false);
    bands.setRange(-0.5, Math.max(0.5, categories.size() - 0.5));
    XYPlot plot = new XYPlot(data, bands, numberAxis(valueAxis), r);
    return draw(chart(title, plot, lines.size() > 1));
  }

  /**
   * Error bars and lines that skip a point whose value is missing (NaN): no bar, no line into or
   * out of it, so a hidden figure leaves a gap and never draws with undefined coordinates.
   */
  private static final class GapErrorRenderer extends XYErrorRenderer {
    private static final long serialVersionUID = 1L;

    GapErrorRenderer(boolean lines) {
      setDefaultLinesVisible(lines);
      setDefaultShapesVisible(true);
      setDrawXError(false);
      setDrawYError(true);
    }

    @Override
    public void drawItem(
        Graphics2D g2,
        XYItemRendererState state,
        Rectangle2D dataArea,
        PlotRenderingInfo info,
        XYPlot plot,
        ValueAxis domainAxis,
        ValueAxis rangeAxis,
        XYDataset dataset,
        int series,
        int item,
        CrosshairState crosshairState,
        int pass) {
      if (Double.isNaN(dataset.getYValue(series, item))) {
        return;
      }
      super.drawItem(
          g2,
          state,
          dataArea,
          info,
          plot,
          domainAxis,
          rangeAxis,
          dataset,
          series,
          item,
          crosshairState,
          pass);
    }
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
