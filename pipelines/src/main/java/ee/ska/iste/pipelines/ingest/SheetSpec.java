package ee.ska.iste.pipelines.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sheets of a submission and their columns, as contract.md names them. In a CSV submission each
 * sheet is the file {@code <sheet>.csv}.
 */
public enum SheetSpec {
  KAAS(List.of("kov", "kvartal", "esitatud", "vorm_versioon", "koostaja")),
  KLIENT(
      List.of(
          "isikukood",
          "algus",
          "sisenemise_tee",
          "pohidiagnoos",
          "raskusaste",
          "koostoovalmis",
          "bto",
          "lopp",
          "valjumise_pohjus")),
  HINDAMINE(List.of("isikukood", "kuupaev", "liik", "eluvaldkond", "tase")),
  PLAAN(List.of("isikukood", "liik", "koostatud", "ylevaadatud", "eesmarke", "saavutatud")),
  OSALEMINE(List.of("isikukood", "kuu", "komponent", "viis", "osutaja", "tunnid")),
  ELUKVALITEET(
      List.of(
          "isikukood", "kuupaev", "instrument", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8"));

  private final List<String> columns;
  private final Map<String, Integer> positions = new HashMap<>();

  SheetSpec(List<String> columns) {
    this.columns = columns;
    for (int i = 0; i < columns.size(); i++) {
      positions.put(columns.get(i), i);
    }
  }

  /** The sheet's name in the workbook (lower case). */
  public String sheetName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The contract's columns, in contract order. */
  public List<String> columns() {
    return columns;
  }

  /** A contract column's position in {@link #columns()}, or -1. */
  int position(String column) {
    Integer i = positions.get(column);
    return i == null ? -1 : i;
  }
}
