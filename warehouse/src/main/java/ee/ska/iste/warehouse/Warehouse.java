package ee.ska.iste.warehouse;

import ee.ska.iste.core.files.FileTrees;
import ee.ska.iste.core.files.OutputFiles;
import ee.ska.iste.core.layout.Layer;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.disclosure.Memo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The versioned warehouse under one root folder.
 *
 * <pre>
 * root/
 *   current -> versions/v000007      the published version (a relative symbolic link)
 *   versions/v000006/                an older version, kept until pruned
 *   versions/v000007/                stg/ int/ dim/ fct/ mart/ ref/ (Parquet), iste.duckdb,
 *                                    run.json, public/ (the public export, see PublicExport)
 *   versions/v000008.building/       a run in progress (or a crashed one: ignored, removed
 *                                    by begin)
 *   .writer.lock                     held by the run that is building
 * </pre>
 *
 * <p>A run writes its tables into a work area of its own and calls {@link #publish(Path,
 * RunMetadata)}, which links the work area's tables into a new version's folder, builds the DuckDB
 * catalogue, writes {@code run.json}, flushes everything to disk, renames the folder to its final
 * name and then replaces the {@code current} link in one atomic rename. A reader therefore sees
 * either the old or the new version, never a mix, and a reader that opened the old database keeps
 * reading it. A process killed at any point leaves {@code current} on the last published version.
 *
 * <p>Analysts open {@code <root>/current/iste.duckdb}. Needs a file system with symbolic links and
 * atomic rename (Linux, macOS).
 */
public final class Warehouse {
  /** The DuckDB database's file name inside a version. */
  public static final String DATABASE_FILE = ee.ska.iste.core.layout.WarehouseLayout.DATABASE_FILE;

  /** The run metadata's file name inside a version. */
  public static final String RUN_FILE = "run.json";

  static final String VERSIONS = "versions";
  static final String CURRENT = "current";
  static final String BUILDING_SUFFIX = ".building";
  private static final String LOCK_FILE = ".writer.lock";
  private static final String CURRENT_TMP = ".current.tmp";

  private final Path root;
  private final Clock clock;
  private final ReferenceData ref;
  private final Consumer<String> steps;

  private Warehouse(Path root, Clock clock, ReferenceData ref, Consumer<String> steps) {
    if (root == null) {
      throw new IllegalArgumentException("warehouse root must be given");
    }
    this.root = root.toAbsolutePath().normalize();
    this.clock = clock;
    this.ref = ref;
    this.steps = steps;
  }

  /** The warehouse under {@code root} (created on the first {@link #begin}). */
  public static Warehouse at(Path root) {
    return new Warehouse(root, Clock.systemUTC(), ReferenceData.builtIn(), step -> {});
  }

  /** The same warehouse with the clock that stamps a run's end time. */
  public Warehouse withClock(Clock c) {
    return new Warehouse(root, c, ref, steps);
  }

  /** The same warehouse loading the given reference data into its catalogue. */
  public Warehouse withReferenceData(ReferenceData r) {
    return new Warehouse(root, clock, r, steps);
  }

  /** Tests: called with the name of each publishing step once it is done. */
  Warehouse withStepListener(Consumer<String> listener) {
    return new Warehouse(root, clock, ref, listener);
  }

  public Path root() {
    return root;
  }

  /**
   * Publishes the finished work area as a new version. Takes the writer lock, removes leftovers of
   * crashed runs and creates the version's folder holding the work area's tables (every file of its
   * layer folders, as hard links where possible, else copies); then builds its DuckDB catalogue,
   * audits its public view ({@link PublicAudit}; a failed audit throws {@link
   * DisclosureAuditFailed} and publishes nothing), builds the public export, writes the run
   * metadata with the end time, flushes it to disk, renames it to its final name and switches
   * {@code current} to it. A version that fails on the way is removed and the lock released.
   *
   * <p>The work area's Parquet files become read-only: they are shared with the published version.
   * Stages must replace a file by deleting it and writing a new one (as Spark does), never write
   * into it in place.
   *
   * @param workArea the folder the stages wrote their layers into ({@code stg/}, {@code int/} …)
   * @param meta the run's metadata, without its end time
   * @throws IllegalStateException when another run holds the writer lock
   */
  public Version publish(Path workArea, RunMetadata meta) {
    if (workArea == null || !Files.isDirectory(workArea)) {
      throw new IllegalArgumentException("the work area is not a folder: " + workArea);
    }
    if (meta == null) {
      throw new IllegalArgumentException("run metadata must be given");
    }
    FileLock lock = lock();
    try {
      Building b = begin(meta);
      try {
        linkTables(workArea, b.dir());
        steps.accept("linked");
        // the measures stage's record of the audits that passed: a quarter whose published
        // figures and flags are exactly those it audited is not audited again
        return complete(b, Memo.in(workArea.resolve(Memo.WORK_AREA_FOLDER)));
      } catch (RuntimeException | Error e) {
        discard(b, e);
        throw e;
      }
    } finally {
      release(lock);
    }
  }

  /** The new version's folder, empty; a run that dies leaves it to the next run to remove. */
  private Building begin(RunMetadata meta) {
    try {
      Path versions = root.resolve(VERSIONS);
      Files.createDirectories(versions);
      String id = VersionId.of(highestNumber(versions) + 1);
      removeLeftovers(versions, current().map(v -> VersionId.number(v.id())).orElse(0));
      Path dir = versions.resolve(id + BUILDING_SUFFIX);
      Files.createDirectory(dir);
      steps.accept("begun");
      return new Building(id, dir, meta);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot begin a new version in " + root, e);
    }
  }

  /** Catalogue, audit, export, metadata, flush, rename, switch: the version becomes current. */
  private Version complete(Building b, Memo memo) {
    try {
      DuckDbCatalogue.Summary catalogue = DuckDbCatalogue.build(b.dir(), ref);
      // the gate: a version whose public view gives a hidden figure away is not published
      PublicAudit.Result audit = PublicAudit.run(b.dir().resolve(DATABASE_FILE), ref, memo);
      if (!audit.passed()) {
        throw new DisclosureAuditFailed(audit);
      }
      steps.accept("audit");
      if (catalogue.views().contains("outcomes_public")) {
        PublicExport.write(b.dir().resolve(DATABASE_FILE), b.dir().resolve(PublicExport.DIR));
      }
      steps.accept("catalogue");
      Files2.makeParquetReadOnly(b.dir());
      Instant end = clock.instant();
      RunMetadata run =
          b.run().endedAt(end.isBefore(b.run().startedAt()) ? b.run().startedAt() : end);
      Files.writeString(
          b.dir().resolve(RUN_FILE), RunMetadataJson.write(b.id(), run), StandardCharsets.UTF_8);
      steps.accept("metadata");
      // Group-readable at most (files 0640, folders 0750) before anyone can open it by name.
      OutputFiles.restrict(b.dir());
      Files2.syncTree(b.dir());
      steps.accept("synced");
      Path versions = root.resolve(VERSIONS);
      Path finalDir = versions.resolve(b.id());
      Files.move(b.dir(), finalDir, StandardCopyOption.ATOMIC_MOVE);
      Files2.syncDir(versions);
      steps.accept("renamed");
      switchCurrent(b.id());
      steps.accept("switched");
      return new Version(b.id(), finalDir, run);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish version " + b.id(), e);
    }
  }

  /** Removes a version that was not published (nothing once it was renamed). */
  private static void discard(Building b, Throwable failure) {
    try {
      FileTrees.deleteTree(b.dir());
    } catch (IOException e) {
      failure.addSuppressed(
          new UncheckedIOException("cannot discard the unpublished version " + b.id(), e));
    }
  }

  /** Links every file of the work area's layer folders into the version's folder. */
  private static void linkTables(Path workArea, Path dir) {
    try {
      for (Layer layer : Layer.values()) {
        Files2.linkOrCopyTree(workArea.resolve(layer.prefix()), dir.resolve(layer.prefix()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the work area into the new version", e);
    }
  }

  /** The published version, if any. */
  public Optional<Version> current() {
    Path link = root.resolve(CURRENT);
    if (!Files.isSymbolicLink(link)) {
      return Optional.empty();
    }
    try {
      Path target = Files.readSymbolicLink(link);
      return Optional.of(load(target.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the current version link in " + root, e);
    }
  }

  /**
   * Every published version, oldest first: the current one and those before it. Folders being
   * built, and a finished folder a run renamed but died before switching to, are left out.
   */
  public List<Version> versions() {
    Path versions = root.resolve(VERSIONS);
    if (!Files.isDirectory(versions)) {
      return List.of();
    }
    int published = current().map(v -> VersionId.number(v.id())).orElse(0);
    List<Version> out = new ArrayList<>();
    for (Path p : list(versions)) {
      String name = p.getFileName().toString();
      if (VersionId.isValid(name)
          && VersionId.number(name) <= published
          && Files.isRegularFile(p.resolve(RUN_FILE))) {
        out.add(load(name));
      }
    }
    out.sort(Comparator.comparingInt(v -> VersionId.number(v.id())));
    return List.copyOf(out);
  }

  /**
   * A published version by id, for reading a past version's database.
   *
   * @throws IllegalArgumentException when there is no such published version
   */
  public Version version(String id) {
    if (!VersionId.isValid(id)) {
      throw new IllegalArgumentException("not a version id (v and six digits): " + id);
    }
    if (VersionId.number(id) > current().map(v -> VersionId.number(v.id())).orElse(0)) {
      throw new IllegalArgumentException("no published version " + id + " in " + root);
    }
    return load(id);
  }

  private Version load(String id) {
    Path dir = root.resolve(VERSIONS).resolve(id);
    Path runFile = dir.resolve(RUN_FILE);
    if (!Files.isRegularFile(runFile)) {
      throw new IllegalArgumentException("no published version " + id + " in " + root);
    }
    try {
      return new Version(
          id, dir, RunMetadataJson.read(Files.readString(runFile, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run metadata of version " + id, e);
    }
  }

  /**
   * Removes all but the {@code keep} newest published versions; the current version is always kept.
   * Returns the ids removed, oldest first.
   */
  public List<String> prune(int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("must keep at least one version, not " + keep);
    }
    FileLock lock = lock();
    try {
      String currentId = current().map(Version::id).orElse(null);
      List<Version> all = versions();
      List<String> removed = new ArrayList<>();
      for (int i = 0; i < all.size() - keep; i++) {
        Version v = all.get(i);
        if (v.id().equals(currentId)) {
          continue;
        }
        Path doomed = v.dir().resolveSibling(v.id() + ".pruning");
        Files.move(v.dir(), doomed, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.deleteTree(doomed);
        removed.add(v.id());
      }
      return List.copyOf(removed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prune versions in " + root, e);
    } finally {
      release(lock);
    }
  }

  private void switchCurrent(String id) throws IOException {
    Path tmp = root.resolve(CURRENT_TMP);
    Files.deleteIfExists(tmp);
    Files.createSymbolicLink(tmp, Path.of(VERSIONS, id));
    Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
    Files2.syncDir(root);
  }

  /**
   * A version being built: {@code <root>/versions/vNNNNNN.building/}, published under {@code id}.
   */
  private record Building(String id, Path dir, RunMetadata run) {}

  private FileLock lock() {
    try {
      Files.createDirectories(root);
      FileChannel ch =
          FileChannel.open(
              root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw new IllegalStateException("another run is building a version in " + root);
      }
      return lock;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the writer lock in " + root, e);
    }
  }

  private static void release(FileLock lock) {
    try {
      lock.release();
      lock.channel().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the warehouse writer lock", e);
    }
  }

  /** The highest version number used by any folder, so ids never repeat a published one. */
  private static int highestNumber(Path versions) {
    int max = 0;
    for (Path p : list(versions)) {
      String name = p.getFileName().toString();
      int dot = name.indexOf('.');
      String id = dot < 0 ? name : name.substring(0, dot);
      if (VersionId.isValid(id)) {
        max = Math.max(max, VersionId.number(id));
      }
    }
    return max;
  }

  /**
   * Removes what crashed runs or prunes left: anything in versions/ that is not a version id, and
   * versions newer than the current one (renamed by a run that died before switching to them).
   */
  private static void removeLeftovers(Path versions, int currentNumber) throws IOException {
    for (Path p : list(versions)) {
      String name = p.getFileName().toString();
      if (!VersionId.isValid(name) || VersionId.number(name) > currentNumber) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          FileTrees.deleteTree(p);
        } else {
          Files.delete(p);
        }
      }
    }
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
