# wasm_tools.cmake — the tools module: the page's converters (logs → .bkr, OpenStreetMap → .bkm) as their own wasm,
# fetched on first use (web/viewer-convert.js), so the viewer's first load carries none of them (decision 74).
#
# libosmium and protozero are header-only (Debian's libosmium2-dev, libprotozero-dev); zlib, bzip2 and expat are
# built here from Debian's source packages, which ./build-wasm.sh unpacks (with Debian's patches) into .deps/.
set(BUKCHON_DEPS_DIR "${CMAKE_SOURCE_DIR}/.deps" CACHE PATH "Where build-wasm.sh unpacked the C libraries' sources")
set(ZLIB_SRC ${BUKCHON_DEPS_DIR}/src-zlib)
set(BZIP2_SRC ${BUKCHON_DEPS_DIR}/src-bzip2)
set(EXPAT_SRC ${BUKCHON_DEPS_DIR}/src-expat/expat)
foreach(check ${ZLIB_SRC}/inflate.c ${BZIP2_SRC}/bzlib.c ${EXPAT_SRC}/lib/xmlparse.c)
  if(NOT EXISTS ${check})
    message(FATAL_ERROR "${check} is missing: run ./build-wasm.sh (it fetches Debian's zlib, bzip2 and expat sources)")
  endif()
endforeach()
enable_language(C)

add_library(tools_zlib STATIC
  ${ZLIB_SRC}/adler32.c ${ZLIB_SRC}/crc32.c ${ZLIB_SRC}/deflate.c ${ZLIB_SRC}/infback.c ${ZLIB_SRC}/inffast.c
  ${ZLIB_SRC}/inflate.c ${ZLIB_SRC}/inftrees.c ${ZLIB_SRC}/trees.c ${ZLIB_SRC}/uncompr.c ${ZLIB_SRC}/zutil.c
  ${ZLIB_SRC}/compress.c ${ZLIB_SRC}/gzclose.c ${ZLIB_SRC}/gzlib.c ${ZLIB_SRC}/gzread.c ${ZLIB_SRC}/gzwrite.c)
target_include_directories(tools_zlib SYSTEM PUBLIC ${ZLIB_SRC})
target_compile_definitions(tools_zlib PRIVATE Z_HAVE_UNISTD_H)
target_compile_options(tools_zlib PRIVATE -O2 -w)

add_library(tools_bzip2 STATIC
  ${BZIP2_SRC}/blocksort.c ${BZIP2_SRC}/huffman.c ${BZIP2_SRC}/crctable.c ${BZIP2_SRC}/randtable.c
  ${BZIP2_SRC}/compress.c ${BZIP2_SRC}/decompress.c ${BZIP2_SRC}/bzlib.c)
target_include_directories(tools_bzip2 SYSTEM PUBLIC ${BZIP2_SRC})
target_compile_options(tools_bzip2 PRIVATE -O2 -w)

# expat with its own build rules (its config header is made by its CMakeLists), as a static library only.
set(EXPAT_BUILD_TOOLS OFF CACHE BOOL "" FORCE)
set(EXPAT_BUILD_EXAMPLES OFF CACHE BOOL "" FORCE)
set(EXPAT_BUILD_TESTS OFF CACHE BOOL "" FORCE)
set(EXPAT_BUILD_DOCS OFF CACHE BOOL "" FORCE)
set(EXPAT_BUILD_FUZZERS OFF CACHE BOOL "" FORCE)
set(EXPAT_BUILD_PKGCONFIG OFF CACHE BOOL "" FORCE)
set(EXPAT_SHARED_LIBS OFF CACHE BOOL "" FORCE)
# No DTD processing: OSM files have none (and a Debian patch tests XML_DTD == 1, which its CMake config leaves empty).
set(EXPAT_DTD OFF CACHE BOOL "" FORCE)
# Its hash salt from getrandom() (Emscripten's crypto.getRandomValues), not /dev/urandom: no file system here.
set(EXPAT_DEV_URANDOM OFF CACHE BOOL "" FORCE)
set(EXPAT_ENABLE_INSTALL OFF CACHE BOOL "" FORCE)
add_subdirectory(${EXPAT_SRC} ${CMAKE_BINARY_DIR}/expat EXCLUDE_FROM_ALL)
target_compile_definitions(expat PRIVATE HAVE_GETRANDOM=1)
# The workbook reader (src/core/formats/workbook*.cpp) needs both; only the importer calls it, so of the modules only
# this one links it in: the viewer's wasm references none of it and the linker leaves it out.
target_link_libraries(core_formats PUBLIC tools_zlib expat)

# Only libosmium's and protozero's headers are seen, never /usr/include as a whole (it would bring glibc's).
set(TOOLS_INCLUDE ${CMAKE_BINARY_DIR}/tools_include)
file(MAKE_DIRECTORY ${TOOLS_INCLUDE})
foreach(lib osmium protozero)
  find_path(${lib}_HEADERS ${lib}/version.hpp PATHS /usr/include /usr/local/include NO_CMAKE_FIND_ROOT_PATH)
  if(NOT ${lib}_HEADERS)
    message(FATAL_ERROR "${lib}/version.hpp not found: install libosmium2-dev libprotozero-dev (./build-wasm.sh does)")
  endif()
  if(NOT EXISTS ${TOOLS_INCLUDE}/${lib})
    file(CREATE_LINK ${${lib}_HEADERS}/${lib} ${TOOLS_INCLUDE}/${lib} SYMBOLIC)
  endif()
endforeach()

file(GLOB TOOLS_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/mapgen/*.cpp ${CMAKE_SOURCE_DIR}/src/convert/*.cpp
  ${CMAKE_SOURCE_DIR}/src/platform/tools/*.cpp)
add_executable(bukchon-tools ${TOOLS_SOURCES})
set_target_properties(bukchon-tools PROPERTIES SUFFIX ".js")
target_include_directories(bukchon-tools PRIVATE ${CMAKE_SOURCE_DIR}/src/mapgen ${CMAKE_SOURCE_DIR}/src/convert)
target_include_directories(bukchon-tools SYSTEM PRIVATE ${TOOLS_INCLUDE})
# libosmium reports bad input by throwing: this module catches C++ exceptions (the viewer's does not need to).
target_compile_options(bukchon-tools PRIVATE -fexceptions -Wall -Wextra -Wno-unused-parameter $<$<CONFIG:Release>:-Os>)
target_link_libraries(bukchon-tools PRIVATE core_base core_formats core_map core_replay core_import tools_zlib tools_bzip2 expat)
target_link_options(bukchon-tools PRIVATE
  -fexceptions -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 -sMAXIMUM_MEMORY=2147483648
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sENVIRONMENT=web -sEXPORT_NAME=createBukchonTools
  -sEXPORTED_FUNCTIONS=_malloc,_free -sEXPORTED_RUNTIME_METHODS=UTF8ToString
  -sDYNAMIC_EXECUTION=0 -sFILESYSTEM=0
  $<$<CONFIG:Release>:-O3>)
add_custom_command(OUTPUT ${BUKCHON_DIST_DIR}/bukchon-tools.js ${BUKCHON_DIST_DIR}/bukchon-tools.wasm
  COMMAND ${CMAKE_COMMAND} -E copy $<TARGET_FILE_DIR:bukchon-tools>/bukchon-tools.js
          $<TARGET_FILE_DIR:bukchon-tools>/bukchon-tools.wasm ${BUKCHON_DIST_DIR}/
  DEPENDS bukchon-tools VERBATIM)
set(TOOLS_OUTPUTS ${BUKCHON_DIST_DIR}/bukchon-tools.js ${BUKCHON_DIST_DIR}/bukchon-tools.wasm)
