package ee.ska.iste.cli;

import ee.ska.iste.cli.bench.Benchmark;
import ee.ska.iste.cli.bench.BenchmarkPrinter;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iste bench}: the national-rollout benchmark and its targets (issue 8). */
@Command(
    name = "bench",
    header = "Time every stage at national scale and beyond, against the performance targets.",
    description = {
      "Generates the national-rollout dataset (1x = --national-clients distinct clients over",
      "--quarters, through the generator's scale factor, measured first) and multiples of it, runs",
      "ingest, model, measures, publish and the reports of the last quarter, and prints per stage:",
      "wall time, rows per second, peak heap, input and output sizes. Checks the core measures",
      "against plain DuckDB SQL over the staged Parquet, times a query on outcomes and one KOV",
      "report, adds one quarter on top of the 1x history, and prints the targets with PASS/MISS.",
      "Writes bench.csv and bench.md under --out. Exit 1 when Spark and the reference differ.",
      "Run with a heap of 4 GiB (the launcher's default; ISTE_JAVA_OPTS=-Xmx4g)."
    })
public final class BenchCommand extends BaseCommand {
  @Option(
      names = "--scales",
      defaultValue = "1,4,10",
      split = ",",
      paramLabel = "N",
      description = "Multiples of the national dataset (default: ${DEFAULT-VALUE}).")
  List<Double> scales;

  @Mixin SyntheticDataOptions data;

  @Option(
      names = "--out",
      defaultValue = "out/bench",
      paramLabel = "DIR",
      description = "Output folder, emptied per run (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--incremental",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Also time one new quarter on top of the first scale's history (default: on;"
              + " --no-incremental skips it).")
  boolean incremental;

  @Option(
      names = "--reduced",
      description = "1x only (with the incremental quarter): a few minutes, for CI.")
  boolean reduced;

  @Option(
      names = "--spark-submit",
      description =
          "Also run the first scale once through org.apache.spark.deploy.SparkSubmit in a child"
              + " JVM.")
  boolean sparkSubmit;

  @Option(
      names = "--national-clients",
      defaultValue = "15000",
      paramLabel = "N",
      description = "Distinct clients of the 1x dataset (default: ${DEFAULT-VALUE}).")
  long nationalClients;

  @Option(
      names = "--unit-scale",
      paramLabel = "F",
      description = "Generator scale of 1x; skips measuring it.")
  Double unitScale;

  @Mixin SparkMasterOption spark;

  @Option(
      names = "--kov",
      defaultValue = "0784",
      description = "KOV whose report and query are timed (default: ${DEFAULT-VALUE}, Tallinn).")
  String kov;

  @Override
  protected int execute() throws Exception {
    List<Quarter> range = data.quarters();
    List<Double> chosen = reduced ? List.of(1.0) : scales;
    Benchmark.Options options;
    try {
      options =
          new Benchmark.Options(
              out,
              chosen,
              range,
              incremental,
              nationalClients,
              Optional.ofNullable(unitScale),
              data.seed(),
              spark.master(err()),
              data.format(),
              data.defects(),
              sparkSubmit,
              kov);
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
    Benchmark.Report report = new Benchmark(options, ReferenceData.builtIn(), err()).run();
    BenchmarkPrinter.print(report, out());
    if (!report.referenceAgrees()) {
      err()
          .println(
              "iste: bench: Spark and the DuckDB reference differ on "
                  + report.differences().size()
                  + "+ figures (listed above)");
      return ExitCode.FAILURE;
    }
    return ExitCode.OK;
  }
}
