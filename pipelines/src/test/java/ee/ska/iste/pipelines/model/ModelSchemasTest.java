package ee.ska.iste.pipelines.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.pipelines.spark.SharedSpark;
import ee.ska.iste.pipelines.staged.StagedSchemas;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Each model table class declares the schema its step produces, nullability included. */
class ModelSchemasTest {
  @Test
  void theDeclaredSchemasAreTheOnesTheStepsProduce() {
    SparkSession spark = SharedSpark.session();
    ModelJob.Model m =
        ModelJob.build(
            spark,
            ReferenceData.builtIn(),
            new ModelJob.Staged(
                empty(spark, StagedSchemas.CLIENT_EPISODE),
                empty(spark, StagedSchemas.ASSESSMENT),
                empty(spark, StagedSchemas.PLAN),
                empty(spark, StagedSchemas.PARTICIPATION),
                empty(spark, StagedSchemas.QOL)));
    assertEquals(DimMunicipality.SCHEMA, m.dimMunicipality().schema());
    assertEquals(IntEpisode.SCHEMA, m.intEpisode().schema());
    assertEquals(FctCase.SCHEMA, m.fctCase().schema());
    assertEquals(FctQolScore.SCHEMA, m.fctQolScore().schema());
    assertEquals(FctAssessment.SCHEMA, m.fctAssessment().schema());
    assertEquals(FctPlan.SCHEMA, m.fctPlan().schema());
    assertEquals(FctParticipation.SCHEMA, m.fctParticipation().schema());
    assertEquals(DimClient.SCHEMA, m.dimClient().schema());
    assertEquals(CodeDimensions.DIM_DOMAIN, m.dimDomain().schema());
    assertEquals(CodeDimensions.DIM_COMPONENT, m.dimComponent().schema());
    assertEquals(CodeDimensions.DIM_EXIT_REASON, m.dimExitReason().schema());
  }

  private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> empty(
      SparkSession spark, StructType schema) {
    return spark.createDataFrame(List.of(), schema);
  }
}
