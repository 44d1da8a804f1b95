package ee.ska.iste.warehouse;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a query as text, ready to print.
 *
 * @param columns column names, in order
 * @param numeric for each column, whether it holds numbers (printed right-aligned)
 * @param rows each row's values as text; null for SQL NULL
 */
public record QueryResult(List<String> columns, List<Boolean> numeric, List<List<String>> rows) {
  public QueryResult {
    columns = List.copyOf(columns);
    numeric = List.copyOf(numeric);
    if (numeric.size() != columns.size()) {
      throw new IllegalArgumentException(
          "numeric flags (" + numeric.size() + ") do not match columns (" + columns.size() + ")");
    }
    List<List<String>> copy = new ArrayList<>();
    for (List<String> r : rows) {
      if (r.size() != columns.size()) {
        throw new IllegalArgumentException(
            "a row has " + r.size() + " values for " + columns.size() + " columns");
      }
      copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(r)));
    }
    rows = List.copyOf(copy);
  }

  /** An aligned text table: a header, a rule, the rows; numbers right-aligned, NULL for null. */
  public String aligned() {
    int n = columns.size();
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      width[i] = columns.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], shown(r.get(i)).length());
      }
    }
    StringBuilder b = new StringBuilder();
    appendLine(b, columns, width);
    List<String> rule = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rule.add("-".repeat(width[i]));
    }
    b.append(String.join("  ", rule)).append('\n');
    for (List<String> r : rows) {
      appendLine(b, r.stream().map(QueryResult::shown).toList(), width);
    }
    b.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)").append('\n');
    return b.toString();
  }

  private void appendLine(StringBuilder b, List<String> values, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      String pad = " ".repeat(width[i] - v.length());
      line.append(i == 0 ? "" : "  ").append(numeric.get(i) ? pad + v : v + pad);
    }
    b.append(line.toString().stripTrailing()).append('\n');
  }

  private static String shown(String v) {
    return v == null ? "NULL" : v;
  }

  /** RFC 4180 CSV with a header row; null is an empty field. */
  public String csv() {
    StringBuilder b = new StringBuilder();
    b.append(String.join(",", columns.stream().map(QueryResult::csvField).toList())).append("\r\n");
    for (List<String> r : rows) {
      b.append(String.join(",", r.stream().map(v -> v == null ? "" : csvField(v)).toList()))
          .append("\r\n");
    }
    return b.toString();
  }

  private static String csvField(String v) {
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
