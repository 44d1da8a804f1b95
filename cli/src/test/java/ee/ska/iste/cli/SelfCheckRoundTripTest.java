package ee.ska.iste.cli;

import static ee.ska.iste.cli.CliFixtures.iste;
import static ee.ska.iste.cli.CliFixtures.withInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.contract.CellType;
import ee.ska.iste.core.contract.ContractSheet;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.SubmissionFormat;
import ee.ska.iste.pipelines.ingest.SubmissionCheck;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template's round trip through the real ingest: {@code iste template} → filled with the
 * generator's rows (some broken) as a person types them → {@code iste check} (exit 3) → {@code iste
 * ingest}: the ingest's {@code stg_reject} holds exactly the problems of the check's feedback
 * workbook, and the staged tables hold the rows the check counted as fine.
 */
class SelfCheckRoundTripTest {
  private static final Quarter Q = Quarter.parse("2024Q2");
  private static final String NAME = "ISTE_0793_2024Q2";

  @TempDir Path dir;

  @Test
  void templateFilledCheckedThenIngestedGivesTheSameRejects() throws Exception {
    Path generated = dir.resolve("generated");
    CliFixtures.generate(generated, List.of(Q), 7, 0.1, SubmissionFormat.XLSX, 0.15);
    Map<ContractSheet, List<String[]>> rows =
        SubmissionCheck.cells(generated.resolve(NAME + ".xlsx"), ReferenceData.builtIn());

    Path in = dir.resolve("in");
    CliFixtures.Run template =
        iste("template", "--kov", "0793", "--quarter", Q.toString(), "--out", in.toString());
    assertEquals(ExitCode.OK, template.code(), template.err());
    Path file = in.resolve(NAME + ".xlsx");
    fill(file, rows);

    CliFixtures.Run check = iste("check", file.toString(), "--lang", "en");
    assertEquals(ExitCode.CHECK_ROWS_LOST, check.code(), check.out() + check.err());
    assertTrue(check.out().contains("would be lost"), check.out());
    Path feedback = in.resolve("FEEDBACK_" + NAME + ".xlsx");
    List<String> problems = feedbackRows(feedback);
    assertTrue(problems.size() > 20, "problems: " + problems.size());
    // the feedback is not a submission: out of the inbox before the ingest
    Files.move(feedback, dir.resolve(feedback.getFileName()));

    Path key =
        Files.writeString(dir.resolve("test.key"), "a-test-key-of-at-least-32-bytes-0123456789\n");
    Path out = dir.resolve("out");
    CliFixtures.Run ingest = withInput("ingest", in, out, key, "--quarter", Q.toString());
    assertEquals(ExitCode.OK, ingest.code(), ingest.err());

    List<String> rejects = new ArrayList<>();
    String stg = out.resolve("work").resolve("stg").toString();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT sheet, source_row, coalesce(column_name, ''), reason_code,"
                    + " coalesce(value, '') FROM read_parquet('"
                    + stg
                    + "/stg_reject/*/*.parquet', hive_partitioning = true)")) {
      while (rs.next()) {
        rejects.add(
            rs.getString(1)
                + "|"
                + rs.getInt(2)
                + "|"
                + rs.getString(3)
                + "|"
                + rs.getString(4)
                + "|"
                + rs.getString(5));
      }
    }
    assertEquals(problems.stream().sorted().toList(), rejects.stream().sorted().toList());
  }

  /**
   * sheet|row|column|code|value of every problem in the feedback workbook, as a person reads it.
   */
  private static List<String> feedbackRows(Path feedback) throws Exception {
    List<String> out = new ArrayList<>();
    DataFormatter f = new DataFormatter();
    try (InputStream is = Files.newInputStream(feedback);
        XSSFWorkbook wb = new XSSFWorkbook(is)) {
      for (Row row : wb.getSheet("feedback")) {
        if (row.getRowNum() > 0) {
          out.add(
              f.formatCellValue(row.getCell(1))
                  + "|"
                  + f.formatCellValue(row.getCell(2))
                  + "|"
                  + f.formatCellValue(row.getCell(3))
                  + "|"
                  + f.formatCellValue(row.getCell(5))
                  + "|"
                  + f.formatCellValue(row.getCell(4)));
        }
      }
    }
    return out;
  }

  /** Types rows in: a real date as a date, a number as a number, anything else as text. */
  private static void fill(Path file, Map<ContractSheet, List<String[]>> rows) throws Exception {
    try (InputStream is = Files.newInputStream(file);
        XSSFWorkbook wb = new XSSFWorkbook(is)) {
      for (ContractSheet spec : ContractSheet.values()) {
        Sheet s = wb.getSheet(spec.sheetName());
        if (spec == ContractSheet.KAAS) {
          Cell c = s.getRow(1).createCell(2);
          c.setCellValue(LocalDate.parse(rows.get(spec).get(0)[2]));
          c.setCellStyle(s.getColumnStyle(2));
          continue;
        }
        int r = 1;
        for (String[] values : rows.get(spec)) {
          Row row = s.createRow(r++);
          for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
              typeIn(row.createCell(i), spec.columns().get(i).type(), values[i]);
              row.getCell(i).setCellStyle(s.getColumnStyle(i));
            }
          }
        }
      }
      try (OutputStream os = Files.newOutputStream(file)) {
        wb.write(os);
      }
    }
  }

  private static void typeIn(Cell c, CellType type, String v) {
    if (type == CellType.DATE) {
      try {
        c.setCellValue(LocalDate.parse(v));
        return;
      } catch (java.time.DateTimeException e) {
        // not a real date: typed as text, as a person would leave it
      }
    }
    if ((type == CellType.INTEGER || type == CellType.DECIMAL)
        && v.matches("-?\\d{1,9}(\\.\\d{1,6})?")) {
      c.setCellValue(Double.parseDouble(v));
      return;
    }
    c.setCellValue(v);
  }
}
