package ee.ska.iste.cli.runner;

import ee.ska.iste.core.person.KeyFingerprint;
import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.warehouse.BuildFingerprints;
import java.nio.file.Path;

/**
 * One key per warehouse. The first run records the key's fingerprint ({@link KeyFingerprint}) in
 * the warehouse root; every later ingest compares the key it was given with it and refuses another
 * key before anything is written: pseudonyms of two keys in one warehouse would count every person
 * twice. {@code run --rekey} is the only way to change the key (it rebuilds every quarter from the
 * input archive); while a re-key is under way every other run is refused.
 */
public final class KeyCheck {
  private KeyCheck() {}

  /** The key is not the warehouse's; the message says what to do and never carries a key. */
  public static final class KeyMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyMismatchException(String message) {
      super(message);
    }
  }

  /** The message of a run refused for its key. */
  public static final String ANOTHER_KEY =
      "the warehouse was built with another key; `--rekey` rebuilds every quarter from the archived"
          + " inputs";

  /**
   * Checks {@code key} against the warehouse under {@code warehouseRoot}, recording it when the
   * warehouse has none yet (its first run, or one built before keys were recorded).
   *
   * @throws KeyMismatchException when the warehouse was built with another key, or a re-key was
   *     interrupted
   */
  public static void requireWarehouseKey(Path warehouseRoot, Pseudonymiser key) {
    BuildFingerprints f = BuildFingerprints.of(warehouseRoot);
    String mine = KeyFingerprint.of(key);
    if (f.rekeyInProgress().isPresent()) {
      throw new KeyMismatchException(
          "a `--rekey` of this warehouse was interrupted: run `run --rekey` again with the new"
              + " key");
    }
    if (f.key().isEmpty()) {
      f.recordKey(mine);
    } else if (!f.key().get().equals(mine)) {
      throw new KeyMismatchException(ANOTHER_KEY);
    }
  }
}
