package ee.ska.iste.pipelines.ingest;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.Styles;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The SAX handler of one worksheet: the cell texts POI's {@code XSSFSheetXMLHandler} gives (with
 * formula results, not formulas), element for element, without its per-cell costs. POI wraps every
 * inline or shared string in an XMLBeans rich-text object and looks up the cell style for every
 * number; at national scale that was most of the ingest time. Here a string is unwrapped only when
 * it holds an {@code _xHHHH_} escape (the one thing the wrapper changes), a shared string and a
 * style's number format are looked up once per workbook, and a cell's column is read from its
 * reference without a regular expression.
 */
final class XlsxSheetHandler extends DefaultHandler {
  /** Receives the rows of a sheet. */
  interface Rows {
    void startRow(int rowNum);

    /** A cell: its column (0-based) and text as {@code XSSFSheetXMLHandler} formats it. */
    void cell(int column, String text);

    void endRow(int rowNum);
  }

  /** The number format of a cell style, and whether it shows a date. */
  private record NumberFormat(short index, String format, boolean date) {}

  private static final NumberFormat NO_FORMAT = new NumberFormat((short) -1, null, false);

  private enum Type {
    BOOLEAN,
    ERROR,
    FORMULA,
    INLINE_STRING,
    SST_STRING,
    NUMBER
  }

  /**
   * What the sheets of one workbook share: its styles and shared strings, with the number format of
   * each style and the text of each shared string once it was first needed.
   */
  static final class Workbook {
    private static final int MAX_CACHED_STRINGS = 1 << 20;
    private final Styles styles;
    private final SharedStrings strings;
    private final String[] sharedText;
    private final Map<String, NumberFormat> formatsByStyle = new HashMap<>();

    /** The workbook counts serial dates from 1904-01-01 ({@code <workbookPr date1904="1"/>}). */
    private final boolean date1904;

    Workbook(Styles styles, SharedStrings strings) {
      this(styles, strings, false);
    }

    Workbook(Styles styles, SharedStrings strings, boolean date1904) {
      this.date1904 = date1904;
      this.styles = styles;
      this.strings = strings;
      this.sharedText =
          new String[Math.max(0, Math.min(strings.getUniqueCount(), MAX_CACHED_STRINGS))];
    }

    String shared(int i) {
      if (i >= 0 && i < sharedText.length) {
        String s = sharedText[i];
        if (s == null) {
          s = strings.getItemAt(i).toString();
          sharedText[i] = s;
        }
        return s;
      }
      return strings.getItemAt(i).toString();
    }

    NumberFormat numberFormat(String styleAttribute) {
      String key = styleAttribute == null ? "" : styleAttribute;
      NumberFormat f = formatsByStyle.get(key);
      if (f == null) {
        f = lookUpFormat(styleAttribute);
        formatsByStyle.put(key, f);
      }
      return f;
    }

    private NumberFormat lookUpFormat(String styleAttribute) {
      XSSFCellStyle style = null;
      if (styles != null) {
        if (styleAttribute != null) {
          style = styles.getStyleAt(Integer.parseInt(styleAttribute.trim()));
        } else if (styles.getNumCellStyles() > 0) {
          style = styles.getStyleAt(0);
        }
      }
      if (style == null) {
        return NO_FORMAT;
      }
      short index = style.getDataFormat();
      String f = style.getDataFormatString();
      if (f == null) {
        f = BuiltinFormats.getBuiltinFormat(index);
      }
      return new NumberFormat(index, f, f != null && DateUtil.isADateFormat(index, f));
    }
  }

  private final Workbook workbook;
  private final Rows output;
  private final StringBuilder value = new StringBuilder(64);

  private boolean vIsOpen;
  private boolean isIsOpen;
  private Type nextDataType = Type.NUMBER;
  private NumberFormat format = NO_FORMAT;
  private int rowNum;
  private int nextRowNum;
  private String cellRef;
  private int nextColumn;

  /** Longest cell text taken in; a longer one refuses the submission while it is read. */
  private final int maxCellChars;

  /** File and sheet, for the refusal's message. */
  private final String where;

  /** A handler without a cell-length cap (for comparing with POI's handler in tests). */
  XlsxSheetHandler(Workbook workbook, Rows output) {
    this(workbook, output, Integer.MAX_VALUE - 16, "sheet");
  }

  XlsxSheetHandler(Workbook workbook, Rows output, int maxCellChars, String where) {
    this.workbook = workbook;
    this.output = output;
    this.maxCellChars = maxCellChars;
    this.where = where;
  }

  private boolean isTextTag(String name) {
    return "v".equals(name) || "inlineStr".equals(name) || ("t".equals(name) && isIsOpen);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    if (uri != null && !uri.equals(XSSFRelation.NS_SPREADSHEETML)) {
      return;
    }
    if (isTextTag(localName)) {
      vIsOpen = true;
      if (!isIsOpen) {
        value.setLength(0);
      }
    } else if ("is".equals(localName)) {
      isIsOpen = true;
    } else if ("f".equals(localName)) {
      if (nextDataType == Type.NUMBER) {
        nextDataType = Type.FORMULA;
      }
    } else if ("row".equals(localName)) {
      String r = attributes.getValue("r");
      rowNum = r != null ? Integer.parseInt(r.trim()) - 1 : nextRowNum;
      nextColumn = 0;
      output.startRow(rowNum);
    } else if ("c".equals(localName)) {
      nextDataType = Type.NUMBER;
      format = NO_FORMAT;
      // One pass over the attributes (as getValue(qName) would find them, first match wins).
      String ref = null;
      String cellType = null;
      String style = null;
      for (int i = attributes.getLength() - 1; i >= 0; i--) {
        String name = attributes.getQName(i);
        if (name.length() == 1) {
          switch (name.charAt(0)) {
            case 'r' -> ref = attributes.getValue(i);
            case 't' -> cellType = attributes.getValue(i);
            case 's' -> style = attributes.getValue(i);
            default -> {}
          }
        }
      }
      cellRef = ref;
      if ("b".equals(cellType)) {
        nextDataType = Type.BOOLEAN;
      } else if ("e".equals(cellType)) {
        nextDataType = Type.ERROR;
      } else if ("inlineStr".equals(cellType)) {
        nextDataType = Type.INLINE_STRING;
      } else if ("s".equals(cellType)) {
        nextDataType = Type.SST_STRING;
      } else if ("str".equals(cellType)) {
        nextDataType = Type.FORMULA;
      } else {
        format = workbook.numberFormat(style);
      }
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    if (uri != null && !uri.equals(XSSFRelation.NS_SPREADSHEETML)) {
      return;
    }
    if (isTextTag(localName)) {
      vIsOpen = false;
      if (!isIsOpen) {
        outputCell();
        value.setLength(0);
      }
    } else if ("is".equals(localName)) {
      isIsOpen = false;
      outputCell();
      value.setLength(0);
    } else if ("row".equals(localName)) {
      output.endRow(rowNum);
      nextRowNum = rowNum + 1;
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (vIsOpen) {
      if (value.length() + length > maxCellChars) {
        throw new RefusalCarrier(
            ReadCaps.exceeded(where + " " + shownCell(), "CELL_CHARS", maxCellChars, "characters"));
      }
      value.append(ch, start, length);
    }
  }

  private void outputCell() {
    String text =
        switch (nextDataType) {
          case BOOLEAN -> value.charAt(0) == '0' ? "FALSE" : "TRUE";
          case ERROR -> "ERROR:" + value;
          case FORMULA -> format.format() == null ? value.toString() : formatted(value.toString());
          case INLINE_STRING -> unescaped(value.toString());
          case SST_STRING -> shared(value.toString().trim());
          case NUMBER -> {
            String n = value.toString();
            yield format.format() != null && !n.isEmpty() ? formatted(n) : n;
          }
        };
    int column = cellRef == null ? nextColumn : column(cellRef);
    nextColumn = column + 1;
    output.cell(column, text);
  }

  /** The cell being read, in Excel's terms; a reference of another shape is not quoted. */
  private String shownCell() {
    return cellRef != null && cellRef.matches("[A-Z]{1,3}[0-9]{1,7}")
        ? "cell " + cellRef
        : "row " + (rowNum + 1);
  }

  /** A rich-text string's text: only an {@code _xHHHH_} escape makes it differ from the XML's. */
  private static String unescaped(String s) {
    return s.contains("_x") ? new XSSFRichTextString(s).toString() : s;
  }

  private String shared(String index) {
    if (index.isEmpty()) {
      return null;
    }
    int i;
    try {
      i = Integer.parseInt(index);
    } catch (NumberFormatException e) {
      return null;
    }
    return workbook.shared(i);
  }

  /** A number as ISO date text when its format shows a date, else as plain decimal text. */
  private String formatted(String raw) {
    try {
      double d = Double.parseDouble(raw.trim());
      if (format.date() && DateUtil.isValidExcelDate(d)) {
        return DateUtil.getLocalDateTime(d, workbook.date1904).toLocalDate().toString();
      }
      return plain(d);
    } catch (RuntimeException e) {
      return raw; // as POI: a value that cannot be formatted is given as it stands
    }
  }

  /** {@code BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()}, faster for integers. */
  static String plain(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return String.valueOf(d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** The 0-based column of a cell reference such as {@code AB12}. */
  static int column(String ref) {
    int col = 0;
    int i = 0;
    while (i < ref.length() && i < 3) {
      char c = ref.charAt(i);
      if (c < 'A' || c > 'Z') {
        break;
      }
      col = col * 26 + (c - 'A' + 1);
      i++;
    }
    boolean digits = i > 0 && i < ref.length();
    for (int j = i; j < ref.length() && digits; j++) {
      char c = ref.charAt(j);
      digits = c >= '0' && c <= '9';
    }
    return digits ? col - 1 : new org.apache.poi.ss.util.CellReference(ref).getCol();
  }
}
