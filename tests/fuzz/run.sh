#!/bin/sh
# run.sh — runs the libFuzzer targets of a fuzzing build on their seed
# corpora, one after the other.
#
#   tests/fuzz/run.sh BUILDDIR SECONDS [TARGET...]
#
# BUILDDIR is where `configure CC=clang --enable-fuzzing` and `make` ran;
# SECONDS is each target's -max_total_time; TARGETs default to all five
# (text notice csv json date). New inputs found go to a scratch corpus in
# BUILDDIR/tests/fuzz/work/TARGET, never into the seed corpus; a crash
# leaves its input in BUILDDIR/tests/fuzz/TARGET-crash-* and fails the script.
set -eu

if [ $# -lt 2 ]; then
	echo "usage: $0 BUILDDIR SECONDS [TARGET...]" >&2
	exit 2
fi
build=$1
seconds=$2
shift 2
[ $# -gt 0 ] || set -- text notice csv json date
seeds=$(cd "$(dirname "$0")" && pwd)/corpus

for t in "$@"; do
	bin=$build/tests/fuzz/fuzz_$t
	work=$build/tests/fuzz/work/$t
	mkdir -p "$work"
	echo "== fuzz_$t, ${seconds}s"
	# -rss_limit_mb: the 10 MB field of a table, doubled by NFC, is fine;
	# a leak that grows without end is not.
	"$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 \
		-print_final_stats=1 -artifact_prefix="$build/tests/fuzz/$t-" \
		"$work" "$seeds/$t"
done
