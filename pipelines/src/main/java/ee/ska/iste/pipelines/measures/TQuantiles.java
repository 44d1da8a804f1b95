package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.udf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The 97.5% quantile of Student's t with n − 1 degrees of freedom, null below n = 2: the t of every
 * interval mean ± t·sd/√n. Each instance remembers the quantiles it has worked out (each copy a
 * task deserialises has its own): most figures share a few hundred values of n, and one quantile
 * costs a root search.
 */
final class TQuantiles implements UDF1<Long, Double> {
  private final Map<Long, Double> byN = new ConcurrentHashMap<>();

  /** A Spark function of n (a long column) giving t(0.975, n − 1). */
  static UserDefinedFunction t975() {
    return udf(new TQuantiles(), DataTypes.DoubleType);
  }

  @Override
  public Double call(Long n) {
    return n == null || n < 2
        ? null
        : byN.computeIfAbsent(n, k -> Stats.studentTQuantile(0.975, k - 1));
  }
}
