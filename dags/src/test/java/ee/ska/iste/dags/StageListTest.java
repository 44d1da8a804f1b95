package ee.ska.iste.dags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ee.ska.iste.core.Stage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageListTest {
  @Test
  void committedStageListMatchesCoreStages() throws Exception {
    String committed = Files.readString(Path.of(StageList.JSON_FILE), StandardCharsets.UTF_8);
    assertEquals(
        StageList.json(List.of(Stage.values())),
        committed,
        "dags/"
            + StageList.JSON_FILE
            + " is out of date with core's Stage: regenerate it with"
            + " ee.ska.iste.dags.StageList (run from the dags module) and commit it");
  }

  @Test
  void jsonIsAStraightLineInStageOrder() throws Exception {
    JsonNode stages =
        new ObjectMapper().readTree(StageList.json(List.of(Stage.values()))).get("stages");
    List<String> ids = new ArrayList<>();
    stages.forEach(s -> ids.add(s.get("id").asText()));
    assertEquals(List.of("ingest", "model", "measures", "publish", "reports"), ids);
    assertEquals(0, stages.get(0).get("upstream").size());
    assertEquals("measures", stages.get(3).get("upstream").get(0).asText());
  }
}
