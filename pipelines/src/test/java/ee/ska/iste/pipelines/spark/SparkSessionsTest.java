package ee.ska.iste.pipelines.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSessionsTest {
  @TempDir Path dir;

  @Test
  void sparkScratchIsOneFolderOfTheOwnersOnly() throws IOException {
    Assumptions.assumeTrue(System.getenv("SPARK_LOCAL_DIRS") == null, "SPARK_LOCAL_DIRS wins");
    SparkSession spark = SharedSpark.session();
    Path local = Path.of(spark.sparkContext().getConf().get("spark.local.dir"));
    assertTrue(local.getFileName().toString().startsWith("iste-spark-"), local.toString());
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(local)));
  }

  @Test
  void parquetWrittenBySparkIsGroupReadableAtMost() throws IOException {
    SparkSession spark = SharedSpark.session();
    Path table = dir.resolve("stg_example");
    spark
        .range(0, 100)
        .selectExpr("id", "cast(id % 3 as string) as quarter")
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy("quarter")
        .parquet(table.toString());

    List<String> tooOpen = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.walk(table)) {
      for (Path p : s.toList()) {
        names.add(table.relativize(p).toString());
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p);
        if (mode.contains(PosixFilePermission.GROUP_WRITE)
            || mode.contains(PosixFilePermission.OTHERS_READ)
            || mode.contains(PosixFilePermission.OTHERS_WRITE)
            || mode.contains(PosixFilePermission.OTHERS_EXECUTE)) {
          tooOpen.add(table.relativize(p) + " " + PosixFilePermissions.toString(mode));
        }
      }
    }
    assertEquals(List.of(), tooOpen);
    // one task: three partition folders with one part each, and the committer's temporary folders
    // renamed away
    assertEquals(3, names.stream().filter(n -> n.endsWith(".parquet")).count(), names.toString());
    assertFalse(
        names.stream().anyMatch(n -> n.contains("_temporary") || n.contains(".spark-staging")),
        names.toString());
  }
}
