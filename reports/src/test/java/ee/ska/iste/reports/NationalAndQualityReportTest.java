package ee.ska.iste.reports;

import static ee.ska.iste.reports.FixtureDb.count;
import static ee.ska.iste.reports.FixtureDb.funnel;
import static ee.ska.iste.reports.FixtureDb.funnels;
import static ee.ska.iste.reports.FixtureDb.kov;
import static ee.ska.iste.reports.FixtureDb.municipalities;
import static ee.ska.iste.reports.FixtureDb.nation;
import static ee.ska.iste.reports.FixtureDb.outcomes;
import static ee.ska.iste.reports.FixtureRows.JOHVI;
import static ee.ska.iste.reports.FixtureRows.NATION_QOL_CHANGE;
import static ee.ska.iste.reports.FixtureRows.POLTSAMAA;
import static ee.ska.iste.reports.FixtureRows.POLTSAMAA_ACTIVE;
import static ee.ska.iste.reports.FixtureRows.POLTSAMAA_QOL_CHANGE;
import static ee.ska.iste.reports.FixtureRows.POLTSAMAA_QOL_CHANGE_FUNNEL;
import static ee.ska.iste.reports.FixtureRows.TARTU;
import static ee.ska.iste.reports.FixtureRows.TARTU_QOL_CHANGE;
import static ee.ska.iste.reports.FixtureRows.TARTU_QOL_CHANGE_FUNNEL;
import static ee.ska.iste.reports.ReportChecks.assertContains;
import static ee.ska.iste.reports.ReportChecks.assertEveryPageRenders;
import static ee.ska.iste.reports.ReportChecks.assertLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ee.ska.iste.core.time.Quarter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The national dashboard and the data-quality report over five KOVs. Submissions for 2024Q2 are due
 * 30.07.2024: Põltsamaa sent on 10.07 (120 rows read, 117 accepted, 3 rejected), Tartu on 15.08 —
 * late — (400, 390, 10), Haapsalu on 30.07 (50, 50, 0); Lääne-Nigula and Jõhvi sent nothing.
 * Totals: 3 of 5 sent, 2 on time, 570 read, 557 accepted, 13 rejected. Cases outside the target
 * group (outcomes_public): Tartu 2 and Põltsamaa 7 hidden, Haapsalu 0, nation 9 (7 dementia, 2
 * below the minimum age).
 */
class NationalAndQualityReportTest {
  private static final Quarter Q = Quarter.parse("2024Q2");
  @TempDir static Path dir;
  private static Renderers reports;

  private static final String DISCLOSURE_AUDIT_TABLE =
      "create table mart_disclosure_audit (quarter varchar, measure varchar, level varchar,"
          + " unit_code varchar, hidden_because varchar, quantity varchar, low double, high"
          + " double, pass boolean)";

  /**
   * 2024Q2: 6 hidden cells, 2 of them to protect others, all pass (a share's numerator and
   * denominator are two rows of one cell); 2024Q1 must not count.
   */
  private static final String DISCLOSURE_AUDIT =
      "insert into mart_disclosure_audit values"
          + " ('2024Q2','NEW','KOV','0618','PRIMARY','numerator',1,8,true),"
          + " ('2024Q2','QOL_IMPROVED','KOV','0441','PRIMARY','numerator',0,17,true),"
          + " ('2024Q2','QOL_IMPROVED','KOV','0441','PRIMARY','denominator',0,17,true),"
          + " ('2024Q2','INELIGIBLE','KOV','0793','PRIMARY','numerator',0,9,true),"
          + " ('2024Q2','INELIGIBLE','KOV','0618','SECONDARY','numerator',0,9,true),"
          + " ('2024Q2','INELIGIBLE_AGE_BELOW_MIN','KOV','0793','PRIMARY','numerator',0,2,true),"
          + " ('2024Q2','INELIGIBLE_DIAGNOSIS_DEMENTIA','KOV','0618','SECONDARY','numerator',"
          + " 0,7,true),"
          + " ('2024Q1','NEW','KOV','0618','SECONDARY','numerator',0,1,false)";

  @BeforeAll
  static void renderers() throws Exception {
    reports =
        Renderers.create(
            dir,
            new WarehouseStamp("v7", LocalDate.of(2024, 8, 20)),
            municipalities(
                POLTSAMAA,
                TARTU,
                "('0184','Haapsalu linn','0056','Lääne maakond','A0184',24)",
                "('0441','Lääne-Nigula vald','0056','Lääne maakond','A0184',24)",
                JOHVI),
            outcomes(
                POLTSAMAA_ACTIVE,
                count("KOV", "0618", "2024Q2", "NEW", 4, true),
                POLTSAMAA_QOL_CHANGE,
                kov("0618", "2024Q2", "COST_PER_CLIENT").ratio(1800.0, 41400.0, 23.0),
                count("KOV", "0793", "2024Q2", "ACTIVE", 60, false),
                count("KOV", "0793", "2024Q2", "NEW", 9, false),
                TARTU_QOL_CHANGE,
                kov("0793", "2024Q2", "QOL_IMPROVED")
                    .ratio(0.6, 18.0, 30.0)
                    .ci(0.42, 0.75)
                    .flag("ABOVE"),
                kov("0793", "2024Q2", "COST_PER_CLIENT").ratio(2100.0, 126000.0, 60.0),
                kov("0793", "2024Q2", "QOL_COMPLETENESS").ratio(0.8, 40.0, 50.0),
                kov("0184", "2024Q2", "OCCUPANCY").value(0.875),
                count("KOV", "0184", "2024Q2", "ACTIVE", 14, false),
                count("KOV", "0441", "2024Q2", "ACTIVE", 3, true),
                count("RIIK", "EE", "2024Q2", "ACTIVE", 100, false),
                count("RIIK", "EE", "2024Q2", "NEW", 13, false),
                count("RIIK", "EE", "2023Q2", "ACTIVE", 80, false),
                NATION_QOL_CHANGE,
                nation("2024Q2", "QOL_IMPROVED").ratio(0.3, 36.0, 120.0).ci(0.22, 0.39),
                nation("2024Q2", "QOL_COMPLETENESS").ratio(0.7, 70.0, 100.0),
                count("MAAKOND", "0079", "2024Q1", "ACTIVE", 55, false),
                count("MAAKOND", "0079", "2024Q2", "ACTIVE", 60, false),
                count("MAAKOND", "0050", "2024Q2", "ACTIVE", 23, false)),
            "insert into stg_submission values ('a','f','0618','2024Q2',DATE"
                + " '2024-07-10','1','x','LOADED',null,null,120,117,3),"
                + " ('b','f','0793','2024Q2',DATE"
                + " '2024-07-05','1','x','SUPERSEDED',null,null,380,380,0),"
                + " ('c','f','0793','2024Q2',DATE"
                + " '2024-08-15','1','x','LOADED',null,null,400,390,10),"
                + " ('d','f','0184','2024Q2',DATE '2024-07-30','1','x','LOADED',null,null,50,50,0),"
                // refused unread (no checksum): listed by file, not a KOV's submission
                + " ('e','ISTE_0184_1024Q2.xlsx','0184','2024Q2',null,null,null,'REFUSED',"
                + "'QUARTER_IMPOSSIBLE','m',0,0,0)",
            "insert into stg_reject select 's','f', kov, '2024Q2','klient', 2,'c', reason,'v','m'"
                + " from (values"
                + " ('0618','DATE_FORMAT'),('0618','DATE_FORMAT'),('0618','HOURS_RANGE')) t(kov,"
                + " reason)",
            "insert into stg_reject select 's','f','0793','2024Q2','klient', i::int,'c', case when"
                + " i <= 8 then 'DATE_FORMAT' else 'HOURS_RANGE' end,'v','m' from range(1, 11)"
                + " r(i)",
            // cases outside the target group, as the measures stage publishes them: Tartu's 2
            // hidden
            // (primary), Põltsamaa's 7 hidden to protect it (secondary), Haapsalu 0
            outcomes(
                count("KOV", "0793", "2024Q2", "INELIGIBLE", 2, true),
                count("KOV", "0793", "2024Q2", "INELIGIBLE_AGE_BELOW_MIN", 2, true),
                count("KOV", "0618", "2024Q2", "INELIGIBLE", 7, true),
                count("KOV", "0618", "2024Q2", "INELIGIBLE_DIAGNOSIS_DEMENTIA", 7, true),
                count("KOV", "0184", "2024Q2", "INELIGIBLE", 0, false),
                count("RIIK", "EE", "2024Q2", "INELIGIBLE", 9, false),
                count("RIIK", "EE", "2024Q2", "INELIGIBLE_AGE_BELOW_MIN", 2, false),
                count("RIIK", "EE", "2024Q2", "INELIGIBLE_DIAGNOSIS_DEMENTIA", 7, false),
                count("RIIK", "EE", "2024Q2", "INELIGIBLE_DIAGNOSIS_ALCOHOL", 0, false)),
            // the funnels as the measures stage publishes them: the national value and the sd of
            // one
            // case (a share's √(p₀(1−p₀)) = √(0.3 × 0.7))
            funnels(
                POLTSAMAA_QOL_CHANGE_FUNNEL,
                TARTU_QOL_CHANGE_FUNNEL,
                funnel("2024Q2", "QOL_IMPROVED", "0793", 30, 0.6, 0.3, Math.sqrt(0.21), "ABOVE")),
            DISCLOSURE_AUDIT_TABLE,
            DISCLOSURE_AUDIT);
  }

  @AfterAll
  static void close() throws Exception {
    KovReportTest.keepSamples(dir);
    reports.close();
  }

  @Test
  void nationalDashboardListsEveryKovAndDrawsFunnels() throws Exception {
    Path pdf = reports.estonian().renderNational(Q, ReportFormat.PDF, dir.resolve("out"));
    assertEquals(dir.resolve("out/2024Q2/ISTE_riik_2024Q2_et.pdf"), pdf);
    String text = Pdf.text(pdf);
    assertTrue(text.contains("ISTE riiklik ülevaade 2024Q2"), text);
    // ACTIVE 100 now, 80 a year ago is not the previous quarter: no change shown
    assertLine(text, "Aktiivsed juhtumid\\s+100\\s+–\\s+–");
    // grid: ACTIVE, NEW, EXIT (no row), QOL_CHANGE, QOL_IMPROVED, NO_BASE_SUPPORT, COST_PER_CLIENT
    assertLine(text, "Põltsamaa vald\\s+23\\s+—\\s+–\\s+12,3\\s+–\\s+–\\s+1 800 €");
    // hidden exactly where outcomes_public hides (its secondary suppression is the mart's): no
    // cell of its own, so Tartu's NEW 9 and Haapsalu's ACTIVE 14 show
    assertLine(text, "Tartu linn\\s+60\\s+9\\s+–\\s+25,0\\s+60,0%\\s+–\\s+2 100 €");
    assertLine(text, "Lääne-Nigula vald\\s+—");
    assertLine(text, "Haapsalu linn\\s+14\\s+–");
    assertTrue(text.contains("oluliselt üle riigi keskmise: Tartu linn"), text);
    // joint allocation: one row, both names, 24 places, occupancy 87,5%, actives as above
    assertLine(text, "Haapsalu linn \\+ Lääne-\\s+A0184\\s+24\\s+87,5%\\s+14 \\+ —");
    assertEveryPageRenders(pdf, dir.resolve("png-national"));
  }

  @Test
  void nationalDashboardSortsByAChosenMeasure() throws Exception {
    Path pdf =
        reports.estonian().renderNational(Q, ReportFormat.PDF, dir.resolve("sorted"), "ACTIVE");
    String text = Pdf.text(pdf);
    int tartu = text.indexOf("Tartu linn  ");
    int poltsamaa = text.indexOf("Põltsamaa vald  ");
    int haapsalu = text.indexOf("Haapsalu linn  ");
    assertTrue(tartu >= 0 && tartu < poltsamaa && poltsamaa < haapsalu, text);
  }

  @Test
  void englishDashboardAndHtml() throws Exception {
    String text =
        Pdf.text(reports.english().renderNational(Q, ReportFormat.PDF, dir.resolve("out")));
    assertContains(text, "ISTE national dashboard 2024Q2", "Funnel plots");
    Path html = reports.english().renderNational(Q, ReportFormat.HTML, dir.resolve("out"));
    assertTrue(Files.readString(html).contains("Municipalities side by side"));
  }

  @Test
  void qualityReportCountsRowsAndLateness() throws Exception {
    Path pdf = reports.estonian().renderQuality(Q, ReportFormat.PDF, dir.resolve("out"));
    assertEquals(dir.resolve("out/2024Q2/ISTE_andmekvaliteet_2024Q2_et.pdf"), pdf);
    String text = Pdf.text(pdf);
    assertTrue(text.contains("tähtajaga 30.07.2024"), text);
    // Põltsamaa's 7 is hidden in outcomes_public: the report hides it too, with the same mark
    assertLine(text, "Põltsamaa vald\\s+10.07.2024\\s+jah\\s+120\\s+117\\s+3\\s+–\\s+—");
    assertLine(text, "Tartu linn\\s+15.08.2024\\s+ei\\s+400\\s+390\\s+10\\s+80,0%\\s+—");
    assertLine(text, "Haapsalu linn\\s+30.07.2024\\s+jah\\s+50\\s+50\\s+0\\s+–\\s+0");
    assertLine(text, "Jõhvi vald\\s+esitamata");
    assertLine(text, "Riik kokku\\s+3\\s*/\\s*5\\s+2\\s+570\\s+557\\s+13\\s+70,0%\\s+9");
    assertLine(text, "ISTE_0184_1024Q2.xlsx \\(KOV 0184\\): Nimes olev kvartal on võimatu");
    assertLine(text, "DATE_FORMAT\\s+10");
    assertLine(text, "HOURS_RANGE\\s+3");
    assertLine(text, "DIAGNOSIS_DEMENTIA\\s+7");
    assertLine(text, "AGE_BELOW_MIN\\s+2");
    assertLine(text, "DIAGNOSIS_ALCOHOL\\s+0");
    assertLine(text, "Peidetud 6 näitajat, neist 2 teiste kaitseks; kontroll läbitud\\.");
    assertFalse(text.contains("380"), "a superseded submission must not count");
    assertEveryPageRenders(pdf, dir.resolve("png-quality"));
  }
}
