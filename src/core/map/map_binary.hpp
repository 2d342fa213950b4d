// map_binary.hpp — the binary map (.bkm, "BKMB" v1): the map.geojson's content as length-prefixed records and
// integer positions, so a city's streets load with no JSON or number parsing (docs/formats.md, "Binary map").
#pragma once

#include "load_error.hpp"
#include "map_data.hpp"

#include <string>
#include <string_view>

namespace bk {

// True when `bytes` start with the binary map's magic ("BKMB"). loadMap() reads such bytes as a binary map.
bool looksLikeBinaryMap(std::string_view bytes);

// The map as a binary map; positions keep seven decimals (what writeMapGeoJson writes), so a GeoJSON map and its
// binary twin load to the same MapData.
std::string writeBinaryMap(const MapData& map);

// Reads and checks a binary map: magic, version, size, checksum, every count against the bytes left, kinds and
// ranges. Errors name the file, the feature and the byte offset.
Result<MapData> loadBinaryMap(std::string_view bytes, const std::string& fileName);

}  // namespace bk
