package ee.ska.iste.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outsider's programme after its two-unknown identities are substituted: the intervals worked
 * out by hand, bounds carried across the substitution.
 */
class AuditorProgrammeTest {
  @Test
  void aShareWhoseDenominatorIsACountKeepsItsBoundsThroughTheSubstitution() {
    // ACTIVE: A 3, B 10, D 12 (county and nation 25); share S with S's denominator = ACTIVE of
    // the same unit: numerators A 2, B 6, D 7 (15). A and B hidden in both measures.
    DisclosureRules rules =
        new DisclosureRules(
            5,
            3,
            0.25,
            Map.of(),
            List.of(
                new DisclosureRules.IdentityTemplate(
                    "S_DEN",
                    List.of(
                        new DisclosureRules.Term("ACTIVE", Field.NUM, -1),
                        new DisclosureRules.Term("S", Field.DEN, 1)))),
            Map.of());
    long[] active = {3, 10, 12};
    long[] num = {2, 6, 7};
    String[] units = {"A", "B", "D"};
    List<Figure> f = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      f.add(Figure.additive(Level.KOV, units[i], "ACTIVE", Kind.COUNT, active[i], active[i]));
      f.add(new Figure(Level.KOV, units[i], "S", Kind.SHARE, active[i], num[i], active[i]));
    }
    for (String[] u : new String[][] {{Level.COUNTY, "C"}, {Level.NATION, "EE"}}) {
      f.add(Figure.additive(u[0], u[1], "ACTIVE", Kind.COUNT, 25, 25));
      f.add(new Figure(u[0], u[1], "S", Kind.SHARE, 25, 15, 25));
    }
    OutsiderModel m = OutsiderModel.of(f, rules, Map.of("A", "C", "B", "C", "D", "C"), Map.of());
    boolean[] hidden = new boolean[m.figures().size()];
    for (String u : List.of("A", "B")) {
      hidden[m.indexOf(Level.KOV, u, "ACTIVE")] = true;
      hidden[m.indexOf(Level.KOV, u, "S")] = true;
    }
    List<Auditor.Check> audit = new Auditor(m).audit(hidden, hidden, true);
    // the outsider: den_A = ACTIVE_A, den_B = ACTIVE_B, ACTIVE_A + ACTIVE_B = 25 - 12 = 13,
    // num_A + num_B = 15 - 7 = 8, 0 <= num <= den, a hidden share's denominator >= 1.
    // num_A: 0 (num_B 8 <= den_B, den_A 1..5) up to 8 (den_A 8..12): [0, 8]
    // den_A >= 1 (the share's bound, carried onto ACTIVE_A), den_B >= 1 so den_A <= 12: [1, 12]
    Auditor.Check sNum = find(audit, m, "A", "S", Field.NUM);
    assertEquals(0, sNum.low(), 1e-9);
    assertEquals(8, sNum.high(), 1e-9);
    Auditor.Check sDen = find(audit, m, "A", "S", Field.DEN);
    assertEquals(1, sDen.low(), 1e-9);
    assertEquals(12, sDen.high(), 1e-9);
    Auditor.Check a = find(audit, m, "A", "ACTIVE", Field.NUM);
    assertEquals(1, a.low(), 1e-9);
    assertEquals(12, a.high(), 1e-9);
  }

  static Auditor.Check find(
      List<Auditor.Check> audit, OutsiderModel m, String unit, String measure, Field field) {
    int i = m.indexOf(Level.KOV, unit, measure);
    return audit.stream()
        .filter(c -> c.figure() == i && c.field() == field)
        .findFirst()
        .orElseThrow();
  }
}
