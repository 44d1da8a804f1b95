package ee.ska.iste.pipelines.ingest;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.sax.WstxSAXParserFactory;
import com.ctc.wstx.stax.WstxInputFactory;
import ee.ska.iste.core.quality.RefusalReason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads an {@code .xlsx} submission as a stream: POI opens the package, its styles and shared
 * strings, and each worksheet is parsed with SAX (see {@link XlsxSheetHandler}), never held in
 * memory as a POI object model. Date cells become ISO dates and number cells plain decimal text,
 * so that the validation sees the same text as for a CSV submission. Exceptions from POI are
 * turned into a refusal naming the file and the exception type only, never its message (it may
 * quote a cell).
 */
final class XlsxSubmissionReader {

  RawSubmission read(Path file) throws SubmissionRefused {
    String fileName = file.getFileName().toString();
    checkMagic(file, fileName);
    Map<String, SheetBuilder> builders = new LinkedHashMap<>();
    List<String> otherSheets = new ArrayList<>();
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      SAXParserFactory sheetParsers = sheetParsers();
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      XlsxSheetHandler.Workbook workbook =
          new XlsxSheetHandler.Workbook(reader.getStylesTable(), strings);
      XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (it.hasNext()) {
        try (InputStream in = it.next()) {
          String sheetName = it.getSheetName();
          SheetSpec spec = specOf(sheetName);
          if (spec == null || builders.containsKey(spec.sheetName())) {
            otherSheets.add(sheetName);
            continue;
          }
          SheetBuilder builder = new SheetBuilder(fileName, spec);
          builders.put(spec.sheetName(), builder);
          XMLReader parser = sheetParsers.newSAXParser().getXMLReader();
          parser.setContentHandler(new XlsxSheetHandler(workbook, new RowCollector(builder)));
          parser.parse(new InputSource(in));
        }
      }
    } catch (Exception | LinkageError e) {
      // The parser may wrap what the row collector threw.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof RefusalCarrier c) {
          throw c.refusal;
        }
      }
      throw new SubmissionRefused(
          RefusalReason.UNREADABLE_FILE,
          fileName + ": cannot be read as an Excel workbook (" + e.getClass().getSimpleName() + ")");
    }
    Map<String, RawSheet> sheets = new LinkedHashMap<>();
    Map<String, List<String>> warnings = new LinkedHashMap<>();
    for (SheetSpec spec : SheetSpec.values()) {
      SheetBuilder b = builders.get(spec.sheetName());
      if (b == null) {
        throw new SubmissionRefused(
            RefusalReason.MISSING_SHEET, fileName + ": sheet '" + spec.sheetName() + "' is missing");
      }
      sheets.put(spec.sheetName(), b.build());
      warnings.put(spec.sheetName(), new ArrayList<>(b.warnings()));
    }
    if (!otherSheets.isEmpty()) {
      // A sheet's name is often a client's name in real workbooks: it is counted, never recorded.
      warnings
          .get(SheetSpec.KAAS.sheetName())
          .add(otherSheets.size() + " other sheet(s) ignored (names not recorded)");
    }
    return new RawSubmission(sheets, warnings);
  }

  /**
   * Namespace-aware SAX parsers for worksheets: Woodstox (a quarter faster than the JDK's parser
   * on sheet XML). As POI's own parsers: no external entities (a reference to one makes the sheet
   * unreadable) and at most one expansion of an entity a DTD declares.
   */
  static SAXParserFactory sheetParsers() {
    WstxInputFactory stax = new WstxInputFactory();
    stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    stax.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1);
    stax.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
    stax.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    WstxSAXParserFactory sax = new WstxSAXParserFactory(stax);
    sax.setNamespaceAware(true);
    return sax;
  }

  private static SheetSpec specOf(String sheetName) {
    String n = SheetBuilder.clean(sheetName);
    for (SheetSpec s : SheetSpec.values()) {
      if (s.sheetName().equalsIgnoreCase(n)) {
        return s;
      }
    }
    return null;
  }

  private static void checkMagic(Path file, String fileName) throws SubmissionRefused {
    FileMagic magic;
    try (InputStream in = FileMagic.prepareToCheckMagic(new BufferedInputStream(Files.newInputStream(file)))) {
      magic = FileMagic.valueOf(in);
    } catch (IOException e) {
      throw new SubmissionRefused(RefusalReason.UNREADABLE_FILE, fileName + ": cannot be opened");
    }
    if (magic == FileMagic.OLE2) {
      throw new SubmissionRefused(
          RefusalReason.PASSWORD_PROTECTED,
          fileName
              + (isEncrypted(file)
                  ? ": the workbook is password-protected; send it without a password"
                  : ": an old .xls workbook; save it as .xlsx"));
    }
    if (magic != FileMagic.OOXML) {
      throw new SubmissionRefused(
          RefusalReason.UNREADABLE_FILE, fileName + ": not an Excel .xlsx workbook");
    }
  }

  private static boolean isEncrypted(Path file) {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      return fs.getRoot().hasEntry("EncryptionInfo");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Carries a refusal out of the SAX callbacks, which cannot throw checked exceptions. */
  private static final class RefusalCarrier extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SubmissionRefused refusal;

    RefusalCarrier(SubmissionRefused refusal) {
      super(null, null, false, false);
      this.refusal = refusal;
    }
  }

  /** Gathers each row's cells by column position and hands the row to the builder. */
  private static final class RowCollector implements XlsxSheetHandler.Rows {
    private final SheetBuilder builder;
    private final List<String> cells = new ArrayList<>();

    RowCollector(SheetBuilder builder) {
      this.builder = builder;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
      try {
        builder.row(rowNum + 1, cells, null);
      } catch (SubmissionRefused r) {
        throw new RefusalCarrier(r);
      }
    }

    @Override
    public void cell(int col, String text) {
      while (cells.size() < col) {
        cells.add(null);
      }
      if (cells.size() == col) {
        cells.add(text);
      } else {
        cells.set(col, text);
      }
    }
  }
}
