package ee.ska.iste.cli.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.pipelines.ingest.Inbox;
import ee.ska.iste.warehouse.RunMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxFilesTest {
  private static final LocalDate TODAY = LocalDate.of(2024, 8, 1);
  private static final Quarter Q1 = Quarter.parse("2024Q1");
  private static final Quarter Q2 = Quarter.parse("2024Q2");

  @TempDir Path input;

  private void inbox() throws Exception {
    Files.writeString(input.resolve("ISTE_0251_2024Q1.xlsx"), "abc");
    Files.writeString(input.resolve("ISTE_0251_2024Q2.xlsx"), "abcd");
    Path csv = Files.createDirectories(input.resolve("ISTE_0321_2024Q1"));
    Files.writeString(csv.resolve("klient.csv"), "ab");
    Files.writeString(input.resolve("ISTE_0251_2024Q4.xlsx"), "not begun on the run's date");
    Files.writeString(input.resolve("notes.txt"), "no submission");
  }

  @Test
  void aQuartersShareIsWhatScanningForThatQuarterFinds() throws Exception {
    inbox();
    InboxFiles found = InboxFiles.scan(input, TODAY);
    for (List<Quarter> quarters : List.of(List.<Quarter>of(), List.of(Q1), List.of(Q2, Q1))) {
      Inbox scanned = Inbox.scan(input, quarters, TODAY);
      assertEquals(scanned, found.inbox(quarters), quarters.toString());
    }
  }

  @Test
  void eachSubmissionIsReadOnceWithItsChecksum() throws Exception {
    inbox();
    InboxFiles found = InboxFiles.scan(input, TODAY);
    Map<Quarter, List<RunMetadata.InputFile>> q1 = found.inputs(List.of(Q1));
    // SHA-256 of "abc" (FIPS 180-2 example); a CSV folder is its files
    assertEquals(
        Map.of(
            Q1,
            List.of(
                new RunMetadata.InputFile(
                    "ISTE_0251_2024Q1.xlsx",
                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                    3),
                RunMetadata.InputFile.of(
                    input.resolve("ISTE_0321_2024Q1/klient.csv"), "ISTE_0321_2024Q1/klient.csv"))),
        q1);
    assertEquals(2, q1.get(Q1).get(1).bytes());

    // Later questions are answered from the first reading: the inbox is not read again.
    Files.writeString(input.resolve("ISTE_0251_2024Q1.xlsx"), "changed");
    assertEquals(q1.get(Q1), found.inputs(List.of()).get(Q1));
    assertEquals(List.of(Q1, Q2), List.copyOf(found.inputs(List.of()).keySet()));
  }
}
