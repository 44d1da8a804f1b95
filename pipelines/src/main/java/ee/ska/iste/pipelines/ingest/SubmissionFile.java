package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A submission found in the input folder: an {@code ISTE_<EHAK>_<YYYY>Q<n>.xlsx} workbook or a
 * folder of that name holding CSV files. A suffix after the quarter ({@code
 * ISTE_0793_2024Q2_parandus.xlsx}) is allowed so that a correction can sit beside the original.
 *
 * @param path the file or folder
 * @param kovCode the KOV's EHAK code from the name
 * @param quarter the quarter from the name
 * @param csvFolder true for a folder of CSV files
 */
public record SubmissionFile(Path path, String kovCode, Quarter quarter, boolean csvFolder) {
  private static final Pattern NAME =
      Pattern.compile("ISTE_(\\d{4})_(\\d{4}Q[1-4])(_[A-Za-z0-9._-]*)?");

  public SubmissionFile {
    if (path == null || kovCode == null || quarter == null) {
      throw new IllegalArgumentException("submission file, KOV and quarter must be given");
    }
  }

  /** The name a person sees: the file or folder name. */
  public String fileName() {
    return path.getFileName().toString();
  }

  /** The submission a path stands for, if its name follows the contract. */
  public static Optional<SubmissionFile> of(Path path, boolean isDirectory) {
    String name = path.getFileName().toString();
    String stem;
    if (isDirectory) {
      stem = name;
    } else if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
      stem = name.substring(0, name.length() - 5);
    } else {
      return Optional.empty();
    }
    Matcher m = NAME.matcher(stem);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new SubmissionFile(path, m.group(1), Quarter.parse(m.group(2)), isDirectory));
  }
}
