package ee.ska.iste.pipelines.model;

import ee.ska.iste.pipelines.staged.StagedSchemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * {@code fct_assessment}: one row per assessment and life domain, key (client_id, kov_code,
 * assessed_on, assessment_type, domain); the version from the latest quarter wins. Staged columns
 * ({@code quarter} renamed {@code from_quarter}) with {@code case_id} in front.
 */
public final class FctAssessment {
  public static final String TABLE = "fct_assessment";
  public static final StructType SCHEMA =
      CaseLink.schema(LatestVersion.schema(StagedSchemas.ASSESSMENT));

  private FctAssessment() {}

  /**
   * @param linkBeforeDays an assessment this many days before a case's start belongs to it
   */
  public static Dataset<Row> transform(
      Dataset<Row> stgAssessment, Dataset<Row> cases, int linkBeforeDays) {
    Dataset<Row> latest =
        LatestVersion.of(
            stgAssessment, "client_id", "kov_code", "assessed_on", "assessment_type", "domain");
    return CaseLink.attach(latest, cases, "assessed_on", "assessed_on", linkBeforeDays);
  }
}
