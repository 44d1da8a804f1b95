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
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The reference data: municipalities, counties, allocations of places, prices, life domains,
 * components, instruments, thresholds, age bands, diagnosis groups and the rest, each a CSV file
 * with a validity period where the value can change. Loaded from the files shipped in the build
 * ({@code ref/} on the class path) or from a folder that overrides them file by file, so that a
 * corrected SKA list replaces an assumption without a code change. Serializable with the tables
 * loaded so far, so that Spark tasks check rows against the same tables as the driver.
 */
public final class ReferenceData implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern ICD10_CATEGORY = Pattern.compile("[A-Z][0-9]{2}");

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

  /**
   * The names (without {@code .csv}) of every reference file: those shipped in the build and those
   * in the override folder, sorted. Used to fingerprint the reference data as a whole.
   */
  public List<String> tableNames() {
    TreeSet<String> names = new TreeSet<>(ShippedFiles.names());
    if (overrideDir != null) {
      try (java.util.stream.Stream<Path> s = Files.list(Path.of(overrideDir))) {
        s.map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".csv"))
            .forEach(n -> names.add(n.substring(0, n.length() - 4)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the reference data folder " + overrideDir, e);
      }
    }
    return List.copyOf(names);
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
      String id,
      String round,
      List<String> kovCodes,
      int places,
      LocalDate validFrom,
      LocalDate validTo) {
    public Allocation {
      kovCodes = List.copyOf(kovCodes);
    }
  }

  public List<Municipality> municipalities(LocalDate on) {
    RefTable t = table("municipalities");
    return t.validOn(on).stream()
        .map(
            r ->
                new Municipality(
                    t.required(r, "kov_code"), t.required(r, "name"), t.required(r, "county_code")))
        .toList();
  }

  public Optional<Municipality> municipality(String code, LocalDate on) {
    return municipalities(on).stream().filter(m -> m.code().equals(code)).findFirst();
  }

  public List<County> counties() {
    RefTable t = table("counties");
    return t.rows().stream()
        .map(r -> new County(t.required(r, "county_code"), t.required(r, "name")))
        .toList();
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
        .filter(
            a -> !on.isBefore(a.validFrom()) && (a.validTo() == null || !on.isAfter(a.validTo())))
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

  /**
   * An age band at entry: whole years {@code ageFrom} to {@code ageTo}, both inclusive ({@code
   * ageTo} null = no upper limit), valid from {@code validFrom} to {@code validTo} (inclusive, null
   * = open-ended).
   */
  public record AgeBand(
      String code,
      int ageFrom,
      Integer ageTo,
      String nameEt,
      String nameEn,
      LocalDate validFrom,
      LocalDate validTo) {
    public AgeBand {
      if (ageFrom < 0 || (ageTo != null && ageTo < ageFrom)) {
        throw new IllegalArgumentException(
            "age band " + code + ": ages " + ageFrom + ".." + ageTo + " are not a range");
      }
      checkPeriod("age band " + code, validFrom, validTo);
    }

    public boolean contains(int age) {
      return ageFrom <= age && (ageTo == null || age <= ageTo);
    }

    public boolean validOn(LocalDate date) {
      return within(date, validFrom, validTo);
    }
  }

  /**
   * A range of three-character ICD-10 categories {@code codeFrom} to {@code codeTo} (both
   * inclusive, e.g. F20 to F29) that makes a diagnosis group, valid from {@code validFrom} to
   * {@code validTo} (inclusive, null = open-ended). Ranges may nest: the narrowest wins.
   */
  public record DiagnosisGroup(
      String code,
      String codeFrom,
      String codeTo,
      String nameEt,
      String nameEn,
      LocalDate validFrom,
      LocalDate validTo) {
    public DiagnosisGroup {
      if (!ICD10_CATEGORY.matcher(codeFrom).matches()
          || !ICD10_CATEGORY.matcher(codeTo).matches()
          || codeFrom.compareTo(codeTo) > 0) {
        throw new IllegalArgumentException(
            "diagnosis group "
                + code
                + ": "
                + codeFrom
                + ".."
                + codeTo
                + " is not a range of ICD-10 categories (letter and two digits)");
      }
      checkPeriod("diagnosis group " + code, validFrom, validTo);
    }

    /** True when the three-character category lies in the range. */
    public boolean contains(String category) {
      return codeFrom.compareTo(category) <= 0 && category.compareTo(codeTo) <= 0;
    }

    public boolean validOn(LocalDate date) {
      return within(date, validFrom, validTo);
    }

    /** The number of categories in the range. */
    int size() {
      return ordinal(codeTo) - ordinal(codeFrom) + 1;
    }
  }

  /**
   * The diagnosis group of one three-character ICD-10 category over a period in which the ranges of
   * {@code diagnosis_groups.csv} do not change ({@code validTo} null = open-ended).
   */
  public record DiagnosisCategory(
      String category, String group, LocalDate validFrom, LocalDate validTo) {}

  /**
   * The age bands of {@code age_bands.csv}; fails, naming the file and the bands, when two bands
   * valid on the same day overlap.
   */
  public List<AgeBand> ageBands() {
    RefTable t = table("age_bands");
    List<AgeBand> bands =
        build(
            t,
            r ->
                new AgeBand(
                    t.required(r, "code"),
                    Integer.parseInt(t.required(r, "age_from")),
                    r.get("age_to") == null ? null : Integer.parseInt(r.get("age_to")),
                    t.required(r, "name_et"),
                    t.required(r, "name_en"),
                    LocalDate.parse(t.required(r, "valid_from")),
                    date(r.get("valid_to"))));
    for (int i = 0; i < bands.size(); i++) {
      for (int j = i + 1; j < bands.size(); j++) {
        AgeBand a = bands.get(i);
        AgeBand b = bands.get(j);
        boolean agesOverlap =
            (a.ageTo() == null || b.ageFrom() <= a.ageTo())
                && (b.ageTo() == null || a.ageFrom() <= b.ageTo());
        if (agesOverlap && periodsOverlap(a.validFrom(), a.validTo(), b.validFrom(), b.validTo())) {
          throw new IllegalStateException(
              "reference file "
                  + t.name()
                  + ": bands "
                  + a.code()
                  + " and "
                  + b.code()
                  + " overlap and are valid on the same day");
        }
      }
    }
    return bands;
  }

  /** The band valid on {@code on} that holds {@code age}, if any. */
  public Optional<AgeBand> ageBand(int age, LocalDate on) {
    return ageBands().stream().filter(b -> b.validOn(on) && b.contains(age)).findFirst();
  }

  /**
   * The diagnosis group ranges of {@code diagnosis_groups.csv}; fails, naming the file and the
   * groups, when two ranges valid on the same day are equal or partly overlap (they must be
   * disjoint or nested, so that the narrowest range holding a code is one range).
   */
  public List<DiagnosisGroup> diagnosisGroups() {
    RefTable t = table("diagnosis_groups");
    List<DiagnosisGroup> groups =
        build(
            t,
            r ->
                new DiagnosisGroup(
                    t.required(r, "code"),
                    t.required(r, "code_from"),
                    t.required(r, "code_to"),
                    t.required(r, "name_et"),
                    t.required(r, "name_en"),
                    LocalDate.parse(t.required(r, "valid_from")),
                    date(r.get("valid_to"))));
    for (int i = 0; i < groups.size(); i++) {
      for (int j = i + 1; j < groups.size(); j++) {
        DiagnosisGroup a = groups.get(i);
        DiagnosisGroup b = groups.get(j);
        boolean disjoint =
            a.codeTo().compareTo(b.codeFrom()) < 0 || b.codeTo().compareTo(a.codeFrom()) < 0;
        boolean nested =
            a.size() != b.size()
                && ((a.contains(b.codeFrom()) && a.contains(b.codeTo()))
                    || (b.contains(a.codeFrom()) && b.contains(a.codeTo())));
        if (!disjoint
            && !nested
            && periodsOverlap(a.validFrom(), a.validTo(), b.validFrom(), b.validTo())) {
          throw new IllegalStateException(
              "reference file "
                  + t.name()
                  + ": ranges "
                  + a.code()
                  + " "
                  + a.codeFrom()
                  + ".."
                  + a.codeTo()
                  + " and "
                  + b.code()
                  + " "
                  + b.codeFrom()
                  + ".."
                  + b.codeTo()
                  + " are valid on the same day and neither disjoint nor nested");
        }
      }
    }
    return groups;
  }

  /**
   * The group of a primary diagnosis on a date: the narrowest range valid on {@code on} that holds
   * the diagnosis's first three characters ({@code F20.0} → {@code F20}). Empty when the diagnosis
   * does not start with an ICD-10 category or no range holds it.
   */
  public Optional<DiagnosisGroup> diagnosisGroup(String diagnosis, LocalDate on) {
    if (diagnosis == null || diagnosis.length() < 3) {
      return Optional.empty();
    }
    String category = diagnosis.substring(0, 3).toUpperCase(Locale.ROOT);
    if (!ICD10_CATEGORY.matcher(category).matches()) {
      return Optional.empty();
    }
    return narrowest(diagnosisGroups(), category, on);
  }

  /**
   * Every three-character ICD-10 category (A00 to Z99) that has a group, with that group, for each
   * period in which the ranges of {@code diagnosis_groups.csv} do not change: the rule of {@link
   * #diagnosisGroup} as a table, for a join on category and date.
   */
  public List<DiagnosisCategory> diagnosisCategories() {
    List<DiagnosisGroup> groups = diagnosisGroups();
    // Periods without a change: cut at every valid_from and at the day after every valid_to.
    TreeSet<LocalDate> cuts = new TreeSet<>();
    for (DiagnosisGroup g : groups) {
      cuts.add(g.validFrom());
      if (g.validTo() != null) {
        cuts.add(g.validTo().plusDays(1));
      }
    }
    List<DiagnosisCategory> out = new ArrayList<>();
    for (LocalDate from : cuts) {
      LocalDate next = cuts.higher(from);
      LocalDate to = next == null ? null : next.minusDays(1);
      for (char letter = 'A'; letter <= 'Z'; letter++) {
        for (int n = 0; n <= 99; n++) {
          String category = String.format(Locale.ROOT, "%c%02d", letter, n);
          narrowest(groups, category, from)
              .ifPresent(g -> out.add(new DiagnosisCategory(category, g.code(), from, to)));
        }
      }
    }
    return out;
  }

  private static Optional<DiagnosisGroup> narrowest(
      List<DiagnosisGroup> groups, String category, LocalDate on) {
    return groups.stream()
        .filter(g -> g.validOn(on) && g.contains(category))
        .min(Comparator.comparingInt(DiagnosisGroup::size));
  }

  /** Builds one record per row; a value that breaks the record's rule is reported with the file. */
  private static <T> List<T> build(RefTable t, Function<Map<String, String>, T> record) {
    List<T> out = new ArrayList<>();
    for (Map<String, String> r : t.rows()) {
      try {
        out.add(record.apply(r));
      } catch (IllegalArgumentException | DateTimeException e) {
        throw new IllegalStateException(
            "reference file " + t.name() + ": " + e.getMessage() + " in " + r, e);
      }
    }
    return List.copyOf(out);
  }

  private static LocalDate date(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }

  private static void checkPeriod(String what, LocalDate from, LocalDate to) {
    if (from == null || (to != null && to.isBefore(from))) {
      throw new IllegalArgumentException(
          what + ": validity " + from + ".." + to + " is not a period");
    }
  }

  private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
    return !date.isBefore(from) && (to == null || !date.isAfter(to));
  }

  private static boolean periodsOverlap(
      LocalDate aFrom, LocalDate aTo, LocalDate bFrom, LocalDate bTo) {
    return (aTo == null || !bFrom.isAfter(aTo)) && (bTo == null || !aFrom.isAfter(bTo));
  }

  /** The position of a category in A00..Z99. */
  private static int ordinal(String category) {
    return (category.charAt(0) - 'A') * 100 + Integer.parseInt(category.substring(1, 3));
  }
}
