package ee.ska.iste.dags;

import ee.ska.iste.core.Stage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes core's {@link Stage} list as the {@code airflow/iste_stages.json} file the DAGs read. The
 * file is committed beside the DAGs so that a deployed DAG needs no build; {@code StageListTest}
 * fails when it no longer matches {@link Stage#values()}.
 */
public final class StageList {
  /** Where the DAG files and the stage list live, relative to the dags module. */
  public static final String JSON_FILE = "airflow/iste_stages.json";

  private StageList() {}

  /** The file's text for the given stages, in their order, one stage a line. */
  public static String json(List<Stage> stages) {
    String rows =
        stages.stream()
            .map(
                s ->
                    "    {\"id\": \""
                        + s.id()
                        + "\", \"upstream\": ["
                        + s.upstream().stream()
                            .map(u -> "\"" + u.id() + "\"")
                            .collect(Collectors.joining(", "))
                        + "]}")
            .collect(Collectors.joining(",\n"));
    return "{\n"
        + "  \"source\": \"ee.ska.iste.core.Stage (checked by StageListTest; regenerate with"
        + " StageList.main)\",\n"
        + "  \"stages\": [\n"
        + rows
        + "\n  ]\n}\n";
  }

  /** Rewrites the stage list: {@code StageList [path]} (default {@value #JSON_FILE}). */
  public static void main(String[] args) throws IOException {
    Path target = Path.of(args.length > 0 ? args[0] : JSON_FILE);
    Files.writeString(target, json(List.of(Stage.values())), StandardCharsets.UTF_8);
  }
}
