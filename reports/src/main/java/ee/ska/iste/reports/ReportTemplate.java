package ee.ska.iste.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;

/**
 * The reports' layout: {@code document.jasper}, compiled when the project is built (or, when it is
 * missing, {@code document.jrxml} compiled now). Loading it sets up much of JasperReports (~0.3 s
 * of a cold {@code iste report}), so a command that knows it will render can start loading it on
 * another core ({@link #loadInBackground}) while it does other work, and hand it to {@link
 * ReportRenderer#open(java.nio.file.Path, java.util.Locale, WarehouseStamp, ReportTemplate)}.
 */
public final class ReportTemplate {
  private static final String TEMPLATE = "/reports/document.jrxml";
  private static final String COMPILED = "/reports/document.jasper";

  private final FutureTask<JasperReport> loading;

  private ReportTemplate(FutureTask<JasperReport> loading) {
    this.loading = loading;
  }

  /** The template, loaded by the calling thread. */
  public static ReportTemplate load() {
    FutureTask<JasperReport> task = new FutureTask<>(ReportTemplate::read);
    task.run();
    return new ReportTemplate(task);
  }

  /**
   * The template, loaded by a daemon thread of its own from now on; {@link ReportRenderer} waits
   * for it when it needs it. A failure is the renderer's, with the same message as {@link #load}.
   */
  public static ReportTemplate loadInBackground() {
    FutureTask<JasperReport> task = new FutureTask<>(ReportTemplate::read);
    Thread t = new Thread(task, "iste-report-template");
    t.setDaemon(true);
    t.start();
    return new ReportTemplate(task);
  }

  /** The loaded template (waiting for it when it is being loaded). */
  JasperReport report() {
    try {
      return loading.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the report template", e);
    }
  }

  private static JasperReport read() {
    try (InputStream compiled = ReportTemplate.class.getResourceAsStream(COMPILED)) {
      if (compiled != null) {
        return (JasperReport) JRLoader.loadObject(compiled);
      }
    } catch (IOException | JRException e) {
      throw new IllegalStateException("cannot load " + COMPILED + ": " + e.getMessage(), e);
    }
    try (InputStream in = ReportTemplate.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("report template missing from the classpath: " + TEMPLATE);
      }
      return JasperCompileManager.compileReport(in);
    } catch (IOException | JRException e) {
      throw new IllegalStateException("cannot compile " + TEMPLATE + ": " + e.getMessage(), e);
    }
  }
}
