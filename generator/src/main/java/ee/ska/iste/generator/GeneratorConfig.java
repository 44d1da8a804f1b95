package ee.ska.iste.generator;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param outDir folder the submissions are written into (created when missing)
 * @param quarters the quarters to write, ascending and without repeats; the simulated history runs
 *     from the first one's first day to the last one's last day
 * @param seed the seed every random stream is derived from: the same config gives byte-identical
 *     files
 * @param scale multiplies the number of service places (1.0 = the round's 780 places)
 * @param format XLSX workbooks or CSV folders
 * @param defectRate probability, per data row, that the row is written broken (0 = clean data)
 */
public record GeneratorConfig(
    Path outDir,
    List<Quarter> quarters,
    long seed,
    double scale,
    SubmissionFormat format,
    double defectRate) {

  /** The largest scale accepted (the benchmark uses up to 200). */
  public static final double MAX_SCALE = 1000.0;

  public GeneratorConfig {
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(quarters, "quarters");
    if (quarters.isEmpty()) {
      throw new IllegalArgumentException("quarters must not be empty");
    }
    quarters = List.copyOf(quarters);
    for (int i = 1; i < quarters.size(); i++) {
      if (quarters.get(i).compareTo(quarters.get(i - 1)) <= 0) {
        throw new IllegalArgumentException(
            "quarters must be ascending without repeats: "
                + quarters.get(i - 1)
                + " then "
                + quarters.get(i));
      }
    }
    if (!(scale > 0) || scale > MAX_SCALE) {
      throw new IllegalArgumentException("scale must be > 0 and <= " + MAX_SCALE + ": " + scale);
    }
    if (!(defectRate >= 0) || defectRate > 1) {
      throw new IllegalArgumentException("defect rate must be within 0..1: " + defectRate);
    }
  }

  /** A clean XLSX config with scale 1. */
  public static GeneratorConfig of(Path outDir, List<Quarter> quarters, long seed) {
    return new GeneratorConfig(outDir, quarters, seed, 1.0, SubmissionFormat.XLSX, 0.0);
  }

  public GeneratorConfig withFormat(SubmissionFormat f) {
    return new GeneratorConfig(outDir, quarters, seed, scale, f, defectRate);
  }

  public GeneratorConfig withOutDir(Path dir) {
    return new GeneratorConfig(dir, quarters, seed, scale, format, defectRate);
  }

  public GeneratorConfig withSeed(long s) {
    return new GeneratorConfig(outDir, quarters, s, scale, format, defectRate);
  }

  public GeneratorConfig withScale(double s) {
    return new GeneratorConfig(outDir, quarters, seed, s, format, defectRate);
  }

  public GeneratorConfig withDefectRate(double r) {
    return new GeneratorConfig(outDir, quarters, seed, scale, format, r);
  }
}
