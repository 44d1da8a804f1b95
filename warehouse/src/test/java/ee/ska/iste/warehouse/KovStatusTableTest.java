package ee.ska.iste.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.ref.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kov_status and outcomes_public.status built from a crafted quarter 2024Q2 (ends 30 June, due 30
 * July) with three allocated KOVs: 0251 Jõhvi (county 0045), 0145 Antsla (county 0087) and 0317
 * Kohila (county 0071), which sent nothing.
 */
class KovStatusTableTest {
  @TempDir Path dir;

  static void submissions(WarehouseLayout layout, String quarter, String... rows) throws Exception {
    Fixtures.partition(
        Path.of(layout.table("stg_submission")),
        "quarter=" + quarter,
        "SELECT submission_id::VARCHAR AS submission_id, 'f.xlsx' AS source_file,"
            + " kov_code::VARCHAR AS kov_code, submitted_on::DATE AS submitted_on,"
            + " '1' AS form_version, 'x' AS checksum_sha256, status::VARCHAR AS status,"
            + " NULL::VARCHAR AS refusal_reason, NULL::VARCHAR AS refusal_message,"
            + " rows_read::INTEGER AS rows_read, (rows_read - rows_rejected)::INTEGER AS"
            + " rows_accepted, rows_rejected::INTEGER AS rows_rejected FROM (VALUES "
            + String.join(", ", rows)
            + ") AS t(submission_id, kov_code, submitted_on, status, rows_read, rows_rejected)");
  }

  private Path build() throws Exception {
    Path refDir = dir.resolve("ref");
    Files.createDirectories(refDir);
    Files.writeString(
        refDir.resolve("allocations.csv"),
        "allocation_id,round,kov_codes,places,valid_from,valid_to\n"
            + "A-0251,2023-2024,0251,5,2023-01-01,2026-12-31\n"
            + "A-0145,2023-2024,0145,5,2023-01-01,2026-12-31\n"
            + "A-0317,2023-2024,0317,5,2023-01-01,2026-12-31\n");
    Path v = dir.resolve("v");
    WarehouseLayout layout = new WarehouseLayout(v.toString());
    Fixtures.outcomes(
        layout,
        "2024Q2",
        // 0251: 4 figures, 3 shown (0.75); QoL completeness 4 of 10 = 0.40 shown.
        "('KOV', '0251', 'ACTIVE', 12, 12, NULL, NULL, NULL, NULL, false)",
        "('KOV', '0251', 'NEW', 3, 3, NULL, NULL, NULL, NULL, true)",
        "('KOV', '0251', 'EXIT', 0, 0, NULL, NULL, NULL, NULL, false)",
        "('KOV', '0251', 'QOL_COMPLETENESS', 0.4, 4, 10, NULL, NULL, NULL, false)",
        // 0145: 4 figures, 1 shown (0.25, not below); QoL completeness hidden: not judged.
        "('KOV', '0145', 'ACTIVE', 3, 3, NULL, NULL, NULL, NULL, true)",
        "('KOV', '0145', 'NEW', 0, 0, NULL, NULL, NULL, NULL, false)",
        "('KOV', '0145', 'EXIT', 2, 2, NULL, NULL, NULL, NULL, true)",
        "('KOV', '0145', 'QOL_COMPLETENESS', 0.25, 1, 4, NULL, NULL, NULL, true)",
        "('MAAKOND', '0045', 'ACTIVE', 12, 12, NULL, NULL, NULL, NULL, false)",
        "('MAAKOND', '0087', 'ACTIVE', 3, 3, NULL, NULL, NULL, NULL, true)",
        "('RIIK', 'EE', 'ACTIVE', 15, 15, NULL, NULL, NULL, NULL, false)");
    submissions(
        layout,
        "2024Q2",
        // 0251 on time, 3 of 100 rows rejected = 0.03.
        "('s1', '0251', DATE '2024-07-15', 'LOADED', 100, 3)",
        // 0145: a superseded first file, then the loaded one 6 days late, 6 of 50 = 0.12.
        "('s2', '0145', DATE '2024-07-20', 'SUPERSEDED', 50, 0)",
        "('s3', '0145', DATE '2024-08-05', 'LOADED', 50, 6)",
        // a stray file refused unread: no KOV, no date; changes no status
        "('s4', NULL, NULL, 'REFUSED', NULL, NULL)");
    DuckDbCatalogue.build(v, ReferenceData.withOverrides(refDir));
    return v.resolve(Warehouse.DATABASE_FILE);
  }

  @Test
  void everyAllocatedKovGetsAStatusWithItsReasonsAndInputs() throws Exception {
    Path db = build();
    assertEquals(
        List.of(
            "2024Q2|0145|0087|PROVISIONAL|LATE_SUBMISSION;REJECTS_HIGH|2024-08-05|2024-07-30|6|50|6"
                + "|0.12|null|4|1|0.25",
            "2024Q2|0251|0045|PROVISIONAL|QOL_INCOMPLETE|2024-07-15|2024-07-30|0|100|3|0.03|0.4|4|3"
                + "|0.75",
            "2024Q2|0317|0071|WITHHELD|NO_SUBMISSION;TOO_FEW_VISIBLE|null|2024-07-30|null|null|null"
                + "|null|null|0|0|null"),
        Fixtures.rows(
            db,
            "SELECT quarter, kov_code, county_code, status, reasons, submitted_on, due_on,"
                + " days_late, rows_read, rows_rejected, reject_share, qol_completeness, figures,"
                + " visible_figures, visible_share FROM kov_status ORDER BY kov_code"));
  }

  @Test
  void outcomesPublicCarriesTheStatusOfEachUnit() throws Exception {
    Path db = build();
    // KOVs: their own. County 0045 holds only 0251, whose QOL_INCOMPLETE leaves the total whole:
    // PUBLISHABLE. County 0087 lacks 0145's rejected rows: PROVISIONAL. The nation lacks 0317's
    // submission and 0145's rejected rows: PROVISIONAL.
    assertEquals(
        List.of(
            "KOV|0145|PROVISIONAL",
            "KOV|0251|PROVISIONAL",
            "MAAKOND|0045|PUBLISHABLE",
            "MAAKOND|0087|PROVISIONAL",
            "RIIK|EE|PROVISIONAL"),
        Fixtures.rows(
            db, "SELECT DISTINCT level, unit_code, status FROM outcomes_public ORDER BY 1, 2"));
  }

  @Test
  void withoutAnySubmissionRecordsOnlyTheFiguresAreJudged() throws Exception {
    Path v = dir.resolve("bare");
    Fixtures.outcomes(
        new WarehouseLayout(v.toString()),
        "2024Q2",
        "('KOV', '0251', 'ACTIVE', 12, 12, NULL, NULL, NULL, NULL, false)");
    DuckDbCatalogue.build(v, ReferenceData.builtIn());
    // 1 of 1 figures shown; no stg_submission at all: no NO_SUBMISSION.
    assertEquals(
        List.of("PUBLISHABLE|null"),
        Fixtures.rows(
            v.resolve(Warehouse.DATABASE_FILE),
            "SELECT status, reasons FROM kov_status WHERE kov_code = '0251'"));
  }
}
