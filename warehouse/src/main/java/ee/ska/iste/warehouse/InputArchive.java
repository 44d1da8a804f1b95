package ee.ska.iste.warehouse;

import ee.ska.iste.core.files.FileTrees;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The warehouse's input archive, {@code <root>/archive/}: every submission that was loaded, kept by
 * its SHA-256 so that a file later overwritten or deleted in the inbox keeps its audit trail and
 * the warehouse can be rebuilt from it (re-key). Content-addressed and append-only:
 *
 * <pre>
 *   archive/&lt;sha256&gt;.xlsx          a workbook, byte for byte
 *   archive/&lt;sha256&gt;.csv/          a CSV submission's folder (its files, byte for byte)
 *   archive/index.csv               sha256,name,kov_code,quarter,submitted_on,archived_at
 * </pre>
 *
 * The SHA-256 is the one ingest computed (of the workbook, or of a folder's file names and bytes);
 * a file that changed since it was read is not archived under the old checksum. Files are copied to
 * a temporary name and renamed; the index gets one line per new (checksum, name) pair.
 */
public final class InputArchive {
  /** The archive's folder in the warehouse root. */
  public static final String FOLDER = "archive";

  private static final String INDEX = "index.csv";
  private static final String HEADER = "sha256,name,kov_code,quarter,submitted_on,archived_at";

  private final Path dir;

  private InputArchive(Path dir) {
    this.dir = dir;
  }

  /** The archive of the warehouse under {@code root}. */
  public static InputArchive of(Path root) {
    return new InputArchive(root.resolve(FOLDER));
  }

  public Path dir() {
    return dir;
  }

  /**
   * One archived submission.
   *
   * @param sha256 its checksum as ingest computed it
   * @param name its file or folder name in the inbox
   * @param kovCode the KOV
   * @param quarter the quarter ({@code YYYYQn})
   * @param submittedOn the cover's {@code esitatud}
   * @param archivedAt when it was archived
   */
  public record Entry(
      String sha256,
      String name,
      String kovCode,
      String quarter,
      LocalDate submittedOn,
      Instant archivedAt) {
    public Entry {
      if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("not a SHA-256: " + sha256);
      }
      if (name == null || name.contains("/") || name.contains(",") || name.contains("\n")) {
        throw new IllegalArgumentException("not a submission name: " + name);
      }
    }
  }

  /** Where the entry's bytes are. */
  public Path contentOf(Entry e) {
    return dir.resolve(
        e.sha256()
            + (e.name().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? ".xlsx" : ".csv"));
  }

  /**
   * Archives the submission at {@code source} (a workbook or a CSV folder) under {@code e}'s
   * checksum. Returns false, archiving nothing, when its content no longer has that checksum (it
   * changed after it was read).
   */
  public boolean add(Path source, boolean csvFolder, Entry e) {
    try {
      Files.createDirectories(dir);
      Path target = contentOf(e);
      if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Path tmp = dir.resolve("." + e.sha256() + ".tmp");
        if (Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
          FileTrees.deleteTree(tmp);
        }
        String sha = csvFolder ? copyFolder(source, tmp) : copyFile(source, tmp);
        if (!sha.equals(e.sha256())) {
          FileTrees.deleteTree(tmp);
          return false;
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      if (entries().stream()
          .noneMatch(x -> x.sha256().equals(e.sha256()) && x.name().equals(e.name()))) {
        appendIndex(e);
      }
      return true;
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot archive " + e.name() + " in " + dir, ex);
    }
  }

  /** Every entry of the index, oldest first. */
  public List<Entry> entries() {
    Path index = dir.resolve(INDEX);
    if (!Files.exists(index)) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.equals(HEADER)) {
          continue;
        }
        String[] f = line.split(",", -1);
        out.add(
            new Entry(
                f[0],
                f[1],
                f[2],
                f[3],
                f[4].isEmpty() ? null : LocalDate.parse(f[4]),
                Instant.parse(f[5])));
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot read " + index, ex);
    }
    return out;
  }

  /**
   * Copies one archived submission to {@code target/<first 16 of sha256>/<name>} and returns that
   * path.
   */
  public Path copyOut(Entry e, Path target) throws IOException {
    Path to =
        Files.createDirectories(target.resolve(e.sha256().substring(0, 16))).resolve(e.name());
    Path from = contentOf(e);
    if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
      copyFolder(from, to);
    } else {
      copyFile(from, to);
    }
    return to;
  }

  /**
   * The archived submissions, one per checksum (the first name it was archived under), each copied
   * to {@code target/<first 16 of sha256>/<name>} so that ingest reads them as an inbox. Returns
   * the checksums copied.
   */
  public List<String> materialise(Path target, java.util.Set<String> skip) {
    Map<String, Entry> bySha = new LinkedHashMap<>();
    entries().forEach(e -> bySha.putIfAbsent(e.sha256(), e));
    List<String> copied = new ArrayList<>();
    try {
      for (Entry e : bySha.values()) {
        if (skip.contains(e.sha256())) {
          continue;
        }
        copyOut(e, target);
        copied.add(e.sha256());
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot copy the archive into " + target, ex);
    }
    return copied;
  }

  private void appendIndex(Entry e) throws IOException {
    Path index = dir.resolve(INDEX);
    boolean fresh = !Files.exists(index);
    try (BufferedWriter w =
        Files.newBufferedWriter(
            index, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      if (fresh) {
        w.write(HEADER + "\n");
      }
      w.write(
          String.join(
                  ",",
                  e.sha256(),
                  e.name(),
                  e.kovCode() == null ? "" : e.kovCode(),
                  e.quarter() == null ? "" : e.quarter(),
                  e.submittedOn() == null ? "" : e.submittedOn().toString(),
                  e.archivedAt().toString())
              + "\n");
    }
  }

  /** Copies a file, returning the SHA-256 of the bytes copied. */
  private static String copyFile(Path from, Path to) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in =
            new DigestInputStream(Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS), md);
        OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW)) {
      in.transferTo(out);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Copies a CSV folder's regular files, returning the SHA-256 ingest computes for a folder: each
   * file's name, a zero byte and its bytes, in name order.
   */
  private static String copyFolder(Path from, Path to) throws IOException {
    MessageDigest md = sha256();
    Files.createDirectories(to);
    List<Path> files;
    try (Stream<Path> s = Files.list(from)) {
      files = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
    for (Path f : files) {
      md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      try (InputStream in =
              new DigestInputStream(Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS), md);
          OutputStream out =
              Files.newOutputStream(
                  to.resolve(f.getFileName().toString()), StandardOpenOption.CREATE_NEW)) {
        in.transferTo(out);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
