package ee.ska.iste.reports;

import ee.ska.iste.core.files.OutputFiles;
import ee.ska.iste.core.layout.WarehouseLayout;
import ee.ska.iste.core.time.Quarter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.export.HtmlExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleHtmlExporterOutput;
import net.sf.jasperreports.export.SimpleHtmlReportConfiguration;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders the ISTE reports from a published DuckDB warehouse: one KOV's quarterly report, every
 * KOV's, the national dashboard, the evaluation report and the data-quality report, as PDF or HTML,
 * in Estonian (the default) or English. The database is opened read-only; the layout template is
 * loaded once per renderer (compiled at build time). Everything a report says comes from the
 * database, the rules included: the measure catalogue, thresholds, names and funnel limits are its
 * {@code ref_} tables and {@code mart_funnel}, as the run that published it applied them. KOV-level
 * figures come from {@code outcomes_public}, so suppressed figures print as "—", never as numbers.
 * Not thread-safe: use one renderer per thread.
 *
 * <pre>{@code
 * try (ReportRenderer r = ReportRenderer.open(db, Locale.forLanguageTag("et"), stamp)) {
 *   r.renderAllKov(Quarter.parse("2024Q2"), ReportFormat.PDF, outDir);
 * }
 * }</pre>
 */
public final class ReportRenderer implements AutoCloseable {
  /** Estonian, the default language of every report. */
  public static final Locale ESTONIAN = Locale.forLanguageTag("et-EE");

  private static final String BUNDLE = "reports.messages";

  private final PublishedDatabase database;
  private final Locale locale;
  private final ResourceBundle bundle;
  private final WarehouseStamp stamp;
  private final JasperReport template;
  private ReportContext context;

  private ReportRenderer(
      PublishedDatabase database,
      Locale locale,
      ResourceBundle bundle,
      WarehouseStamp stamp,
      JasperReport template) {
    this.database = database;
    this.locale = locale;
    this.bundle = bundle;
    this.stamp = stamp;
    this.template = template;
  }

  /**
   * Opens a renderer on a DuckDB file, read-only, stamping reports with the database's directory
   * name as the warehouse version (the publish stage writes {@code <version>/iste.duckdb}).
   */
  public static ReportRenderer open(Path database, Locale locale) {
    Path parent = database.toAbsolutePath().getParent();
    String version =
        parent == null || parent.getFileName() == null ? "?" : parent.getFileName().toString();
    return open(database, locale, new WarehouseStamp(version, null));
  }

  /**
   * Opens a renderer on a DuckDB file, read-only.
   *
   * @param locale {@code et} (default) or {@code en}; numbers and dates follow it
   * @param stamp the warehouse version and publication date printed on every report
   */
  public static ReportRenderer open(Path database, Locale locale, WarehouseStamp stamp) {
    return open(database, locale, stamp, ReportTemplate.load());
  }

  /**
   * Opens a renderer as {@link #open(Path, Locale, WarehouseStamp)} does, with a template being
   * loaded already (see {@link ReportTemplate#loadInBackground}): it is waited for after the
   * database is open.
   */
  public static ReportRenderer open(
      Path database, Locale locale, WarehouseStamp stamp, ReportTemplate template) {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(stamp, "stamp");
    Objects.requireNonNull(template, "template");
    Locale loc = normalise(locale);
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            loc,
            ReportRenderer.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    PublishedDatabase published;
    try {
      published = PublishedDatabase.open(database);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot open DuckDB database " + database + ": " + e.getMessage(), e);
    }
    try {
      return new ReportRenderer(published, loc, bundle, stamp, template.report());
    } catch (RuntimeException e) {
      try {
        published.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /**
   * The published DuckDB database of a warehouse directory: {@code <dir>/iste.duckdb} when {@code
   * dir} is a version root (see {@link WarehouseLayout#DATABASE_FILE}), else {@code
   * <dir>/current/iste.duckdb}, else the one in the last-named version directory below {@code dir}.
   *
   * @throws IllegalArgumentException when there is none
   */
  public static Path databaseIn(Path warehouseDir) {
    for (Path candidate :
        List.of(
            warehouseDir.resolve(WarehouseLayout.DATABASE_FILE),
            warehouseDir.resolve("current").resolve(WarehouseLayout.DATABASE_FILE))) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    try (var versions = Files.list(warehouseDir)) {
      return versions
          .map(v -> v.resolve(WarehouseLayout.DATABASE_FILE))
          .filter(Files::isRegularFile)
          .max(java.util.Comparator.comparing(p -> p.getParent().getFileName().toString()))
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "no "
                          + WarehouseLayout.DATABASE_FILE
                          + " in "
                          + warehouseDir
                          + " or its version directories"));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read warehouse directory " + warehouseDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The DuckDB database of one published version: {@code <dir>/<version>/iste.duckdb}.
   *
   * @throws IllegalArgumentException when that version has none
   */
  public static Path databaseIn(Path warehouseDir, String version) {
    Path file = warehouseDir.resolve(version).resolve(WarehouseLayout.DATABASE_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no warehouse version " + version + " in " + warehouseDir);
    }
    return file;
  }

  private static Locale normalise(Locale locale) {
    String lang = locale == null ? "et" : locale.getLanguage();
    return switch (lang) {
      case "et", "" -> ESTONIAN;
      case "en" -> Locale.forLanguageTag("en-GB");
      default -> throw new IllegalArgumentException("report language must be et or en: " + lang);
    };
  }

  /**
   * The layout template: the {@code .jasper} the build compiled ({@link TemplateCompiler}), else
   * (classes run straight from the sources) the JRXML compiled now.
   */
  /** The language code of this renderer's reports ({@code et} or {@code en}). */
  public String language() {
    return locale.getLanguage();
  }

  /**
   * Renders one KOV's quarterly report to {@code
   * <outDir>/<quarter>/kov/ISTE_<kov>_<quarter>_<lang>.<ext>}. A KOV without data for the quarter
   * gets a report that says so.
   *
   * @throws IllegalArgumentException when the KOV is in neither {@code dim_municipality} nor {@code
   *     ref_municipalities}
   */
  public Path renderKov(String kovCode, Quarter quarter, ReportFormat format, Path outDir) {
    Municipality kov = municipality(kovCode, quarter);
    Path file =
        outDir
            .resolve(quarter.toString())
            .resolve("kov")
            .resolve(
                "ISTE_"
                    + kov.kovCode()
                    + "_"
                    + quarter
                    + "_"
                    + language()
                    + "."
                    + format.extension());
    return render(() -> new KovReport(context()).build(kov, quarter), format, file);
  }

  /** Renders the report of every KOV in {@code dim_municipality}, compiling nothing again. */
  public List<Path> renderAllKov(Quarter quarter, ReportFormat format, Path outDir) {
    List<Path> out = new ArrayList<>();
    for (String kov : kovCodes()) {
      out.add(renderKov(kov, quarter, format, outDir));
    }
    return out;
  }

  /** The KOV codes of {@code dim_municipality}, in the order of their names. */
  public List<String> kovCodes() {
    return query(database::municipalities).stream().map(Municipality::kovCode).toList();
  }

  /**
   * Renders the national dashboard to {@code <outDir>/<quarter>/ISTE_riik_<quarter>_<lang>.<ext>}.
   */
  public Path renderNational(Quarter quarter, ReportFormat format, Path outDir) {
    return renderNational(quarter, format, outDir, null);
  }

  /**
   * Renders the national dashboard with the KOV table sorted by a measure (descending), or by name
   * when {@code sortMeasure} is null.
   */
  public Path renderNational(
      Quarter quarter, ReportFormat format, Path outDir, String sortMeasure) {
    Path file =
        outDir
            .resolve(quarter.toString())
            .resolve("ISTE_riik_" + quarter + "_" + language() + "." + format.extension());
    return render(() -> new NationalReport(context()).build(quarter, sortMeasure), format, file);
  }

  /**
   * Renders the evaluation report (issue 18) to {@code
   * <outDir>/<quarter>/ISTE_hindamine_<quarter>_<lang>.<ext>}, beside the national dashboard.
   */
  public Path renderEvaluation(Quarter quarter, ReportFormat format, Path outDir) {
    Path file =
        outDir
            .resolve(quarter.toString())
            .resolve("ISTE_hindamine_" + quarter + "_" + language() + "." + format.extension());
    return render(() -> new EvaluationReport(context()).build(quarter), format, file);
  }

  /**
   * Renders the data-quality report to {@code
   * <outDir>/<quarter>/ISTE_andmekvaliteet_<quarter>_<lang>.<ext>}.
   */
  public Path renderQuality(Quarter quarter, ReportFormat format, Path outDir) {
    Path file =
        outDir
            .resolve(quarter.toString())
            .resolve(
                "ISTE_andmekvaliteet_" + quarter + "_" + language() + "." + format.extension());
    return render(() -> new QualityReport(context()).build(quarter), format, file);
  }

  private Municipality municipality(String kovCode, Quarter quarter) {
    Objects.requireNonNull(kovCode, "kovCode");
    return query(() -> database.municipality(kovCode))
        .or(() -> query(() -> database.referenceMunicipality(kovCode, quarter.lastDay())))
        .orElseThrow(() -> new IllegalArgumentException("unknown KOV code: " + kovCode));
  }

  /** The catalogue and names are read once per renderer, not once per report. */
  private ReportContext context() {
    if (context == null) {
      context = readContext();
    }
    return context;
  }

  private ReportContext readContext() {
    boolean english = locale.getLanguage().equals("en");
    return new ReportContext(
        database,
        new FigureFormat(locale, bundle),
        query(database::catalogue),
        stamp,
        query(() -> database.names("ref_domains", "code", english ? "name_en" : "name_et")),
        query(() -> database.names("ref_counties", "county_code", english ? "name_en" : "name")));
  }

  private interface Query<T> {
    T run() throws SQLException;
  }

  private static <T> T query(Query<T> q) {
    try {
      return q.run();
    } catch (SQLException e) {
      throw new IllegalStateException("warehouse query failed: " + e.getMessage(), e);
    }
  }

  private Path render(Query<ReportDocument> content, ReportFormat format, Path file) {
    ReportDocument doc = query(content);
    Map<String, Object> params = new HashMap<>();
    params.put(JRParameter.REPORT_LOCALE, locale);
    params.put(JRParameter.REPORT_RESOURCE_BUNDLE, bundle);
    params.put("P_TITLE", doc.title());
    params.put("P_SUBTITLE", doc.subtitle());
    params.put("P_FOOTER", doc.footer());
    try {
      JasperPrint print =
          JasperFillManager.fillReport(template, params, new JRMapCollectionDataSource(doc.rows()));
      print.setLocaleCode(locale.toLanguageTag());
      // Under a temporary name, renamed into place when whole: a run killed while exporting
      // leaves no truncated report under the report's own name.
      OutputFiles.writeAtomically(
          file,
          out -> {
            try {
              switch (format) {
                case PDF -> exportPdf(print, out, doc.title());
                case HTML -> exportHtml(print, out);
              }
            } catch (JRException e) {
              throw new IOException(e.getMessage(), e);
            }
          });
      return file;
    } catch (JRException | UncheckedIOException e) {
      throw new IllegalStateException(
          "cannot render " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  private void exportPdf(JasperPrint print, OutputStream out, String title) throws JRException {
    JRPdfExporter exporter = new JRPdfExporter();
    exporter.setExporterInput(new SimpleExporterInput(print));
    exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
    SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
    config.setMetadataTitle(title);
    config.setTagged(true);
    config.setTagLanguage(locale.getLanguage());
    config.setDisplayMetadataTitle(true);
    exporter.setConfiguration(config);
    exporter.exportReport();
  }

  private static void exportHtml(JasperPrint print, OutputStream out) throws JRException {
    HtmlExporter exporter = new HtmlExporter();
    exporter.setExporterInput(new SimpleExporterInput(print));
    exporter.setExporterOutput(new SimpleHtmlExporterOutput(out, "UTF-8"));
    SimpleHtmlReportConfiguration config = new SimpleHtmlReportConfiguration();
    config.setEmbedImage(true);
    exporter.setConfiguration(config);
    exporter.exportReport();
  }

  @Override
  public void close() {
    try {
      database.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close the warehouse: " + e.getMessage(), e);
    }
  }
}
