package ee.ska.iste.pipelines.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ee.ska.iste.core.files.FileTrees;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.GeneratorConfig;
import ee.ska.iste.generator.SubmissionFormat;
import ee.ska.iste.generator.SubmissionGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the reader and validator (the ingest task's entry point, without Spark): valid
 * XLSX and CSV submissions from the generator, mutated by byte flips, truncation, swapped,
 * duplicated or missing zip entries and CSV files, random cell text, huge and empty cells. Every
 * case must end loaded or refused with a reason naming the file, no exception may escape, no
 * refusal may come from the catch-all (an exception nobody foresaw), and for a loaded case rows
 * read = accepted + rejected on every sheet. A failing case names its seed.
 */
class SubmissionFuzzTest {
  private static final long SEED = 20_240_616L;
  private static final int CASES_PER_FORMAT = 150;
  private static final Pattern XML_TEXT = Pattern.compile("<(v|t)( [^>]*)?>([^<]*)</\\1>");

  @TempDir Path tmp;

  private final Map<String, Integer> outcomes = new TreeMap<>();

  @Test
  void everyMutatedSubmissionEndsLoadedOrRefusedWithAReason() throws Exception {
    ReferenceData ref = ReferenceData.builtIn();
    SubmissionValidator validator = new SubmissionValidator(ref, IngestJobTest.KEY);
    Path xlsx = generated(SubmissionFormat.XLSX);
    Path csv = generated(SubmissionFormat.CSV);
    // the unmutated bases load
    assertNotNull(read(xlsx, validator).validated());
    assertNotNull(read(csv, validator).validated());

    Map<String, byte[]> entries = RawZip.read(xlsx);
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(csv)) {
      for (Path p : s.sorted().toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < CASES_PER_FORMAT; i++) {
      long seed = SEED + i;
      Path dir = Files.createDirectories(tmp.resolve("x" + i));
      Path file = dir.resolve(xlsx.getFileName().toString());
      String what = mutateXlsx(new Random(seed), Files.readAllBytes(xlsx), entries, file);
      check("xlsx seed " + seed + " (" + what + ")", read(file, validator), file);
      FileTrees.deleteTree(dir);
    }
    for (int i = 0; i < CASES_PER_FORMAT; i++) {
      long seed = SEED + 100_000 + i;
      Path dir = Files.createDirectories(tmp.resolve("c" + i));
      Path folder = Files.createDirectories(dir.resolve(csv.getFileName().toString()));
      String what = mutateCsv(new Random(seed), files, folder);
      check("csv seed " + seed + " (" + what + ")", read(folder, validator), folder);
      FileTrees.deleteTree(dir);
    }
    System.out.printf(
        "FUZZ %d cases in %.1f s: %s%n",
        2 * CASES_PER_FORMAT, (System.nanoTime() - t0) / 1e9, outcomes);
    // both ends are reached: some mutated files load, some are refused
    assertTrue(outcomes.getOrDefault("loaded", 0) > 0, outcomes.toString());
    assertTrue(outcomes.size() > 1, outcomes.toString());
  }

  /** The median-sized submission the generator writes for 2024Q2 (scale 0.1, some defects). */
  private Path generated(SubmissionFormat format) throws IOException {
    Path out = tmp.resolve("gen-" + format);
    new SubmissionGenerator()
        .generate(
            GeneratorConfig.of(out, List.of(Quarter.parse("2024Q2")), SEED)
                .withScale(0.1)
                .withDefectRate(0.02)
                .withFormat(format));
    List<Path> all;
    try (Stream<Path> s = Files.list(out)) {
      all = new ArrayList<>(s.filter(p -> p.getFileName().toString().startsWith("ISTE_")).toList());
    }
    all.sort(Comparator.comparingLong(SubmissionFuzzTest::size).thenComparing(Path::toString));
    return all.get(all.size() / 2);
  }

  private static long size(Path p) {
    try {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          return s.mapToLong(SubmissionFuzzTest::size).sum();
        }
      }
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static SubmissionRead read(Path p, SubmissionValidator validator) {
    return SubmissionRead.read(
        new SubmissionRead.Source(0, p.toString(), Files.isDirectory(p)), validator);
  }

  private void check(String name, SubmissionRead r, Path p) {
    String fileName = p.getFileName().toString();
    if (r.refusal() != null) {
      assertNull(r.validated(), name);
      assertNotNull(r.refusalMessage(), name);
      assertTrue(
          r.refusalMessage().startsWith(fileName + ":")
              || r.refusalMessage().startsWith(fileName + " "),
          name + ": " + r.refusalMessage());
      if (r.refusalMessage().contains(": could not be read (")) {
        fail(name + ": an unforeseen exception: " + r.refusalMessage());
      }
      outcomes.merge(r.refusal().name(), 1, Integer::sum);
      return;
    }
    ValidatedSubmission v = r.validated();
    assertNotNull(v, name);
    for (ValidatedSubmission.SheetCount c : v.sheetCounts()) {
      assertEquals(c.read(), c.accepted() + c.rejected(), name + " sheet " + c.sheet());
    }
    SubmissionRead.Summary s = r.summary();
    assertEquals(s.rowsRead(), s.rowsAccepted() + s.rowsRejected(), name);
    outcomes.merge("loaded", 1, Integer::sum);
  }

  // --- XLSX mutations

  private static String mutateXlsx(Random r, byte[] bytes, Map<String, byte[]> entries, Path out)
      throws IOException {
    List<String> names = new ArrayList<>(entries.keySet());
    Map<String, byte[]> parts = new LinkedHashMap<>(entries);
    int kind = r.nextInt(10);
    switch (kind) {
      case 0 -> {
        byte[] b = bytes.clone();
        int flips = 1 + r.nextInt(8);
        for (int i = 0; i < flips; i++) {
          b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        Files.write(out, b);
        return "byte flips " + flips;
      }
      case 1 -> {
        Files.write(out, java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length)));
        return "truncated";
      }
      case 2 -> {
        String a = names.get(r.nextInt(names.size()));
        String b = names.get(r.nextInt(names.size()));
        byte[] x = parts.get(a);
        parts.put(a, parts.get(b));
        parts.put(b, x);
        RawZip.write(out, parts);
        return "swapped " + a + " and " + b;
      }
      case 3 -> {
        String a = names.get(r.nextInt(names.size()));
        try (RawZip z = new RawZip(out)) {
          for (Map.Entry<String, byte[]> e : parts.entrySet()) {
            z.deflated(e.getKey(), e.getValue());
          }
          z.deflated(r.nextBoolean() ? a : a.toUpperCase(java.util.Locale.ROOT), parts.get(a));
        }
        return "duplicated " + a;
      }
      case 4 -> {
        String a = names.get(r.nextInt(names.size()));
        parts.remove(a);
        RawZip.write(out, parts);
        return "removed " + a;
      }
      case 5 -> {
        // flip bytes inside one unpacked part (broken XML in a well-formed zip)
        String a = names.get(r.nextInt(names.size()));
        byte[] b = parts.get(a).clone();
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
          b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
        parts.put(a, b);
        RawZip.write(out, parts);
        return "bytes of " + a;
      }
      default -> {
        // cell text: random, huge or empty, in a sheet or the shared strings
        List<String> xml =
            names.stream()
                .filter(n -> n.startsWith("xl/worksheets/") || n.equals("xl/sharedStrings.xml"))
                .toList();
        String a = xml.get(r.nextInt(xml.size()));
        String text = new String(parts.get(a), UTF_8);
        String how = kind == 6 ? "random" : kind == 7 ? "huge" : kind == 8 ? "empty" : "many";
        parts.put(a, mutateCells(r, text, how).getBytes(UTF_8));
        RawZip.write(out, parts);
        return how + " cells in " + a;
      }
    }
  }

  private static String mutateCells(Random r, String xml, String how) {
    Matcher m = XML_TEXT.matcher(xml);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(3), m.end(3)});
    }
    if (spans.isEmpty()) {
      return xml;
    }
    int n = how.equals("many") ? Math.min(spans.size(), 1 + r.nextInt(20)) : 1;
    StringBuilder sb = new StringBuilder(xml);
    // replace from the end so earlier spans keep their offsets
    List<int[]> chosen = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      chosen.add(spans.get(r.nextInt(spans.size())));
    }
    chosen =
        chosen.stream()
            .distinct()
            .sorted(Comparator.comparingInt((int[] s) -> s[0]).reversed())
            .toList();
    for (int[] s : chosen) {
      String v =
          switch (how) {
            case "huge" ->
                r.nextBoolean() ? "9".repeat(40_000) : randomText(r, 20_000 + r.nextInt(30_000));
            case "empty" -> "";
            default -> randomText(r, r.nextInt(40));
          };
      sb.replace(s[0], s[1], escape(v));
    }
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static final String ALPHABET =
      "abcXYZ019 ,.;:-+_\"'\t\n\u00a0õäöüÕÄÖÜšž€<>&=/\\#%@!?()[]{}Eee";

  private static String randomText(Random r, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int k = r.nextInt(20);
      if (k == 0) {
        sb.appendCodePoint(0x1F600 + r.nextInt(50)); // an emoji: a surrogate pair
      } else if (k < 4) {
        sb.append((char) ('0' + r.nextInt(10)));
      } else {
        sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
    }
    return sb.toString();
  }

  // --- CSV mutations

  private static String mutateCsv(Random r, Map<String, byte[]> files, Path folder)
      throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>(files);
    List<String> names = new ArrayList<>(files.keySet());
    String a = names.get(r.nextInt(names.size()));
    String what;
    switch (r.nextInt(9)) {
      case 0 -> {
        byte[] b = out.get(a).clone();
        int flips = 1 + r.nextInt(8);
        for (int i = 0; i < flips; i++) {
          b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        out.put(a, b);
        what = "byte flips in " + a;
      }
      case 1 -> {
        out.put(a, java.util.Arrays.copyOf(out.get(a), r.nextInt(out.get(a).length)));
        what = "truncated " + a;
      }
      case 2 -> {
        String b = names.get(r.nextInt(names.size()));
        byte[] x = out.get(a);
        out.put(a, out.get(b));
        out.put(b, x);
        what = "swapped " + a + " and " + b;
      }
      case 3 -> {
        out.remove(a);
        what = "removed " + a;
      }
      case 4 -> {
        // duplicated lines
        List<String> lines =
            new ArrayList<>(List.of(new String(out.get(a), UTF_8).split("\n", -1)));
        int i = r.nextInt(lines.size());
        lines.add(i, lines.get(i));
        out.put(a, String.join("\n", lines).getBytes(UTF_8));
        what = "duplicated a line of " + a;
      }
      default -> {
        String how =
            switch (r.nextInt(4)) {
              case 0 -> "huge";
              case 1 -> "empty";
              case 2 -> "many";
              default -> "random";
            };
        out.put(a, mutateCsvCells(r, new String(out.get(a), UTF_8), how).getBytes(UTF_8));
        what = how + " cells in " + a;
      }
    }
    for (Map.Entry<String, byte[]> e : out.entrySet()) {
      Files.write(folder.resolve(e.getKey()), e.getValue());
    }
    return what;
  }

  private static String mutateCsvCells(Random r, String csv, String how) {
    List<String> lines = new ArrayList<>(List.of(csv.split("\n", -1)));
    int n = how.equals("many") ? 1 + r.nextInt(20) : 1;
    for (int k = 0; k < n; k++) {
      int li = r.nextInt(lines.size());
      String[] cells = lines.get(li).split(",", -1);
      int ci = r.nextInt(cells.length);
      String v =
          switch (how) {
            case "huge" ->
                r.nextBoolean() ? "9".repeat(40_000) : randomText(r, 20_000 + r.nextInt(30_000));
            case "empty" -> "";
            default -> randomText(r, r.nextInt(40));
          };
      cells[ci] = r.nextBoolean() ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
      lines.set(li, String.join(",", cells));
    }
    return String.join("\n", lines);
  }
}
