#!/usr/bin/env bash
# build-wasm.sh — installs what the build needs, builds the WebAssembly viewer into dist/, serves it, runs tests.
#
#   ./build-wasm.sh                 install missing dependencies, build dist/ (incremental)
#   ./build-wasm.sh serve [--port N] build, then serve dist/ on http://127.0.0.1:N/ (default 8080)
#   ./build-wasm.sh test            install test dependencies too, then: native unit tests (ctest),
#                                   the wasm build, end-to-end tests in headless Chromium
#   ./build-wasm.sh bench           generate the scale datasets, run the benchmarks, print a table and write
#                                   bench/results.json (docs/performance.md explains the figures)
#
# Environment: IMGUI_DIR=/path/to/imgui-1.86 uses your own Dear ImGui sources instead of Debian's source
# package; JOBS=N sets build parallelism (default: number of cores).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DEPS="$ROOT/.deps"                 # ignored: third-party sources fetched at build time
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
IMGUI_VERSION=1.86

say() { printf '\033[1m[build-wasm]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[build-wasm] error:\033[0m %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise, or explains what to do.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $* (install sudo, or run this script as root, or install the packages yourself)"
  fi
}

APT_UPDATED=0
apt_install() {   # apt_install pkg... : installs only the packages that are missing
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install these yourself: ${missing[*]}"
  say "installing: ${missing[*]}"
  if [ $APT_UPDATED -eq 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# A deb-src twin of the machine's apt sources (deb822 files such as debian.sources / ubuntu.sources, and one-line
# lists), made once per run and used only for source downloads: nothing on the machine's apt configuration changes.
DEB_SRC_OPT=()
deb_src_twin() {
  [ ${#DEB_SRC_OPT[@]} -gt 0 ] && return 0
  apt_install dpkg-dev xz-utils bzip2
  local parts; parts=$(mktemp -d)
  local f n=0
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    sed 's/^Types: deb$/Types: deb-src/; s/^Types: deb deb-src$/Types: deb-src/' "$f" > "$parts/$n.sources"
  done
  { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } |
    sed -n 's/^deb /deb-src /p' > "$parts/one-line.list"
  [ -s "$parts/one-line.list" ] || rm -f "$parts/one-line.list"
  DEB_SRC_OPT=(-o Dir::Etc::sourcelist=/dev/null -o Dir::Etc::sourceparts="$parts")
  as_root apt-get update -qq "${DEB_SRC_OPT[@]}" -o APT::Get::List-Cleanup=0
}

# Downloads Debian source package PKG into the current folder. When the newest version's files are not on the
# mirror (a security update whose sources are not mirrored), the older versions apt knows are tried, newest first.
download_debian_source() {
  deb_src_twin
  apt-get source --download-only -qq "${DEB_SRC_OPT[@]}" "$1" >/dev/null 2>&1 && return 0
  local v
  for v in $(apt-cache "${DEB_SRC_OPT[@]}" showsrc "$1" | sed -n 's/^Version: //p' | sort -u |
             sort -r -V); do
    rm -f ./*.dsc ./*.tar.* 2>/dev/null || true
    apt-get source --download-only -qq "${DEB_SRC_OPT[@]}" "$1=$v" >/dev/null 2>&1 && return 0
  done
  return 1
}

# Dear ImGui sources from Debian's source package, unpacked into .deps/ (never committed).
fetch_imgui() {
  if [ -n "${IMGUI_DIR:-}" ]; then
    [ -f "$IMGUI_DIR/imgui.cpp" ] || die "IMGUI_DIR=$IMGUI_DIR has no imgui.cpp"
    return 0
  fi
  IMGUI_DIR="$DEPS/imgui-$IMGUI_VERSION"
  [ -f "$IMGUI_DIR/imgui.cpp" ] && return 0
  local tmp; tmp=$(mktemp -d)
  say "fetching Dear ImGui sources (Debian source package imgui)"
  (cd "$tmp" && download_debian_source imgui) \
    || die "could not download Debian's imgui source package; set IMGUI_DIR to an imgui-$IMGUI_VERSION folder"
  mkdir -p "$DEPS"
  local orig; orig=$(ls "$tmp"/imgui_*.orig.tar.* | head -n 1)
  tar xf "$orig" -C "$DEPS"
  local got; got=$(ls -d "$DEPS"/imgui-* | head -n 1)
  [ "$got" = "$IMGUI_DIR" ] || mv "$got" "$IMGUI_DIR"
  rm -rf "$tmp"
  [ -f "$IMGUI_DIR/imgui.cpp" ] || die "imgui sources not found after unpacking $orig"
}

# The C libraries the tools module (the page's OpenStreetMap converter) needs, built for wasm from Debian's source
# packages with Debian's patches applied (dpkg-source -x): zlib (PBF blobs, .gz), bzip2 (.bz2), expat (XML); and the
# shaper module's (cmake/wasm_shaper.cmake): harfbuzz (text shaping), fribidi (bidirectional order, Arabic joining).
# libosmium and protozero are header-only: Debian's libosmium2-dev and libprotozero-dev give them.
fetch_c_sources() {
  local pkg dir check
  for pkg in zlib:inflate.c bzip2:bzlib.c expat:expat/lib/xmlparse.c harfbuzz:src/harfbuzz.cc fribidi:lib/fribidi.c; do
    dir="$DEPS/src-${pkg%%:*}"; check=${pkg#*:}; pkg=${pkg%%:*}
    [ -f "$dir/$check" ] && continue
    local tmp; tmp=$(mktemp -d)
    say "fetching $pkg sources (Debian source package $pkg)"
    (cd "$tmp" && download_debian_source "$pkg") || die "could not download Debian's $pkg source package"
    (cd "$tmp" && dpkg-source -x --no-check ./*.dsc src >/dev/null) || die "could not unpack $pkg's source package"
    rm -rf "$dir"; mkdir -p "$DEPS"; mv "$tmp/src" "$dir"; rm -rf "$tmp"
    [ -f "$dir/$check" ] || die "$pkg sources have no $check"
  done
}

build_deps() {
  apt_install emscripten nlohmann-json3-dev fonts-nanum fonts-dejavu-core fonts-wqy-microhei fonts-noto-core fonttools cmake make python3 \
    libosmium2-dev libprotozero-dev libstb-dev
  fetch_imgui
  fetch_c_sources
  web_deps
}

# The page's runtime libraries from npm (web-deps/package-lock.json: the video muxer), copied into dist/vendor/ by
# the build; fetched again only when the lock file changed.
web_deps() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  local dir="$ROOT/web-deps"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "npm ci in web-deps (the video muxer; esbuild, which minifies the site)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

test_deps() {
  build_deps
  # ffmpeg: the video export's test decodes and counts the frames with ffprobe; osmium-tool writes the OSM fixtures;
  # LibreOffice writes the workbook fixtures (.xlsx, .ods, .xls: tests/workbooks/make_workbooks.py)
  # libharfbuzz-dev, libfribidi-dev: the shaper's native tests; libharfbuzz-bin (hb-shape) and libfribidi-bin: the
  # references those tests compare with
  apt_install g++ libgtest-dev chromium libosmium2-dev libprotozero-dev zlib1g-dev libexpat1-dev libbz2-dev ffmpeg osmium-tool \
    libreoffice-calc-nogui libharfbuzz-dev libfribidi-dev libharfbuzz-bin libfribidi-bin pkg-config
  (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

build_wasm() {
  export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}   # Emscripten's acorn when node is not Debian's own
  if [ ! -f "$ROOT/build-wasm/CMakeCache.txt" ]; then
    emcmake cmake -S "$ROOT" -B "$ROOT/build-wasm" -DCMAKE_BUILD_TYPE=Release \
      -DIMGUI_DIR="$IMGUI_DIR" -DBUKCHON_DIST_DIR="$ROOT/dist" -DBUKCHON_DEPS_DIR="$DEPS" >/dev/null
  fi
  cmake --build "$ROOT/build-wasm" -j "$JOBS"
  say "built $ROOT/dist ($(du -sh "$ROOT/dist" | cut -f1))"
}

build_native() {
  cmake -S "$ROOT" -B "$ROOT/build-native" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$ROOT/build-native" -j "$JOBS"
}

fuzz_smoke() {
  apt_install clang-14 libclang-rt-14-dev
  cmake -S "$ROOT" -B "$ROOT/build-fuzz" -DBUKCHON_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14 \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$ROOT/build-fuzz" -j "$JOBS" --target fuzz_map fuzz_sensors fuzz_recording fuzz_strings fuzz_csv fuzz_binary \
    fuzz_url_params fuzz_embed_command fuzz_text fuzz_osm >/dev/null
  # One target per core at a time (each is one process): the ten take half the time on two cores.
  local t out failed=()
  out=$(mktemp -d)
  for t in map sensors recording strings csv binary url_params embed_command text osm; do
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n || true; done
    (
      corpus=$(mktemp -d)
      cp "$ROOT/tests/fuzz/corpus/$t/"* "$corpus/"
      rc=0
      "$ROOT/build-fuzz/fuzz_$t" -max_total_time="${FUZZ_SECONDS:-10}" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 "$corpus" > "$out/$t.log" 2>&1 || rc=$?
      echo "$rc" > "$out/$t.rc"
      rm -rf "$corpus"
    ) &
  done
  wait
  for t in map sensors recording strings csv binary url_params embed_command text osm; do
    grep -E "^stat::number_of_executed_units|ERROR|SUMMARY" "$out/$t.log" | sed "s/^/  fuzz_$t: /"
    [ "$(cat "$out/$t.rc" 2>/dev/null || echo none)" = 0 ] || failed+=("$t")
  done
  rm -rf "$out"
  [ ${#failed[@]} -eq 0 ] || die "fuzz found a crash in: ${failed[*]} (see above)"
}

serve() {
  local port=8080
  while [ $# -gt 0 ]; do
    case "$1" in
      --port) port=${2:?--port needs a number}; shift 2 ;;
      --port=*) port=${1#--port=}; shift ;;
      *) die "unknown serve option: $1" ;;
    esac
  done
  say "serving $ROOT/dist at http://127.0.0.1:$port/  (Ctrl+C stops)"
  exec python3 "$ROOT/tests/e2e/serve.py" "$ROOT/dist" "$port"
}

run_tests() {
  test_deps
  say "native build + unit tests"
  build_native
  (cd "$ROOT/build-native" && ctest --output-on-failure -j "$JOBS")
  say "wasm build"
  build_wasm
  say "fuzz smoke: each libFuzzer target for ${FUZZ_SECONDS:-10} s (ASan + UBSan); long runs: docs/security.md"
  fuzz_smoke
  say "end-to-end tests in headless Chromium"
  # One browser at a time: the machines have two cores and SwiftShader renders on the CPU.
  local serial=()
  node --help 2>/dev/null | grep -q -- '--test-concurrency' && serial=(--test-concurrency=1)
  (cd "$ROOT/tests/e2e" && DIST_DIR="$ROOT/dist" node --test "${serial[@]}" ./*.test.mjs)
}

# Benchmarks print figures; they never fail on a slow machine (targets are read from the table, not asserted).
run_bench() {
  test_deps
  apt_install libbenchmark-dev
  build_native
  build_wasm
  local out="$ROOT/bench/out"
  mkdir -p "$out"
  (cd "$ROOT/bench" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)   # deck.gl, the peer
  say "scale dataset: 100,000 sensors × 96 readings (bukchon-gen scale)"
  "$ROOT/build-native/bukchon-gen" scale "$out/scale.bkr" >/dev/null
  say "and a million sensors × 96 readings (540 MB)"
  "$ROOT/build-native/bukchon-gen" scale "$out/scale-1m.bkr" --sensors 1000000 >/dev/null
  say "native core benchmarks (Google Benchmark)"
  "$ROOT/build-native/bukchon-bench" --benchmark_min_time=0.5 --benchmark_format=json --benchmark_out="$out/native.json" \
    --benchmark_out_format=json >/dev/null
  say "import: a generated 1 GB sensor log (10,000 sensors, positions on every row) through bukchon-import"
  [ -f "$out/big.csv" ] || "$ROOT/build-native/bukchon-gen" csv "$out/big.csv" --mb 1024 >/dev/null
  local t0 t1 log
  t0=$(date +%s.%N)
  log=$("$ROOT/build-native/bukchon-import" "$out/big.csv" --timezone +09:00 -o "$out/big-import" 2>&1 >/dev/null)
  t1=$(date +%s.%N)
  python3 - "$out/big.csv" "$t0" "$t1" "$log" "$ROOT/bench/results.json" <<'PY'
import json, os, platform, re, sys
path, t0, t1, log, results = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
size = os.path.getsize(path)
peak = int(re.search(r"peak memory (\d+) MiB", log).group(1))
seconds = t1 - t0
old = json.load(open(results)) if os.path.exists(results) else {}
old.update({
    "importBytes": size, "importSeconds": round(seconds, 2), "importMBps": round(size / 1048576 / seconds, 1),
    "importPeakMiB": peak, "importPeakPerFileByte": round(peak * 1048576 / size, 3),
    "machine": {"cpu": platform.processor() or platform.machine(), "cores": os.cpu_count(), "system": platform.platform()},
})
json.dump(old, open(results, "w"), indent=2)
print(f"  import: {size / 1048576:.0f} MiB in {seconds:.1f} s = {size / 1048576 / seconds:.1f} MiB/s; "
      f"peak memory {peak} MiB ({peak * 1048576 / size:.2f} x the file)")
PY
  # The 1 GB import leaves a gigabyte of writes for the kernel to flush: the browser's cold start-ups come first in
  # run.mjs and are measured on a quiet machine, as the goal says, not behind that flush.
  sync; sleep 5
  say "in the browser: our viewer and the deck.gl page, alternating (BENCH_ROUNDS=${BENCH_ROUNDS:-3})"
  DIST_DIR="$ROOT/dist" node "$ROOT/bench/run.mjs"
  say "OpenStreetMap conversion: the page's tools module against bukchon-map"
  DIST_DIR="$ROOT/dist" node "$ROOT/bench/osm.mjs"
  say "wrote $ROOT/bench/results.json and the table in docs/performance.md"
}

cmd=${1:-build}; [ $# -gt 0 ] && shift
case "$cmd" in
  build) build_deps; build_wasm ;;
  serve) build_deps; build_wasm; serve "$@" ;;
  test)  run_tests ;;
  bench) run_bench ;;
  -h|--help|help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$cmd' (build | serve [--port N] | test | bench)" ;;
esac
