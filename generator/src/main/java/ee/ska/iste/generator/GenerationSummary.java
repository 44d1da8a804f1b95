package ee.ska.iste.generator;

import ee.ska.iste.core.contract.ContractSheet;
import ee.ska.iste.core.time.Quarter;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a generation wrote.
 *
 * @param submissions submissions written (one per KOV and quarter)
 * @param distinctClients distinct people (personal codes) with a {@code klient} row anywhere,
 *     defective codes not counted
 * @param rowsPerSheet data rows written per sheet, header rows not counted, defective rows counted
 * @param defects defects injected per kind (a duplicate counts once)
 * @param quarters the same per quarter
 */
public record GenerationSummary(
    int submissions,
    long distinctClients,
    Map<ContractSheet, Long> rowsPerSheet,
    Map<DefectKind, Long> defects,
    List<QuarterSummary> quarters) {

  public GenerationSummary {
    if (submissions < 0 || distinctClients < 0) {
      throw new IllegalArgumentException("negative counts in a summary");
    }
    rowsPerSheet =
        Collections.unmodifiableMap(new EnumMap<>(copy(rowsPerSheet, ContractSheet.class)));
    defects = Collections.unmodifiableMap(new EnumMap<>(copy(defects, DefectKind.class)));
    quarters = List.copyOf(quarters);
  }

  /**
   * One quarter's part of the generation.
   *
   * @param clientsActiveAtEnd episodes open on the quarter's last day, over every KOV
   */
  public record QuarterSummary(
      Quarter quarter,
      int submissions,
      long clientsActiveAtEnd,
      Map<ContractSheet, Long> rowsPerSheet,
      long defects) {
    public QuarterSummary {
      rowsPerSheet =
          Collections.unmodifiableMap(new EnumMap<>(copy(rowsPerSheet, ContractSheet.class)));
    }

    /** One line for a console. */
    public String line() {
      return quarter
          + ": "
          + submissions
          + " submissions, "
          + clientsActiveAtEnd
          + " clients active at the quarter's end, rows "
          + rowsText(rowsPerSheet)
          + (defects > 0 ? ", " + defects + " defects" : "");
    }
  }

  /** Total defects injected. */
  public long totalDefects() {
    return defects.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A few lines for a console. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append(submissions)
        .append(" submissions, ")
        .append(distinctClients)
        .append(" distinct clients, rows ");
    sb.append(rowsText(rowsPerSheet));
    if (!defects.isEmpty()) {
      sb.append("\ndefects injected: ").append(totalDefects());
      defects.forEach((k, v) -> sb.append("\n  ").append(k).append(' ').append(v));
    }
    return sb.toString();
  }

  private static String rowsText(Map<ContractSheet, Long> rows) {
    StringBuilder sb = new StringBuilder();
    rows.forEach(
        (k, v) -> {
          if (sb.length() > 0) {
            sb.append(", ");
          }
          sb.append(k.sheetName()).append(' ').append(v);
        });
    return sb.toString();
  }

  private static <K extends Enum<K>> Map<K, Long> copy(Map<K, Long> m, Class<K> type) {
    Map<K, Long> out = new EnumMap<>(type);
    if (m != null) {
      out.putAll(m);
    }
    return out;
  }
}
