package ee.ska.iste.generator;

import java.util.List;

/**
 * The sheets of a submission with their exact contract columns, in contract order (contract.md).
 * The column kinds tell the XLSX writer which cells become dates or numbers.
 */
public enum ContractSheet {
  KAAS("kaas", cols("kov:T", "kvartal:T", "esitatud:D", "vorm_versioon:T", "koostaja:T")),
  KLIENT(
      "klient",
      cols(
          "isikukood:T",
          "algus:D",
          "sisenemise_tee:T",
          "pohidiagnoos:T",
          "raskusaste:T",
          "koostoovalmis:T",
          "bto:T",
          "lopp:D",
          "valjumise_pohjus:T")),
  HINDAMINE("hindamine", cols("isikukood:T", "kuupaev:D", "liik:T", "eluvaldkond:T", "tase:N")),
  PLAAN(
      "plaan",
      cols("isikukood:T", "liik:T", "koostatud:D", "ylevaadatud:D", "eesmarke:N", "saavutatud:N")),
  OSALEMINE(
      "osalemine", cols("isikukood:T", "kuu:T", "komponent:T", "viis:T", "osutaja:T", "tunnid:N")),
  ELUKVALITEET(
      "elukvaliteet",
      cols(
          "isikukood:T",
          "kuupaev:D",
          "instrument:T",
          "k1:N",
          "k2:N",
          "k3:N",
          "k4:N",
          "k5:N",
          "k6:N",
          "k7:N",
          "k8:N"));

  /** How a column's value is typed in a workbook. */
  public enum Kind {
    TEXT,
    DATE,
    NUMBER
  }

  /** A contract column. */
  public record Column(String name, Kind kind) {}

  private final String sheetName;
  private final List<Column> columns;

  ContractSheet(String sheetName, List<Column> columns) {
    this.sheetName = sheetName;
    this.columns = columns;
  }

  /** The sheet name in a workbook; the CSV file is this name plus {@code .csv}. */
  public String sheetName() {
    return sheetName;
  }

  public List<Column> columns() {
    return columns;
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /** The position of a column; fails naming it when the sheet has no such column. */
  public int index(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("sheet " + sheetName + " has no column " + column);
  }

  /** The data sheets (every sheet but the cover). */
  public static List<ContractSheet> dataSheets() {
    return List.of(KLIENT, HINDAMINE, PLAAN, OSALEMINE, ELUKVALITEET);
  }

  private static List<Column> cols(String... specs) {
    return java.util.Arrays.stream(specs)
        .map(
            s -> {
              String[] p = s.split(":");
              Kind k =
                  switch (p[1]) {
                    case "D" -> Kind.DATE;
                    case "N" -> Kind.NUMBER;
                    default -> Kind.TEXT;
                  };
              return new Column(p[0], k);
            })
        .toList();
  }
}
