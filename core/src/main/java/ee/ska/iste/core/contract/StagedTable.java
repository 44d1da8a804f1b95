package ee.ska.iste.core.contract;

import static ee.ska.iste.core.contract.ValueType.BOOLEAN;
import static ee.ska.iste.core.contract.ValueType.DATE;
import static ee.ska.iste.core.contract.ValueType.DECIMAL;
import static ee.ska.iste.core.contract.ValueType.INTEGER;
import static ee.ska.iste.core.contract.ValueType.STRING;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The staged ({@code stg_}) tables the ingest stage writes, in writing order, with their columns in
 * schema order (docs/tables.md). Every table is partitioned by {@code quarter}, its last column.
 * The data tables, one per data sheet, end with the {@linkplain #COMMON common columns} {@code
 * submission_id, kov_code, source_row, quarter}, which the ingest stage adds to the sheet's own
 * columns.
 */
public enum StagedTable {
  /** One row per submission read (refused and superseded included); key submission_id. */
  SUBMISSION(
      "stg_submission",
      false,
      col("submission_id", STRING),
      col("source_file", STRING),
      col("kov_code", STRING),
      col("submitted_on", DATE),
      col("form_version", STRING),
      col("checksum_sha256", STRING),
      col("status", STRING),
      col("refusal_reason", STRING),
      col("refusal_message", STRING),
      col("rows_read", INTEGER),
      col("rows_accepted", INTEGER),
      col("rows_rejected", INTEGER),
      col("quarter", STRING)),
  /** One row per submission read (not refused) and sheet. */
  INGEST_LOG(
      "stg_ingest_log",
      false,
      col("submission_id", STRING),
      col("source_file", STRING),
      col("kov_code", STRING),
      col("sheet", STRING),
      col("rows_read", INTEGER),
      col("rows_accepted", INTEGER),
      col("rows_rejected", INTEGER),
      col("warnings", STRING),
      col("quarter", STRING)),
  /** One row per rejected row of a loaded submission and broken rule. */
  REJECT(
      "stg_reject",
      false,
      col("submission_id", STRING),
      col("source_file", STRING),
      col("kov_code", STRING),
      col("sheet", STRING),
      col("source_row", INTEGER),
      col("column_name", STRING),
      col("reason_code", STRING),
      col("value", STRING),
      col("message", STRING),
      col("quarter", STRING)),
  /** Sheet klient: one row per accepted episode; key (client_id, kov_code, start_date). */
  CLIENT_EPISODE(
      "stg_client_episode",
      true,
      notNull("client_id", STRING),
      col("birth_year", INTEGER),
      col("birth_month", INTEGER),
      col("sex", STRING),
      notNull("start_date", DATE),
      col("entry_route", STRING),
      col("diagnosis", STRING),
      col("severity", STRING),
      col("cooperative", BOOLEAN),
      col("bto", STRING),
      col("end_date", DATE),
      col("exit_reason", STRING),
      col("age_at_start", INTEGER),
      col("ineligible_reason", STRING)),
  /** Sheet hindamine: one row per assessment and life domain. */
  ASSESSMENT(
      "stg_assessment",
      true,
      notNull("client_id", STRING),
      notNull("assessed_on", DATE),
      notNull("assessment_type", STRING),
      notNull("domain", STRING),
      col("level", INTEGER)),
  /** Sheet plaan: one row per plan version. */
  PLAN(
      "stg_plan",
      true,
      notNull("client_id", STRING),
      notNull("plan_type", STRING),
      notNull("made_on", DATE),
      col("reviewed_on", DATE),
      col("goals", INTEGER),
      col("goals_reached", INTEGER)),
  /** Sheet osalemine: one row per client, month, component, mode, provider. */
  PARTICIPATION(
      "stg_participation",
      true,
      notNull("client_id", STRING),
      notNull("month", STRING),
      notNull("month_start", DATE),
      notNull("component", STRING),
      notNull("mode", STRING),
      col("provider", STRING),
      col("hours", DECIMAL)),
  /** Sheet elukvaliteet: one row per self-assessment; items null when not answered. */
  QOL(
      "stg_qol",
      true,
      notNull("client_id", STRING),
      notNull("assessed_on", DATE),
      notNull("instrument", STRING),
      col("item_1", INTEGER),
      col("item_2", INTEGER),
      col("item_3", INTEGER),
      col("item_4", INTEGER),
      col("item_5", INTEGER),
      col("item_6", INTEGER),
      col("item_7", INTEGER),
      col("item_8", INTEGER));

  /** The columns the ingest stage adds to every data table's own columns, in this order. */
  public static final List<StagedColumn> COMMON = Common.COLUMNS;

  private final String tableName;
  private final boolean dataTable;
  private final List<StagedColumn> ownColumns;
  private final List<StagedColumn> columns;
  private final Map<String, Integer> positions = new HashMap<>();
  private final List<String> ownNames;
  private final Map<String, Integer> ownPositions = new HashMap<>();

  StagedTable(String tableName, boolean dataTable, StagedColumn... own) {
    this.tableName = tableName;
    this.dataTable = dataTable;
    this.ownColumns = List.of(own);
    List<StagedColumn> all = new ArrayList<>(ownColumns);
    if (dataTable) {
      all.addAll(Common.COLUMNS);
    }
    for (int i = 0; i < all.size(); i++) {
      if (positions.putIfAbsent(all.get(i).name(), i) != null) {
        throw new IllegalArgumentException(tableName + ": column " + all.get(i).name() + " twice");
      }
    }
    this.columns = List.copyOf(all);
    this.ownNames = ownColumns.stream().map(StagedColumn::name).toList();
    for (int i = 0; i < ownNames.size(); i++) {
      ownPositions.put(ownNames.get(i), i);
    }
  }

  /** Holds the common columns apart, so that the constants can use them while they are built. */
  private static final class Common {
    static final List<StagedColumn> COLUMNS =
        List.of(
            col("submission_id", STRING),
            notNull("kov_code", STRING),
            col("source_row", INTEGER),
            notNull("quarter", STRING));
  }

  /** The table's name in the warehouse, e.g. {@code stg_client_episode}. */
  public String tableName() {
    return tableName;
  }

  /** True for the tables of a data sheet's accepted rows (they end with {@link #COMMON}). */
  public boolean dataTable() {
    return dataTable;
  }

  /** Every column in schema order, the common ones of a data table included; quarter last. */
  public List<StagedColumn> columns() {
    return columns;
  }

  /**
   * The columns a {@link #row()} fills: a data table's own columns (without {@link #COMMON}); every
   * column of the other tables.
   */
  public List<StagedColumn> ownColumns() {
    return ownColumns;
  }

  /** A column's position in {@link #columns()}; fails naming it when the table has no such one. */
  public int index(String column) {
    Integer i = positions.get(column);
    if (i == null) {
      throw new IllegalArgumentException(tableName + " has no column " + column);
    }
    return i;
  }

  /** The table of this name, e.g. {@code stg_plan}; fails naming it when there is none. */
  public static StagedTable named(String tableName) {
    for (StagedTable t : values()) {
      if (t.tableName.equals(tableName)) {
        return t;
      }
    }
    throw new IllegalArgumentException("not a staged table: " + tableName);
  }

  /**
   * A builder of one row's {@link #ownColumns()}, filled by column name (a data table's common
   * columns are added by the ingest stage).
   */
  public RowBuilder<Object> row() {
    return new RowBuilder<>(tableName, ownNames, ownPositions, new Object[ownNames.size()]);
  }

  private static StagedColumn col(String name, ValueType type) {
    return new StagedColumn(name, type, true);
  }

  private static StagedColumn notNull(String name, ValueType type) {
    return new StagedColumn(name, type, false);
  }
}
