#!/bin/sh
# cli_manners_test.sh — every tool in src/tools/ keeps the command-line manners of docs/architecture.md: --help and
# --version (stdout, exit 0), usage errors (stderr only, exit 2), failures that name the file (exit 1), and `-` for
# standard input and output with byte-identical results to the same run on files.
#
#   sh tests/cli/cli_manners_test.sh BUILD_DIR
#
# BUILD_DIR holds the five tools (bukchon-simulate, -import, -convert, -gen, -map); the inputs are the shipped
# Bukchon data and the example of docs/import.md. Prints one line per failure and exits 1 when there was any.
set -u
build=${1:?usage: cli_manners_test.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
assets=$here/../../assets/bukchon
tools="bukchon-simulate bukchon-import bukchon-convert bukchon-gen bukchon-map"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# run CMD… — runs it with stdout in $tmp/out, stderr in $tmp/err and the exit code in $rc.
run() { rc=0; "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?; }
# runIn FILE CMD… — the same with FILE as standard input.
runIn() { input=$1; shift; rc=0; "$@" <"$input" >"$tmp/out" 2>"$tmp/err" || rc=$?; }
expectRc() { [ "$rc" -eq "$1" ] || fail "$2: exit $rc, expected $1 (stderr: $(head -c 300 "$tmp/err"))"; }
expectEmpty() { [ ! -s "$tmp/$1" ] || fail "$2: $1 should be empty, has: $(head -c 200 "$tmp/$1")"; }
expectText() { grep -q -- "$2" "$tmp/$1" || fail "$3: $1 does not mention '$2' (has: $(head -c 200 "$tmp/$1"))"; }
same() { cmp -s "$1" "$2" || fail "$3: $1 and $2 differ"; }

for tool in $tools; do
  [ -x "$build/$tool" ] || { fail "$build/$tool is not built"; continue; }
  t=$build/$tool
  for flag in --help -h; do
    run "$t" $flag
    expectRc 0 "$tool $flag"; expectText out "^usage: $tool" "$tool $flag"; expectEmpty err "$tool $flag"
  done
  run "$t" --version
  expectRc 0 "$tool --version"; expectText out "^$tool [0-9][0-9.]*$" "$tool --version"; expectEmpty err "$tool --version"
  run "$t" --no-such-option
  expectRc 2 "$tool --no-such-option"; expectEmpty out "$tool --no-such-option"
  expectText err "no-such-option" "$tool --no-such-option"
  run "$t"
  expectRc 2 "$tool without operands"; expectEmpty out "$tool without operands"; expectText err "usage:" "$tool without operands"
done

# ---- a missing input: exit 1, the file named on stderr, nothing on stdout -----------------------------------------
missing=$tmp/no-such-file
checkMissing() {  # checkMissing LABEL NAME CMD…
  label=$1; name=$2; shift 2
  run "$@"
  expectRc 1 "$label"; expectText err "$name" "$label"; expectEmpty out "$label"
}
checkMissing "simulate, missing sensors" no-such-file "$build/bukchon-simulate" "$missing.geojson" "$tmp/o.json"
checkMissing "import, missing log" no-such-file "$build/bukchon-import" "$missing.csv" -o "$tmp/imp"
checkMissing "convert, missing .bkr" no-such-file "$build/bukchon-convert" "$missing.bkr" "$tmp/back"
checkMissing "convert, missing recording" no-such-file "$build/bukchon-convert" "$assets/sensors.geojson" "$missing.json" "$tmp/o.bkr"
checkMissing "map, missing extract" no-such-file "$build/bukchon-map" "$missing.osm.pbf" -o "$tmp/o.geojson"
checkMissing "gen, unwritable output" no-such-dir "$build/bukchon-gen" scale "$tmp/no-such-dir/o.bkr" --sensors 3

# ---- `-`: the same bytes as the run on files; the summary on stderr, stdout only the data -------------------------
# convert: JSON → .bkr with the sensors from stdin and the .bkr to stdout; then .bkr from stdin → JSON → .bkr again.
c=$build/bukchon-convert
run "$c" "$assets/sensors.geojson" "$assets/recording.json" "$tmp/files.bkr"
expectRc 0 "convert to a file"; expectText out "files.bkr" "convert to a file"
runIn "$assets/sensors.geojson" "$c" - "$assets/recording.json" -
expectRc 0 "convert - … -"; expectText err "readings" "convert - … - (summary on stderr)"
same "$tmp/out" "$tmp/files.bkr" "convert: stdout vs file"
cp "$tmp/out" "$tmp/stdout.bkr"
runIn "$tmp/stdout.bkr" "$c" - "$tmp/back"
expectRc 0 "convert - OUTDIR"
run "$c" "$tmp/back/sensors.geojson" "$tmp/back/recording.json" "$tmp/again.bkr"
same "$tmp/again.bkr" "$tmp/files.bkr" "convert: .bkr → JSON (from stdin) → .bkr"
run "$c" "$tmp/stdout.bkr" -
expectRc 2 "convert IN.bkr - (a folder cannot be stdout)"; expectEmpty out "convert IN.bkr -"

# import: the docs/import.md example from stdin, the binary recording to stdout, the report to stderr.
cat >"$tmp/bins.csv" <<'EOF'
측정시간,시리얼,위도,경도,적재량 (%),상태
2026-05-11 09:00,CUBE-01,37.5826,126.9836,12,GREEN
2026-05-11 09:05,CUBE-01,37.5826,126.9836,15,GREEN
2026-05-11 09:00,CUBE-02,37.5812,126.9848,81,YELLOW
2026-05-11 09:05,CUBE-02,37.5812,126.9848,97,RED
EOF
i=$build/bukchon-import
named="--timezone +09:00 --title Bins --source bins.csv --binary"  # the title and source would otherwise name the file
run "$i" "$tmp/bins.csv" $named -o "$tmp/imported"
expectRc 0 "import to a folder"; expectText out "GREEN < YELLOW < RED" "import to a folder (report on stdout)"
runIn "$tmp/bins.csv" "$i" - $named -o -
expectRc 0 "import - -o -"; expectText err "GREEN < YELLOW < RED" "import - -o - (report on stderr)"
same "$tmp/out" "$tmp/imported/recording.bkr" "import: stdin → stdout vs file → folder"
cp "$tmp/out" "$tmp/imported.bkr"
run "$c" "$tmp/imported.bkr" "$tmp/imported-json"
expectRc 0 "the imported .bkr loads"
runIn "$tmp/bins.csv" "$i" - --timezone +09:00 -o -
expectRc 2 "import -o - without --binary"; expectEmpty out "import -o - without --binary"

# simulate: sensors from stdin, the recording to stdout.
s=$build/bukchon-simulate
run "$s" "$assets/sensors.geojson" "$tmp/sim.json" --days 1
expectRc 0 "simulate to a file"
runIn "$assets/sensors.geojson" "$s" - - --days 1
expectRc 0 "simulate - -"; expectText err "readings" "simulate - - (summary on stderr)"
same "$tmp/out" "$tmp/sim.json" "simulate: stdout vs file"

# gen: a binary dataset and a CSV log to stdout.
g=$build/bukchon-gen
run "$g" scale "$tmp/scale.bkr" --sensors 20 --readings 8
runIn /dev/null "$g" scale - --sensors 20 --readings 8
expectRc 0 "gen scale -"; same "$tmp/out" "$tmp/scale.bkr" "gen scale: stdout vs file"
run "$g" csv "$tmp/log.csv" --mb 1 --sensors 20
runIn /dev/null "$g" csv - --mb 1 --sensors 20
expectRc 0 "gen csv -"; same "$tmp/out" "$tmp/log.csv" "gen csv: stdout vs file"

# map: the extract from stdin, the map to stdout; only the attribution's file name differs from the run on the file.
m=$build/bukchon-map
run "$m" "$assets/osm/bukchon.osm.pbf" -o "$tmp/map.geojson" --binary "$tmp/map.bkm"
expectRc 0 "map to files"
runIn "$assets/osm/bukchon.osm.pbf" "$m" - --format pbf -o -
expectRc 0 "map - -o -"; expectText err "roads" "map - -o - (summary on stderr)"
sed 's/, bukchon\.osm\.pbf, converted/, converted/' "$tmp/map.geojson" >"$tmp/map-unnamed.geojson"
same "$tmp/out" "$tmp/map-unnamed.geojson" "map: stdin → stdout vs file → file"
run "$m" "$assets/osm/bukchon.osm.pbf" -o "$tmp/m.geojson" --binary -
expectRc 0 "map --binary -"; same "$tmp/out" "$tmp/map.bkm" "map: .bkm to stdout vs file"
run "$m" - -o - --binary -
expectRc 2 "map -o - --binary -"; expectEmpty out "map -o - --binary -"

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed" >&2; exit 1; }
echo "cli manners: all checks passed"
