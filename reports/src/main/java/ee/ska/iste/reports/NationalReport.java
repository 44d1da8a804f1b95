package ee.ska.iste.reports;

import ee.ska.iste.core.time.Quarter;
import java.sql.SQLException;

/** Builds the national dashboard (issue 6, point 2). */
final class NationalReport {
  private final ReportContext ctx;

  NationalReport(ReportContext ctx) {
    this.ctx = ctx;
  }

  ReportDocument build(Quarter quarter, String sortMeasure) throws SQLException {
    FigureFormat fmt = ctx.format();
    return new ReportDocument(fmt.text("nation.title", quarter.toString()), "", ctx.footer())
        .section(null)
        .text(fmt.text("nation.nodata", quarter.toString()));
  }
}
