#!/usr/bin/env python3
"""The attack suite: drives a built `interview` binary as an attacker would, over HTTP and in headless
Chromium, and checks the server holds (see README.md in this folder for what each test asserts).

    /usr/bin/python3 Tests/security/run.py --binary .build/debug/interview [--only NAME…] [--list] [--keep]

Every test runs whatever happened to the others; the last line is `N passed, M failed[, K skipped]`, and
the exit status is non-zero when anything failed.
"""
import argparse
import os
import signal
import sys
import time
import traceback

sys.dont_write_bytecode = True          # leave no __pycache__ in the work tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import harness  # noqa: E402
import server  # noqa: E402

# Run order: cheap HTTP tests first, Chromium in the middle, the slow timing tests last.
MODULES = ["headers", "redirects", "roles", "sessions", "logins", "process", "logs", "bombs", "xss", "audit"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/debug/interview", help="the `interview` executable to attack")
    parser.add_argument("--only", nargs="*", default=None, help="run only tests whose name contains one of these words")
    parser.add_argument("--list", action="store_true", help="list the tests and exit")
    parser.add_argument("--keep", action="store_true", help="keep the servers' temporary folders (logs, databases)")
    parser.add_argument("--no-copy", action="store_true", help="run the binary in place instead of a private copy")
    args = parser.parse_args()

    for name in MODULES:
        __import__(name)
    tests = harness.TESTS
    if args.only:
        tests = [(n, f) for n, f in tests if any(word in n for word in args.only)]
    if args.list:
        for name, function in tests:
            print(f"{name}\n    {' '.join((function.__doc__ or '').split())}")
        return 0

    binary = os.path.abspath(args.binary)
    if not os.path.exists(binary):
        print(f"no binary at {binary} (build it first: swift build --product interview)", file=sys.stderr)
        return 2
    server.KEEP_FOLDERS = args.keep
    # SIGTERM/SIGINT still stop every server and browser we started (atexit runs on SystemExit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    harness.SETTINGS["binary"] = binary if args.no_copy else server.snapshot(binary)

    started = time.monotonic()
    results = []
    for name, function in tests:
        print(f"… {name}", flush=True)
        began = time.monotonic()
        try:
            function()
            outcome, message = "PASS", ""
        except harness.Skip as skip:
            outcome, message = "SKIP", str(skip)
        except AssertionError as error:
            outcome, message = "FAIL", str(error)
        except Exception as error:                  # the harness or the server broke: still a failure, said plainly
            outcome = "FAIL"
            where = traceback.extract_tb(error.__traceback__)[-1]
            message = f"{type(error).__name__}: {error} (at {os.path.basename(where.filename)}:{where.lineno})"
        elapsed = time.monotonic() - began
        results.append((name, outcome, message, elapsed))
        print(f"{outcome} {name} ({elapsed:.1f} s){': ' + message if message else ''}", flush=True)

    # Browsers and servers first, then the summary (so it is the last thing printed).
    try:
        import browser
        browser.quit_all()
    except Exception:
        pass
    server.stop_all()
    passed = sum(1 for r in results if r[1] == "PASS")
    failed = sum(1 for r in results if r[1] == "FAIL")
    skipped = sum(1 for r in results if r[1] == "SKIP")
    print("\nSummary")
    for name, outcome, message, elapsed in results:
        first = message.splitlines()[0] if message else ""
        print(f"  {outcome}  {name:<42} {elapsed:6.1f} s  {first[:150]}")
    print(f"  total time {time.monotonic() - started:.0f} s")
    print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
