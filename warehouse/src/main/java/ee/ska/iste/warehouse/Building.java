package ee.ska.iste.warehouse;

import ee.ska.iste.core.layout.WarehouseLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Path;

/**
 * A version being built: a folder {@code <root>/versions/vNNNNNN.building/} that starts as a copy
 * (hard links where possible) of the published version's tables. The stages write into {@link
 * #layout()}; {@link Warehouse#publish(Building)} turns it into a published {@link Version}.
 * Closing a building that was not published discards it. While it exists it holds the warehouse's
 * writer lock, so only one run builds at a time; the operating system drops the lock when the
 * process dies.
 */
public final class Building implements AutoCloseable {
  private final Warehouse warehouse;
  private final String id;
  private final Path dir;
  private final RunMetadata run;
  private final FileLock lock;
  private boolean finished;

  Building(Warehouse warehouse, String id, Path dir, RunMetadata run, FileLock lock) {
    this.warehouse = warehouse;
    this.id = id;
    this.dir = dir;
    this.run = run;
    this.lock = lock;
  }

  /** The id the version will have when published. */
  public String id() {
    return id;
  }

  /** The folder being built. */
  public Path dir() {
    return dir;
  }

  /** Where the stages write their Parquet tables. */
  public WarehouseLayout layout() {
    return new WarehouseLayout(dir.toString());
  }

  /** The metadata the run began with. */
  public RunMetadata run() {
    return run;
  }

  Warehouse warehouse() {
    return warehouse;
  }

  boolean isFinished() {
    return finished;
  }

  void finish() {
    finished = true;
    try {
      lock.release();
      lock.channel().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the warehouse writer lock", e);
    }
  }

  /** Discards the building unless it was published. */
  @Override
  public void close() {
    if (finished) {
      return;
    }
    try {
      Files2.deleteTree(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot discard the unpublished version " + id, e);
    } finally {
      finish();
    }
  }
}
