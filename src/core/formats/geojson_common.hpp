// geojson_common.hpp — the pieces both GeoJSON loaders share: the FeatureCollection walk and positions.
#pragma once

#include "geo.hpp"
#include "json_reader.hpp"

#include <functional>
#include <optional>

namespace bk {

// Reads a [lon, lat(, alt)] position, checking it is a pair of finite numbers within WGS84 ranges.
std::optional<LatLon> readPosition(JsonReader& reader, const Json& value, const JsonPath& path);

// Walks `root` as a FeatureCollection and calls `onFeature(feature, path, geometry, geometryPath, properties)`
// for each feature (properties may be null). Stops at the first error. Returns reader.ok().
using FeatureVisitor = std::function<void(const Json& feature, const JsonPath& featurePath, const Json& geometry,
                                          const JsonPath& geometryPath, const Json* properties)>;
bool forEachFeature(JsonReader& reader, const Json& root, const FeatureVisitor& onFeature);

}  // namespace bk
