package ee.ska.iste.cli;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.reports.QuarterReports;
import ee.ska.iste.reports.ReportFormat;
import ee.ska.iste.reports.ReportRenderer;
import ee.ska.iste.reports.ReportTemplate;
import ee.ska.iste.reports.WarehouseStamp;
import ee.ska.iste.reports.dashboard.DashboardSite;
import ee.ska.iste.warehouse.Version;
import ee.ska.iste.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code iste report}: renders KOV, national, evaluation or data-quality reports from the DuckDB
 * warehouse.
 */
@Command(
    name = "report",
    header = "Render reports (PDF or HTML, Estonian or English) from the published warehouse.",
    description = {
      "Renders one KOV's quarterly report (--kov), every KOV's (--all), the national dashboard"
          + " (--national), the evaluation report (--evaluation), the data-quality report"
          + " (--quality) or all of them (--every) for a quarter.",
      "Files go to <out>/<quarter>/kov/ISTE_<kov>_<quarter>_<lang>.<ext>,"
          + " <out>/<quarter>/ISTE_riik_<quarter>_<lang>.<ext>,"
          + " <out>/<quarter>/ISTE_hindamine_<quarter>_<lang>.<ext> and"
          + " <out>/<quarter>/ISTE_andmekvaliteet_<quarter>_<lang>.<ext>; their paths are printed,"
          + " one a line."
    })
public final class ReportCommand extends BaseCommand {
  static final class Source {
    @Option(
        names = "--warehouse",
        paramLabel = "DIR",
        description =
            "Published warehouse version directory (holds iste.duckdb), or the directory of"
                + " versions (the last-named is used).")
    Path warehouse;

    @Option(names = "--db", paramLabel = "FILE", description = "The DuckDB database file itself.")
    Path db;
  }

  static final class Kind {
    @Option(
        names = "--kov",
        paramLabel = "CODE",
        description = "One KOV by its EHAK code, e.g. 0793.")
    String kov;

    @Option(names = "--all", description = "Every KOV of dim_municipality.")
    boolean all;

    @Option(
        names = "--every",
        description =
            "Every report of the quarter, as the reports stage renders them: each KOV's, the"
                + " national dashboard, the data-quality and the evaluation report.")
    boolean every;

    @Option(names = "--national", description = "The national dashboard.")
    boolean national;

    @Option(names = "--quality", description = "The data-quality report.")
    boolean quality;

    @Option(
        names = "--evaluation",
        description =
            "The evaluation report: headline answers, KOVs raw / adjusted / shrunken, trajectories,"
                + " attrition, rollout projection, methods.")
    boolean evaluation;

    @Option(
        names = "--dashboard",
        description =
            "The quarter's dashboard: a static site in Estonian and English that opens from the"
                + " file system (<out>/<quarter>/dashboard/index.html); --lang and --format do not"
                + " apply.")
    boolean dashboard;
  }

  enum Lang {
    ET,
    EN
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Kind kind;

  @Option(
      names = "--quarter",
      required = true,
      paramLabel = "YYYYQn",
      description = "The quarter, e.g. 2024Q2.")
  String quarter;

  @Option(
      names = "--lang",
      defaultValue = "et",
      description = "Language: et or en (default ${DEFAULT-VALUE}).")
  Lang lang;

  @Option(
      names = "--format",
      defaultValue = "pdf",
      description = "Format: pdf or html (default ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(
      names = "--out",
      defaultValue = "reports",
      paramLabel = "DIR",
      description = "Output directory (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = {"--version", "--warehouse-version"},
      paramLabel = "NAME",
      description =
          "With --warehouse: render from this published version (<DIR>/<NAME>/iste.duckdb)."
              + " Also the version printed on the reports (default: the database's directory"
              + " name).")
  String warehouseVersion;

  @Option(
      names = "--published",
      paramLabel = "YYYY-MM-DD",
      description = "The warehouse's publication date printed on the reports.")
  LocalDate published;

  @Option(
      names = "--sort",
      paramLabel = "MEASURE",
      description = "National dashboard: sort the KOV table by this measure, highest first.")
  String sort;

  /** The layout, when the entry point started loading it; else each renderer loads its own. */
  private final ReportTemplate template;

  public ReportCommand() {
    this(null);
  }

  /**
   * @param template the layout being loaded already ({@link LightMain} starts it before picocli
   *     reads the command line), used by a command that renders with one renderer
   */
  ReportCommand(ReportTemplate template) {
    this.template = template;
  }

  @Override
  protected int execute() {
    Quarter q;
    Path database;
    try {
      q = Quarter.parse(quarter);
      if (source.db != null) {
        database = source.db;
      } else {
        Warehouse w = Warehouse.at(source.warehouse);
        Version v =
            warehouseVersion != null
                ? w.version(warehouseVersion)
                : w.current()
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "no published version in " + source.warehouse));
        database = v.database();
        warehouseVersion = v.id();
        if (published == null) {
          published = ee.ska.iste.cli.runner.ReportStage.stampOf(v).publishedOn();
        }
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
    if (!database.toFile().isFile()) {
      throw new UserError(ExitCode.USAGE, "no DuckDB database at " + database);
    }
    long start = System.nanoTime();
    List<Path> files;
    Locale locale = Locale.forLanguageTag(lang.name().toLowerCase(Locale.ROOT));
    Path parent = database.toAbsolutePath().getParent();
    String version =
        warehouseVersion != null
            ? warehouseVersion
            : parent == null || parent.getFileName() == null
                ? "?"
                : parent.getFileName().toString();
    WarehouseStamp stamp = new WarehouseStamp(version, published);
    if (kind.dashboard) {
      new DashboardSite(database, stamp).write(q, out);
      DashboardSite.LANGUAGES.forEach(l -> out().println(DashboardSite.indexOf(out, q, l)));
      err().printf(Locale.ROOT, "iste: dashboard in %.1f s%n", (System.nanoTime() - start) / 1e9);
      return ExitCode.OK;
    }
    try {
      files = render(database, locale, stamp, q);
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
    files.forEach(f -> out().println(f));
    err()
        .printf(
            Locale.ROOT,
            "iste: %d report(s) in %.1f s%n",
            files.size(),
            (System.nanoTime() - start) / 1e9);
    return ExitCode.OK;
  }

  private List<Path> render(Path database, Locale locale, WarehouseStamp stamp, Quarter q) {
    if (kind.every) {
      return new QuarterReports(database, locale, stamp, Runtime.getRuntime().availableProcessors())
          .renderWithEvaluation(q, format, out);
    }
    List<Path> files;
    try (ReportRenderer renderer =
        ReportRenderer.open(
            database, locale, stamp, template != null ? template : ReportTemplate.load())) {
      if (kind.kov != null) {
        files = List.of(renderer.renderKov(kind.kov, q, format, out));
      } else if (kind.all) {
        files = renderer.renderAllKov(q, format, out);

      } else if (kind.evaluation) {
        files = List.of(renderer.renderEvaluation(q, format, out));
      } else if (kind.national) {
        files = List.of(renderer.renderNational(q, format, out, sort));
      } else {
        files = List.of(renderer.renderQuality(q, format, out));
      }
    }
    return files;
  }
}
