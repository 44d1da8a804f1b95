package ee.ska.iste.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a warehouse was built with survives a reload; a re-key replaces the key at its end. */
class BuildFingerprintsTest {
  @TempDir Path dir;

  @Test
  void recordsReloadsAndReKeys() {
    BuildFingerprints f = BuildFingerprints.of(dir);
    assertTrue(f.key().isEmpty());
    f.recordKey("aaaa");
    f.recordReferenceData("rrrr");
    assertEquals(Optional.of("aaaa"), BuildFingerprints.of(dir).key());
    assertEquals(Optional.of("rrrr"), BuildFingerprints.of(dir).referenceData());
    BuildFingerprints.of(dir).beginRekey("bbbb");
    BuildFingerprints during = BuildFingerprints.of(dir);
    assertEquals(Optional.of("bbbb"), during.rekeyInProgress());
    assertEquals(Optional.of("aaaa"), during.key());
    during.endRekey();
    BuildFingerprints after = BuildFingerprints.of(dir);
    assertEquals(Optional.of("bbbb"), after.key());
    assertTrue(after.rekeyInProgress().isEmpty());
  }
}
