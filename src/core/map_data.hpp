// map_data.hpp — the basemap as read from a GeoJSON FeatureCollection: kinds, names, and WGS84 geometry.
#pragma once

#include "geo.hpp"
#include "load_error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace bk {

// What a feature is; decides its style and draw order. Unknown kinds are kept as `other` (drawn neutrally).
enum class MapKind { road, path, building, hanok, palace, park, water, landmark, district, wall, depot, other };
MapKind mapKindFromName(std::string_view name);
const char* mapKindName(MapKind kind);

using Ring = std::vector<LatLon>;

struct MapFeature {
    MapKind kind = MapKind::other;
    std::string nameEn, nameKo;
    double widthM = 0;                       // roads/paths: carriageway width in ground metres (0 = by kind)
    std::vector<std::vector<Ring>> polygons; // each polygon: outer ring then holes
    std::vector<Ring> lines;                 // LineString / MultiLineString parts
    std::vector<LatLon> points;              // Point / MultiPoint
};

struct MapData {
    std::string name, nameKo;                // FeatureCollection "name" / "name_ko", if any (the map's attribution)
    std::vector<MapFeature> features;
};

// Parses RFC 7946 GeoJSON. Geometry types: Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon.
// Errors name the file, line and field (e.g. "features[12].geometry.coordinates[3]").
Result<MapData> loadMap(std::string_view text, const std::string& fileName);

}  // namespace bk
