package ee.ska.iste.pipelines.measures;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.model.CodeDimensions;
import ee.ska.iste.pipelines.model.ModelJob;
import ee.ska.iste.pipelines.model.StagedFixture;
import ee.ska.iste.pipelines.spark.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** Runs model and measures on a hand-built fixture and indexes the figures. */
final class Harness {
  final Map<String, Row> outcomes = new HashMap<>();
  final Map<String, Row> funnel = new HashMap<>();

  /** mart_disclosure_audit rows by level/unit/measure/quantity. */
  final Map<String, Row> audit = new HashMap<>();

  private Harness() {}

  static Harness run(StagedFixture f, Quarter q) {
    return run(f, q, ReferenceData.builtIn());
  }

  static Harness run(StagedFixture f, Quarter q, ReferenceData ref) {
    MeasuresJob.ModelTables t = model(f, ref);
    MeasureRules rules = MeasureRules.of(ref, q.lastDay(), CodeDimensions.finalExitReasons(ref));
    // checkpointed like the cached figures of MeasuresJob.run, so finish() does not redo them
    MeasuresJob.Figures figures = MeasuresJob.figures(q, t, rules).checkpointed();
    MeasuresJob.Result r = MeasuresJob.finish(figures, t, rules);
    Harness h = new Harness();
    List<Row> rows = r.outcomes().collectAsList();
    for (Row row : rows) {
      h.outcomes.put(
          row.getAs("level") + "/" + row.getAs("unit_code") + "/" + row.getAs("measure"), row);
    }
    for (Row row : r.audit().collectAsList()) {
      h.audit.put(
          row.getAs("level")
              + "/"
              + row.getAs("unit_code")
              + "/"
              + row.getAs("measure")
              + "/"
              + row.getAs("quantity"),
          row);
    }
    for (Row row : r.funnel().collectAsList()) {
      h.funnel.put(row.getAs("measure") + "/" + row.getAs("kov_code"), row);
    }
    return h;
  }

  /** The fixture staged and modelled, as the measures read it. */
  static MeasuresJob.ModelTables model(StagedFixture f, ReferenceData ref) {
    SparkSession spark = SharedSpark.session();
    WarehouseLayout layout;
    try {
      layout = new WarehouseLayout(Files.createTempDirectory("iste-measures-test").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // through Parquet, as in a run: the model tables come back with their real (small) sizes
    stage(f.episodes(spark), layout, "stg_client_episode");
    stage(f.assessments(spark), layout, "stg_assessment");
    stage(f.plans(spark), layout, "stg_plan");
    stage(f.participation(spark), layout, "stg_participation");
    stage(f.qol(spark), layout, "stg_qol");
    new ModelJob().run(spark, layout, ref);
    return MeasuresJob.ModelTables.read(spark, layout, ref);
  }

  private static void stage(Dataset<Row> rows, WarehouseLayout layout, String table) {
    rows.write().mode(SaveMode.Overwrite).partitionBy("quarter").parquet(layout.table(table));
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
