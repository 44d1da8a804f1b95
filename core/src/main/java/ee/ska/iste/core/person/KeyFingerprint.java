package ee.ska.iste.core.person;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A fingerprint of the pseudonymisation key that tells two keys apart without giving either away:
 * HMAC-SHA256, under the key, of a fixed text that is not a personal code ({@value #CONSTANT}), as
 * 64 hex digits. The warehouse stores it so that a run with another key is refused instead of
 * mixing two sets of pseudonyms (every person would count twice). The fingerprint is no more use to
 * an attacker than any pseudonym: without the key it can neither be made nor reversed.
 */
public final class KeyFingerprint {
  /** The fixed text whose HMAC is the fingerprint; changing it changes every fingerprint. */
  public static final String CONSTANT = "ISTE pseudonymisation key fingerprint v1";

  private KeyFingerprint() {}

  /** The fingerprint of the key behind {@code pseudonymiser}. */
  public static String of(Pseudonymiser pseudonymiser) {
    return HexFormat.of().formatHex(pseudonymiser.mac(CONSTANT.getBytes(StandardCharsets.UTF_8)));
  }
}
