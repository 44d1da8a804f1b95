package ee.ska.iste.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.person.PersonalCode;
import ee.ska.iste.core.quality.ReasonCode;
import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.core.time.Quarter;
import ee.ska.iste.generator.DefectKind;
import ee.ska.iste.generator.GenerationSummary;
import ee.ska.iste.generator.GeneratorConfig;
import ee.ska.iste.generator.SubmissionGenerator;
import ee.ska.iste.pipelines.ingest.SubmissionCheck;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-check over the generator's defective submissions: every injected defect is in the
 * feedback with the reason the ingest gives, nothing else is, no personal code is written, and the
 * exit code says what would happen.
 */
class SelfCheckTest {
  private static final Quarter Q = Quarter.parse("2024Q2");
  private static final LocalDate TODAY = LocalDate.of(2024, 7, 10);
  private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");

  @TempDir static Path tmp;
  static Path defective;
  static GenerationSummary injected;

  @BeforeAll
  static void generate() throws Exception {
    defective = tmp.resolve("defective");
    injected =
        new SubmissionGenerator()
            .generate(
                GeneratorConfig.of(defective, List.of(Q), 2207)
                    .withScale(0.1)
                    .withDefectRate(0.25));
  }

  /** The reason the ingest gives each kind of defect the generator injects. */
  private static ReasonCode reasonOf(DefectKind kind) {
    return switch (kind) {
      case INVALID_PERSONAL_CODE -> ReasonCode.INVALID_PERSONAL_CODE;
      case PERSON_NOT_IN_CLIENTS -> ReasonCode.CLIENT_NOT_IN_KLIENT;
      case DUPLICATE_ROW -> ReasonCode.DUPLICATE_ROW;
      case MISSING_REQUIRED -> ReasonCode.VALUE_REQUIRED;
      case UNPARSEABLE_DATE -> ReasonCode.DATE_UNPARSEABLE;
      // integers everywhere but tunnid, a decimal: counted together below
      case UNPARSEABLE_NUMBER -> ReasonCode.INTEGER_UNPARSEABLE;
      case UNKNOWN_ENTRY_ROUTE,
          UNKNOWN_EXIT_REASON,
          UNKNOWN_DOMAIN,
          UNKNOWN_ASSESSMENT_TYPE,
          UNKNOWN_PLAN_TYPE,
          UNKNOWN_COMPONENT,
          UNKNOWN_MODE,
          UNKNOWN_INSTRUMENT ->
          ReasonCode.UNKNOWN_CODE;
      // KERGE and MOODUKAS are codes of severities_outside_target: the ingest accepts the row and
      // marks the episode ineligible, it is no reject
      case UNKNOWN_SEVERITY -> null;
      case INVALID_DIAGNOSIS -> ReasonCode.DIAGNOSIS_INVALID;
      case END_BEFORE_START -> ReasonCode.END_BEFORE_START;
      case END_WITHOUT_REASON -> ReasonCode.EXIT_REASON_MISSING;
      case LEVEL_OUT_OF_RANGE -> ReasonCode.LEVEL_OUT_OF_RANGE;
      case REACHED_ABOVE_GOALS -> ReasonCode.GOALS_REACHED_EXCEEDS_GOALS;
      case DATE_OUTSIDE_QUARTER -> ReasonCode.OUTSIDE_QUARTER;
      case HOURS_ZERO, HOURS_NEGATIVE, HOURS_ABOVE_MAX -> ReasonCode.HOURS_OUT_OF_RANGE;
      case ITEM_OUT_OF_RANGE -> ReasonCode.ITEM_OUT_OF_RANGE;
    };
  }

  @Test
  void sparkIsNotOnTheClassPath() {
    assertThrows(
        ClassNotFoundException.class, () -> Class.forName("org.apache.spark.sql.SparkSession"));
  }

  @Test
  void everyInjectedDefectIsInTheFeedbackWithTheIngestsReason() throws Exception {
    SelfCheck check = new SelfCheck(ReferenceData.builtIn(), Locale.ENGLISH);
    SelfCheck.Result r = check.run(defective, TODAY);
    assertEquals(SelfCheck.ROWS_LOST, r.exitCode());
    assertEquals(35, r.verdicts().size(), "one verdict per KOV's submission");
    assertTrue(r.verdicts().stream().noneMatch(SubmissionCheck.Verdict::refused));

    Map<ReasonCode, Long> expected = new EnumMap<>(ReasonCode.class);
    injected.defects().entrySet().stream()
        .filter(e -> reasonOf(e.getKey()) != null)
        .forEach(e -> expected.merge(reasonOf(e.getKey()), e.getValue(), Long::sum));
    assertEquals(
        EnumSet.allOf(DefectKind.class),
        injected.defects().keySet(),
        "every kind of defect injected at least once");

    Map<ReasonCode, Long> found = countsInFeedback(r.feedback());
    long numbers =
        found.getOrDefault(ReasonCode.INTEGER_UNPARSEABLE, 0L)
            + found.getOrDefault(ReasonCode.DECIMAL_UNPARSEABLE, 0L);
    found.put(ReasonCode.INTEGER_UNPARSEABLE, numbers);
    found.remove(ReasonCode.DECIMAL_UNPARSEABLE);
    for (Map.Entry<ReasonCode, Long> e : expected.entrySet()) {
      long got = found.getOrDefault(e.getKey(), 0L);
      if (e.getKey() == ReasonCode.DUPLICATE_ROW) {
        // the second copy is a duplicate only when the first was accepted
        assertTrue(got > 0 && got <= e.getValue(), e + " found " + got);
      } else {
        // a defect in klient also rejects the person's rows elsewhere: never fewer, maybe more
        assertTrue(got >= e.getValue(), e + " found " + got);
      }
    }
    // and nothing the generator did not cause: cascades of a rejected klient row only
    Set<ReasonCode> cascades =
        EnumSet.of(
            ReasonCode.CLIENT_NOT_IN_KLIENT,
            ReasonCode.EPISODE_NOT_ACTIVE,
            ReasonCode.DUPLICATE_KEY);
    for (ReasonCode c : found.keySet()) {
      assertTrue(expected.containsKey(c) || cascades.contains(c), "unexpected reason " + c);
    }
    // the feedback holds the same problems as the verdicts, which are the ingest's rejects
    long problems = r.verdicts().stream().mapToLong(v -> v.problems().size()).sum();
    assertEquals(problems, found.values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void theFeedbackShowsAPersonalCodeOnlyAsItsShape() throws Exception {
    SelfCheck check = new SelfCheck(ReferenceData.builtIn(), Locale.forLanguageTag("et"));
    // a folder of its own: the feedback workbook would be refused in a folder check (as the ingest
    // refuses any name outside the contract)
    Path one = Files.createDirectories(tmp.resolve("one"));
    Path file =
        Files.copy(
            defective.resolve("ISTE_0793_2024Q2.xlsx"), one.resolve("ISTE_0793_2024Q2.xlsx"));
    SelfCheck.Result r = check.run(file, TODAY);
    assertEquals(one.resolve("TAGASISIDE_ISTE_0793_2024Q2.xlsx"), r.feedback());
    int codeRows = 0;
    try (InputStream in = Files.newInputStream(r.feedback());
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      DataFormatter f = new DataFormatter();
      Sheet s = wb.getSheet("tagasiside");
      assertEquals("kuidas parandada", f.formatCellValue(s.getRow(0).getCell(7)));
      for (Row row : s) {
        for (int c = 0; c < row.getLastCellNum(); c++) {
          String v = f.formatCellValue(row.getCell(c));
          Matcher m = ELEVEN_DIGITS.matcher(v);
          while (m.find()) {
            assertFalse(PersonalCode.isValid(m.group()), "a personal code in the feedback");
          }
        }
        if ("INVALID_PERSONAL_CODE".equals(f.formatCellValue(row.getCell(5)))) {
          codeRows++;
          assertEquals("isikukood", f.formatCellValue(row.getCell(3)));
          assertEquals("11 digits, check digit wrong", f.formatCellValue(row.getCell(4)));
          assertEquals("Vigane isikukood", f.formatCellValue(row.getCell(6)));
        }
      }
    }
    assertTrue(
        codeRows > 0
            || r.verdicts().get(0).problems().stream()
                .noneMatch(p -> p.reason() == ReasonCode.INVALID_PERSONAL_CODE));
  }

  @Test
  void aCleanSubmissionExitsZeroAndAFileThatCannotBeASubmissionTwo() throws Exception {
    Path clean = tmp.resolve("clean");
    new SubmissionGenerator().generate(GeneratorConfig.of(clean, List.of(Q), 2207).withScale(0.05));
    SelfCheck check = new SelfCheck(ReferenceData.builtIn(), Locale.ENGLISH);
    SelfCheck.Result ok = check.run(clean.resolve("ISTE_0793_2024Q2.xlsx"), TODAY);
    assertEquals(SelfCheck.CLEAN, ok.exitCode(), () -> check.summary(clean, ok));
    assertTrue(check.summary(clean, ok).contains("no problems found"));

    Path renamed = Files.copy(clean.resolve("ISTE_0793_2024Q2.xlsx"), tmp.resolve("aruanne.xlsx"));
    SelfCheck.Result bad = check.run(renamed, TODAY);
    assertEquals(SelfCheck.REFUSED, bad.exitCode());
    assertTrue(check.summary(renamed, bad).contains("REFUSED WHOLE"));
    assertTrue(check.summary(renamed, bad).contains("Rename the file"));
  }

  /** Problems per reason code, read from the feedback workbook as a person would see them. */
  private static Map<ReasonCode, Long> countsInFeedback(Path feedback) throws Exception {
    Map<ReasonCode, Long> out = new EnumMap<>(ReasonCode.class);
    try (InputStream in = Files.newInputStream(feedback);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      DataFormatter f = new DataFormatter();
      Sheet s = wb.getSheet("feedback");
      assertEquals("reason code", f.formatCellValue(s.getRow(0).getCell(5)));
      for (Row row : s) {
        if (row.getRowNum() > 0) {
          out.merge(ReasonCode.valueOf(f.formatCellValue(row.getCell(5))), 1L, Long::sum);
        }
      }
    }
    return out;
  }
}
