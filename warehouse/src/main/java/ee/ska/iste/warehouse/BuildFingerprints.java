package ee.ska.iste.warehouse;

import ee.ska.iste.core.files.OutputFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a warehouse was built with, in {@code <root>/fingerprints.properties}: the fingerprint of
 * the pseudonymisation key (an HMAC of a constant under the key, never the key), the fingerprint of
 * the reference data of the last published version, and a mark while a re-key is under way. Every
 * version of the warehouse from the first run on holds pseudonyms of one key; a run with another
 * key is refused (a warehouse with two keys' pseudonyms counts every person twice).
 *
 * <p>Written atomically (a temporary file renamed over the old one), group-readable at most.
 */
public final class BuildFingerprints {
  /** The file's name in the warehouse root. */
  public static final String FILE = "fingerprints.properties";

  private static final String KEY = "pseudonym_key.hmac_sha256";
  private static final String REF = "reference_data.sha256";
  private static final String REKEY = "rekey_in_progress.hmac_sha256";

  private final Path file;
  private final TreeMap<String, String> entries = new TreeMap<>();

  private BuildFingerprints(Path file) {
    this.file = file;
  }

  /** The fingerprints of the warehouse under {@code root} (none yet when the file is missing). */
  public static BuildFingerprints of(Path root) {
    BuildFingerprints f = new BuildFingerprints(root.resolve(FILE));
    if (Files.exists(f.file)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(f.file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f.file, e);
      }
      p.stringPropertyNames().forEach(k -> f.entries.put(k, p.getProperty(k)));
    }
    return f;
  }

  /** The key's fingerprint the warehouse was built with, if recorded. */
  public Optional<String> key() {
    return Optional.ofNullable(entries.get(KEY));
  }

  /** The reference data's fingerprint of the last published version, if recorded. */
  public Optional<String> referenceData() {
    return Optional.ofNullable(entries.get(REF));
  }

  /** The new key's fingerprint while a re-key is under way (set by {@link #beginRekey}). */
  public Optional<String> rekeyInProgress() {
    return Optional.ofNullable(entries.get(REKEY));
  }

  public void recordKey(String fingerprint) {
    entries.put(KEY, fingerprint);
    save();
  }

  public void recordReferenceData(String fingerprint) {
    entries.put(REF, fingerprint);
    save();
  }

  /** Marks a re-key to {@code newKey} as begun: until {@link #endRekey}, other runs are refused. */
  public void beginRekey(String newKey) {
    entries.put(REKEY, newKey);
    save();
  }

  /** The re-key is done: the new key is the warehouse's key. */
  public void endRekey() {
    String k = entries.remove(REKEY);
    if (k != null) {
      entries.put(KEY, k);
    }
    save();
  }

  private void save() {
    // group-readable at most, its folders too (the warehouse root may not exist yet), written
    // whole or not at all
    OutputFiles.createFolders(file.getParent());
    StringBuilder text =
        new StringBuilder("# What this warehouse was built with (never the key itself).\n");
    entries.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    OutputFiles.writeAtomically(
        file, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
