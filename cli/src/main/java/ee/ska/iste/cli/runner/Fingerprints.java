package ee.ska.iste.cli.runner;

import ee.ska.iste.core.ref.RefFingerprint;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.warehouse.RunMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 fingerprints of what a stage works on, so that unchanged work can be recognised and
 * skipped: a quarter's submissions, the reference data (of one quarter, or whole; each computed
 * once per run, the tables do not change in a run) and everything staged.
 */
final class Fingerprints {
  private final ReferenceData ref;
  private final Map<Quarter, String> refByQuarter = new ConcurrentHashMap<>();
  private String refAll;

  Fingerprints(ReferenceData ref) {
    this.ref = ref;
  }

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

  /**
   * What a quarter is ingested from: its submissions and the entries refused unread that it records
   * (one line each), so that a new bad file is recorded even when no submission changed.
   */
  static String ofQuarter(List<RunMetadata.InputFile> files, CharSequence refusals) {
    return of(ofInputs(files) + "\n" + refusals);
  }

  /** The reference data's fingerprint for one quarter. */
  String ref(Quarter q) {
    return refByQuarter.computeIfAbsent(q, k -> RefFingerprint.ofQuarter(ref, k));
  }

  /** The fingerprint of the whole reference data. */
  String ref() {
    if (refAll == null) {
      refAll = RefFingerprint.of(ref);
    }
    return refAll;
  }

  /**
   * The fingerprint the model, measures and publish stages complete on: everything staged and the
   * whole reference data (a change to any reference file recomputes them).
   */
  String staged(WorkState state) {
    return of(state.stagedFingerprint() + "\nref " + ref());
  }
}
