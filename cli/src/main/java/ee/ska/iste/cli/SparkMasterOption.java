package ee.ska.iste.cli;

import java.io.PrintStream;
import picocli.CommandLine.Option;

/**
 * The Spark master of every verb that starts Spark: spark-submit's when the verb runs under it
 * ({@code spark.master} set in the submit configuration, which spark-submit passes to the driver as
 * a system property), else {@code --master}, else {@value #DEFAULT}.
 */
public final class SparkMasterOption {
  /** The master when neither spark-submit nor {@code --master} names one. */
  public static final String DEFAULT = "local[2]";

  /** The submit configuration's key for the master. */
  static final String SUBMITTED = "spark.master";

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master URL when not run by spark-submit (spark-submit's --master wins);"
              + " default: "
              + DEFAULT
              + ".")
  String master;

  /**
   * The master to build the session with: null when spark-submit set one (the session then takes
   * it, with the rest of the submit configuration), else {@code --master} or {@value #DEFAULT}.
   */
  public String master() {
    return choose(master, System.getProperty(SUBMITTED));
  }

  /**
   * {@link #master()}, saying on {@code err} when a {@code --master} given on the command line is
   * overruled by spark-submit's.
   */
  public String master(PrintStream err) {
    String submitted = System.getProperty(SUBMITTED);
    if (submitted != null && master != null && !master.equals(submitted)) {
      err.println(
          "iste: --master " + master + " ignored: spark-submit runs this with master " + submitted);
    }
    return choose(master, submitted);
  }

  /** The rule: spark-submit's master wins (null: the session takes it), then the option. */
  static String choose(String option, String submitted) {
    if (submitted != null) {
      return null;
    }
    return option != null ? option : DEFAULT;
  }
}
