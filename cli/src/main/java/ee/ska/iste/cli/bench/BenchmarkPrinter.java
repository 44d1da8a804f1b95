package ee.ska.iste.cli.bench;

import java.io.PrintStream;

/** Prints a benchmark's report for a console: the figures table, then the targets. */
public final class BenchmarkPrinter {
  private BenchmarkPrinter() {}

  public static void print(Benchmark.Report report, PrintStream out) {
    out.println();
    out.println(Machine.describe());
    out.println(
        FigureTable.fmt("1x = generator scale %.4f", report.unitScale())
            + (report.clientsAtScaleOne() > 0
                ? " (scale 1 gives " + report.clientsAtScaleOne() + " distinct clients)"
                : ""));
    out.println();
    out.print(FigureTable.text(report.figures()));
    out.println();
    out.println("Targets (issue 20):");
    out.print(Targets.text(report.targets()));
    if (!report.referenceAgrees()) {
      out.println();
      out.println("Spark and the DuckDB reference differ (first 20):");
      report.differences().forEach(d -> out.println("  " + d));
    }
    out.flush();
  }
}
