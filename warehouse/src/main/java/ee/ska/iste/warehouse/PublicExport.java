package ee.ska.iste.warehouse;

import ee.ska.iste.core.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The public export of a version: a DuckDB file {@code iste_public.duckdb} holding only the
 * disclosure-controlled figures with their publishable status, the publishable status per KOV
 * (without internal inputs), the measure catalogue and the municipalities and counties; the same
 * tables as {@code csv/<table>.csv} and {@code parquet/<table>.parquet}; and {@code
 * data-dictionary.md}. Nothing else: no fact, staging or model table, no raw figure, no client, no
 * view. The tables and their columns are exactly {@link #TABLES} (a column the source lacks is left
 * out). Every table and column carries a {@code COMMENT ON} in Estonian and English.
 *
 * <p>The publish stage writes it into {@code <version>/public/} (so {@code current/public/} is the
 * current one); {@code iste export --public} writes it anywhere from any published version.
 */
public final class PublicExport {
  /** The export's folder inside a version. */
  public static final String DIR = "public";

  /** The DuckDB file's name inside the export folder. */
  public static final String DATABASE_FILE = "iste_public.duckdb";

  /** The data dictionary's name inside the export folder. */
  public static final String DICTIONARY_FILE = "data-dictionary.md";

  /** The allow-list: every table of the export with its columns, and its sort key. */
  static final Map<String, Spec> TABLES = tables();

  /**
   * A public table: its columns (in order), the columns it is sorted by, and for some columns the
   * expression that gives the public value (others are copied as they are).
   */
  record Spec(List<String> columns, List<String> key, Map<String, String> expressions) {
    Spec(List<String> columns, List<String> key) {
      this(columns, key, Map.of());
    }

    String expression(String column) {
      String e = expressions.get(column);
      return e == null ? DuckDbCatalogue.ident(column) : e + " AS " + DuckDbCatalogue.ident(column);
    }
  }

  private PublicExport() {}

  private static Map<String, Spec> tables() {
    Map<String, Spec> m = new LinkedHashMap<>();
    m.put(
        "outcomes_public",
        new Spec(
            List.of(
                "level",
                "unit_code",
                "quarter",
                "measure",
                "value",
                "numerator",
                "denominator",
                "ci_low",
                "ci_high",
                "funnel_flag",
                "suppressed",
                "status"),
            List.of("level", "unit_code", "quarter", "measure")));
    m.put(
        "trajectory_public",
        new Spec(
            List.of(
                "level",
                "unit_code",
                "quarter",
                "band",
                "band_from",
                "band_to",
                "measure",
                "population",
                "n",
                "mean",
                "ci_low",
                "ci_high",
                "suppressed"),
            List.of("level", "unit_code", "quarter", "measure", "population", "band_from")));
    m.put(
        "kov_status",
        new Spec(
            List.of(
                "quarter",
                "kov_code",
                "county_code",
                "status",
                "reasons",
                "submitted_on",
                "due_on",
                "days_late",
                "reject_share",
                "qol_completeness",
                "visible_share"),
            List.of("quarter", "kov_code"),
            // To 3 decimals: the exact fraction would give the row counts back.
            Map.of("reject_share", "round(reject_share, 3)")));
    m.put(
        "ref_measure",
        new Spec(
            List.of(
                "measure",
                "name_et",
                "name_en",
                "definition_en",
                "unit",
                "higher_is_better",
                "kind"),
            List.of("measure")));
    m.put(
        "ref_municipalities",
        new Spec(
            List.of("kov_code", "name", "county_code", "valid_from", "valid_to"),
            List.of("kov_code", "valid_from")));
    m.put("ref_counties", new Spec(List.of("county_code", "name"), List.of("county_code")));
    return Collections.unmodifiableMap(m);
  }

  /** What was written: each table with its row count, in {@link #TABLES} order. */
  public record Summary(Path dir, Map<String, Long> tables) {
    public Summary {
      tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }
  }

  /**
   * Writes the export of the internal database {@code database} into {@code outDir}, replacing the
   * export's own files there (nothing else in the folder is touched).
   *
   * @throws IllegalStateException when the internal database has no {@code outcomes_public}, or
   *     when a suppressed row would carry a figure (the export is then removed)
   */
  public static Summary write(Path database, Path outDir) {
    Path db = outDir.resolve(DATABASE_FILE);
    Path csv = outDir.resolve("csv");
    Path parquet = outDir.resolve("parquet");
    Dictionary dict = Dictionary.load();
    Map<String, Long> written = new LinkedHashMap<>();
    try {
      Files.createDirectories(outDir);
      Files.deleteIfExists(db);
      Files.deleteIfExists(outDir.resolve(DATABASE_FILE + ".wal"));
      Files.deleteIfExists(outDir.resolve(DICTIONARY_FILE));
      FileTrees.deleteTree(csv);
      FileTrees.deleteTree(parquet);
      Files.createDirectories(csv);
      Files.createDirectories(parquet);
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
          Statement s = c.createStatement()) {
        s.execute(
            "ATTACH "
                + DuckDbCatalogue.literal(database.toAbsolutePath().toString())
                + " AS internal (READ_ONLY)");
        for (Map.Entry<String, Spec> e : TABLES.entrySet()) {
          List<String> present = sourceColumns(s, e.getKey());
          if (e.getKey().equals("outcomes_public") && present.isEmpty()) {
            throw new IllegalStateException(
                "the database " + database + " has no outcomes_public: nothing to export");
          }
          List<String> cols = e.getValue().columns().stream().filter(present::contains).toList();
          if (cols.isEmpty()) {
            continue;
          }
          List<String> key = e.getValue().key().stream().filter(cols::contains).toList();
          s.execute(
              "CREATE TABLE "
                  + DuckDbCatalogue.ident(e.getKey())
                  + " AS SELECT "
                  + cols.stream()
                      .map(col -> e.getValue().expression(col))
                      .collect(Collectors.joining(", "))
                  + " FROM internal.main."
                  + DuckDbCatalogue.ident(e.getKey())
                  + (key.isEmpty() ? "" : " ORDER BY " + idents(key)));
          written.put(e.getKey(), 0L);
        }
        s.execute("DETACH internal");
        checkNoHiddenFigure(s);
        for (String t : written.keySet()) {
          s.execute(
              "COMMENT ON TABLE "
                  + DuckDbCatalogue.ident(t)
                  + " IS "
                  + comment(dict.tableComment(t)));
          for (String col : DuckDbCatalogue.columnsOf(c, t)) {
            s.execute(
                "COMMENT ON COLUMN "
                    + DuckDbCatalogue.ident(t)
                    + "."
                    + DuckDbCatalogue.ident(col)
                    + " IS "
                    + comment(dict.columnComment(t, col)));
          }
          try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + DuckDbCatalogue.ident(t))) {
            r.next();
            written.put(t, r.getLong(1));
          }
          s.execute(
              "COPY "
                  + DuckDbCatalogue.ident(t)
                  + " TO "
                  + DuckDbCatalogue.literal(csv.resolve(t + ".csv").toAbsolutePath().toString())
                  + " (FORMAT CSV, HEADER)");
          s.execute(
              "COPY "
                  + DuckDbCatalogue.ident(t)
                  + " TO "
                  + DuckDbCatalogue.literal(
                      parquet.resolve(t + ".parquet").toAbsolutePath().toString())
                  + " (FORMAT PARQUET)");
        }
        s.execute("CHECKPOINT");
        Files.writeString(
            outDir.resolve(DICTIONARY_FILE),
            DataDictionary.markdown(c, intro()),
            StandardCharsets.UTF_8);
      }
      return new Summary(outDir, written);
    } catch (SQLException | RuntimeException e) {
      try {
        Files.deleteIfExists(db);
      } catch (IOException ignored) {
        // the original failure is what matters
      }
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(
          "cannot write the public export to " + outDir + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the public export to " + outDir, e);
    }
  }

  /** The columns of a table or view of the attached internal database; empty when it is missing. */
  private static List<String> sourceColumns(Statement s, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet r =
        s.executeQuery(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = 'internal' AND"
                + " schema_name = 'main' AND table_name = "
                + DuckDbCatalogue.literal(table)
                + " ORDER BY column_index")) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  /** A suppressed row with any figure would be a leak: refuse to write the export. */
  private static void checkNoHiddenFigure(Statement s) throws SQLException {
    try (ResultSet r =
        s.executeQuery(
            "SELECT count(*) FROM outcomes_public WHERE suppressed IS NOT FALSE AND (value IS NOT"
                + " NULL OR numerator IS NOT NULL OR denominator IS NOT NULL OR ci_low IS NOT NULL"
                + " OR ci_high IS NOT NULL OR funnel_flag IS NOT NULL)")) {
      r.next();
      if (r.getLong(1) > 0) {
        throw new IllegalStateException(
            r.getLong(1)
                + " suppressed rows of outcomes_public carry a figure: the public export is not"
                + " written");
      }
    }
    if (!DuckDbCatalogue.exists(s.getConnection(), "trajectory_public")) {
      return;
    }
    try (ResultSet r =
        s.executeQuery(
            "SELECT count(*) FROM trajectory_public WHERE suppressed IS NOT FALSE AND (n IS NOT"
                + " NULL OR mean IS NOT NULL OR ci_low IS NOT NULL OR ci_high IS NOT NULL)")) {
      r.next();
      if (r.getLong(1) > 0) {
        throw new IllegalStateException(
            r.getLong(1)
                + " suppressed rows of trajectory_public carry a figure: the public export is not"
                + " written");
      }
    }
  }

  private static String intro() {
    return "# ISTE avalik andmesõnastik / public data dictionary\n\n"
        + "The public export `"
        + DATABASE_FILE
        + "` (and the same tables in `csv/` and `parquet/`): only figures that survive disclosure"
        + " control, each with its publishable status, the publishable status per KOV and"
        + " quarter, the measure catalogue and the municipalities and counties. A suppressed"
        + " figure has NULL value, numerator, denominator, interval and funnel flag. Generated"
        + " from the comments of the file.\n\n";
  }

  private static String idents(List<String> cols) {
    return cols.stream().map(DuckDbCatalogue::ident).collect(Collectors.joining(", "));
  }

  private static String comment(String text) {
    return DuckDbCatalogue.literal(text);
  }
}
