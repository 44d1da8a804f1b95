package ee.ska.iste.generator;

import ee.ska.iste.core.contract.ContractSheet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a submission as one XLSX workbook with POI's streaming workbook, so that a large sheet is
 * never whole in memory. A valid ISO date in a date column becomes an Excel date cell (format
 * {@code yyyy-mm-dd}), a number in a number column a numeric cell, anything else a text cell — so a
 * deliberately broken value stays visible as typed.
 *
 * <p>The bytes depend only on the rows and {@code stamp}: the document's created and modified times
 * are set to it and the archive is rewritten with every entry dated at it.
 */
final class XlsxSubmissionWriter implements SubmissionSink {
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private final Path target;
  private final LocalDateTime stamp;
  private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
  private final Map<ContractSheet, Sheet> sheets = new EnumMap<>(ContractSheet.class);
  private final Map<ContractSheet, Integer> nextRow = new EnumMap<>(ContractSheet.class);
  private final CellStyle dateStyle;
  private final CellStyle plainStyle;

  XlsxSubmissionWriter(Path target, LocalDateTime stamp) {
    this.target = target;
    this.stamp = stamp;
    dateStyle = workbook.createCellStyle();
    dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
    plainStyle = workbook.getCellStyleAt(0);
    for (ContractSheet s : ContractSheet.values()) {
      Sheet sheet = workbook.createSheet(s.sheetName());
      sheets.put(s, sheet);
      Row header = sheet.createRow(0);
      for (int c = 0; c < s.columns().size(); c++) {
        header.createCell(c).setCellValue(s.columns().get(c).name());
      }
      nextRow.put(s, 1);
    }
  }

  @Override
  public void row(ContractSheet sheet, String[] values) {
    int r = nextRow.merge(sheet, 1, Integer::sum) - 1;
    Row row = sheets.get(sheet).createRow(r);
    for (int c = 0; c < values.length; c++) {
      String v = values[c];
      if (v == null || v.isEmpty()) {
        continue;
      }
      Cell cell = row.createCell(c);
      // An explicit style spares POI looking up a column default for every cell.
      cell.setCellStyle(plainStyle);
      switch (sheet.columns().get(c).type()) {
        case DATE -> {
          LocalDate d = isoDate(v);
          if (d != null) {
            cell.setCellValue(d);
            cell.setCellStyle(dateStyle);
          } else {
            cell.setCellValue(v);
          }
        }
        case INTEGER, DECIMAL -> {
          if (NUMBER.matcher(v).matches()) {
            cell.setCellValue(new BigDecimal(v).doubleValue());
          } else {
            cell.setCellValue(v);
          }
        }
        default -> cell.setCellValue(v);
      }
    }
  }

  private static LocalDate isoDate(String v) {
    if (!ISO_DATE.matcher(v).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    Path raw = target.resolveSibling(target.getFileName() + ".part");
    try {
      var core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
      Date when = Date.from(stamp.toInstant(ZoneOffset.UTC));
      core.setCreated(Optional.of(when));
      core.setModified(Optional.of(when));
      core.setCreator("ISTE synthetic generator");
      try (OutputStream out = Files.newOutputStream(raw)) {
        workbook.write(out);
      }
    } finally {
      workbook.close();
      workbook.dispose();
    }
    try {
      rezipWithFixedTimes(raw, target, stamp);
    } finally {
      Files.deleteIfExists(raw);
    }
  }

  /** Copies a zip archive entry by entry, in order, every entry dated {@code stamp}. */
  static void rezipWithFixedTimes(Path from, Path to, LocalDateTime stamp) throws IOException {
    try (ZipFile in = new ZipFile(from.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTimeLocal(stamp);
        out.putNextEntry(copy);
        try (InputStream data = in.getInputStream(e)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }
}
