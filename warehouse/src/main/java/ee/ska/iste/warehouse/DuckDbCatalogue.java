package ee.ska.iste.warehouse;

import ee.ska.iste.core.layout.Layer;
import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.ref.RefTable;
import ee.ska.iste.core.ref.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a version's DuckDB database {@code iste.duckdb}: every Parquet table under the version's
 * layer folders loaded as a table of the same name (rows in key order, so reruns give identical
 * query results), the reference data as {@code ref_} tables, the publishable status of every KOV
 * and quarter ({@code kov_status}, see {@link KovStatusTable}), the views of {@code sql/views/} and
 * a comment in Estonian and English on every table, view and column. The database holds no path: it
 * works when the folder is moved or copied.
 */
public final class DuckDbCatalogue {
  /** The view every report and check reads; it exists whenever {@code mart_outcomes} does. */
  public static final String OUTCOMES = "outcomes";

  private static final String VIEWS = "/sql/views/";

  private DuckDbCatalogue() {}

  /**
   * What the build made.
   *
   * @param tables the tables loaded, with their row counts, in name order
   * @param views the views created, in creation order
   * @param skippedViews views left out, each with the tables it misses
   */
  public record Summary(
      Map<String, Long> tables, List<String> views, Map<String, List<String>> skippedViews) {
    public Summary {
      tables = Map.copyOf(tables);
      views = List.copyOf(views);
      skippedViews = Map.copyOf(skippedViews);
    }
  }

  /** Creates (or recreates) {@code <versionDir>/iste.duckdb}. */
  public static Summary build(Path versionDir, ReferenceData ref) {
    Path db = versionDir.resolve(WarehouseLayout.DATABASE_FILE);
    Dictionary dict = Dictionary.load();
    try {
      Files.deleteIfExists(db);
      Files.deleteIfExists(versionDir.resolve(WarehouseLayout.DATABASE_FILE + ".wal"));
      Map<String, Long> tables = new LinkedHashMap<>();
      List<String> views = new ArrayList<>();
      Map<String, List<String>> skipped = new LinkedHashMap<>();
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
          Statement s = c.createStatement()) {
        // One transaction: much faster than committing each of the hundreds of statements.
        c.setAutoCommit(false);
        for (ParquetTable t : findParquetTables(versionDir)) {
          loadParquet(s, t, dict);
        }
        for (Dictionary.TableEntry e : dict.tables()) {
          if (e.refCsv() != null && !exists(c, e.name())) {
            loadRefCsv(c, e.name(), ref.table(e.refCsv()), dict);
          }
        }
        if (exists(c, "mart_outcomes")) {
          KovStatusTable.build(c, ref, exists(c, "stg_submission"));
        }
        createViews(c, dict, views, skipped);
        for (String name : names(c)) {
          tables.put(name, count(s, name));
        }
        comment(c, dict);
        c.commit();
        c.setAutoCommit(true);
        s.execute("CHECKPOINT");
      }
      return new Summary(tables, views, skipped);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot build the DuckDB catalogue in " + versionDir + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the DuckDB catalogue in " + versionDir, e);
    }
  }

  /** A Parquet table found under a layer folder. */
  record ParquetTable(String name, Path dir, List<String> partitionKeys, List<Path> files) {}

  static List<ParquetTable> findParquetTables(Path versionDir) throws IOException {
    List<ParquetTable> out = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      Path layerDir = versionDir.resolve(layer.prefix());
      if (!Files.isDirectory(layerDir)) {
        continue;
      }
      List<Path> tableDirs;
      try (Stream<Path> s = Files.list(layerDir)) {
        tableDirs =
            s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                .filter(p -> p.getFileName().toString().startsWith(layer.prefix() + "_"))
                .sorted()
                .toList();
      }
      for (Path dir : tableDirs) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
          files =
              s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                  .map(dir::relativize)
                  .filter(DuckDbCatalogue::isDataFile)
                  .sorted()
                  .toList();
        }
        if (files.isEmpty()) {
          continue;
        }
        Set<Integer> depths = files.stream().map(Path::getNameCount).collect(Collectors.toSet());
        if (depths.size() != 1) {
          throw new IllegalStateException(
              "table " + dir.getFileName() + " has Parquet files at different folder depths");
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Path f : files) {
          for (int i = 0; i < f.getNameCount() - 1; i++) {
            String part = f.getName(i).toString();
            int eq = part.indexOf('=');
            if (eq <= 0) {
              throw new IllegalStateException(
                  "table " + dir.getFileName() + " has a folder that is not key=value: " + part);
            }
            keys.add(part.substring(0, eq));
          }
        }
        out.add(
            new ParquetTable(
                dir.getFileName().toString(),
                dir,
                List.copyOf(keys),
                files.stream().map(dir::resolve).toList()));
      }
    }
    return out;
  }

  /** A Parquet file outside hidden folders ({@code _temporary}, {@code .spark-staging-…}). */
  private static boolean isDataFile(Path relative) {
    for (Path part : relative) {
      String n = part.toString();
      if (n.startsWith(".") || n.startsWith("_")) {
        return false;
      }
    }
    return relative.getFileName().toString().endsWith(".parquet");
  }

  private static void loadParquet(Statement s, ParquetTable t, Dictionary dict)
      throws SQLException {
    // The files by name, not a glob: a glob would also take Spark's hidden staging folders.
    String list =
        t.files().stream().map(f -> literal(f.toString())).collect(Collectors.joining(", "));
    StringBuilder from =
        new StringBuilder("read_parquet([").append(list).append("], union_by_name = true");
    if (!t.partitionKeys().isEmpty()) {
      from.append(", hive_partitioning = true, hive_types = {");
      from.append(
          t.partitionKeys().stream()
              .map(k -> literal(k) + ": VARCHAR")
              .collect(Collectors.joining(", ")));
      from.append('}');
    } else {
      from.append(", hive_partitioning = false");
    }
    from.append(')');
    List<String> fileColumns = new ArrayList<>();
    try (ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + from)) {
      while (r.next()) {
        fileColumns.add(r.getString("column_name"));
      }
    }
    List<String> documented =
        dict.columnsOf(t.name()).stream().map(Dictionary.ColumnEntry::column).toList();
    // A table whose every column is documented takes the documented order (which puts the
    // partition columns, appended last by the reader, back in place); others keep the file order.
    List<String> ordered =
        documented.containsAll(fileColumns)
            ? documented.stream().filter(fileColumns::contains).toList()
            : fileColumns;
    List<String> sortKey = new ArrayList<>();
    for (String k : dict.table(t.name()).map(Dictionary.TableEntry::key).orElse(List.of())) {
      if (fileColumns.contains(k)) {
        sortKey.add(k);
      }
    }
    for (String col : ordered) {
      if (!sortKey.contains(col)) {
        sortKey.add(col);
      }
    }
    s.execute(
        "CREATE TABLE "
            + ident(t.name())
            + " AS SELECT "
            + ordered.stream().map(DuckDbCatalogue::ident).collect(Collectors.joining(", "))
            + " FROM "
            + from
            + " ORDER BY "
            + sortKey.stream().map(DuckDbCatalogue::ident).collect(Collectors.joining(", ")));
  }

  private static void loadRefCsv(Connection c, String name, RefTable csv, Dictionary dict)
      throws SQLException {
    List<String> cols = csv.columns();
    List<String> types =
        cols.stream()
            .map(col -> dict.column(name, col).map(Dictionary.ColumnEntry::type).orElse("VARCHAR"))
            .toList();
    StringBuilder create = new StringBuilder("CREATE TABLE ").append(ident(name)).append(" (");
    for (int i = 0; i < cols.size(); i++) {
      create.append(i == 0 ? "" : ", ").append(ident(cols.get(i))).append(' ').append(types.get(i));
    }
    try (Statement s = c.createStatement()) {
      s.execute(create.append(')').toString());
      if (csv.rows().isEmpty()) {
        return;
      }
      // One INSERT of literal rows: far faster than a JDBC batch, which runs row by row.
      StringBuilder insert =
          new StringBuilder("INSERT INTO ").append(ident(name)).append(" VALUES ");
      for (int r = 0; r < csv.rows().size(); r++) {
        Map<String, String> row = csv.rows().get(r);
        insert.append(r == 0 ? "(" : ", (");
        for (int i = 0; i < cols.size(); i++) {
          String v = row.get(cols.get(i));
          insert
              .append(i == 0 ? "" : ", ")
              .append(v == null ? "NULL" : "CAST(" + literal(v) + " AS " + types.get(i) + ")");
        }
        insert.append(')');
      }
      s.execute(insert.toString());
    }
  }

  private static void createViews(
      Connection c, Dictionary dict, List<String> created, Map<String, List<String>> skipped)
      throws SQLException, IOException {
    for (String view : resourceLines(VIEWS + "views.txt")) {
      String sql = resource(VIEWS + view + ".sql");
      List<String> missing = new ArrayList<>();
      for (String needed : requires(sql)) {
        if (!exists(c, needed)) {
          missing.add(needed);
        }
      }
      if (!missing.isEmpty()) {
        skipped.put(view, List.copyOf(missing));
        continue;
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE VIEW " + ident(view) + " AS " + stripTrailingSemicolon(sql));
      }
      created.add(view);
    }
    if (exists(c, "mart_outcomes") && !created.contains(OUTCOMES)) {
      throw new IllegalStateException("mart_outcomes exists but the view outcomes was not created");
    }
  }

  private static void comment(Connection c, Dictionary dict) throws SQLException {
    List<String[]> objects = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE NOT internal AND schema_name"
                    + " = 'main' UNION ALL SELECT view_name, 'VIEW' FROM duckdb_views() WHERE NOT"
                    + " internal AND schema_name = 'main' ORDER BY 1")) {
      while (r.next()) {
        objects.add(new String[] {r.getString(1), r.getString(2)});
      }
    }
    try (Statement s = c.createStatement()) {
      for (String[] o : objects) {
        s.execute(
            "COMMENT ON " + o[1] + " " + ident(o[0]) + " IS " + literal(dict.tableComment(o[0])));
        for (String col : columnsOf(c, o[0])) {
          s.execute(
              "COMMENT ON COLUMN "
                  + ident(o[0])
                  + "."
                  + ident(col)
                  + " IS "
                  + literal(dict.columnComment(o[0], col)));
        }
      }
    }
  }

  static List<String> columnsOf(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ?"
                + " ORDER BY column_index")) {
      ps.setString(1, table);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
    }
    return out;
  }

  private static Set<String> names(Connection c) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT table_name FROM duckdb_tables() WHERE NOT internal AND schema_name ="
                    + " 'main'")) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  static boolean exists(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM (SELECT table_name AS n FROM duckdb_tables() WHERE schema_name ="
                + " 'main' UNION ALL SELECT view_name FROM duckdb_views() WHERE schema_name ="
                + " 'main') WHERE n = ?")) {
      ps.setString(1, name);
      try (ResultSet r = ps.executeQuery()) {
        r.next();
        return r.getLong(1) > 0;
      }
    }
  }

  private static long count(Statement s, String table) throws SQLException {
    try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + ident(table))) {
      r.next();
      return r.getLong(1);
    }
  }

  /** The names after {@code -- requires:} in a view's SQL. */
  static List<String> requires(String sql) {
    List<String> out = new ArrayList<>();
    for (String line : sql.split("\n")) {
      String l = line.strip();
      if (l.startsWith("-- requires:")) {
        for (String n : l.substring("-- requires:".length()).split(",")) {
          if (!n.isBlank()) {
            out.add(n.strip());
          }
        }
      }
    }
    return out;
  }

  private static String stripTrailingSemicolon(String sql) {
    String t = sql.strip();
    return t.endsWith(";") ? t.substring(0, t.length() - 1) : t;
  }

  static List<String> resourceLines(String path) throws IOException {
    return resource(path)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  static String resource(String path) throws IOException {
    try (InputStream in = DuckDbCatalogue.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the build: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String ident(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
