package ee.ska.iste.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * New cases per 100 places (a count over a public denominator, per allocation): its primary rule
 * and the identity with the NEW counts of the allocation's KOVs.
 */
class PerAllocationTest {
  static final String ENTRIES = "ENTRIES_PER_100_PLACES";
  static final MeasureRule ENTRIES_RULE =
      new MeasureRule(
          ENTRIES, Kind.RATIO, Protection.COUNT, Protection.NONE, 0, Double.NaN, true, false);
  static final DisclosureRules RULES =
      new DisclosureRules(
          5, 3, 0.25, Map.of(ENTRIES, ENTRIES_RULE), List.of(), DisclosureRules.PER_ALLOCATION);

  static Figure entries(String level, String unit, long activeCases, double newCases) {
    // 24 places x 91 days / 36,500
    return new Figure(level, unit, ENTRIES, Kind.RATIO, activeCases, newCases, 2184.0 / 36500);
  }

  @Test
  void theCountRuleOfItsNumeratorAlone() {
    // one active case, no new case: shown (0 is shown); 3 new cases of 20 active: hidden
    assertFalse(Primary.hides(entries(Level.KOV, "A", 1, 0), ENTRIES_RULE, 5));
    assertTrue(Primary.hides(entries(Level.KOV, "A", 20, 3), ENTRIES_RULE, 5));
    assertFalse(Primary.hides(entries(Level.KOV, "A", 20, 5), ENTRIES_RULE, 5));
    // OCCUPANCY-like rules (a sum numerator) keep the cases-behind rule
    MeasureRule occupancy =
        new MeasureRule(
            "OCCUPANCY", Kind.RATIO, Protection.SUM, Protection.NONE, 0, Double.NaN, true, false);
    assertTrue(Primary.hides(entries(Level.KOV, "A", 1, 0), occupancy, 5));
  }

  @Test
  void aJointAllocationsEntriesTieTheNewCasesOfBothKovs() {
    // joint allocation of A (NEW 2) and B (NEW 4): its figure, numerator 6, under both codes
    List<Figure> f = new ArrayList<>();
    f.add(Figure.additive(Level.KOV, "A", "NEW", Kind.COUNT, 2, 2));
    f.add(Figure.additive(Level.KOV, "B", "NEW", Kind.COUNT, 4, 4));
    f.add(Figure.additive(Level.COUNTY, "C", "NEW", Kind.COUNT, 6, 6));
    f.add(Figure.additive(Level.NATION, "EE", "NEW", Kind.COUNT, 6, 6));
    f.add(entries(Level.KOV, "A", 30, 6));
    f.add(entries(Level.KOV, "B", 30, 6));
    OutsiderModel m =
        OutsiderModel.of(
            f,
            RULES,
            Map.of("A", "C", "B", "C"),
            Map.of("A", List.of("A", "B"), "B", List.of("A", "B")));
    assertTrue(m.dropped().isEmpty(), m.dropped().toString());
    // −entries(A) + NEW(A) + NEW(B) = 0 and the same for B
    assertEquals(
        2,
        m.identities().stream().filter(id -> id.name().startsWith(ENTRIES + " numerator")).count());
    // NEW A (2) and B (4) are hidden by the count rule; the entries figure (6 new, shown) tells
    // the outsider A + B = 6, as the county's NEW does: A and B whole in [0, 6], 6 wide >= 3, so
    // both pass unhidden entries
    Suppression.Result r = new Suppression(m).apply();
    assertTrue(r.audit().stream().allMatch(Auditor.Check::pass), r.audit().toString());
    assertEquals(Suppression.Reason.PRIMARY, r.reasons()[m.indexOf(Level.KOV, "A", "NEW")]);
    assertEquals(Suppression.Reason.PRIMARY, r.reasons()[m.indexOf(Level.KOV, "B", "NEW")]);
    assertEquals(null, r.reasons()[m.indexOf(Level.KOV, "A", ENTRIES)]);
    Auditor.Check a =
        r.audit().stream()
            .filter(c -> c.figure() == m.indexOf(Level.KOV, "A", "NEW"))
            .findFirst()
            .orElseThrow();
    assertEquals(0, a.low(), 1e-9);
    assertEquals(6, a.high(), 1e-9);
  }
}
