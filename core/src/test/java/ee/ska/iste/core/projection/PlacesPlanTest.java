package ee.ska.iste.core.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.ref.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reading the places file: what a year not listed gets, and the errors. */
class PlacesPlanTest {
  static final Set<String> COUNTIES = Set.of("0037", "0079");

  static String error(String... lines) {
    return assertThrows(
            PlacesFileException.class,
            () -> PlacesPlan.parse("p.csv", "p", String.join("\n", lines), COUNTIES))
        .getMessage();
  }

  @Test
  void aYearNotListedKeepsThePlacesOfTheYearBefore() {
    PlacesPlan p =
        PlacesPlan.parse(
            "p.csv", "p", "county_code,year,places\n0037,1,10\n0079,2,4\n0079,3,0\n", COUNTIES);
    assertEquals(List.of(10, 10, 10), p.places().get("0037"));
    // Tartu starts in year 2 (0 places in year 1) and ends in year 3
    assertEquals(List.of(0, 4, 0), p.places().get("0079"));
  }

  @Test
  void errorsNameTheFileLineAndColumn() {
    String h = "county_code,year,places";
    assertEquals(
        "p.csv, line 3, column county_code: unknown county code '9999'",
        error(h, "0037,1,10", "9999,1,5"));
    assertEquals(
        "p.csv, line 2, column places: places must not be negative, found -3",
        error(h, "0037,1,-3"));
    assertEquals(
        "p.csv, line 2, column places: 'ten' is not a whole number", error(h, "0037,1,ten"));
    assertEquals(
        "p.csv, line 2, column places: '2.5' is not a whole number", error(h, "0037,1,2.5"));
    assertEquals(
        "p.csv, line 3, column year: year must be 1 to 3, found 4", error("# c", h, "0037,4,1"));
    assertEquals("p.csv, line 2, column year: 'one' is not a whole number", error(h, "0037,one,1"));
    assertEquals("p.csv, line 1: the header must be county_code,year,places", error("county,year"));
    assertEquals(
        "p.csv, line 3: county 0037 year 1 is listed twice", error(h, "0037,1,1", "0037,1,2"));
    assertEquals("p.csv, line 2: 3 fields expected, found 2", error(h, "0037,1"));
  }

  @Test
  void theShippedExampleIsMarkedAndCoversEveryCounty() throws Exception {
    Set<String> counties =
        ReferenceData.builtIn().counties().stream()
            .map(ReferenceData.County::code)
            .collect(Collectors.toSet());
    PlacesPlan example = PlacesPlan.example(counties);
    assertEquals("EXAMPLE", example.source());
    assertEquals(counties, example.places().keySet());
    // the resource and the file at the repository's root say the same
    String resource =
        new String(
            PlacesPlan.class.getResourceAsStream(PlacesPlan.EXAMPLE_RESOURCE).readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    Path root = Path.of("..", "examples", "projection_places.csv");
    assertEquals(Files.readString(root), resource);
    assertTrue(resource.startsWith("# EXAMPLE ONLY - NOT A PLAN."));
  }
}
