// osm_reader.hpp — an OpenStreetMap file (XML, PBF, .osm.gz, .osm.bz2) → OsmInput, through libosmium (native only).
#pragma once

#include "load_error.hpp"
#include "osm_input.hpp"

#include <string>

namespace bk {

// Reads every tagged node, every way whose nodes are all in the file, and the areas (closed ways and multipolygon
// relations) that libosmium's assembler builds from them. The format is taken from the file name's suffix.
Result<OsmInput> readOsmFile(const std::string& path);

}  // namespace bk
