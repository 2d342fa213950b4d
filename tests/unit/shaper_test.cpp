// shaper_test.cpp — the shaper against HarfBuzz's own hb-shape and FriBidi's own fribidi, with Debian's Noto fonts.
#include "cluster_codes.hpp"
#include "font_plan.hpp"
#include "shaper.hpp"
#include "shaped_line.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace bk {
namespace {

const char* const kNoto = "/usr/share/fonts/truetype/noto/";

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string run(const std::string& command) {
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    if (!p) return out;
    std::array<char, 4096> buf{};
    while (size_t n = fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
    pclose(p);
    return out;
}

// hb-shape's "[gid=cluster+advance|…]" (positions off) as glyph=cluster pairs.
std::string reference(const std::string& font, const std::string& text) {
    std::string out = run("hb-shape --no-glyph-names --no-positions '" + std::string(kNoto) + font + "' '" + text + "'");
    while (!out.empty() && (out.back() == '\n' || out.back() == ']')) out.pop_back();
    if (!out.empty() && out.front() == '[') out.erase(0, 1);
    return out;
}

std::string ours(const std::vector<ShapedGlyph>& glyphs) {
    std::string out;
    for (const ShapedGlyph& g : glyphs) out += (out.empty() ? "" : "|") + std::to_string(g.glyph) + "=" + std::to_string(g.cluster);
    return out;
}

std::vector<uint32_t> cps(const std::string& s) {
    std::vector<uint32_t> out;
    for (size_t i = 0; i < s.size();) {
        const auto c = uint8_t(s[i]);
        const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (uint8_t(s[i + size_t(k)]) & 0x3F);
        out.push_back(cp);
        i += size_t(len);
    }
    return out;
}

class ShaperTest : public ::testing::Test {
protected:
    void SetUp() override {
        for (const char* f : {"NotoSansThai-Regular.ttf", "NotoSansDevanagari-Regular.ttf", "NotoSansArabic-Regular.ttf",
                              "NotoSansArabic-Bold.ttf"})
            ASSERT_TRUE(shaper.addFont(f, readFile(std::string(kNoto) + f))) << f << " (fonts-noto-core)";
        ASSERT_FALSE(reference("NotoSansThai-Regular.ttf", "a").empty()) << "hb-shape (libharfbuzz-bin) is needed";
    }
    Shaper shaper;
};

TEST_F(ShaperTest, ThaiGlyphsAndClustersAreHarfBuzzs) {
    // สวัสดี: the vowel sign ั sits on ว (one cluster), ี on ด.
    const auto glyphs = shaper.shape("NotoSansThai-Regular.ttf", "สวัสดี");
    EXPECT_EQ(ours(glyphs), reference("NotoSansThai-Regular.ttf", "สวัสดี"));
    ASSERT_EQ(glyphs.size(), 6u);
    EXPECT_EQ(glyphs[2].cluster, 1u);  // ั with its base
    EXPECT_EQ(glyphs[2].xAdvance, 0);  // a mark: no advance of its own
    for (const char* t : {"ที่นี่", "น้ำ", "ภาษาไทย", "ผู้ใช้"})
        EXPECT_EQ(ours(shaper.shape("NotoSansThai-Regular.ttf", t)), reference("NotoSansThai-Regular.ttf", t)) << t;
}

TEST_F(ShaperTest, DevanagariReordersTheVowelSignAsHarfBuzzDoes) {
    const std::string f = "NotoSansDevanagari-Regular.ttf";
    EXPECT_EQ(ours(shaper.shape(f, "नेपाली")), reference(f, "नेपाली"));
    // हिन्दी: ि is typed after ह but drawn before it, in the same cluster.
    const auto glyphs = shaper.shape(f, "हिन्दी");
    EXPECT_EQ(ours(glyphs), reference(f, "हिन्दी"));
    const auto alone = shaper.shape(f, "ि");
    const auto ha = shaper.shape(f, "ह");
    ASSERT_GE(glyphs.size(), 2u);
    EXPECT_EQ(glyphs[0].cluster, 0u);
    EXPECT_NE(glyphs[0].glyph, ha[0].glyph);  // the vowel sign comes first
    EXPECT_EQ(glyphs[1].glyph, ha[0].glyph);
    EXPECT_EQ(ours(shaper.shape(f, "क्षेत्र")), reference(f, "क्षेत्र"));  // conjuncts
}

TEST_F(ShaperTest, ArabicIsJoinedAsHarfBuzzJoinsIt) {
    const std::string f = "NotoSansArabic-Regular.ttf";
    EXPECT_EQ(ours(shaper.shape(f, "العربية")), reference(f, "العربية"));
    EXPECT_EQ(ours(shaper.shape(f, "سلام")), reference(f, "سلام"));  // lam-alef
}

TEST_F(ShaperTest, EachPieceDrawnAloneHasTheGlyphsItHasInItsWord) {
    // The viewer draws a cluster as one image shaped on its own, with its joining as context: the glyphs must be
    // those of the whole word (initial, medial, final forms; the lam-alef ligature).
    const std::string f = "NotoSansArabic-Regular.ttf";
    for (const std::string word : {"العربية", "سلام", "مرحبا بكم", "شارع"}) {
        const auto whole = shaper.shape(f, word);
        const auto pieces = shaper.line(word, {f});
        ASSERT_FALSE(pieces.empty());
        std::string fromPieces, fromWord;
        for (const LinePiece& p : pieces) {
            if (!p.shaped) continue;
            for (const ShapedGlyph& g : shaper.shape(f, p.text, p.joinsBefore, p.joinsAfter)) fromPieces += std::to_string(g.glyph) + " ";
        }
        const uint32_t space = shaper.shape(f, " ")[0].glyph;  // a space is a plain piece, drawn by the page's font
        for (const ShapedGlyph& g : whole)
            if (g.glyph != space) fromWord += std::to_string(g.glyph) + " ";
        // Pieces come in visual order (right to left reads reversed), as HarfBuzz's RTL output does.
        EXPECT_EQ(fromPieces, fromWord) << word;
    }
}

// The visual order of our pieces, as code points (an RTL piece's letters reversed, as they are drawn).
std::vector<uint32_t> visual(const std::vector<LinePiece>& pieces, bool rtlPieces) {
    std::vector<uint32_t> out;
    for (const LinePiece& p : pieces) {
        auto c = cps(p.text);
        if (p.shaped && rtlPieces) std::reverse(c.begin(), c.end());
        out.insert(out.end(), c.begin(), c.end());
    }
    return out;
}

TEST_F(ShaperTest, MixedArabicNumbersAndLatinFollowFriBidi) {
    for (const std::string line : {"العربية 123 ABC", "(قسم 12) شارع", "AIR-01 جودة الهواء", "Bukchon ٣ حي"}) {
        const auto pieces = shaper.line(line, {"NotoSansArabic-Regular.ttf"});
        std::vector<int> vtol;
        std::istringstream in(run("printf '%s\\n' '" + line + "' | fribidi --nopad --nobreak --reordernsm --vtol --novisual"));
        for (int v; in >> v;) vtol.push_back(v);
        const auto logical = cps(line);
        ASSERT_EQ(vtol.size(), logical.size()) << line << " (fribidi from libfribidi-bin is needed)";
        std::vector<uint32_t> expected;
        for (int i : vtol) expected.push_back(logical[size_t(i)]);
        auto got = visual(pieces, true);
        // Brackets in a right-to-left run are drawn mirrored; fribidi's map leaves them as typed.
        for (uint32_t& c : expected) c = c == '(' ? ')' : c == ')' ? '(' : c;
        EXPECT_EQ(got, expected) << line;
    }
}

TEST_F(ShaperTest, LatinAndHangulStayPlainPieces) {
    const auto pieces = shaper.line("Gahoe-dong 가회동", {"NotoSansArabic-Regular.ttf"});
    ASSERT_EQ(pieces.size(), 14u);
    for (const LinePiece& p : pieces) EXPECT_FALSE(p.shaped);
    EXPECT_EQ(pieces[11].text, "가");
    EXPECT_FALSE(needsShaping("Gahoe-dong 가회동 北村 Москва"));
    EXPECT_TRUE(needsShaping("Bangkok กรุงเทพ"));
    EXPECT_TRUE(needsShaping("العربية"));
    EXPECT_TRUE(needsShaping("नेपाली"));
}

TEST_F(ShaperTest, APieceIsDrawnWithItsMarksAboveItsBase) {
    const std::string f = "NotoSansThai-Regular.ttf";
    const auto pieces = shaper.line("สวัสดี", {f});
    ASSERT_EQ(pieces.size(), 4u);  // ส วั ส ดี
    EXPECT_EQ(pieces[1].text, "วั");
    const GlyphImage base = shaper.render(f, LinePiece{"ว", true}, 30.f);
    const GlyphImage marked = shaper.render(f, pieces[1], 30.f);
    EXPECT_EQ(marked.notdef, 0);
    EXPECT_GT(base.width, 0);
    EXPECT_FLOAT_EQ(marked.advance, base.advance);  // the mark adds no width
    EXPECT_LT(marked.top, base.top - 3);             // and stands above the letter
    EXPECT_EQ(marked.alpha.size(), size_t(marked.width) * size_t(marked.height));
    // A letter the font lacks is counted, never silently dropped.
    EXPECT_EQ(shaper.render(f, LinePiece{"ب", true}, 30.f).notdef, 1);
}

TEST_F(ShaperTest, BoldIsShapedInItsOwnFont) {
    const auto pieces = shaper.line("سلام", {"NotoSansArabic-Regular.ttf"});
    for (const LinePiece& p : pieces) {
        const GlyphImage bold = shaper.render("NotoSansArabic-Bold.ttf", p, 20.f);
        EXPECT_EQ(bold.notdef, 0) << p.text;
        EXPECT_GT(bold.advance, 0) << p.text;
    }
}

TEST_F(ShaperTest, ClustersAreCodedOnceAndDrawnAtTheEmOfThePageFont) {
    ASSERT_TRUE(shaper.addFont("page", readFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")));
    ClusterCodes codes(shaper);
    const std::vector<std::string> fonts = {"page\tpage", "NotoSansThai-Regular.ttf\tNotoSansThai-Regular.ttf"};
    bool added = false;
    // "Bangkok สวัสดี": Latin stays as it is; the four Thai clusters become U+E000 … U+E003.
    EXPECT_EQ(codes.drawable("Bangkok สวัสดี", fonts, added), "Bangkok \uE000\uE001\uE000\uE002");
    EXPECT_TRUE(added);
    EXPECT_EQ(codes.size(), 3u);  // ส twice, one code
    EXPECT_EQ(codes.drawable("สวัสดี", fonts, added), "\uE000\uE001\uE000\uE002");
    EXPECT_FALSE(added);          // nothing new: the atlas need not be built again
    // Noto Sans Thai's line is 1.51 ems, DejaVu's 1.16: a cluster is drawn at the page font's em, not smaller.
    EXPECT_NEAR(emsPerLine(readFile(std::string(kNoto) + "NotoSansThai-Regular.ttf")), 1.511f, 0.001f);
    EXPECT_NEAR(shaper.emsPerLine("page"), 1.164f, 0.001f);
    const GlyphImage atEm = codes.image(0, false, 20.f);
    const GlyphImage plain = shaper.render("NotoSansThai-Regular.ttf", LinePiece{"ส", true}, 20.f);
    EXPECT_NEAR(atEm.advance / plain.advance, 1.511f / 1.164f, 0.01f);
    EXPECT_EQ(codes.image(99, false, 20.f).width, 0);  // no such code: an empty image
    EXPECT_EQ(emsPerLine("not a font"), 0.f);
}

TEST(ShapedLine, TheWireFormsReadBackAsThemselves) {
    std::vector<LinePiece> pieces = {{"A", false}, {"لا", true, true, false, 2}, {"ดี", true, false, true, 5}};
    auto back = decodePieces(encodePieces(pieces));
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, pieces);
    EXPECT_FALSE(decodePieces("@A"));
    EXPECT_FALSE(decodePieces("zAx\x1F"));
    GlyphImage g;
    g.width = 2; g.height = 3; g.left = -1.5f; g.top = -7; g.advance = 4.25f; g.notdef = 1;
    g.alpha = {1, 2, 3, 4, 5, 6};
    auto img = decodeImage(encodeImage(g));
    ASSERT_TRUE(img);
    EXPECT_EQ(img->alpha, g.alpha);
    EXPECT_EQ(img->advance, 4.25f);
    EXPECT_EQ(img->notdef, 1);
    EXPECT_FALSE(decodeImage(encodeImage(g).substr(0, 28)));
}

}  // namespace
}  // namespace bk
