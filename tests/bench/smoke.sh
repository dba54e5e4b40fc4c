#!/bin/sh
# Smoke run of the benchmark kit (no times are checked): the generator
# writes a tiny database through the store, the command line reads back
# what it wrote (NFD input stored as NFC), generated notices import, and
# the driver goes through all its steps once, briefly.
set -eu

bin=./bienban
gen=tests/bench/bench-gen
run=tests/bench/bench-run
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

fail() {
	echo "smoke: $*" >&2
	exit 1
}

# One object per line in --format json.
count() {
	grep -c '^{' || true
}

$gen --size tiny --nfd 20 --quiet "$tmp/tiny.db" > "$tmp/gen.out"
cat "$tmp/gen.out"
want_tasks=$(sed -n 's/.*, \([0-9]*\) action items$/\1/p' "$tmp/gen.out")
meetings=$($bin --db "$tmp/tiny.db" list meetings --format json | count)
tasks=$($bin --db "$tmp/tiny.db" list tasks --format json | count)
[ "$meetings" -eq 50 ] || fail "50 meetings generated, $meetings listed"
[ "$tasks" -eq "$want_tasks" ] || fail "$want_tasks action items generated, $tasks listed"
[ "$tasks" -ge 400 ] || fail "only $tasks action items for 50 meetings"

# Statuses were set through edits, with history, on both sides of today.
for status in open doing done dropped; do
	n=$($bin --db "$tmp/tiny.db" list tasks --status $status --format json | count)
	[ "$n" -gt 0 ] || fail "no $status action items"
done
overdue=$($bin --db "$tmp/tiny.db" list tasks --overdue --format json | count)
[ "$overdue" -gt 0 ] || fail "nothing overdue"

# A fifth of the meetings went in as NFD; the store keeps NFC only
# (no combining mark U+0300–U+033F, bytes CC 80–BF, in the output).
marks=$($bin --db "$tmp/tiny.db" export --format json | LC_ALL=C grep -c "$(printf '\314[\200-\277]')" || true)
[ "$marks" -eq 0 ] || fail "$marks lines of the export hold combining marks"

# Generated notices are read by the real parser.
$gen --notices "$tmp/notices" --count 5 --nfd 40
$bin --db "$tmp/import.db" import "$tmp"/notices/*.txt > /dev/null
imported=$($bin --db "$tmp/import.db" list meetings --format json | count)
[ "$imported" -eq 5 ] || fail "5 notices imported as $imported meetings"

# The driver, every step once.
$run --quick --bin "$bin" --db "$tmp/tiny.db" --notices "$tmp/notices" > "$tmp/run.out"
grep -q 'start → first screen' "$tmp/run.out" || fail "the driver printed no results"
grep -q 'notices/s' "$tmp/run.out" || fail "the driver measured no import"
echo "smoke: ok"
