package ee.ska.iste.core.person;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a personal code by a keyed pseudonym: HMAC-SHA256 of the normalised code, as 64
 * lower-case hex digits. The same key gives the same person the same pseudonym in every KOV and
 * quarter; without the key the pseudonym cannot be linked back to the code. Serializable so that
 * Spark tasks can pseudonymise where they read (the key travels with the task, never in text).
 */
public final class Pseudonymiser implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_KEY_BYTES = 32;
  private final SecretKeySpec key;

  public Pseudonymiser(byte[] keyBytes) {
    if (keyBytes == null || keyBytes.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "pseudonymisation key must be at least " + MIN_KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(keyBytes.clone(), ALGORITHM);
  }

  /** The pseudonym of a code (normalised first). */
  public String pseudonym(String personalCode) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest =
          mac.doFinal(PersonalCode.normalise(personalCode).getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** HMAC-SHA256 of {@code message} under the key: for {@link KeyFingerprint} only. */
  byte[] mac(byte[] message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(message);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "Pseudonymiser[HMAC-SHA256, key hidden]";
  }
}
