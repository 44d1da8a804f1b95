package ee.ska.iste.pipelines.model;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.staged.StagedSchemas;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Hand-built staged rows for tests, in the {@link StagedSchemas} schemas. */
public final class StagedFixture {
  private final List<Row> episodes = new ArrayList<>();
  private final List<Row> assessments = new ArrayList<>();
  private final List<Row> plans = new ArrayList<>();
  private final List<Row> participation = new ArrayList<>();
  private final List<Row> qol = new ArrayList<>();
  private int row = 2;

  public static Date d(String iso) {
    return iso == null ? null : Date.valueOf(LocalDate.parse(iso));
  }

  private Object[] common(String kov, String quarter) {
    return new Object[] {kov + "_" + quarter + "_test", kov, row++, quarter};
  }

  private static Row row(Object[] data, Object[] common) {
    Object[] all = new Object[data.length + common.length];
    System.arraycopy(data, 0, all, 0, data.length);
    System.arraycopy(common, 0, all, data.length, common.length);
    return RowFactory.create(all);
  }

  /** An episode as sent in {@code quarter}'s submission. */
  public StagedFixture episode(
      String client, String kov, String quarter, String start, String end, String reason) {
    return ineligibleEpisode(client, kov, quarter, start, end, reason, null);
  }

  /**
   * An episode as sent in {@code quarter}'s submission, flagged by ingest as outside the target
   * group with {@code ineligibleReason} (null = eligible).
   */
  public StagedFixture ineligibleEpisode(
      String client,
      String kov,
      String quarter,
      String start,
      String end,
      String reason,
      String ineligibleReason) {
    episodes.add(
        row(
            new Object[] {
              client,
              1970,
              1,
              "M",
              d(start),
              "B",
              "F20.0",
              "RASKE",
              true,
              "10000000",
              d(end),
              reason,
              50,
              ineligibleReason
            },
            common(kov, quarter)));
    return this;
  }

  /**
   * An episode with the client's own birth year and month, age at start (as ingest works it out
   * from the birth date), entry route, diagnosis and severity, sent in the start's quarter.
   */
  public StagedFixture episode(
      String client,
      String kov,
      String start,
      int birthYear,
      int birthMonth,
      int ageAtStart,
      String route,
      String diagnosis,
      String severity) {
    episodes.add(
        row(
            new Object[] {
              client,
              birthYear,
              birthMonth,
              "N",
              d(start),
              route,
              diagnosis,
              severity,
              true,
              "10000000",
              null,
              null,
              ageAtStart,
              null
            },
            common(kov, Quarter.of(LocalDate.parse(start)).toString())));
    return this;
  }

  public StagedFixture assessment(
      String client, String kov, String quarter, String on, String type, String domain, int level) {
    assessments.add(row(new Object[] {client, d(on), type, domain, level}, common(kov, quarter)));
    return this;
  }

  /** All eight domains of one assessment at the given levels (in domains.csv order). */
  public StagedFixture assessmentAll(
      String client,
      String kov,
      String quarter,
      String on,
      String type,
      List<String> domains,
      int... levels) {
    for (int i = 0; i < domains.size(); i++) {
      assessment(client, kov, quarter, on, type, domains.get(i), levels[i]);
    }
    return this;
  }

  public StagedFixture plan(
      String client,
      String kov,
      String quarter,
      String type,
      String made,
      String reviewed,
      Integer goals,
      Integer reached) {
    plans.add(
        row(
            new Object[] {client, type, d(made), d(reviewed), goals, reached},
            common(kov, quarter)));
    return this;
  }

  public StagedFixture hours(
      String client, String kov, String month, String component, String mode, String hours) {
    LocalDate start = LocalDate.parse(month + "-01");
    participation.add(
        row(
            new Object[] {
              client, month, Date.valueOf(start), component, mode, "20000000", new BigDecimal(hours)
            },
            common(kov, Quarter.of(start).toString())));
    return this;
  }

  /** A self-assessment; null items are unanswered. */
  public StagedFixture qol(String client, String kov, String on, Integer... items) {
    Object[] data = new Object[11];
    data[0] = client;
    data[1] = d(on);
    data[2] = "ISTE-EQ8";
    for (int i = 0; i < 8; i++) {
      data[3 + i] = i < items.length ? items[i] : null;
    }
    qol.add(row(data, common(kov, Quarter.of(LocalDate.parse(on)).toString())));
    return this;
  }

  /** Eight equal answers. */
  public StagedFixture qolAll(String client, String kov, String on, int value) {
    Integer[] items = new Integer[8];
    java.util.Arrays.fill(items, value);
    return qol(client, kov, on, items);
  }

  public Dataset<Row> episodes(SparkSession spark) {
    return spark.createDataFrame(episodes, StagedSchemas.CLIENT_EPISODE);
  }

  public Dataset<Row> assessments(SparkSession spark) {
    return spark.createDataFrame(assessments, StagedSchemas.ASSESSMENT);
  }

  public Dataset<Row> plans(SparkSession spark) {
    return spark.createDataFrame(plans, StagedSchemas.PLAN);
  }

  public Dataset<Row> participation(SparkSession spark) {
    return spark.createDataFrame(participation, StagedSchemas.PARTICIPATION);
  }

  public Dataset<Row> qol(SparkSession spark) {
    return spark.createDataFrame(qol, StagedSchemas.QOL);
  }
}
