package ee.ska.iste.cli.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.cli.CliFixtures;
import ee.ska.iste.cli.CliFixtures.Run;
import ee.ska.iste.core.person.KeyFingerprint;
import ee.ska.iste.core.person.PseudonymKeys;
import ee.ska.iste.core.person.Pseudonymiser;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.SubmissionFormat;
import ee.ska.iste.warehouse.BuildFingerprints;
import ee.ska.iste.warehouse.InputArchive;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario: a second run into the same output folder with another key after one
 * quarter's file changed must not mix two keys' pseudonyms (every person counted twice). It is
 * refused; {@code --rekey} rebuilds every quarter with the new key, from the input folder and the
 * input archive. A reference-data change recomputes the quarters it touches.
 */
class OneKeyPerWarehouseTest {
  private static final String KEY_A = "first-key-of-this-warehouse-0123456789";
  private static final String KEY_B = "second-key-of-this-warehouse-0123456789";
  private static final List<Quarter> QUARTERS = Quarter.parseRange("2024Q1..2024Q2");

  @TempDir Path dir;

  private RunPlan plan(Path in, String key, boolean rekey, ReferenceData ref) {
    return CliFixtures.plan(in, dir.resolve("out"), List.of(), key, ref, false, List.of(), rekey);
  }

  private static String run(RunPlan plan) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    CliFixtures.runLocally(plan, new PrintStream(log, true, StandardCharsets.UTF_8));
    return log.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anotherKeyIsRefusedRekeyRebuildsEveryQuarterAndAReferenceChangeRecomputesItsQuarters()
      throws Exception {
    Path in = dir.resolve("in");
    CliFixtures.generate(in, QUARTERS, 11, 0.05, SubmissionFormat.CSV);
    Path out = dir.resolve("out");
    Path warehouse = out.resolve("warehouse");

    long submissions;
    try (Stream<Path> s = Files.list(in)) {
      submissions = s.count();
    }
    // a file of an impossible quarter and a stray file: refused, listed, the others published
    Files.writeString(in.resolve("ISTE_0184_1024Q2.xlsx"), "x");
    Files.writeString(in.resolve("saatekiri.txt"), "x");
    Path keyA = Files.writeString(dir.resolve("a.key"), KEY_A);
    Run first = CliFixtures.withInput("run", in, out, keyA, "--no-reports");
    String summary = first.out();
    assertEquals(4, first.code(), summary);
    assertTrue(summary.contains("refused:   2 submission(s)"), summary);
    assertTrue(summary.contains("ISTE_0184_1024Q2.xlsx  QUARTER_IMPOSSIBLE"), summary);
    assertTrue(summary.contains("saatekiri.txt  NAME_NOT_IN_CONTRACT"), summary);
    assertTrue(Files.isSymbolicLink(warehouse.resolve("current")));
    Set<String> codes = personalCodes(in);
    Set<String> asA = pseudonyms(codes, KEY_A);
    Set<String> clientsA = clientIds(warehouse);
    assertFalse(clientsA.isEmpty());
    assertTrue(asA.containsAll(clientsA));
    // the key's fingerprint is stored, never the key
    String stored = Files.readString(warehouse.resolve(BuildFingerprints.FILE));
    assertTrue(stored.contains(KeyFingerprint.of(PseudonymKeys.fromText(KEY_A, "test"))));
    assertFalse(stored.contains(KEY_A));
    // every loaded submission is archived by its checksum
    InputArchive archive = InputArchive.of(warehouse);
    assertEquals(submissions, archive.entries().size());

    // reference data: a threshold row valid from 2024-04-01 touches 2024Q2 only, so only 2024Q2
    // is ingested again; model and measures run again over both quarters
    Path refDir = Files.createDirectories(dir.resolve("ref"));
    String thresholds =
        new String(
            ReferenceData.class.getResourceAsStream("/ref/thresholds.csv").readAllBytes(),
            StandardCharsets.UTF_8);
    Files.writeString(
        refDir.resolve("thresholds.csv"),
        thresholds + "TEST_ONLY_KEY,1,2024-04-01,,a row for a test\n");
    String touched = run(plan(in, KEY_A, false, ReferenceData.withOverrides(refDir)));
    assertTrue(
        touched.lines().anyMatch(l -> l.contains("ingest") && l.contains("quarters 2024Q2 (")),
        touched);
    assertTrue(
        touched.lines().noneMatch(l -> l.contains("ingest") && l.contains("2024Q1")), touched);
    assertTrue(
        touched.lines().anyMatch(l -> l.contains("measures") && l.contains("done")), touched);
    assertEquals(clientsA, clientIds(warehouse));

    // one 2024Q2 file changes (a later esitatud), then a run with another key: refused, exit 2
    Path changed;
    try (Stream<Path> s = Files.list(in)) {
      changed =
          s.filter(p -> p.getFileName().toString().endsWith("2024Q2"))
              .sorted()
              .findFirst()
              .orElseThrow();
    }
    Path cover = changed.resolve("kaas.csv");
    List<String> lines = Files.readAllLines(cover);
    String oldDate = lines.get(1).split(",")[2];
    Files.writeString(
        cover, lines.get(0) + "\n" + lines.get(1).replace(oldDate, "2024-09-30") + "\n");
    String versionBefore = Files.readSymbolicLink(warehouse.resolve("current")).toString();
    Path keyFile = Files.writeString(dir.resolve("b.key"), KEY_B);
    Run refused = CliFixtures.withInput("run", in, out, keyFile, "--no-reports");
    assertEquals(2, refused.code(), refused.err());
    assertTrue(
        refused
            .err()
            .contains(
                "the warehouse was built with another key; `--rekey` rebuilds every quarter from"
                    + " the archived inputs"),
        refused.err());
    assertEquals(versionBefore, Files.readSymbolicLink(warehouse.resolve("current")).toString());
    assertEquals(clientsA, clientIds(warehouse));

    // the changed file is overwritten in the inbox: its old version is still in the archive
    assertTrue(
        archive.entries().stream()
            .anyMatch(e -> e.name().equals(changed.getFileName().toString())));

    // --rekey with key B: every client id is key B's pseudonym of a code in the inbox; none is A's
    run(plan(in, KEY_B, true, ReferenceData.withOverrides(refDir)));
    Set<String> clientsB = clientIds(warehouse);
    Set<String> asB = pseudonyms(codes, KEY_B);
    assertTrue(asB.containsAll(clientsB));
    assertTrue(clientsB.stream().noneMatch(asA::contains));
    // the same people: only a cover date changed, so as many clients as before
    assertEquals(clientsA.size(), clientsB.size());
    assertFalse(Files.exists(out.resolve("rekey-input")));
    // now key A is the other key
    RunPlan withA = plan(in, KEY_A, false, ReferenceData.withOverrides(refDir));
    assertThrows(KeyCheck.KeyMismatchException.class, () -> run(withA));
  }

  private static Set<String> personalCodes(Path in) throws Exception {
    Set<String> codes = new HashSet<>();
    try (Stream<Path> s = Files.walk(in)) {
      for (Path f : s.filter(p -> p.getFileName().toString().equals("klient.csv")).toList()) {
        List<String> lines = Files.readAllLines(f);
        for (String line : lines.subList(1, lines.size())) {
          codes.add(line.split(",", -1)[0].strip());
        }
      }
    }
    return codes;
  }

  private static Set<String> pseudonyms(Set<String> codes, String key) {
    Pseudonymiser p = PseudonymKeys.fromText(key, "test");
    Set<String> out = new HashSet<>();
    codes.forEach(c -> out.add(p.pseudonym(c)));
    return out;
  }

  private static Set<String> clientIds(Path warehouse) throws Exception {
    return new HashSet<>(
        CliFixtures.column(
            CliFixtures.currentDatabase(warehouse),
            "SELECT DISTINCT client_id FROM stg_client_episode"));
  }
}
