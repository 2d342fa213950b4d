# check_map.cmake — runs assets/bukchon/osm/regenerate.sh into the build tree and compares with the committed map
# and its binary twin.
execute_process(COMMAND sh ${SCRIPT} ${TOOL} ${OUT} ${OUT}.bkm RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "bukchon-map failed: ${log}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${COMMITTED} RESULT_VARIABLE differs)
string(REGEX REPLACE "\\.geojson$" ".bkm" COMMITTED_BIN "${COMMITTED}")
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}.bkm ${COMMITTED_BIN} RESULT_VARIABLE differsBin)
if(differs OR differsBin)
  message(FATAL_ERROR "assets/bukchon/map.geojson or map.bkm is stale: regenerate it with "
                      "sh assets/bukchon/osm/regenerate.sh (docs/map.md)")
endif()
