package ee.ska.iste.core.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The key's fingerprint tells keys apart and is the HMAC of the constant, not the key. */
class KeyFingerprintTest {
  private static final String KEY = "a-key-for-the-fingerprint-test-0123456789";

  @Test
  void isTheHmacOfTheConstantUnderTheKey() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(
                mac.doFinal(
                    "ISTE pseudonymisation key fingerprint v1".getBytes(StandardCharsets.UTF_8)));
    String fp = KeyFingerprint.of(PseudonymKeys.fromText(KEY, "test"));
    assertEquals(expected, fp);
    assertEquals(64, fp.length());
    assertFalse(fp.contains(HexFormat.of().formatHex(KEY.getBytes(StandardCharsets.UTF_8))));
    assertNotEquals(fp, KeyFingerprint.of(PseudonymKeys.fromText(KEY + "x", "test")));
  }
}
