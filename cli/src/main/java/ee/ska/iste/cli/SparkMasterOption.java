package ee.ska.iste.cli;

import picocli.CommandLine.Option;

/** The {@code --master} option of the verbs that run Spark in this process (default local[2]). */
public final class SparkMasterOption {
  @Option(
      names = "--master",
      defaultValue = "local[2]",
      description = "Spark master URL (default: ${DEFAULT-VALUE}).")
  String master;

  /** The Spark master URL. */
  public String master() {
    return master;
  }
}
