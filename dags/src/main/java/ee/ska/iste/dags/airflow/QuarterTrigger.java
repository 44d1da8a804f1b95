package ee.ska.iste.dags.airflow;

/**
 * Triggers a quarter's manual run idempotently: the run id is deterministic ({@link
 * QuarterRun#runId()}), so when Airflow answers that it exists, the existing run is returned.
 */
public final class QuarterTrigger {
  /**
   * What a trigger did.
   *
   * @param run the run as Airflow reports it
   * @param alreadyExisted whether the run had been triggered before (nothing new was started)
   */
  public record Result(DagRun run, boolean alreadyExisted) {
    public Result {
      if (run == null) {
        throw new IllegalArgumentException("a trigger result needs a run");
      }
    }
  }

  private QuarterTrigger() {}

  /** Starts the quarter's run on the DAG, or finds the one started before with the same id. */
  public static Result trigger(AirflowClient client, String dagId, QuarterRun quarterRun) {
    try {
      return new Result(
          client.trigger(dagId, quarterRun.runId(), quarterRun.logicalDate(), quarterRun.conf()),
          false);
    } catch (DagRunExistsException e) {
      try {
        return new Result(client.dagRun(dagId, quarterRun.runId()), true);
      } catch (AirflowNotFoundException notByThatId) {
        // On Airflow 2 the conflict can be another run on the same logical date.
        throw new DagRunExistsException(
            e.status(),
            e.getMessage()
                + " (another run has logical date "
                + quarterRun.logicalDate()
                + "; use another attempt number)",
            e);
      }
    }
  }
}
