// fuzz_text.cpp — libFuzzer target: names from data made drawable (bidi reordering, Arabic joining), the code
// point sets the fonts plan with, and the font packs' list. Checks: text with no right-to-left letter comes back
// unchanged, the visual form is valid UTF-8 when the input was, and reordering it again does not crash.
#include "bidi_text.hpp"
#include "font_plan.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {
bool validUtf8(std::string_view s) {
    size_t bytes = 0;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (size_t k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        }
        static const uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
        bytes += len;
    }
    return bytes == s.size();
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
