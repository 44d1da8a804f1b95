package ee.ska.iste.pipelines.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ee.ska.iste.pipelines.spark.SharedSpark;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * A fact goes to the case of the same client and KOV whose span (from 30 days before its start to
 * its end) holds the fact's dates; of two such cases, the later-starting one; else to none. The
 * spans below are worked out by hand:
 *
 * <pre>
 *   A  client c1 in 0784: 2024-01-01 .. 2024-03-31  span 2023-12-02 .. 2024-03-31
 *   B  client c1 in 0784: 2024-04-10 .. open        span 2024-03-11 .. open
 *   C  client c1 in 0296: 2024-02-01 .. 2024-02-29  span 2024-01-02 .. 2024-02-29
 * </pre>
 */
class CaseLinkTest {
  private static final StructType CASES =
      new StructType()
          .add("case_id", DataTypes.StringType)
          .add("client_id", DataTypes.StringType)
          .add("kov_code", DataTypes.StringType)
          .add("start_date", DataTypes.DateType)
          .add("end_date", DataTypes.DateType);
  private static final StructType FACTS =
      new StructType()
          .add("client_id", DataTypes.StringType)
          .add("kov_code", DataTypes.StringType)
          .add("on", DataTypes.DateType)
          .add("n", DataTypes.IntegerType);

  private static Date d(String s) {
    return Date.valueOf(s);
  }

  @Test
  void theLaterStartingOverlappingCaseWins() {
    SparkSession spark = SharedSpark.session();
    Dataset<Row> cases =
        spark.createDataFrame(
            List.of(
                RowFactory.create("A", "c1", "0784", d("2024-01-01"), d("2024-03-31")),
                RowFactory.create("B", "c1", "0784", d("2024-04-10"), null),
                RowFactory.create("C", "c1", "0296", d("2024-02-01"), d("2024-02-29"))),
            CASES);
    Dataset<Row> facts =
        spark.createDataFrame(
            List.of(
                RowFactory.create("c1", "0784", d("2023-12-01"), 1), // a day before A's span: none
                RowFactory.create("c1", "0784", d("2023-12-02"), 2), // A's span's first day: A
                RowFactory.create("c1", "0784", d("2024-02-01"), 3), // inside A only: A
                RowFactory.create("c1", "0784", d("2024-03-25"), 4), // A and B's baseline window: B
                RowFactory.create("c1", "0784", d("2024-04-05"), 5), // after A, before B: B
                RowFactory.create("c1", "0784", d("2026-01-01"), 6), // B is open: B
                RowFactory.create("c1", "0296", d("2024-03-01"), 7), // after C's end: none
                RowFactory.create("c1", "0296", d("2024-02-15"), 8), // inside C: C
                RowFactory.create("c2", "0784", d("2024-02-01"), 9), // another client: none
                RowFactory.create("c1", "0784", d("2024-02-01"), 3)), // an identical fact is kept
            FACTS);
    List<Row> linked = CaseLink.attach(facts, cases, "on", "on", 30).orderBy("n").collectAsList();
    assertEquals(10, linked.size());
    assertEquals(
        List.of("case_id", "client_id", "kov_code", "on", "n"),
        List.of(linked.get(0).schema().fieldNames()));
    String[] expected = {null, "A", "A", "A", "B", "B", "B", null, "C", null};
    int[] n = {1, 2, 3, 3, 4, 5, 6, 7, 8, 9};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(n[i], linked.get(i).<Integer>getAs("n"));
      if (expected[i] == null) {
        assertNull(linked.get(i).getAs("case_id"), "fact " + n[i]);
      } else {
        assertEquals(expected[i], linked.get(i).<String>getAs("case_id"), "fact " + n[i]);
      }
    }
  }
}
