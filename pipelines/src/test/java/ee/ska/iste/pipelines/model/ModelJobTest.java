package ee.ska.iste.pipelines.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ee.ska.iste.core.ref.ReferenceData;
import ee.ska.iste.pipelines.spark.SharedSpark;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model steps on a small hand-built staged set. */
class ModelJobTest {
  static List<Row> cases;
  static List<Row> scores;
  static List<Row> participation;
  static List<Row> municipalities;
  static List<Row> episodes;
  static List<Row> clients;

  @BeforeAll
  static void build() {
    SparkSession spark = SharedSpark.session();
    StagedFixture f =
        new StagedFixture()
            // a1's first episode sent open in 2023Q4, closed VOORU_LOPP in 2024Q1: latest wins
            .episode("a1", "0793", "2023Q4", "2023-03-01", null, null)
            .episode("a1", "0793", "2024Q1", "2023-03-01", "2023-12-31", "VOORU_LOPP")
            // next starts 31 days after: 31 Dec -> 31 Jan, joined (within CASE_JOIN_DAYS = 31)
            .episode("a1", "0793", "2024Q1", "2024-01-31", null, null)
            // the same person in Lääne-Nigula: a second case
            .episode("a1", "0441", "2024Q1", "2024-02-01", null, null)
            // a2: 32 days after the round's end: not joined
            .episode("a2", "0171", "2024Q1", "2023-05-01", "2023-12-31", "VOORU_LOPP")
            .episode("a2", "0171", "2024Q1", "2024-02-01", null, null)
            // a3: ended with another reason, a new episode 10 days later is a new case
            .episode("a3", "0171", "2024Q1", "2023-05-01", "2023-12-31", "LOOBUMINE")
            .episode("a3", "0171", "2024Q1", "2024-01-10", null, null)
            .qol("a1", "0793", "2024-02-10", 10, 10, 10, 10, 10, null, null, null)
            .qol("a1", "0793", "2024-02-11", 7, 7, 7, 7, 7, 4, null, null)
            .hours("a1", "0793", "2024-02", "SUHTED", "GRUPP", "2.50");
    ModelJob.Model m =
        ModelJob.build(
            spark,
            ReferenceData.builtIn(),
            new ModelJob.Staged(
                f.episodes(spark),
                f.assessments(spark),
                f.plans(spark),
                f.participation(spark),
                f.qol(spark)));
    cases = m.fctCase().orderBy("client_id", "kov_code", "start_date").collectAsList();
    scores = m.fctQolScore().orderBy("assessed_on").collectAsList();
    participation = m.fctParticipation().collectAsList();
    municipalities = m.dimMunicipality().orderBy("kov_code").collectAsList();
    episodes = m.intEpisode().orderBy("client_id", "kov_code", "start_date").collectAsList();
    clients =
        DimClient.transform(
                m.intEpisode(),
                RefDatasets.ageBands(spark, ReferenceData.builtIn()),
                RefDatasets.diagnosisCategories(spark, ReferenceData.builtIn()))
            .orderBy("client_id")
            .collectAsList();
  }

  @Test
  void latestQuarterVersionOfAnEpisodeWins() {
    // 8 staged rows, a1's first episode twice: 7 episodes; the 2024Q1 version is closed
    assertEquals(7, episodes.size());
    // sorted by client, KOV, start: a1/0441 comes before a1/0793
    Row first = episodes.get(1);
    assertEquals("0793", first.getAs("kov_code"));
    assertEquals("VOORU_LOPP", first.getAs("exit_reason"));
    assertEquals("2024Q1", first.getAs("from_quarter"));
  }

  @Test
  void episodesJoinIntoCases() {
    // a1/0441 1, a1/0793 1 (2 episodes joined), a2 2, a3 2 = 6 cases
    assertEquals(6, cases.size());
    Row a1Tartu = cases.get(1);
    assertEquals("0793", a1Tartu.getAs("kov_code"));
    assertEquals(2, (int) a1Tartu.<Integer>getAs("episodes"));
    assertEquals(StagedFixture.d("2023-03-01"), a1Tartu.getAs("start_date"));
    assertNull(a1Tartu.getAs("end_date"));
    assertEquals("0079", a1Tartu.getAs("county_code"));
    Row a1Laane = cases.get(0);
    assertEquals("0441", a1Laane.getAs("kov_code"));
    assertEquals("A2023-0184-0441", a1Laane.getAs("allocation_id"));
    assertNotEquals(a1Tartu.<String>getAs("case_id"), a1Laane.<String>getAs("case_id"));
    // a2: 32 days apart, two cases, the first ends VOORU_LOPP
    assertEquals("VOORU_LOPP", cases.get(2).getAs("end_reason"));
    assertEquals(1, (int) cases.get(2).<Integer>getAs("episodes"));
    assertEquals("LOOBUMINE", cases.get(4).getAs("end_reason"));
  }

  @Test
  void oneClientRowPerPerson() {
    // a1, a2, a3; a1 has 3 episodes (its first sent twice counts once) in 2 KOVs
    assertEquals(3, clients.size());
    assertEquals(3, (int) clients.get(0).<Integer>getAs("episodes"));
    assertEquals(2, (int) clients.get(0).<Integer>getAs("kovs"));
    assertEquals(StagedFixture.d("2023-03-01"), clients.get(0).getAs("first_start"));
  }

  @Test
  void scoreNeedsSixOfEightItems() {
    // 5 of 8 answered: invalid
    assertEquals(5, (int) scores.get(0).<Integer>getAs("items_answered"));
    assertNull(scores.get(0).getAs("score"));
    // 6 of 8: 10 × (7 × 5 + 4) / 6 = 10 × 39 / 6 = 65
    assertEquals(65.0, scores.get(1).<Double>getAs("score"), 1e-12);
    assertEquals(cases.get(1).<String>getAs("case_id"), scores.get(1).<String>getAs("case_id"));
  }

  @Test
  void participationIsPricedByComponentAndMode() {
    // SUHTED in a group: EUR 25/h; 2.50 h × 25 = 62.50
    Row p = participation.get(0);
    assertEquals(new BigDecimal("25.00"), p.getAs("price_eur"));
    assertEquals(new BigDecimal("62.50"), p.getAs("cost_eur"));
  }

  @Test
  void jointAllocationUnderBothKovs() {
    Row haapsalu =
        municipalities.stream()
            .filter(r -> r.getAs("kov_code").equals("0184"))
            .findFirst()
            .orElseThrow();
    Row laaneNigula =
        municipalities.stream()
            .filter(r -> r.getAs("kov_code").equals("0441"))
            .findFirst()
            .orElseThrow();
    assertEquals(haapsalu.<String>getAs("allocation_id"), laaneNigula.getAs("allocation_id"));
    assertEquals(24, (int) laaneNigula.<Integer>getAs("places"));
    assertEquals("Lääne maakond", laaneNigula.getAs("county_name"));
  }
}
