package ee.ska.iste.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.ref.ReferenceData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mart_trajectory} is published with its comments, and {@code trajectory_public}. */
class TrajectoryCatalogueTest {
  @TempDir Path dir;

  @Test
  void trajectoryPublicHidesTheSuppressedRows() throws Exception {
    Path v = dir.resolve("v");
    // a national row, a shown county, a suppressed county (n 3), in the first band
    Fixtures.partition(
        Path.of(Fixtures.layout(v).table("mart_trajectory")),
        "quarter=2024Q4",
        "SELECT level::VARCHAR AS level, unit_code::VARCHAR AS unit_code, band::VARCHAR AS band,"
            + " band_from::INTEGER AS band_from, band_to::INTEGER AS band_to, measure::VARCHAR AS"
            + " measure, population::VARCHAR AS population, n::BIGINT AS n, mean::DOUBLE AS mean,"
            + " ci_low::DOUBLE AS ci_low, ci_high::DOUBLE AS ci_high, suppressed::BOOLEAN AS"
            + " suppressed FROM (VALUES"
            + " ('RIIK', 'EE', 'D-030_091', -30, 91, 'QOL_SCORE', 'ALL', 12, 50.5, 45.0, 56.0,"
            + " false), ('MAAKOND', '0037', 'D-030_091', -30, 91, 'QOL_SCORE', 'ALL', 9, 52.0,"
            + " 46.0, 58.0, false), ('MAAKOND', '0039', 'D-030_091', -30, 91, 'QOL_SCORE', 'ALL',"
            + " 3, 46.0, 30.0, 62.0, true)) AS t(level, unit_code, band, band_from, band_to,"
            + " measure, population, n, mean, ci_low, ci_high, suppressed)");
    DuckDbCatalogue.Summary s = DuckDbCatalogue.build(v, ReferenceData.builtIn());
    assertTrue(s.views().contains("trajectory_public"), s.views().toString());
    Path db = v.resolve(Warehouse.DATABASE_FILE);
    String cols =
        "level, unit_code, quarter, band, band_from, band_to, measure, population, n, mean,"
            + " ci_low, ci_high, suppressed";
    assertEquals(
        List.of(
            "MAAKOND|0037|2024Q4|D-030_091|-30|91|QOL_SCORE|ALL|9|52.0|46.0|58.0|false",
            "MAAKOND|0039|2024Q4|D-030_091|-30|91|QOL_SCORE|ALL|null|null|null|null|true",
            "RIIK|EE|2024Q4|D-030_091|-30|91|QOL_SCORE|ALL|12|50.5|45.0|56.0|false"),
        Fixtures.rows(db, "SELECT " + cols + " FROM trajectory_public"));
    // the internal table keeps the raw figure beside the flag
    assertEquals(
        List.of("3|46.0|true"),
        Fixtures.rows(
            db, "SELECT n, mean, suppressed FROM mart_trajectory WHERE unit_code = '0039'"));
    // every column of the table and the view is described in both languages
    assertEquals(
        List.of(),
        Fixtures.rows(
            db,
            "SELECT table_name || '.' || column_name FROM duckdb_columns() WHERE table_name IN"
                + " ('mart_trajectory', 'trajectory_public') AND (comment IS NULL OR comment NOT"
                + " LIKE '% | %' OR comment LIKE '%no description yet') ORDER BY 1"));
  }
}
