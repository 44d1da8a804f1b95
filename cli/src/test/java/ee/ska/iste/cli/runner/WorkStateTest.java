package ee.ska.iste.cli.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkStateTest {
  @TempDir Path dir;

  /** The state in {@code file} after 2024Q1 was ingested and {@code stages} were done on it. */
  private static WorkState ingestedWithStagesDone(Path file, String... stages) {
    WorkState s = WorkState.load(file);
    s.quarterIngested("2024Q1", "aaa", "r");
    String fp = s.stagedFingerprint();
    for (String stage : stages) {
      s.stageDone(stage, fp);
    }
    return s;
  }

  @Test
  void aStageDoneOnTheSameStagedDataIsRememberedAcrossProcesses() {
    Path file = dir.resolve("_state.properties");
    String fp = ingestedWithStagesDone(file, "model").stagedFingerprint();

    WorkState reloaded = WorkState.load(file);
    assertEquals(Optional.of("aaa"), reloaded.quarter("2024Q1"));
    assertEquals(Optional.of(fp), reloaded.stage("model"));
    assertEquals(fp, reloaded.stagedFingerprint());
  }

  @Test
  void ingestingAQuarterAgainInvalidatesEveryLaterStage() {
    WorkState s = ingestedWithStagesDone(dir.resolve("_state.properties"), "model", "measures");
    String before = s.stagedFingerprint();

    s.quarterIngested("2024Q2", "bbb", "r");

    assertNotEquals(before, s.stagedFingerprint());
    assertEquals(Optional.empty(), s.stage("model"));
    assertEquals(Optional.empty(), s.stage("measures"));
  }

  @Test
  void aFailedStageLeavesNoMarkSoTheNextRunResumesThere() {
    String fp =
        ingestedWithStagesDone(dir.resolve("_state.properties"), "model").stagedFingerprint();
    // measures failed: nothing recorded for it
    WorkState next = WorkState.load(dir.resolve("_state.properties"));
    assertEquals(Optional.of(fp), next.stage("model"));
    assertTrue(next.stage("measures").isEmpty());
  }

  @Test
  void theFingerprintDependsOnEveryQuarterAndItsInputs() {
    WorkState a = WorkState.load(dir.resolve("a"));
    WorkState b = WorkState.load(dir.resolve("b"));
    a.quarterIngested("2024Q1", "aaa", "r");
    b.quarterIngested("2024Q1", "aab", "r");
    assertNotEquals(a.stagedFingerprint(), b.stagedFingerprint());
    b.quarterIngested("2024Q1", "aaa", "r");
    assertEquals(a.stagedFingerprint(), b.stagedFingerprint());
  }
}
