package ee.ska.iste.reports;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders a quarter's whole set (every KOV report, the national dashboard, the data-quality report,
 * and on request the evaluation report) on several threads, each with its own renderer and
 * read-only connection: filling and exporting a report is CPU work that one thread cannot spread
 * over the cores.
 */
public final class QuarterReports {
  private final Path database;
  private final Locale locale;
  private final WarehouseStamp stamp;
  private final int threads;

  /**
   * @param threads renderers working at once (each loads the template and opens the database)
   */
  public QuarterReports(Path database, Locale locale, WarehouseStamp stamp, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.database = database;
    this.locale = locale;
    this.stamp = stamp;
    this.threads = threads;
  }

  /** One report to render with a renderer. */
  private interface Job {
    Path render(ReportRenderer renderer);
  }

  /**
   * Renders the quarter's set under {@code outDir}; the files come back in a stable order (by
   * path).
   */
  public List<Path> render(Quarter quarter, ReportFormat format, Path outDir) {
    return render(quarter, format, outDir, false);
  }

  /**
   * Renders the quarter's set and, with it, the evaluation report ({@code ISTE_hindamine_*}): the
   * reports stage asks for it for the last quarter of a run.
   */
  public List<Path> renderWithEvaluation(Quarter quarter, ReportFormat format, Path outDir) {
    return render(quarter, format, outDir, true);
  }

  private List<Path> render(
      Quarter quarter, ReportFormat format, Path outDir, boolean withEvaluation) {
    // the renderer that lists the KOVs is the first worker's: one database opening fewer
    ReportRenderer first = ReportRenderer.open(database, locale, stamp);
    List<String> kovs;
    try {
      kovs = first.kovCodes();
    } catch (RuntimeException e) {
      first.close();
      throw e;
    }
    java.util.Deque<ReportRenderer> idle = new java.util.ArrayDeque<>(List.of(first));
    List<Job> jobs = new ArrayList<>();
    kovs.forEach(kov -> jobs.add(r -> r.renderKov(kov, quarter, format, outDir)));
    jobs.add(r -> r.renderNational(quarter, format, outDir));
    jobs.add(r -> r.renderQuality(quarter, format, outDir));
    if (withEvaluation) {
      jobs.add(r -> r.renderEvaluation(quarter, format, outDir));
    }
    int n = Math.min(threads, jobs.size());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            n,
            runnable -> {
              Thread t = new Thread(runnable, "iste-reports");
              t.setDaemon(true);
              return t;
            });
    List<ReportRenderer> renderers = new ArrayList<>(List.of(first));
    ThreadLocal<ReportRenderer> own =
        ThreadLocal.withInitial(
            () -> {
              synchronized (renderers) {
                ReportRenderer r = idle.poll();
                if (r == null) {
                  r = ReportRenderer.open(database, locale, stamp);
                  renderers.add(r);
                }
                return r;
              }
            });
    try {
      List<Future<Path>> futures = new ArrayList<>();
      for (Job job : jobs) {
        futures.add(
            pool.submit(
                () -> {
                  return job.render(own.get());
                }));
      }
      List<Path> written = new ArrayList<>();
      for (Future<Path> f : futures) {
        written.add(f.get());
      }
      written.sort(Comparator.naturalOrder());
      return written;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rendering the reports of " + quarter, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(
          "reports of " + quarter + " failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      awaitQuietly(pool);
      synchronized (renderers) {
        renderers.forEach(ReportRenderer::close);
      }
    }
  }

  /** Waits for the workers to stop before their renderers are closed. */
  private static void awaitQuietly(ExecutorService pool) {
    try {
      pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
