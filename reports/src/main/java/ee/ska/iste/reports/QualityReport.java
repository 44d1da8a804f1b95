package ee.ska.iste.reports;

import ee.ska.iste.core.time.Quarter;
import java.sql.SQLException;

/** Builds the data-quality report (issue 6, point 3). */
final class QualityReport {
  private final ReportContext ctx;

  QualityReport(ReportContext ctx) {
    this.ctx = ctx;
  }

  ReportDocument build(Quarter quarter) throws SQLException {
    FigureFormat fmt = ctx.format();
    return new ReportDocument(fmt.text("quality.title", quarter.toString()), "", ctx.footer())
        .section(null)
        .text(fmt.text("quality.none"));
  }
}
