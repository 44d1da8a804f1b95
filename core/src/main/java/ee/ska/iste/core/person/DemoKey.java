package ee.ska.iste.core.person;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The demo's pseudonymisation key: random, but marked as the demo's by the text it starts with
 * ({@value #PREFIX}), so that a run on real submissions can tell it from a real key and refuse it.
 * The key is not secret (it lies beside the demo's output), so pseudonyms made with it protect
 * nobody.
 */
public final class DemoKey {
  /** The text every demo key starts with. */
  public static final String PREFIX = "ISTE-DEMO-KEY-NOT-FOR-REAL-DATA-";

  private DemoKey() {}

  /** A new demo key: {@link #PREFIX} and 32 random bytes in hex. */
  public static String generate(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return PREFIX + HexFormat.of().formatHex(bytes);
  }

  /** Whether a key's text is a demo key (surrounding white space ignored, as for any key). */
  public static boolean isDemo(String keyText) {
    return keyText != null && keyText.strip().startsWith(PREFIX);
  }

  /**
   * Whether the key {@link PseudonymKeys#load} would take from the same arguments is a demo key;
   * false when there is no key or it cannot be read (loading it then says why).
   */
  public static boolean isDemo(Path keyFile, Map<String, String> environment) {
    if (keyFile != null) {
      try {
        return isDemo(Files.readString(keyFile, StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }
    return isDemo(environment.get(PseudonymKeys.ENV_VARIABLE));
  }

  /** What a real run says when given the demo key; never shows the key. */
  public static String refusal(Path keyFile) {
    return "the pseudonymisation key "
        + (keyFile != null ? "in " + keyFile : "in " + PseudonymKeys.ENV_VARIABLE)
        + " is a demo key (made by 'iste demo', not secret): a run on real submissions needs"
        + " the real key";
  }
}
