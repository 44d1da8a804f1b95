package ee.ska.iste.core.person;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the pseudonymisation key comes from: a key file given on the command line, else the
 * environment variable {@value #ENV_VARIABLE}. The key is text of at least {@value #MIN_KEY_BYTES}
 * bytes in UTF-8 (surrounding white space, such as a file's final line break, is dropped). Without
 * a key nothing may run: {@link MissingKeyException} says what to do.
 */
public final class PseudonymKeys {
  /** The environment variable holding the key. */
  public static final String ENV_VARIABLE = "ISTE_PSEUDONYM_KEY";

  /** The shortest key accepted, in UTF-8 bytes. */
  public static final int MIN_KEY_BYTES = 32;

  private PseudonymKeys() {}

  /** No key, or a key that is too short or unreadable; the message never carries the key. */
  public static final class MissingKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissingKeyException(String message) {
      super(message);
    }
  }

  /**
   * The pseudonymiser keyed from {@code keyFile} when given, else from the environment.
   *
   * @param keyFile a file holding the key, or null
   * @param environment the process environment ({@code System.getenv()})
   */
  public static Pseudonymiser load(Path keyFile, Map<String, String> environment) {
    String key;
    String source;
    if (keyFile != null) {
      source = "key file " + keyFile;
      try {
        key = Files.readString(keyFile, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new MissingKeyException("cannot read the " + source);
      }
    } else {
      source = "environment variable " + ENV_VARIABLE;
      key = environment.get(ENV_VARIABLE);
      if (key == null || key.isBlank()) {
        throw new MissingKeyException(
            "no pseudonymisation key: set "
                + ENV_VARIABLE
                + " or give --key-file (at least "
                + MIN_KEY_BYTES
                + " bytes of text)");
      }
    }
    return fromText(key, source);
  }

  /** The pseudonymiser for a key given as text; {@code source} names it in messages. */
  public static Pseudonymiser fromText(String key, String source) {
    byte[] bytes = key == null ? new byte[0] : key.strip().getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_KEY_BYTES) {
      throw new MissingKeyException(
          "the pseudonymisation key from the "
              + source
              + " is too short: "
              + bytes.length
              + " bytes, at least "
              + MIN_KEY_BYTES
              + " needed");
    }
    return new Pseudonymiser(bytes);
  }
}
