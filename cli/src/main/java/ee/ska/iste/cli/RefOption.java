package ee.ska.iste.cli;

import ee.ska.iste.core.ref.ReferenceData;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --ref DIR} option: reference CSV files overriding the built-in ones. */
public final class RefOption {
  @Option(
      names = "--ref",
      paramLabel = "DIR",
      description = "Folder of reference CSV files overriding the built-in ones.")
  Path refDir;

  /** The reference data: the built-in files with the folder's overrides, if one was given. */
  public ReferenceData referenceData() {
    return load(refDir);
  }

  /** The built-in reference data, overridden by the files in {@code dir} when it is not null. */
  static ReferenceData load(Path dir) {
    return dir == null ? ReferenceData.builtIn() : ReferenceData.withOverrides(dir);
  }
}
