package ee.ska.iste.pipelines.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.row_number;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Attaches {@code case_id} to dated facts of a client in a KOV: the case of the same client and
 * KOV whose span (from {@code beforeDays} before its start to its end) overlaps the fact's dates;
 * when two do, the later-starting case. A fact with no such case keeps a null {@code case_id}.
 */
final class CaseLink {
  private CaseLink() {}

  static Dataset<Row> attach(
      Dataset<Row> facts, Dataset<Row> cases, String fromColumn, String toColumn, int beforeDays) {
    Dataset<Row> c =
        cases.select(
            col("case_id"),
            col("client_id").as("_c_client"),
            col("kov_code").as("_c_kov"),
            col("start_date").as("_c_start"),
            col("end_date").as("_c_end"));
    Column match =
        facts
            .col("client_id")
            .equalTo(c.col("_c_client"))
            .and(facts.col("kov_code").equalTo(c.col("_c_kov")))
            .and(date_sub(c.col("_c_start"), beforeDays).leq(facts.col(toColumn)))
            .and(c.col("_c_end").isNull().or(c.col("_c_end").geq(facts.col(fromColumn))));
    Column[] factColumns = Arrays.stream(facts.columns()).map(facts::col).toArray(Column[]::new);
    return facts
        .join(c, match, "left")
        .withColumn(
            "_rank",
            row_number().over(Window.partitionBy(factColumns).orderBy(col("_c_start").desc())))
        .filter(col("_rank").equalTo(1))
        .select(
            concat(col("case_id"), Arrays.stream(facts.columns()).map(n -> col(n)).toArray(Column[]::new)));
  }

  private static Column[] concat(Column first, Column[] rest) {
    Column[] all = new Column[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
