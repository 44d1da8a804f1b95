package ee.ska.iste.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.ref.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The self-check ({@link SubmissionCheck}) agrees with the ingest on the whole bad-input corpus:
 * each row-level case of {@link RejectCorpusTest} and each cover and shape case of {@link
 * RefusalTest}, as CSV and as a workbook, gives the same refusal or the same rejects (sheet, row,
 * column, reason, stored value, message) and counts as the ingest's task ({@link
 * SubmissionRead#read}); each hostile file of {@link HostileCorpusTest} is refused with the
 * corpus's reason and message; and the inbox's refusals before reading are the same.
 */
class SelfCheckAgreementTest {
  private static final ReferenceData REF = ReferenceData.builtIn();
  private static final LocalDate TODAY = LocalDate.of(2024, 7, 10);
  private static final String NAME = "ISTE_0793_2024Q2";

  @TempDir Path tmp;

  static Stream<RejectCorpusTest.Case> rejectCorpus() {
    return RejectCorpusTest.corpus();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectCorpus")
  void rowDefectsAsTheIngest(RejectCorpusTest.Case c) throws Exception {
    TestSubmission t = c.defect().apply(TestSubmission.base());
    assertAgree(t.writeCsv(tmp.resolve("csv"), NAME));
    assertAgree(xlsx(t));
  }

  /** The workbook with typed cells, or text cells where a value is no real date (Feb 30). */
  private Path xlsx(TestSubmission t) throws Exception {
    try {
      return t.writeXlsx(tmp.resolve("xlsx"), NAME, true);
    } catch (java.time.DateTimeException e) {
      return t.writeXlsx(tmp.resolve("xlsx-text"), NAME, false);
    }
  }

  static Stream<Arguments> refusalCorpus() {
    return RefusalTest.coverAndShapeDefects();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusalCorpus")
  @SuppressWarnings("unchecked")
  void coverAndShapeDefectsAsTheIngest(
      String name,
      java.util.function.UnaryOperator<TestSubmission> defect,
      Object reason,
      String inMessage)
      throws Exception {
    TestSubmission t = defect.apply(TestSubmission.base());
    SubmissionCheck.Verdict csv = assertAgree(t.writeCsv(tmp.resolve("csv"), NAME));
    SubmissionCheck.Verdict xlsx = assertAgree(xlsx(t));
    assertEquals(reason, csv.refusal(), name);
    assertEquals(reason, xlsx.refusal(), name);
  }

  static Stream<HostileCorpusTest.Case> hostileCorpus() {
    return HostileCorpusTest.corpus();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileCorpus")
  void hostileFilesAsTheIngest(HostileCorpusTest.Case c) throws Exception {
    Path file = c.file().make(tmp);
    List<SubmissionCheck.Verdict> v =
        assertTimeoutPreemptively(
            Duration.ofSeconds(c.seconds()), () -> new SubmissionCheck(REF).check(file, TODAY));
    assertEquals(1, v.size());
    assertEquals(c.reason(), v.get(0).refusal(), v.get(0).refusalMessage());
    for (String s : c.inMessage()) {
      assertTrue(v.get(0).refusalMessage().contains(s), v.get(0).refusalMessage());
    }
  }

  @Test
  void entriesRefusedBeforeReadingAsTheInbox() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path good = TestSubmission.base().writeXlsx(in, NAME, true);
    Files.copy(good, in.resolve("aruanne.xlsx"));
    Files.copy(good, in.resolve("ISTE_0793_2024Q7.xlsx"));
    Files.copy(good, in.resolve("ISTE_0793_2099Q1.xlsx"));
    Files.createSymbolicLink(in.resolve("ISTE_0784_2024Q2.xlsx"), good);
    Inbox inbox = Inbox.scan(in, List.of(), TODAY);
    List<SubmissionCheck.Verdict> folder = new SubmissionCheck(REF).check(in, TODAY);
    List<String> expected = new ArrayList<>();
    inbox.refused().forEach(r -> expected.add(r.reason() + " " + r.message()));
    inbox.submissions().forEach(f -> expected.add("read " + f.fileName()));
    List<String> got = new ArrayList<>();
    for (SubmissionCheck.Verdict v : folder) {
      got.add(v.refused() ? v.refusal() + " " + v.refusalMessage() : "read " + v.name());
    }
    assertEquals(expected.stream().sorted().toList(), got.stream().sorted().toList());
    assertEquals(5, got.size());
    // one entry at a time, as named on the command line: the same judgement
    for (String n :
        List.of(
            "aruanne.xlsx",
            "ISTE_0793_2024Q7.xlsx",
            "ISTE_0793_2099Q1.xlsx",
            "ISTE_0784_2024Q2.xlsx")) {
      SubmissionCheck.Verdict one = new SubmissionCheck(REF).check(in.resolve(n), TODAY).get(0);
      assertTrue(got.contains(one.refusal() + " " + one.refusalMessage()), n);
    }
  }

  /** The check's verdict equals what the ingest's task makes of the file. */
  private static SubmissionCheck.Verdict assertAgree(Path file) {
    SubmissionRead ingest =
        SubmissionRead.read(
            new SubmissionRead.Source(0, file.toString(), Files.isDirectory(file)),
            new SubmissionValidator(REF, IngestJobTest.KEY));
    List<SubmissionCheck.Verdict> verdicts = new SubmissionCheck(REF).check(file, TODAY);
    assertEquals(1, verdicts.size());
    SubmissionCheck.Verdict v = verdicts.get(0);
    assertEquals(ingest.refusal(), v.refusal());
    assertEquals(ingest.refusalMessage(), v.refusalMessage());
    if (ingest.validated() != null) {
      List<List<Object>> rejects = new ArrayList<>();
      for (ValidatedSubmission.Reject r : ingest.validated().rejects()) {
        rejects.add(
            java.util.Arrays.asList(
                r.sheet(), r.sourceRow(), r.column(), r.reason(), r.value(), r.message()));
      }
      List<List<Object>> problems = new ArrayList<>();
      for (SubmissionCheck.Problem p : v.problems()) {
        problems.add(
            java.util.Arrays.asList(
                p.sheet(), p.row(), p.column(), p.reason(), p.value(), p.message()));
      }
      assertEquals(rejects, problems, file.toString());
      List<List<Object>> counts = new ArrayList<>();
      for (ValidatedSubmission.SheetCount c : ingest.validated().sheetCounts()) {
        counts.add(List.of(c.sheet(), c.read(), c.accepted(), c.rejected(), c.warnings()));
      }
      List<List<Object>> sheets = new ArrayList<>();
      for (SubmissionCheck.SheetRows s : v.sheets()) {
        sheets.add(List.of(s.sheet(), s.read(), s.accepted(), s.rejected(), s.warnings()));
      }
      assertEquals(counts, sheets);
    }
    return v;
  }
}
