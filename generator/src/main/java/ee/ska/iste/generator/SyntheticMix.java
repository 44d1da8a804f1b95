package ee.ska.iste.generator;

import ee.ska.iste.core.ref.RefTable;
import ee.ska.iste.core.ref.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of the synthetic population ({@code generator/weights.csv} on the class path):
 * diagnoses, entry routes, severities, exit reasons, modes and cover-sheet roles. Codes that have a
 * reference code list are checked against it, so a renamed code fails here and not in ingest.
 */
final class SyntheticMix {
  /** Codes of one kind with their weights, in file order. */
  record Weighted(List<String> codes, double[] weights) {
    String draw(Rng rng) {
      return codes.get(rng.weighted(weights));
    }
  }

  private final Map<String, Weighted> byKind;

  private SyntheticMix(Map<String, Weighted> byKind) {
    this.byKind = byKind;
  }

  static SyntheticMix load(ReferenceData ref) {
    RefTable t;
    try (InputStream in = SyntheticMix.class.getResourceAsStream("/generator/weights.csv")) {
      if (in == null) {
        throw new IllegalStateException("generator/weights.csv is missing from the class path");
      }
      t = RefTable.read("generator/weights.csv", new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, List<String>> codes = new LinkedHashMap<>();
    Map<String, List<Double>> weights = new LinkedHashMap<>();
    for (Map<String, String> r : t.rows()) {
      String kind = t.required(r, "kind");
      codes.computeIfAbsent(kind, k -> new ArrayList<>()).add(t.required(r, "code"));
      weights
          .computeIfAbsent(kind, k -> new ArrayList<>())
          .add(Double.parseDouble(t.required(r, "weight")));
    }
    Map<String, Weighted> out = new LinkedHashMap<>();
    codes.forEach(
        (k, c) ->
            out.put(
                k,
                new Weighted(
                    List.copyOf(c),
                    weights.get(k).stream().mapToDouble(Double::doubleValue).toArray())));
    SyntheticMix mix = new SyntheticMix(out);
    mix.checkAgainst("entry_route", ref.codes("entry_routes"));
    mix.checkAgainst("severity", ref.codes("severities"));
    mix.checkAgainst("exit_reason", ref.codes("exit_reasons"));
    mix.checkAgainst("mode", ref.codes("modes"));
    mix.of("diagnosis");
    mix.of("role");
    return mix;
  }

  Weighted of(String kind) {
    Weighted w = byKind.get(kind);
    if (w == null) {
      throw new IllegalStateException("generator/weights.csv has no rows of kind " + kind);
    }
    return w;
  }

  private void checkAgainst(String kind, List<String> known) {
    for (String c : of(kind).codes()) {
      if (!known.contains(c)) {
        throw new IllegalStateException(
            "generator/weights.csv: " + kind + " code " + c + " is not in reference data");
      }
    }
  }
}
