// map_writer.hpp — MapData → map.geojson text (the format in docs/formats.md); what it writes loadMap reads back.
#pragma once

#include "map_data.hpp"

#include <string>

namespace bk {

// Deterministic: the same MapData gives the same bytes (fixed key order, seven-decimal positions, one feature a
// line), so a committed map can be checked against the converter's output.
std::string writeMapGeoJson(const MapData& map);

}  // namespace bk
