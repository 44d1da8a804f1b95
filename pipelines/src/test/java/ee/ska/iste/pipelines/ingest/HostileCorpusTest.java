package ee.ska.iste.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ee.ska.iste.core.quality.RefusalReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of whole files (issue 16), beside the row-level {@link RejectCorpusTest}:
 * each hostile or careless file and the refusal it must give, read as the ingest's task reads it.
 * Every case is refused within its time limit with the reason and a message naming the file and the
 * part, sheet, cell or cap. ({@link HostileWorkbookTest} proves with live servers that nothing is
 * fetched; {@link BoundedReadTest} checks each cap against the reference data.)
 */
class HostileCorpusTest {
  @TempDir Path tmp;

  interface Maker {
    Path make(Path dir) throws Exception;
  }

  record Case(String name, Maker file, RefusalReason reason, int seconds, String... inMessage) {
    @Override
    public String toString() {
      return name;
    }
  }

  // a loopback port nobody listens on: a parser that tried it would fail, not hang
  private static final String URL = "http://127.0.0.1:9/evil.dtd";

  static Stream<Case> corpus() {
    String name = HostileFiles.NAME + ".xlsx: ";
    return Stream.of(
        new Case(
            "external DTD in a sheet",
            d ->
                HostileFiles.withDoctype(
                    d, "xl/worksheets/sheet2.xml", "<!DOCTYPE worksheet SYSTEM \"" + URL + "\">"),
            RefusalReason.DOCTYPE_FORBIDDEN,
            30,
            name + "part 'xl/worksheets/sheet2.xml' declares a DOCTYPE"),
        new Case(
            "file DTD in the shared strings",
            d ->
                HostileFiles.withDoctype(
                    d, "xl/sharedStrings.xml", "<!DOCTYPE sst SYSTEM \"file:///etc/passwd\">"),
            RefusalReason.DOCTYPE_FORBIDDEN,
            30,
            "part 'xl/sharedStrings.xml'"),
        new Case(
            "external entity in workbook.xml",
            d ->
                HostileFiles.withDoctype(
                    d,
                    "xl/workbook.xml",
                    "<!DOCTYPE workbook [<!ENTITY x SYSTEM \"" + URL + "\">]>"),
            RefusalReason.DOCTYPE_FORBIDDEN,
            30,
            "part 'xl/workbook.xml'"),
        new Case(
            "entity expansion in styles.xml",
            d ->
                HostileFiles.withDoctype(
                    d,
                    "xl/styles.xml",
                    "<!DOCTYPE styleSheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b"
                        + " \"&a;&a;&a;&a;&a;&a;\">]>"),
            RefusalReason.DOCTYPE_FORBIDDEN,
            30,
            "part 'xl/styles.xml'"),
        new Case(
            "DTD in the content types",
            d ->
                HostileFiles.withDoctype(
                    d, "[Content_Types].xml", "<!DOCTYPE Types SYSTEM \"" + URL + "\">"),
            RefusalReason.DOCTYPE_FORBIDDEN,
            30,
            "part '[Content_Types].xml'"),
        new Case(
            "DTD in the package rels",
            d ->
                HostileFiles.withDoctype(
                    d, "_rels/.rels", "<!DOCTYPE Relationships SYSTEM \"" + URL + "\">"),
            RefusalReason.DOCTYPE_FORBIDDEN,
            30,
            "part '_rels/.rels'"),
        new Case(
            "DTD in a UTF-16 sheet",
            d -> HostileFiles.withUtf16Doctype(d, URL),
            RefusalReason.DOCTYPE_FORBIDDEN,
            30,
            "part 'xl/worksheets/sheet2.xml'"),
        new Case(
            "1.5 GB sheet in a 20 MB workbook",
            HostileFiles::sheetBomb,
            RefusalReason.TOO_LARGE,
            60,
            name
                + "part 'xl/worksheets/sheet2.xml' is over the cap XLSX_SHEET_PART_BYTES"
                + " (1073741824 bytes uncompressed"),
        new Case(
            "1.5 GB shared strings in a 20 MB workbook",
            HostileFiles::sharedStringsBomb,
            RefusalReason.TOO_LARGE,
            60,
            name
                + "part 'xl/sharedStrings.xml' is over the cap SHARED_STRINGS_BYTES (268435456"
                + " bytes uncompressed"),
        new Case(
            "5 million digits in a number cell",
            d ->
                HostileFiles.withCellXml(
                    d, "<v>12.5</v>", "<v>" + HostileFiles.randomDigits(5_000_000, 5) + "</v>"),
            RefusalReason.TOO_LARGE,
            30,
            name + "sheet 'osalemine' cell F2 is over the cap CELL_CHARS (32767 characters"),
        new Case(
            "5 million digits in a CSV number cell",
            d ->
                TestSubmission.base()
                    .set("osalemine", 2, "tunnid", HostileFiles.randomDigits(5_000_000, 6))
                    .writeCsv(d, HostileFiles.NAME),
            RefusalReason.TOO_LARGE,
            30,
            HostileFiles.NAME
                + ": sheet 'osalemine' row 2 column 'tunnid' is over the cap CELL_CHARS"),
        new Case(
            "31 digits in a number cell",
            d -> HostileFiles.withCellXml(d, "<v>12.5</v>", "<v>" + "1".repeat(31) + "</v>"),
            RefusalReason.TOO_LARGE,
            30,
            name
                + "sheet 'osalemine' row 2 column 'tunnid' is over the cap NUMBER_DIGITS (30"
                + " digits"),
        new Case(
            "a cell beyond Excel's last column",
            d ->
                HostileFiles.withCellXml(d, "<v>12.5</v>", "<v>12.5</v></c><c r=\"XFE2\"><v>1</v>"),
            RefusalReason.TOO_LARGE,
            30,
            "SHEET_COLUMNS (16384 columns"),
        new Case(
            "a zip entry twice",
            d -> HostileFiles.withEntryTwice(d, "xl/worksheets/sheet2.xml", false),
            // the zip library refuses it when it opens the zip; the guard's own check is the second
            // line
            RefusalReason.UNREADABLE_FILE,
            30,
            name + "cannot be read as an Excel workbook"),
        new Case(
            "a zip entry twice, once in capitals",
            d -> HostileFiles.withEntryTwice(d, "xl/workbook.xml", true),
            RefusalReason.UNREADABLE_FILE,
            30,
            name + "cannot be read as an Excel workbook"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachHostileFileIsRefusedWithItsReason(Case c) throws Exception {
    Path file = c.file().make(tmp);
    SubmissionRead r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(c.seconds()), () -> BoundedReadTest.read(file));
    BoundedReadTest.assertRefused(r, c.reason(), c.inMessage());
  }
}
