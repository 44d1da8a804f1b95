package ee.ska.iste.cli.runner;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.ingest.EarlierSubmissions;
import ee.ska.iste.pipelines.ingest.SubmissionFile;
import ee.ska.iste.warehouse.InputArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warehouse's input archive as ingest sees it: the submissions loaded earlier, and a copy of
 * one of them under its own name (in the work area's {@code _earlier/}, emptied at the start of
 * each ingest) when a resubmission would displace it.
 */
final class ArchivedSubmissions implements EarlierSubmissions {
  private final InputArchive archive;
  private final Path folder;

  /** The archive's index, by checksum (the first name each was archived under). */
  private Map<String, InputArchive.Entry> index;

  private ArchivedSubmissions(InputArchive archive, Path folder) {
    this.archive = archive;
    this.folder = folder;
  }

  /** The archive of the warehouse under {@code root}, copies going to {@code folder}. */
  static ArchivedSubmissions of(Path root, Path folder) {
    WorkArea.remove(folder);
    return new ArchivedSubmissions(InputArchive.of(root), folder);
  }

  @Override
  public List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    for (InputArchive.Entry e : index().values()) {
      if (e.submittedOn() != null) {
        out.add(
            new Entry(
                e.sha256(), e.name(), e.kovCode(), Quarter.parse(e.quarter()), e.submittedOn()));
      }
    }
    return out;
  }

  private synchronized Map<String, InputArchive.Entry> index() {
    if (index == null) {
      index = new LinkedHashMap<>();
      archive.entries().forEach(e -> index.putIfAbsent(e.sha256(), e));
    }
    return index;
  }

  @Override
  public SubmissionFile fetch(Entry e) {
    InputArchive.Entry archived = index().get(e.sha256());
    if (archived == null) {
      throw new IllegalStateException("not in the input archive: " + e.name());
    }
    try {
      Path copy = archive.copyOut(archived, folder);
      return new SubmissionFile(copy, e.kovCode(), e.quarter(), Files.isDirectory(copy));
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot copy " + e.name() + " out of the input archive", ex);
    }
  }
}
