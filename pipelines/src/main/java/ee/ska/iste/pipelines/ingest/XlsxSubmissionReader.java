package ee.ska.iste.pipelines.ingest;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.sax.WstxSAXParser;
import com.ctc.wstx.sax.WstxSAXParserFactory;
import com.ctc.wstx.stax.WstxInputFactory;
import ee.ska.iste.core.contract.ContractSheet;
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
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an {@code .xlsx} submission as a stream: POI opens the package, its styles and shared
 * strings, and each worksheet is parsed with SAX (see {@link XlsxSheetHandler}), never held in
 * memory as a POI object model. Date cells become ISO dates and number cells plain decimal text, so
 * that the validation sees the same text as for a CSV submission (dates in the workbook's own date
 * system, 1900 or 1904). Before anything is parsed, {@link WorkbookGuard} checks the zip (sizes
 * against the caps, no DOCTYPE); the shared strings are counted before POI loads them, and rows,
 * columns and cell lengths are capped while the sheets stream ({@link ReadCaps}). Exceptions from
 * POI are turned into a refusal naming the file and the exception type only, never its message (it
 * may quote a cell).
 */
final class XlsxSubmissionReader {
  private final ReadCaps caps;

  XlsxSubmissionReader(ReadCaps caps) {
    this.caps = caps;
  }

  RawSubmission read(Path file) throws SubmissionRefused {
    String fileName = file.getFileName().toString();
    checkMagic(file, fileName);
    Map<String, SheetBuilder> builders = new LinkedHashMap<>();
    List<String> otherSheets = new ArrayList<>();
    ZipEntrySource zip = WorkbookGuard.open(file, fileName, caps);
    try (zip;
        OPCPackage pkg = OPCPackage.open(zip)) {
      SAXParserFactory sheetParsers = sheetParsers();
      XSSFReader reader = new XSSFReader(pkg);
      for (PackagePart sst :
          pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
        try (InputStream in = sst.getInputStream()) {
          parse(sheetParsers, in, new SharedStringsCounter(fileName, caps));
        }
      }
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      boolean date1904;
      try (InputStream in = reader.getWorkbookData()) {
        WorkbookProperties wp = new WorkbookProperties();
        parse(sheetParsers, in, wp);
        date1904 = wp.date1904;
      }
      XlsxSheetHandler.Workbook workbook =
          new XlsxSheetHandler.Workbook(reader.getStylesTable(), strings, date1904);
      XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (it.hasNext()) {
        try (InputStream in = it.next()) {
          String sheetName = it.getSheetName();
          ContractSheet spec = specOf(sheetName);
          if (spec == null || builders.containsKey(spec.sheetName())) {
            otherSheets.add(sheetName);
            continue;
          }
          SheetBuilder builder = new SheetBuilder(fileName, spec, caps);
          builders.put(spec.sheetName(), builder);
          String where = fileName + ": sheet '" + spec.sheetName() + "'";
          parse(
              sheetParsers,
              in,
              new XlsxSheetHandler(
                  workbook, new RowCollector(builder, where, caps), caps.cellChars(), where));
        }
      }
    } catch (Exception | LinkageError | StackOverflowError e) {
      // The parser may wrap what the row collector threw.
      SubmissionRefused r = RefusalCarrier.in(e);
      if (r != null) {
        throw r;
      }
      throw new SubmissionRefused(
          RefusalReason.UNREADABLE_FILE,
          fileName
              + ": cannot be read as an Excel workbook ("
              + e.getClass().getSimpleName()
              + ")");
    }
    Map<String, RawSheet> sheets = new LinkedHashMap<>();
    Map<String, List<String>> warnings = new LinkedHashMap<>();
    for (ContractSheet spec : ContractSheet.values()) {
      SheetBuilder b = builders.get(spec.sheetName());
      if (b == null) {
        throw new SubmissionRefused(
            RefusalReason.MISSING_SHEET,
            fileName + ": sheet '" + spec.sheetName() + "' is missing");
      }
      sheets.put(spec.sheetName(), b.build());
      warnings.put(spec.sheetName(), new ArrayList<>(b.warnings()));
    }
    if (!otherSheets.isEmpty()) {
      // A sheet's name is often a client's name in real workbooks: it is counted, never recorded.
      warnings
          .get(ContractSheet.KAAS.sheetName())
          .add(otherSheets.size() + " other sheet(s) ignored (names not recorded)");
    }
    return new RawSubmission(sheets, warnings);
  }

  /**
   * Namespace-aware SAX parsers for workbook parts: Woodstox (a quarter faster than the JDK's
   * parser on sheet XML). No DTD is processed and nothing outside the part is ever read: Woodstox's
   * SAX parser turns DTD support back on and resolves a DTD or external entity through the SAX
   * entity resolver, fetching the URL when none is set; the parsers made here switch DTD support
   * off again and refuse every external resource (the {@link WorkbookGuard} has refused any DOCTYPE
   * before a parser runs; this is the second line). At most one entity expansion.
   */
  static SAXParserFactory sheetParsers() {
    WstxInputFactory stax = new WstxInputFactory();
    stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    stax.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1);
    stax.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
    stax.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    stax.setXMLResolver(REFUSE_RESOLVER);
    WstxSAXParserFactory sax =
        new WstxSAXParserFactory(stax) {
          @Override
          public SAXParser newSAXParser() {
            return new ClosedSaxParser(mStaxFactory, mFeatNsPrefixes);
          }
        };
    sax.setNamespaceAware(true);
    return sax;
  }

  private static final XMLResolver REFUSE_RESOLVER =
      (publicId, systemId, baseUri, namespace) -> {
        throw new XMLStreamException("a workbook part may not refer to an external resource");
      };

  /** Woodstox's SAX parser with DTDs, external entities and every resolver turned off. */
  private static final class ClosedSaxParser extends WstxSAXParser {
    ClosedSaxParser(WstxInputFactory stax, boolean nsPrefixes) {
      super(stax, nsPrefixes);
      mConfig.doSupportDTDs(false);
      mConfig.doSupportExternalEntities(false);
      mConfig.setDtdResolver(REFUSE_RESOLVER);
      mConfig.setEntityResolver(REFUSE_RESOLVER);
      mConfig.setUndeclaredEntityResolver(REFUSE_RESOLVER);
      setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("a workbook part may not refer to an external resource");
          });
    }

    @Override
    public void setFeature(String name, boolean value)
        throws org.xml.sax.SAXNotRecognizedException, org.xml.sax.SAXNotSupportedException {
      if (value
          && (name.endsWith("/external-general-entities")
              || name.endsWith("/external-parameter-entities"))) {
        throw new org.xml.sax.SAXNotSupportedException(name + " stays off");
      }
      super.setFeature(name, value);
    }

    @Override
    public void setEntityResolver(org.xml.sax.EntityResolver resolver) {
      if (getEntityResolver() == null) {
        super.setEntityResolver(resolver); // the refusing one, set once by the constructor
      }
    }
  }

  /** Parses one part with a fresh reader that resolves no external entity. */
  private static void parse(SAXParserFactory parsers, InputStream in, DefaultHandler handler)
      throws Exception {
    XMLReader parser = parsers.newSAXParser().getXMLReader();
    parser.setContentHandler(handler);
    parser.parse(new InputSource(in));
  }

  /**
   * Counts the shared strings and the characters of each before POI loads the table: at most {@code
   * SHARED_STRINGS_ENTRIES} entries of at most {@code CELL_CHARS} characters.
   */
  private static final class SharedStringsCounter extends DefaultHandler {
    private final String where;
    private final ReadCaps caps;
    private long entries;
    private long chars;

    SharedStringsCounter(String fileName, ReadCaps caps) {
      this.where = fileName + ": the shared strings";
      this.caps = caps;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      if ("si".equals(localName)) {
        chars = 0;
        if (++entries > caps.sharedStringsEntries()) {
          throw new RefusalCarrier(
              ReadCaps.exceeded(
                  where, "SHARED_STRINGS_ENTRIES", caps.sharedStringsEntries(), "entries"));
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      chars += length;
      if (chars > caps.cellChars()) {
        throw new RefusalCarrier(
            ReadCaps.exceeded(
                where + " (entry " + entries + ")", "CELL_CHARS", caps.cellChars(), "characters"));
      }
    }
  }

  /** Reads {@code <workbookPr date1904="1"/>} from workbook.xml. */
  private static final class WorkbookProperties extends DefaultHandler {
    boolean date1904;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      if ("workbookPr".equals(localName)) {
        String v = attributes.getValue("date1904");
        date1904 = v != null && ("1".equals(v.trim()) || "true".equalsIgnoreCase(v.trim()));
      }
    }
  }

  private static ContractSheet specOf(String sheetName) {
    String n = SheetBuilder.clean(sheetName);
    for (ContractSheet s : ContractSheet.values()) {
      if (s.sheetName().equalsIgnoreCase(n)) {
        return s;
      }
    }
    return null;
  }

  private static void checkMagic(Path file, String fileName) throws SubmissionRefused {
    FileMagic magic;
    try (InputStream in =
        FileMagic.prepareToCheckMagic(new BufferedInputStream(Files.newInputStream(file)))) {
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

  /** Gathers each row's cells by column position and hands the row to the builder. */
  private static final class RowCollector implements XlsxSheetHandler.Rows {
    private final SheetBuilder builder;
    private final String where;
    private final int maxColumns;
    private final List<String> cells = new ArrayList<>();

    RowCollector(SheetBuilder builder, String where, ReadCaps caps) {
      this.builder = builder;
      this.where = where;
      this.maxColumns = caps.sheetColumns();
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
      if (col < 0 || col >= maxColumns) {
        throw new RefusalCarrier(
            ReadCaps.exceeded(
                where + " (a cell's column)", "SHEET_COLUMNS", maxColumns, "columns"));
      }
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
