package ee.ska.iste.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Issue 20's targets on a 2-core machine (they replace issue 8's), each beside the figure measured;
 * the measures stage over the DuckDB reference is printed as a figure to watch, with no verdict.
 */
public final class Targets {
  /** PASS, MISS, or not measured in this run. */
  public enum Verdict {
    PASS,
    MISS,
    NOT_MEASURED,
    /** A figure to watch: printed, not judged. */
    WATCH
  }

  /** One target: what it asks, what was measured, the verdict. */
  public record Target(String name, String limit, String measured, Verdict verdict) {}

  private static final double GIB = 1024.0 * 1024 * 1024;

  /** Growth with clients up to this factor over linear still counts as linear (timing noise). */
  static final double LINEAR_SLACK = 1.10;

  private Targets() {}

  static List<Target> evaluate(List<StageFigure> figures, List<Double> scales) {
    List<Target> out = new ArrayList<>();
    String one = Benchmark.label(1.0);
    Optional<StageFigure> total1 = find(figures, one, "TOTAL");
    out.add(
        atMost(
            "national scale (1x) end to end",
            "<= 45 s",
            total1.map(StageFigure::seconds),
            45,
            "%.1f s"));
    out.add(
        atMost(
            "one new quarter on the 1x history",
            "<= 20 s",
            find(figures, one + "+1q", "TOTAL").map(StageFigure::seconds),
            20,
            "%.1f s"));
    Optional<StageFigure> total10 = find(figures, Benchmark.label(10.0), "TOTAL");
    Optional<StageFigure> failed10 = find(figures, Benchmark.label(10.0), "FAILED");
    if (failed10.isPresent()) {
      out.add(
          new Target(
              "10x (150,000 clients) completes",
              "completes, <= 180 s, heap <= 4 GiB",
              "failed: " + failed10.get().note(),
              Verdict.MISS));
    }
    out.add(
        atMost(
            "10x (150,000 clients) end to end",
            "<= 180 s",
            total10.map(StageFigure::seconds),
            180,
            "%.1f s"));
    out.add(
        atMost(
            "10x heap in use at most",
            "<= 4.0 GiB",
            total10.map(f -> f.heapPeakBytes() / GIB),
            4.0,
            "%.2f GiB"));
    out.add(linear(figures, scales, one));
    for (double scale : scales) {
      String run = Benchmark.label(scale);
      Optional<Double> ratio =
          find(figures, run, "TOTAL")
              .flatMap(
                  m ->
                      find(figures, run, "reference (DuckDB)").map(r -> m.seconds() / r.seconds()));
      ratio.ifPresent(
          r ->
              out.add(
                  new Target(
                      "end to end / DuckDB reference (" + run + ")",
                      "a figure to watch",
                      FigureTable.fmt("%.1f", r),
                      Verdict.WATCH)));
    }
    out.add(
        atMost(
            "one KOV report (1x, fresh renderer)",
            "<= 2.0 s",
            find(figures, one, "one KOV report").map(StageFigure::seconds),
            2.0,
            "%.2f s"));
    out.add(
        atMost(
            "report, one KOV, cold (1x, iste report)",
            "<= 1.5 s",
            find(figures, one, "report, one KOV, cold").map(StageFigure::seconds),
            1.5,
            "%.2f s"));
    out.add(
        atMost(
            "query, cold (1x, iste query)",
            "<= 1.0 s",
            find(figures, one, "query, cold").map(StageFigure::seconds),
            1.0,
            "%.2f s"));
    out.add(
        atMost(
            "reports, one quarter, cold (1x, iste report --every)",
            "<= 10 s",
            find(figures, one, "reports, one quarter, cold").map(StageFigure::seconds),
            10,
            "%.2f s"));
    out.add(
        atMost(
            "query on outcomes (1x, median of 20)",
            "<= 100 ms",
            find(figures, one, "query outcomes").map(f -> f.seconds() * 1000),
            100,
            "%.1f ms"));
    return out;
  }

  /** Seconds per client at the largest scale over seconds per client at 1x. */
  private static Target linear(List<StageFigure> figures, List<Double> scales, String one) {
    String name = "time grows no faster than clients (largest scale vs 1x)";
    String limit = "per-client time ratio <= " + LINEAR_SLACK;
    double largest = scales.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    if (largest <= 1.0) {
      return new Target(name, limit, "needs a scale above 1x", Verdict.NOT_MEASURED);
    }
    Optional<StageFigure> a = find(figures, one, "TOTAL");
    Optional<StageFigure> b = find(figures, Benchmark.label(largest), "TOTAL");
    if (a.isEmpty() || b.isEmpty() || a.get().clients() == 0 || b.get().clients() == 0) {
      return new Target(name, limit, "not measured", Verdict.NOT_MEASURED);
    }
    double r = (b.get().seconds() / b.get().clients()) / (a.get().seconds() / a.get().clients());
    return new Target(
        name,
        limit,
        FigureTable.fmt(
            "%.2f (%s: %.1f s for %d clients; 1x: %.1f s for %d)",
            r,
            b.get().run(),
            b.get().seconds(),
            b.get().clients(),
            a.get().seconds(),
            a.get().clients()),
        r <= LINEAR_SLACK ? Verdict.PASS : Verdict.MISS);
  }

  private static Target atMost(
      String name, String limit, Optional<Double> measured, double max, String fmt) {
    return measured
        .map(
            v ->
                new Target(
                    name, limit, FigureTable.fmt(fmt, v), v <= max ? Verdict.PASS : Verdict.MISS))
        .orElse(new Target(name, limit, "not measured", Verdict.NOT_MEASURED));
  }

  private static Optional<StageFigure> find(List<StageFigure> figures, String run, String stage) {
    return figures.stream().filter(f -> f.run().equals(run) && f.stage().equals(stage)).findFirst();
  }

  static String text(List<Target> targets) {
    int w = targets.stream().mapToInt(t -> t.name().length()).max().orElse(10);
    int l = targets.stream().mapToInt(t -> t.limit().length()).max().orElse(10);
    StringBuilder sb = new StringBuilder();
    for (Target t : targets) {
      sb.append(
          FigureTable.fmt(
              "%-12s  %-" + w + "s  %-" + l + "s  %s%n",
              t.verdict().name().replace('_', ' '),
              t.name(),
              t.limit(),
              t.measured()));
    }
    return sb.toString();
  }

  static String markdown(List<Target> targets) {
    StringBuilder sb =
        new StringBuilder("| target | limit | measured | verdict |\n|---|---|---|---|\n");
    for (Target t : targets) {
      sb.append("| ")
          .append(t.name())
          .append(" | ")
          .append(t.limit())
          .append(" | ")
          .append(t.measured())
          .append(" | ")
          .append(t.verdict().name().replace('_', ' '))
          .append(" |\n");
    }
    return sb.toString();
  }
}
