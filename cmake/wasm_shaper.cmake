# wasm_shaper.cmake — the shaper module: HarfBuzz (shaping), FriBidi (bidirectional order, Arabic joining) and
# stb_truetype (a cluster's pixels) as their own wasm, fetched when the viewer's text needs shaping (Thai, Devanagari,
# Arabic …: src/core/text/shaped_line.hpp), so the first load of an English or Korean page carries none of it
# (decision 96). HarfBuzz and FriBidi are built from Debian's source packages, which ./build-wasm.sh unpacks into
# .deps/; stb_truetype.h is Debian's libstb-dev.
set(HARFBUZZ_SRC ${BUKCHON_DEPS_DIR}/src-harfbuzz)
set(FRIBIDI_SRC ${BUKCHON_DEPS_DIR}/src-fribidi)
foreach(check ${HARFBUZZ_SRC}/src/harfbuzz.cc ${FRIBIDI_SRC}/lib/fribidi.c)
  if(NOT EXISTS ${check})
    message(FATAL_ERROR "${check} is missing: run ./build-wasm.sh (it fetches Debian's harfbuzz and fribidi sources)")
  endif()
endforeach()
find_path(STB_INCLUDE stb_truetype.h PATHS /usr/include/stb NO_CMAKE_FIND_ROOT_PATH)
if(NOT STB_INCLUDE)
  message(FATAL_ERROR "stb_truetype.h not found: install libstb-dev (./build-wasm.sh does)")
endif()
set(SHAPER_INCLUDE ${CMAKE_BINARY_DIR}/shaper_include)  # only stb's header, never /usr/include as a whole
file(MAKE_DIRECTORY ${SHAPER_INCLUDE})
configure_file(${STB_INCLUDE}/stb_truetype.h ${SHAPER_INCLUDE}/stb_truetype.h COPYONLY)

# HarfBuzz's one-file build; no FreeType, no ICU: its own OpenType code and Unicode tables.
add_library(shaper_harfbuzz STATIC ${HARFBUZZ_SRC}/src/harfbuzz.cc)
target_include_directories(shaper_harfbuzz SYSTEM PUBLIC ${HARFBUZZ_SRC}/src)
target_compile_options(shaper_harfbuzz PRIVATE -w $<$<CONFIG:Release>:-Os> -fno-exceptions -fno-rtti)
target_compile_definitions(shaper_harfbuzz PRIVATE HB_LEAN HB_MINI)

# FriBidi: its library sources with the configuration header its build would write.
file(STRINGS ${FRIBIDI_SRC}/configure.ac FRIBIDI_VERSION_LINES REGEX "m4_define\\(fribidi_(major|minor|micro)_version")
set(FRIBIDI_VERSION_PARTS)
foreach(line ${FRIBIDI_VERSION_LINES})
  string(REGEX REPLACE ".*, *([0-9]+)\\).*" "\\1" part "${line}")
  list(APPEND FRIBIDI_VERSION_PARTS ${part})
endforeach()
list(GET FRIBIDI_VERSION_PARTS 0 FRIBIDI_MAJOR_VERSION)
list(GET FRIBIDI_VERSION_PARTS 1 FRIBIDI_MINOR_VERSION)
list(GET FRIBIDI_VERSION_PARTS 2 FRIBIDI_MICRO_VERSION)
set(FRIBIDI_VERSION "${FRIBIDI_MAJOR_VERSION}.${FRIBIDI_MINOR_VERSION}.${FRIBIDI_MICRO_VERSION}")
set(PACKAGE fribidi)
set(PACKAGE_NAME "GNU FriBidi")
set(PACKAGE_BUGREPORT "")
set(FRIBIDI_INTERFACE_VERSION 4)
set(SIZEOF_INT 4)
set(FRIBIDI_MSVC_BUILD_PLACEHOLDER "")
set(FRIBIDI_GENERATED ${CMAKE_BINARY_DIR}/fribidi_include)
configure_file(${FRIBIDI_SRC}/lib/fribidi-config.h.in ${FRIBIDI_GENERATED}/fribidi-config.h @ONLY)
file(GLOB FRIBIDI_SOURCES ${FRIBIDI_SRC}/lib/*.c)
add_library(shaper_fribidi STATIC ${FRIBIDI_SOURCES})
target_include_directories(shaper_fribidi SYSTEM PUBLIC ${FRIBIDI_GENERATED} ${FRIBIDI_SRC}/lib)
target_compile_definitions(shaper_fribidi PUBLIC FRIBIDI_LIB_STATIC PRIVATE HAVE_STDLIB_H=1 HAVE_STRING_H=1 HAVE_STRINGIZE=1)
target_compile_options(shaper_fribidi PRIVATE -w $<$<CONFIG:Release>:-Os>)

add_executable(bukchon-shaper ${CMAKE_SOURCE_DIR}/src/core/shaping/shaper.cpp ${CMAKE_SOURCE_DIR}/src/core/shaping/cluster_codes.cpp
  ${CMAKE_SOURCE_DIR}/src/platform/shaper/shaper_bridge.cpp)
set_target_properties(bukchon-shaper PROPERTIES SUFFIX ".js")
target_include_directories(bukchon-shaper PRIVATE ${CMAKE_SOURCE_DIR}/src/core/shaping)
target_include_directories(bukchon-shaper SYSTEM PRIVATE ${SHAPER_INCLUDE})
target_compile_options(bukchon-shaper PRIVATE -Wall -Wextra -Wno-unused-parameter $<$<CONFIG:Release>:-Os>)
target_link_libraries(bukchon-shaper PRIVATE core_text shaper_harfbuzz shaper_fribidi)
target_link_options(bukchon-shaper PRIVATE
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=16777216
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sENVIRONMENT=web -sEXPORT_NAME=createBukchonShaper
  -sEXPORTED_FUNCTIONS=_malloc,_free,_bk_shaper_call,_bk_shaper_result_length
  -sDISABLE_EXCEPTION_CATCHING=1 -sDYNAMIC_EXECUTION=0 -sFILESYSTEM=0
  $<$<CONFIG:Release>:-Os>)
add_custom_command(OUTPUT ${BUKCHON_DIST_DIR}/bukchon-shaper.js ${BUKCHON_DIST_DIR}/bukchon-shaper.wasm
  COMMAND ${CMAKE_COMMAND} -E copy $<TARGET_FILE_DIR:bukchon-shaper>/bukchon-shaper.js
          $<TARGET_FILE_DIR:bukchon-shaper>/bukchon-shaper.wasm ${BUKCHON_DIST_DIR}/
  DEPENDS bukchon-shaper VERBATIM)
list(APPEND TOOLS_OUTPUTS ${BUKCHON_DIST_DIR}/bukchon-shaper.js ${BUKCHON_DIST_DIR}/bukchon-shaper.wasm)
