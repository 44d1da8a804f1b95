package ee.ska.iste.cli.runner;

import ee.ska.iste.warehouse.RunMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 fingerprints of inputs, so that unchanged work can be recognised and skipped. */
final class Fingerprints {
  private Fingerprints() {}

  static String of(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** The fingerprint of a set of input files: their names and checksums, in order. */
  static String ofInputs(List<RunMetadata.InputFile> files) {
    StringBuilder sb = new StringBuilder();
    for (RunMetadata.InputFile f : files) {
      sb.append(f.name()).append(' ').append(f.sha256()).append('\n');
    }
    return of(sb.toString());
  }
}
