package ee.ska.iste.pipelines.ingest;

import static ee.ska.iste.pipelines.ingest.TestSubmission.C1;
import static ee.ska.iste.pipelines.ingest.TestSubmission.C2;
import static ee.ska.iste.pipelines.ingest.TestSubmission.P3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.quality.ReasonCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reconciliation corpus: each case is the valid base submission with one defect, and the reject
 * it must give (sheet, Excel row, column, reason). Every case also proves rows read = rows accepted
 * + rows rejected for every sheet, and that no personal code leaves in a reject.
 */
class RejectCorpusTest {
  @TempDir Path tmp;

  /** One defect and the reject it must give; {@code rejectedRows} counts cascades. */
  record Case(
      String name,
      UnaryOperator<TestSubmission> defect,
      String sheet,
      int row,
      String column,
      ReasonCode reason,
      int rejectedRows) {
    @Override
    public String toString() {
      return name;
    }
  }

  // A valid klient row for P3 (born 1985-01-01); the klient cases append it with one cell changed.
  private static final String P3_KLIENT = P3 + ",2024-04-02,C,F20.0,RASKE,JAH,10000001,,";

  private static UnaryOperator<TestSubmission> klient(String column, String value) {
    return t -> t.add("klient", P3_KLIENT).set("klient", 4, column, value);
  }

  private static UnaryOperator<TestSubmission> row(String sheet, String row) {
    return t -> t.add(sheet, row);
  }

  private static Case c(
      String name,
      UnaryOperator<TestSubmission> d,
      String sheet,
      int row,
      String col,
      ReasonCode r) {
    return new Case(name, d, sheet, row, col, r, 1);
  }

  static Stream<Case> corpus() {
    List<Case> k = new ArrayList<>();
    // --- klient: appended row 4 for P3 with one defect
    k.add(
        c(
            "code check digit",
            klient("isikukood", "38501010003"),
            "klient",
            4,
            "isikukood",
            ReasonCode.INVALID_PERSONAL_CODE));
    k.add(
        c(
            "code 10 digits",
            klient("isikukood", "3850101000"),
            "klient",
            4,
            "isikukood",
            ReasonCode.INVALID_PERSONAL_CODE));
    k.add(
        c(
            "code letters",
            klient("isikukood", "ABCDEFGHIJK"),
            "klient",
            4,
            "isikukood",
            ReasonCode.INVALID_PERSONAL_CODE));
    k.add(
        c(
            "code missing",
            klient("isikukood", ""),
            "klient",
            4,
            "isikukood",
            ReasonCode.VALUE_REQUIRED));
    k.add(
        c(
            "algus 30 Feb",
            klient("algus", "2024-02-30"),
            "klient",
            4,
            "algus",
            ReasonCode.DATE_UNPARSEABLE));
    k.add(
        c(
            "algus US form",
            klient("algus", "04/02/2024"),
            "klient",
            4,
            "algus",
            ReasonCode.DATE_UNPARSEABLE));
    k.add(c("algus missing", klient("algus", ""), "klient", 4, "algus", ReasonCode.VALUE_REQUIRED));
    k.add(
        c(
            "route D",
            klient("sisenemise_tee", "D"),
            "klient",
            4,
            "sisenemise_tee",
            ReasonCode.UNKNOWN_CODE));
    k.add(
        c(
            "diagnosis words",
            klient("pohidiagnoos", "skisofreenia"),
            "klient",
            4,
            "pohidiagnoos",
            ReasonCode.DIAGNOSIS_INVALID));
    k.add(
        c(
            "diagnosis missing",
            klient("pohidiagnoos", ""),
            "klient",
            4,
            "pohidiagnoos",
            ReasonCode.VALUE_REQUIRED));
    k.add(
        c(
            "severity unknown",
            klient("raskusaste", "KESKMINE"),
            "klient",
            4,
            "raskusaste",
            ReasonCode.UNKNOWN_CODE));
    k.add(
        c(
            "cooperation MAYBE",
            klient("koostoovalmis", "MAYBE"),
            "klient",
            4,
            "koostoovalmis",
            ReasonCode.UNKNOWN_CODE));
    k.add(c("bto missing", klient("bto", ""), "klient", 4, "bto", ReasonCode.VALUE_REQUIRED));
    k.add(
        c(
            "lopp 31 Jun",
            t -> klient("lopp", "2024-06-31").apply(t).set("klient", 4, "valjumise_pohjus", "MUU"),
            "klient",
            4,
            "lopp",
            ReasonCode.DATE_UNPARSEABLE));
    k.add(
        c(
            "lopp without reason",
            klient("lopp", "2024-06-10"),
            "klient",
            4,
            "valjumise_pohjus",
            ReasonCode.EXIT_REASON_MISSING));
    k.add(
        c(
            "reason without lopp",
            klient("valjumise_pohjus", "MUU"),
            "klient",
            4,
            "lopp",
            ReasonCode.EXIT_REASON_WITHOUT_END));
    k.add(
        c(
            "lopp before algus",
            t -> klient("lopp", "2024-04-01").apply(t).set("klient", 4, "valjumise_pohjus", "MUU"),
            "klient",
            4,
            "lopp",
            ReasonCode.END_BEFORE_START));
    k.add(
        c(
            "exit reason unknown",
            t ->
                klient("lopp", "2024-06-01")
                    .apply(t)
                    .set("klient", 4, "valjumise_pohjus", "PUHKUS"),
            "klient",
            4,
            "valjumise_pohjus",
            ReasonCode.UNKNOWN_CODE));
    k.add(
        c(
            "episode starts after quarter",
            klient("algus", "2024-07-01"),
            "klient",
            4,
            "algus",
            ReasonCode.EPISODE_NOT_ACTIVE));
    k.add(
        c(
            "episode ended before quarter",
            t ->
                klient("algus", "2023-05-01")
                    .apply(t)
                    .set("klient", 4, "lopp", "2024-03-31")
                    .set("klient", 4, "valjumise_pohjus", "MUU"),
            "klient",
            4,
            "lopp",
            ReasonCode.EPISODE_NOT_ACTIVE));
    k.add(
        c(
            "klient duplicate row",
            row("klient", C1 + ",2024-01-10,B,F20.0,RASKE,JAH,10000001,,"),
            "klient",
            4,
            null,
            ReasonCode.DUPLICATE_ROW));
    k.add(
        c(
            "klient duplicate key",
            row("klient", C1 + ",2024-01-10,A,F20.0,RASKE,JAH,10000001,,"),
            "klient",
            4,
            null,
            ReasonCode.DUPLICATE_KEY));
    k.add(
        c(
            "klient unquoted comma",
            row("klient", P3_KLIENT + ",extra"),
            "klient",
            4,
            null,
            ReasonCode.EXTRA_CELLS));
    // --- hindamine: appended row 5
    k.add(
        c(
            "assessment for unknown person",
            row("hindamine", P3 + ",2024-04-12,ESMANE,SUHTED,2"),
            "hindamine",
            5,
            "isikukood",
            ReasonCode.CLIENT_NOT_IN_KLIENT));
    k.add(
        c(
            "assessment after quarter",
            row("hindamine", C1 + ",2024-07-01,KORDUV,SUHTED,2"),
            "hindamine",
            5,
            "kuupaev",
            ReasonCode.OUTSIDE_QUARTER));
    k.add(
        c(
            "assessment type",
            row("hindamine", C1 + ",2024-05-01,TEINE,SUHTED,2"),
            "hindamine",
            5,
            "liik",
            ReasonCode.UNKNOWN_CODE));
    k.add(
        c(
            "assessment domain",
            row("hindamine", C1 + ",2024-05-01,KORDUV,SPORT,2"),
            "hindamine",
            5,
            "eluvaldkond",
            ReasonCode.UNKNOWN_CODE));
    k.add(
        c(
            "level 5",
            row("hindamine", C1 + ",2024-05-01,KORDUV,SUHTED,5"),
            "hindamine",
            5,
            "tase",
            ReasonCode.LEVEL_OUT_OF_RANGE));
    k.add(
        c(
            "level words",
            row("hindamine", C1 + ",2024-05-01,KORDUV,SUHTED,kolm"),
            "hindamine",
            5,
            "tase",
            ReasonCode.INTEGER_UNPARSEABLE));
    k.add(
        c(
            "level fraction",
            row("hindamine", C1 + ",2024-05-01,KORDUV,SUHTED,2.5"),
            "hindamine",
            5,
            "tase",
            ReasonCode.INTEGER_UNPARSEABLE));
    k.add(
        c(
            "assessment duplicate row",
            row("hindamine", C1 + ",2024-01-12,ESMANE,VAIMNE_TERVIS,3"),
            "hindamine",
            5,
            null,
            ReasonCode.DUPLICATE_ROW));
    k.add(
        c(
            "assessment duplicate key",
            row("hindamine", C1 + ",2024-01-12,ESMANE,VAIMNE_TERVIS,2"),
            "hindamine",
            5,
            null,
            ReasonCode.DUPLICATE_KEY));
    // --- plaan: appended row 4
    k.add(
        c(
            "reached > goals",
            row("plaan", C1 + ",TEGEVUSPLAAN,2024-05-10,2024-06-10,3,4"),
            "plaan",
            4,
            "saavutatud",
            ReasonCode.GOALS_REACHED_EXCEEDS_GOALS));
    k.add(
        c(
            "reached without review",
            row("plaan", C1 + ",TEGEVUSPLAAN,2024-05-10,,3,1"),
            "plaan",
            4,
            "saavutatud",
            ReasonCode.GOALS_REACHED_WITHOUT_REVIEW));
    k.add(
        c(
            "goals negative",
            row("plaan", C1 + ",TEGEVUSPLAAN,2024-05-10,,-1,"),
            "plaan",
            4,
            "eesmarke",
            ReasonCode.GOALS_NEGATIVE));
    k.add(
        c(
            "review before plan",
            row("plaan", C1 + ",TEGEVUSPLAAN,2024-05-10,2024-05-01,3,1"),
            "plaan",
            4,
            "ylevaadatud",
            ReasonCode.REVIEW_BEFORE_PLAN));
    k.add(
        c(
            "plan after quarter",
            row("plaan", C1 + ",TEGEVUSPLAAN,2024-07-02,,3,"),
            "plaan",
            4,
            "koostatud",
            ReasonCode.OUTSIDE_QUARTER));
    k.add(
        c(
            "plan type",
            row("plaan", C1 + ",ARENGUPLAAN,2024-05-10,,3,"),
            "plaan",
            4,
            "liik",
            ReasonCode.UNKNOWN_CODE));
    k.add(
        c(
            "goals missing",
            row("plaan", C1 + ",TEGEVUSPLAAN,2024-05-10,,,"),
            "plaan",
            4,
            "eesmarke",
            ReasonCode.VALUE_REQUIRED));
    k.add(
        c(
            "plan for unknown person",
            row("plaan", P3 + ",TEGEVUSPLAAN,2024-05-10,,3,"),
            "plaan",
            4,
            "isikukood",
            ReasonCode.CLIENT_NOT_IN_KLIENT));
    // --- osalemine: appended row 5
    k.add(
        c(
            "hours zero",
            row("osalemine", C1 + ",2024-06,BT,OSALEJA,10000001,0"),
            "osalemine",
            5,
            "tunnid",
            ReasonCode.HOURS_OUT_OF_RANGE));
    k.add(
        c(
            "hours 745",
            row("osalemine", C1 + ",2024-06,BT,OSALEJA,10000001,745"),
            "osalemine",
            5,
            "tunnid",
            ReasonCode.HOURS_OUT_OF_RANGE));
    k.add(
        c(
            "hours negative",
            row("osalemine", C1 + ",2024-06,BT,OSALEJA,10000001,-3"),
            "osalemine",
            5,
            "tunnid",
            ReasonCode.HOURS_OUT_OF_RANGE));
    k.add(
        c(
            "hours words",
            row("osalemine", C1 + ",2024-06,BT,OSALEJA,10000001,abc"),
            "osalemine",
            5,
            "tunnid",
            ReasonCode.DECIMAL_UNPARSEABLE));
    k.add(
        c(
            "hours unquoted comma",
            row("osalemine", C1 + ",2024-06,BT,OSALEJA,10000001,12,5"),
            "osalemine",
            5,
            null,
            ReasonCode.EXTRA_CELLS));
    k.add(
        c(
            "month after quarter",
            row("osalemine", C1 + ",2024-07,BT,OSALEJA,10000001,5"),
            "osalemine",
            5,
            "kuu",
            ReasonCode.OUTSIDE_QUARTER));
    k.add(
        c(
            "month words",
            row("osalemine", C1 + ",mai 2024,BT,OSALEJA,10000001,5"),
            "osalemine",
            5,
            "kuu",
            ReasonCode.MONTH_UNPARSEABLE));
    k.add(
        c(
            "component",
            row("osalemine", C1 + ",2024-06,MASSAAZ,OSALEJA,10000001,5"),
            "osalemine",
            5,
            "komponent",
            ReasonCode.UNKNOWN_CODE));
    k.add(
        c(
            "mode",
            row("osalemine", C1 + ",2024-06,BT,ONLINE,10000001,5"),
            "osalemine",
            5,
            "viis",
            ReasonCode.UNKNOWN_CODE));
    k.add(
        c(
            "provider missing",
            row("osalemine", C1 + ",2024-06,BT,OSALEJA,,5"),
            "osalemine",
            5,
            "osutaja",
            ReasonCode.VALUE_REQUIRED));
    k.add(
        c(
            "participation unknown person",
            row("osalemine", P3 + ",2024-06,BT,OSALEJA,10000001,5"),
            "osalemine",
            5,
            "isikukood",
            ReasonCode.CLIENT_NOT_IN_KLIENT));
    k.add(
        c(
            "participation duplicate row",
            row("osalemine", C2 + ",2024-05,BT,OSALEJA,10000001,6.25"),
            "osalemine",
            5,
            null,
            ReasonCode.DUPLICATE_ROW));
    k.add(
        c(
            "participation duplicate key",
            row("osalemine", C2 + ",2024-05,BT,OSALEJA,10000001,7"),
            "osalemine",
            5,
            null,
            ReasonCode.DUPLICATE_KEY));
    // --- elukvaliteet: appended row 4
    k.add(
        c(
            "item 11",
            row("elukvaliteet", C1 + ",2024-06-15,ISTE-EQ8,5,5,11,5,5,5,5,5"),
            "elukvaliteet",
            4,
            "k3",
            ReasonCode.ITEM_OUT_OF_RANGE));
    k.add(
        c(
            "item -1",
            row("elukvaliteet", C1 + ",2024-06-15,ISTE-EQ8,5,5,5,5,5,5,5,-1"),
            "elukvaliteet",
            4,
            "k8",
            ReasonCode.ITEM_OUT_OF_RANGE));
    k.add(
        c(
            "item words",
            row("elukvaliteet", C1 + ",2024-06-15,ISTE-EQ8,x,5,5,5,5,5,5,5"),
            "elukvaliteet",
            4,
            "k1",
            ReasonCode.INTEGER_UNPARSEABLE));
    k.add(
        c(
            "instrument",
            row("elukvaliteet", C1 + ",2024-06-15,WHOQOL,5,5,5,5,5,5,5,5"),
            "elukvaliteet",
            4,
            "instrument",
            ReasonCode.UNKNOWN_CODE));
    k.add(
        c(
            "QoL before quarter",
            row("elukvaliteet", C1 + ",2024-03-31,ISTE-EQ8,5,5,5,5,5,5,5,5"),
            "elukvaliteet",
            4,
            "kuupaev",
            ReasonCode.OUTSIDE_QUARTER));
    k.add(
        c(
            "QoL date missing",
            row("elukvaliteet", C1 + ",,ISTE-EQ8,5,5,5,5,5,5,5,5"),
            "elukvaliteet",
            4,
            "kuupaev",
            ReasonCode.VALUE_REQUIRED));
    // a person whose only klient row is rejected has no accepted episode: their QoL row goes too
    k.add(
        new Case(
            "QoL of a rejected klient",
            t ->
                klient("sisenemise_tee", "D")
                    .apply(t)
                    .add("elukvaliteet", P3 + ",2024-06-15,ISTE-EQ8,5,5,5,5,5,5,5,5"),
            "elukvaliteet",
            4,
            "isikukood",
            ReasonCode.CLIENT_NOT_IN_KLIENT,
            2));
    return k.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachDefectIsRejectedWhereItIs(Case c) throws Exception {
    TestSubmission t = c.defect().apply(TestSubmission.base());
    ValidatedSubmission v = TestSubmission.validate(t.writeCsv(tmp, "ISTE_0793_2024Q2"));

    assertTrue(
        v.rejects().stream()
            .anyMatch(
                r ->
                    r.sheet().equals(c.sheet())
                        && r.sourceRow() == c.row()
                        && java.util.Objects.equals(r.column(), c.column())
                        && r.reason() == c.reason()),
        () ->
            c.name()
                + ": expected "
                + c.reason()
                + " at "
                + c.sheet()
                + " row "
                + c.row()
                + " column "
                + c.column()
                + ", got "
                + v.rejects());
    // reconciliation: every row read is accepted or rejected, per sheet
    for (ValidatedSubmission.SheetCount sc : v.sheetCounts()) {
      assertEquals(t.dataRows(sc.sheet()), sc.read(), sc.sheet());
      assertEquals(sc.read(), sc.accepted() + sc.rejected(), sc.sheet());
    }
    assertEquals(c.rejectedRows(), v.rowsRejected(), c.name());
    Set<String> rejectedRowKeys =
        v.rejects().stream().map(r -> r.sheet() + ":" + r.sourceRow()).collect(Collectors.toSet());
    assertEquals(c.rejectedRows(), rejectedRowKeys.size(), c.name());
    // no personal code in a reject's value or message
    for (ValidatedSubmission.Reject r : v.rejects()) {
      for (String code : List.of(C1, C2, P3, "38501010003")) {
        assertFalse(String.valueOf(r.value()).contains(code), c.name());
        assertFalse(r.message().contains(code), c.name());
      }
    }
  }

  @Test
  void theCorpusHasAtLeastFortyKinds() {
    assertTrue(corpus().count() >= 40);
  }

  @Test
  void theBaseIsClean() throws Exception {
    ValidatedSubmission v =
        TestSubmission.validate(TestSubmission.base().writeCsv(tmp, "ISTE_0793_2024Q2"));
    assertEquals(List.of(), v.rejects());
    // 1 cover + 2 + 3 + 2 + 3 + 2 = 13
    assertEquals(13, v.rowsAccepted());
  }

  @Test
  void aQuotedCommaDecimalIsAccepted() throws Exception {
    TestSubmission t = TestSubmission.base().set("osalemine", 2, "tunnid", "12,5");
    ValidatedSubmission v = TestSubmission.validate(t.writeCsv(tmp, "ISTE_0793_2024Q2"));
    assertEquals(List.of(), v.rejects());
    Object hours = v.accepted().get(StagedTables.PARTICIPATION).get(0).values()[6];
    assertEquals(new java.math.BigDecimal("12.50"), hours);
  }
}
