// osm_map_test.cpp — bukchon-map's pieces on small OSM files the tests write: classes, areas with holes, clipping,
// blocks, names, determinism, the sea closed from the coastline; and the shipped Bukchon map, sensors and truck
// network built from the real extract.
#include "city_blocks.hpp"
#include "collection.hpp"
#include "dataset.hpp"
#include "map_binary.hpp"
#include "map_builder.hpp"
#include "map_mesh.hpp"
#include "map_writer.hpp"
#include "osm_reader.hpp"
#include "sensors.hpp"
#include "test_util.hpp"
#include "triangulate.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

using namespace bk;

namespace {

// A tiny OSM XML document: nodes on a ~100 m grid from (lat0, lon0) (Bukchon by default), ways and relations from
// `body`.
std::string osmXml(const std::string& body, double lat0 = 37.58, double lon0 = 126.98) {
    std::string x = "<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6' generator='test'>\n";
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 5; ++j) {
            char node[160];
            const double dLon = 0.0009 / std::cos(lat0 * 3.14159265358979 / 180);  // ~100 m east at that latitude
            std::snprintf(node, sizeof node, " <node id='%d' version='1' lat='%.7f' lon='%.7f'/>\n", 1 + i * 5 + j,
                          lat0 + i * 0.0009, lon0 + j * dLon);
            x += node;
        }
    return x + body + "</osm>\n";
}

std::string way(int id, std::initializer_list<int> nodes, const std::string& tags) {
    std::string w = " <way id='" + std::to_string(id) + "' version='1'>";
    for (int n : nodes) w += "<nd ref='" + std::to_string(n) + "'/>";
    return w + tags + "</way>\n";
}

std::string tag(const char* k, const char* v) { return std::string("<tag k='") + k + "' v='" + v + "'/>"; }

// Per test (ctest runs tests in parallel processes): "bukchon-map-<test>-<name>".
std::string tempPath(const std::string& name) {
    std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    return (std::filesystem::temp_directory_path() / ("bukchon-map-" + test + "-" + name)).string();
}

std::string writeTemp(const std::string& name, const std::string& text) {
    std::string path = tempPath(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

MapData convert(const std::string& xml, MapBuildOptions opt = {}, MapBuildStats* stats = nullptr) {
    auto in = readOsmFile(writeTemp("in.osm", xml));
    EXPECT_TRUE(in.ok()) << (in.ok() ? "" : in.error().describe());
    return in.ok() ? buildMapFromOsm(in.value(), opt, stats) : MapData{};
}

const MapFeature* byOsmId(const MapData& m, const std::string& id) {
    for (const MapFeature& f : m.features)
        if (f.osmId == id) return &f;
    return nullptr;
}

bool insideRing(const Ring& r, LatLon p) {
    bool in = false;
    for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
        if ((r[i].lat > p.lat) != (r[j].lat > p.lat) &&
            p.lon < (r[j].lon - r[i].lon) * (p.lat - r[i].lat) / (r[j].lat - r[i].lat) + r[i].lon)
            in = !in;
    return in;
}

// The 3 × 3 street grid: rows 1, 3, 5 (nodes i*5+1 …) and columns 1, 3, 5, every crossing a shared node.
// A ring's positions as doubles, for comparing with == (LatLon has no operator==).
std::vector<double> coordinates(const Ring& r) {
    std::vector<double> v;
    for (const LatLon& p : r) v.insert(v.end(), {p.lat, p.lon});
    return v;
}

std::string grid3x3() {
    std::string body;
    int id = 100;
    for (int r : {0, 2, 4}) body += way(id++, {1 + r * 5, 2 + r * 5, 3 + r * 5, 4 + r * 5, 5 + r * 5}, tag("highway", "residential"));
    for (int c : {0, 2, 4}) body += way(id++, {1 + c, 6 + c, 11 + c, 16 + c, 21 + c}, tag("highway", "residential"));
    return body;
}

}  // namespace

TEST(OsmMap, WaysBecomeStreetsByClassWithWidthOnewayAndTunnels) {
    std::string body = way(10, {1, 2, 3}, tag("highway", "primary") + tag("oneway", "yes") + tag("name", "율곡로") +
                                              tag("name:en", "Yulgok-ro")) +
                       way(11, {6, 7}, tag("highway", "footway")) + way(12, {11, 12}, tag("highway", "steps")) +
                       way(13, {16, 17}, tag("highway", "service") + tag("tunnel", "yes")) +
                       way(14, {21, 22}, tag("highway", "residential") + tag("motor_vehicle", "no")) +
                       way(15, {4, 9}, tag("barrier", "city_wall")) + way(16, {5, 10}, tag("power", "line"));
    MapBuildStats st;
    MapData m = convert(osmXml(body), {}, &st);
    const MapFeature* primary = byOsmId(m, "w10");
    ASSERT_NE(primary, nullptr);
    EXPECT_EQ(primary->kind, MapKind::road);
    EXPECT_EQ(primary->cls, "primary");
    EXPECT_EQ(primary->oneway, 1);
    EXPECT_EQ(primary->nameKo, "율곡로");
    EXPECT_EQ(primary->nameEn, "Yulgok-ro");
    EXPECT_GT(primary->widthM, 10);
    EXPECT_EQ(byOsmId(m, "w11")->kind, MapKind::path);
    EXPECT_EQ(byOsmId(m, "w11")->cls, "footway");
    EXPECT_LT(byOsmId(m, "w11")->widthM, 3);
    EXPECT_EQ(byOsmId(m, "w12")->cls, "steps");
    EXPECT_TRUE(byOsmId(m, "w13")->tunnel);
    EXPECT_TRUE(byOsmId(m, "w14")->noVehicles);
    EXPECT_EQ(byOsmId(m, "w15")->kind, MapKind::wall);
    EXPECT_EQ(byOsmId(m, "w15")->cls, "city_wall");
    EXPECT_EQ(byOsmId(m, "w16"), nullptr);  // power lines are not on this map
    EXPECT_EQ(st.roads, 3u);
    EXPECT_EQ(st.paths, 2u);
    EXPECT_TRUE(m.noded);
    EXPECT_EQ(m.attribution, "© OpenStreetMap contributors");
    EXPECT_NE(m.license.find("ODbL"), std::string::npos);
}

TEST(OsmMap, AMultipolygonKeepsItsHole) {
    std::string body = way(20, {1, 5, 25, 21, 1}, "") + way(21, {7, 9, 19, 17, 7}, "") +
                       " <relation id='30' version='1'><member type='way' ref='20' role='outer'/>"
                       "<member type='way' ref='21' role='inner'/>" +
                       tag("type", "multipolygon") + tag("natural", "wood") + "</relation>\n" +
                       way(22, {2, 3, 8, 7, 2}, tag("leisure", "garden") + tag("name", "후원"));
    MapData m = convert(osmXml(body));
    const MapFeature* wood = byOsmId(m, "r30");
    ASSERT_NE(wood, nullptr);
    EXPECT_EQ(wood->kind, MapKind::wood);
    ASSERT_EQ(wood->polygons.size(), 1u);
    EXPECT_EQ(wood->polygons[0].size(), 2u);  // outer ring and its hole
    const MapFeature* garden = byOsmId(m, "w22");
    ASSERT_NE(garden, nullptr);
    EXPECT_EQ(garden->kind, MapKind::garden);
    EXPECT_EQ(garden->nameKo, "후원");
    // Written and read back, the hole is still there.
    auto back = loadMap(writeMapGeoJson(m), "map.geojson");
    ASSERT_TRUE(back.ok()) << back.error().describe();
    bool found = false;
    for (const MapFeature& f : back->features)
        if (f.osmId == "r30") found = f.polygons.size() == 1 && f.polygons[0].size() == 2;
    EXPECT_TRUE(found);
}

TEST(OsmMap, TheBboxClipsLinesAndAreasAndDropsWhatIsOutside) {
    std::string body = way(40, {1, 2, 3, 4, 5}, tag("highway", "residential")) +
                       way(41, {21, 22}, tag("highway", "footway")) +  // wholly outside the box below
                       way(42, {6, 10, 20, 16, 6}, tag("landuse", "grass"));
    MapBuildOptions opt;
    opt.hasBbox = true;
    opt.bboxMin = {37.5795, 126.98150};   // cuts row 0 between its 2nd and 3rd nodes … and keeps row 4 out
    opt.bboxMax = {37.5830, 126.99000};
    MapData m = convert(osmXml(body), opt);
    const MapFeature* road = byOsmId(m, "w40");
    ASSERT_NE(road, nullptr);
    for (const Ring& part : road->lines)
        for (const LatLon& p : part) {
            EXPECT_GE(p.lon, opt.bboxMin.lon - 1e-12);
            EXPECT_LE(p.lon, opt.bboxMax.lon + 1e-12);
        }
    EXPECT_DOUBLE_EQ(road->lines[0].front().lon, opt.bboxMin.lon);  // cut exactly at the box's west side
    EXPECT_EQ(byOsmId(m, "w41"), nullptr);
    const MapFeature* grass = byOsmId(m, "w42");
    ASSERT_NE(grass, nullptr);
    for (const LatLon& p : grass->polygons[0][0]) EXPECT_LE(p.lat, opt.bboxMax.lat + 1e-12);
}

// Positions come out at six decimals (about 10 cm), so map.geojson and its binary twin carry the same numbers; a
// vertex that rounding lands on the one before is dropped, and a line or area left with too few is dropped whole.
TEST(OsmMap, PositionsComeOutAtSixDecimalsAndWhatRoundingCollapsesIsDropped) {
    const std::string close = " <node id='100' version='1' lat='37.5800001' lon='126.9800004'/>\n"   // 4 cm from node 1
                              " <node id='101' version='1' lat='37.5800003' lon='126.9799998'/>\n"
                              " <node id='102' version='1' lat='37.5809002' lon='126.9800001'/>\n";  // node 6's place
    std::string body = close + way(50, {1, 100, 2, 3}, tag("highway", "footway")) +
                       way(51, {100, 101}, tag("highway", "footway")) +                        // collapses to a point
                       way(52, {1, 100, 101, 1}, tag("landuse", "grass")) +                    // collapses too
                       way(53, {1, 2, 7, 102, 6, 1}, tag("landuse", "grass"));                 // keeps 4 corners
    MapBuildOptions opt;
    opt.blocks = false;
    MapBuildStats st;
    MapData m = convert(osmXml(body), opt, &st);
    const MapFeature* path = byOsmId(m, "w50");
    ASSERT_NE(path, nullptr);
    ASSERT_EQ(path->lines.size(), 1u);
    EXPECT_EQ(path->lines[0].size(), 3u);  // nodes 1 and 100 are one position at six decimals
    EXPECT_EQ(byOsmId(m, "w51"), nullptr);
    EXPECT_EQ(byOsmId(m, "w52"), nullptr);
    const MapFeature* grass = byOsmId(m, "w53");
    ASSERT_NE(grass, nullptr);
    EXPECT_EQ(grass->polygons[0][0].size(), 4u);
    EXPECT_EQ(st.droppedByRounding, 2u);
    for (const MapFeature& f : m.features)
        for (const Ring& l : f.lines)
            for (const LatLon& p : l) {
                EXPECT_EQ(p.lon, std::round(p.lon * 1e6) / 1e6);
                EXPECT_EQ(p.lat, std::round(p.lat * 1e6) / 1e6);
            }
    // The GeoJSON and the binary map (at six decimals) load to these very doubles.
    const std::string bkm = writeBinaryMap(m);
    EXPECT_EQ(uint8_t(bkm[32]), 6);
    for (auto loaded : {loadMap(writeMapGeoJson(m), "map.geojson"), loadMap(bkm, "map.bkm")}) {
        ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
        EXPECT_EQ(coordinates(byOsmId(loaded.value(), "w50")->lines[0]), coordinates(path->lines[0]));
        EXPECT_EQ(coordinates(byOsmId(loaded.value(), "w53")->polygons[0][0]), coordinates(grass->polygons[0][0]));
    }
}

TEST(OsmMap, AThreeByThreeStreetGridGivesItsFourBlocks) {
    MapBuildStats st;
    MapData m = convert(osmXml(grid3x3()), {}, &st);
    EXPECT_EQ(st.blocks, 4u);
    int blocks = 0;
    for (const MapFeature& f : m.features)
        if (f.kind == MapKind::block) {
            ++blocks;
            ASSERT_EQ(f.polygons.size(), 1u);
            EXPECT_EQ(f.polygons[0][0].size(), 8u);  // four crossings and the four nodes between them
        }
    EXPECT_EQ(blocks, 4);
}

TEST(OsmMap, BlocksComeOutTheSameInEveryHemisphere) {
    // West of Greenwich, south of the equator, near the antimeridian: Lisbon, Buenos Aires, Suva.
    for (auto [lat, lon] : {std::pair{38.71, -9.14}, {-34.60, -58.38}, {-18.14, 178.44}}) {
        MapBuildStats st;
        MapData m = convert(osmXml(grid3x3(), lat, lon), {}, &st);
        EXPECT_EQ(st.blocks, 4u) << lat << "," << lon;
        EXPECT_EQ(st.roads, 6u);
        auto back = loadMap(writeMapGeoJson(m), "map.geojson");
        EXPECT_TRUE(back.ok());
    }
}

TEST(OsmMap, BlocksLeaveOutTinySliverAndOpenFaces) {
    // A face of 5 m × 5 m (a junction island) is tiny; one 100 m × 2 m a sliver; a park fills another.
    std::vector<Ring> streets;
    auto rect = [&](double lat0, double lon0, double dLat, double dLon) {
        streets.push_back({{lat0, lon0}, {lat0, lon0 + dLon}, {lat0 + dLat, lon0 + dLon}, {lat0 + dLat, lon0}, {lat0, lon0}});
    };
    rect(37.580, 126.980, 0.000045, 0.000057);   // ≈ 5 × 5 m
    rect(37.581, 126.980, 0.000018, 0.00113);    // ≈ 2 × 100 m
    rect(37.582, 126.980, 0.0009, 0.00113);      // ≈ 100 × 100 m, a park
    rect(37.584, 126.980, 0.0009, 0.00113);      // ≈ 100 × 100 m, a block
    std::vector<std::vector<Ring>> open{{{{37.5819, 126.9799}, {37.5819, 126.9813}, {37.5831, 126.9813}, {37.5831, 126.9799}}}};
    BlockStats st;
    auto blocks = computeCityBlocks(streets, {37.57, 126.97}, {37.59, 126.99}, open, {}, &st);
    EXPECT_EQ(blocks.size(), 1u);
    EXPECT_EQ(st.tiny, 1u);
    EXPECT_EQ(st.slivers, 1u);
    EXPECT_EQ(st.open, 1u);
}

TEST(OsmMap, NamesInLanguagesAndPointsOfInterest) {
    std::string body = " <node id='900' version='1' lat='37.5810' lon='126.9810'>" + tag("railway", "subway_entrance") +
                       tag("ref", "3") + "</node>\n <node id='901' version='1' lat='37.5812' lon='126.9812'>" +
                       tag("place", "quarter") + tag("name", "가회동") + tag("name:en", "Gahoe-dong") +
                       tag("name:ja", "嘉会洞") + "</node>\n <node id='902' version='1' lat='37.5813' lon='126.9813'>" +
                       tag("name", "정독도서관") + tag("name:en", "Jeongdok Library") + "</node>\n" +
                       " <node id='903' version='1' lat='37.5814' lon='126.9814'>" + tag("natural", "tree") + "</node>\n" +
                       way(50, {1, 2}, tag("highway", "footway"));
    MapBuildOptions opt;
    opt.languages = {"ja"};
    MapData m = convert(osmXml(body), opt);
    const MapFeature* exit = byOsmId(m, "n900");
    ASSERT_NE(exit, nullptr);
    EXPECT_EQ(exit->kind, MapKind::poi);
    EXPECT_EQ(exit->cls, "subway_entrance");
    EXPECT_EQ(exit->nameEn, "Exit 3");
    const MapFeature* dong = byOsmId(m, "n901");
    ASSERT_NE(dong, nullptr);
    EXPECT_EQ(dong->kind, MapKind::district);
    EXPECT_EQ(dong->nameKo, "가회동");
    EXPECT_EQ(dong->nameEn, "Gahoe-dong");
    ASSERT_EQ(dong->names.size(), 1u);
    EXPECT_EQ(dong->names[0], (std::pair<std::string, std::string>{"ja", "嘉会洞"}));
    EXPECT_EQ(byOsmId(m, "n902")->cls, "place");  // a named spot with no other tag
    EXPECT_EQ(byOsmId(m, "n903"), nullptr);        // a tree is not a point of interest
    // By default the converter keeps the viewer's other UI languages (the labels show them: place_names.hpp); an
    // empty list keeps only the viewer's two and the local name.
    EXPECT_EQ(byOsmId(convert(osmXml(body)), "n901")->names.size(), 1u);
    MapBuildOptions none;
    none.languages.clear();
    EXPECT_TRUE(byOsmId(convert(osmXml(body), none), "n901")->names.empty());
}

TEST(OsmMap, TheSameInputGivesTheSameBytesAndGzipReadsLikeXml) {
    std::string xml = osmXml(grid3x3() + way(200, {2, 7}, tag("highway", "footway")));
    std::string a = writeMapGeoJson(convert(xml)), b = writeMapGeoJson(convert(xml));
    EXPECT_EQ(a, b);
    std::string gz = tempPath("in.osm.gz");
    gzFile f = gzopen(gz.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    gzwrite(f, xml.data(), unsigned(xml.size()));
    gzclose(f);
    auto in = readOsmFile(gz);
    ASSERT_TRUE(in.ok()) << in.error().describe();
    EXPECT_EQ(writeMapGeoJson(buildMapFromOsm(in.value(), {})), a);
}

TEST(OsmMap, AWayCutByTheExtractKeepsTheStretchesItHas) {
    // Node 999 is not in the file (a "simple" extract cuts ways at its edge): the way keeps 1–2–3 and 4–5.
    MapData m = convert(osmXml(way(70, {1, 2, 3, 999, 4, 5}, tag("highway", "residential"))));
    std::vector<size_t> parts;
    for (const MapFeature& f : m.features)
        if (f.osmId == "w70") parts.push_back(f.lines[0].size());
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0], 3u);
    EXPECT_EQ(parts[1], 2u);
}

TEST(OsmMap, AnUnsortedFileSaysHowToSortIt) {
    auto r = readOsmFile(writeTemp("unsorted.osm", osmXml(way(90, {1, 2}, tag("highway", "footway")) +
                                                          way(80, {2, 3}, tag("highway", "footway")))));
    if (r.ok()) GTEST_SKIP() << "this libosmium reads unsorted ways";
    EXPECT_NE(r.error().message.find("osmium sort"), std::string::npos) << r.error().message;
}

TEST(OsmMap, AFileThatIsNotOsmSaysSo) {
    auto r = readOsmFile(writeTemp("bad.osm", "this is not XML"));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().describe().find("bad.osm"), std::string::npos);
    EXPECT_NE(r.error().message.find("OpenStreetMap"), std::string::npos);
}

// ---- the sea, closed from natural=coastline ways -----------------------------------------------------------

namespace {

// Is `p` in the water of `m` (any water polygon, its islands left out)? Even-odd over the polygon's rings.
bool inWater(const MapData& m, LatLon p) {
    for (const MapFeature& f : m.features)
        if (f.kind == MapKind::water)
            for (const auto& poly : f.polygons) {
                bool in = false;
                for (const Ring& r : poly) in = in != insideRing(r, p);
                if (in) return true;
            }
    return false;
}

size_t seaFeatures(const MapData& m) {
    size_t n = 0;
    for (const MapFeature& f : m.features) n += f.kind == MapKind::water && f.cls == "sea";
    return n;
}

// A box of 0.01° off Busan (≈ 0.9 km × 1.1 km); positions are given as fractions of it, (0, 0) its south-west corner.
const LatLon kSeaLo{35.10, 129.04}, kSeaHi{35.11, 129.05};
LatLon at(double fx, double fy) {
    return {kSeaLo.lat + fy * (kSeaHi.lat - kSeaLo.lat), kSeaLo.lon + fx * (kSeaHi.lon - kSeaLo.lon)};
}

// Coastline drawn by hand: nodes by id at box fractions, ways through them (land on each way's left).
struct Coast {
    std::map<int64_t, LatLon> nodes;
    OsmInput in;
    Coast& node(int64_t id, double fx, double fy) { nodes[id] = at(fx, fy); return *this; }
    Coast& way(int64_t id, std::vector<int64_t> ids) {
        OsmWay w{id, {}, ids, {}};
        w.tags.list.emplace_back("natural", "coastline");
        for (int64_t n : ids) w.points.push_back(nodes.at(n));
        in.ways.push_back(std::move(w));
        return *this;
    }
    MapData build(MapBuildStats* st = nullptr) const {
        MapBuildOptions opt;
        opt.hasBbox = true;
        opt.bboxMin = kSeaLo;
        opt.bboxMax = kSeaHi;
        return buildMapFromOsm(in, opt, st);
    }
};

// A shore across the box from west to east at mid height, wiggling, reaching past both sides.
Coast shoreAcross() {
    return Coast().node(1, -0.2, 0.5).node(2, 0.2, 0.45).node(3, 0.4, 0.55).node(4, 0.6, 0.5).node(5, 0.8, 0.45)
        .node(6, 1.2, 0.5);
}

}  // namespace

TEST(OsmSea, ACoastlineAcrossTheBoxMakesTheSeaOnItsRightUnderTheBlocks) {
    // Row 1 of the test grid (nodes 6–10, between the street rows 0 and 2) runs west to east: land to the north, sea
    // to the south. The box is the data's bounds, which the coastline's ends lie on.
    const double lat0 = 37.58, lon0 = 126.98, dLon = 0.0009 / std::cos(lat0 * kPi / 180);
    const LatLon sea{lat0 + 0.00045, lon0 + 1.5 * dLon}, sensor{lat0 + 3 * 0.0009 + 0.0003, lon0 + 2.2 * dLon},
                 justNorth{lat0 + 0.0009 + 0.00005, lon0 + 0.5 * dLon};
    MapBuildStats st;
    MapData m = convert(osmXml(grid3x3() + way(300, {6, 7, 8, 9, 10}, tag("natural", "coastline"))), {}, &st);
    EXPECT_EQ(seaFeatures(m), 1u);
    EXPECT_EQ(st.coastlineWays, 1u);
    EXPECT_EQ(st.seaPolygons, 1u);
    EXPECT_EQ(st.coastlineProblems, 0u);
    EXPECT_EQ(st.skippedWays, 0u);  // the coastline is used, not skipped
    EXPECT_TRUE(inWater(m, sea));
    EXPECT_FALSE(inWater(m, sensor));
    EXPECT_FALSE(inWater(m, justNorth));
    // The coast bounds blocks: the faces south of it are sea (left out), north of it land (blocks), none in the sea.
    EXPECT_EQ(st.blocks, 4u);
    for (const MapFeature& f : m.features)
        if (f.kind == MapKind::block) EXPECT_FALSE(insideRing(f.polygons[0][0], sea));

    // The writer, the binary map and the loader keep it.
    for (auto loaded : {loadMap(writeMapGeoJson(m), "map.geojson"), loadMap(writeBinaryMap(m), "map.bkm")}) {
        ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
        EXPECT_EQ(seaFeatures(loaded.value()), 1u);
        EXPECT_TRUE(inWater(loaded.value(), sea));
        EXPECT_FALSE(inWater(loaded.value(), sensor));
    }
    // The viewer draws it as water, first (under the blocks and everything else).
    MapMesh mesh = buildMapMesh(m, Projection({lat0 + 0.0018, lon0 + 2 * dLon}));
    EXPECT_EQ(mesh.droppedPolygons, 0u);
    ASSERT_FALSE(mesh.indices.empty());
    EXPECT_EQ(mesh.vertices[mesh.indices[0]].rgba, MapPalette{}.water);

    // Drawn the other way, the land is to the south.
    MapData flipped = convert(osmXml(grid3x3() + way(300, {10, 9, 8, 7, 6}, tag("natural", "coastline"))));
    EXPECT_FALSE(inWater(flipped, sea));
    EXPECT_TRUE(inWater(flipped, sensor));
}

TEST(OsmSea, AnIslandIsAHoleInTheSeaAndAClockwiseRingIsSeaInLand) {
    Coast island = Coast().node(1, 0.4, 0.4).node(2, 0.6, 0.4).node(3, 0.6, 0.6).node(4, 0.4, 0.6);
    island.way(10, {1, 2, 3, 4, 1});  // counter-clockwise: land inside
    MapBuildStats st;
    MapData m = island.build(&st);
    EXPECT_EQ(st.seaPolygons, 1u);
    ASSERT_EQ(seaFeatures(m), 1u);
    EXPECT_FALSE(inWater(m, at(0.5, 0.5)));  // on the island
    EXPECT_TRUE(inWater(m, at(0.1, 0.1)));   // the sea around it, to the box's corners
    EXPECT_TRUE(inWater(m, at(0.95, 0.95)));
    EXPECT_EQ(st.blocks, 0u);  // the coast closes the island, but no street goes round it: not a city block

    // The same ring clockwise: sea inside, land around (a sea enclosed by land, like the Caspian).
    Coast enclosed = Coast().node(1, 0.4, 0.4).node(2, 0.6, 0.4).node(3, 0.6, 0.6).node(4, 0.4, 0.6);
    enclosed.way(10, {1, 4, 3, 2, 1});
    MapData e = enclosed.build();
    EXPECT_TRUE(inWater(e, at(0.5, 0.5)));
    EXPECT_FALSE(inWater(e, at(0.1, 0.1)));

    // A ring wholly around the box: counter-clockwise, the box is on an island (land); clockwise, in a sea.
    Coast around = Coast().node(1, -1, -1).node(2, 2, -1).node(3, 2, 2).node(4, -1, 2);
    around.way(10, {1, 2, 3, 4, 1});
    EXPECT_FALSE(inWater(around.build(), at(0.5, 0.5)));
    around.in.ways.clear();
    around.way(10, {1, 4, 3, 2, 1});
    EXPECT_TRUE(inWater(around.build(), at(0.5, 0.5)));

    // An island in the sea south of a shore crossing the box is a hole in that sea.
    Coast both = shoreAcross();
    both.node(11, 0.4, 0.1).node(12, 0.6, 0.1).node(13, 0.6, 0.3).node(14, 0.4, 0.3);
    both.way(20, {1, 2, 3, 4, 5, 6}).way(21, {11, 12, 13, 14, 11});
    MapData b = both.build(&st);
    EXPECT_EQ(st.seaPolygons, 1u);
    EXPECT_FALSE(inWater(b, at(0.5, 0.2)));  // the island
    EXPECT_TRUE(inWater(b, at(0.1, 0.1)));   // sea
    EXPECT_TRUE(inWater(b, at(0.5, 0.35)));  // sea between the island and the shore
    EXPECT_FALSE(inWater(b, at(0.5, 0.9)));  // the mainland
    auto back = loadMap(writeMapGeoJson(b), "map.geojson");
    ASSERT_TRUE(back.ok());
    EXPECT_FALSE(inWater(back.value(), at(0.5, 0.2)));
}

TEST(OsmSea, WaysOutOfOrderAndJoinedAtEitherEndMakeOneCoast) {
    Coast whole = shoreAcross();
    whole.way(510, {1, 2, 3, 4, 5, 6});
    // The same shore in three ways, listed end, start, middle; the middle one has the lowest id, so the chain starts
    // there and grows forward and then backward.
    Coast parts = shoreAcross();
    parts.way(502, {4, 5, 6}).way(503, {1, 2, 3}).way(501, {3, 4});
    MapBuildStats st;
    MapData a = whole.build(), b = parts.build(&st);
    EXPECT_EQ(st.coastlineWays, 3u);
    EXPECT_EQ(st.coastlineProblems, 0u);
    EXPECT_EQ(writeMapGeoJson(a), writeMapGeoJson(b));
    EXPECT_TRUE(inWater(b, at(0.5, 0.2)));
    EXPECT_FALSE(inWater(b, at(0.5, 0.8)));
    // An island in two ways, the second listed first.
    Coast island = Coast().node(1, 0.3, 0.3).node(2, 0.7, 0.3).node(3, 0.7, 0.7).node(4, 0.3, 0.7);
    island.way(41, {3, 4, 1}).way(40, {1, 2, 3});
    MapData i = island.build(&st);
    EXPECT_EQ(st.coastlineProblems, 0u);
    EXPECT_FALSE(inWater(i, at(0.5, 0.5)));
    EXPECT_TRUE(inWater(i, at(0.1, 0.9)));
}

TEST(OsmSea, ACoastCutTwiceByTheBoxClosesAlongTheRightSides) {
    // A bay reaching out of the box's north side: one chain, two pieces in the box; the land is two corners.
    Coast bay = Coast().node(1, -0.2, 0.5).node(2, 0.3, 0.5).node(3, 0.4, 1.3).node(4, 0.6, 1.3).node(5, 0.7, 0.5)
        .node(6, 1.2, 0.5);
    bay.way(1, {1, 2, 3, 4, 5, 6});
    MapBuildStats st;
    MapData m = bay.build(&st);
    EXPECT_EQ(st.seaPolygons, 1u);
    EXPECT_TRUE(inWater(m, at(0.5, 0.9)));   // the bay, open to the north side
    EXPECT_TRUE(inWater(m, at(0.5, 0.2)));
    EXPECT_FALSE(inWater(m, at(0.1, 0.9)));  // the two headlands
    EXPECT_FALSE(inWater(m, at(0.9, 0.9)));

    // A strait between two shores, two chains: the north shore runs east, the south shore west.
    Coast strait = Coast().node(1, -0.2, 0.7).node(2, 1.2, 0.7).node(3, 1.2, 0.3).node(4, -0.2, 0.3);
    strait.way(1, {1, 2}).way(2, {3, 4});
    MapData s = strait.build(&st);
    EXPECT_EQ(st.seaPolygons, 1u);
    EXPECT_TRUE(inWater(s, at(0.5, 0.5)));
    EXPECT_FALSE(inWater(s, at(0.5, 0.9)));
    EXPECT_FALSE(inWater(s, at(0.5, 0.1)));

    // A coast the extract cut at the box's sides ends on them, to within the last bits of a printed number.
    Coast cut = Coast().node(1, 0, 0.5).node(2, 0.5, 0.45).node(3, 1, 0.5);
    cut.nodes[1].lon += 1e-11;
    cut.way(1, {1, 2, 3});
    EXPECT_TRUE(inWater(cut.build(&st), at(0.5, 0.2)));
    EXPECT_EQ(st.coastlineProblems, 0u);

    // The land on the left of both shores: a south shore that runs east says the strait is land; two such shores
    // cannot both be right, so no sea is drawn.
    Coast wrong = Coast().node(1, -0.2, 0.7).node(2, 1.2, 0.7).node(3, -0.2, 0.3).node(4, 1.2, 0.3);
    wrong.way(1, {1, 2}).way(2, {3, 4});
    MapData w = wrong.build(&st);
    EXPECT_EQ(seaFeatures(w), 0u);
    EXPECT_GT(st.coastlineProblems, 0u);
}

TEST(OsmSea, ABrokenCoastlineInventsNoSea) {
    // A gap inside the box: the coast stops at the middle and starts again further east.
    Coast gap = shoreAcross();
    gap.way(1, {1, 2, 3}).way(2, {4, 5, 6});
    MapBuildStats st;
    MapData m = gap.build(&st);
    EXPECT_EQ(seaFeatures(m), 0u);
    EXPECT_FALSE(inWater(m, at(0.5, 0.2)));
    EXPECT_EQ(st.seaPolygons, 0u);
    EXPECT_EQ(st.coastlineProblems, 2u);  // the two ends inside the box

    // A way drawn the wrong way round in the middle of the coast: it cannot be joined, so its ends stay open.
    Coast reversed = shoreAcross();
    reversed.way(1, {1, 2, 3}).way(2, {4, 3}).way(3, {4, 5, 6});
    MapData r = reversed.build(&st);
    EXPECT_EQ(seaFeatures(r), 0u);
    EXPECT_GT(st.coastlineProblems, 0u);

    // An island whose ring is not closed: one end inside the box.
    Coast open = Coast().node(1, 0.4, 0.4).node(2, 0.6, 0.4).node(3, 0.6, 0.6).node(4, 0.4, 0.6);
    open.way(1, {1, 2, 3, 4});
    EXPECT_EQ(seaFeatures(open.build(&st)), 0u);
    EXPECT_EQ(st.coastlineProblems, 2u);

    // An island in the land north of a shore: one of the two runs the wrong way round.
    Coast inLand = shoreAcross();
    inLand.node(11, 0.4, 0.7).node(12, 0.6, 0.7).node(13, 0.6, 0.9).node(14, 0.4, 0.9);
    inLand.way(1, {1, 2, 3, 4, 5, 6}).way(2, {11, 12, 13, 14, 11});
    EXPECT_EQ(seaFeatures(inLand.build(&st)), 0u);
    EXPECT_EQ(st.coastlineProblems, 1u);

    // Coastline wholly outside the box says nothing about it: no sea, and nothing wrong.
    Coast away = Coast().node(1, -0.5, 2).node(2, 1.5, 2);
    away.way(1, {1, 2});
    EXPECT_EQ(seaFeatures(away.build(&st)), 0u);
    EXPECT_EQ(st.coastlineProblems, 0u);
    EXPECT_EQ(st.coastlineWays, 1u);
}

TEST(OsmSea, ADetailedCoastWithIslandsTriangulatesWhole) {
    // 4,000 coast nodes and 40 islands: the sea polygon has its area's worth of triangles, none dropped.
    Coast c;
    std::vector<int64_t> shore;
    const int n = 4000;
    for (int i = 0; i <= n; ++i) {
        double x = -0.1 + 1.2 * i / n;
        c.node(i + 1, x, 0.6 + 0.08 * std::sin(x * 40) + 0.02 * std::sin(x * 517));
        shore.push_back(i + 1);
    }
    c.way(1, shore);
    for (int k = 0; k < 40; ++k) {
        double cx = 0.08 + 0.11 * (k % 8) + 0.02 * (k / 8 % 2), cy = 0.08 + 0.09 * (k / 8);
        std::vector<int64_t> ring;
        for (int j = 0; j < 12; ++j) {
            int64_t id = 100000 + k * 100 + j;
            double a = 2 * kPi * j / 12;
            c.node(id, cx + 0.025 * std::cos(a), cy + 0.02 * std::sin(a));
            ring.push_back(id);
        }
        ring.push_back(ring.front());
        c.way(100 + k, ring);
    }
    MapBuildStats st;
    MapData m = c.build(&st);
    ASSERT_EQ(st.coastlineProblems, 0u);
    ASSERT_EQ(st.seaPolygons, 1u);
    const Projection proj(at(0.5, 0.5));
    double polygonArea = 0;
    for (const MapFeature& f : m.features)
        if (f.cls == "sea")
            for (const Ring& r : f.polygons[0]) {
                std::vector<Vec2> local;
                for (const LatLon& p : r) local.push_back(proj.toLocal(p));
                polygonArea += signedArea(local);  // outer counter-clockwise, islands clockwise
            }
    MapMesh mesh = buildMapMesh(m, proj);
    EXPECT_EQ(mesh.droppedPolygons, 0u);
    double triangles = 0;
    for (size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const MapVertex &a = mesh.vertices[mesh.indices[t]], &b = mesh.vertices[mesh.indices[t + 1]],
                        &d = mesh.vertices[mesh.indices[t + 2]];
        if (a.rgba != MapPalette{}.water) continue;
        triangles += std::fabs((b.x - a.x) * (d.y - a.y) - (d.x - a.x) * (b.y - a.y)) / 2;
    }
    EXPECT_GT(polygonArea, 0);
    EXPECT_NEAR(triangles, polygonArea, polygonArea * 1e-3);
}

// ---- the shipped map, built from assets/bukchon/osm/ -------------------------------------------------------

namespace {
struct Shipped {
    MapData map;
    std::vector<Sensor> sensors;
    Projection proj{{37.581, 126.9855}};
};
const Shipped& shipped() {
    static Shipped s = [] {
        Shipped x;
        x.map = loadMap(readRepoFile("assets/bukchon/map.geojson"), "map.geojson").value();
        x.sensors = loadSensors(readRepoFile("assets/bukchon/sensors.geojson"), "sensors.geojson").value();
        return x;
    }();
    return s;
}
double distanceToStreetM(const Shipped& s, LatLon p) {
    Vec2 q = s.proj.toLocal(p);
    double best = 1e300;
    for (const MapFeature& f : s.map.features) {
        if ((f.kind != MapKind::road && f.kind != MapKind::path) || f.tunnel) continue;
        for (const Ring& line : f.lines)
            for (size_t i = 1; i < line.size(); ++i) {
                Vec2 a = s.proj.toLocal(line[i - 1]), b = s.proj.toLocal(line[i]);
                double dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
                double t = l2 > 0 ? std::clamp(((q.x - a.x) * dx + (q.y - a.y) * dy) / l2, 0.0, 1.0) : 0;
                best = std::min(best, std::hypot(q.x - a.x - t * dx, q.y - a.y - t * dy));
            }
    }
    return best * s.proj.groundMetresPerUnit();
}
}  // namespace

TEST(BukchonMap, IsTheRealStreetNetworkWithItsCredit) {
    const MapData& m = shipped().map;
    EXPECT_TRUE(m.noded);
    EXPECT_EQ(m.attribution, "© OpenStreetMap contributors");
    std::map<std::string, int> classes;
    int blocks = 0, named = 0;
    for (const MapFeature& f : m.features) {
        if (f.kind == MapKind::road || f.kind == MapKind::path) ++classes[f.cls];
        blocks += f.kind == MapKind::block;
        named += (f.kind == MapKind::road || f.kind == MapKind::path) && !f.nameKo.empty();
    }
    for (const char* c : {"primary", "tertiary", "residential", "service", "pedestrian", "footway", "path", "steps"})
        EXPECT_GT(classes[c], 0) << c;
    EXPECT_GT(classes["footway"] + classes["service"] + classes["residential"], 1000);
    EXPECT_GT(blocks, 300);  // the hanok blocks between the alleys
    EXPECT_GT(named, 200);
}

TEST(BukchonMap, EverySensorStandsOnItsStreetOrInItsBlock) {
    const Shipped& s = shipped();
    ASSERT_EQ(s.sensors.size(), 50u);
    for (const Sensor& sensor : s.sensors) {
        if (sensor.type == SensorType::fire) {
            bool inBlock = false;
            for (const MapFeature& f : s.map.features)
                if (f.kind == MapKind::block && insideRing(f.polygons[0][0], sensor.position)) inBlock = true;
            EXPECT_TRUE(inBlock) << sensor.id << " is a hanok's fire sensor: it belongs inside a block";
            EXPECT_LT(distanceToStreetM(s, sensor.position), 15) << sensor.id;
        } else {
            EXPECT_LT(distanceToStreetM(s, sensor.position), 3.0) << sensor.id << " stands off its street";
        }
    }
}

TEST(BukchonMap, TheTruckReachesEveryBinFromTheDepotOnDrivableStreets) {
    const Shipped& s = shipped();
    auto rec = loadRecording(readRepoFile("assets/bukchon/recording.json"), "recording.json", s.sensors);
    ASSERT_TRUE(rec.ok()) << rec.error().describe();
    std::vector<Vec2> positions;
    for (const Sensor& sensor : rec->sensors) positions.push_back(s.proj.toLocal(sensor.position));
    CollectionPlan plan = planCollection(rec.value(), s.map, s.proj, positions);
    ASSERT_TRUE(plan.available);
    EXPECT_TRUE(plan.routable) << "depot and every bin's access point must be joined by drivable streets, both ways";
    EXPECT_GT(plan.fixedTourM, 1000);
    EXPECT_LT(plan.fixedTourM, 30000);
    // Bins on pedestrian alleys are walked to; the walk is short and counted apart.
    int walked = 0;
    for (const Sensor& sensor : rec->sensors)
        if (sensor.type == SensorType::bin) {
            size_t i = size_t(&sensor - rec->sensors.data());
            walked += plan.walkM[i] > 1;
            EXPECT_LT(plan.walkM[i], 250) << sensor.id;
        }
    EXPECT_GT(walked, 0);
    EXPECT_GT(plan.fixedWalkM, 0);
    for (const CollectionTrip& trip : plan.trips) {
        EXPECT_LT(trip.lengthM, 1e8) << "an unreachable stop";
        EXPECT_GT(trip.polyline.size(), 10u) << "a route along the streets, not straight lines";
    }
}

TEST(BukchonMap, OnewayStreetsAreDrivenOneWayOnly) {
    // Two parallel one-way streets joined at both ends: from A to B the truck goes one way, back the other.
    MapData m;
    m.noded = true;
    auto road = [&](LatLon a, LatLon b, int oneway) {
        MapFeature f;
        f.kind = MapKind::road;
        f.cls = "residential";
        f.oneway = oneway;
        f.lines.push_back({a, b});
        m.features.push_back(f);
    };
    LatLon A{37.580, 126.980}, B{37.580, 126.982}, A2{37.581, 126.980}, B2{37.581, 126.982};
    road(A, B, 1);     // south street: west → east only
    road(B2, A2, 1);   // north street: east → west only
    road(A, A2, 0);
    road(B, B2, 0);
    MapFeature foot;
    foot.kind = MapKind::path;
    foot.cls = "footway";
    foot.lines.push_back({A, {37.5795, 126.980}});
    m.features.push_back(foot);
    Projection proj(A);
    StreetGraph g = StreetGraph::build(m, proj);
    int a = g.attach(proj.toLocal(A), Travel::drive), b = g.attach(proj.toLocal(B), Travel::drive);
    double ab = g.distancesFrom(a, Travel::drive)[size_t(b)], ba = g.distancesFrom(b, Travel::drive)[size_t(a)];
    EXPECT_NEAR(ab, 176, 5);                  // straight along the south street
    EXPECT_NEAR(ba, 176 + 2 * 111, 8);        // round by the north street
    int end = g.attach(proj.toLocal({37.5795, 126.980}), Travel::foot);
    EXPECT_TRUE(std::isinf(g.distancesFrom(a, Travel::drive)[size_t(end)]));  // no truck on a footway
    EXPECT_FALSE(std::isinf(g.distancesFrom(a, Travel::foot)[size_t(end)]));
}
