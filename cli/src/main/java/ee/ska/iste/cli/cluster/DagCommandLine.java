package ee.ska.iste.cli.cluster;

import ee.ska.iste.core.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The spark-submit arguments of one stage task of the Airflow DAGs, word for word as {@code
 * stage_command} in {@code dags/airflow/iste_common.py} renders them (the cluster test checks that
 * the two agree): {@code --master M --deploy-mode D --name iste-<stage>-<quarter> --class
 * ee.ska.iste.cli.Main <submit args> <jar> <stage> --quarter Q --input IN --out OUT}.
 *
 * @param master the {@code iste_spark_master} Variable
 * @param deployMode the {@code iste_spark_deploy_mode} Variable
 * @param submitArgs the {@code iste_spark_submit_args} Variable, split into words
 * @param jar the {@code iste_jar} Variable
 * @param input the {@code iste_input_uri} Variable
 * @param out the {@code iste_out_uri} Variable
 */
public record DagCommandLine(
    String master,
    String deployMode,
    List<String> submitArgs,
    String jar,
    String input,
    String out) {
  /** The class spark-submit runs, as the DAGs name it. */
  public static final String MAIN_CLASS = "ee.ska.iste.cli.Main";

  public DagCommandLine {
    submitArgs = List.copyOf(submitArgs);
  }

  /** The arguments after the spark-submit program for {@code stage} of {@code quarter}. */
  public List<String> arguments(Stage stage, String quarter) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--master",
            master,
            "--deploy-mode",
            deployMode,
            "--name",
            "iste-" + stage.id() + "-" + quarter,
            "--class",
            MAIN_CLASS));
    args.addAll(submitArgs);
    args.addAll(List.of(jar, stage.id(), "--quarter", quarter, "--input", input, "--out", out));
    return args;
  }
}
