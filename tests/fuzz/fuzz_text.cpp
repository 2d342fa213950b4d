// fuzz_text.cpp — libFuzzer target: names from data made drawable (bidi reordering, Arabic joining), the code
// point sets the fonts plan with, and the font packs' list. Checks: text with no right-to-left letter comes back
// unchanged, the visual form is valid UTF-8 when the input was, and reordering it again does not crash.
#include "bidi_text.hpp"
#include "font_plan.hpp"
#include "text_decode.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {
bool validUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        uint32_t cp = 0;
        size_t len = bk::nextUtf8(s, i, cp);
        if (len == 0) return false;
        i += len;
    }
    return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::string shown = bk::visualOrder(text);
    if (!bk::hasRightToLeft(text) && shown != text) std::abort();
    if (validUtf8(text) && !validUtf8(shown)) std::abort();
    (void)bk::visualOrder(shown);

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
