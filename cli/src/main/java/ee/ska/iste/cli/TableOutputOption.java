package ee.ska.iste.cli;

import ee.ska.iste.warehouse.QueryResult;
import picocli.CommandLine.Option;

/** {@code --csv}: how a verb that prints a table prints it (query, diff). */
final class TableOutputOption {
  @Option(names = "--csv", description = "Print CSV instead of an aligned table.")
  boolean csv;

  /** The table as the user asked for it: CSV, or aligned columns. */
  String format(QueryResult table) {
    return csv ? table.csv() : table.aligned();
  }
}
