package ee.ska.iste.cli.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.person.KeyFingerprint;
import ee.ska.iste.core.person.PseudonymKeys;
import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.warehouse.BuildFingerprints;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first key is recorded; the same key passes; another key and an interrupted re-key do not. */
class KeyCheckTest {
  private static final Pseudonymiser A =
      PseudonymKeys.fromText("key-a-0123456789-0123456789-0123456789", "a");
  private static final Pseudonymiser B =
      PseudonymKeys.fromText("key-b-0123456789-0123456789-0123456789", "b");

  @TempDir Path root;

  @Test
  void oneKeyPerWarehouse() {
    KeyCheck.requireWarehouseKey(root, A);
    assertEquals(Optional.of(KeyFingerprint.of(A)), BuildFingerprints.of(root).key());
    KeyCheck.requireWarehouseKey(root, A);
    KeyCheck.KeyMismatchException e =
        assertThrows(
            KeyCheck.KeyMismatchException.class, () -> KeyCheck.requireWarehouseKey(root, B));
    assertEquals(
        "the warehouse was built with another key; `--rekey` rebuilds every quarter from the"
            + " archived inputs",
        e.getMessage());
    BuildFingerprints.of(root).beginRekey(KeyFingerprint.of(B));
    KeyCheck.KeyMismatchException interrupted =
        assertThrows(
            KeyCheck.KeyMismatchException.class, () -> KeyCheck.requireWarehouseKey(root, A));
    assertTrue(interrupted.getMessage().contains("interrupted"), interrupted.getMessage());
  }
}
