package ee.ska.iste.dags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the Python DAG tests ({@code src/test/python/test_dags.py}: compile every DAG file, import
 * them against a fake airflow package, check tasks, dependencies and commands against the stage
 * list) so that the project's one test command covers them.
 */
class DagFilesTest {
  @Test
  void pythonDagTestsPass() throws IOException, InterruptedException {
    Path dagFolder = Path.of("airflow").toAbsolutePath();
    assertTrue(Files.isDirectory(dagFolder), "no DAG folder at " + dagFolder);
    ProcessBuilder pb =
        new ProcessBuilder(
                "python3", "-B", "-m", "unittest", "discover", "-s", "src/test/python", "-v")
            .redirectErrorStream(true);
    pb.environment().put("ISTE_DAG_FOLDER", dagFolder.toString());
    pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process process = pb.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "python3 DAG tests did not finish");
    assertEquals(0, process.exitValue(), "python3 DAG tests failed:\n" + output);
  }
}
