package ee.ska.iste.core.ref;

import ee.ska.iste.core.csv.CsvReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One reference data file: a header row and rows of named text values. Rows may carry a validity
 * period in the columns {@code valid_from} and {@code valid_to} (ISO dates, both inclusive, empty
 * {@code valid_to} = open-ended).
 */
public final class RefTable implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String name;
  private final List<String> columns;
  private final List<Map<String, String>> rows;

  private RefTable(String name, List<String> columns, List<Map<String, String>> rows) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.rows = Collections.unmodifiableList(rows);
  }

  /** Reads a reference CSV file; lines starting with {@code #} are comments. */
  public static RefTable read(String name, Reader reader) throws IOException {
    try (CsvReader csv = new CsvReader(reader)) {
      List<CsvReader.Record> records = csv.readAll();
      List<CsvReader.Record> data = new ArrayList<>();
      for (CsvReader.Record r : records) {
        String f0 = r.field(0);
        if (r.isBlank() || (f0 != null && f0.startsWith("#"))) {
          continue;
        }
        data.add(r);
      }
      if (data.isEmpty()) {
        throw new IOException("reference file " + name + " has no header row");
      }
      List<String> header = data.get(0).fields().stream().map(String::strip).toList();
      List<Map<String, String>> rows = new ArrayList<>();
      for (int i = 1; i < data.size(); i++) {
        CsvReader.Record r = data.get(i);
        if (r.fields().size() != header.size()) {
          throw new IOException(
              "reference file "
                  + name
                  + " record "
                  + r.number()
                  + " has "
                  + r.fields().size()
                  + " fields, header has "
                  + header.size());
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
          String v = r.field(c).strip();
          row.put(header.get(c), v.isEmpty() ? null : v);
        }
        rows.add(Collections.unmodifiableMap(row));
      }
      return new RefTable(name, header, rows);
    }
  }

  public String name() {
    return name;
  }

  public List<String> columns() {
    return columns;
  }

  public List<Map<String, String>> rows() {
    return rows;
  }

  /** Rows whose validity period contains the date (rows without a period are always valid). */
  public List<Map<String, String>> validOn(LocalDate date) {
    return filter(r -> isValidOn(r, date));
  }

  public List<Map<String, String>> filter(Predicate<Map<String, String>> p) {
    return rows.stream().filter(p).toList();
  }

  /** True when a row's validity period contains the date. */
  public static boolean isValidOn(Map<String, String> row, LocalDate date) {
    String from = row.get("valid_from");
    String to = row.get("valid_to");
    if (from != null && date.isBefore(LocalDate.parse(from))) {
      return false;
    }
    return to == null || !date.isAfter(LocalDate.parse(to));
  }

  /** The value of a required column; the message names file and column when it is missing. */
  public String required(Map<String, String> row, String column) {
    String v = row.get(column);
    if (v == null) {
      throw new IllegalStateException(
          "reference file " + name + ": empty '" + column + "' in " + row);
    }
    return v;
  }
}
