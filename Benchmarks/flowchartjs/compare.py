#!/usr/bin/env python3
"""Times flowchart.js's parse and our document path on the same inputs, in one run, and prints one table.

usage: Benchmarks/flowchartjs/compare.py FLOWCHART_JS_DIR [--benchmark PATH] [--package-path DIR]

FLOWCHART_JS_DIR is a checkout of https://github.com/adrai/flowchart.js (its src/ is loaded as is;
nothing of it is copied here). `raphael`, which flowchart.js requires but parsing never uses, is
answered by a stub module written to a temporary directory, so no npm install is needed.
Our side is the release `flowchart-benchmark` (built here unless --benchmark is given): it writes the
inputs (--write-inputs) and times `FlowchartDocument(text:path:)` on them, the path lint, render,
guide import and the server take. See README.md for what each row compares.
"""
import argparse
import math
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SIZES = [1000, 5000, 10000, 50000]


def build(package_path):
    subprocess.run(["swift", "build", "--package-path", package_path, "-c", "release",
                    "--product", "flowchart-benchmark"], check=True, stdout=sys.stderr)
    out = subprocess.run(["swift", "build", "--package-path", package_path, "-c", "release", "--show-bin-path"],
                         check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(out, "flowchart-benchmark")


def rows(inputs):
    """(name, our files, flowchart.js's files): our side reads the guide, flowchart.js the bare chart."""
    corpus = sorted(os.path.join(inputs, "pyflowchart", f) for f in os.listdir(os.path.join(inputs, "pyflowchart")))
    table = []
    for n in SIZES:
        flow = os.path.join(inputs, f"flowjs-{n}.flow")
        table.append((f"flowchart.js guide {n}", [os.path.join(inputs, f"flowjs-{n}.md")], [flow]))
        table.append((f"flowchart.js bare {n}", [flow], [flow]))
        # Mermaid of the same size against flowchart.js's parse of the same interview.
        table.append((f"mermaid guide {n}", [os.path.join(inputs, f"mermaid-{n}.md")], [flow]))
    table.append((f"pyflowchart corpus ({len(corpus)} files)", corpus, corpus))
    return table


def time_ours(benchmark, name, files):
    args = [benchmark, "--only", "parse"] + (["--total", name] if len(files) > 1 else []) + files
    line = subprocess.run(args, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    m = re.search(r": (\d+) nodes in \d+ flowcharts, parse ([\d.]+) ms", line)
    return int(m.group(1)), float(m.group(2))


def time_floor(benchmark, files):
    """GraphFloor's 'both' (line split + label Strings) over the files as one sample."""
    line = subprocess.run([benchmark, "--floor"] + files, check=True, capture_output=True, text=True).stdout
    return float(re.search(r"both ([\d.]+) ms", line).group(1))


def time_flowchartjs(flowchartjs, stub, table):
    """flowchart.js's (median ms, nodes) per row; each distinct input is timed once (a 50,000-node parse
    takes flowchart.js 9 s, and three rows compare against it)."""
    distinct = sorted({tuple(theirs) for _, _, theirs in table})
    spec = [f"{i}=" + ",".join(files) for i, files in enumerate(distinct)]
    env = dict(os.environ, NODE_PATH=stub)
    out = subprocess.run(["node", os.path.join(HERE, "time_parse.js"), flowchartjs] + spec,
                         check=True, capture_output=True, text=True, env=env).stdout
    timed = {}
    for line in out.strip().splitlines():
        index, ms, _, nodes = line.split("\t")
        timed[distinct[int(index)]] = (float(ms), int(nodes))
    return {i: timed[tuple(theirs)] for i, (_, _, theirs) in enumerate(table)}


def ratio(r):
    """Cut, never rounded up to a figure it did not reach: 19.99 stays 19.99, 0.006 is not 0.0."""
    digits = 3 if r < 1 else 2 if r < 100 else 0
    return f"{math.floor(r * 10 ** digits) / 10 ** digits:.{digits}f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("flowchartjs")
    parser.add_argument("--benchmark", help="a built flowchart-benchmark (default: build it)")
    parser.add_argument("--package-path", default=ROOT)
    args = parser.parse_args()
    benchmark = args.benchmark or build(args.package_path)
    with tempfile.TemporaryDirectory() as tmp:
        stub = os.path.join(tmp, "node_modules")
        os.makedirs(os.path.join(stub, "raphael"))
        with open(os.path.join(stub, "raphael", "index.js"), "w") as f:
            f.write("module.exports = function Raphael() { throw new Error('parsing never draws'); };\n")
        inputs = os.path.join(tmp, "inputs")
        subprocess.run([benchmark, "--write-inputs", inputs], check=True)
        table = rows(inputs)
        theirs = time_flowchartjs(args.flowchartjs, stub, table)
        # The floor (flowchart-benchmark --floor) is timed on the bare flowchart.js chart of the same
        # interview: the same labels to make, whichever syntax our row reads.
        print("| input | nodes | flowchart.js parse ms | ours (document path) ms | ratio "
              "| 20× budget ms | floor ms (lines + label Strings) |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for i, (name, ours_files, their_files) in enumerate(table):
            nodes, ours = time_ours(benchmark, name, ours_files)
            floor = time_floor(benchmark, their_files)
            their_ms, their_nodes = theirs[i]
            budget = their_ms / 20
            shown = f"{nodes}" if nodes == their_nodes else f"{nodes} (flowchart.js: {their_nodes})"
            print(f"| {name} | {shown} | {their_ms:.3f} | {ours:.4f} | {ratio(their_ms / ours)}× "
                  f"| {budget:.4f} | {floor:.4f} ({floor / budget:.0%} of it) |", flush=True)


if __name__ == "__main__":
    main()
