#!/usr/bin/env bash
# Fuzz/run.sh TARGET SECONDS [LIBFUZZER_FLAG…] — builds the libFuzzer binary for TARGET (flowchart, guide
# or markdown) and fuzzes it for SECONDS on a copy of Fuzz/corpus/TARGET. Exits non-zero on any crash,
# hang over 1 s, leak or out-of-memory, naming the input that caused it. See Fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 2 ]; then
    echo "usage: Fuzz/run.sh flowchart|guide|markdown SECONDS [LIBFUZZER_FLAG…]" >&2
    exit 2
fi
target=${1#fuzz-}
seconds=$2
shift 2
case "$target" in
    flowchart|guide|markdown) ;;
    *) echo "unknown target '$target': flowchart, guide or markdown" >&2; exit 2 ;;
esac
product=fuzz-$target
scratch=.build-fuzz

# The build. -sanitize=fuzzer,address instruments every Swift module of the product (ours, Yams and
# swift-crypto's Swift layer) for coverage and ASan; -Xswiftc reaches no C target, so libyaml (under Yams)
# and BoringSSL stay uninstrumented: they are not what we fuzz, and instrumenting BoringSSL would double
# the build for no finding of ours (ASan's allocator still covers their heap, and LeakSanitizer their
# leaks). -DFUZZING turns the target into a libFuzzer binary. No -parse-as-library: SwiftPM already parses
# a one-file executable as a library, and the entry point is ours (it hands over to libFuzzer, because
# SwiftPM renames `main` in every executable it links). Release, as users run it, with `assert` kept
# (-assert-config Debug) as in the tests: five to seven times the executions of a debug build (flowchart,
# 20 s: 690 exec/s against 100), and a hang over 1 s is then a hang a user would wait for. Its own scratch
# path, so the sanitizer flags never rebuild the usual .build.
build_log=$(mktemp)
if ! swift build -c release --scratch-path "$scratch" --product "$product" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -assert-config -Xswiftc Debug \
        -Xswiftc -DFUZZING >"$build_log" 2>&1; then
    # gold warns once per ASan helper symbol it cannot export; the errors are what matters.
    grep -v "Cannot export local symbol" "$build_log" | tail -40 >&2
    rm -f "$build_log"
    echo "fuzz build of $product failed" >&2
    exit 1
fi
rm -f "$build_log"
binary="$scratch/release/$product"

# A copy of the committed corpus, so a run never grows it; artifacts (crash-*, timeout-*, leak-*, oom-*)
# next to it. Kept when something is found (or with FUZZ_KEEP=1), removed otherwise.
work=$(mktemp -d "${TMPDIR:-/tmp}/interviewflow-$product.XXXXXX")
mkdir -p "$work/corpus" "$work/artifacts"
cp Fuzz/corpus/"$target"/* "$work/corpus/"
seeds=$(ls "$work/corpus" | wc -l)

# detect_leaks: LeakSanitizer after every input (libFuzzer's -detect_leaks is on by default, but only
# when ASan's is). Swift's backtracer prints the readable stack of a Swift trap; never interactively.
# -max_len 64 KB lets a whole real guide in (the seed guide is 11 KB, the bundled ones up to 21 KB without
# their front matter); -timeout=1 makes any input that takes over a second a failure (a hang).
status=0
ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}" \
SWIFT_BACKTRACE="enable=yes,interactive=no,color=no" \
timeout --kill-after=30 $((seconds * 2 + 300)) \
    "$binary" "$work/corpus" \
        -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$@" \
        </dev/null >"$work/fuzz.log" 2>&1 || status=$?

# libFuzzer's last status line ("#N DONE cov: … ft: … corp: N/Size …") and its final stats.
done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$work/fuzz.log" | tail -1 || true)
final_stat() { grep -E "^stat::$1:" "$work/fuzz.log" | awk '{print $2}' | tail -1; }
field() { sed -nE "s/.* $1: ([^ ]+).*/\1/p" <<<"$done_line"; }
executions=$(final_stat number_of_executed_units)
per_second=$(final_stat average_exec_per_sec)
peak_rss=$(final_stat peak_rss_mb)
count() { find "$work/artifacts" -name "$1-*" | wc -l; }
crashes=$(count crash); hangs=$(count timeout); leaks=$(count leak); ooms=$(count oom)

coverage="n/a (no final status line)"; corpus="$seeds seeds"
if [ -n "$done_line" ]; then
    coverage="$(field cov) edges, $(field ft) features"
    corpus="$seeds seeds -> $(field corp | sed 's|/| inputs, |')"
fi
echo "$product: ${seconds} s, ${executions:-?} executions, ${per_second:-?} exec/s, coverage $coverage," \
    "corpus $corpus, peak RSS ${peak_rss:-?} MB," \
    "crashes $crashes, hangs $hangs, leaks $leaks, OOMs $ooms"

found=$((crashes + hangs + leaks + ooms))
if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
    echo "FAILED (libFuzzer exit $status). The fuzzer's output ends:" >&2
    tail -60 "$work/fuzz.log" >&2
    echo "full log: $work/fuzz.log" >&2
    for artifact in "$work"/artifacts/*; do
        [ -e "$artifact" ] && echo "input: $artifact" >&2
    done
    exit 1
fi
if [ "${FUZZ_KEEP:-0}" = 1 ]; then
    echo "kept: $work"
else
    rm -rf "$work"
fi
