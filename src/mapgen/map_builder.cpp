// map_builder.cpp — classifies OSM objects into the map's kinds, clips them to the box, adds blocks, sorts the output.
#include "map_builder.hpp"

#include "city_blocks.hpp"
#include "coastline.hpp"
#include "triangulate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <set>

namespace bk {

namespace {

// ---- [1] what each OSM object becomes -------------------------------------------------------------------------

bool oneOf(std::string_view v, std::initializer_list<const char*> list) {
    for (const char* s : list)
        if (v == s) return true;
    return false;
}

// Streets people walk or drive: a road is what a truck may use (isDrivableClass, declared once in map_data) or a
// track; a path everything on foot or by bicycle.
bool isRoadClass(std::string_view highway) { return isDrivableClass(highway) || highway == "track"; }
bool isPathClass(std::string_view highway) {
    return oneOf(highway, {"pedestrian", "footway", "path", "steps", "cycleway", "bridleway"});
}

bool yes(std::string_view v) { return oneOf(v, {"yes", "true", "1"}); }

// A way underground: a tunnel, or a passage at a level below the street (subway concourses).
bool underground(const OsmTags& t) {
    std::string_view tunnel = t.get("tunnel");
    if (!tunnel.empty() && tunnel != "no" && tunnel != "building_passage") return true;
    std::string_view level = t.get("level");
    return !level.empty() && level[0] == '-' && !t.has("bridge");
}

// What a closed way or multipolygon becomes: its kind and class (an empty class: not drawn on this map).
struct AreaClass {
    MapKind kind = MapKind::other;
    std::string cls;
};

AreaClass areaClass(const OsmTags& t) {
    std::string_view landuse = t.get("landuse"), natural = t.get("natural"), leisure = t.get("leisure");
    if ((t.is("historic", "castle") && t.is("castle_type", "palace")) || t.is("historic", "palace"))
        return {MapKind::palace, "palace"};
    if (natural == "water" || t.has("water") || t.is("waterway", "riverbank"))
        return {MapKind::water, std::string(t.has("water") ? t.get("water") : "water")};
    if (natural == "wood" || landuse == "forest") return {MapKind::wood, "wood"};
    if (natural == "sand") return {MapKind::sand, "sand"};
    if (leisure == "garden" || landuse == "flowerbed") return {MapKind::garden, "garden"};
    if (oneOf(landuse, {"grass", "greenery", "meadow", "village_green"}))
        return {MapKind::grass, std::string(landuse)};
    if (oneOf(natural, {"grassland", "scrub", "shrubbery", "heath"})) return {MapKind::grass, std::string(natural)};
    if (oneOf(leisure, {"park", "playground", "pitch", "nature_reserve"})) return {MapKind::park, std::string(leisure)};
    if (t.is("amenity", "parking") && !t.is("parking", "underground")) return {MapKind::parking, "parking"};
    std::string_view highway = t.has("area:highway") ? t.get("area:highway") : t.get("highway");
    bool areaTagged = t.is("area", "yes") || t.is("type", "multipolygon") || t.has("area:highway");
    if (oneOf(highway, {"pedestrian", "footway"}) && areaTagged) return {MapKind::plaza, std::string(highway)};
    if (t.is("place", "square")) return {MapKind::plaza, "square"};
    std::string_view building = t.get("building");
    if (!building.empty() && building != "no") return {MapKind::building, std::string(building)};
    return {};
}

// Points of interest: what the visitor looks for. Returns the class, or empty when the node is not one.
std::string_view poiClass(const OsmTags& t) {
    if (t.is("railway", "subway_entrance")) return "subway_entrance";
    if (t.is("highway", "bus_stop") || t.is("public_transport", "platform")) return "bus_stop";
    std::string_view tourism = t.get("tourism");
    if (oneOf(tourism, {"viewpoint", "attraction", "information", "museum", "gallery", "artwork"})) return tourism;
    std::string_view amenity = t.get("amenity");
    if (oneOf(amenity, {"toilets", "parking", "parking_entrance", "library", "townhall", "theatre", "place_of_worship",
                        "school", "police", "post_office", "community_centre", "arts_centre", "hospital", "pharmacy"}))
        return amenity;
    bool named = t.has("name") || t.has("name:en") || t.has("name:ko");
    std::string_view barrier = t.get("barrier");
    if (oneOf(barrier, {"gate", "entrance", "sally_port"}) && named) return "gate";
    if (t.has("historic") && named) return "historic";
    if (!named) return {};
    if (t.has("leisure")) return t.get("leisure");
    if (t.is("highway", "traffic_signals") || t.is("junction", "yes") || t.is("highway", "mini_roundabout")) return "junction";
    if (t.has("place") || t.has("highway") || t.has("natural") || t.has("power") || t.has("entrance")) return {};
    return "place";  // a named spot with no other tag (Jeongdok Library is mapped so)
}

bool isHangul(std::string_view s) {
    // U+AC00–U+D7A3 in UTF-8 starts with 0xEA..0xED.
    for (unsigned char c : s)
        if (c >= 0xEA && c <= 0xED) return true;
    return false;
}

// The names the viewer shows (ko, en, the local name) and any other languages asked for (name:ja, name:zh-Hant …).
void readNames(const OsmTags& t, const std::vector<std::string>& languages, MapFeature& f) {
    f.name = std::string(t.get("name"));
    f.nameEn = std::string(t.get("name:en"));
    f.nameKo = std::string(t.get("name:ko"));
    if (f.nameKo.empty() && isHangul(f.name)) f.nameKo = f.name;
    if (f.nameKo == f.name) f.name.clear();  // said once
    for (const std::string& lang : languages) {
        std::string_view v = t.get("name:" + lang);
        if (!v.empty()) f.names.emplace_back(lang, std::string(v));
    }
}

}  // namespace

double streetWidthM(const OsmTags& t) {
    std::string_view w = t.get("width");
    if (!w.empty()) {
        double v = std::strtod(std::string(w).c_str(), nullptr);
        if (v > 0.5 && v < 60) return v;
    }
    std::string_view cls = t.get("highway");
    std::string_view lanes = t.get("lanes");
    bool major = oneOf(cls, {"motorway", "trunk", "primary", "secondary", "tertiary"});
    if (major && !lanes.empty()) {
        int n = std::atoi(std::string(lanes).c_str());
        if (n >= 1 && n <= 12) return 3.2 * n + 1.5;
    }
    struct W { const char* cls; double m; };
    static const W kWidths[] = {{"motorway", 24}, {"trunk", 20}, {"primary", 18}, {"secondary", 14}, {"tertiary", 11},
                                {"motorway_link", 8}, {"trunk_link", 8}, {"primary_link", 8}, {"secondary_link", 7},
                                {"tertiary_link", 7}, {"unclassified", 7}, {"residential", 6.5}, {"road", 6},
                                {"living_street", 5}, {"busway", 7}, {"service", 4.5}, {"track", 3},
                                {"pedestrian", 5}, {"footway", 2.2}, {"path", 1.8}, {"steps", 2.5}, {"cycleway", 2.2},
                                {"bridleway", 2}};
    for (const W& k : kWidths)
        if (cls == k.cls) return k.m;
    return 4;
}

namespace {

// ---- [2] clipping to the box ----------------------------------------------------------------------------------

struct Box {
    LatLon lo, hi;
    bool contains(const LatLon& p) const { return p.lat >= lo.lat && p.lat <= hi.lat && p.lon >= lo.lon && p.lon <= hi.lon; }
};

// Liang–Barsky per segment; consecutive inside pieces are stitched into one part.
std::vector<Ring> clipLine(const Ring& line, const Box& box) {
    std::vector<Ring> parts;
    Ring cur;
    for (size_t i = 0; i + 1 < line.size(); ++i) {
        LatLon a = line[i], b = line[i + 1];
        double t0 = 0, t1 = 1, dx = b.lon - a.lon, dy = b.lat - a.lat;
        bool visible = true;
        auto edge = [&](double p, double q) {
            if (p == 0) { if (q < 0) visible = false; return; }
            double r = q / p;
            if (p < 0) { if (r > t1) visible = false; else if (r > t0) t0 = r; }
            else { if (r < t0) visible = false; else if (r < t1) t1 = r; }
        };
        edge(-dx, a.lon - box.lo.lon);
        edge(dx, box.hi.lon - a.lon);
        edge(-dy, a.lat - box.lo.lat);
        edge(dy, box.hi.lat - a.lat);
        if (!visible) {
            if (cur.size() >= 2) parts.push_back(std::move(cur));
            cur.clear();
            continue;
        }
        LatLon p = t0 > 0 ? LatLon{a.lat + dy * t0, a.lon + dx * t0} : a;
        LatLon q = t1 < 1 ? LatLon{a.lat + dy * t1, a.lon + dx * t1} : b;
        if (cur.empty() || t0 > 0) {
            if (cur.size() >= 2) parts.push_back(std::move(cur));
            cur = {p};
        }
        cur.push_back(q);
        if (t1 < 1) {
            if (cur.size() >= 2) parts.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (cur.size() >= 2) parts.push_back(std::move(cur));
    return parts;
}

// Sutherland–Hodgman against the four sides (a rectangle is convex, so each ring stays one ring).
Ring clipRing(const Ring& ring, const Box& box) {
    bool all = std::all_of(ring.begin(), ring.end(), [&](const LatLon& p) { return box.contains(p); });
    if (all) return ring;
    Ring cur = ring;
    for (int side = 0; side < 4 && !cur.empty(); ++side) {
        auto in = [&](const LatLon& p) {
            switch (side) {
                case 0: return p.lon >= box.lo.lon;
                case 1: return p.lon <= box.hi.lon;
                case 2: return p.lat >= box.lo.lat;
                default: return p.lat <= box.hi.lat;
            }
        };
        auto cross = [&](const LatLon& a, const LatLon& b) {
            double t;
            switch (side) {
                case 0: t = (box.lo.lon - a.lon) / (b.lon - a.lon); break;
                case 1: t = (box.hi.lon - a.lon) / (b.lon - a.lon); break;
                case 2: t = (box.lo.lat - a.lat) / (b.lat - a.lat); break;
                default: t = (box.hi.lat - a.lat) / (b.lat - a.lat); break;
            }
            LatLon x{a.lat + (b.lat - a.lat) * t, a.lon + (b.lon - a.lon) * t};
            if (side < 2) x.lon = side == 0 ? box.lo.lon : box.hi.lon;  // exactly on the side
            else x.lat = side == 2 ? box.lo.lat : box.hi.lat;
            return x;
        };
        Ring next;
        for (size_t i = 0; i < cur.size(); ++i) {
            const LatLon &p = cur[i], &q = cur[(i + 1) % cur.size()];
            bool pi = in(p), qi = in(q);
            if (pi) next.push_back(p);
            if (pi != qi) next.push_back(cross(p, q));
        }
        cur = std::move(next);
    }
    return cur.size() >= 3 ? cur : Ring{};
}

// A concave polygon cut by a side can come out of Sutherland–Hodgman with edges folded back along that side: a
// valid fill, but one a triangulator refuses. Such a polygon is kept whole instead (it only reaches past the box).
bool triangulates(const std::vector<Ring>& poly) {
    Projection proj(poly[0][0]);
    std::vector<std::vector<Vec2>> rings;
    for (const Ring& r : poly) {
        rings.emplace_back();
        for (const LatLon& p : r) rings.back().push_back(proj.toLocal(p));
    }
    std::vector<uint32_t> tri;
    return triangulatePolygon(rings, tri);
}

std::vector<Ring> clipPolygon(const std::vector<Ring>& poly, const Box& box) {
    std::vector<Ring> out;
    bool inside = true;
    for (const Ring& r : poly)
        for (const LatLon& p : r) inside = inside && box.contains(p);
    if (inside) return poly;
    for (size_t i = 0; i < poly.size(); ++i) {
        Ring r = clipRing(poly[i], box);
        if (r.empty()) {
            if (i == 0) return {};
            continue;
        }
        out.push_back(std::move(r));
    }
    if (!out.empty() && !triangulates(out) && triangulates(poly)) return poly;
    return out;
}

// A face the coast closes and no street bounds (an island, the shore between the coast and the box's edge) is not a
// block: blocks are what streets go around. Faces keep the positions of the lines they came from, streets first, so
// such a face has none of the first `streetLines` lines' positions. Returns how many were dropped.
size_t dropFacesOfCoastOnly(std::vector<Ring>& blocks, const std::vector<Ring>& lines, size_t streetLines) {
    std::set<std::pair<double, double>> onStreets;
    for (size_t i = 0; i < streetLines; ++i)
        for (const LatLon& p : lines[i]) onStreets.emplace(p.lat, p.lon);
    auto street = [&](const LatLon& p) { return onStreets.count({p.lat, p.lon}) > 0; };
    const size_t before = blocks.size();
    blocks.erase(std::remove_if(blocks.begin(), blocks.end(),
                                [&](const Ring& r) { return std::none_of(r.begin(), r.end(), street); }),
                 blocks.end());
    return before - blocks.size();
}

std::string osmRef(char type, int64_t id) { return type + std::to_string(id); }

// ---- output positions at six decimals ---------------------------------------------------------------------------

// Six decimals (about 10 cm; RFC 7946 §11.2: "well within that of current GPS systems"): the double nearest each
// 6-decimal number, which is also what strtod makes of its text, so map.geojson and map.bkm (which stores positions
// at the map's own decimals, formats.md) carry the same numbers and load to the same map. OSM's seven decimals
// would cost the Bukchon map.bkm a fifth more gzipped bytes (75 KB, not 63) for centimetres no drawing shows.
constexpr double kOutputScale = 1e6;

LatLon rounded(const LatLon& p) {
    return {std::round(p.lat * kOutputScale) / kOutputScale, std::round(p.lon * kOutputScale) / kOutputScale};
}

bool samePosition(const LatLon& a, const LatLon& b) { return a.lat == b.lat && a.lon == b.lon; }

// Rounds a line or ring and drops the vertices rounding made repeat (a ring's last one too when it met the first),
// so no segment has zero length. Returns false when too few positions are left.
bool roundLine(Ring& r, size_t minPoints, bool closed) {
    Ring out;
    out.reserve(r.size());
    for (const LatLon& p : r) {
        const LatLon q = rounded(p);
        if (out.empty() || !samePosition(out.back(), q)) out.push_back(q);
    }
    while (closed && out.size() > 1 && samePosition(out.front(), out.back())) out.pop_back();
    r = std::move(out);
    return r.size() >= minPoints;
}

// Rounds every position of the features; lines, rings and polygons that collapse are dropped (a hole that does,
// alone; a polygon whose outer ring does, whole), and features left with nothing to draw. Returns how many parts
// were dropped.
size_t roundPositions(std::vector<MapFeature>& features) {
    size_t dropped = 0;
    for (MapFeature& f : features) {
        for (auto& poly : f.polygons) {
            if (!roundLine(poly[0], 3, true)) {
                poly.clear();
                continue;
            }
            const size_t rings = poly.size();
            poly.erase(std::remove_if(poly.begin() + 1, poly.end(), [](Ring& r) { return !roundLine(r, 3, true); }), poly.end());
            dropped += rings - poly.size();
        }
        const size_t parts = f.polygons.size() + f.lines.size();
        f.polygons.erase(std::remove_if(f.polygons.begin(), f.polygons.end(), [](const std::vector<Ring>& p) { return p.empty(); }),
                         f.polygons.end());
        f.lines.erase(std::remove_if(f.lines.begin(), f.lines.end(), [](Ring& l) { return !roundLine(l, 2, false); }), f.lines.end());
        dropped += parts - f.polygons.size() - f.lines.size();
        for (LatLon& p : f.points) p = rounded(p);
    }
    features.erase(std::remove_if(features.begin(), features.end(),
                                  [](const MapFeature& f) { return f.polygons.empty() && f.lines.empty() && f.points.empty(); }),
                   features.end());
    return dropped;
}

// Output order: areas, blocks, walls, streets, points; within a group by OSM id. Draw order is the mesh's business.
int group(MapKind k) {
    switch (k) {
        case MapKind::block: return 1;
        case MapKind::wall: return 2;
        case MapKind::road: case MapKind::path: return 3;
        case MapKind::poi: case MapKind::landmark: case MapKind::depot: return 4;
        case MapKind::district: return 5;
        default: return 0;
    }
}

}  // namespace

// ---- [3] assembling the map -----------------------------------------------------------------------------------

MapData buildMapFromOsm(const OsmInput& in, const MapBuildOptions& opt, MapBuildStats* statsOut) {
    MapBuildStats st;
    Box box;
    if (opt.hasBbox) box = {opt.bboxMin, opt.bboxMax};
    else if (in.hasBounds) box = {in.boundsMin, in.boundsMax};
    else box = {{-85, -180}, {85, 180}};

    MapData map;
    map.name = opt.name;
    map.nameKo = opt.nameKo;
    map.attribution = "© OpenStreetMap contributors";
    map.license = "ODbL-1.0 (https://www.openstreetmap.org/copyright)";
    const std::string& date = opt.snapshot.empty() ? in.snapshot : opt.snapshot;
    map.source = "OpenStreetMap" + (date.empty() ? std::string() : " (data to " + date + ")") +
                 (opt.sourceNote.empty() ? std::string() : ", " + opt.sourceNote) + ", converted by bukchon-map";
    map.noded = true;

    std::vector<MapFeature> features;
    std::vector<Ring> blockStreets;
    std::vector<std::vector<Ring>> openAreas;

    // Areas (closed ways and multipolygons, assembled by the reader).
    for (const OsmArea& a : in.areas) {
        AreaClass ac = areaClass(a.tags);
        if (ac.cls.empty()) continue;
        const MapKind kind = ac.kind;
        MapFeature f;
        f.kind = kind;
        f.cls = std::move(ac.cls);
        f.osmId = osmRef(a.fromRelation ? 'r' : 'w', a.id);
        readNames(a.tags, opt.languages, f);
        for (const auto& poly : a.polygons) {
            std::vector<Ring> clipped = clipPolygon(poly, box);
            if (clipped.empty()) continue;
            if (kind != MapKind::building && kind != MapKind::parking) openAreas.push_back(clipped);
            f.polygons.push_back(std::move(clipped));
        }
        if (f.polygons.empty()) continue;
        ++st.areas;
        features.push_back(std::move(f));
    }

    // Ways: streets by class, walls, streams; the coastline is kept for the sea.
    std::vector<const OsmWay*> ways, coastline;
    for (const OsmWay& w : in.ways) ways.push_back(&w);
    std::sort(ways.begin(), ways.end(), [](const OsmWay* a, const OsmWay* b) { return a->id < b->id; });
    for (const OsmWay* w : ways) {
        const OsmTags& t = w->tags;
        std::string_view highway = t.get("highway"), barrier = t.get("barrier");
        MapFeature f;
        f.osmId = osmRef('w', w->id);
        bool road = isRoadClass(highway), path = isPathClass(highway);
        bool area = t.is("area", "yes");  // a closed street is a line unless tagged as an area (OSM's rule)
        if ((road || path) && !area && !t.is("indoor", "yes") && !t.is("indoor", "corridor")) {
            f.kind = road ? MapKind::road : MapKind::path;
            f.cls = std::string(highway);
            f.widthM = streetWidthM(t);
            f.tunnel = underground(t);
            std::string_view bridge = t.get("bridge");
            f.bridge = !bridge.empty() && bridge != "no";
            int layer = std::atoi(std::string(t.get("layer")).c_str());
            f.layer = std::clamp(layer, -9, 9);
            std::string_view oneway = t.get("oneway");
            if (road) f.oneway = yes(oneway) || t.is("junction", "roundabout") ? 1 : oneway == "-1" || oneway == "reverse" ? -1 : 0;
            // Closed to vehicles (a palace's inner road, a private lane): drawn as what it is, never routed on.
            std::string_view motor = t.has("motor_vehicle") ? t.get("motor_vehicle") : t.get("vehicle");
            f.noVehicles = road && (oneOf(motor, {"no", "private"}) ||
                                    (oneOf(t.get("access"), {"no", "private"}) && !oneOf(motor, {"yes", "destination", "designated"})));
            road ? ++st.roads : ++st.paths;
        } else if (oneOf(barrier, {"city_wall", "wall"}) || t.is("historic", "citywalls")) {
            f.kind = MapKind::wall;
            f.cls = barrier == "wall" ? "wall" : "city_wall";
            f.widthM = f.cls == "city_wall" ? 3.0 : 1.2;
            ++st.walls;
        } else if (oneOf(t.get("waterway"), {"stream", "river", "canal", "ditch", "drain"}) && !t.has("tunnel")) {
            f.kind = MapKind::water;
            f.cls = std::string(t.get("waterway"));
            f.widthM = f.cls == "river" ? 12 : 2;
        } else {
            if (t.is("natural", "coastline")) coastline.push_back(w);
            else ++st.skippedWays;
            continue;
        }
        readNames(t, opt.languages, f);
        f.lines = clipLine(w->points, box);
        if (f.lines.empty()) continue;
        // Blocks are bounded by every street and path above ground (a block is what the alleys go around).
        if ((f.kind == MapKind::road || f.kind == MapKind::path) && !f.tunnel && !f.bridge)
            for (const Ring& l : f.lines) blockStreets.push_back(l);
        features.push_back(std::move(f));
    }

    // Nodes: points of interest and place names.
    std::vector<const OsmNode*> nodes;
    for (const OsmNode& n : in.nodes) nodes.push_back(&n);
    std::sort(nodes.begin(), nodes.end(), [](const OsmNode* a, const OsmNode* b) { return a->id < b->id; });
    for (const OsmNode* n : nodes) {
        if (!box.contains(n->at)) continue;
        const OsmTags& t = n->tags;
        MapFeature f;
        f.osmId = osmRef('n', n->id);
        std::string_view place = t.get("place");
        if (oneOf(place, {"quarter", "neighbourhood", "suburb", "village", "hamlet"})) {
            f.kind = MapKind::district;
            f.cls = std::string(place);
            ++st.places;
        } else {
            std::string_view cls = poiClass(t);
            if (cls.empty()) continue;
            f.kind = MapKind::poi;
            f.cls = std::string(cls);
            ++st.pois;
        }
        readNames(t, opt.languages, f);
        if (f.cls == "subway_entrance" && f.name.empty() && f.nameEn.empty() && f.nameKo.empty() && t.has("ref")) {
            f.nameEn = "Exit " + std::string(t.get("ref"));
            f.nameKo = std::string(t.get("ref")) + "번 출구";
        }
        f.points.push_back(n->at);
        features.push_back(std::move(f));
    }

    // The sea, from the coastline, under everything else; the coast bounds blocks as streets do, and a face of sea
    // is not a block.
    st.coastlineWays = coastline.size();
    SeaResult sea = seaFromCoastline(coastline, box.lo, box.hi);
    st.coastlineProblems = sea.problems;
    const size_t streetLines = blockStreets.size();
    if (!sea.polygons.empty()) {
        MapFeature f;
        f.kind = MapKind::water;
        f.cls = "sea";
        f.polygons = std::move(sea.polygons);
        for (const auto& poly : f.polygons) openAreas.push_back(poly);
        for (Ring& l : sea.coastInBox) blockStreets.push_back(std::move(l));
        st.seaPolygons = f.polygons.size();
        features.insert(features.begin(), std::move(f));
    }

    if (opt.blocks) {
        BlockStats bs;
        std::vector<Ring> blocks = computeCityBlocks(blockStreets, box.lo, box.hi, openAreas, {}, &bs);
        st.droppedTinyFaces = bs.tiny;
        st.droppedSliverFaces = bs.slivers;
        st.droppedOpenFaces = bs.open + bs.huge;
        if (blockStreets.size() > streetLines)
            st.droppedOpenFaces += dropFacesOfCoastOnly(blocks, blockStreets, streetLines);
        for (Ring& r : blocks) {
            MapFeature f;
            f.kind = MapKind::block;
            f.polygons.push_back({std::move(r)});
            features.push_back(std::move(f));
        }
        st.blocks = blocks.size();
    }

    for (const MapFeature& e : opt.extras) features.push_back(e);
    st.droppedByRounding = roundPositions(features);
    std::stable_sort(features.begin(), features.end(),
                     [](const MapFeature& a, const MapFeature& b) { return group(a.kind) < group(b.kind); });
    map.features = std::move(features);
    if (statsOut) *statsOut = st;
    return map;
}

}  // namespace bk
