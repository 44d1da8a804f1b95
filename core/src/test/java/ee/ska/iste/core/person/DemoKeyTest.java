package ee.ska.iste.core.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoKeyTest {
  @TempDir Path dir;

  @Test
  void aDemoKeyIsMarkedAndRandom() {
    String a = DemoKey.generate(new SecureRandom());
    String b = DemoKey.generate(new SecureRandom());
    // the prefix (32 characters) and 32 bytes as 64 hex digits
    assertEquals(32 + 64, a.length());
    assertTrue(a.startsWith("ISTE-DEMO-KEY-NOT-FOR-REAL-DATA-"), a);
    assertNotEquals(a, b);
    assertTrue(DemoKey.isDemo(a));
    assertTrue(DemoKey.isDemo("  " + a + "\n"));
    // long enough to key a pseudonymiser like any key
    PseudonymKeys.fromText(a, "test");
  }

  @Test
  void realKeysAreNotDemoKeys() {
    assertFalse(DemoKey.isDemo("a-real-key-of-at-least-32-bytes-0123456789"));
    assertFalse(DemoKey.isDemo("x" + DemoKey.PREFIX + "0123"));
    assertFalse(DemoKey.isDemo((String) null));
  }

  @Test
  void readsTheKeyFromTheSamePlaceAsALoad() throws Exception {
    Path demo = dir.resolve("demo.key");
    Files.writeString(demo, DemoKey.generate(new SecureRandom()) + "\n");
    Path real = dir.resolve("real.key");
    Files.writeString(real, "a-real-key-of-at-least-32-bytes-0123456789\n");
    Map<String, String> envDemo = Map.of(PseudonymKeys.ENV_VARIABLE, DemoKey.PREFIX + "00");

    assertTrue(DemoKey.isDemo(demo, Map.of()));
    assertFalse(DemoKey.isDemo(real, envDemo), "the key file wins over the environment");
    assertTrue(DemoKey.isDemo(null, envDemo));
    assertFalse(DemoKey.isDemo(null, Map.of()));
    assertFalse(DemoKey.isDemo(dir.resolve("missing.key"), Map.of()));
  }

  @Test
  void theRefusalNeverShowsTheKey() {
    String message = DemoKey.refusal(null);
    assertEquals(
        "the pseudonymisation key in ISTE_PSEUDONYM_KEY is a demo key (made by 'iste demo', not"
            + " secret): a run on real submissions needs the real key",
        message);
  }
}
