# native.cmake — native targets: unit tests (GoogleTest via ctest) and the data tools (simulator).
enable_testing()
find_package(GTest REQUIRED)

file(GLOB UNIT_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/*.cpp)
add_executable(unit_tests ${UNIT_TEST_SOURCES})
target_link_libraries(unit_tests PRIVATE bukchon_viewer bukchon_core GTest::gtest GTest::gtest_main)
target_compile_definitions(unit_tests PRIVATE BUKCHON_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
include(GoogleTest)
gtest_discover_tests(unit_tests)

file(GLOB SIM_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/sim/*.cpp)
add_library(bukchon_sim STATIC ${SIM_SOURCES})
target_include_directories(bukchon_sim PUBLIC ${CMAKE_SOURCE_DIR}/src/sim)
target_link_libraries(bukchon_sim PUBLIC bukchon_core)
target_link_libraries(unit_tests PRIVATE bukchon_sim)

add_executable(bukchon-simulate ${CMAKE_SOURCE_DIR}/src/tools/simulate_main.cpp)
target_link_libraries(bukchon-simulate PRIVATE bukchon_sim)

add_executable(bukchon-import ${CMAKE_SOURCE_DIR}/src/tools/import_main.cpp)
target_link_libraries(bukchon-import PRIVATE bukchon_core)

add_executable(bukchon-convert ${CMAKE_SOURCE_DIR}/src/tools/convert_main.cpp)
target_link_libraries(bukchon-convert PRIVATE bukchon_core)

# The OpenStreetMap converter: libosmium (header-only, Debian's libosmium2-dev) with zlib, expat and bzip2 for
# XML, PBF and their compressed forms. ./build-wasm.sh installs them.
find_path(OSMIUM_INCLUDE osmium/version.hpp)
if(NOT OSMIUM_INCLUDE)
  message(FATAL_ERROR "osmium/version.hpp not found: install libosmium2-dev libprotozero-dev (./build-wasm.sh does)")
endif()
find_package(ZLIB REQUIRED)
find_package(EXPAT REQUIRED)
find_package(BZip2 REQUIRED)
find_package(Threads REQUIRED)
# The workbook reader (src/core/formats/workbook*.cpp) unzips with zlib and streams the XML through expat.
target_link_libraries(core_formats PUBLIC ZLIB::ZLIB EXPAT::EXPAT)
file(GLOB MAPGEN_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/mapgen/*.cpp)
add_library(bukchon_mapgen STATIC ${MAPGEN_SOURCES})
target_include_directories(bukchon_mapgen PUBLIC ${CMAKE_SOURCE_DIR}/src/mapgen)
target_include_directories(bukchon_mapgen SYSTEM PRIVATE ${OSMIUM_INCLUDE})
target_link_libraries(bukchon_mapgen PUBLIC bukchon_core ZLIB::ZLIB EXPAT::EXPAT BZip2::BZip2 Threads::Threads)
# -Wno-stringop-overread: a false positive inside libosmium's own builder headers (GCC 12), not in our code; clang has no such option.
target_compile_options(bukchon_mapgen PRIVATE -Wall -Wextra -Wno-unused-parameter $<$<CXX_COMPILER_ID:GNU>:-Wno-stringop-overread>)
target_link_libraries(unit_tests PRIVATE bukchon_mapgen)

# The converters behind one interface (src/convert/): logs → .bkr, OpenStreetMap → .bkm; the CLIs and the page's
# tools module (cmake/wasm_tools.cmake) run the same code.
file(GLOB CONVERT_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/convert/*.cpp)
add_library(bukchon_convert STATIC ${CONVERT_SOURCES})
target_include_directories(bukchon_convert PUBLIC ${CMAKE_SOURCE_DIR}/src/convert)
target_link_libraries(bukchon_convert PUBLIC bukchon_mapgen bukchon_core)
target_compile_options(bukchon_convert PRIVATE -Wall -Wextra -Wno-unused-parameter)
target_link_libraries(unit_tests PRIVATE bukchon_convert)

add_executable(bukchon-map ${CMAKE_SOURCE_DIR}/src/tools/map_main.cpp)
target_link_libraries(bukchon-map PRIVATE bukchon_convert)
# The shipped map is the converter's output from the committed extract: this fails when either changed alone.
add_test(NAME BukchonMap.CommittedMapIsTheConvertersOutput
  COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:bukchon-map> -DSCRIPT=${CMAKE_SOURCE_DIR}/assets/bukchon/osm/regenerate.sh
          -DOUT=${CMAKE_BINARY_DIR}/map-check.geojson -DCOMMITTED=${CMAKE_SOURCE_DIR}/assets/bukchon/map.geojson
          -P ${CMAKE_SOURCE_DIR}/cmake/check_map.cmake)

add_executable(bukchon-gen ${CMAKE_SOURCE_DIR}/src/tools/gen_main.cpp)
target_link_libraries(bukchon-gen PRIVATE bukchon_sim)

# Workbooks written by LibreOffice (tests/workbooks/make_workbooks.py; ./build-wasm.sh test installs it): the fixture
# converts flat ODS text into .xlsx, .ods and .xls, and the workbook tests read them. No soffice: the fixture fails.
add_test(NAME Workbooks.WrittenByLibreOffice
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/workbooks/make_workbooks.py ${CMAKE_BINARY_DIR}/workbooks)
set_tests_properties(Workbooks.WrittenByLibreOffice PROPERTIES FIXTURES_SETUP workbooks)
add_executable(workbook_tests ${CMAKE_SOURCE_DIR}/tests/workbooks/workbook_test.cpp)
target_link_libraries(workbook_tests PRIVATE bukchon_core GTest::gtest GTest::gtest_main)
target_compile_definitions(workbook_tests PRIVATE WORKBOOK_DIR="${CMAKE_BINARY_DIR}/workbooks")
gtest_discover_tests(workbook_tests PROPERTIES FIXTURES_REQUIRED workbooks)

# Every CLI answers --help and --version, reports errors on stderr with a non-zero exit, and takes - for stdin/stdout.
add_test(NAME Cli.EveryToolKeepsTheCommandLineManners
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/cli/cli_manners_test.sh $<TARGET_FILE_DIR:bukchon-map>)

# ---- benchmarks (Google Benchmark from Debian's libbenchmark-dev; `./build-wasm.sh bench` installs it) ----------
find_package(benchmark QUIET)
if(benchmark_FOUND)
  add_executable(bukchon-bench ${CMAKE_SOURCE_DIR}/bench/core_bench.cpp)
  target_link_libraries(bukchon-bench PRIVATE bukchon_viewer bukchon_sim benchmark::benchmark)
  target_compile_definitions(bukchon-bench PRIVATE BUKCHON_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
endif()

# The shaper (src/core/shaping/): HarfBuzz, FriBidi and stb_truetype, Debian's libharfbuzz-dev, libfribidi-dev and
# libstb-dev here; the page's shaper module builds the same code from Debian's source packages (cmake/wasm_shaper.cmake).
find_package(PkgConfig REQUIRED)
pkg_check_modules(SHAPING_LIBS REQUIRED IMPORTED_TARGET harfbuzz fribidi)
find_path(STB_INCLUDE stb_truetype.h PATH_SUFFIXES stb)
if(NOT STB_INCLUDE)
  message(FATAL_ERROR "stb_truetype.h not found: install libstb-dev (./build-wasm.sh test does)")
endif()
add_library(core_shaping STATIC ${CMAKE_SOURCE_DIR}/src/core/shaping/shaper.cpp ${CMAKE_SOURCE_DIR}/src/core/shaping/cluster_codes.cpp)
target_include_directories(core_shaping PUBLIC ${CMAKE_SOURCE_DIR}/src/core/shaping)
target_include_directories(core_shaping SYSTEM PRIVATE ${STB_INCLUDE})
target_link_libraries(core_shaping PUBLIC core_text PkgConfig::SHAPING_LIBS)
target_compile_options(core_shaping PRIVATE -Wall -Wextra -Wno-unused-parameter)
target_link_libraries(unit_tests PRIVATE core_shaping)

# ---- fuzzing: cmake -DBUKCHON_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14 (libFuzzer, ASan, UBSan) -------------------
option(BUKCHON_FUZZ "Build the libFuzzer targets (tests/fuzz)" OFF)
if(BUKCHON_FUZZ)
  set(FUZZ_FLAGS -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -g -O1)
  foreach(room_target ${CORE_TARGETS})
    target_compile_options(${room_target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined -g)
  endforeach()
  target_link_options(bukchon_core INTERFACE -fsanitize=address,undefined)
  foreach(name map sensors recording strings csv binary url_params embed_command text)
    add_executable(fuzz_${name} ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_${name}.cpp)
    target_link_libraries(fuzz_${name} PRIVATE bukchon_core)
    target_compile_options(fuzz_${name} PRIVATE ${FUZZ_FLAGS})
    target_link_options(fuzz_${name} PRIVATE ${FUZZ_FLAGS})
  endforeach()
  target_compile_options(core_shaping PRIVATE -fsanitize=fuzzer-no-link,address,undefined -g)
  target_link_libraries(fuzz_text PRIVATE core_shaping)
  # The OpenStreetMap converter as a drop runs it: libosmium's decoders and our reader, builder and sea, sanitized.
  foreach(lib bukchon_mapgen bukchon_convert)
    target_compile_options(${lib} PRIVATE -fsanitize=fuzzer-no-link,address,undefined -g)
  endforeach()
  add_executable(fuzz_osm ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_osm.cpp)
  target_link_libraries(fuzz_osm PRIVATE bukchon_convert)
  target_compile_options(fuzz_osm PRIVATE ${FUZZ_FLAGS})
  target_link_options(fuzz_osm PRIVATE ${FUZZ_FLAGS})
endif()
