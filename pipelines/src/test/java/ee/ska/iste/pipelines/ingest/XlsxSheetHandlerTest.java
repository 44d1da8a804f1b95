package ee.ska.iste.pipelines.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The sheet handler gives, cell for cell, the text POI's own {@code XSSFSheetXMLHandler} gives with
 * the formatter the reader used before (dates as ISO, numbers as plain decimals), for the kinds of
 * cell a workbook can hold: shared and inline strings, escapes, rich text, numbers in every style,
 * dates, booleans, errors, formulas, gaps between cells.
 */
class XlsxSheetHandlerTest {
  @TempDir Path tmp;

  @Test
  void givesPoisTextForEveryKindOfCellWithSharedStrings() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      fill(wb);
      XSSFRichTextString rich = new XSSFRichTextString("bold");
      rich.append(" and plain");
      wb.getSheetAt(0).getRow(0).createCell(9).setCellValue(rich);
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      assertSameCells(write(wb, "shared.xlsx"));
    }
  }

  @Test
  void givesPoisTextForEveryKindOfCellWithInlineStrings() throws Exception {
    try (XSSFWorkbook template = new XSSFWorkbook()) {
      SXSSFWorkbook wb = new SXSSFWorkbook(template, 10, false, false);
      try {
        fill(wb);
        assertSameCells(write(wb, "inline.xlsx"));
      } finally {
        wb.close();
      }
    }
  }

  @Test
  void plainNumbersAsBigDecimalWritesThem() {
    Random r = new Random(8);
    List<Double> values =
        new ArrayList<>(
            List.of(
                0.0,
                -0.0,
                1.0,
                -1.0,
                8.0,
                37605030299.0,
                1e14,
                999_999_999_999_999.0,
                1e15,
                1e16,
                1e20,
                0.1,
                1.005,
                12.5,
                6.25,
                -3.75,
                4.9e-324,
                Double.MAX_VALUE));
    for (int i = 0; i < 20_000; i++) {
      values.add((double) r.nextLong() / (1L << r.nextInt(60)));
      values.add(Math.rint(r.nextDouble() * Math.pow(10, r.nextInt(18))));
      values.add(r.nextInt(100_000) / 100.0);
    }
    for (double d : values) {
      assertEquals(
          BigDecimal.valueOf(d).stripTrailingZeros().toPlainString(),
          XlsxSheetHandler.plain(d),
          () -> Double.toString(d));
    }
  }

  @Test
  void aSheetReferringToAnExternalEntityOrExpandingEntitiesIsNotRead() throws Exception {
    String ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    String cell = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>%s</t></is></c></row>";
    String external =
        "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
            + "<worksheet xmlns=\""
            + ns
            + "\"><sheetData>"
            + cell.formatted("&x;")
            + "</sheetData></worksheet>";
    String laughs =
        "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
            + "<worksheet xmlns=\""
            + ns
            + "\"><sheetData>"
            + cell.formatted("&b;")
            + "</sheetData></worksheet>";
    String plain =
        "<worksheet xmlns=\""
            + ns
            + "\"><sheetData>"
            + cell.formatted("a&amp;b&#x41;")
            + "</sheetData></worksheet>";
    for (String xml : List.of(external, laughs)) {
      assertThrows(
          org.xml.sax.SAXException.class,
          () ->
              parse(
                  newSheetParser(),
                  xml.getBytes(UTF_8),
                  new XlsxSheetHandler(null, ourEvents(new ArrayList<>()))));
    }
    List<String> cells = new ArrayList<>();
    parse(newSheetParser(), plain.getBytes(UTF_8), new XlsxSheetHandler(null, ourEvents(cells)));
    assertEquals(List.of("start 0", "0=a&bA", "end 0"), cells);
  }

  private static XMLReader newSheetParser() throws Exception {
    return XlsxSubmissionReader.sheetParsers().newSAXParser().getXMLReader();
  }

  @Test
  void columnsAsCellReferenceReadsThem() {
    for (String ref : List.of("A1", "B12", "Z3", "AA10", "AZ1", "BA7", "XFD1048576", "ZZZ9")) {
      assertEquals(new CellReference(ref).getCol(), XlsxSheetHandler.column(ref), ref);
    }
  }

  private static void fill(Workbook wb) {
    CellStyle date = wb.createCellStyle();
    date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
    CellStyle iso = wb.createCellStyle();
    iso.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
    CellStyle twoPlaces = wb.createCellStyle();
    twoPlaces.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("0.00"));
    CellStyle text = wb.createCellStyle();
    text.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("@"));
    Sheet s = wb.createSheet("osalemine");
    Row h = s.createRow(0);
    String[] header = {"isikukood", "kuu", "komponent", "viis", "osutaja", "tunnid"};
    for (int i = 0; i < header.length; i++) {
      h.createCell(i).setCellValue(header[i]);
    }
    Row r = s.createRow(1);
    r.createCell(0).setCellValue(37605030299.0);
    r.createCell(1).setCellValue(LocalDate.of(2024, 5, 1));
    r.getCell(1).setCellStyle(date);
    r.createCell(2).setCellValue(" BT\u00a0");
    r.createCell(3).setCellValue("line_x000D_break");
    r.createCell(5).setCellValue(12.5);
    r.getCell(5).setCellStyle(twoPlaces);
    r = s.createRow(3); // a gap of one row
    r.createCell(0).setCellValue(true);
    r.createCell(1).setCellValue(false);
    r.createCell(2).setCellErrorValue(FormulaError.DIV0.getCode());
    r.createCell(3).setCellFormula("1+2");
    r.createCell(4).setCellFormula("\"A\"&\"B\"");
    r.createCell(5).setCellValue(LocalDate.of(1900, 1, 1));
    r.getCell(5).setCellStyle(iso);
    r.createCell(6).setCellValue(45000.75);
    r.getCell(6).setCellStyle(date);
    r.createCell(7).setCellValue(-0.1);
    r.getCell(7).setCellStyle(text);
    r.createCell(8).setCellValue("");
    r = s.createRow(4);
    r.createCell(30).setCellValue(1e20);
    r.createCell(31).setCellValue("&<>\"'");
  }

  private Path write(Workbook wb, String name) throws Exception {
    Path file = tmp.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      wb.write(out);
    }
    return file;
  }

  private static void assertSameCells(Path file) throws Exception {
    List<String> poi = new ArrayList<>();
    List<String> ours = new ArrayList<>();
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      var styles = reader.getStylesTable();
      XlsxSheetHandler.Workbook workbook = new XlsxSheetHandler.Workbook(styles, strings);
      XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (it.hasNext()) {
        try (InputStream in = it.next()) {
          byte[] xml = in.readAllBytes();
          parse(
              XMLHelper.newXMLReader(),
              xml,
              new XSSFSheetXMLHandler(
                  styles, null, strings, poiEvents(poi), new OldIsoFormatter(), false));
          parse(newSheetParser(), xml, new XlsxSheetHandler(workbook, ourEvents(ours)));
        }
      }
    }
    assertEquals(poi, ours);
    assertEquals(true, poi.size() > 20, poi::toString);
  }

  private static void parse(XMLReader parser, byte[] xml, ContentHandler handler) throws Exception {
    parser.setContentHandler(handler);
    parser.parse(new InputSource(new java.io.ByteArrayInputStream(xml)));
  }

  private static XSSFSheetXMLHandler.SheetContentsHandler poiEvents(List<String> out) {
    return new XSSFSheetXMLHandler.SheetContentsHandler() {
      @Override
      public void startRow(int rowNum) {
        out.add("start " + rowNum);
      }

      @Override
      public void endRow(int rowNum) {
        out.add("end " + rowNum);
      }

      @Override
      public void cell(String ref, String text, XSSFComment comment) {
        out.add(new CellReference(ref).getCol() + "=" + text);
      }
    };
  }

  private static XlsxSheetHandler.Rows ourEvents(List<String> out) {
    return new XlsxSheetHandler.Rows() {
      @Override
      public void startRow(int rowNum) {
        out.add("start " + rowNum);
      }

      @Override
      public void endRow(int rowNum) {
        out.add("end " + rowNum);
      }

      @Override
      public void cell(int column, String text) {
        out.add(column + "=" + text);
      }
    };
  }

  /** The formatter the reader gave POI's handler before it had its own handler. */
  private static final class OldIsoFormatter extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      return formatRawCellContents(value, formatIndex, formatString, false);
    }

    @Override
    public String formatRawCellContents(
        double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if (formatString != null
          && DateUtil.isADateFormat(formatIndex, formatString)
          && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
      }
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        return String.valueOf(value);
      }
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }
}
