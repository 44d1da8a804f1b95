package ee.ska.iste.cli;

import ee.ska.iste.core.files.OutputFiles;
import ee.ska.iste.core.projection.PlacesFileException;
import ee.ska.iste.core.projection.PlacesPlan;
import ee.ska.iste.core.projection.Projection;
import ee.ska.iste.core.projection.Rates;
import ee.ska.iste.core.projection.Scenario;
import ee.ska.iste.warehouse.Query;
import ee.ska.iste.warehouse.QueryResult;
import ee.ska.iste.warehouse.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code iste projection}: the rollout projection (docs/measures.md) of a places file at the rates
 * of one published quarter: national pilot rates (the RIIK figures of {@code outcomes}) and the KOV
 * 10th and 90th percentiles ({@code mart_kov_spread}).
 */
@Command(
    name = "projection",
    header = "Project clients, entries, hours and cost of a number of places per county.",
    description = {
      "Reads the rates of one quarter from the published iste.duckdb (--from-quarter, default the",
      "latest with national figures), applies them to the places per county and year of --places",
      "(CSV: county_code,year,places; years 1..3), prints the totals per scenario and year and the",
      "counties at the national rates, and writes mart_projection.parquet and .csv to --out",
      "(default: projections/<places file name> under the warehouse folder)."
    })
public final class ProjectionCommand extends BaseCommand {
  @Mixin PublishedVersionOptions published;

  @Option(
      names = "--places",
      required = true,
      paramLabel = "FILE",
      description = "CSV of places: county_code,year,places (e.g. examples/projection_places.csv).")
  Path places;

  @Option(
      names = "--from-quarter",
      paramLabel = "QUARTER",
      description = "Quarter whose rates to use, e.g. 2024Q4 (default: the latest with figures).")
  String fromQuarter;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder for mart_projection.parquet and .csv.")
  Path outDir;

  @Override
  protected int execute() throws IOException, SQLException {
    if (!Files.isRegularFile(places)) {
      throw new UserError(ExitCode.USAGE, "no places file " + places);
    }
    Version v = published.version();
    Map<Scenario, Rates> rates = new EnumMap<>(Scenario.class);
    String quarter;
    Set<String> counties;
    try (Connection c = Query.openReadOnly(v.database())) {
      quarter = fromQuarter != null ? fromQuarter : latestQuarter(c);
      counties = counties(c);
      Map<String, Double> national = figures(c, NATIONAL_SQL, quarter, 2);
      if (national.get(Rates.OCCUPANCY) == null) {
        throw new UserError(
            fromQuarter != null ? ExitCode.USAGE : ExitCode.FAILURE,
            "quarter " + quarter + " has no national figures in " + v.id());
      }
      List<String> components = components(national);
      scenario(rates, Scenario.NATIONAL, national, components, quarter);
      for (Scenario s : List.of(Scenario.P10, Scenario.P90)) {
        int column = s == Scenario.P10 ? 2 : 3;
        Map<String, Double> spread = figures(c, SPREAD_SQL, quarter, column);
        scenario(rates, s, s.figures(national, spread), components, quarter);
      }
      if (!rates.containsKey(Scenario.NATIONAL)) {
        throw new UserError(ExitCode.FAILURE, "quarter " + quarter + " lacks national rates");
      }
    }
    PlacesPlan plan;
    try {
      plan = PlacesPlan.read(places, places.getFileName().toString(), counties);
    } catch (PlacesFileException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage(), e);
    }
    List<Projection.Line> lines = Projection.project(plan, quarter, rates);
    out().print(totals(lines, quarter, plan.source()));
    out().print(counties(lines));
    Path folder = outDir != null ? outDir : defaultOut();
    write(lines, folder);
    err().println("wrote mart_projection.parquet and mart_projection.csv to " + folder);
    return ExitCode.OK;
  }

  private static final String NATIONAL_SQL =
      "SELECT measure, value, value FROM outcomes WHERE level = 'RIIK' AND quarter = ?"
          + " AND value IS NOT NULL";
  private static final String SPREAD_SQL =
      "SELECT measure, p10, p90 FROM mart_kov_spread WHERE quarter = ?";

  private static String latestQuarter(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT max(quarter) FROM outcomes WHERE level = 'RIIK' AND measure = '"
                    + Rates.OCCUPANCY
                    + "'")) {
      if (!r.next() || r.getString(1) == null) {
        throw new UserError(ExitCode.FAILURE, "the published warehouse has no national figures");
      }
      return r.getString(1);
    }
  }

  /** measure → the column {@code column} (2 or 3) of {@code sql}'s rows for the quarter. */
  private static Map<String, Double> figures(Connection c, String sql, String quarter, int column)
      throws SQLException {
    Map<String, Double> m = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, quarter);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          double v = r.getDouble(column);
          m.put(r.getString(1), r.wasNull() ? null : v);
        }
      }
    } catch (SQLException e) {
      if (sql.equals(SPREAD_SQL)) {
        return m; // a warehouse published before the spread existed: no P10/P90
      }
      throw e;
    }
    return m;
  }

  private static Set<String> counties(Connection c) throws SQLException {
    Set<String> codes = new TreeSet<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT county_code FROM ref_counties")) {
      while (r.next()) {
        codes.add(r.getString(1));
      }
    }
    return codes;
  }

  /** The components with a national hours-per-client-month figure, by code. */
  private static List<String> components(Map<String, Double> national) {
    return national.keySet().stream()
        .filter(m -> m.startsWith(Rates.HOURS_PER_CLIENT_MONTH))
        .map(m -> m.substring(Rates.HOURS_PER_CLIENT_MONTH.length()))
        .sorted()
        .toList();
  }

  private void scenario(
      Map<Scenario, Rates> rates,
      Scenario s,
      Map<String, Double> figures,
      List<String> components,
      String quarter) {
    List<String> missing = new ArrayList<>();
    Rates.of(figures, components, missing)
        .ifPresentOrElse(
            r -> rates.put(s, r),
            () ->
                err()
                    .println(
                        "iste: projection: scenario "
                            + s
                            + " left out, "
                            + quarter
                            + " has no figure for "
                            + String.join(", ", missing)));
  }

  private Path defaultOut() {
    String name = places.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return published.warehouse.root.resolve("projections").resolve(stem);
  }

  /** Scenario × year: the EE totals (hours summed over components). */
  static String totals(List<Projection.Line> lines, String quarter, String source) {
    Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
    for (Projection.Line l : lines) {
      if (!l.countyCode().equals(Projection.TOTAL)) {
        continue;
      }
      Map<String, Double> q =
          rows.computeIfAbsent(l.scenario() + "\u0000" + l.year(), k -> new HashMap<>());
      String key = l.quantity().startsWith(Projection.HOURS) ? "HOURS" : l.quantity();
      q.merge(key, l.value(), Double::sum);
    }
    List<List<String>> table = new ArrayList<>();
    rows.forEach(
        (k, q) -> {
          String[] sy = k.split("\u0000");
          table.add(
              List.of(
                  sy[0],
                  sy[1],
                  whole(q.get(Projection.PLACES)),
                  whole(q.get(Projection.CLIENTS)),
                  whole(q.get(Projection.ENTRIES)),
                  whole(q.get(Projection.CLIENT_DAYS)),
                  whole(q.getOrDefault("HOURS", 0.0)),
                  whole(q.get(Projection.COST_EUR))));
        });
    return "Rollout projection of "
        + source
        + " at the rates of "
        + quarter
        + " (all counties, EE; prices of "
        + quarter
        + ")\n"
        + new QueryResult(
                List.of(
                    "scenario",
                    "year",
                    "places",
                    "clients",
                    "entries",
                    "client_days",
                    "hours",
                    "cost_eur"),
                List.of(false, true, true, true, true, true, true, true),
                table)
            .aligned()
        + "\n";
  }

  /** The counties at the national rates. */
  static String counties(List<Projection.Line> lines) {
    Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
    for (Projection.Line l : lines) {
      if (l.scenario() != Scenario.NATIONAL || l.countyCode().equals(Projection.TOTAL)) {
        continue;
      }
      Map<String, Double> q =
          rows.computeIfAbsent(l.countyCode() + "\u0000" + l.year(), k -> new HashMap<>());
      String key = l.quantity().startsWith(Projection.HOURS) ? "HOURS" : l.quantity();
      q.merge(key, l.value(), Double::sum);
    }
    List<List<String>> table = new ArrayList<>();
    new java.util.TreeMap<>(rows)
        .forEach(
            (k, q) -> {
              String[] cy = k.split("\u0000");
              table.add(
                  List.of(
                      cy[0],
                      cy[1],
                      whole(q.get(Projection.PLACES)),
                      whole(q.get(Projection.CLIENTS)),
                      whole(q.get(Projection.ENTRIES)),
                      whole(q.getOrDefault("HOURS", 0.0)),
                      whole(q.get(Projection.COST_EUR))));
            });
    return "Per county at the national rates\n"
        + new QueryResult(
                List.of("county_code", "year", "places", "clients", "entries", "hours", "cost_eur"),
                List.of(false, true, true, true, true, true, true),
                table)
            .aligned();
  }

  private static String whole(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.0f", v);
  }

  /** mart_projection.parquet and .csv through an in-memory DuckDB. */
  static void write(List<Projection.Line> lines, Path folder) throws SQLException {
    OutputFiles.createFolders(folder);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE mart_projection (places_source VARCHAR, from_quarter VARCHAR,"
              + " scenario VARCHAR, year INTEGER, county_code VARCHAR, quantity VARCHAR,"
              + " value DOUBLE)");
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO mart_projection VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (Projection.Line l : lines) {
          p.setString(1, l.placesSource());
          p.setString(2, l.fromQuarter());
          p.setString(3, l.scenario().name());
          p.setInt(4, l.year());
          p.setString(5, l.countyCode());
          p.setString(6, l.quantity());
          p.setDouble(7, l.value());
          p.addBatch();
        }
        p.executeBatch();
      }
      String ordered =
          "(SELECT * FROM mart_projection ORDER BY scenario, year, county_code, quantity)";
      s.execute(
          "COPY "
              + ordered
              + " TO "
              + literal(folder.resolve("mart_projection.parquet"))
              + " (FORMAT PARQUET)");
      s.execute(
          "COPY "
              + ordered
              + " TO "
              + literal(folder.resolve("mart_projection.csv"))
              + " (FORMAT CSV, HEADER)");
    }
  }

  private static String literal(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
