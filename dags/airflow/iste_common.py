"""Shared pieces of the ISTE DAGs: the stage list and the one spark-submit task per stage.

Nothing here reads Airflow Variables, the clock or the cluster when the file is imported: the
deployment settings are Jinja templates in each task's environment, rendered when the task runs.
The only import-time work is reading iste_stages.json, a small file beside this one, written from
the Java Stage enum (the one source of truth for stage names and order).
"""

import json
import os
from datetime import timedelta

try:  # Airflow 3: the bash operator lives in the standard provider.
    from airflow.providers.standard.operators.bash import BashOperator
except ImportError:  # Airflow 2
    from airflow.operators.bash import BashOperator

STAGES_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "iste_stages.json")

MAIN_CLASS = "ee.ska.iste.cli.Main"

# Airflow Variable -> default. Each can also be given as an environment variable of the Airflow
# workers, AIRFLOW_VAR_<NAME in upper case>, which Airflow reads as a Variable.
SETTINGS = {
    "ISTE_SPARK_SUBMIT": ("iste_spark_submit", "spark-submit"),
    "ISTE_SPARK_MASTER": ("iste_spark_master", "local[2]"),
    "ISTE_SPARK_DEPLOY_MODE": ("iste_spark_deploy_mode", "client"),
    "ISTE_SPARK_SUBMIT_ARGS": ("iste_spark_submit_args", ""),
    "ISTE_JAR": ("iste_jar", "/opt/iste/iste-cli.jar"),
    "ISTE_INPUT_URI": ("iste_input_uri", "file:///opt/iste/input"),
    "ISTE_OUT_URI": ("iste_out_uri", "file:///opt/iste/out"),
}

DEFAULT_ARGS = {
    "owner": "iste",
    "depends_on_past": False,
    "retries": 3,
    "retry_delay": timedelta(minutes=10),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(hours=2),
    "execution_timeout": timedelta(hours=6),
}


def stages():
    """The stages in run order, each {"id": ..., "upstream": [...]}, from iste_stages.json."""
    with open(STAGES_FILE, encoding="utf-8") as f:
        return json.load(f)["stages"]


def stage_command(stage_id, with_kov):
    """The bash command of one stage: the CLI jar through spark-submit.

    Every value comes from the task's environment and is quoted, so a run conf cannot inject
    shell words; ISTE_SPARK_SUBMIT_ARGS alone is split into words on purpose (extra --conf,
    --jars, ...), and it comes from an Airflow Variable, not from a run conf.
    """
    command = (
        '"$ISTE_SPARK_SUBMIT"'
        ' --master "$ISTE_SPARK_MASTER"'
        ' --deploy-mode "$ISTE_SPARK_DEPLOY_MODE"'
        ' --name "iste-' + stage_id + '-$ISTE_QUARTER"'
        " --class " + MAIN_CLASS +
        " $ISTE_SPARK_SUBMIT_ARGS"
        ' "$ISTE_JAR"'
        " " + stage_id +
        ' --quarter "$ISTE_QUARTER"'
        ' --input "$ISTE_INPUT_URI"'
        ' --out "$ISTE_OUT_URI"'
    )
    if with_kov:
        command += ' --kov "$ISTE_KOV"'
    return command


def stage_env(quarter_template, kov_template=None):
    """The templated environment of a stage task: settings, the quarter and maybe the KOV."""
    env = {
        name: "{{ var.value.get('%s', '%s') }}" % (variable, default)
        for name, (variable, default) in SETTINGS.items()
    }
    env["ISTE_QUARTER"] = quarter_template
    if kov_template is not None:
        env["ISTE_KOV"] = kov_template
    return env


def add_stage_tasks(quarter_template, kov_template=None):
    """Adds one task per stage to the DAG being defined and chains them as the stage list says."""
    tasks = {}
    for stage in stages():
        task = BashOperator(
            task_id=stage["id"],
            bash_command=stage_command(stage["id"], kov_template is not None),
            env=stage_env(quarter_template, kov_template),
            append_env=True,
        )
        for upstream in stage["upstream"]:
            task.set_upstream(tasks[upstream])
        tasks[stage["id"]] = task
    return tasks
