package ee.ska.iste.pipelines.model;

import ee.ska.iste.pipelines.staged.StagedSchemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * {@code fct_plan}: one row per plan version, key (client_id, kov_code, plan_type, made_on); the
 * version from the latest quarter wins. Staged columns ({@code quarter} renamed {@code
 * from_quarter}) with {@code case_id} in front.
 */
public final class FctPlan {
  public static final String TABLE = "fct_plan";
  public static final StructType SCHEMA = CaseLink.schema(LatestVersion.schema(StagedSchemas.PLAN));

  private FctPlan() {}

  /**
   * @param linkBeforeDays a plan this many days before a case's start belongs to it
   */
  public static Dataset<Row> transform(
      Dataset<Row> stgPlan, Dataset<Row> cases, int linkBeforeDays) {
    Dataset<Row> latest =
        LatestVersion.of(stgPlan, "client_id", "kov_code", "plan_type", "made_on");
    return CaseLink.attach(latest, cases, "made_on", "made_on", linkBeforeDays);
  }
}
