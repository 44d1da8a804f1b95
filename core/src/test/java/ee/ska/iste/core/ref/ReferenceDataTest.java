package ee.ska.iste.core.ref;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {
  private final ReferenceData ref = ReferenceData.builtIn();
  private final LocalDate day = LocalDate.of(2024, 6, 30);

  @Test
  void theRoundHas34AllocationsFor35KovsAnd780Places() {
    var allocations = ref.allocations(day);
    assertEquals(34, allocations.size());
    assertEquals(35, allocations.stream().mapToInt(a -> a.kovCodes().size()).sum());
    assertEquals(780, allocations.stream().mapToInt(a -> a.places()).sum());
    assertEquals(35, ref.municipalities(day).size());
    assertEquals(13, ref.counties().size());
  }

  @Test
  void thresholdsAndPricesAreData() {
    assertEquals(5, ref.threshold("SUPPRESSION_MIN", day).intValue());
    // Base support: EUR 27/h in 2022, EUR 55/h from 2023 (domain.md).
    RefTable prices = ref.table("prices");
    assertEquals("27", priceOf(prices, LocalDate.of(2022, 6, 1)));
    assertEquals("55", priceOf(prices, LocalDate.of(2023, 6, 1)));
  }

  private static String priceOf(RefTable prices, LocalDate on) {
    return prices.validOn(on).stream()
        .filter(r -> r.get("component").equals("BT") && r.get("mode").equals("OSALEJA"))
        .findFirst()
        .orElseThrow()
        .get("price_eur");
  }
}
