package ee.ska.iste.warehouse;

import ee.ska.iste.core.ref.RefTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The descriptions of tables, views and columns in Estonian and English, kept as data in {@code
 * dictionary/tables.csv} and {@code dictionary/columns.csv} on the class path. A column entry with
 * table {@code *} describes that column in every table that has it and no entry of its own.
 */
final class Dictionary {
  /** Joins the Estonian and English text of one comment. */
  static final String SEPARATOR = " | ";

  private static final String UNDESCRIBED = "kirjeldus puudub" + SEPARATOR + "no description yet";

  /** One table's or view's entry. */
  record TableEntry(String name, List<String> key, String refCsv, String et, String en) {
    TableEntry {
      key = List.copyOf(key);
    }

    String comment() {
      return et + SEPARATOR + en;
    }
  }

  /** One column's entry. */
  record ColumnEntry(String table, String column, String type, String et, String en) {
    String comment() {
      return et + SEPARATOR + en;
    }
  }

  private final Map<String, TableEntry> tables;
  private final Map<String, List<ColumnEntry>> columns;

  private Dictionary(Map<String, TableEntry> tables, Map<String, List<ColumnEntry>> columns) {
    this.tables = tables;
    this.columns = columns;
  }

  static Dictionary load() {
    RefTable t = read("tables.csv");
    RefTable c = read("columns.csv");
    Map<String, TableEntry> tables = new LinkedHashMap<>();
    for (Map<String, String> r : t.rows()) {
      String key = r.get("key");
      tables.put(
          t.required(r, "table"),
          new TableEntry(
              t.required(r, "table"),
              key == null ? List.of() : Arrays.asList(key.split(";")),
              r.get("ref_csv"),
              t.required(r, "comment_et"),
              t.required(r, "comment_en")));
    }
    Map<String, List<ColumnEntry>> columns = new LinkedHashMap<>();
    for (Map<String, String> r : c.rows()) {
      ColumnEntry e =
          new ColumnEntry(
              c.required(r, "table"),
              c.required(r, "column"),
              r.get("type") == null ? "VARCHAR" : r.get("type"),
              c.required(r, "comment_et"),
              c.required(r, "comment_en"));
      columns.computeIfAbsent(e.table(), k -> new ArrayList<>()).add(e);
    }
    return new Dictionary(tables, columns);
  }

  private static RefTable read(String file) {
    InputStream in = Dictionary.class.getResourceAsStream("/dictionary/" + file);
    if (in == null) {
      throw new IllegalStateException("dictionary file missing from the build: " + file);
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return RefTable.read(file, r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dictionary file " + file, e);
    }
  }

  Optional<TableEntry> table(String name) {
    return Optional.ofNullable(tables.get(name));
  }

  List<TableEntry> tables() {
    return List.copyOf(tables.values());
  }

  /** The documented columns of a table, in their documented order (shared entries excluded). */
  List<ColumnEntry> columnsOf(String table) {
    return columns.getOrDefault(table, List.of());
  }

  String tableComment(String table) {
    return table(table).map(TableEntry::comment).orElse(UNDESCRIBED);
  }

  Optional<ColumnEntry> column(String table, String column) {
    for (String t : List.of(table, "*")) {
      for (ColumnEntry e : columns.getOrDefault(t, List.of())) {
        if (e.column().equals(column)) {
          return Optional.of(e);
        }
      }
    }
    return Optional.empty();
  }

  String columnComment(String table, String column) {
    return column(table, column).map(ColumnEntry::comment).orElse(UNDESCRIBED);
  }
}
