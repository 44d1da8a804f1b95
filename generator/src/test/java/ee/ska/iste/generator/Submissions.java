package ee.ska.iste.generator;

import ee.ska.iste.core.csv.CsvReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Test helper: reads generated CSV submissions back. */
final class Submissions {
  private Submissions() {}

  /** The header and data rows of one CSV sheet of a submission folder. */
  static List<List<String>> sheet(Path folder, String sheet) throws IOException {
    try (Reader r =
            Files.newBufferedReader(folder.resolve(sheet + ".csv"), StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(r)) {
      List<List<String>> out = new ArrayList<>();
      for (CsvReader.Record rec : csv.readAll()) {
        out.add(rec.fields());
      }
      return out;
    }
  }

  /** Data rows of a sheet as column -> value maps (empty cell = null). */
  static List<Map<String, String>> rows(Path folder, String sheet) throws IOException {
    List<List<String>> all = sheet(folder, sheet);
    List<String> header = all.get(0);
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> rec : all.subList(1, all.size())) {
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String v = i < rec.size() ? rec.get(i) : "";
        m.put(header.get(i), v.isEmpty() ? null : v);
      }
      out.add(m);
    }
    return out;
  }

  /** Every submission folder under a directory, sorted by name. */
  static List<Path> folders(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  /** Every regular file under a directory, relative, sorted. */
  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }

  /** The KOV code in a submission name ISTE_<kov>_<quarter>. */
  static String kovOf(Path submission) {
    return submission.getFileName().toString().split("_")[1];
  }

  /** The quarter in a submission name ISTE_<kov>_<quarter>[.xlsx]. */
  static String quarterOf(Path submission) {
    return submission.getFileName().toString().split("_")[2].replace(".xlsx", "");
  }
}
