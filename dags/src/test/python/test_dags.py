"""Checks the ISTE DAG files without Airflow: a tiny fake `airflow` package records what the DAG
files give it. Standard library only. Run: python3 -B -m unittest discover -s src/test/python
from the dags module (the DAG folder is ../../../airflow from here, or ISTE_DAG_FOLDER)."""

import datetime
import importlib.util
import json
import os
import py_compile
import subprocess
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
DAG_FOLDER = os.environ.get(
    "ISTE_DAG_FOLDER", os.path.normpath(os.path.join(HERE, "..", "..", "..", "airflow"))
)
DAG_FILES = ["iste_quarterly.py", "iste_republish_kov.py"]

FAKE_CORE = '''
from datetime import timedelta

_context = []
DAGS = []


class DAG:
    def __init__(self, dag_id, **kwargs):
        self.dag_id = dag_id
        self.kwargs = kwargs
        self.tasks = {}
        DAGS.append(self)

    def __enter__(self):
        _context.append(self)
        return self

    def __exit__(self, *exc):
        _context.pop()
        return False


class BaseOperator:
    def __init__(self, task_id, dag=None, **kwargs):
        self.task_id = task_id
        self.kwargs = kwargs
        self.upstream_task_ids = set()
        self.dag = dag or (_context[-1] if _context else None)
        if self.dag is None:
            raise RuntimeError("operator %s made outside a DAG" % task_id)
        if task_id in self.dag.tasks:
            raise RuntimeError("duplicate task id %s" % task_id)
        self.dag.tasks[task_id] = self

    def set_upstream(self, other):
        self.upstream_task_ids.add(other.task_id)

    def __rshift__(self, other):
        other.set_upstream(self)
        return other


class BashOperator(BaseOperator):
    def __init__(self, task_id, bash_command, env=None, append_env=False, **kwargs):
        super().__init__(task_id, **kwargs)
        self.bash_command = bash_command
        self.env = env
        self.append_env = append_env


class Variable:
    @staticmethod
    def get(*args, **kwargs):
        raise AssertionError("Variable.get called at import time")
'''

# Module name -> source, per Airflow layout. Airflow 2: DAG in `airflow`, BashOperator in
# `airflow.operators.bash`; Airflow 3: `airflow.sdk` and the standard provider.
LAYOUTS = {
    "airflow2": {
        "airflow/__init__.py": "from airflow._fake import DAG\n",
        "airflow/_fake.py": FAKE_CORE,
        "airflow/models/__init__.py": "from airflow._fake import Variable\n",
        "airflow/operators/__init__.py": "",
        "airflow/operators/bash.py": "from airflow._fake import BashOperator\n",
    },
    "airflow3": {
        "airflow/__init__.py": "",
        "airflow/_fake.py": FAKE_CORE,
        "airflow/sdk/__init__.py": "from airflow._fake import DAG, Variable\n",
        "airflow/providers/__init__.py": "",
        "airflow/providers/standard/__init__.py": "",
        "airflow/providers/standard/operators/__init__.py": "",
        "airflow/providers/standard/operators/bash.py": "from airflow._fake import BashOperator\n",
    },
}


def load_dags(layout, root):
    """Installs a fake airflow of the given layout under root, imports the DAG files, returns
    {dag_id: fake DAG}."""
    for path, source in LAYOUTS[layout].items():
        full = os.path.join(root, layout, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(textwrap.dedent(source))
    for name in list(sys.modules):
        if name == "airflow" or name.startswith("airflow.") or name.startswith("iste_"):
            del sys.modules[name]
    sys.path[:0] = [os.path.join(root, layout), DAG_FOLDER]
    try:
        for file_name in DAG_FILES:
            spec = importlib.util.spec_from_file_location(
                file_name[:-3], os.path.join(DAG_FOLDER, file_name)
            )
            spec.loader.exec_module(importlib.util.module_from_spec(spec))
        fake = sys.modules["airflow._fake"]
        return {dag.dag_id: dag for dag in fake.DAGS}
    finally:
        del sys.path[:2]


def stage_list():
    with open(os.path.join(DAG_FOLDER, "iste_stages.json"), encoding="utf-8") as f:
        return json.load(f)["stages"]


def quarter_of(date):
    return (date.year, (date.month - 1) // 3 + 1)


def previous_quarter(quarter):
    year, number = quarter
    return (year - 1, 4) if number == 1 else (year, number - 1)


def quarter_last_day(quarter):
    year, number = quarter
    first_of_next = (
        datetime.date(year + 1, 1, 1) if number == 4 else datetime.date(year, 3 * number + 1, 1)
    )
    return first_of_next - datetime.timedelta(days=1)


class DagFilesCompile(unittest.TestCase):
    def test_every_dag_file_compiles(self):
        with tempfile.TemporaryDirectory() as tmp:
            for name in sorted(os.listdir(DAG_FOLDER)):
                if name.endswith(".py"):
                    with self.subTest(file=name):
                        py_compile.compile(
                            os.path.join(DAG_FOLDER, name),
                            cfile=os.path.join(tmp, name + "c"),
                            doraise=True,
                        )


class DagShape:
    """Checks shared by both Airflow layouts; subclasses set LAYOUT."""

    LAYOUT = None

    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory()
        cls.dags = load_dags(cls.LAYOUT, cls._tmp.name)

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def test_both_dags_are_defined(self):
        self.assertEqual({"iste_quarterly", "iste_republish_kov"}, set(self.dags))

    def test_tasks_are_the_stages_in_order_with_their_upstream(self):
        expected = stage_list()
        self.assertEqual(
            ["ingest", "model", "measures", "publish", "reports"], [s["id"] for s in expected]
        )
        for dag in self.dags.values():
            with self.subTest(dag=dag.dag_id):
                self.assertEqual([s["id"] for s in expected], list(dag.tasks))
                for stage in expected:
                    self.assertEqual(
                        set(stage["upstream"]), dag.tasks[stage["id"]].upstream_task_ids
                    )

    def test_each_task_runs_its_stage_verb_of_the_jar_through_spark_submit(self):
        for dag in self.dags.values():
            for stage_id, task in dag.tasks.items():
                with self.subTest(dag=dag.dag_id, task=stage_id):
                    command = task.bash_command
                    self.assertTrue(command.startswith('"$ISTE_SPARK_SUBMIT" --master '))
                    self.assertIn(" --class ee.ska.iste.cli.Main ", command)
                    self.assertIn(
                        ' "$ISTE_JAR" %s --quarter "$ISTE_QUARTER" ' % stage_id, command
                    )
                    self.assertIn('--out "$ISTE_OUT_URI"', command)
                    self.assertTrue(task.append_env)
                    self.assertEqual(
                        "{{ var.value.get('iste_jar', '/opt/iste/iste-cli.jar') }}",
                        task.env["ISTE_JAR"],
                    )
                    self.assertEqual(
                        "{{ var.value.get('iste_spark_master', 'local[2]') }}",
                        task.env["ISTE_SPARK_MASTER"],
                    )

    def test_quarterly_takes_the_quarter_from_the_data_interval(self):
        dag = self.dags["iste_quarterly"]
        for task in dag.tasks.values():
            self.assertEqual(
                "{{ (dag_run.conf or {}).get('quarter') or (data_interval_start | ds) }}",
                task.env["ISTE_QUARTER"],
            )
            self.assertNotIn("ISTE_KOV", task.env)
            self.assertNotIn("--kov", task.bash_command)

    def test_quarterly_schedule_catchup_and_retries(self):
        kwargs = self.dags["iste_quarterly"].kwargs
        self.assertEqual("0 6 15 2,5,8,11 *", kwargs["schedule"])
        self.assertIs(True, kwargs["catchup"])
        self.assertEqual(1, kwargs["max_active_runs"])
        self.assertIsNotNone(kwargs["start_date"].tzinfo)
        self.assertEqual((2023, 1, 1), kwargs["start_date"].timetuple()[:3])
        default_args = kwargs["default_args"]
        self.assertGreaterEqual(default_args["retries"], 1)
        self.assertIs(True, default_args["retry_exponential_backoff"])
        self.assertGreater(default_args["max_retry_delay"], default_args["retry_delay"])

    def test_each_scheduled_run_processes_the_quarter_that_ended_weeks_before(self):
        # With a cron schedule a run's data interval runs from the previous tick to its own; the
        # Java CLI takes the quarter that data_interval_start falls in.
        minute, hour, day, months, weekday = self.dags["iste_quarterly"].kwargs["schedule"].split()
        self.assertEqual(("*", "0"), (weekday, minute))
        ticks = [
            datetime.date(year, int(month), int(day))
            for year in (2023, 2024, 2025)
            for month in months.split(",")
        ]
        for interval_start, run_date in zip(ticks, ticks[1:]):
            with self.subTest(run=run_date):
                processed = quarter_of(interval_start)
                self.assertEqual(previous_quarter(quarter_of(run_date)), processed)
                days_after_quarter_end = (run_date - quarter_last_day(processed)).days
                self.assertTrue(35 <= days_after_quarter_end <= 60, days_after_quarter_end)

    def test_republish_is_manual_and_passes_kov_and_quarter_from_the_conf(self):
        dag = self.dags["iste_republish_kov"]
        self.assertIsNone(dag.kwargs["schedule"])
        self.assertIs(False, dag.kwargs["catchup"])
        for task in dag.tasks.values():
            self.assertEqual("{{ dag_run.conf['quarter'] }}", task.env["ISTE_QUARTER"])
            self.assertEqual("{{ dag_run.conf['kov'] }}", task.env["ISTE_KOV"])
            self.assertTrue(task.bash_command.endswith(' --kov "$ISTE_KOV"'))


class Airflow2Layout(DagShape, unittest.TestCase):
    LAYOUT = "airflow2"


class Airflow3Layout(DagShape, unittest.TestCase):
    LAYOUT = "airflow3"


class CommandInBash(unittest.TestCase):
    """Runs a rendered command in bash with spark-submit replaced by printf, to see the words."""

    def test_words_reach_spark_submit_quoted(self):
        with tempfile.TemporaryDirectory() as tmp:
            dags = load_dags("airflow2", tmp)
        command = dags["iste_republish_kov"].tasks["ingest"].bash_command
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "ISTE_SPARK_SUBMIT": "printf",
            "ISTE_SPARK_MASTER": "spark://head:7077",
            "ISTE_SPARK_DEPLOY_MODE": "cluster",
            "ISTE_SPARK_SUBMIT_ARGS": "--conf spark.executor.memory=4g",
            "ISTE_JAR": "/opt/iste/iste-cli.jar",
            "ISTE_INPUT_URI": "s3a://iste/input",
            "ISTE_OUT_URI": "s3a://iste/out",
            "ISTE_QUARTER": "2024Q2",
            "ISTE_KOV": "0793; rm -rf /",
        }
        # printf's first word is the format: print every following word on its own line.
        result = subprocess.run(
            ["bash", "-c", command.replace('"$ISTE_SPARK_SUBMIT"', '"$ISTE_SPARK_SUBMIT" "%s\\n"')],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        self.assertEqual(
            [
                "--master", "spark://head:7077",
                "--deploy-mode", "cluster",
                "--name", "iste-ingest-2024Q2",
                "--class", "ee.ska.iste.cli.Main",
                "--conf", "spark.executor.memory=4g",
                "/opt/iste/iste-cli.jar",
                "ingest",
                "--quarter", "2024Q2",
                "--input", "s3a://iste/input",
                "--out", "s3a://iste/out",
                "--kov", "0793; rm -rf /",
            ],
            result.stdout.splitlines(),
        )


if __name__ == "__main__":
    unittest.main()
