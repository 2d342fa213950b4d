// fuzz_text.cpp — libFuzzer target: lines cut by the shaper (FriBidi's order, HarfBuzz's clusters, the pieces' wire
// form, a cluster's image), the code point sets the fonts plan with, and the font packs' list. Checks: every letter
// of a line is in exactly one piece, the wire form reads back as itself, and drawing any piece does not crash.
#include "font_plan.hpp"
#include "shaped_line.hpp"
#include "shaper.hpp"
#include "text_decode.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace {
size_t letters(std::string_view s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size(); ++n) {
        uint32_t cp = 0;
        const size_t len = bk::nextUtf8(s, i, cp);
        i += len ? len : 1;
    }
    return n;
}

const bk::Shaper& shaper() {
    static const bk::Shaper* s = [] {
        auto* out = new bk::Shaper;  // for the whole run
        for (const char* f : {"NotoSansArabic-Regular.ttf", "NotoSansThai-Regular.ttf", "NotoSansDevanagari-Regular.ttf"}) {
            std::ifstream in(std::string("/usr/share/fonts/truetype/noto/") + f, std::ios::binary);
            std::stringstream bytes;
            bytes << in.rdbuf();
            if (!out->addFont(f, bytes.str())) std::abort();  // fonts-noto-core is a build dependency
        }
        return out;
    }();
    return *s;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::vector<std::string> fonts = {"NotoSansArabic-Regular.ttf", "NotoSansThai-Regular.ttf",
                                            "NotoSansDevanagari-Regular.ttf", "missing"};
    const auto pieces = shaper().line(text, fonts);
    size_t inPieces = 0;
    for (const bk::LinePiece& p : pieces) {
        inPieces += letters(p.text);
        if (p.font >= fonts.size()) std::abort();
        if (p.shaped && size < 512) (void)shaper().render(fonts[p.font], p, 13.f);
    }
    if (inPieces != letters(text)) std::abort();
    auto back = bk::decodePieces(bk::encodePieces(pieces));
    if (!back || !(*back == pieces)) std::abort();
    (void)bk::decodePieces(text);
    (void)bk::decodeImage(text);

    bk::CodepointSet set;
    set.addUtf8(text);
    bk::FontManifest manifest;
    manifest.base = {{0x20, 0x7E}};
    manifest.packs.push_back({"a", "packs/a.ttf", "", {{0x100, 0x24F}, {0x590, 0x6FF}}});
    bk::FontPlan plan = bk::planFonts(set, manifest, 16);
    size_t planned = plan.perPack[0].size();
    if (planned > 16) std::abort();

    if (auto m = bk::loadFontManifest(text, "packs.json"); m.ok()) (void)bk::planFonts(set, m.value());
    return 0;
}
