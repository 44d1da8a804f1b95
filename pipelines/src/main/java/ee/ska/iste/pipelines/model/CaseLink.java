package ee.ska.iste.pipelines.model;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Attaches {@code case_id} to dated facts of a client in a KOV: the case of the same client and KOV
 * whose span (from {@code beforeDays} before its start to its end) overlaps the fact's dates; when
 * two do, the later-starting case. A fact with no such case keeps a null {@code case_id}.
 *
 * <p>A client has few cases in a KOV: they are gathered per client and KOV, latest start first,
 * into one small table broadcast to every task, and each fact takes the first case of its list
 * whose span overlaps its dates. The facts are neither shuffled nor sorted, and every fact row
 * comes out once, in its input order.
 */
final class CaseLink {
  private CaseLink() {}

  /** The schema of {@link #attach} over facts of schema {@code facts}: {@code case_id} in front. */
  static StructType schema(StructType facts) {
    StructField[] out = new StructField[facts.fields().length + 1];
    out[0] = DataTypes.createStructField("case_id", DataTypes.StringType, true);
    System.arraycopy(facts.fields(), 0, out, 1, facts.fields().length);
    return new StructType(out);
  }

  static Dataset<Row> attach(
      Dataset<Row> facts, Dataset<Row> cases, String fromColumn, String toColumn, int beforeDays) {
    Dataset<Row> spans =
        cases
            .groupBy(col("client_id").as("_c_client"), col("kov_code").as("_c_kov"))
            .agg(
                // case starts are unique per client and KOV (case_id is built from them)
                sort_array(
                        collect_list(
                            struct(
                                col("start_date").as("start"),
                                col("end_date").as("end"),
                                col("case_id").as("id"))),
                        false)
                    .as("_c_spans"));
    Column sameClientKov =
        facts
            .col("client_id")
            .equalTo(spans.col("_c_client"))
            .and(facts.col("kov_code").equalTo(spans.col("_c_kov")));
    Column from = facts.col(fromColumn);
    Column to = facts.col(toColumn);
    Column overlapping =
        filter(
            col("_c_spans"),
            s ->
                date_sub(s.getField("start"), beforeDays)
                    .leq(to)
                    .and(s.getField("end").isNull().or(s.getField("end").geq(from))));
    Column[] factColumns = Arrays.stream(facts.columns()).map(facts::col).toArray(Column[]::new);
    Column[] out = new Column[factColumns.length + 1];
    out[0] = get(overlapping, lit(0)).getField("id").as("case_id");
    System.arraycopy(factColumns, 0, out, 1, factColumns.length);
    return facts.join(broadcast(spans), sameClientKov, "left").select(out);
  }
}
