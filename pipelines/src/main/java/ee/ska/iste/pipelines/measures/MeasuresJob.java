package ee.ska.iste.pipelines.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.model.CodeDimensions;
import ee.ska.iste.pipelines.model.DimMunicipality;
import ee.ska.iste.pipelines.model.FctAssessment;
import ee.ska.iste.pipelines.model.FctCase;
import ee.ska.iste.pipelines.model.FctParticipation;
import ee.ska.iste.pipelines.model.FctPlan;
import ee.ska.iste.pipelines.model.FctQolScore;
import ee.ska.iste.pipelines.model.ModelJob;
import ee.ska.iste.pipelines.model.RefDatasets;
import ee.ska.iste.pipelines.model.TableIO;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The measures stage: for each quarter asked for, computes every measure of measures.md at KOV,
 * county and national level from the model tables and writes {@code mart_outcomes} and {@code
 * mart_funnel} (the quarter's partitions replaced) and {@code ref_measure} (the catalogue).
 */
public final class MeasuresJob {
  public void run(SparkSession spark, WarehouseLayout layout, List<Quarter> quarters, ReferenceData ref) {
    if (quarters.isEmpty()) {
      throw new IllegalArgumentException("no quarter to compute measures for");
    }
    spark.sparkContext().setJobGroup("iste-measures", "measures: catalogue at " + layout.root(), false);
    ModelTables tables = ModelTables.read(spark, layout, ref).cached();
    try {
      TableIO.write(MeasureCatalogue.build(spark, ref), layout, MeasureCatalogue.TABLE, "measure");
      List<Quarter> sorted = quarters.stream().sorted().toList();
      List<Collected> results = computeInParallel(spark, layout, sorted, tables, ref);
      // One write per table for all quarters: each quarter's figures are a few thousand rows.
      List<Row> outcomes = new ArrayList<>();
      List<Row> funnel = new ArrayList<>();
      results.forEach(c -> { outcomes.addAll(c.outcomes()); funnel.addAll(c.funnel()); });
      spark.sparkContext().setJobGroup("iste-measures", "measures: write " + sorted.size() + " quarters at " + layout.root(), false);
      TableIO.writeByQuarter(
          spark.createDataFrame(outcomes, results.get(0).outcomesSchema()), layout, MartOutcomes.TABLE,
          "quarter", MartOutcomes.SORT[0], MartOutcomes.SORT[1], MartOutcomes.SORT[2]);
      TableIO.writeByQuarter(
          spark.createDataFrame(funnel, results.get(0).funnelSchema()), layout, "mart_funnel",
          "quarter", "measure", "kov_code");
    } finally {
      tables.unpersist();
      spark.sparkContext().clearJobGroup();
    }
  }

  /** A quarter's mart rows, computed. */
  private record Collected(List<Row> outcomes, StructType outcomesSchema, List<Row> funnel, StructType funnelSchema) {}

  /**
   * Computes the quarters on as many driver threads as there are cores: on ISTE's data volumes a
   * quarter's time is mostly the driver planning its large query, which one thread cannot spread.
   */
  private static List<Collected> computeInParallel(
      SparkSession spark, WarehouseLayout layout, List<Quarter> quarters, ModelTables tables, ReferenceData ref) {
    int threads = Math.max(1, Math.min(quarters.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "iste-measures");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Collected>> futures = new ArrayList<>();
      for (Quarter q : quarters) {
        futures.add(pool.submit(() -> compute(spark, layout, q, tables, ref)));
      }
      List<Collected> out = new ArrayList<>();
      for (Future<Collected> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing measures", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("measures failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Collected compute(
      SparkSession spark, WarehouseLayout layout, Quarter q, ModelTables tables, ReferenceData ref) {
    spark.sparkContext().setJobGroup("iste-measures-" + q, "measures: quarter " + q + " at " + layout.root(), false);
    try {
      MeasureRules rules = MeasureRules.of(ref, q.lastDay(), CodeDimensions.finalExitReasons(ref));
      Dataset<Row> figures = figures(q, tables, rules).cache();
      try {
        Result r = finish(q, figures, tables, rules);
        return new Collected(
            r.outcomes().collectAsList(), r.outcomes().schema(), r.funnel().collectAsList(), r.funnel().schema());
      } finally {
        figures.unpersist();
      }
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /** The model tables and reference Datasets the measures read. */
  public record ModelTables(
      Dataset<Row> cases,
      Dataset<Row> scores,
      Dataset<Row> assessments,
      Dataset<Row> plans,
      Dataset<Row> participation,
      Dataset<Row> municipalities,
      Dataset<Row> instruments,
      Dataset<Row> allocations,
      Dataset<Row> components) {

    /** The same tables kept in memory (spilling to disk) while every quarter reads them. */
    ModelTables cached() {
      return new ModelTables(
          cases.persist(StorageLevel.MEMORY_AND_DISK()),
          scores.persist(StorageLevel.MEMORY_AND_DISK()),
          assessments.persist(StorageLevel.MEMORY_AND_DISK()),
          plans.persist(StorageLevel.MEMORY_AND_DISK()),
          participation.persist(StorageLevel.MEMORY_AND_DISK()),
          municipalities.cache(),
          instruments.cache(),
          allocations.cache(),
          components.cache());
    }

    void unpersist() {
      List.of(cases, scores, assessments, plans, participation, municipalities, instruments, allocations, components)
          .forEach(Dataset::unpersist);
    }

    /** Reads the model tables in the schemas the model stage produces (empty when absent). */
    static ModelTables read(SparkSession spark, WarehouseLayout layout, ReferenceData ref) {
      ModelJob.Model shape = ModelJob.shape(spark, ref);
      return new ModelTables(
          TableIO.read(spark, layout, FctCase.TABLE, shape.fctCase().schema()),
          TableIO.read(spark, layout, FctQolScore.TABLE, shape.fctQolScore().schema()),
          TableIO.read(spark, layout, FctAssessment.TABLE, shape.fctAssessment().schema()),
          TableIO.read(spark, layout, FctPlan.TABLE, shape.fctPlan().schema()),
          TableIO.read(spark, layout, FctParticipation.TABLE, shape.fctParticipation().schema()),
          TableIO.read(spark, layout, DimMunicipality.TABLE, DimMunicipality.SCHEMA),
          RefDatasets.of(spark, ref, "instruments", RefDatasets.INSTRUMENTS),
          Occupancy.allocations(spark, ref),
          CodeDimensions.components(spark, ref));
    }
  }

  /** A quarter's {@code mart_outcomes} and {@code mart_funnel} rows. */
  public record Result(Dataset<Row> outcomes, Dataset<Row> funnel) {}

  /** The pure part: a quarter's figures from the model tables. */
  public static Result compute(Quarter q, ModelTables t, MeasureRules rules) {
    return finish(q, figures(q, t, rules), t, rules);
  }

  /**
   * A quarter's rolled-up figures before disclosure control and funnel limits: level, unit_code,
   * measure, kind, n, value, numerator, denominator, sd, ci_low, ci_high.
   */
  public static Dataset<Row> figures(Quarter q, ModelTables t, MeasureRules rules) {
    Dataset<Row> active = CaseQuarter.activeCases(t.cases(), q);
    Dataset<Row> withNeed =
        CaseFacts.withNeed(
            CaseQuarter.withQol(active, t.scores(), t.instruments(), q, rules), t.assessments(), q, rules);
    Dataset<Row> facts =
        CaseFacts.withServices(CaseFacts.withPlans(withNeed, t.plans(), q, rules), t.participation(), q);
    Dataset<Row> domains =
        CaseFacts.needDomains(withNeed, t.assessments(), t.participation(), t.components(), q, rules);
    Dataset<Row> observations =
        CaseObservations.cases(facts, rules).unionByName(CaseObservations.needDomains(domains));
    Dataset<Row> figures =
        Rollup.transform(observations, MeasureRules.RCI_Z)
            .unionByName(Occupancy.transform(active, t.allocations(), t.municipalities(), q));
    return figures;
  }

  /** Disclosure control, funnel limits and the mart columns on top of {@link #figures}. */
  public static Result finish(Quarter q, Dataset<Row> figures, ModelTables t, MeasureRules rules) {
    Dataset<Row> disclosed =
        Disclosure.transform(figures, t.municipalities(), rules.suppressionMin());
    Dataset<Row> funnel = Funnel.transform(figures, rules);
    Dataset<Row> flags =
        funnel.select(
            lit("KOV").as("_f_level"),
            col("kov_code").as("_f_unit"),
            col("measure").as("_f_measure"),
            col("flag").as("funnel_flag"));
    Dataset<Row> outcomes =
        disclosed
            .join(
                flags,
                col("level")
                    .equalTo(col("_f_level"))
                    .and(col("unit_code").equalTo(col("_f_unit")))
                    .and(col("measure").equalTo(col("_f_measure"))),
                "left")
            .withColumn("quarter", lit(q.toString()));
    return new Result(
        MartOutcomes.select(outcomes), funnel.withColumn("quarter", lit(q.toString())));
  }
}
