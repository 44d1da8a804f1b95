"""iste_republish_kov: re-run one quarter after a municipality (KOV) resubmitted its data.

Manual trigger only, with a run conf {"kov": "0793", "quarter": "2024Q2"}: every stage runs again
for that quarter (each stage replaces exactly that quarter's partitions, so a re-run is safe) and
gets --kov, so that ingest and reports can say and narrow what was resubmitted. The Java CLI
validates both values; a missing key fails the first task when its template is rendered.
"""

from datetime import datetime, timezone

try:  # Airflow 3
    from airflow.sdk import DAG
except ImportError:  # Airflow 2
    from airflow import DAG

from iste_common import DEFAULT_ARGS, add_stage_tasks

with DAG(
    dag_id="iste_republish_kov",
    description="Re-publish one KOV's resubmitted quarter (run conf: kov, quarter)",
    doc_md=__doc__,
    schedule=None,
    start_date=datetime(2023, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["iste"],
) as dag:
    add_stage_tasks("{{ dag_run.conf['quarter'] }}", "{{ dag_run.conf['kov'] }}")
