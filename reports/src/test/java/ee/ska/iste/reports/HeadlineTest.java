package ee.ska.iste.reports;

import static ee.ska.iste.reports.FixtureDb.count;
import static ee.ska.iste.reports.FixtureDb.kov;
import static ee.ska.iste.reports.FixtureDb.municipalities;
import static ee.ska.iste.reports.FixtureDb.nation;
import static ee.ska.iste.reports.FixtureDb.outcomes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headline figures of Põltsamaa vald (0618) in 2024Q2, worked out by hand: 23 active cases (21
 * the quarter before: change +2; the nation 512); a QoL change of 12.25 (none the quarter before:
 * no change); the share reliably improved 3/7 hidden (so no value and no change, even though 2024Q1
 * shows 0.5); need reduced 0.4 (0.25 before: +0.15); no cost row at all. The trend of active cases
 * over 2023Q3..2024Q2 has 18 in 2023Q4, a hidden 4 in 2023Q3 (a gap) and nothing before.
 */
class HeadlineTest {
  @TempDir Path dir;

  @Test
  void fiveFiguresWithTheirChangeNationAndTrend() throws Exception {
    Path db = Renderers.versionDb(dir, "v1");
    FixtureDb.create(
        db,
        true,
        municipalities(FixtureRows.POLTSAMAA),
        "insert into ref_measure values ('ACTIVE','aktiivsed juhtumid','active cases','',"
            + "'count',null,'count'),('NEED_REDUCED','abivajadus vähenes','need reduced','',"
            + "'share',true,'share')",
        outcomes(
            FixtureRows.POLTSAMAA_ACTIVE,
            count("KOV", "0618", "2024Q1", "ACTIVE", 21, false),
            count("KOV", "0618", "2023Q4", "ACTIVE", 18, false),
            count("KOV", "0618", "2023Q3", "ACTIVE", 4, true),
            count("RIIK", "EE", "2024Q2", "ACTIVE", 512, false),
            FixtureRows.POLTSAMAA_QOL_CHANGE,
            kov("0618", "2024Q2", "QOL_IMPROVED").ratio(3.0 / 7, 3, 7).suppressed(),
            kov("0618", "2024Q1", "QOL_IMPROVED").ratio(0.5, 5, 10),
            kov("0618", "2024Q2", "NEED_REDUCED").ratio(0.4, 4, 10).ci(0.17, 0.69),
            kov("0618", "2024Q1", "NEED_REDUCED").ratio(0.25, 2, 8),
            nation("2024Q2", "NEED_REDUCED").ratio(0.3, 30, 100)));

    Headline h = Headline.read(db, Headline.LEVEL_KOV, "0618", Quarter.parse("2024Q2"));

    assertEquals(Headline.MEASURES, h.items().stream().map(Headline.Item::measure).toList());
    Headline.Item active = h.item("ACTIVE");
    assertEquals(23.0, active.now().value());
    assertEquals(21.0, active.previous().value());
    assertEquals(2.0, active.change());
    assertEquals(512.0, active.nation().value());
    assertEquals("active cases", active.name("en"));
    assertEquals("aktiivsed juhtumid", active.name("et"));
    assertEquals("count", active.unit());
    assertEquals(
        Arrays.asList(null, null, null, null, null, 18.0, 21.0, 23.0),
        active.trend().stream().map(Headline.Point::value).toList());
    assertEquals(Quarter.parse("2022Q3"), active.trend().get(0).quarter());

    Headline.Item qol = h.item("QOL_CHANGE");
    assertEquals(12.25, qol.now().value());
    assertEquals(4.5, qol.now().ciLow());
    assertTrue(qol.previous().missing());
    assertNull(qol.change());

    Headline.Item improved = h.item("QOL_IMPROVED");
    assertTrue(improved.now().hidden());
    assertFalse(improved.now().shown());
    assertNull(improved.now().value());
    assertNull(improved.change(), "a change next to a hidden figure would reveal it");
    assertEquals(0.5, improved.previous().value());

    Headline.Item need = h.item("NEED_REDUCED");
    assertEquals(0.15, need.change(), 1e-12);
    assertEquals(0.3, need.nation().value());
    assertEquals(Boolean.TRUE, need.higherIsBetter());

    Headline.Item cost = h.item("COST_PER_CLIENT");
    assertTrue(cost.now().missing());
    assertEquals("eur", cost.unit());
    assertEquals(List.of(), cost.trend().stream().filter(p -> p.value() != null).toList());
  }
}
