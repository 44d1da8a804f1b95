package ee.ska.iste.core.contract;

import static ee.ska.iste.core.contract.CellType.CODE;
import static ee.ska.iste.core.contract.CellType.DATE;
import static ee.ska.iste.core.contract.CellType.DECIMAL;
import static ee.ska.iste.core.contract.CellType.INTEGER;
import static ee.ska.iste.core.contract.CellType.TEXT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sheets of a submission with their columns, in contract order (contract.md), and the staged
 * table each feeds. In a workbook each is a sheet of this name; in a CSV submission the file {@code
 * <sheet>.csv}.
 */
public enum ContractSheet {
  /** The cover: exactly one row; a broken cover refuses the submission. */
  KAAS(
      StagedTable.SUBMISSION,
      required("kov", TEXT),
      required("kvartal", TEXT),
      required("esitatud", DATE),
      required("vorm_versioon", TEXT, CodeList.ref("form_versions")),
      // free text, never stored; the ingest stage does not check it
      optional("koostaja", TEXT)),
  /** One row per client episode active in the quarter. */
  KLIENT(
      StagedTable.CLIENT_EPISODE,
      required("isikukood", TEXT),
      required("algus", DATE),
      required("sisenemise_tee", CODE, CodeList.ref("entry_routes")),
      required("pohidiagnoos", TEXT),
      required("raskusaste", CODE, CodeList.ref("severities", "severities_outside_target")),
      required("koostoovalmis", CODE, CodeList.fixed("JAH", "EI")),
      required("bto", TEXT),
      optional("lopp", DATE),
      optional("valjumise_pohjus", CODE, CodeList.ref("exit_reasons"))),
  /** One row per assessment and life domain. */
  HINDAMINE(
      StagedTable.ASSESSMENT,
      required("isikukood", TEXT),
      required("kuupaev", DATE),
      required("liik", CODE, CodeList.ref("assessment_types")),
      required("eluvaldkond", CODE, CodeList.ref("domains")),
      required("tase", INTEGER, CodeList.ref("need_levels"))),
  /** One row per plan version. */
  PLAAN(
      StagedTable.PLAN,
      required("isikukood", TEXT),
      required("liik", CODE, CodeList.ref("plan_types")),
      required("koostatud", DATE),
      optional("ylevaadatud", DATE),
      required("eesmarke", INTEGER),
      optional("saavutatud", INTEGER)),
  /** Delivered volume: one row per client, month, component, mode and provider. */
  OSALEMINE(
      StagedTable.PARTICIPATION,
      required("isikukood", TEXT),
      required("kuu", TEXT),
      required("komponent", CODE, CodeList.ref("components")),
      required("viis", CODE, CodeList.ref("modes")),
      required("osutaja", TEXT),
      required("tunnid", DECIMAL)),
  /** Quality-of-life self-assessments made in the quarter; items empty when not answered. */
  ELUKVALITEET(
      StagedTable.QOL,
      required("isikukood", TEXT),
      required("kuupaev", DATE),
      required("instrument", CODE, CodeList.ref("instruments")),
      optional("k1", INTEGER),
      optional("k2", INTEGER),
      optional("k3", INTEGER),
      optional("k4", INTEGER),
      optional("k5", INTEGER),
      optional("k6", INTEGER),
      optional("k7", INTEGER),
      optional("k8", INTEGER));

  private final StagedTable table;
  private final List<SheetColumn> columns;
  private final List<String> columnNames;
  private final Map<String, Integer> positions = new HashMap<>();

  ContractSheet(StagedTable table, SheetColumn... columns) {
    this.table = table;
    this.columns = List.of(columns);
    List<String> names = new ArrayList<>();
    for (SheetColumn c : columns) {
      if (positions.putIfAbsent(c.name(), names.size()) != null) {
        throw new IllegalArgumentException("column " + c.name() + " appears twice");
      }
      names.add(c.name());
    }
    this.columnNames = List.copyOf(names);
  }

  /** The sheet's name in a workbook (lower case); the CSV file is this name plus {@code .csv}. */
  public String sheetName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The staged table the sheet's accepted rows go to ({@code stg_submission} for the cover). */
  public StagedTable table() {
    return table;
  }

  /** The contract's columns, in contract order. */
  public List<SheetColumn> columns() {
    return columns;
  }

  /** The contract's column names, in contract order. */
  public List<String> columnNames() {
    return columnNames;
  }

  /** A column's position in {@link #columns()}, or -1 when the sheet has no such column. */
  public int position(String column) {
    Integer i = positions.get(column);
    return i == null ? -1 : i;
  }

  /** A column's position; fails naming it when the sheet has no such column. */
  public int index(String column) {
    int i = position(column);
    if (i < 0) {
      throw new IllegalArgumentException("sheet " + sheetName() + " has no column " + column);
    }
    return i;
  }

  /** A column by name; fails naming it when the sheet has no such column. */
  public SheetColumn column(String column) {
    return columns.get(index(column));
  }

  /** A builder of one row's cells, filled by column name and given in contract order. */
  public RowBuilder<String> row() {
    return new RowBuilder<>(
        "sheet " + sheetName(), columnNames, positions, new String[columnNames.size()]);
  }

  /** The data sheets (every sheet but the cover), in contract order. */
  public static List<ContractSheet> dataSheets() {
    return List.of(KLIENT, HINDAMINE, PLAAN, OSALEMINE, ELUKVALITEET);
  }

  private static SheetColumn required(String name, CellType type) {
    return new SheetColumn(name, type, true, null);
  }

  private static SheetColumn required(String name, CellType type, CodeList codes) {
    return new SheetColumn(name, type, true, codes);
  }

  private static SheetColumn optional(String name, CellType type) {
    return new SheetColumn(name, type, false, null);
  }

  private static SheetColumn optional(String name, CellType type, CodeList codes) {
    return new SheetColumn(name, type, false, codes);
  }
}
