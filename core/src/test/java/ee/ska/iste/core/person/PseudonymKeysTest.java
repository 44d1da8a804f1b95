package ee.ska.iste.core.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeysTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef"; // 32 ASCII bytes

  @TempDir Path tmp;

  @Test
  void refusesWithoutAKey() {
    var e =
        assertThrows(
            PseudonymKeys.MissingKeyException.class, () -> PseudonymKeys.load(null, Map.of()));
    assertTrue(e.getMessage().contains(PseudonymKeys.ENV_VARIABLE));
  }

  @Test
  void refusesAShortKeyWithoutPrintingIt() {
    String shortKey = "only-31-bytes-long-key-00000000";
    var e =
        assertThrows(
            PseudonymKeys.MissingKeyException.class,
            () -> PseudonymKeys.load(null, Map.of(PseudonymKeys.ENV_VARIABLE, shortKey)));
    assertTrue(e.getMessage().contains("31 bytes"));
    assertFalse(e.getMessage().contains(shortKey));
  }

  @Test
  void theFileWinsOverTheEnvironmentAndItsLineBreakIsDropped() throws Exception {
    Path file = Files.writeString(tmp.resolve("key"), KEY + "\n");
    Pseudonymiser fromFile =
        PseudonymKeys.load(
            file, Map.of(PseudonymKeys.ENV_VARIABLE, "another-key-another-key-another-key"));
    Pseudonymiser fromEnv = PseudonymKeys.load(null, Map.of(PseudonymKeys.ENV_VARIABLE, KEY));
    assertEquals(fromEnv.pseudonym("37605030299"), fromFile.pseudonym("37605030299"));
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = tmp.resolve("nope");
    var e =
        assertThrows(
            PseudonymKeys.MissingKeyException.class, () -> PseudonymKeys.load(missing, Map.of()));
    assertTrue(e.getMessage().contains("nope"));
  }
}
