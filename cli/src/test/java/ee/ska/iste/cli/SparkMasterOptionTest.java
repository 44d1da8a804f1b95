package ee.ska.iste.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which master a verb that starts Spark takes: spark-submit's, then --master, then local[2]. */
class SparkMasterOptionTest {
  @Test
  void withoutSparkSubmitTheOptionOrLocal2() {
    assertEquals("local[2]", SparkMasterOption.choose(null, null));
    assertEquals("spark://head:7077", SparkMasterOption.choose("spark://head:7077", null));
  }

  @Test
  void underSparkSubmitItsMasterWinsOverTheOption() {
    // null: the session takes the master (and the rest) from the submit configuration
    assertNull(SparkMasterOption.choose(null, "spark://head:7077"));
    assertNull(SparkMasterOption.choose("local[2]", "spark://head:7077"));
  }
}
