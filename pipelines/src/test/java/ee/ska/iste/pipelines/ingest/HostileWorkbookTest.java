package ee.ska.iste.pipelines.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import ee.ska.iste.core.quality.RefusalReason;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * No reaching out: a DOCTYPE in any XML part of a workbook refuses the file before any parser sees
 * it, and nothing is fetched over the network or read from the disk while a submission is read.
 */
class HostileWorkbookTest {
  @TempDir Path tmp;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] dtd = "<!ENTITY x \"fetched\">".getBytes(UTF_8);
          exchange.sendResponseHeaders(200, dtd.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(dtd);
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private String evilUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
  }

  private static Path withDoctype(Path dir, String part, String doctype) throws Exception {
    return HostileFiles.withDoctype(dir, part, doctype);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/sharedStrings.xml",
        "xl/worksheets/sheet2.xml",
        "docProps/core.xml"
      })
  void aDoctypeInAnyPartRefusesTheFileAndFetchesNothing(String part) throws Exception {
    for (String doctype :
        List.of(
            "<!DOCTYPE root SYSTEM \"" + evilUrl() + "\">",
            "<!DOCTYPE root [<!ENTITY % p SYSTEM \"" + evilUrl() + "\"> %p;]>")) {
      Path file = withDoctype(tmp.resolve(Integer.toString(doctype.length())), part, doctype);
      SubmissionRefused r =
          assertThrows(SubmissionRefused.class, () -> TestSubmission.validate(file));
      assertEquals(RefusalReason.DOCTYPE_FORBIDDEN, r.reason(), r.getMessage());
      assertTrue(
          r.getMessage().startsWith("ISTE_0793_2024Q2.xlsx: part '" + part + "'"), r.getMessage());
    }
    assertEquals(0, requests.get());
  }

  @Test
  void theBaseWorkbookItselfIsRead() throws Exception {
    Path file = TestSubmission.base().writeXlsx(tmp, "ISTE_0793_2024Q2", true);
    // 1 cover + 2 + 3 + 2 + 3 + 2 = 13 rows
    assertEquals(13, TestSubmission.validate(file).rowsAccepted());
  }

  @Test
  void aDoctypeInUtf16IsFoundToo() throws Exception {
    Path file = HostileFiles.withUtf16Doctype(tmp, evilUrl());
    SubmissionRefused r =
        assertThrows(SubmissionRefused.class, () -> TestSubmission.validate(file));
    assertEquals(RefusalReason.DOCTYPE_FORBIDDEN, r.reason());
    assertEquals(0, requests.get());
  }

  @Test
  void aDtdOnAPortThatNeverAnswersDoesNotSlowTheRead() throws Exception {
    // Warm up: the first read of a workbook loads POI's classes.
    TestSubmission.validate(
        TestSubmission.base().writeXlsx(tmp.resolve("warm"), "ISTE_0793_2024Q2", true));
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      // Connections complete in the backlog; nobody ever reads or answers.
      String url = "http://127.0.0.1:" + silent.getLocalPort() + "/evil.dtd";
      Path file =
          withDoctype(
              tmp, "xl/worksheets/sheet2.xml", "<!DOCTYPE worksheet SYSTEM \"" + url + "\">");
      SubmissionRefused r =
          assertTimeoutPreemptively(
              Duration.ofSeconds(5),
              () -> assertThrows(SubmissionRefused.class, () -> TestSubmission.validate(file)));
      assertEquals(RefusalReason.DOCTYPE_FORBIDDEN, r.reason());
    }
  }

  @Test
  void aFileDtdIsNotOpened() throws Exception {
    // A FIFO as the DTD: whoever opens it to read would block until a writer comes, and the
    // writer here would get through its open only when a reader came.
    Path fifo = tmp.resolve("evil.dtd");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(p.waitFor() == 0, "mkfifo is not available");
    AtomicInteger opened = new AtomicInteger();
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream o = Files.newOutputStream(fifo)) {
                opened.incrementAndGet();
              } catch (Exception e) {
                // the test ends it
              }
            });
    writer.setDaemon(true);
    writer.start();
    try {
      Path file =
          withDoctype(
              tmp.resolve("w"),
              "xl/worksheets/sheet2.xml",
              "<!DOCTYPE worksheet SYSTEM \"" + fifo.toUri() + "\">");
      SubmissionRefused r =
          assertTimeoutPreemptively(
              Duration.ofSeconds(10),
              () -> assertThrows(SubmissionRefused.class, () -> TestSubmission.validate(file)));
      assertEquals(RefusalReason.DOCTYPE_FORBIDDEN, r.reason());
      Thread.sleep(100);
      assertEquals(0, opened.get(), "the DTD file was opened");
    } finally {
      if (writer.isAlive()) {
        // release the writer still waiting for a reader
        try (InputStream in = Files.newInputStream(fifo)) {
          in.readAllBytes();
        }
      }
      writer.join(5_000);
    }
  }

  @Test
  void theSheetParserItselfFetchesNothing() throws Exception {
    // Behind the guard: the parser given a DTD anyway neither fetches it nor expands its entities.
    String ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    for (String doctype :
        List.of(
            "<!DOCTYPE worksheet SYSTEM \"" + evilUrl() + "\">",
            "<!DOCTYPE worksheet [<!ENTITY % p SYSTEM \"" + evilUrl() + "\"> %p;]>",
            "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"" + evilUrl() + "\">]>")) {
      String xml =
          doctype
              + "<worksheet xmlns=\""
              + ns
              + "\"><sheetData><row r=\"1\"><c r=\"A1\""
              + " t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>";
      XMLReader parser = XlsxSubmissionReader.sheetParsers().newSAXParser().getXMLReader();
      parser.setContentHandler(
          new XlsxSheetHandler(
              null,
              new XlsxSheetHandler.Rows() {
                @Override
                public void startRow(int rowNum) {}

                @Override
                public void cell(int column, String text) {
                  assertTrue(!text.contains("fetched"), text);
                }

                @Override
                public void endRow(int rowNum) {}
              }));
      try {
        parser.parse(new InputSource(new ByteArrayInputStream(xml.getBytes(UTF_8))));
      } catch (Exception e) {
        // refusing to parse is as good
      }
    }
    assertEquals(0, requests.get());
  }
}
