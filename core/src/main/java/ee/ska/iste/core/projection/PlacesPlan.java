package ee.ska.iste.core.projection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Places per county for the three years of a projection, from a CSV with the header {@code
 * county_code,year,places}: one row per county and year (1, 2 or 3), places a whole number ≥ 0.
 * Lines starting with {@code #} and blank lines are skipped. A year a county does not list keeps
 * the places of its latest listed year before it (a county listed for year 1 only keeps its places
 * in years 2 and 3); before its first listed year it has 0 places.
 *
 * @param source what the places are (the file's name, or {@code EXAMPLE})
 * @param places county code → places in years 1, 2, 3, in county code order
 */
public record PlacesPlan(String source, Map<String, List<Integer>> places) {
  public static final int YEARS = 3;
  public static final List<String> HEADER = List.of("county_code", "year", "places");

  public PlacesPlan {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("a places plan needs a source");
    }
    Map<String, List<Integer>> copy = new TreeMap<>();
    places.forEach((county, p) -> copy.put(county, List.copyOf(p)));
    copy.values()
        .forEach(
            p -> {
              if (p.size() != YEARS) {
                throw new IllegalArgumentException("places for " + YEARS + " years: " + p);
              }
            });
    places = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads a places file.
   *
   * @param counties the county codes that exist (ref counties.csv)
   * @throws PlacesFileException naming the file, line and column of the first problem
   */
  public static PlacesPlan read(Path file, String source, Set<String> counties) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file.toString(), source, in, counties);
    }
  }

  /** Parses places CSV text; {@code name} is the file name errors are reported under. */
  public static PlacesPlan parse(String name, String source, Reader in, Set<String> counties)
      throws IOException {
    BufferedReader lines = new BufferedReader(in);
    Map<String, Integer[]> byCounty = new TreeMap<>();
    boolean header = false;
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String text = number == 1 ? stripBom(line) : line;
      if (text.isBlank() || text.stripLeading().startsWith("#")) {
        continue;
      }
      String[] fields = text.split(",", -1);
      for (int i = 0; i < fields.length; i++) {
        fields[i] = unquote(fields[i].strip());
      }
      if (!header) {
        if (!List.of(fields).equals(HEADER)) {
          throw new PlacesFileException(
              name, number, null, "the header must be " + String.join(",", HEADER));
        }
        header = true;
        continue;
      }
      if (fields.length != HEADER.size()) {
        throw new PlacesFileException(
            name, number, null, HEADER.size() + " fields expected, found " + fields.length);
      }
      String county = fields[0];
      if (!counties.contains(county)) {
        throw new PlacesFileException(
            name, number, HEADER.get(0), "unknown county code '" + county + "'");
      }
      int year = whole(name, number, HEADER.get(1), fields[1]);
      if (year < 1 || year > YEARS) {
        throw new PlacesFileException(
            name, number, HEADER.get(1), "year must be 1 to " + YEARS + ", found " + year);
      }
      int places = whole(name, number, HEADER.get(2), fields[2]);
      if (places < 0) {
        throw new PlacesFileException(
            name, number, HEADER.get(2), "places must not be negative, found " + places);
      }
      Integer[] years = byCounty.computeIfAbsent(county, k -> new Integer[YEARS]);
      if (years[year - 1] != null) {
        throw new PlacesFileException(
            name, number, null, "county " + county + " year " + year + " is listed twice");
      }
      years[year - 1] = places;
    }
    if (!header) {
      throw new PlacesFileException(
          name, number, null, "no header line " + String.join(",", HEADER));
    }
    Map<String, List<Integer>> plan = new TreeMap<>();
    byCounty.forEach(
        (county, years) -> {
          Integer[] filled = new Integer[YEARS];
          int carried = 0;
          for (int y = 0; y < YEARS; y++) {
            carried = years[y] != null ? years[y] : carried;
            filled[y] = carried;
          }
          plan.put(county, List.of(filled));
        });
    return new PlacesPlan(source, plan);
  }

  /** The shipped example's resource path (the same text as examples/projection_places.csv). */
  public static final String EXAMPLE_RESOURCE = "/examples/projection_places.csv";

  /** The places_source of the shipped example. */
  public static final String EXAMPLE = "EXAMPLE";

  /** The shipped example: made-up places per county, marked as an example in the file. */
  public static PlacesPlan example(Set<String> counties) {
    try (java.io.InputStream in = PlacesPlan.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the example places file is not on the class path");
      }
      return parse(
          "projection_places.csv",
          EXAMPLE,
          new java.io.InputStreamReader(in, StandardCharsets.UTF_8),
          counties);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Parses CSV text held in memory. */
  public static PlacesPlan parse(String name, String source, String text, Set<String> counties) {
    try {
      return parse(name, source, new StringReader(text), counties);
    } catch (IOException e) {
      throw new IllegalStateException("reading a string failed", e);
    }
  }

  /** The places of a county in year 1..3 (0 for a county not in the plan). */
  public int placesIn(String county, int year) {
    List<Integer> p = places.get(county);
    return p == null ? 0 : p.get(year - 1);
  }

  private static int whole(String name, int line, String column, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new PlacesFileException(name, line, column, "'" + text + "' is not a whole number");
    }
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1).strip()
        : s;
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
