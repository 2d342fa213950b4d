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
    EXPECT_TRUE(writeBinaryMap(map.value()) == readRepoFile("assets/bukchon/map.bkm"))
        << "assets/bukchon/map.bkm is stale: regenerate it with sh assets/bukchon/osm/regenerate.sh";
    auto bin = loadMap(readRepoFile("assets/bukchon/map.bkm"), "map.bkm");
    ASSERT_TRUE(bin.ok()) << bin.error().describe();
    EXPECT_EQ(writeMapGeoJson(bin.value()), writeMapGeoJson(map.value()));  // the same doubles, to the last bit
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
    EXPECT_NE(err(patched<uint32_t>(good, 24, 4000000000u)).find("runs past the end"), std::string::npos);
    // The first feature's kind byte: after the header and the five map strings.
    size_t first = 32;
    for (const char* s : {"Bukchon", "북촌", "© OpenStreetMap contributors", "ODbL-1.0", "test"}) first += 4 + std::strlen(s);
    std::string kind = err(patched<uint8_t>(good, first, 200));
    EXPECT_NE(kind.find("features[0]: unknown kind 200"), std::string::npos) << kind;
    EXPECT_NE(kind.find("map.bkm"), std::string::npos);
    EXPECT_NE(kind.find("byte"), std::string::npos);
}

// Maps written before version 2 (i32 positions) load as they did, to the same map as their version 2 rewrite, which
// is smaller: the shipped map's positions take 2–3 bytes a coordinate instead of 4.
TEST(MapBinary, VersionOneMapsStillLoad) {
    const std::string v1 = readRepoFile("tests/fuzz/corpus/map/tiny.bkm");
    uint16_t version = 0;
    std::memcpy(&version, &v1[4], 2);
    ASSERT_EQ(version, 1);
    auto old = loadMap(v1, "tiny.bkm");
    ASSERT_TRUE(old.ok()) << old.error().describe();
    const std::string v2 = writeBinaryMap(old.value());
    std::memcpy(&version, &v2[4], 2);
    EXPECT_EQ(version, 2);
    EXPECT_TRUE(v2 == readRepoFile("tests/fuzz/corpus/map/tiny-v2.bkm")) << "the fuzz seed tiny-v2.bkm is tiny.bkm in version 2";
    auto again = loadMap(v2, "tiny.bkm");
    ASSERT_TRUE(again.ok()) << again.error().describe();
    EXPECT_EQ(writeMapGeoJson(again.value()), writeMapGeoJson(old.value()));
    EXPECT_LT(readRepoFile("assets/bukchon/map.bkm").size(), 300000u);  // 387 KB in version 1
}

TEST(MapBinary, ADamagedPositionIsRefusedWithTheFeatureAndByte) {
    const std::string good = writeBinaryMap(sample());
    // The last feature's one point ends the file (two 5-byte differences): with the continuation bit set on every
    // byte from the first difference's last one, that difference never ends.
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
