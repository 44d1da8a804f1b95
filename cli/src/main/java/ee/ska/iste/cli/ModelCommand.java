package ee.ska.iste.cli;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.pipelines.model.ModelJob;
import ee.ska.iste.pipelines.spark.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iste model}: staged tables → cases, facts and dimensions. */
@Command(
    name = "model",
    header = "Build episodes, cases, facts and dimensions from the staged tables.",
    description =
        "Reads every quarter of the stg_ tables under --warehouse and rewrites int_episode, fct_case,"
            + " fct_qol_score, fct_assessment, fct_plan, fct_participation and the dim_ tables. Every"
            + " quarter is rebuilt, since a later submission can correct an earlier episode,"
            + " assessment or plan.")
public final class ModelCommand extends BaseCommand {
  @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse version folder.")
  Path warehouse;

  @Option(names = "--ref", paramLabel = "DIR", description = "Folder of reference CSV files overriding the shipped ones.")
  Path refDir;

  @Override
  protected int execute() {
    if (!Files.isDirectory(warehouse)) {
      throw new UserError(ExitCode.USAGE, "warehouse folder does not exist: " + warehouse);
    }
    ReferenceData ref = refDir == null ? ReferenceData.builtIn() : ReferenceData.withOverrides(refDir);
    SparkSession spark = SparkSessions.create(System.getProperty("spark.master") == null ? "local[2]" : null, 4);
    new ModelJob().run(spark, new WarehouseLayout(warehouse.toAbsolutePath().toString()), ref);
    err().println("model: written under " + warehouse);
    return ExitCode.OK;
  }
}
