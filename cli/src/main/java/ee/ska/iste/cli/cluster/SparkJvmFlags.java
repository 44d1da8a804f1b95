package ee.ska.iste.cli.cluster;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The JVM flags Spark needs on Java 17 in every JVM it runs in (driver, executors, master, worker):
 * the {@code --add-opens} list that spark-submit itself adds and the few system properties beside
 * it. Taken from this JVM's own command line, where the launcher ({@code jvm.options}, written by
 * the build from the parent pom) or Surefire put them, so every JVM gets exactly the driver's.
 */
public final class SparkJvmFlags {
  private SparkJvmFlags() {}

  /** The flags of this JVM that are Spark's, in their order. */
  public static List<String> ofThisJvm() {
    return select(ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /** The flags among {@code arguments} that are Spark's. */
  static List<String> select(List<String> arguments) {
    return arguments.stream().filter(SparkJvmFlags::isSparks).toList();
  }

  /**
   * The executors' Java options ({@code spark.executor.extraJavaOptions}): this JVM's Spark flags,
   * space-separated (none of them contains a space).
   */
  public static String executorJavaOptions() {
    return String.join(" ", ofThisJvm());
  }

  private static boolean isSparks(String arg) {
    return arg.startsWith("--add-opens=")
        || arg.startsWith("--add-exports=")
        || arg.equals("-XX:+IgnoreUnrecognizedVMOptions")
        || arg.startsWith("-Djdk.reflect.useDirectMethodHandle=")
        || arg.startsWith("-Dio.netty.tryReflectionSetAccessible=");
  }
}
