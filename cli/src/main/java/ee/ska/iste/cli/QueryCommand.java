package ee.ska.iste.cli;

import ee.ska.iste.warehouse.Query;
import ee.ska.iste.warehouse.QueryResult;
import ee.ska.iste.warehouse.Version;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code iste query}: SQL against the published DuckDB database, read-only. */
@Command(
    name = "query",
    header = "Run SQL against the published warehouse and print the result.",
    description = {
      "Opens the current version's iste.duckdb (or --version's) read-only and prints an aligned",
      "table, or CSV with --csv. Try: iste query \"SELECT * FROM kov_quarter_overview\""
    })
public final class QueryCommand extends BaseCommand {
  @Mixin PublishedVersionOptions published;

  @Mixin TableOutputOption output;

  @Parameters(index = "0", paramLabel = "SQL", description = "One SQL statement.")
  String sql;

  @Override
  protected int execute() {
    Version v = published.version();
    try {
      QueryResult r = Query.run(v.database(), sql);
      out().print(output.format(r));
    } catch (SQLException e) {
      throw new UserError(ExitCode.USAGE, "query failed: " + firstLine(e.getMessage()), e);
    }
    return ExitCode.OK;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
