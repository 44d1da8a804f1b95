package ee.ska.iste.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.quality.RefusalReason;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole-submission refusals: the reason and a message naming the file (and sheet, column). */
class RefusalTest {
  @TempDir Path tmp;

  static Stream<Arguments> coverAndShapeDefects() {
    return Stream.of(
        refusal(
            "no klient sheet", t -> t.dropSheet("klient"), RefusalReason.MISSING_SHEET, "'klient'"),
        refusal(
            "no tunnid column",
            t -> t.dropColumn("osalemine", "tunnid"),
            RefusalReason.MISSING_COLUMN,
            "'tunnid'"),
        refusal(
            "no koostaja column",
            t -> t.dropColumn("kaas", "koostaja"),
            RefusalReason.MISSING_COLUMN,
            "'kaas'"),
        refusal(
            "two cover rows",
            t -> t.add("kaas", "0793,2024Q2,2024-07-06,1,Mari"),
            RefusalReason.COVER_ROW_COUNT,
            "exactly one row"),
        refusal(
            "cover kov other",
            t -> t.set("kaas", 2, "kov", "0784"),
            RefusalReason.COVER_MISMATCH,
            "'kov'"),
        refusal(
            "cover quarter other",
            t -> t.set("kaas", 2, "kvartal", "2024Q1"),
            RefusalReason.COVER_MISMATCH,
            "'kvartal'"),
        refusal(
            "esitatud not a date",
            t -> t.set("kaas", 2, "esitatud", "eile"),
            RefusalReason.COVER_INVALID,
            "'esitatud'"),
        refusal(
            "esitatud before quarter",
            t -> t.set("kaas", 2, "esitatud", "2024-03-31"),
            RefusalReason.SUBMITTED_BEFORE_QUARTER,
            "2024-03-31"),
        refusal(
            "form version 2",
            t -> t.set("kaas", 2, "vorm_versioon", "2"),
            RefusalReason.UNKNOWN_FORM_VERSION,
            "'vorm_versioon'"));
  }

  private static Arguments refusal(
      String name, UnaryOperator<TestSubmission> d, RefusalReason reason, String inMessage) {
    return Arguments.of(name, d, reason, inMessage);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("coverAndShapeDefects")
  void refusesTheWholeSubmission(
      String name, UnaryOperator<TestSubmission> defect, RefusalReason reason, String inMessage)
      throws Exception {
    TestSubmission t = defect.apply(TestSubmission.base());
    for (Path p :
        new Path[] {
          t.writeCsv(tmp, "ISTE_0793_2024Q2"), t.writeXlsx(tmp, "ISTE_0793_2024Q2", true)
        }) {
      SubmissionRefused r = assertThrows(SubmissionRefused.class, () -> TestSubmission.validate(p));
      assertEquals(reason, r.reason(), name + " " + p);
      assertTrue(r.getMessage().startsWith(p.getFileName().toString() + ":"), r.getMessage());
      assertTrue(r.getMessage().contains(inMessage), r.getMessage());
    }
  }

  @Test
  void aKovOutsideTheRoundIsRefused() throws Exception {
    // 0001 is not in allocations.csv
    TestSubmission t = TestSubmission.base().set("kaas", 2, "kov", "0001");
    Path p = t.writeCsv(tmp, "ISTE_0001_2024Q2");
    SubmissionRefused r = assertThrows(SubmissionRefused.class, () -> TestSubmission.validate(p));
    assertEquals(RefusalReason.KOV_NOT_IN_ROUND, r.reason());
  }

  @Test
  void aKovTypedAsAnExcelNumberKeepsItsLeadingZero() throws Exception {
    TestSubmission t = TestSubmission.base().set("kaas", 2, "kov", "793");
    assertEquals(
        13, TestSubmission.validate(t.writeXlsx(tmp, "ISTE_0793_2024Q2", true)).rowsAccepted());
  }

  @Test
  void garbageNamedXlsxIsUnreadable() throws Exception {
    Path p = tmp.resolve("ISTE_0793_2024Q2.xlsx");
    Files.writeString(p, "this is not a workbook " + TestSubmission.C1);
    SubmissionRefused r = assertThrows(SubmissionRefused.class, () -> TestSubmission.validate(p));
    assertEquals(RefusalReason.UNREADABLE_FILE, r.reason());
    assertTrue(r.getMessage().contains("ISTE_0793_2024Q2.xlsx"));
  }

  @Test
  void aTruncatedWorkbookIsUnreadable() throws Exception {
    Path good = TestSubmission.base().writeXlsx(tmp, "full", true);
    byte[] bytes = Files.readAllBytes(good);
    Path p = tmp.resolve("ISTE_0793_2024Q2.xlsx");
    Files.write(p, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    SubmissionRefused r = assertThrows(SubmissionRefused.class, () -> TestSubmission.validate(p));
    assertEquals(RefusalReason.UNREADABLE_FILE, r.reason());
  }

  @Test
  void anEncryptedWorkbookIsPasswordProtected() throws Exception {
    // An encrypted .xlsx is an OLE2 container with an EncryptionInfo stream.
    Path p = tmp.resolve("ISTE_0793_2024Q2.xlsx");
    try (POIFSFileSystem fs = new POIFSFileSystem();
        OutputStream out = Files.newOutputStream(p)) {
      fs.createDocument(new java.io.ByteArrayInputStream(new byte[64]), "EncryptionInfo");
      fs.createDocument(new java.io.ByteArrayInputStream(new byte[64]), "EncryptedPackage");
      fs.writeFilesystem(out);
    }
    SubmissionRefused r = assertThrows(SubmissionRefused.class, () -> TestSubmission.validate(p));
    assertEquals(RefusalReason.PASSWORD_PROTECTED, r.reason());
    assertTrue(r.getMessage().contains("password"));
  }

  @Test
  void aCsvThatIsNotUtf8IsUnreadable() throws Exception {
    Path folder = TestSubmission.base().writeCsv(tmp, "ISTE_0793_2024Q2");
    Files.write(
        folder.resolve("kaas.csv"),
        "kov,kvartal,esitatud,vorm_versioon,koostaja\n0793,2024Q2,2024-07-05,1,J\u00fcri\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    SubmissionRefused r =
        assertThrows(SubmissionRefused.class, () -> TestSubmission.validate(folder));
    assertEquals(RefusalReason.UNREADABLE_FILE, r.reason());
    assertTrue(r.getMessage().contains("kaas.csv"));
  }
}
