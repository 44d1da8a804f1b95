package ee.ska.iste.generator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random stream with the draws the generator needs. Streams are derived from the seed and a path
 * of names ({@code seed, "kov", "0793", "2024Q2"}), so that what one KOV, person or month gets does
 * not depend on the order anything else is generated in.
 */
final class Rng {
  private final SplittableRandom random;

  private Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The stream for a seed and a path of names. */
  static Rng derive(long seed, Object... path) {
    return new Rng(mix(seed, path));
  }

  /** A 64-bit seed for a seed and a path (FNV-1a over the path, finished with SplitMix64). */
  static long mix(long seed, Object... path) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (Object p : path) {
      for (byte b : String.valueOf(p).getBytes(StandardCharsets.UTF_8)) {
        h ^= b & 0xff;
        h *= 0x100000001b3L;
      }
      h ^= 0x1f;
      h *= 0x100000001b3L;
    }
    h += 0x9e3779b97f4a7c15L;
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }

  long nextLong() {
    return random.nextLong();
  }

  /** Uniform integer in {@code from..to}, both inclusive. */
  int between(int from, int to) {
    return from + random.nextInt(to - from + 1);
  }

  double uniform(double from, double to) {
    return from + random.nextDouble() * (to - from);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double gaussian(double mean, double sd) {
    return mean + sd * random.nextGaussian();
  }

  /** A uniform date in {@code from..to}, both inclusive. */
  LocalDate date(LocalDate from, LocalDate to) {
    long days = ChronoUnit.DAYS.between(from, to);
    return from.plusDays(days <= 0 ? 0 : random.nextLong(days + 1));
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** An index drawn with the given relative weights. */
  int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** Successes in {@code n} trials of probability {@code p}. */
  int binomial(int n, double p) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (chance(p)) {
        k++;
      }
    }
    return k;
  }
}
