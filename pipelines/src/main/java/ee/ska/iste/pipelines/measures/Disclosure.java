package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.disclosure.Auditor;
import ee.ska.iste.disclosure.Figure;
import ee.ska.iste.disclosure.Memo;
import ee.ska.iste.disclosure.OutsiderModel;
import ee.ska.iste.disclosure.Suppression;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disclosure control (measures.md): sets the {@code suppressed} flag and {@code hidden_because} of
 * the rolled-up figures and writes the outsider's audit ({@code mart_disclosure_audit}).
 *
 * <p>The figures of a quarter are a few thousand rows: they are collected to the driver and judged
 * there by the disclosure module ({@link Suppression}: primary suppression, then secondary
 * suppression until the linear-programming audit of every hidden quantity passes).
 */
final class Disclosure {
  private static final Logger LOG = LoggerFactory.getLogger("ee.ska.iste.pipelines.measures");

  /**
   * {@code hidden_because} of a figure of a level its measure is not published at (component hours
   * of a KOV: county and national figures only).
   */
  static final String LEVEL = "LEVEL";

  /** {@code mart_disclosure_audit}: one row per protected quantity of a hidden figure. */
  static final String AUDIT_TABLE = "mart_disclosure_audit";

  static final StructType FLAGS =
      new StructType()
          .add("_d_level", DataTypes.StringType)
          .add("_d_unit", DataTypes.StringType)
          .add("_d_quarter", DataTypes.StringType)
          .add("_d_measure", DataTypes.StringType)
          .add("hidden_because", DataTypes.StringType);

  static final StructType AUDIT =
      new StructType()
          .add("quarter", DataTypes.StringType)
          .add("measure", DataTypes.StringType)
          .add("level", DataTypes.StringType)
          .add("unit_code", DataTypes.StringType)
          .add("hidden_because", DataTypes.StringType)
          .add("quantity", DataTypes.StringType)
          .add("low", DataTypes.DoubleType)
          .add("high", DataTypes.DoubleType)
          .add("pass", DataTypes.BooleanType);

  /** The figures with {@code suppressed} and {@code hidden_because}, and the audit rows. */
  record Applied(Dataset<Row> figures, Dataset<Row> audit) {}

  private Disclosure() {}

  static Applied apply(
      Dataset<Row> figures, MeasuresJob.ModelTables t, MeasureRules rules, Memo memo) {
    SparkSession spark = figures.sparkSession();
    Map<String, List<Figure>> byQuarter = new TreeMap<>();
    for (Row r :
        figures
            .select(
                "level", "unit_code", "quarter", "measure", "kind", "n", "numerator", "denominator")
            .collectAsList()) {
      byQuarter.computeIfAbsent(r.getString(2), k -> new ArrayList<>()).add(figure(r));
    }
    // a total order: the search's tie-breaks then give the same cells for the same figures
    byQuarter.values().forEach(l -> l.sort(java.util.Comparator.comparing(Figure::key)));
    List<Row> municipalities = t.municipalities().select("kov_code", "county_code").collectAsList();
    List<Row> allocations =
        t.allocations()
            .select("allocation_id", "kov_code", "valid_from", "valid_to")
            .collectAsList();
    // the quarters are independent: judged on both cores, collected in quarter order
    List<List<Row>[]> perQuarter =
        byQuarter.entrySet().parallelStream()
            .map(e -> judge(e, rules, municipalities, allocations, memo))
            .toList();
    List<Row> flags = new ArrayList<>();
    List<Row> audit = new ArrayList<>();
    for (List<Row>[] r : perQuarter) {
      flags.addAll(r[0]);
      audit.addAll(r[1]);
    }
    return flagged(figures, spark, flags, audit);
  }

  /** One quarter's flags and audit rows. */
  @SuppressWarnings("unchecked")
  private static List<Row>[] judge(
      Map.Entry<String, List<Figure>> e,
      MeasureRules rules,
      List<Row> municipalities,
      List<Row> allocations,
      Memo memo) {
    List<Row> flags = new ArrayList<>();
    List<Row> audit = new ArrayList<>();
    LocalDate last = Quarter.parse(e.getKey()).lastDay();
    // figures of a level their measure is not published at: hidden always, outside the model
    List<Figure> modelled = new ArrayList<>();
    long notPublished = 0;
    for (Figure f : e.getValue()) {
      if (rules.disclosure().shownAt(f.measure(), f.level())) {
        modelled.add(f);
      } else {
        flags.add(RowFactory.create(f.level(), f.unit(), e.getKey(), f.measure(), LEVEL));
        notPublished++;
      }
    }
    OutsiderModel model =
        OutsiderModel.of(
            modelled, rules.disclosure(), kovCounty(municipalities), peers(allocations, last));
    if (!model.dropped().isEmpty()) {
      LOG.warn(
          "disclosure {}: identities that do not hold, left out: {}", e.getKey(), model.dropped());
    }
    // the same model as a run before: its result, not a search again (the same figures give the
    // same cells)
    Suppression.Result result = memo.suppress(e.getKey(), model);
    for (int i = 0; i < modelled.size(); i++) {
      Figure f = modelled.get(i);
      Suppression.Reason why = result.reasons()[i];
      flags.add(
          RowFactory.create(
              f.level(), f.unit(), e.getKey(), f.measure(), why == null ? null : why.name()));
    }
    for (Auditor.Check c : result.audit()) {
      Figure f = model.figure(c.figure());
      audit.add(
          RowFactory.create(
              e.getKey(),
              f.measure(),
              f.level(),
              f.unit(),
              result.reasons()[c.figure()].name(),
              c.field() == ee.ska.iste.disclosure.Field.NUM ? "numerator" : "denominator",
              finite(c.low()),
              finite(c.high()),
              c.pass()));
    }
    long failed = result.audit().stream().filter(c -> !c.pass()).count();
    LOG.info(
        "disclosure {}: {} figures hidden, {} of them to protect others, {} not published at their"
            + " level; audit {}",
        e.getKey(),
        result.count(Suppression.Reason.PRIMARY)
            + result.count(Suppression.Reason.SECONDARY)
            + notPublished,
        result.count(Suppression.Reason.SECONDARY),
        notPublished,
        failed == 0 ? "passed" : "FAILED for " + failed + " quantities");
    return new List[] {flags, audit};
  }

  private static Applied flagged(
      Dataset<Row> figures, SparkSession spark, List<Row> flags, List<Row> audit) {
    Dataset<Row> flagged =
        figures
            .join(
                broadcast(spark.createDataFrame(flags, FLAGS)),
                col("level")
                    .equalTo(col("_d_level"))
                    .and(col("unit_code").equalTo(col("_d_unit")))
                    .and(col("quarter").equalTo(col("_d_quarter")))
                    .and(col("measure").equalTo(col("_d_measure"))),
                "left")
            .drop("_d_level", "_d_unit", "_d_quarter", "_d_measure")
            .withColumn("suppressed", coalesce(col("hidden_because").isNotNull(), lit(false)));
    return new Applied(flagged, spark.createDataFrame(audit, AUDIT));
  }

  private static Figure figure(Row r) {
    Object den = r.get(7);
    return new Figure(
        r.getString(0),
        r.getString(1),
        r.getString(3),
        ee.ska.iste.disclosure.Kind.valueOf(r.getString(4)),
        r.isNullAt(5) ? 0 : r.getLong(5),
        r.isNullAt(6) ? 0 : ((Number) r.get(6)).doubleValue(),
        den == null ? Double.NaN : ((Number) den).doubleValue());
  }

  private static Double finite(double v) {
    return Double.isInfinite(v) ? null : v;
  }

  private static Map<String, String> kovCounty(List<Row> municipalities) {
    Map<String, String> m = new TreeMap<>();
    for (Row r : municipalities) {
      if (!r.isNullAt(1)) {
        m.put(r.getString(0), r.getString(1));
      }
    }
    return m;
  }

  /** KOV → the KOVs sharing its allocation valid on {@code on}. */
  private static Map<String, List<String>> peers(List<Row> allocations, LocalDate on) {
    Map<String, List<String>> byAllocation = new TreeMap<>();
    for (Row r : allocations) {
      LocalDate from = ((Date) r.get(2)).toLocalDate();
      LocalDate to = r.isNullAt(3) ? null : ((Date) r.get(3)).toLocalDate();
      if (!from.isAfter(on) && (to == null || !to.isBefore(on))) {
        byAllocation.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
      }
    }
    Map<String, List<String>> peers = new TreeMap<>();
    byAllocation.values().forEach(kovs -> kovs.forEach(k -> peers.put(k, List.copyOf(kovs))));
    return peers;
  }
}
