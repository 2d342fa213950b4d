# wasm_viewer.cmake — the browser build: Dear ImGui (from IMGUI_DIR), the viewer module, and the static site in dist/.
set(IMGUI_DIR "" CACHE PATH "Dear ImGui 1.86 sources (./build-wasm.sh fetches Debian's into .deps/)")
set(BUKCHON_DIST_DIR "${CMAKE_SOURCE_DIR}/dist" CACHE PATH "Where the static site is written")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "IMGUI_DIR='${IMGUI_DIR}' has no imgui.cpp; run ./build-wasm.sh or pass -DIMGUI_DIR=")
endif()

# Size for what runs once, speed for the frame's loops (decision 66). The module is the biggest download before the
# first frame (docs/performance.md, start-up), and most of it runs once or on a command: the data commit, the
# state's JSON, the importer, the command table, ImGui's windows. Those are compiled for size (-Oz: 1.5 KB gzipped
# under -Os; ImGui stays -Os, its windows run every frame and -Oz saved 42 bytes there). What runs per
# frame over every sensor or every reading stays at -O3: the base room (the camera and projection, called per
# glyph), the replay room (sampler, incremental scene, dot matrix, KPIs), the formats room (the 9.6M-reading load),
# the map room (the basemap's mesh and street graph, built before the first frame), the viewer's frame
# (src/viewer/viewer.cpp), the map labels' placement (src/ui/map_labels.cpp, street_labels.cpp) and the renderer
# (src/render/). The link stays at -O3: Binaryen's -Os pass slowed the
# frame's loops too.
set(WASM_SPEED_ROOMS base formats map replay)
foreach(room ${CORE_ROOMS})
  if(room IN_LIST WASM_SPEED_ROOMS)
    target_compile_options(core_${room} PRIVATE $<$<CONFIG:Release>:-O3>)
  else()
    target_compile_options(core_${room} PRIVATE $<$<CONFIG:Release>:-Oz>)
  endif()
endforeach()
# (Within the replay room, the events found at load run once per commit, in one linear pass: for size.)
# The thresholds' and the filters' text forms are read once per command: for size too.
set_source_files_properties(${CMAKE_SOURCE_DIR}/src/core/replay/derived_events.cpp
                            ${CMAKE_SOURCE_DIR}/src/core/replay/event_rules.cpp
                            ${CMAKE_SOURCE_DIR}/src/core/replay/text_form.cpp TARGET_DIRECTORY core_replay
                            PROPERTIES COMPILE_OPTIONS "$<$<CONFIG:Release>:-Oz>")
target_compile_options(bukchon_viewer PRIVATE $<$<CONFIG:Release>:-Oz>)
set_source_files_properties(${CMAKE_SOURCE_DIR}/src/viewer/viewer.cpp TARGET_DIRECTORY bukchon_viewer
                            PROPERTIES COMPILE_OPTIONS "$<$<CONFIG:Release>:-O3>")

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp ${IMGUI_DIR}/imgui_widgets.cpp
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS)
# ImGui's sscanf is ours (src/platform/imgui_scan.cpp): libc's brings the whole scanf machinery into the first load.
target_compile_definitions(imgui PRIVATE sscanf=bk_imgui_sscanf)
target_compile_options(imgui PRIVATE $<$<CONFIG:Release>:-Os>)

file(GLOB VIEWER_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/src/render/*.cpp ${CMAKE_SOURCE_DIR}/src/ui/*.cpp
  ${CMAKE_SOURCE_DIR}/src/platform/*.cpp)
# Fallback font packs for other cities' names and the UI languages' scripts (cmake/make_font_packs.py), cut from
# Debian's DejaVu, Nanum, WenQuanYi and Noto (Thai, Devanagari) fonts; the module gets the page font's coverage, the site the packs and their list.
set(FONT_BASE_COVERAGE ${CMAKE_BINARY_DIR}/generated/font_base.cpp)
# Each UI language but English gets its own glyphs beyond the page's font (lang/xx.ttf, listed in languages.json).
set(FONT_PACKS_LIST ${BUKCHON_DIST_DIR}/assets/fonts/packs.json ${BUKCHON_DIST_DIR}/assets/fonts/languages.json)
file(GLOB UI_LANGUAGES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/i18n/*.json)
find_program(NODE_EXECUTABLE NAMES node nodejs REQUIRED)
set(LOCALE_TEXT ${CMAKE_BINARY_DIR}/generated/locale-text.json)
set(STORY_BASE_TEXT ${CMAKE_BINARY_DIR}/generated/story-text-base.txt)  # the tours' English and Korean captions
file(GLOB SHIPPED_STORIES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/*/story.json)
add_custom_command(OUTPUT ${LOCALE_TEXT} ${STORY_BASE_TEXT}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/generated
  COMMAND ${NODE_EXECUTABLE} ${CMAKE_SOURCE_DIR}/cmake/locale_text.mjs ${CMAKE_SOURCE_DIR}/assets/i18n ${LOCALE_TEXT}
          ${STORY_BASE_TEXT} ${SHIPPED_STORIES}
  DEPENDS ${CMAKE_SOURCE_DIR}/cmake/locale_text.mjs ${CMAKE_SOURCE_DIR}/web/viewer-locale.js ${UI_LANGUAGES} ${SHIPPED_STORIES}
  COMMENT "Each UI language's date and number text (Intl)" VERBATIM)
add_custom_command(OUTPUT ${FONT_BASE_COVERAGE} ${FONT_PACKS_LIST}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/generated
  COMMAND /usr/bin/python3 -B ${CMAKE_SOURCE_DIR}/cmake/make_font_packs.py
          ${BUKCHON_DIST_DIR}/assets/fonts/NanumGothic-subset.ttf ${BUKCHON_DIST_DIR}/assets/fonts ${FONT_BASE_COVERAGE}
          /usr/share/fonts/truetype/nanum /usr/share/fonts/truetype/dejavu /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
          ${CMAKE_SOURCE_DIR}/assets/i18n /usr/share/fonts/truetype/noto ${LOCALE_TEXT}
  DEPENDS ${CMAKE_SOURCE_DIR}/cmake/make_font_packs.py ${CMAKE_SOURCE_DIR}/cmake/check_font_coverage.py ${LOCALE_TEXT}
          ${BUKCHON_DIST_DIR}/assets/fonts/NanumGothic-subset.ttf ${UI_LANGUAGES}
  COMMENT "Cutting the fallback font packs and the UI languages' own glyphs" VERBATIM)
add_executable(bukchon ${VIEWER_SOURCES} ${FONT_BASE_COVERAGE})
set_target_properties(bukchon PROPERTIES SUFFIX ".js")
target_include_directories(bukchon PRIVATE
  ${CMAKE_SOURCE_DIR}/src/render ${CMAKE_SOURCE_DIR}/src/ui ${CMAKE_SOURCE_DIR}/src/platform)
target_compile_options(bukchon PRIVATE -Wall -Wextra -Wno-unused-parameter $<$<CONFIG:Release>:-Oz>)
file(GLOB RENDER_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/render/*.cpp)
set_source_files_properties(${RENDER_SOURCES} ${CMAKE_SOURCE_DIR}/src/ui/map_labels.cpp ${CMAKE_SOURCE_DIR}/src/ui/street_labels.cpp PROPERTIES COMPILE_OPTIONS "$<$<CONFIG:Release>:-O3>")
target_link_libraries(bukchon PRIVATE bukchon_viewer imgui)
# Emitting .js (not .html): Emscripten 3.1.6's HTML minifier crashes, and the page is ours (web/).
target_link_options(bukchon PRIVATE
  -sUSE_GLFW=3 -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sFULL_ES3=1
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0  # only what is used is enabled (heatmap_layer.cpp)
  -sGL_TRACK_ERRORS=0  # the glue's own bookkeeping of GL errors: the viewer never asks glGetError
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 -sMALLOC=emmalloc
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sENVIRONMENT=web -sEXPORT_NAME=createBukchonModule
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString
  # Only what web/bukchon-replay.js hands createBukchonModule is read at start, and every engine the page runs in has
  # TextDecoder: the glue's code for the rest is left out (the first load's bytes, decision 93).
  -sINCOMING_MODULE_JS_API=[canvas,instantiateWasm,onFatal,onFontFile] -sTEXTDECODER=2
  -sDISABLE_EXCEPTION_CATCHING=1 -sDYNAMIC_EXECUTION=0 -sFILESYSTEM=0  # files come as bytes from the page
  $<$<CONFIG:Release>:-O3>)

include(${CMAKE_SOURCE_DIR}/cmake/wasm_tools.cmake)
include(${CMAKE_SOURCE_DIR}/cmake/wasm_shaper.cmake)

# ---- the static site ------------------------------------------------------------------------------------------
# Fonts: Nanum Gothic (OFL, Debian's fonts-nanum) subset to exactly the characters the page, the English UI and the
# data use; the other UI languages' extra glyphs come with their strings (make_font_packs.py, above).
set(NANUM_DIR /usr/share/fonts/truetype/nanum)
# The shipped map's other-language place names, one file per language (fetched with it: cmake/place_names.mjs),
# and the map's text without them, which the page's font is cut to.
set(PLACE_NAMES_STAMP ${CMAKE_BINARY_DIR}/place_names.stamp)
set(MAP_BASE_TEXT ${CMAKE_BINARY_DIR}/generated/map-base-text.json)
add_custom_command(OUTPUT ${PLACE_NAMES_STAMP} ${MAP_BASE_TEXT}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/generated
  COMMAND ${NODE_EXECUTABLE} ${CMAKE_SOURCE_DIR}/cmake/place_names.mjs ${CMAKE_SOURCE_DIR}/assets/bukchon/map.geojson
          ${BUKCHON_DIST_DIR}/assets/bukchon/names ${MAP_BASE_TEXT}
  COMMAND ${CMAKE_COMMAND} -E touch ${PLACE_NAMES_STAMP}
  DEPENDS ${CMAKE_SOURCE_DIR}/cmake/place_names.mjs ${CMAKE_SOURCE_DIR}/assets/bukchon/map.geojson VERBATIM)
file(GLOB FONT_TEXT_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/assets/*/*.json ${CMAKE_SOURCE_DIR}/assets/*/*.geojson
  ${CMAKE_SOURCE_DIR}/web/*.html ${CMAKE_SOURCE_DIR}/web/*.js ${CMAKE_SOURCE_DIR}/src/ui/*.cpp ${CMAKE_SOURCE_DIR}/src/core/*/*.cpp)
list(FILTER FONT_TEXT_SOURCES EXCLUDE REGEX "/assets/i18n/")
# Words the importer only reads (Korean column names, 오전/오후, unit names) are never drawn: a dataset's own text
# takes its glyphs from the packs, as any city's names do. 7 KB of Hangul less on the first load.
list(FILTER FONT_TEXT_SOURCES EXCLUDE REGEX "/src/core/import/|/src/core/formats/(workbook[a-z_]*|quantity)\\.cpp$")
# So are a level's Korean colour and band words that the glyph scales and filters accept (초록, 좋음 …): 2 KB.
list(FILTER FONT_TEXT_SOURCES EXCLUDE REGEX "/src/core/replay/(glyph_scene|filters)\\.cpp$")
# A tour's captions in other languages come with those languages' glyphs (make_font_packs.py), not the page's font.
list(FILTER FONT_TEXT_SOURCES EXCLUDE REGEX "/story\\.json$")
# The map's names in other languages come with those languages (the packs), not the page's font.
list(FILTER FONT_TEXT_SOURCES EXCLUDE REGEX "/assets/bukchon/map\\.geojson$")
list(APPEND FONT_TEXT_SOURCES ${CMAKE_SOURCE_DIR}/assets/i18n/en.json ${STORY_BASE_TEXT} ${MAP_BASE_TEXT})
set(FONT_TEXT ${CMAKE_BINARY_DIR}/font-text.txt)
add_custom_command(OUTPUT ${FONT_TEXT}
  COMMAND ${CMAKE_COMMAND} -E cat ${FONT_TEXT_SOURCES} > ${FONT_TEXT}
  DEPENDS ${FONT_TEXT_SOURCES} VERBATIM)
set(FONT_UNICODES "U+0020-007E,U+00A0-00FF,U+2013,U+2014,U+2018,U+2019,U+201C,U+201D,U+2026,U+2192,U+00D7,U+03BC,U+03A9,U+25A1")
set(SITE_FONTS)
foreach(face NanumGothic NanumGothicBold)
  set(out ${BUKCHON_DIST_DIR}/assets/fonts/${face}-subset.ttf)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${BUKCHON_DIST_DIR}/assets/fonts
    COMMAND pyftsubset ${NANUM_DIR}/${face}.ttf --text-file=${FONT_TEXT} --unicodes=${FONT_UNICODES}
            --no-hinting --layout-features= --output-file=${out}
    DEPENDS ${FONT_TEXT} ${NANUM_DIR}/${face}.ttf VERBATIM)
  list(APPEND SITE_FONTS ${out})
endforeach()
# Everything shown as text must be in the subset (the page's English strings, stories and names in the data; each
# other language is checked with its own glyphs by make_font_packs.py).
file(GLOB FONT_CHECKED_TEXT CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/i18n/en.json ${CMAKE_SOURCE_DIR}/assets/*/recording.json
  ${CMAKE_SOURCE_DIR}/assets/*/*.geojson ${CMAKE_SOURCE_DIR}/web/*.html)
list(FILTER FONT_CHECKED_TEXT EXCLUDE REGEX "/assets/bukchon/map\\.geojson$")
list(APPEND FONT_CHECKED_TEXT ${STORY_BASE_TEXT} ${MAP_BASE_TEXT})
set(FONT_CHECK_STAMP ${CMAKE_BINARY_DIR}/font-coverage.ok)
add_custom_command(OUTPUT ${FONT_CHECK_STAMP}
  COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/cmake/check_font_coverage.py ${BUKCHON_DIST_DIR}/assets/fonts/NanumGothic-subset.ttf ${FONT_CHECKED_TEXT}
  COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/cmake/check_font_coverage.py ${BUKCHON_DIST_DIR}/assets/fonts/NanumGothicBold-subset.ttf ${FONT_CHECKED_TEXT}
  COMMAND ${CMAKE_COMMAND} -E touch ${FONT_CHECK_STAMP}
  DEPENDS ${SITE_FONTS} ${FONT_CHECKED_TEXT} ${CMAKE_SOURCE_DIR}/cmake/check_font_coverage.py VERBATIM)
list(APPEND SITE_FONTS ${FONT_CHECK_STAMP})

# Page, data and the built module, copied when they change.
file(GLOB_RECURSE SITE_INPUTS CONFIGURE_DEPENDS RELATIVE ${CMAKE_SOURCE_DIR}
  ${CMAKE_SOURCE_DIR}/web/* ${CMAKE_SOURCE_DIR}/assets/bukchon/* ${CMAKE_SOURCE_DIR}/assets/i18n/*)
# The OpenStreetMap extract is the map's source, for bukchon-map; the site serves what it converts to.
list(FILTER SITE_INPUTS EXCLUDE REGEX "^assets/bukchon/osm/")
# index.html is written from the site's manifest (its preloads), below.
list(FILTER SITE_INPUTS EXCLUDE REGEX "^web/index.html$")
# The page's scripts and styles are minified on the way (esbuild from web-deps/, decision 80): the site serves the
# small form, web/ keeps the readable one (the site's manifest and the single file read the import graph there).
set(ESBUILD ${CMAKE_SOURCE_DIR}/web-deps/node_modules/.bin/esbuild)
if(NOT EXISTS ${ESBUILD})
  message(FATAL_ERROR "${ESBUILD} is missing: run ./build-wasm.sh (or npm ci in web-deps/)")
endif()
set(SITE_OUTPUTS)
foreach(rel ${SITE_INPUTS})
  string(REGEX REPLACE "^web/" "" dest ${rel})
  set(out ${BUKCHON_DIST_DIR}/${dest})
  if(rel MATCHES "^web/.*\\.(js|css)$")
    add_custom_command(OUTPUT ${out}
      COMMAND ${ESBUILD} ${CMAKE_SOURCE_DIR}/${rel} --minify --log-level=warning --outfile=${out}
      DEPENDS ${CMAKE_SOURCE_DIR}/${rel} ${CMAKE_SOURCE_DIR}/web-deps/package-lock.json VERBATIM)
  else()
    add_custom_command(OUTPUT ${out} COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/${rel} ${out}
      DEPENDS ${CMAKE_SOURCE_DIR}/${rel} VERBATIM)
  endif()
  list(APPEND SITE_OUTPUTS ${out})
endforeach()
list(APPEND SITE_OUTPUTS ${PLACE_NAMES_STAMP})
# The module's glue too (Emscripten leaves its local names long); the readable glue stays beside the target.
add_custom_command(OUTPUT ${BUKCHON_DIST_DIR}/bukchon.js ${BUKCHON_DIST_DIR}/bukchon.wasm
  COMMAND ${ESBUILD} $<TARGET_FILE_DIR:bukchon>/bukchon.js --minify --log-level=warning --outfile=${BUKCHON_DIST_DIR}/bukchon.js
  COMMAND ${CMAKE_COMMAND} -E copy $<TARGET_FILE_DIR:bukchon>/bukchon.wasm ${BUKCHON_DIST_DIR}/
  DEPENDS bukchon ${CMAKE_SOURCE_DIR}/web-deps/package-lock.json VERBATIM)
# The video muxer (npm, web-deps/: build-wasm.sh runs npm ci there), its ES module build as it is; the page imports
# it only when a video is exported (web/video-export.js).
set(MUXER_DIR ${CMAKE_SOURCE_DIR}/web-deps/node_modules/mediabunny)
if(NOT EXISTS ${MUXER_DIR}/dist/bundles/mediabunny.min.mjs)
  message(FATAL_ERROR "${MUXER_DIR} is missing: run ./build-wasm.sh (or npm ci in web-deps/)")
endif()
set(MUXER_OUTPUTS ${BUKCHON_DIST_DIR}/vendor/mediabunny.mjs ${BUKCHON_DIST_DIR}/vendor/mediabunny.LICENSE.txt)
add_custom_command(OUTPUT ${MUXER_OUTPUTS}
  COMMAND ${CMAKE_COMMAND} -E copy ${MUXER_DIR}/dist/bundles/mediabunny.min.mjs ${BUKCHON_DIST_DIR}/vendor/mediabunny.mjs
  COMMAND ${CMAKE_COMMAND} -E copy ${MUXER_DIR}/LICENSE ${BUKCHON_DIST_DIR}/vendor/mediabunny.LICENSE.txt
  DEPENDS ${MUXER_DIR}/dist/bundles/mediabunny.min.mjs ${CMAKE_SOURCE_DIR}/web-deps/package-lock.json VERBATIM)
list(APPEND SITE_OUTPUTS ${MUXER_OUTPUTS})
# The time-zone lookup by position (npm @photostructure/tz-lookup, CC0: one function over a compact grid, 73 KB):
# esbuild turns its CommonJS file into an ES module. The page imports it only when logs without a zone are imported.
set(TZ_LOOKUP_DIR ${CMAKE_SOURCE_DIR}/web-deps/node_modules/@photostructure/tz-lookup)
if(NOT EXISTS ${TZ_LOOKUP_DIR}/tz.js)
  message(FATAL_ERROR "${TZ_LOOKUP_DIR} is missing: run ./build-wasm.sh (or npm ci in web-deps/)")
endif()
set(TZ_LOOKUP_OUTPUTS ${BUKCHON_DIST_DIR}/vendor/tz-lookup.mjs ${BUKCHON_DIST_DIR}/vendor/tz-lookup.LICENSE.txt)
add_custom_command(OUTPUT ${TZ_LOOKUP_OUTPUTS}
  COMMAND ${ESBUILD} ${TZ_LOOKUP_DIR}/tz.js --format=esm --minify --log-level=warning --outfile=${BUKCHON_DIST_DIR}/vendor/tz-lookup.mjs
  COMMAND ${CMAKE_COMMAND} -E copy ${TZ_LOOKUP_DIR}/LICENSE ${BUKCHON_DIST_DIR}/vendor/tz-lookup.LICENSE.txt
  DEPENDS ${TZ_LOOKUP_DIR}/tz.js ${CMAKE_SOURCE_DIR}/web-deps/package-lock.json VERBATIM)
list(APPEND SITE_OUTPUTS ${TZ_LOOKUP_OUTPUTS})
# The site's manifest (the one list of its resources: cmake/site_manifest.mjs) and index.html's preloads from it,
# then the offline single file, from the finished site.
find_program(NODE_EXECUTABLE NAMES node nodejs REQUIRED)
set(SITE_MANIFEST ${BUKCHON_DIST_DIR}/site-manifest.json ${BUKCHON_DIST_DIR}/site-manifest.js ${BUKCHON_DIST_DIR}/index.html)
add_custom_command(OUTPUT ${SITE_MANIFEST}
  COMMAND ${NODE_EXECUTABLE} ${CMAKE_SOURCE_DIR}/cmake/site_manifest.mjs ${BUKCHON_DIST_DIR} ${CMAKE_SOURCE_DIR}/web/index.html
          ${CMAKE_SOURCE_DIR}/web ${CMAKE_BINARY_DIR}
  DEPENDS ${CMAKE_SOURCE_DIR}/cmake/site_manifest.mjs ${CMAKE_SOURCE_DIR}/web/index.html ${SITE_OUTPUTS} ${SITE_FONTS}
          ${FONT_PACKS_LIST} ${BUKCHON_DIST_DIR}/bukchon.js ${TOOLS_OUTPUTS} VERBATIM)
add_custom_command(OUTPUT ${BUKCHON_DIST_DIR}/bukchon-replay.html
  COMMAND ${NODE_EXECUTABLE} ${CMAKE_SOURCE_DIR}/cmake/single_file.mjs ${BUKCHON_DIST_DIR} ${CMAKE_SOURCE_DIR}/web ${CMAKE_BINARY_DIR}
  DEPENDS ${CMAKE_SOURCE_DIR}/cmake/single_file.mjs ${SITE_MANIFEST} VERBATIM)
add_custom_target(site ALL DEPENDS ${SITE_OUTPUTS} ${SITE_FONTS} ${FONT_PACKS_LIST} ${BUKCHON_DIST_DIR}/bukchon.js ${TOOLS_OUTPUTS}
  ${SITE_MANIFEST}
  ${BUKCHON_DIST_DIR}/bukchon-replay.html)
