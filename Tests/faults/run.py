#!/usr/bin/env python3
"""Fault injection against the built server: kill -9 on SQLite, SIGTERM under load, a PostgreSQL outage, a full disk, and
two instances on one PostgreSQL database (Tests/faults/README.md).

    python3 Tests/faults/run.py --binary .build/debug/interview [--rounds 100] [--only kill-9] [--seed N]

Prints one line per scenario (`kill-9: 100 rounds, 5321 acknowledged, 0 lost, 0 duplicated`), every
failed check under it, and `N passed, M failed`; exits 1 on any failure. Needs root (it stops and
starts PostgreSQL 15 and mounts a tmpfs) and the local PostgreSQL 15 cluster. Standard library only.
"""
import argparse
import collections
import os
import re
import sys
import time
import traceback

sys.dont_write_bytecode = True          # nothing written into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import disk_full  # noqa: E402
import harness  # noqa: E402
import kill9  # noqa: E402
import pg_outage  # noqa: E402
import sigterm  # noqa: E402
import two_instances  # noqa: E402

SCENARIOS = [kill9, sigterm, pg_outage, disk_full, two_instances]


def server_errors(paths):
    """The servers' own error lines, counted by kind (ids and request ids left out)."""
    counts = collections.Counter()
    for path in paths:
        try:
            text = open(path, errors="replace").read()
        except OSError:
            continue
        for line in text.splitlines():
            if "[ ERROR ]" in line or "[ CRITICAL ]" in line or "Fatal error" in line:
                line = re.sub(r"\[request-id: [^\]]*\]", "", line)
                line = re.sub(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}", "{id}", line)
                counts[line.strip()[:160]] += 1
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/debug/interview")
    parser.add_argument("--rounds", type=int, default=100, help="kill -9 rounds (default 100; CI uses ~15)")
    parser.add_argument("--only", action="append", default=[], choices=[s.NAME for s in SCENARIOS],
                        help="run only this scenario (may be given more than once)")
    parser.add_argument("--seed", type=int, default=20261204, help="seeds the kill moments and the actions")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders (data, server logs)")
    args = parser.parse_args()
    if os.geteuid() != 0:
        print("Tests/faults needs root: it stops and starts PostgreSQL and mounts a tmpfs.", file=sys.stderr)
        return 2
    if not os.path.exists(args.binary):
        print(f"no binary at {args.binary}", file=sys.stderr)
        return 2

    binary = harness.snapshot(args.binary)
    print(f"binary: {os.path.abspath(args.binary)} (modified {time.ctime(os.path.getmtime(args.binary))}), "
          f"rounds {args.rounds}, seed {args.seed}", flush=True)
    chosen = [s for s in SCENARIOS if not args.only or s.NAME in args.only]
    results = []
    began = time.monotonic()
    try:
        for index, scenario in enumerate(chosen):
            print(f"---- {scenario.NAME}", flush=True)
            report = harness.Report(scenario.NAME)
            logs_before = len(harness.LOGS)
            started = time.monotonic()
            try:
                scenario.run(binary, args.rounds, args.seed + index, report)
            except Exception as error:
                report.fail(f"the scenario stopped: {type(error).__name__}: {error}\n"
                            + "".join(traceback.format_exc().splitlines(keepends=True)[-6:]))
            finally:
                harness.stop_all()
            seconds = time.monotonic() - started
            verdict = "ok  " if report.passed else "FAIL"
            print(f"{verdict} {scenario.NAME}: {report.summary or '(no figures)'} [{seconds:.0f} s]", flush=True)
            for failure in report.failures[:25]:
                print(f"      ✗ {failure}", flush=True)
            if len(report.failures) > 25:
                print(f"      … and {len(report.failures) - 25} more failed checks", flush=True)
            if not report.passed:
                errors = server_errors(harness.LOGS[logs_before:])
                for line, count in errors.most_common(6):
                    print(f"      server log: {count}× {line}", flush=True)
            results.append(report)
    finally:
        harness.stop_all()
        if not args.keep:
            harness.remove_folders()
    passed = sum(1 for r in results if r.passed)
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed ({time.monotonic() - began:.0f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
