package ee.ska.iste.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-worked cases of primary and secondary suppression and the outsider's audit. */
class SuppressionTest {
  static final DisclosureRules RULES =
      new DisclosureRules(5, 3, 0.25, Map.of(), List.of(), "OCCUPANCY", "CLIENT_DAYS");
  static final Map<String, String> COUNTY = Map.of("A", "C", "B", "C", "D", "C", "E", "C");

  static Figure count(String level, String unit, String measure, long v) {
    return Figure.additive(level, unit, measure, Kind.COUNT, v, v);
  }

  static List<Figure> countyTable(String measure, long... kovs) {
    String[] units = {"A", "B", "D", "E"};
    List<Figure> f = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < kovs.length; i++) {
      f.add(count(Level.KOV, units[i], measure, kovs[i]));
      total += kovs[i];
    }
    f.add(count(Level.COUNTY, "C", measure, total));
    f.add(count(Level.NATION, "EE", measure, total));
    return f;
  }

  static OutsiderModel model(List<Figure> figures) {
    return OutsiderModel.of(figures, RULES, COUNTY, Map.of());
  }

  static Auditor.Check check(
      List<Auditor.Check> audit, OutsiderModel m, String level, String unit, String measure) {
    int i = m.indexOf(level, unit, measure);
    return audit.stream().filter(c -> c.figure() == i).findFirst().orElseThrow();
  }

  @Test
  void aCellRecoveredBySubtractionInAThreeKovCountyIsProtected() {
    // A 3, B 10, D 12; county and nation 25. Primary hides A; 25 - 10 - 12 = 3 gives it away.
    OutsiderModel m = model(countyTable("ACTIVE", 3, 10, 12));
    boolean[] primary = Primary.mask(m);
    Auditor.Check before =
        check(new Auditor(m).audit(primary, primary, true), m, Level.KOV, "A", "ACTIVE");
    assertEquals(3, before.low());
    assertEquals(3, before.high());
    assertFalse(before.pass());

    Suppression.Result r = new Suppression(m).apply();
    assertEquals(Suppression.Reason.PRIMARY, r.reasons()[m.indexOf(Level.KOV, "A", "ACTIVE")]);
    // the smallest other cell of the county's table, B (10), is hidden too: A + B = 13, A in [0,
    // 13]
    assertEquals(Suppression.Reason.SECONDARY, r.reasons()[m.indexOf(Level.KOV, "B", "ACTIVE")]);
    assertNull(r.reasons()[m.indexOf(Level.KOV, "D", "ACTIVE")]);
    assertNull(r.reasons()[m.indexOf(Level.COUNTY, "C", "ACTIVE")]);
    assertTrue(r.passed());
    Auditor.Check after = check(r.audit(), m, Level.KOV, "A", "ACTIVE");
    assertEquals(0, after.low());
    assertEquals(13, after.high());
  }

  @Test
  void twoHiddenOnesUnderAVisibleTotalOfTwoAreProtected() {
    // A 1, B 1, D 10, E 0; county 12. Primary hides A and B: A + B = 2, each in [0, 2], 2 wide.
    OutsiderModel m = model(countyTable("EXIT", 1, 1, 10, 0));
    Auditor.Check before =
        check(
            new Auditor(m).audit(Primary.mask(m), Primary.mask(m), true),
            m,
            Level.KOV,
            "A",
            "EXIT");
    assertEquals(0, before.low());
    assertEquals(2, before.high());
    assertFalse(before.pass());

    Suppression.Result r = new Suppression(m).apply();
    // hiding the zero (E) would leave the hidden total at 2; D (10) is the smallest that protects
    assertNull(r.reasons()[m.indexOf(Level.KOV, "E", "EXIT")]);
    assertEquals(Suppression.Reason.SECONDARY, r.reasons()[m.indexOf(Level.KOV, "D", "EXIT")]);
    assertTrue(r.passed());
    Auditor.Check after = check(r.audit(), m, Level.KOV, "A", "EXIT");
    assertEquals(0, after.low());
    assertEquals(12, after.high());
  }

  @Test
  void aShareIsHiddenWhenItsNumeratorIsSmallOrItsDenominatorIsBelowTheMinimum() {
    MeasureRule share = MeasureRule.byKind("QOL_WORSENED", Kind.SHARE);
    assertTrue(
        Primary.hides(new Figure(Level.KOV, "A", "QOL_WORSENED", Kind.SHARE, 10, 2, 10), share, 5));
    assertTrue(
        Primary.hides(new Figure(Level.KOV, "A", "QOL_WORSENED", Kind.SHARE, 10, 1, 10), share, 5));
    assertTrue(
        Primary.hides(new Figure(Level.KOV, "A", "QOL_WORSENED", Kind.SHARE, 4, 0, 4), share, 5));
    assertFalse(
        Primary.hides(new Figure(Level.KOV, "A", "QOL_WORSENED", Kind.SHARE, 10, 0, 10), share, 5));
    assertFalse(
        Primary.hides(new Figure(Level.KOV, "A", "QOL_WORSENED", Kind.SHARE, 10, 5, 10), share, 5));
    assertFalse(
        Primary.hides(
            new Figure(Level.NATION, "EE", "QOL_WORSENED", Kind.SHARE, 3, 2, 3), share, 5));
  }

  @Test
  void aShareWhoseNumeratorIsTwoIsProtectedAlongTheHierarchy() {
    // QOL_WORSENED: A 2/10, B 6/20, D 7/30; county 15/60. A is hidden; its numerator 15 - 6 - 7 = 2
    // unless another share is hidden: B (smallest numerator, 6) -> A + B = 8, A in [0, 8]; and the
    // denominators 10 + 20 = 30 (A's denominator is not small, so it need not be protected).
    List<Figure> f = new ArrayList<>();
    f.add(new Figure(Level.KOV, "A", "QOL_WORSENED", Kind.SHARE, 10, 2, 10));
    f.add(new Figure(Level.KOV, "B", "QOL_WORSENED", Kind.SHARE, 20, 6, 20));
    f.add(new Figure(Level.KOV, "D", "QOL_WORSENED", Kind.SHARE, 30, 7, 30));
    f.add(new Figure(Level.COUNTY, "C", "QOL_WORSENED", Kind.SHARE, 60, 15, 60));
    f.add(new Figure(Level.NATION, "EE", "QOL_WORSENED", Kind.SHARE, 60, 15, 60));
    OutsiderModel m = model(f);
    Suppression.Result r = new Suppression(m).apply();
    assertEquals(Suppression.Reason.PRIMARY, r.reasons()[0]);
    assertEquals(Suppression.Reason.SECONDARY, r.reasons()[1]);
    assertNull(r.reasons()[2]);
    assertTrue(r.passed());
    Auditor.Check a = check(r.audit(), m, Level.KOV, "A", "QOL_WORSENED");
    assertEquals(Field.NUM, a.field());
    assertEquals(0, a.low());
    assertEquals(8, a.high());
  }

  @Test
  void aBreakdownByReasonIsAnIdentityTheOutsiderUses() {
    // Two KOVs, no county rows. A: EXIT 7 = EXIT_X 2 + EXIT_Y 5; B: EXIT 20 = EXIT_X 8 + EXIT_Y 12;
    // nation: 27 = 10 + 17. A's EXIT_X is small; 7 - 5 and 10 - 8 both give it away. Hiding the
    // four reason cells of A and B (a cycle) leaves one free parameter t = x_A: y_A = 7 - t,
    // x_B = 10 - t, y_B = 10 + t, all at least 0 for t in [0, 7]: 7 wide. The greedy search gets
    // there in two steps: no single cell of A's breakdown helps (each is pinned again through the
    // nation), so it hides both others of A's tightest identity (EXIT_Y, EXIT), then B's reasons
    // (A's EXIT, now 27 - 20 = 7 to the outsider, is hidden but need not be protected).
    DisclosureRules rules =
        new DisclosureRules(
            5,
            3,
            0.25,
            Map.of(),
            List.of(
                new DisclosureRules.IdentityTemplate(
                    "EXIT_BY_REASON",
                    List.of(
                        new DisclosureRules.Term("EXIT", Field.NUM, -1),
                        new DisclosureRules.Term("EXIT_X", Field.NUM, 1),
                        new DisclosureRules.Term("EXIT_Y", Field.NUM, 1)))),
            "OCCUPANCY",
            "CLIENT_DAYS");
    List<Figure> f = new ArrayList<>();
    f.add(count(Level.KOV, "A", "EXIT", 7));
    f.add(count(Level.KOV, "A", "EXIT_X", 2));
    f.add(count(Level.KOV, "A", "EXIT_Y", 5));
    f.add(count(Level.KOV, "B", "EXIT", 20));
    f.add(count(Level.KOV, "B", "EXIT_X", 8));
    f.add(count(Level.KOV, "B", "EXIT_Y", 12));
    f.add(count(Level.NATION, "EE", "EXIT", 27));
    f.add(count(Level.NATION, "EE", "EXIT_X", 10));
    f.add(count(Level.NATION, "EE", "EXIT_Y", 17));
    OutsiderModel m = OutsiderModel.of(f, rules, Map.of(), Map.of());
    Auditor.Check before =
        check(
            new Auditor(m).audit(Primary.mask(m), Primary.mask(m), true),
            m,
            Level.KOV,
            "A",
            "EXIT_X");
    assertEquals(2, before.low());
    assertEquals(2, before.high());

    Suppression.Result r = new Suppression(m).apply();
    assertTrue(r.passed());
    assertEquals(Suppression.Reason.SECONDARY, r.reasons()[0]);
    assertTrue(r.hidden(1));
    assertTrue(r.hidden(2));
    assertFalse(r.hidden(3));
    assertTrue(r.hidden(4));
    assertTrue(r.hidden(5));
    Auditor.Check after = check(r.audit(), m, Level.KOV, "A", "EXIT_X");
    assertEquals(0, after.low());
    assertEquals(7, after.high());
  }

  @Test
  void sumsAreProtectedByAQuarterOfTheirValueEitherSide() {
    // HOURS: A 40 (2 cases), B 100, D 200; county 340. A hidden; hiding B gives A + B = 140,
    // A in [0, 140]: reaches 40 +- 10.
    List<Figure> f = new ArrayList<>();
    f.add(Figure.additive(Level.KOV, "A", "HOURS", Kind.SUM, 2, 40));
    f.add(Figure.additive(Level.KOV, "B", "HOURS", Kind.SUM, 9, 100));
    f.add(Figure.additive(Level.KOV, "D", "HOURS", Kind.SUM, 12, 200));
    f.add(Figure.additive(Level.COUNTY, "C", "HOURS", Kind.SUM, 23, 340));
    f.add(Figure.additive(Level.NATION, "EE", "HOURS", Kind.SUM, 23, 340));
    OutsiderModel m = model(f);
    Suppression.Result r = new Suppression(m).apply();
    assertTrue(r.passed());
    assertTrue(r.hidden(1));
    Auditor.Check a = check(r.audit(), m, Level.KOV, "A", "HOURS");
    assertEquals(0, a.low(), 1e-9);
    assertEquals(140, a.high(), 1e-9);
  }
}
