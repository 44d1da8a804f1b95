package ee.ska.iste.check;

import ee.ska.iste.core.quality.ReasonTexts;
import ee.ska.iste.pipelines.ingest.SubmissionCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The self-check's feedback workbook: every problem as a row (file, sheet, row, column, the value
 * as the warehouse would store it — a personal code only as its shape —, the reason's code, the
 * reason and how to fix it in the chosen language, and the ingest's own message), a refused file as
 * one row without sheet and row; and a summary sheet of rows read, accepted and rejected per sheet.
 */
final class FeedbackWorkbook {
  private final ReasonTexts texts;
  private final Messages messages;

  FeedbackWorkbook(ReasonTexts texts, Messages messages) {
    this.texts = texts;
    this.messages = messages;
  }

  void write(List<SubmissionCheck.Verdict> verdicts, OutputStream out) throws IOException {
    Locale locale = messages.locale();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle wrap = wb.createCellStyle();
      wrap.setWrapText(true);

      Sheet problems = wb.createSheet(messages.get("feedback.sheet"));
      String[] cols = {
        "col.file",
        "col.sheet",
        "col.row",
        "col.column",
        "col.value",
        "col.code",
        "col.reason",
        "col.fix",
        "col.detail"
      };
      int[] widths = {28, 14, 8, 18, 30, 28, 45, 60, 60};
      header(problems, cols, widths, bold);
      int r = 1;
      for (SubmissionCheck.Verdict v : verdicts) {
        if (v.refused()) {
          ReasonTexts.Text t = texts.of(v.refusal());
          Row row = problems.createRow(r++);
          text(row, 0, v.name());
          text(row, 5, v.refusal().name());
          text(row, 6, t.text(locale));
          text(row, 7, t.fix(locale));
          text(row, 8, v.refusalMessage());
          continue;
        }
        for (SubmissionCheck.Problem p : v.problems()) {
          ReasonTexts.Text t = texts.of(p.reason());
          Row row = problems.createRow(r++);
          text(row, 0, v.name());
          text(row, 1, p.sheet());
          row.createCell(2).setCellValue(p.row());
          text(row, 3, p.column());
          text(row, 4, p.value());
          text(row, 5, p.reason().name());
          text(row, 6, t.text(locale));
          text(row, 7, t.fix(locale));
          text(row, 8, p.message());
        }
      }
      problems.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 0), 0, cols.length - 1));

      Sheet summary = wb.createSheet(messages.get("feedback.summarySheet"));
      String[] sumCols = {
        "col.file", "col.sheet", "col.read", "col.accepted", "col.rejected", "col.warnings"
      };
      header(summary, sumCols, new int[] {28, 14, 12, 12, 12, 60}, bold);
      int s = 1;
      for (SubmissionCheck.Verdict v : verdicts) {
        for (SubmissionCheck.SheetRows c : v.sheets()) {
          Row row = summary.createRow(s++);
          text(row, 0, v.name());
          text(row, 1, c.sheet());
          row.createCell(2).setCellValue(c.read());
          row.createCell(3).setCellValue(c.accepted());
          row.createCell(4).setCellValue(c.rejected());
          text(row, 5, c.warnings().isEmpty() ? null : String.join("; ", c.warnings()));
        }
      }
      wb.write(out);
    }
  }

  private void header(Sheet sheet, String[] keys, int[] widths, CellStyle bold) {
    Row h = sheet.createRow(0);
    for (int i = 0; i < keys.length; i++) {
      h.createCell(i).setCellValue(messages.get(keys[i]));
      h.getCell(i).setCellStyle(bold);
      sheet.setColumnWidth(i, widths[i] * 256);
    }
    sheet.createFreezePane(0, 1);
  }

  private static void text(Row row, int col, String value) {
    if (value != null) {
      row.createCell(col).setCellValue(value);
    }
  }
}
