package ee.ska.iste.pipelines.ingest;

import ee.ska.iste.core.contract.ContractSheet;
import ee.ska.iste.core.csv.CsvReader;
import ee.ska.iste.core.quality.RefusalReason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Reads a submission folder holding one UTF-8 CSV file per sheet ({@code klient.csv}, …). */
final class CsvSubmissionReader {
  private final ReadCaps caps;

  CsvSubmissionReader(ReadCaps caps) {
    this.caps = caps;
  }

  RawSubmission read(Path folder) throws SubmissionRefused {
    String fileName = folder.getFileName().toString();
    Map<String, RawSheet> sheets = new LinkedHashMap<>();
    Map<String, List<String>> warnings = new LinkedHashMap<>();
    Set<String> known = new TreeSet<>();
    for (ContractSheet spec : ContractSheet.values()) {
      known.add(spec.sheetName() + ".csv");
      Path file = folder.resolve(spec.sheetName() + ".csv");
      if (!Files.isRegularFile(file)) {
        throw new SubmissionRefused(
            RefusalReason.MISSING_SHEET,
            fileName
                + ": sheet '"
                + spec.sheetName()
                + "' is missing (no "
                + spec.sheetName()
                + ".csv)");
      }
      checkSize(file, fileName + ": " + spec.sheetName() + ".csv");
      SheetBuilder builder = new SheetBuilder(fileName, spec, caps);
      try (Reader r = utf8(file);
          CsvReader csv = new CsvReader(r)) {
        for (CsvReader.Record rec = csv.next(); rec != null; rec = csv.next()) {
          builder.row((int) rec.number(), rec.fields(), rec.quoted());
        }
      } catch (CharacterCodingException e) {
        throw new SubmissionRefused(
            RefusalReason.UNREADABLE_FILE,
            fileName + ": " + spec.sheetName() + ".csv is not UTF-8 text");
      } catch (IOException e) {
        throw new SubmissionRefused(
            RefusalReason.UNREADABLE_FILE,
            fileName
                + ": "
                + spec.sheetName()
                + ".csv cannot be read as CSV ("
                + e.getClass().getSimpleName()
                + ")");
      }
      sheets.put(spec.sheetName(), builder.build());
      warnings.put(spec.sheetName(), new ArrayList<>(builder.warnings()));
    }
    try (Stream<Path> files = Files.list(folder)) {
      // A file's name may be a client's name, like a sheet's: counted, never recorded.
      long others =
          files.map(p -> p.getFileName().toString()).filter(n -> !known.contains(n)).count();
      if (others > 0) {
        warnings
            .get(ContractSheet.KAAS.sheetName())
            .add(others + " other file(s) ignored (names not recorded)");
      }
    } catch (IOException e) {
      throw new SubmissionRefused(
          RefusalReason.UNREADABLE_FILE, fileName + ": folder cannot be listed");
    }
    return new RawSubmission(sheets, warnings);
  }

  private void checkSize(Path file, String where) throws SubmissionRefused {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new SubmissionRefused(RefusalReason.UNREADABLE_FILE, where + " cannot be opened");
    }
    if (size > caps.fileBytes()) {
      throw ReadCaps.exceeded(where, "FILE_BYTES", caps.fileBytes(), "bytes");
    }
  }

  private static Reader utf8(Path file) throws IOException {
    return new BufferedReader(
        new InputStreamReader(
            Files.newInputStream(file),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)),
        1 << 16);
  }
}
