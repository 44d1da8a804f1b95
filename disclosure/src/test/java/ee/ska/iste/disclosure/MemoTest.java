package ee.ska.iste.disclosure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memo gives a quarter whose model did not change exactly what a new search gives, and nothing
 * for a model that differs in one figure or one flag.
 */
class MemoTest {
  @TempDir Path dir;

  // A 3, B 10, D 12 under a county of 25: A is hidden by the rule, B to protect it
  // (SuppressionTest)
  private static OutsiderModel threeKovs(long a) {
    return SuppressionTest.model(SuppressionTest.countyTable("ACTIVE", a, 10, 12));
  }

  @Test
  void aQuarterSearchedBeforeGetsTheSameResultFromTheMemo() throws IOException {
    OutsiderModel m = threeKovs(3);
    Suppression.Result fresh = new Suppression(m).apply();

    Memo first = Memo.in(dir);
    Suppression.Result computed = first.suppress("2024Q4", m);
    assertEquals(0, first.hits());
    Memo second = Memo.in(dir);
    Suppression.Result kept = second.suppress("2024Q4", threeKovs(3));
    assertEquals(1, second.hits());

    assertArrayEquals(fresh.reasons(), computed.reasons());
    assertArrayEquals(fresh.reasons(), kept.reasons());
    assertEquals(fresh.audit(), kept.audit()); // intervals to the last bit
    assertTrue(kept.passed());
    // one search entry and the passed audit of what it hides
    assertEquals(2, names().size());
  }

  @Test
  void aChangedFigureIsSearchedAgain() {
    Memo.in(dir).suppress("2024Q4", threeKovs(3));
    Memo again = Memo.in(dir);
    // A 4 instead of 3: another model (B is still hidden to protect A)
    Suppression.Result r = again.suppress("2024Q4", threeKovs(4));
    assertEquals(0, again.hits());
    assertArrayEquals(new Suppression(threeKovs(4)).apply().reasons(), r.reasons());
  }

  @Test
  void theGateFindsThePassedAuditOnlyForTheSameHiddenFigures() {
    OutsiderModel m = threeKovs(3);
    Suppression.Result r = Memo.in(dir).suppress("2024Q4", m);
    int n = r.reasons().length;
    boolean[] hidden = new boolean[n];
    boolean[] primary = new boolean[n];
    for (int i = 0; i < n; i++) {
      hidden[i] = r.hidden(i);
      primary[i] = r.reasons()[i] == Suppression.Reason.PRIMARY;
    }
    assertTrue(Memo.in(dir).hasPassed("2024Q4", threeKovs(3), hidden, primary));
    // the same figures in another quarter: not this entry
    assertFalse(Memo.in(dir).hasPassed("2025Q1", threeKovs(3), hidden, primary));
    // the secondary cell B lost its flag on the way: audited again
    boolean[] lost = hidden.clone();
    lost[m.indexOf(Level.KOV, "B", "ACTIVE")] = false;
    assertFalse(Memo.in(dir).hasPassed("2024Q4", threeKovs(3), lost, primary));
  }

  @Test
  void keysDifferInCountsOfCasesForTheSearchOnly() {
    OutsiderModel m = threeKovs(3);
    assertNotEquals(Memo.digest(m, true, null, null), Memo.digest(threeKovs(4), true, null, null));
    assertEquals(Memo.digest(m, true, null, null), Memo.digest(threeKovs(3), true, null, null));
  }

  @Test
  void aDamagedEntryIsSearchedAgainAndPruningKeepsOtherQuarters() throws IOException {
    Memo.in(dir).suppress("2024Q3", threeKovs(4));
    Memo.in(dir).suppress("2024Q4", threeKovs(3));
    for (Path p : names()) {
      if (p.getFileName().toString().startsWith("2024Q4-suppression-")) {
        Files.writeString(p, "iste-disclosure-memo 1\n7\nPS\n");
      }
    }
    Memo m = Memo.in(dir);
    Suppression.Result r = m.suppress("2024Q4", threeKovs(3));
    assertEquals(0, m.hits());
    assertArrayEquals(new Suppression(threeKovs(3)).apply().reasons(), r.reasons());

    // a run of 2024Q4 only that used another model: 2024Q4's old entries go, 2024Q3's stay
    Memo other = Memo.in(dir);
    other.suppress("2024Q4", threeKovs(2));
    other.prune(List.of("2024Q4"));
    List<String> left = names().stream().map(p -> p.getFileName().toString()).sorted().toList();
    assertEquals(4, left.size(), left.toString());
    assertEquals(2, left.stream().filter(s -> s.startsWith("2024Q3-")).count());
    Memo check = Memo.in(dir);
    check.suppress("2024Q4", threeKovs(2));
    assertEquals(1, check.hits());
  }

  private List<Path> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
