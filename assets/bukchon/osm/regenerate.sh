#!/bin/sh
# regenerate.sh — the one command that makes assets/bukchon/map.geojson (and map.bkm) from this OpenStreetMap extract.
#
#   sh assets/bukchon/osm/regenerate.sh [path/to/bukchon-map] [output.geojson] [output.bkm]
#
# map.bkm is the binary twin the page loads (docs/formats.md, "Binary map"). map.geojson keeps the place names in
# every UI language OpenStreetMap has (name:ja, name:zh …); the twin keeps none of them (--binary-languages none):
# the build cuts them into one file per language, fetched with the language (cmake/place_names.mjs), so the
# English and Korean page carries none.
#
# A unit test runs exactly this and fails when the committed map differs (docs/map.md). The depot is the
# simulation's assumed truck base; Changdeokgung has no grounds polygon in OSM, so only its name is placed (by its
# Injeongmun gate, which the data has); nothing else is added to what OSM holds.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tool=${1:-build-native/bukchon-map}
out=${2:-$here/../map.geojson}
bin=${3:-$here/../map.bkm}
exec "$tool" "$here/bukchon.osm.pbf" -o "$out" --binary "$bin" --binary-languages none \
  --bbox 126.9720,37.5720,126.9990,37.5900 --date 2026-07 \
  --name "Bukchon, Jongno-gu, Seoul" --name-ko "서울 종로구 북촌" \
  --depot "126.9840,37.5762,Collection truck base (assumed),수거차 출발지(가정)" \
  --label "126.9921,37.5803,Changdeokgung Palace,창덕궁"
