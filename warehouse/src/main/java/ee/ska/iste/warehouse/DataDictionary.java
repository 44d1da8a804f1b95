package ee.ska.iste.warehouse;

import ee.ska.iste.core.layout.WarehouseLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The data dictionary in Markdown, generated from the {@code COMMENT ON} texts of a DuckDB database
 * (the same texts analysts see in the database), so the two never disagree.
 */
public final class DataDictionary {
  private DataDictionary() {}

  /** Writes the dictionary of a database file to a Markdown file. */
  public static void write(Path database, Path markdown) throws SQLException, IOException {
    String text;
    try (Connection c = Query.openReadOnly(database)) {
      text = markdown(c);
    }
    Path parent = markdown.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(markdown, text, StandardCharsets.UTF_8);
  }

  /** The dictionary of the database behind a connection: views first, then tables by layer. */
  public static String markdown(Connection c) throws SQLException {
    return markdown(
        c,
        "# ISTE andmesõnastik / data dictionary\n\n"
            + "Generated from the comments of the DuckDB database `"
            + WarehouseLayout.DATABASE_FILE
            + "`. "
            + "Views first, then tables in name order (the prefix names the layer: "
            + "`stg_`, `int_`, `dim_`, `fct_`, `mart_`, `ref_`).\n\n");
  }

  /**
   * The same under another heading and introduction ({@code intro}: Markdown, ends in a blank
   * line).
   */
  static String markdown(Connection c, String intro) throws SQLException {
    List<String[]> objects = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT view_name, 'view', comment, 0 FROM duckdb_views() WHERE NOT internal AND"
                    + " schema_name = 'main' UNION ALL SELECT table_name, 'table', comment, 1 FROM"
                    + " duckdb_tables() WHERE NOT internal AND schema_name = 'main' ORDER BY 4,"
                    + " 1")) {
      while (r.next()) {
        objects.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
      }
    }
    StringBuilder b = new StringBuilder(intro);
    for (String[] o : objects) {
      String[] text = split(o[2]);
      b.append("## `").append(o[0]).append("` (").append(o[1]).append(")\n\n");
      b.append("- et: ").append(text[0]).append('\n');
      b.append("- en: ").append(text[1]).append("\n\n");
      b.append("| column | type | eesti keeles | in English |\n|---|---|---|---|\n");
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT column_name, data_type, comment FROM duckdb_columns()"
                  + " WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index")) {
        ps.setString(1, o[0]);
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            String[] t = split(r.getString(3));
            b.append("| `")
                .append(r.getString(1))
                .append("` | ")
                .append(cell(r.getString(2)))
                .append(" | ")
                .append(cell(t[0]))
                .append(" | ")
                .append(cell(t[1]))
                .append(" |\n");
          }
        }
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** A comment's Estonian and English halves. */
  private static String[] split(String comment) {
    if (comment == null) {
      return new String[] {"", ""};
    }
    int at = comment.indexOf(Dictionary.SEPARATOR);
    return at < 0
        ? new String[] {comment, ""}
        : new String[] {
          comment.substring(0, at), comment.substring(at + Dictionary.SEPARATOR.length())
        };
  }

  private static String cell(String v) {
    return v == null ? "" : v.replace("|", "\\|").replace("\n", " ");
  }
}
