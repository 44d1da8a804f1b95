package ee.ska.iste.pipelines.measures;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.model.CodeDimensions;
import ee.ska.iste.pipelines.model.ModelJob;
import ee.ska.iste.pipelines.model.RefDatasets;
import ee.ska.iste.pipelines.model.StagedFixture;
import ee.ska.iste.pipelines.spark.SharedSpark;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Runs model and measures on a hand-built fixture and indexes the figures. */
final class Harness {
  final Map<String, Row> outcomes = new HashMap<>();
  final Map<String, Row> funnel = new HashMap<>();

  private Harness() {}

  static Harness run(StagedFixture f, Quarter q) {
    return run(f, q, ReferenceData.builtIn());
  }

  static Harness run(StagedFixture f, Quarter q, ReferenceData ref) {
    SparkSession spark = SharedSpark.session();
    long w0 = System.nanoTime();
    spark.range(10).groupBy().count().collectAsList();
    long w1 = System.nanoTime();
    spark.range(10).groupBy().count().collectAsList();
    System.err.printf("harness: warm-up %.1f s, trivial job %.1f s%n", (w1 - w0) / 1e9, (System.nanoTime() - w1) / 1e9);
    long m0 = System.nanoTime();
    ModelJob.Model m =
        ModelJob.build(
            spark, ref, f.episodes(spark), f.assessments(spark), f.plans(spark), f.participation(spark), f.qol(spark));
    MeasuresJob.ModelTables t =
        new MeasuresJob.ModelTables(
            m.fctCase().localCheckpoint(),
            m.fctQolScore().localCheckpoint(),
            m.fctAssessment().localCheckpoint(),
            m.fctPlan().localCheckpoint(),
            m.fctParticipation().localCheckpoint(),
            m.dimMunicipality().localCheckpoint(),
            RefDatasets.of(spark, ref, "instruments", RefDatasets.INSTRUMENTS),
            Occupancy.allocations(spark, ref),
            CodeDimensions.components(spark, ref));
    System.err.printf("harness: model %.1f s%n", (System.nanoTime() - m0) / 1e9);
    MeasureRules rules = MeasureRules.of(ref, q.lastDay(), CodeDimensions.finalExitReasons(ref));
    long t0 = System.nanoTime();
    Dataset<Row> figures = MeasuresJob.figures(q, t, rules).localCheckpoint();
    long t1 = System.nanoTime();
    MeasuresJob.Result r = MeasuresJob.finish(q, figures, t, rules);
    Harness h = new Harness();
    List<Row> rows = r.outcomes().collectAsList();
    for (Row row : rows) {
      h.outcomes.put(
          row.getAs("level") + "/" + row.getAs("unit_code") + "/" + row.getAs("measure"), row);
    }
    long t2 = System.nanoTime();
    System.err.printf("harness: figures %.1f s, finish %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    for (Row row : r.funnel().collectAsList()) {
      h.funnel.put(row.getAs("measure") + "/" + row.getAs("kov_code"), row);
    }
    return h;
  }

  Row row(String level, String unit, String measure) {
    Row r = outcomes.get(level + "/" + unit + "/" + measure);
    if (r == null) {
      throw new AssertionError("no row " + level + "/" + unit + "/" + measure);
    }
    return r;
  }

  boolean has(String level, String unit, String measure) {
    return outcomes.containsKey(level + "/" + unit + "/" + measure);
  }

  double value(String level, String unit, String measure) {
    return row(level, unit, measure).<Double>getAs("value");
  }

  Double field(String level, String unit, String measure, String column) {
    return row(level, unit, measure).getAs(column);
  }

  boolean suppressed(String level, String unit, String measure) {
    return row(level, unit, measure).<Boolean>getAs("suppressed");
  }
}
