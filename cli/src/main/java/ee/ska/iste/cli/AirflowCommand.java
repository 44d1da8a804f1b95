package ee.ska.iste.cli;

import ee.ska.iste.core.Stage;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.dags.airflow.AirflowClient;
import ee.ska.iste.dags.airflow.AirflowConfig;
import ee.ska.iste.dags.airflow.AirflowException;
import ee.ska.iste.dags.airflow.DagRun;
import ee.ska.iste.dags.airflow.Durations;
import ee.ska.iste.dags.airflow.QuarterRun;
import ee.ska.iste.dags.airflow.QuarterTrigger;
import ee.ska.iste.dags.airflow.TaskInstance;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code iste airflow}: trigger and follow the ISTE DAGs on an Airflow server. */
@Command(
    name = "airflow",
    header = "Trigger and follow the ISTE DAGs on an Airflow server.",
    description = {
      "Talks to Airflow's stable REST API: v1 (Airflow 2, basic auth) or v2 (Airflow 3,",
      "bearer token). Server and credentials come from a properties file (--config FILE,",
      "else ~/.config/iste/airflow.properties) and from the environment variables",
      "ISTE_AIRFLOW_URL, ISTE_AIRFLOW_API (v1|v2), ISTE_AIRFLOW_USER,",
      "ISTE_AIRFLOW_PASSWORD and ISTE_AIRFLOW_TOKEN, which win over the file. They are",
      "never taken from the command line and never printed.",
      "Exit codes: 0 success; 1 run failed, timed out or Airflow refused; 2 usage."
    },
    subcommands = {
      AirflowCommand.Trigger.class,
      AirflowCommand.Status.class,
      AirflowCommand.Clear.class,
    })
public final class AirflowCommand extends BaseCommand {
  static final String QUARTERLY_DAG = "iste_quarterly";

  @Override
  protected int execute() {
    throw new ParameterException(spec.commandLine(), "name a sub-command: trigger, status, clear");
  }

  /** Options every sub-command shares: where the settings are and which DAG. */
  static final class Connection {
    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "Airflow settings file (default: ~/.config/iste/airflow.properties).")
    Path config;

    @Option(
        names = "--dag",
        paramLabel = "DAG_ID",
        defaultValue = QUARTERLY_DAG,
        description = "The DAG (default: ${DEFAULT-VALUE}).")
    String dag;

    AirflowClient connect() {
      AirflowConfig settings;
      try {
        settings =
            AirflowConfig.load(config, Path.of(System.getProperty("user.home")), System.getenv());
      } catch (IOException | IllegalArgumentException e) {
        throw new UserError(ExitCode.FAILURE, "Airflow settings: " + e.getMessage(), e);
      }
      return AirflowClient.connect(settings);
    }
  }

  static final class QuarterConverter implements ITypeConverter<Quarter> {
    @Override
    public Quarter convert(String value) {
      return Quarter.parse(value);
    }
  }

  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Durations.parse(value);
    }
  }

  /** Runs a verb's Airflow calls, turning Airflow's refusals into one-line failures. */
  abstract static class AirflowVerb extends BaseCommand {
    @Mixin Connection connection;

    @Override
    protected final int execute() {
      checkArguments();
      AirflowClient client = connection.connect();
      try {
        return call(client);
      } catch (AirflowException e) {
        throw new UserError(ExitCode.FAILURE, e.getMessage(), e);
      }
    }

    /** Fails with a usage error before anything is read or sent; none by default. */
    void checkArguments() {}

    abstract int call(AirflowClient client);

    /** Prints the run and its tasks in stage order; exit code 1 when the run failed. */
    int report(AirflowClient client, DagRun run) {
      PrintStream out = out();
      out.printf("%s  %s  %s%n", run.dagId(), run.runId(), run.state());
      List<TaskInstance> tasks =
          client.taskInstances(run.dagId(), run.runId()).stream()
              .sorted(
                  Comparator.comparingInt(AirflowVerb::stageOrder)
                      .thenComparing(TaskInstance::taskId))
              .toList();
      if (!tasks.isEmpty()) {
        out.printf("%-12s %-18s %s%n", "TASK", "STATE", "TRY");
        for (TaskInstance t : tasks) {
          out.printf("%-12s %-18s %d%n", t.taskId(), t.state(), t.tryNumber());
        }
      }
      return "failed".equals(run.state()) ? ExitCode.FAILURE : ExitCode.OK;
    }

    private static int stageOrder(TaskInstance t) {
      for (Stage s : Stage.values()) {
        if (s.id().equals(t.taskId())) {
          return s.ordinal();
        }
      }
      return Stage.values().length;
    }
  }

  @Command(
      name = "trigger",
      header = "Start a quarter's run (idempotent: the same quarter and attempt name one run).",
      description = {
        "The run id is iste_<quarter>_manual__<attempt>, the conf {\"quarter\": \"<quarter>\"},",
        "the logical date the quarter's first day, 00:00 UTC (plus one hour per attempt",
        "after the first). Triggering the same quarter and attempt again finds that run."
      })
  static final class Trigger extends AirflowVerb {
    @Option(
        names = "--quarter",
        required = true,
        paramLabel = "YYYYQn",
        converter = QuarterConverter.class,
        description = "The quarter to run, e.g. 2024Q2.")
    Quarter quarter;

    @Option(
        names = "--attempt",
        paramLabel = "N",
        defaultValue = "1",
        description = "Which manual run of this quarter (default: ${DEFAULT-VALUE}).")
    int attempt;

    @Option(names = "--wait", description = "Wait until the run finishes; fail if it fails.")
    boolean await;

    @Option(
        names = "--timeout",
        paramLabel = "DURATION",
        defaultValue = "6h",
        converter = DurationConverter.class,
        description =
            "With --wait: give up after this long, e.g. 90m, 2h (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
        names = "--poll",
        paramLabel = "DURATION",
        defaultValue = "30s",
        converter = DurationConverter.class,
        description = "With --wait: how often to ask (default: ${DEFAULT-VALUE}).")
    Duration poll;

    private QuarterRun quarterRun;

    @Override
    void checkArguments() {
      try {
        quarterRun = new QuarterRun(quarter, attempt);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      if (poll.compareTo(timeout) > 0) {
        throw new ParameterException(spec.commandLine(), "--poll is longer than --timeout");
      }
    }

    @Override
    int call(AirflowClient client) {
      QuarterTrigger.Result result = QuarterTrigger.trigger(client, connection.dag, quarterRun);
      DagRun run = result.run();
      err()
          .printf(
              "%s %s run %s (%s)%n",
              result.alreadyExisted() ? "found existing" : "triggered",
              run.dagId(),
              run.runId(),
              run.state());
      if (!await) {
        out().println(run.runId());
        return ExitCode.OK;
      }
      return report(client, client.waitFor(run.dagId(), run.runId(), timeout, poll));
    }
  }

  @Command(
      name = "status",
      header = "Print a run's state and its tasks' states (exit 1 when the run failed).")
  static final class Status extends AirflowVerb {
    @Parameters(
        index = "0",
        paramLabel = "RUN_ID",
        description = "The run, e.g. iste_2024Q2_manual__1.")
    String runId;

    @Override
    int call(AirflowClient client) {
      return report(client, client.dagRun(connection.dag, runId));
    }
  }

  @Command(
      name = "clear",
      header = "Clear a task of a run and the tasks after it, so that Airflow runs them again.")
  static final class Clear extends AirflowVerb {
    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run.")
    String runId;

    @Parameters(
        index = "1",
        paramLabel = "TASK_ID",
        description = "The task (a stage), e.g. model.")
    String taskId;

    @Override
    int call(AirflowClient client) {
      client.clearTaskInstance(connection.dag, runId, taskId);
      err()
          .printf(
              "cleared %s of %s run %s and the tasks after it%n", taskId, connection.dag, runId);
      return ExitCode.OK;
    }
  }
}
