// map_data.hpp — the basemap as read from a GeoJSON FeatureCollection: kinds, names, and WGS84 geometry.
#pragma once

#include "geo.hpp"
#include "load_error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace bk {

// What a feature is; decides its style and draw order. Unknown kinds are kept as `other` (drawn neutrally).
// The first twelve are the v1 kinds (hand-drawn maps); the rest came with maps built from OpenStreetMap.
enum class MapKind {
    road, path, building, hanok, palace, park, water, landmark, district, wall, depot, other,
    block, garden, grass, wood, sand, plaza, parking, poi
};
MapKind mapKindFromName(std::string_view name);
const char* mapKindName(MapKind kind);

using Ring = std::vector<LatLon>;

struct MapFeature {
    MapKind kind = MapKind::other;
    std::string cls;                         // "class": a road's or path's OSM highway value, a wall's or POI's type
    std::string name;                        // the local name as mapped (OSM "name"); labels fall back to it
    std::string nameEn, nameKo;
    std::vector<std::pair<std::string, std::string>> names;  // other languages: ("ja", "…"), ("zh", "…")
    std::string osmId;                       // "w123", "r45", "n678": the OSM object it came from (ODbL: traceable)
    double widthM = 0;                       // roads/paths: carriageway width in ground metres (0 = by kind)
    int oneway = 0;                          // 1: vehicles only in drawing order, -1: only against it
    bool tunnel = false, bridge = false;
    bool noVehicles = false;                 // "motor_vehicle": "no": a road closed to vehicles (never routed on)
    int layer = 0;
    std::vector<std::vector<Ring>> polygons; // each polygon: outer ring then holes
    std::vector<Ring> lines;                 // LineString / MultiLineString parts
    std::vector<LatLon> points;              // Point / MultiPoint
};

struct MapData {
    std::string name, nameKo;                // FeatureCollection "name" / "name_ko", if any (the map's attribution)
    std::string attribution;                 // required credit for the data (e.g. "© OpenStreetMap contributors")
    std::string license, source;             // e.g. "ODbL-1.0"; where and when the data was taken
    // "noded": streets meet only where they share a position (OSM's shared nodes; crossings at different levels
    // stay apart). Otherwise (hand-drawn v1 maps) junctions are found by snapping.
    bool noded = false;
    std::vector<MapFeature> features;
};

// Road classes (OSM highway values) a collection truck may drive on. Everything else with kind road/path is for
// people on foot. v1 maps have no classes: their roads and paths are all drivable.
bool isDrivableClass(std::string_view cls);

// Parses RFC 7946 GeoJSON, or a binary map (map_binary.hpp) when the bytes start with its magic.
// Geometry types: Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon.
// Errors name the file, line and field (e.g. "features[12].geometry.coordinates[3]").
Result<MapData> loadMap(std::string_view text, const std::string& fileName);

}  // namespace bk
