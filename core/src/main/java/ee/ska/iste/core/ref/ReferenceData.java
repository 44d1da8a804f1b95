package ee.ska.iste.core.ref;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference data: municipalities, counties, allocations of places, prices, life domains,
 * components, instruments, thresholds and the rest, each a CSV file with a validity period where
 * the value can change. Loaded from the files shipped in the build ({@code ref/} on the class
 * path) or from a folder that overrides them file by file, so that a corrected SKA list replaces
 * an assumption without a code change. Serializable with the tables loaded so far, so that Spark
 * tasks check rows against the same tables as the driver.
 */
public final class ReferenceData implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The override folder as a path string (a {@link Path} is not serializable), or null. */
  private final String overrideDir;
  private final ConcurrentHashMap<String, RefTable> cache = new ConcurrentHashMap<>();

  private ReferenceData(Path overrideDir) {
    this.overrideDir = overrideDir == null ? null : overrideDir.toString();
  }

  /** The reference data shipped with the build. */
  public static ReferenceData builtIn() {
    return new ReferenceData(null);
  }

  /** Files in {@code dir} override the shipped ones of the same name. */
  public static ReferenceData withOverrides(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("reference data folder does not exist: " + dir);
    }
    return new ReferenceData(dir);
  }

  /** The table in {@code <name>.csv}. */
  public RefTable table(String name) {
    return cache.computeIfAbsent(name, this::load);
  }

  private RefTable load(String name) {
    String file = name + ".csv";
    try {
      Path override = overrideDir == null ? null : Path.of(overrideDir).resolve(file);
      if (override != null && Files.isRegularFile(override)) {
        try (Reader r = Files.newBufferedReader(override, StandardCharsets.UTF_8)) {
          return RefTable.read(file, r);
        }
      }
      InputStream in = ReferenceData.class.getResourceAsStream("/ref/" + file);
      if (in == null) {
        throw new IllegalArgumentException("no reference data file " + file);
      }
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return RefTable.read(file, r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference data file " + file, e);
    }
  }

  /** A municipality (KOV) with its county. */
  public record Municipality(String code, String name, String countyCode) {}

  /** A county (maakond). */
  public record County(String code, String name) {}

  /**
   * An allocation of service places to one KOV, or jointly to several, for a period.
   *
   * @param id stable identifier of the allocation
   * @param kovCodes the KOVs sharing it (two for Haapsalu + Lääne-Nigula)
   */
  public record Allocation(
      String id, String round, List<String> kovCodes, int places, LocalDate validFrom, LocalDate validTo) {
    public Allocation {
      kovCodes = List.copyOf(kovCodes);
    }
  }

  public List<Municipality> municipalities(LocalDate on) {
    RefTable t = table("municipalities");
    return t.validOn(on).stream()
        .map(r -> new Municipality(t.required(r, "kov_code"), t.required(r, "name"), t.required(r, "county_code")))
        .toList();
  }

  public Optional<Municipality> municipality(String code, LocalDate on) {
    return municipalities(on).stream().filter(m -> m.code().equals(code)).findFirst();
  }

  public List<County> counties() {
    RefTable t = table("counties");
    return t.rows().stream().map(r -> new County(t.required(r, "county_code"), t.required(r, "name"))).toList();
  }

  /** Every allocation row, whatever its period. */
  public List<Allocation> allocations() {
    RefTable t = table("allocations");
    return t.rows().stream()
        .map(
            r ->
                new Allocation(
                    t.required(r, "allocation_id"),
                    t.required(r, "round"),
                    Arrays.asList(t.required(r, "kov_codes").split(";")),
                    Integer.parseInt(t.required(r, "places")),
                    LocalDate.parse(t.required(r, "valid_from")),
                    r.get("valid_to") == null ? null : LocalDate.parse(r.get("valid_to"))))
        .toList();
  }

  /** Allocations valid on a date. */
  public List<Allocation> allocations(LocalDate on) {
    return allocations().stream()
        .filter(a -> !on.isBefore(a.validFrom()) && (a.validTo() == null || !on.isAfter(a.validTo())))
        .toList();
  }

  /** A numeric threshold valid on a date; the message names the key when none is. */
  public BigDecimal threshold(String key, LocalDate on) {
    RefTable t = table("thresholds");
    return t.validOn(on).stream()
        .filter(r -> key.equals(r.get("key")))
        .map(r -> new BigDecimal(t.required(r, "value")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no threshold '" + key + "' valid on " + on));
  }

  /** The codes of a simple code list ({@code domains}, {@code components}, {@code modes}, …). */
  public List<String> codes(String table) {
    RefTable t = table(table);
    return t.rows().stream().map(r -> t.required(r, "code")).toList();
  }
}
