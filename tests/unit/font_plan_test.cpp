// font_plan_test.cpp — code point sets from UTF-8 and the choice of fallback font packs for the text in use.
#include "font_plan.hpp"

#include <gtest/gtest.h>

namespace bk {
namespace {

std::vector<uint32_t> codepoints(std::string_view utf8) {
    CodepointSet s;
    s.addUtf8(utf8);
    return s.points();
}

TEST(CodepointSet, DecodesUtf8SortedAndUnique) {
    EXPECT_EQ(codepoints("baab"), (std::vector<uint32_t>{'a', 'b'}));
    EXPECT_EQ(codepoints("Łódź"), (std::vector<uint32_t>{0x64, 0xF3, 0x141, 0x17A}));
    EXPECT_EQ(codepoints("서울"), (std::vector<uint32_t>{0xC11C, 0xC6B8}));
    EXPECT_EQ(codepoints("\xF0\x9F\x9A\xB2"), (std::vector<uint32_t>{0x1F6B2}));  // 🚲
}

TEST(CodepointSet, SkipsMalformedBytes) {
    EXPECT_EQ(codepoints("a\xFF" "b"), (std::vector<uint32_t>{'a', 'b'}));
    EXPECT_EQ(codepoints("\xC0\xAF"), (std::vector<uint32_t>{}));          // overlong '/'
    EXPECT_EQ(codepoints("\xED\xA0\x80x"), (std::vector<uint32_t>{'x'}));  // a surrogate
    EXPECT_EQ(codepoints("\xE2\x82"), (std::vector<uint32_t>{}));          // truncated
    EXPECT_EQ(codepoints("\xF4\x90\x80\x80"), (std::vector<uint32_t>{}));  // past U+10FFFF
}

TEST(CodepointSet, ContainsAndEquality) {
    CodepointSet a, b;
    a.addUtf8("Αθήνα");
    b.addUtf8("αΑθνή");
    EXPECT_TRUE(a == b);
    EXPECT_TRUE(a.contains(0x3B8));
    EXPECT_FALSE(a.contains('A'));
}

FontManifest manifest() {
    FontManifest m;
    m.base = {{0x20, 0x7E}, {0xC11C, 0xC11C}};
    m.packs.push_back({"world", "packs/world.ttf", "packs/world-bold.ttf", {{0x100, 0x17F}, {0x370, 0x3FF}}});
    m.packs.push_back({"hangul", "packs/hangul.ttf", "", {{0xAC00, 0xD7A3}}});
    m.packs.push_back({"cjk", "packs/cjk.ttf", "", {{0x3040, 0x30FF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}}});
    return m;
}

TEST(FontPlan, BaseTextNeedsNoPack) {
    CodepointSet s;
    s.addUtf8("Bukchon 서\n");
    FontPlan p = planFonts(s, manifest());
    for (size_t i = 0; i < 3; ++i) EXPECT_FALSE(p.needs(i));
    EXPECT_TRUE(p.unshown.empty());
}

TEST(FontPlan, EachCharacterGoesToTheFirstPackThatHasIt) {
    CodepointSet s;
    s.addUtf8("Łódź 서울 東京 とうきょう");
    FontPlan p = planFonts(s, manifest());
    EXPECT_EQ(p.perPack[0], (std::vector<uint32_t>{0x141, 0x17A}));
    EXPECT_EQ(p.perPack[1], (std::vector<uint32_t>{0xC6B8}));  // 울: Hangul goes to the Hangul pack, not CJK
    EXPECT_EQ(p.perPack[2].size(), 6u);                         // う, き, ょ, と, 京, 東
    EXPECT_EQ(p.unshown, (std::vector<uint32_t>{0xF3}));         // ó: the test's base lacks Latin-1
}

TEST(FontPlan, InvisibleCharactersAreNeverUnshown) {
    CodepointSet s;
    s.addUtf8("a\t\xE2\x80\x8B\xEF\xB8\x8F\xEF\xBB\xBF");  // tab, zero width space, VS16, BOM
    FontPlan p = planFonts(s, manifest());
    EXPECT_TRUE(p.unshown.empty());
    EXPECT_TRUE(isInvisibleCodepoint(0x200B));
    EXPECT_FALSE(isInvisibleCodepoint(0x41));
}

TEST(FontPlan, CharactersNoFontHasAreUnshown) {
    CodepointSet s;
    s.addUtf8("שלום \xF0\x9F\x9A\xB2");  // Hebrew and an emoji: no pack has them
    FontPlan p = planFonts(s, manifest());
    EXPECT_EQ(p.unshown, (std::vector<uint32_t>{0x5D5, 0x5DC, 0x5DD, 0x5E9, 0x1F6B2}));
}

TEST(FontPlan, LimitCapsWhatGoesToPacks) {
    CodepointSet s;
    for (uint32_t cp = 0x4E00; cp < 0x4E00 + 50; ++cp) s.add(cp);
    FontPlan p = planFonts(s, manifest(), 20);
    EXPECT_EQ(p.perPack[2].size(), 20u);
    EXPECT_EQ(p.perPack[2].front(), 0x4E00u);
    EXPECT_EQ(p.unshown.size(), 30u);
    EXPECT_EQ(p.unshown.front(), 0x4E00u + 20);
}

TEST(FontPlan, RangeLookupAtTheEdges) {
    std::vector<CodepointRange> r = {{10, 20}, {30, 30}};
    EXPECT_FALSE(rangesContain(r, 9));
    EXPECT_TRUE(rangesContain(r, 10));
    EXPECT_TRUE(rangesContain(r, 20));
    EXPECT_FALSE(rangesContain(r, 21));
    EXPECT_TRUE(rangesContain(r, 30));
    EXPECT_FALSE(rangesContain(r, 31));
    EXPECT_FALSE(rangesContain({}, 5));
}

}  // namespace
}  // namespace bk

namespace bk {
namespace {

TEST(FontManifestFile, ReadsPacksInOrder) {
    auto m = loadFontManifest(R"({"format":"bukchon-font-packs","version":1,"packs":[
        {"name":"world","regular":"packs/world.ttf","bold":"packs/world-bold.ttf","covers":[[256,383],[880,1023]]},
        {"name":"cjk","regular":"packs/cjk.ttf","bold":"","covers":[[19968,40959]]}]})", "packs.json");
    ASSERT_TRUE(m.ok()) << m.error().describe();
    ASSERT_EQ(m.value().packs.size(), 2u);
    EXPECT_EQ(m.value().packs[0].bold, "packs/world-bold.ttf");
    EXPECT_EQ(m.value().packs[1].covers, (std::vector<CodepointRange>{{19968, 40959}}));
}

TEST(FontManifestFile, SaysWhatIsWrongAndWhere) {
    auto bad = [](const char* json) {
        auto m = loadFontManifest(json, "packs.json");
        return m.ok() ? std::string("ok") : m.error().describe();
    };
    EXPECT_EQ(bad(R"({"format":"x","version":1,"packs":[]})"),
              "packs.json line 1, format: expected \"bukchon-font-packs\"");
    EXPECT_EQ(bad("{\"format\":\"bukchon-font-packs\",\"version\":1,\"packs\":[\n"
                  "{\"name\":\"a\",\"regular\":\"../../evil.ttf\",\"covers\":[]}]}"),
              "packs.json line 2, packs[0].regular: expected a file under packs/");
    EXPECT_EQ(bad(R"({"format":"bukchon-font-packs","version":1,"packs":[{"name":"a","regular":"packs/a.ttf","covers":[[5,9],[9,12]]}]})"),
              "packs.json line 1, packs[0].covers[1]: expected first ≤ last ≤ 0x10FFFF, after the previous range");
    EXPECT_EQ(bad(R"({"format":"bukchon-font-packs","version":2,"packs":[]})"),
              "packs.json line 1, version: expected 1 (the version this viewer reads)");
    EXPECT_EQ(bad(R"([1])"), "packs.json line 1: expected an object with \"format\": \"bukchon-font-packs\", got an array");
}

}  // namespace
}  // namespace bk
