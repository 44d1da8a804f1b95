package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.quality.RefusalReason;
import ee.ska.iste.core.time.Quarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the input folder holds, looked at without following a link or opening anything but folders:
 * the submissions to read, and the entries refused before reading with a reason.
 *
 * <ul>
 *   <li>Only regular files and folders are looked at. A symbolic link, FIFO, socket or device is
 *       refused ({@link RefusalReason#NOT_A_REGULAR_FILE}) and never opened (a FIFO would block).
 *   <li>A regular file whose name does not follow {@code ISTE_<EHAK>_<YYYY>Q<n>[_suffix].xlsx} is
 *       refused ({@link RefusalReason#NAME_NOT_IN_CONTRACT}); a folder of another name is looked
 *       into (a few levels deep), a folder of a submission's name is a CSV submission.
 *   <li>A name whose quarter cannot exist ({@code ISTE_0184_1024Q2.xlsx}) is refused ({@link
 *       RefusalReason#QUARTER_IMPOSSIBLE}); a quarter that has not begun on the run's date is
 *       refused ({@link RefusalReason#QUARTER_NOT_BEGUN}).
 *   <li>Hidden entries (a leading dot) and Excel's lock files ({@code ~$…}) are skipped silently.
 * </ul>
 *
 * Submissions of quarters the run did not ask for are neither read nor refused: they belong to
 * other runs. Refused entries whose quarter is one of the run's are always reported; the others are
 * reported with the run's latest quarter (see {@link IngestJob}).
 *
 * @param submissions the submissions of the run's quarters, by file name then path
 * @param refused the entries refused before reading, by path
 */
public record Inbox(List<SubmissionFile> submissions, List<Refused> refused) {
  private static final int MAX_DEPTH = 4;
  private static final Pattern LOOSE =
      Pattern.compile("ISTE_(\\d{4})_(\\d{4})Q(\\d)(_[A-Za-z0-9._-]*)?", Pattern.CASE_INSENSITIVE);

  public Inbox {
    submissions = List.copyOf(submissions);
    refused = List.copyOf(refused);
  }

  /**
   * An entry refused before it was read.
   *
   * @param name its path relative to the input folder (masked: no 11-digit run survives)
   * @param kovCode the KOV code when the name carries one, else null
   * @param quarter the quarter when the name carries a possible one, else null
   * @param reason why it was refused
   * @param message a sentence naming the entry and the reason
   */
  public record Refused(
      String name, String kovCode, Quarter quarter, RefusalReason reason, String message) {
    /**
     * A stable id for {@code stg_submission}: KOV, quarter and a hash of the name (not the
     * content).
     */
    public String submissionId() {
      return (kovCode == null ? "unknown" : kovCode)
          + "_"
          + (quarter == null ? "unknown" : quarter.toString())
          + "_refused_"
          + sha256(name).substring(0, 12);
    }
  }

  /** Looks at {@code dir} for the given quarters (every quarter when empty) as of {@code today}. */
  public static Inbox scan(Path dir, List<Quarter> quarters, LocalDate today) {
    List<SubmissionFile> found = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    Quarter open = Quarter.of(today);
    walk(dir, dir, 0, found, refused, open);
    List<SubmissionFile> wanted =
        found.stream()
            .filter(f -> quarters.isEmpty() || quarters.contains(f.quarter()))
            .sorted(
                Comparator.comparing(SubmissionFile::fileName)
                    .thenComparing(f -> f.path().toString()))
            .toList();
    List<Refused> reported =
        refused.stream()
            .filter(
                r -> r.quarter() == null || quarters.isEmpty() || quarters.contains(r.quarter()))
            .sorted(Comparator.comparing(Refused::name))
            .toList();
    return new Inbox(wanted, reported);
  }

  /**
   * One file or folder given by name, judged as {@link #scan} would judge it in its folder: a
   * workbook or a submission's CSV folder is read or refused alone; a folder of another name is an
   * input folder and is looked into. Hidden entries and lock files count like any other name.
   */
  public static Inbox entry(Path path, LocalDate today) {
    List<SubmissionFile> found = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    Path p = path.toAbsolutePath().normalize();
    boolean inputFolder =
        Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
            && !LOOSE.matcher(p.getFileName().toString()).matches();
    if (inputFolder) {
      walk(p, p, 0, found, refused, Quarter.of(today)); // as scan: names relative to the folder
    } else {
      look(p.getParent() == null ? p : p.getParent(), p, 0, found, refused, Quarter.of(today));
    }
    found.sort(
        Comparator.comparing(SubmissionFile::fileName).thenComparing(f -> f.path().toString()));
    refused.sort(Comparator.comparing(Refused::name));
    return new Inbox(found, refused);
  }

  private static void walk(
      Path root,
      Path dir,
      int depth,
      List<SubmissionFile> found,
      List<Refused> refused,
      Quarter open) {
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list the input folder " + Redact.text(dir.toString()), e);
    }
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (name.startsWith(".") || name.startsWith("~$")) {
        continue;
      }
      look(root, p, depth, found, refused, open);
    }
  }

  /**
   * One entry as {@link #scan} sees it inside {@code root}: a submission, a refusal, or a folder of
   * another name that is looked into.
   */
  private static void look(
      Path root,
      Path p,
      int depth,
      List<SubmissionFile> found,
      List<Refused> refused,
      Quarter open) {
    String name = p.getFileName().toString();
    String shown = Redact.text(root.relativize(p).toString());
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      refused.add(refuse(shown, name, RefusalReason.NOT_A_REGULAR_FILE, "cannot be looked at"));
      return;
    }
    if (attrs.isSymbolicLink()
        || attrs.isOther()
        || !(attrs.isDirectory() || attrs.isRegularFile())) {
      String what = attrs.isSymbolicLink() ? "a symbolic link" : "a FIFO, socket or device file";
      refused.add(
          refuse(
              shown,
              name,
              RefusalReason.NOT_A_REGULAR_FILE,
              "is " + what + ", not a regular file or folder; not read"));
      return;
    }
    boolean isDir = attrs.isDirectory();
    String stem = isDir ? name : stemOf(name);
    Matcher m = stem == null ? null : LOOSE.matcher(stem);
    if (m != null && m.matches()) {
      Quarter q = possibleQuarter(m.group(2), m.group(3));
      if (q == null) {
        refused.add(
            new Refused(
                shown,
                m.group(1),
                null,
                RefusalReason.QUARTER_IMPOSSIBLE,
                shown
                    + ": the quarter in the name ("
                    + m.group(2)
                    + "Q"
                    + m.group(3)
                    + ") cannot exist; not read"));
        return;
      }
      Optional<SubmissionFile> submission = SubmissionFile.of(p, isDir);
      if (submission.isEmpty()) {
        refused.add(refuse(shown, name, RefusalReason.NAME_NOT_IN_CONTRACT, expected()));
      } else if (q.compareTo(open) > 0) {
        refused.add(
            new Refused(
                shown,
                m.group(1),
                null,
                RefusalReason.QUARTER_NOT_BEGUN,
                shown + ": quarter " + q + " has not begun (today is in " + open + "); not read"));
      } else if (isDir && holdsNonRegular(p)) {
        refused.add(
            refuse(
                shown,
                name,
                RefusalReason.NOT_A_REGULAR_FILE,
                "the folder holds a symbolic link, FIFO, device or sub-folder; not read"));
      } else {
        found.add(submission.get());
      }
    } else if (isDir) {
      if (depth < MAX_DEPTH) {
        walk(root, p, depth + 1, found, refused, open);
      }
    } else {
      refused.add(refuse(shown, name, RefusalReason.NAME_NOT_IN_CONTRACT, expected()));
    }
  }

  /** True when a CSV submission's folder holds anything but regular files. */
  private static boolean holdsNonRegular(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      for (Path p : s.toList()) {
        if (!Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
            .isRegularFile()) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static String expected() {
    return "the name does not follow ISTE_<EHAK>_<YYYY>Q<n>.xlsx (or a folder of CSV files of that"
        + " name); not read";
  }

  private static Refused refuse(String shown, String name, RefusalReason reason, String what) {
    Matcher m = LOOSE.matcher(name);
    String kov = null;
    Quarter q = null;
    if (m.lookingAt()) {
      kov = m.group(1);
      q = possibleQuarter(m.group(2), m.group(3));
    }
    return new Refused(shown, kov, q, reason, shown + ": " + what);
  }

  /**
   * The stem of a workbook's name ({@code .xlsx} in any case), or the whole name for other files.
   */
  private static String stemOf(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".xlsx")
        ? name.substring(0, name.length() - 5)
        : name;
  }

  private static Quarter possibleQuarter(String year, String number) {
    try {
      return new Quarter(Integer.parseInt(year), Integer.parseInt(number));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
