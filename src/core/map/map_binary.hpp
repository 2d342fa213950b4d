// map_binary.hpp — the binary map (.bkm, "BKMB" v3; v1 and v2 still read): the map.geojson's content as fixed
// records, a string table and packed integer positions, so a city's streets load with no JSON or number parsing
// (docs/formats.md, "Binary map").
#pragma once

#include "load_error.hpp"
#include "map_data.hpp"

#include <string>
#include <string_view>

namespace bk {

// True when `bytes` start with the binary map's magic ("BKMB"). loadMap() reads such bytes as a binary map.
bool looksLikeBinaryMap(std::string_view bytes);

// The map as a binary map (version 3). Positions are stored at the fewest decimals (0–7) that give every one of them
// back as the same double, seven at most (what writeMapGeoJson writes), so a GeoJSON map and its binary twin load to
// the same MapData.
std::string writeBinaryMap(const MapData& map);

// Reads and checks a binary map of version 1, 2 or 3: magic, version, size, checksum, every offset, count and string
// reference against the bytes and the other sections, kinds and ranges. Errors name the file, the part or feature
// and the byte offset.
Result<MapData> loadBinaryMap(std::string_view bytes, const std::string& fileName);

}  // namespace bk
