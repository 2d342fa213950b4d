// map_data.cpp — GeoJSON basemap loader: every geometry type the basemap uses, checked field by field.
#include "map_data.hpp"

#include "geojson_common.hpp"
#include "map_binary.hpp"

#include <cmath>

namespace bk {

namespace {

struct KindName { MapKind kind; const char* name; };
const KindName kKinds[] = {
    {MapKind::road, "road"},       {MapKind::path, "path"},     {MapKind::building, "building"},
    {MapKind::hanok, "hanok"},     {MapKind::palace, "palace"}, {MapKind::park, "park"},
    {MapKind::water, "water"},     {MapKind::landmark, "landmark"}, {MapKind::district, "district"},
    {MapKind::wall, "wall"},       {MapKind::depot, "depot"},   {MapKind::other, "other"},
    {MapKind::block, "block"},     {MapKind::garden, "garden"}, {MapKind::grass, "grass"},
    {MapKind::wood, "wood"},       {MapKind::sand, "sand"},     {MapKind::plaza, "plaza"},
    {MapKind::parking, "parking"}, {MapKind::poi, "poi"},
};

const char* const kDrivable[] = {"motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link",
                                 "secondary", "secondary_link", "tertiary", "tertiary_link", "unclassified",
                                 "residential", "living_street", "service", "busway", "road"};

// An optional boolean property: true/false, or absent.
bool readFlag(JsonReader& r, const Json& props, const JsonPath& pp, const char* key, bool& out) {
    const Json* v = r.member(props, pp, key, false);
    if (!v) return true;
    if (!v->is_boolean()) return r.fail(pp[key], "expected true or false, got " + describeJsonType(*v));
    out = v->get<bool>();
    return true;
}

bool readLine(JsonReader& r, const Json& coords, const JsonPath& path, size_t minPoints, Ring& out) {
    if (!coords.is_array()) return r.fail(path, "expected an array of positions, got " + describeJsonType(coords));
    if (coords.size() < minPoints)
        return r.fail(path, "expected at least " + std::to_string(minPoints) + " positions, got " +
                                std::to_string(coords.size()));
    out.reserve(coords.size());
    for (size_t i = 0; i < coords.size(); ++i) {
        auto p = readPosition(r, coords[i], path[i]);
        if (!p) return false;
        out.push_back(*p);
    }
    return true;
}

bool readPolygon(JsonReader& r, const Json& coords, const JsonPath& path, std::vector<Ring>& out) {
    if (!coords.is_array() || coords.empty())
        return r.fail(path, "expected an array of linear rings, got " + describeJsonType(coords));
    for (size_t i = 0; i < coords.size(); ++i) {
        Ring ring;
        if (!readLine(r, coords[i], path[i], 4, ring)) return false;
        // RFC 7946 rings repeat the first position at the end; the triangulator wants it once.
        if (ring.front().lat == ring.back().lat && ring.front().lon == ring.back().lon) ring.pop_back();
        out.push_back(std::move(ring));
    }
    return true;
}

bool readGeometry(JsonReader& r, const Json& g, const JsonPath& gp, MapFeature& f) {
    auto type = r.string(g, gp, "type", true);
    if (!type) return false;
    const Json* coords = r.member(g, gp, "coordinates", true);
    if (!coords) return false;
    JsonPath cp = gp["coordinates"];
    const std::string& t = *type;
    if (t == "Point") {
        auto p = readPosition(r, *coords, cp);
        if (p) f.points.push_back(*p);
    } else if (t == "LineString") {
        Ring line;
        if (readLine(r, *coords, cp, 2, line)) f.lines.push_back(std::move(line));
    } else if (t == "Polygon") {
        std::vector<Ring> poly;
        if (readPolygon(r, *coords, cp, poly)) f.polygons.push_back(std::move(poly));
    } else if (t == "MultiPoint" || t == "MultiLineString" || t == "MultiPolygon") {
        if (!coords->is_array()) return r.fail(cp, "expected an array, got " + describeJsonType(*coords));
        for (size_t i = 0; i < coords->size() && r.ok(); ++i) {
            if (t == "MultiPoint") {
                auto p = readPosition(r, (*coords)[i], cp[i]);
                if (p) f.points.push_back(*p);
            } else if (t == "MultiLineString") {
                Ring line;
                if (readLine(r, (*coords)[i], cp[i], 2, line)) f.lines.push_back(std::move(line));
            } else {
                std::vector<Ring> poly;
                if (readPolygon(r, (*coords)[i], cp[i], poly)) f.polygons.push_back(std::move(poly));
            }
        }
    } else {
        return r.fail(gp["type"], "unsupported geometry type \"" + t +
                                      "\"; expected Point, LineString, Polygon or their Multi- forms");
    }
    return r.ok();
}

}  // namespace

bool isDrivableClass(std::string_view cls) {
    for (const char* c : kDrivable)
        if (cls == c) return true;
    return false;
}

MapKind mapKindFromName(std::string_view name) {
    for (const auto& k : kKinds)
        if (name == k.name) return k.kind;
    return MapKind::other;
}

const char* mapKindName(MapKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return k.name;
    return "other";
}

Result<MapData> loadMap(std::string_view text, const std::string& fileName) {
    if (looksLikeBinaryMap(text)) return loadBinaryMap(text, fileName);
    JsonReader reader(text, fileName);
    Json root;
    if (!reader.parse(root)) return reader.error();
    MapData map;
    if (root.is_object() && root.contains("name") && root["name"].is_string()) map.name = root["name"].get<std::string>();
    if (root.is_object() && root.contains("name_ko") && root["name_ko"].is_string()) map.nameKo = root["name_ko"].get<std::string>();
    if (root.is_object()) {
        JsonPath rp;
        for (auto [key, out] : {std::pair{"attribution", &map.attribution}, {"license", &map.license}, {"source", &map.source}})
            if (auto v = reader.string(root, rp, key, false)) *out = *v;
        if (auto t = reader.string(root, rp, "topology", false)) {
            if (*t != "noded" && *t != "snapped")
                reader.fail(rp["topology"], "expected \"noded\" or \"snapped\", got \"" + *t + "\"");
            map.noded = *t == "noded";
        }
        if (!reader.ok()) return reader.error();
    }
    forEachFeature(reader, root, [&](const Json&, const JsonPath&, const Json& g, const JsonPath& gp, const Json* props) {
        MapFeature f;
        if (props) {
            JsonPath pp = gp.parent->operator[]("properties");
            if (auto kind = reader.string(*props, pp, "kind", false)) f.kind = mapKindFromName(*kind);
            if (auto en = reader.string(*props, pp, "name_en", false)) f.nameEn = *en;
            if (auto ko = reader.string(*props, pp, "name_ko", false)) f.nameKo = *ko;
            if (auto n = reader.string(*props, pp, "name", false)) f.name = *n;
            if (auto c = reader.string(*props, pp, "class", false)) f.cls = *c;
            if (auto id = reader.string(*props, pp, "osm_id", false)) f.osmId = *id;
            if (const Json* names = reader.object(*props, pp, "names", false)) {
                for (auto it = names->begin(); it != names->end(); ++it) {
                    if (!it->is_string()) { reader.fail(pp["names"][it.key().c_str()], "expected a string, got " + describeJsonType(*it)); return; }
                    f.names.emplace_back(it.key(), it->get<std::string>());
                }
            }
            if (auto o = reader.number(*props, pp, "oneway", false)) {
                if (*o != 1 && *o != -1) { reader.fail(pp["oneway"], "expected 1 (along the line) or -1 (against it)"); return; }
                f.oneway = int(*o);
            }
            if (auto l = reader.number(*props, pp, "layer", false)) {
                if (*l < -9 || *l > 9 || *l != std::floor(*l)) { reader.fail(pp["layer"], "expected a whole number from -9 to 9"); return; }
                f.layer = int(*l);
            }
            if (auto mv = reader.string(*props, pp, "motor_vehicle", false)) f.noVehicles = *mv == "no";
            if (!readFlag(reader, *props, pp, "tunnel", f.tunnel) || !readFlag(reader, *props, pp, "bridge", f.bridge)) return;
            if (auto w = reader.number(*props, pp, "width_m", false)) {
                if (*w < 0 || *w > 200) { reader.fail(pp["width_m"], "expected a width between 0 and 200 metres"); return; }
                f.widthM = *w;
            }
        }
        if (readGeometry(reader, g, gp, f)) map.features.push_back(std::move(f));
    });
    if (!reader.ok()) return reader.error();
    return map;
}

}  // namespace bk
