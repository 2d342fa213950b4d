// map_binary_test.cpp — the binary map: the shipped twin is the GeoJSON map, every field survives, damage is refused.
#include "binary_format.hpp"
#include "map_binary.hpp"
#include "map_data.hpp"
#include "map_writer.hpp"
#include "test_util.hpp"

#include <gtest/gtest.h>

#include <cstring>

using namespace bk;

namespace {

MapData sample() {
    MapData m;
    m.name = "Bukchon";
    m.nameKo = "북촌";
    m.attribution = "© OpenStreetMap contributors";
    m.license = "ODbL-1.0";
    m.source = "test";
    m.noded = true;
    MapFeature road;
    road.kind = MapKind::road;
    road.cls = "tertiary";
    road.nameEn = "Bukchon-ro";
    road.nameKo = "북촌로";
    road.names = {{"ja", "北村路"}};
    road.osmId = "w1";
    road.widthM = 11;
    road.oneway = -1;
    road.layer = 1;
    road.bridge = true;
    road.noVehicles = true;
    road.lines = {{{37.5765, 126.9855}, {37.5785, 126.9857}}, {{37.58, 126.98}, {37.581, 126.981}}};
    MapFeature wood;
    wood.kind = MapKind::wood;
    wood.polygons = {{{{37.58, 126.98}, {37.58, 126.99}, {37.59, 126.99}}, {{37.582, 126.982}, {37.582, 126.983}, {37.583, 126.983}}}};
    MapFeature exit;
    exit.kind = MapKind::poi;
    exit.cls = "subway_entrance";
    exit.points = {{-34.6037, -58.3816}};
    m.features = {road, wood, exit};
    return m;
}

// Every position of two maps, compared as doubles (==, not to a tolerance).
bool samePositions(const MapData& a, const MapData& b) {
    auto all = [](const MapData& m) {
        std::vector<double> v;
        auto add = [&](const Ring& r) {
            for (const LatLon& p : r) v.insert(v.end(), {p.lon, p.lat});
        };
        for (const MapFeature& f : m.features) {
            for (const auto& poly : f.polygons)
                for (const Ring& r : poly) add(r);
            for (const Ring& l : f.lines) add(l);
            add(f.points);
        }
        return v;
    };
    return all(a) == all(b);
}

template <class T>
T at(const std::string& bytes, size_t offset) {
    T v;
    std::memcpy(&v, &bytes[offset], sizeof v);
    return v;
}

template <class T>
std::string patched(std::string bytes, size_t at, T value) {
    std::memcpy(&bytes[at], &value, sizeof value);
    uint64_t sum = binaryChecksum(reinterpret_cast<const uint8_t*>(bytes.data()) + 24, bytes.size() - 24);
    std::memcpy(&bytes[16], &sum, 8);
    return bytes;
}

}  // namespace

// The page loads map.bkm; it must be map.geojson's twin (what the converter writes with --binary).
TEST(MapBinary, ShippedBinaryMapIsTheGeoJsonMap) {
    auto map = loadMap(readRepoFile("assets/bukchon/map.geojson"), "map.geojson");
    ASSERT_TRUE(map.ok()) << map.error().describe();
    // The twin keeps no other-language names (regenerate.sh: --binary-languages none; the site serves them per
    // language): it is the GeoJSON map without them.
    for (MapFeature& f : map.value().features) f.names.clear();
    EXPECT_TRUE(writeBinaryMap(map.value()) == readRepoFile("assets/bukchon/map.bkm"))
        << "assets/bukchon/map.bkm is stale: regenerate it with sh assets/bukchon/osm/regenerate.sh";
    const std::string bytes = readRepoFile("assets/bukchon/map.bkm");
    auto bin = loadMap(bytes, "map.bkm");
    ASSERT_TRUE(bin.ok()) << bin.error().describe();
    EXPECT_EQ(writeMapGeoJson(bin.value()), writeMapGeoJson(map.value()));
    EXPECT_TRUE(samePositions(bin.value(), map.value()));  // the same doubles, to the last bit
    EXPECT_EQ(at<uint16_t>(bytes, 4), 3);
    EXPECT_EQ(at<uint8_t>(bytes, 32), 6) << "bukchon-map writes six decimals";
}

// A hand-made map keeps its decimals: a .bkm made from it loads to exactly the GeoJSON's doubles, at the fewest
// decimals that do so (IEEE division is correctly rounded, as strtod is).
TEST(MapBinary, PositionsComeBackExactlyAtTheMapsOwnDecimals) {
    auto geojson = [](const char* a, const char* b, const char* c) {
        return std::string(R"({"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"kind":"road"},"geometry":{"type":"LineString","coordinates":[)") + a + "," + b +
               R"(]}},{"type":"Feature","properties":{"kind":"poi"},"geometry":{"type":"Point","coordinates":)" + c + "}}]}";
    };
    struct Case { const char *a, *b, *c; int decimals; };
    for (const Case& k : {Case{"[126.9855013,37.5765001]", "[126.9857999,37.5785]", "[-58.3816007,-34.6037003]", 7},
                          Case{"[126.985501,37.576501]", "[126.985799,37.5785]", "[-58.381601,-34.603701]", 6},
                          Case{"[126.98,37.57]", "[126.9,37.5]", "[-180,-90]", 2},
                          Case{"[0.1,0.2]", "[0.3,0.7]", "[180,90]", 1}}) {
        auto map = loadMap(geojson(k.a, k.b, k.c), "map.geojson");
        ASSERT_TRUE(map.ok()) << map.error().describe();
        const std::string bytes = writeBinaryMap(map.value());
        EXPECT_EQ(at<uint8_t>(bytes, 32), k.decimals) << k.a;
        auto back = loadMap(bytes, "map.bkm");
        ASSERT_TRUE(back.ok()) << back.error().describe();
        EXPECT_TRUE(samePositions(back.value(), map.value())) << k.a;
    }
    // Positions no decimal text gives (computed ones) are kept at seven decimals, as the GeoJSON writer keeps them.
    MapData m = sample();
    m.features[2].points = {{37.0 / 3, 126.0 / 7}};
    const std::string bytes = writeBinaryMap(m);
    EXPECT_EQ(at<uint8_t>(bytes, 32), 7);
    auto viaGeoJson = loadMap(writeMapGeoJson(m), "map.geojson");
    auto viaBinary = loadMap(bytes, "map.bkm");
    ASSERT_TRUE(viaGeoJson.ok() && viaBinary.ok());
    EXPECT_TRUE(samePositions(viaBinary.value(), viaGeoJson.value()));
}

TEST(MapBinary, EveryFieldSurvives) {
    MapData m = sample();
    auto back = loadMap(writeBinaryMap(m), "x.bkm");
    ASSERT_TRUE(back.ok()) << back.error().describe();
    EXPECT_EQ(writeMapGeoJson(back.value()), writeMapGeoJson(m));
    EXPECT_TRUE(back->noded);
    const MapFeature& r = back->features[0];
    EXPECT_EQ(r.oneway, -1);
    EXPECT_EQ(r.layer, 1);
    EXPECT_TRUE(r.bridge && r.noVehicles && !r.tunnel);
    EXPECT_EQ(r.names[0].second, "北村路");
    EXPECT_EQ(back->features[1].polygons[0].size(), 2u);
    EXPECT_DOUBLE_EQ(back->features[2].points[0].lon, -58.3816);
}

TEST(MapBinary, DamagedFilesAreRefusedWithTheFeatureAndByte) {
    const std::string good = writeBinaryMap(sample());
    auto err = [](const std::string& bytes) {
        auto r = loadMap(bytes, "map.bkm");
        return r.ok() ? std::string("(loaded)") : r.error().describe();
    };
    EXPECT_NE(err(good.substr(0, good.size() - 5)).find("truncated"), std::string::npos);
    std::string flipped = good;
    flipped[good.size() / 2] ^= 0x40;
    EXPECT_NE(err(flipped).find("checksum"), std::string::npos);
    EXPECT_NE(err(patched<uint16_t>(good, 4, 9)).find("version 9"), std::string::npos);
    EXPECT_NE(err(patched<uint32_t>(good, 24, 4000000000u)).find("4000000000 features take"), std::string::npos);
    // The first feature's kind byte: the first byte of the features section (its offset at byte 76).
    const size_t first = at<uint32_t>(good, 76);
    std::string kind = err(patched<uint8_t>(good, first, 200));
    EXPECT_NE(kind.find("map.bkm features[0].kind: unknown kind 200 (byte " + std::to_string(first) + ")"), std::string::npos) << kind;
}

// Version 3's sections: every offset, reference and count is checked against the others and the bytes.
TEST(MapBinary, ADamagedVersionThreeMapSaysWhatAndWhere) {
    const std::string good = writeBinaryMap(sample());
    ASSERT_EQ(at<uint16_t>(good, 4), 3);
    auto err = [](const std::string& bytes) {
        auto r = loadMap(bytes, "map.bkm");
        return r.ok() ? std::string("(loaded)") : r.error().describe();
    };
    const size_t features = at<uint32_t>(good, 76), shapes = at<uint32_t>(good, 84), positions = at<uint32_t>(good, 88);
    struct Case { std::string bytes, expected; };
    std::string truncated = patched<uint64_t>(good.substr(0, good.size() - 3), 8, good.size() - 3);
    for (const Case& k : {
             // the last position's difference ends past the end of the file
             Case{truncated, "features[2].points: the file ends early: it is truncated (byte " + std::to_string(good.size() - 3)},
             // the names section said to start before the features end
             Case{patched<uint32_t>(good, 80, uint32_t(features - 1)), "header.offsets.names: offset"},
             Case{patched<uint32_t>(good, 72, 100u), "header.offsets.strings: expected the strings at byte 96, got 100 (byte 72)"},
             // the first feature's class: a string not read yet
             Case{patched<uint32_t>(good, features + 8, 7u), "features[0].names: string reference 7 is not one of the 5 strings used so far (byte " +
                                                                   std::to_string(features + 8) + ")"},
             // the first feature's polygons: more than the shapes section holds
             Case{patched<uint32_t>(good, features + 32, 1000u), "features[0].polygons: a count of 1000 runs past the end of the shapes (byte " +
                                                                      std::to_string(features + 32) + ")"},
             // the first line's position count: more than the positions hold
             Case{patched<uint32_t>(good, shapes, 100000u), "features[0].lines: a count of 100000 runs past the end of the positions (byte " +
                                                                std::to_string(shapes) + ")"},
             // a line of one position
             Case{patched<uint32_t>(good, shapes, 1u), "features[0].lines: expected at least 2, got 1"},
             // the first position said to repeat one (there is none before it)
             Case{patched<uint8_t>(good, positions, 0x01), "features[0].lines: repeats position 0 of the 0 read so far (byte " +
                                                              std::to_string(positions) + ")"},
             Case{patched<uint32_t>(good, 68, 999u), "header.positionCount"},
             Case{patched<uint8_t>(good, 32, 8), "expected 0…7 decimals, got 8"},
         }) {
        const std::string e = err(k.bytes);
        EXPECT_NE(e.find(k.expected), std::string::npos) << e;
        EXPECT_NE(e.find("map.bkm"), std::string::npos) << e;
    }
}

// Maps written before version 3 load as they did: version 1 (i32 positions) and version 2 (varint differences, each
// feature's record, strings and positions together) to the same map as their version 3 rewrite, which is smaller.
TEST(MapBinary, VersionOneAndTwoMapsStillLoad) {
    const std::string v1 = readRepoFile("tests/fuzz/corpus/map/tiny.bkm"), v2 = readRepoFile("tests/fuzz/corpus/map/tiny-v2.bkm");
    ASSERT_EQ(at<uint16_t>(v1, 4), 1);
    ASSERT_EQ(at<uint16_t>(v2, 4), 2);
    auto old = loadMap(v1, "tiny.bkm");
    ASSERT_TRUE(old.ok()) << old.error().describe();
    auto two = loadMap(v2, "tiny-v2.bkm");
    ASSERT_TRUE(two.ok()) << two.error().describe();
    EXPECT_EQ(writeMapGeoJson(two.value()), writeMapGeoJson(old.value()));
    EXPECT_TRUE(samePositions(two.value(), old.value()));
    const std::string v3 = writeBinaryMap(old.value());
    EXPECT_EQ(at<uint16_t>(v3, 4), 3);
    EXPECT_TRUE(v3 == readRepoFile("tests/fuzz/corpus/map/tiny-v3.bkm")) << "the fuzz seed tiny-v3.bkm is tiny.bkm in version 3";
    auto again = loadMap(v3, "tiny.bkm");
    ASSERT_TRUE(again.ok()) << again.error().describe();
    EXPECT_EQ(writeMapGeoJson(again.value()), writeMapGeoJson(old.value()));
    EXPECT_TRUE(samePositions(again.value(), old.value()));
    // The shipped map: 387 KB in version 1, 288 KB in version 2, 231 KB in version 3 at bukchon-map's six decimals.
    EXPECT_LT(readRepoFile("assets/bukchon/map.bkm").size(), 235000u);
}

TEST(MapBinary, ADamagedPositionIsRefusedWithTheFeatureAndByte) {
    const std::string good = writeBinaryMap(sample());
    // The last feature's one point ends the file (two differences, 7 bytes): with the continuation bit set on its
    // last 6 bytes, the first difference never ends.
    std::string bad = good;
    for (size_t i = bad.size() - 6; i < bad.size(); ++i) bad[i] = char(0xFF);
    bad = patched<uint8_t>(bad, bad.size() - 1, 0xFF);  // (and a checksum that matches, as a bad writer would)
    auto r = loadMap(bad, "map.bkm");
    ASSERT_FALSE(r.ok());
    const std::string e = r.error().describe();
    EXPECT_NE(e.find("map.bkm"), std::string::npos) << e;
    EXPECT_NE(e.find("features[2].points"), std::string::npos) << e;
    EXPECT_NE(e.find("byte"), std::string::npos) << e;
}
