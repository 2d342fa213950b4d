// place_names_test.cpp — map labels in the UI language: names from the map's features and from the page's names files.
#include "map_binary.hpp"
#include "map_data.hpp"
#include "place_names.hpp"
#include "test_util.hpp"

#include <gtest/gtest.h>

namespace bk {
namespace {

TEST(PlaceNames, ALabelIsKnownByItsKoreanElseItsLocalElseItsEnglishName) {
    EXPECT_EQ(localName("Gahoe-dong", "가회동", ""), "가회동");
    EXPECT_EQ(localName("Shinjuku", "", "新宿"), "新宿");
    EXPECT_EQ(localName("Depot", "", ""), "Depot");
}

TEST(PlaceNames, TheMapsOwnNamesAndAFilesNamesAreFoundByLocalName) {
    MapData map;
    MapFeature dong;
    dong.nameEn = "Gahoe-dong";
    dong.nameKo = "가회동";
    dong.names = {{"ja", "嘉会洞"}, {"zh", "嘉会洞"}};
    map.features.push_back(dong);
    PlaceNames names;
    names.addFromMap(map);
    ASSERT_NE(names.find("ja", "가회동"), nullptr);
    EXPECT_EQ(*names.find("ja", "가회동"), "嘉会洞");
    EXPECT_EQ(names.find("fr", "가회동"), nullptr);
    EXPECT_EQ(names.find("ja", "Gahoe-dong"), nullptr);  // keyed by the local name, not the English one
    // The page's records: "local\x1Fname", each ended by \x1E; a record without both halves is skipped.
    names.add("fr", std::string("가회동\x1FGahoe-dong (quartier)\x1E") + "북촌로\x1F\x1E" + "\x1Fnothing\x1E" + "경복궁\x1FPalais Gyeongbok");
    EXPECT_EQ(*names.find("fr", "가회동"), "Gahoe-dong (quartier)");
    EXPECT_EQ(*names.find("fr", "경복궁"), "Palais Gyeongbok");
    EXPECT_EQ(names.find("fr", "북촌로"), nullptr);
    names.add("ja", "가회동\x1F嘉會洞");  // a later file wins
    EXPECT_EQ(*names.find("ja", "가회동"), "嘉會洞");
    names.clear();
    EXPECT_EQ(names.find("ja", "가회동"), nullptr);
}

TEST(PlaceNames, TheShippedMapKeepsJapaneseAndChineseNamesAndItsTwinNone) {
    // map.geojson keeps every UI language's names OpenStreetMap has; the binary twin the page loads at start keeps
    // none (the site cuts them per language: cmake/place_names.mjs).
    auto geo = loadMap(readRepoFile("assets/bukchon/map.geojson"), "map.geojson");
    ASSERT_TRUE(geo.ok()) << geo.error().describe();
    PlaceNames names;
    names.addFromMap(geo.value());
    ASSERT_NE(names.find("ja", "경복궁"), nullptr);
    EXPECT_EQ(*names.find("ja", "경복궁"), "景福宮");
    size_t ja = 0, zh = 0;
    for (const MapFeature& f : geo.value().features)
        for (const auto& [lang, name] : f.names) {
            ja += lang == "ja";
            zh += lang == "zh";
        }
    EXPECT_GE(ja, 200u);  // inside the map's box, of the extract's 230 and 69
    EXPECT_GE(zh, 60u);
    auto twin = loadBinaryMap(readRepoFile("assets/bukchon/map.bkm"), "map.bkm");
    ASSERT_TRUE(twin.ok()) << twin.error().describe();
    for (const MapFeature& f : twin.value().features) EXPECT_TRUE(f.names.empty()) << f.osmId;
}

}  // namespace
}  // namespace bk
