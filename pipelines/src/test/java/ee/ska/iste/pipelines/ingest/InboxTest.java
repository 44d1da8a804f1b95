package ee.ska.iste.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.quality.RefusalReason;
import ee.ska.iste.core.time.Quarter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the inbox scan reads and what it refuses unread, with which reason. */
class InboxTest {
  private static final LocalDate TODAY = LocalDate.of(2024, 8, 1); // in 2024Q3

  @TempDir Path tmp;

  @Test
  void linksFifosAndBadNamesAreRefusedWithAReasonAndNeverOpened() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path outside = Files.writeString(tmp.resolve("secret.xlsx"), "outside the inbox");
    Files.writeString(in.resolve("ISTE_0793_2024Q2.xlsx"), "");
    Files.createSymbolicLink(in.resolve("ISTE_0784_2024Q2.xlsx"), outside);
    Files.createSymbolicLink(in.resolve("ISTE_0145_2024Q2"), tmp); // a link to a folder
    Files.writeString(in.resolve("ISTE_0184_1024Q2.xlsx"), ""); // year 1024: impossible
    Files.writeString(in.resolve("ISTE_0184_2024Q5.xlsx"), ""); // no 5th quarter
    Files.writeString(in.resolve("ISTE_0184_2024Q4.xlsx"), ""); // not begun on TODAY
    Files.writeString(in.resolve("kiri.docx"), "");
    Files.writeString(in.resolve(".hidden"), ""); // hidden: skipped silently
    Path csv = Files.createDirectories(in.resolve("ISTE_0251_2024Q2"));
    Files.createSymbolicLink(csv.resolve("klient.csv"), outside);
    boolean fifo = mkfifo(in.resolve("ISTE_0296_2024Q2.xlsx"));

    // a FIFO that were opened would block: the scan must return at once
    Inbox inbox =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Inbox.scan(in, List.of(), TODAY));

    assertEquals(
        List.of("ISTE_0793_2024Q2.xlsx"),
        inbox.submissions().stream().map(SubmissionFile::fileName).toList());
    Map<String, RefusalReason> reasons = new TreeMap<>();
    inbox.refused().forEach(r -> reasons.put(r.name(), r.reason()));
    Map<String, RefusalReason> expected = new TreeMap<>();
    expected.put("ISTE_0784_2024Q2.xlsx", RefusalReason.NOT_A_REGULAR_FILE);
    expected.put("ISTE_0145_2024Q2", RefusalReason.NOT_A_REGULAR_FILE);
    expected.put("ISTE_0251_2024Q2", RefusalReason.NOT_A_REGULAR_FILE);
    expected.put("ISTE_0184_1024Q2.xlsx", RefusalReason.QUARTER_IMPOSSIBLE);
    expected.put("ISTE_0184_2024Q5.xlsx", RefusalReason.QUARTER_IMPOSSIBLE);
    expected.put("ISTE_0184_2024Q4.xlsx", RefusalReason.QUARTER_NOT_BEGUN);
    expected.put("kiri.docx", RefusalReason.NAME_NOT_IN_CONTRACT);
    if (fifo) {
      expected.put("ISTE_0296_2024Q2.xlsx", RefusalReason.NOT_A_REGULAR_FILE);
    }
    assertEquals(expected, reasons);
    Inbox.Refused link =
        inbox.refused().stream()
            .filter(r -> r.name().equals("ISTE_0784_2024Q2.xlsx"))
            .findFirst()
            .orElseThrow();
    assertEquals("0784", link.kovCode());
    assertEquals(Quarter.parse("2024Q2"), link.quarter());
    assertTrue(link.message().contains("symbolic link"), link.message());
    assertTrue(link.submissionId().startsWith("0784_2024Q2_refused_"), link.submissionId());
  }

  @Test
  void refusalsOfAnotherQuarterBelongToThatQuartersRun() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("ISTE_0793_2024Q2.xlsx"), "");
    Files.writeString(in.resolve("ISTE_0793_2024Q1.xlsx"), "");
    Files.createSymbolicLink(
        in.resolve("ISTE_0784_2024Q1.xlsx"), in.resolve("ISTE_0793_2024Q1.xlsx"));
    Files.writeString(in.resolve("ISTE_0184_1024Q2.xlsx"), "");

    Inbox q2 = Inbox.scan(in, List.of(Quarter.parse("2024Q2")), TODAY);
    assertEquals(
        List.of("ISTE_0793_2024Q2.xlsx"),
        q2.submissions().stream().map(SubmissionFile::fileName).toList());
    // the 2024Q1 link is 2024Q1's business; the impossible quarter belongs to no quarter: every run
    assertEquals(
        List.of("ISTE_0184_1024Q2.xlsx"), q2.refused().stream().map(Inbox.Refused::name).toList());
    Inbox q1 = Inbox.scan(in, List.of(Quarter.parse("2024Q1")), TODAY);
    assertEquals(
        List.of("ISTE_0184_1024Q2.xlsx", "ISTE_0784_2024Q1.xlsx"),
        q1.refused().stream().map(Inbox.Refused::name).toList());
  }

  private static boolean mkfifo(Path p) {
    try {
      Process proc = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
      return proc.waitFor() == 0 && Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    } catch (Exception e) {
      return false; // no mkfifo on this system: the FIFO case is left out
    }
  }
}
