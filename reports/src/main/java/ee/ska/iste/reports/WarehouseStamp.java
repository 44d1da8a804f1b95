package ee.ska.iste.reports;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which warehouse a report was made from, printed on its cover and footer.
 *
 * @param version the warehouse version (for example the publish directory's name)
 * @param publishedOn the day the warehouse was published, or null when not known
 */
public record WarehouseStamp(String version, LocalDate publishedOn) {
  public WarehouseStamp {
    Objects.requireNonNull(version, "version");
    if (version.isBlank()) {
      throw new IllegalArgumentException("warehouse version is blank");
    }
  }
}
