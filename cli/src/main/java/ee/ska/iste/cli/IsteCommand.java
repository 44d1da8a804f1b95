package ee.ska.iste.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code iste} command: one sub-command per verb. */
@Command(
    name = "iste",
    mixinStandardHelpOptions = true,
    version = "iste 0.1.0",
    header = "ISTE outcomes warehouse: submissions -> warehouse -> reports.",
    description = {
      "Reads municipalities' quarterly ISTE submissions, validates and pseudonymises them, builds",
      "cases and outcome measures, publishes a DuckDB warehouse and renders reports."
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      RunCommand.class,
      IngestCommand.class,
      ModelCommand.class,
      MeasuresCommand.class,
      PublishCommand.class,
      ReportsCommand.class,
      ReportCommand.class,
      GenerateCommand.class,
      VersionsCommand.class,
      QueryCommand.class,
      ProjectionCommand.class,
      DiffCommand.class,
      PruneCommand.class,
      DictionaryCommand.class,
      AuditCommand.class,
      ExportCommand.class,
      AirflowCommand.class,
      BenchCommand.class,
      CheckCommand.class,
      TemplateCommand.class,
      ClusterCheckCommand.class,
    })
public final class IsteCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command, e.g. 'iste demo'");
  }
}
