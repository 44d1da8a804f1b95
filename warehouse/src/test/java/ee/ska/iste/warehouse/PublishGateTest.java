package ee.ska.iste.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publish gate plays the outsider against the built database. 2024Q1: Jõhvi (0251, county 0045)
 * has 2 exits, hidden with its county's 2; Antsla (0145, county 0087) 10 and its county 10 are
 * shown, the nation 12. Then Jõhvi = 12 − 10 = 2 exactly: the version is not published, the cell is
 * named, and the published version stays. Hiding Antsla's county and KOV too leaves Jõhvi anywhere
 * in 0..12: published.
 */
class PublishGateTest {
  @TempDir Path root;
  @TempDir Path work;

  private Warehouse warehouse() {
    return Warehouse.at(root)
        .withClock(Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));
  }

  private static RunMetadata run() {
    return RunMetadata.started(
        "0.1.0-test",
        List.of(Quarter.parse("2024Q1")),
        List.of(),
        Instant.parse("2024-05-01T09:00:00Z"));
  }

  private static String exit(String level, String unit, long n, boolean hidden) {
    return "('"
        + level
        + "', '"
        + unit
        + "', 'EXIT', "
        + n
        + ", "
        + n
        + ", NULL, NULL, NULL, NULL, "
        + hidden
        + ")";
  }

  /** 2024Q1's exits: Jõhvi and its county hidden; Antsla and its county hidden or not. */
  private void exits(boolean antslaHidden) throws Exception {
    Fixtures.outcomes(
        Fixtures.layout(work),
        "2024Q1",
        exit("KOV", "0251", 2, true),
        exit("MAAKOND", "0045", 2, true),
        exit("KOV", "0145", 10, antslaHidden),
        exit("MAAKOND", "0087", 10, antslaHidden),
        exit("RIIK", "EE", 12, false));
  }

  @Test
  void aVersionWhosePublicViewGivesAHiddenCellAwayIsNotPublished() throws Exception {
    Warehouse w = warehouse();
    exits(true);
    Version published = w.publish(work, run());

    exits(false);
    DisclosureAuditFailed failed =
        assertThrows(DisclosureAuditFailed.class, () -> w.publish(work, run()));
    assertTrue(
        failed.getMessage().contains("2024Q1 EXIT KOV 0251 (numerator)"), failed.getMessage());
    assertTrue(
        failed.getMessage().contains("2024Q1 EXIT MAAKOND 0045 (numerator)"), failed.getMessage());
    assertFalse(failed.getMessage().contains("0145"), failed.getMessage());
    assertEquals(2, failed.result().failures().size());
    // nothing was published: the earlier version is current
    assertEquals(published.id(), w.current().orElseThrow().id());
  }

  @Test
  void theAuditCommandsCheckRunsOnAPublishedVersion() throws Exception {
    Warehouse w = warehouse();
    exits(true);
    Version v = w.publish(work, run());
    PublicAudit.Result r =
        PublicAudit.run(v.dir().resolve(Warehouse.DATABASE_FILE), ReferenceData.builtIn());
    assertTrue(r.passed(), r.summary());
    // 4 hidden; without the stage's record every hidden figure counts as hidden by the rules
    assertEquals(4, r.hidden());
    assertEquals(0, r.secondary());
  }
}
