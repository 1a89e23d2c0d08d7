#!/usr/bin/env python3
"""Server time of the pages issue 15 sets a goal for (< 200 ms at 10,000 interviews), on demo data.

Fills a data folder with `interview demo` (or uses one already filled), starts the release server on it,
signs in as the demo's hiring manager and admin as soon as it answers and requests each page once while
the calibration warm-up still reads the team's cards (pages do not wait for it: they say the figures are
being prepared), then waits for the warm-up to say it is done (and reports how long it took), and requests
each page --repeat times in a row over localhost. Every request's
time is the client's round trip on one machine, so it bounds the server's time from above. Standard
library only; the client is Tests/e2e/interviewflow_api.py.

    swift build -c release --product interview
    Benchmarks/calibration/pages.py --interviews 10000            # ~2.5 min to fill, then the table
    Benchmarks/calibration/pages.py --data DIR --password PW      # a folder `interview demo` filled before
"""
import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "e2e"))
from interviewflow_api import Client  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(client, path, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.call("GET", path)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/release/interview")
    parser.add_argument("--data", help="a folder `interview demo` filled; without it a new one is filled")
    parser.add_argument("--password", help="the demo accounts' password, with --data")
    parser.add_argument("--interviews", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    if args.data:
        folder, password = args.data, args.password
        if not password:
            parser.error("--data needs --password (printed by `interview demo`)")
    else:
        folder = os.path.join(tempfile.mkdtemp(prefix="interviewflow-pages-"), "team")
        out = subprocess.run([binary, "demo", "--data", folder, "--interviews", str(args.interviews), "--seed", "1"],
                             check=True, capture_output=True, text=True,
                             env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}).stdout
        print(out.splitlines()[0])
        password = re.search(r"password (\S+) as:", out).group(1)
    port = free_port()
    log = open(os.path.join(tempfile.mkdtemp(prefix="interviewflow-pages-log-"), "serve.log"), "w+")
    started = time.monotonic()
    server = subprocess.Popen([binary, "serve", "--data", folder, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        while time.monotonic() - started < 120:
            try:
                Client(base).call("GET", "/healthz")
                break
            except Exception:
                if server.poll() is not None:
                    sys.exit("the server stopped; see " + log.name)
                time.sleep(0.2)
        manager, admin = Client(base), Client(base)
        manager.login("maria@demo.example", password)
        admin.login("ada@demo.example", password)
        positions = sorted(set(re.findall(r'href="(/positions/[0-9A-Fa-f-]{36})"', manager.call("GET", "/positions"))))
        calibration = manager.call("GET", "/calibration")
        guide = re.search(r'<option value="([0-9A-Fa-f-]{36})" selected', calibration).group(1)
        health = manager.call("GET", f"/guides/{guide}/health")
        version = re.findall(r'<option value="([0-9A-Fa-f-]{36})"', health)[0]
        candidate = manager.call("GET", "/api/v1/candidates?position=" + positions[0].rsplit("/", 1)[1])[0]["id"]
        pages = [("position page", manager, positions[0]), ("positions list", manager, "/positions"),
                 ("interviews list (50 a page)", manager, "/interviews"),
                 ("calibration page", manager, "/calibration"), ("guide health, all versions", manager, f"/guides/{guide}/health"),
                 ("guide health, one version", manager, f"/guides/{guide}/health?version={version}"),
                 ("question bank", manager, "/questions"), ("question bank, searched", manager, "/questions?q=cookie"),
                 ("guide editor with figures", admin, f"/guides/{guide}/edit"),
                 ("debrief with adjusted score", manager, f"/candidates/{candidate}/debrief"),
                 ("API: a position's whole candidate list", manager, "/api/v1/candidates?position=" + positions[0].rsplit("/", 1)[1])]
        print(f"\nRight after the start, {time.monotonic() - started:.1f} s in, while the warm-up reads the cards:")
        print("\n| page | ms | says the figures are being prepared |\n|---|---:|---|")
        for name, client, path in pages:
            begin = time.perf_counter()
            body = client.call("GET", path)
            ms = (time.perf_counter() - begin) * 1000
            preparing = isinstance(body, str) and "just started" in body
            print(f"| {name} | {ms:.0f} | {'yes' if preparing else 'no'} |")
        warm = None
        while time.monotonic() - started < 900:
            log.seek(0)
            found = re.search(r"calibration warm-up done in (\d+) s", log.read())
            if found:
                warm = int(found.group(1))
                break
            if server.poll() is not None:
                sys.exit("the server stopped; see " + log.name)
            time.sleep(1)
        print(f"\nwarm-up after start: {warm} s" if warm is not None else "warm-up: not done after 900 s")
        print(f"\n| page | ms, {args.repeat} requests in a row | median |\n|---|---|---:|")
        for name, client, path in pages:
            times = timed(client, path, args.repeat)
            print(f"| {name} | {', '.join(f'{t:.0f}' for t in times)} | {statistics.median(times):.0f} |")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
