package ee.ska.iste.core.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContractTest {
  @Test
  void everyTableEndsWithQuarterAndDataTablesWithTheCommonColumns() {
    for (StagedTable t : StagedTable.values()) {
      List<StagedColumn> columns = t.columns();
      assertEquals("quarter", columns.get(columns.size() - 1).name(), t.tableName());
      if (t.dataTable()) {
        assertEquals(
            StagedTable.COMMON, columns.subList(columns.size() - 4, columns.size()), t.tableName());
        assertEquals(t.ownColumns(), columns.subList(0, columns.size() - 4));
      } else {
        assertEquals(t.ownColumns(), columns);
      }
    }
  }

  @Test
  void aRowIsFilledByNameAndComesOutInSchemaOrder() {
    Object[] row =
        StagedTable.PLAN
            .row()
            .set("goals_reached", 2)
            .set("plan_type", "TOETUSPLAAN")
            .set("client_id", "c1")
            .set("goals", 3)
            .set("reviewed_on", null)
            .set("made_on", "2024-04-02")
            .values();
    assertArrayEquals(new Object[] {"c1", "TOETUSPLAAN", "2024-04-02", null, 3, 2}, row);
  }

  @Test
  void aRowFailsOnAnUnknownACommonAMissingOrATwiceSetColumn() {
    assertThrows(IllegalArgumentException.class, () -> StagedTable.PLAN.row().set("goal", 1));
    assertThrows(IllegalArgumentException.class, () -> StagedTable.PLAN.row().set("quarter", "x"));
    assertThrows(
        IllegalArgumentException.class,
        () -> StagedTable.PLAN.row().set("goals", 1).set("goals", 2));
    IllegalStateException missing =
        assertThrows(
            IllegalStateException.class,
            () -> StagedTable.ASSESSMENT.row().set("client_id", "c1").values());
    assertTrue(missing.getMessage().contains("assessed_on"), missing.getMessage());
  }

  @Test
  void aSheetRowIsFilledByNameAndComesOutInContractOrder() {
    String[] row =
        ContractSheet.OSALEMINE
            .row()
            .set("tunnid", "4.5")
            .set("isikukood", "38001010005")
            .set("kuu", "2024-04")
            .set("viis", "PERE")
            .set("komponent", "BT")
            .set("osutaja", "12345678")
            .values();
    assertArrayEquals(
        new String[] {"38001010005", "2024-04", "BT", "PERE", "12345678", "4.5"}, row);
  }

  @Test
  void eachSheetFeedsItsTable() {
    assertEquals(StagedTable.SUBMISSION, ContractSheet.KAAS.table());
    for (ContractSheet s : ContractSheet.dataSheets()) {
      assertTrue(s.table().dataTable(), s.sheetName());
    }
    assertEquals(StagedTable.CLIENT_EPISODE, ContractSheet.KLIENT.table());
    assertEquals(StagedTable.QOL, ContractSheet.ELUKVALITEET.table());
  }

  @Test
  void sheetColumnsAreFoundByName() {
    assertEquals(5, ContractSheet.OSALEMINE.index("tunnid"));
    assertEquals(-1, ContractSheet.OSALEMINE.position("tase"));
    assertThrows(IllegalArgumentException.class, () -> ContractSheet.OSALEMINE.index("tase"));
    assertEquals(
        CodeList.ref("severities", "severities_outside_target"),
        ContractSheet.KLIENT.column("raskusaste").codeList());
  }
}
