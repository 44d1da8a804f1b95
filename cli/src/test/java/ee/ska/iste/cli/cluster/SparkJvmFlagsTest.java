package ee.ska.iste.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The executors get the driver's Spark flags and nothing else of its command line. */
class SparkJvmFlagsTest {
  @Test
  void keepsSparksFlagsInOrderAndDropsTheRest() {
    List<String> driver =
        List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "-Xmx4g",
            "-XX:+UseParallelGC",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "-Duser.timezone=UTC",
            "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");
    assertEquals(
        List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true"),
        SparkJvmFlags.select(driver));
  }

  @Test
  void thisTestJvmHasTheAddOpensSparkNeeds() {
    // Surefire's argLine carries the parent pom's list: 14 --add-opens
    assertEquals(
        14, SparkJvmFlags.ofThisJvm().stream().filter(f -> f.startsWith("--add-opens=")).count());
    assertTrue(SparkJvmFlags.executorJavaOptions().contains("java.base/sun.nio.ch=ALL-UNNAMED"));
  }
}
