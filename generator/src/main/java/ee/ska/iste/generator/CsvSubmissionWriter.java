package ee.ska.iste.generator;

import ee.ska.iste.core.contract.ContractSheet;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes a submission as a folder of UTF-8 CSV files, one per sheet: header row, comma separated,
 * CRLF line ends, RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes
 * doubled).
 */
final class CsvSubmissionWriter implements SubmissionSink {
  private final Map<ContractSheet, Writer> writers = new EnumMap<>(ContractSheet.class);

  CsvSubmissionWriter(Path folder) throws IOException {
    Files.createDirectories(folder);
    try {
      for (ContractSheet s : ContractSheet.values()) {
        Writer w =
            Files.newBufferedWriter(folder.resolve(s.sheetName() + ".csv"), StandardCharsets.UTF_8);
        writers.put(s, w);
        writeRecord(w, s.columnNames().toArray(String[]::new));
      }
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  @Override
  public void row(ContractSheet sheet, String[] values) throws IOException {
    writeRecord(writers.get(sheet), values);
  }

  private static void writeRecord(Writer w, String[] values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(quote(values[i]));
    }
    w.write("\r\n");
  }

  /** The RFC 4180 form of one field. */
  static String quote(String v) {
    if (v == null) {
      return "";
    }
    boolean needs =
        v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Writer w : writers.values()) {
      try {
        w.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
