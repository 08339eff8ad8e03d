#!/usr/bin/env python3
"""Run a paperbag command over a plan on a Dask cluster: one task per shard (docs/scale.md).

    paperbag plan /archive/issues -o plan.jsonl
    python3 contrib/dask/paperbag_dask.py --scheduler tcp://scheduler:8786 --shards 16 \
        build plan.jsonl reports/ -- -o /shared/bundles
    python3 contrib/dask/paperbag_dask.py --local-workers 4 --shards 4 \
        export plan.jsonl reports/ -- --format jsonl -o /shared/articles.jsonl

Each task runs the `paperbag` executable (``--paperbag`` or $PAPERBAG, default: on PATH) as
`paperbag COMMAND --plan PLAN --shard K/N --shard-report REPORT_DIR/COMMAND-shard-KKKK.json`.
Shards are idempotent, so Dask may retry a task whose worker died (``--retries``). At the end
`paperbag report` merges the shard reports; its summary is printed and its exit code is this
script's exit code.
"""

import argparse
import contextlib
import os
import subprocess
import sys

from distributed import Client, LocalCluster


def run_shard(paperbag, command, plan, k, n, report_dir, options):
    """One shard, on a worker: runs paperbag and returns what happened."""
    report = os.path.join(report_dir, f"{command}-shard-{k:04d}.json")
    argv = [paperbag, command, "--plan", plan, "--shard", f"{k}/{n}",
            "--shard-report", report, *options]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    return {"shard": k, "exit_code": done.returncode, "report": report,
            "stderr": done.stderr[-4000:]}


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="address of a running Dask scheduler")
    where.add_argument("--local-workers", type=int, help="start a LocalCluster with N workers")
    parser.add_argument("--shards", type=int, required=True, help="N: shards of the plan")
    parser.add_argument("--retries", type=int, default=2, help="Dask retries per shard")
    parser.add_argument("--paperbag", default=os.environ.get("PAPERBAG", "paperbag"))
    parser.add_argument("command", choices=["build", "validate", "verify", "export"])
    parser.add_argument("plan")
    parser.add_argument("report_dir")
    parser.add_argument("options", nargs=argparse.REMAINDER,
                        help="after --: the command's own options (e.g. -o DIR)")
    args = parser.parse_args(argv)
    if args.options and args.options[0] == "--":
        args.options = args.options[1:]
    if args.shards < 1:
        parser.error("--shards must be at least 1")
    return args


def main(argv):
    args = parse_arguments(argv)
    plan = os.path.abspath(args.plan)
    report_dir = os.path.abspath(args.report_dir)
    os.makedirs(report_dir, exist_ok=True)
    with contextlib.ExitStack() as stack:
        if args.scheduler:
            client = stack.enter_context(Client(args.scheduler))
        else:
            cluster = stack.enter_context(
                LocalCluster(n_workers=args.local_workers, threads_per_worker=1,
                             processes=True, dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        futures = [client.submit(run_shard, args.paperbag, args.command, plan, k, args.shards,
                                 report_dir, args.options, key=f"paperbag-{args.command}-{k}",
                                 retries=args.retries, pure=False)
                   for k in range(args.shards)]
        results = client.gather(futures)
    for result in sorted(results, key=lambda r: r["shard"]):
        if result["exit_code"] != 0:
            sys.stderr.write(f"shard {result['shard']}/{args.shards}: exit "
                             f"{result['exit_code']}\n{result['stderr']}")
    reports = [r["report"] for r in sorted(results, key=lambda r: r["shard"])]
    return subprocess.run([args.paperbag, "report", *reports], check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
