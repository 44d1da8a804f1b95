package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.contract.StagedTable;
import ee.ska.iste.pipelines.staged.StagedSchemas;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * The names of the staged ({@code stg_}) tables the ingest stage writes and their schemas as
 * written, every column nullable; the tables and columns are declared once, in {@link StagedTable}.
 */
public final class StagedTables {
  public static final String SUBMISSION = StagedTable.SUBMISSION.tableName();
  public static final String INGEST_LOG = StagedTable.INGEST_LOG.tableName();
  public static final String REJECT = StagedTable.REJECT.tableName();
  public static final String CLIENT_EPISODE = StagedTable.CLIENT_EPISODE.tableName();
  public static final String ASSESSMENT = StagedTable.ASSESSMENT.tableName();
  public static final String PLAN = StagedTable.PLAN.tableName();
  public static final String PARTICIPATION = StagedTable.PARTICIPATION.tableName();
  public static final String QOL = StagedTable.QOL.tableName();

  /** Every staged table with its schema as written, in writing order. */
  public static final Map<String, StructType> ALL = all();

  private StagedTables() {}

  private static Map<String, StructType> all() {
    Map<String, StructType> m = new LinkedHashMap<>();
    for (StagedTable t : StagedTable.values()) {
      m.put(t.tableName(), StagedSchemas.asWritten(t));
    }
    return Collections.unmodifiableMap(m);
  }
}
