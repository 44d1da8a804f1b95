package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * The sums behind every measure per KOV and quarter, from the case-quarter facts in one pass: one
 * aggregation over the facts with a few sums per observation, then one row per KOV, quarter and
 * measure that at least one case contributed to.
 *
 * <p>Output: kov_code, county_code, quarter, measure, kind, rows (contributing cases), sx (Σ x),
 * sd_ (Σ d: shares, means, ratios), sxx (Σ x²: means), nonzero (cases with x ≠ 0: sums), positive
 * (cases with d > 0: shares, means, ratios). Every sum is exact.
 */
final class KovSums {
  private static final DecimalType TOTAL = DataTypes.createDecimalType(38, 8);
  private static final DecimalType SQUARES = DataTypes.createDecimalType(38, 16);

  private KovSums() {}

  static Dataset<Row> of(Dataset<Row> facts, List<Observation> observations) {
    List<Column> sums = new ArrayList<>();
    List<Column> rows = new ArrayList<>();
    for (int i = 0; i < observations.size(); i++) {
      Observation o = observations.get(i);
      Kind kind = o.kind();
      sums.add(count(o.x()).as("_n" + i));
      sums.add(sum(o.x()).as("_x" + i));
      Column n = col("_n" + i);
      Column sd = lit(null);
      Column sxx = lit(null);
      Column nonzero = lit(0L);
      Column positive = lit(0L);
      switch (kind) {
        case COUNT -> {}
        case SUM -> {
          sums.add(count(when(o.x().notEqual(0), 1)).as("_z" + i));
          nonzero = col("_z" + i);
        }
        case SHARE -> {
          // d = 1 for every contributing case
          sd = n;
          positive = n;
        }
        case MEAN -> {
          sums.add(sum(o.x().multiply(o.x())).as("_q" + i));
          sd = n;
          sxx = col("_q" + i);
          positive = n;
        }
        case RATIO -> {
          Column d = o.d(); // not null exactly when the case contributes
          sums.add(sum(d).as("_d" + i));
          sums.add(count(when(d.gt(0), 1)).as("_p" + i));
          sd = col("_d" + i);
          positive = col("_p" + i);
        }
      }
      rows.add(
          struct(
              lit(o.measure()).as("measure"),
              lit(kind.name()).as("kind"),
              n.cast("long").as("rows"),
              col("_x" + i).cast(TOTAL).as("sx"),
              sd.cast(TOTAL).as("sd_"),
              sxx.cast(SQUARES).as("sxx"),
              nonzero.cast("long").as("nonzero"),
              positive.cast("long").as("positive")));
    }
    return facts
        .groupBy("kov_code", "county_code", "quarter")
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]))
        .select(
            col("kov_code"),
            col("county_code"),
            col("quarter"),
            explode(array(rows.toArray(new Column[0]))).as("s"))
        .filter(col("s.rows").gt(0))
        .select("kov_code", "county_code", "quarter", "s.*");
  }
}
