// font_plan.hpp — which extra font packs the text in use needs, and which of its characters no font can show.
//
// The page ships one small font: Nanum Gothic cut to the characters of the page, the languages and the Bukchon
// data. Another city's names (Łódź, Αθήνα, Улаанбаатар, 東京, rare Hangul) need more. The build cuts fallback
// packs from Debian's fonts (docs/decisions.md, "Fonts for the world's data") and lists what each covers; this
// plans which to fetch for the characters in use, in manifest order (the first pack that has a character wins).
#pragma once

#include "load_error.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bk {

// A set of Unicode code points (sorted, unique).
class CodepointSet {
public:
    void add(uint32_t cp) { points_.push_back(cp); sorted_ = false; }
    // Adds every code point of `utf8`; malformed bytes are skipped (they are not text a font could draw).
    void addUtf8(std::string_view utf8);
    bool contains(uint32_t cp) const;
    const std::vector<uint32_t>& points() const;  // sorted, unique
    size_t size() const { return points().size(); }
    bool empty() const { return points_.empty(); }
    bool operator==(const CodepointSet& o) const { return points() == o.points(); }

private:
    mutable std::vector<uint32_t> points_;
    mutable bool sorted_ = true;
};

using CodepointRange = std::pair<uint32_t, uint32_t>;  // first, last (inclusive)

bool rangesContain(const std::vector<CodepointRange>& ranges, uint32_t cp);  // ranges sorted by first

struct FontPack {
    std::string name;          // "world", "hangul", "cjk-common", …
    std::string regular, bold; // files under assets/fonts/ (bold may be empty: the regular face serves both)
    std::vector<CodepointRange> covers;  // sorted, disjoint
};

struct FontManifest {
    std::vector<CodepointRange> base;  // what the page's own font has
    std::vector<FontPack> packs;       // in order of preference
};

// Reads the packs' list (assets/fonts/packs.json, format "bukchon-font-packs" version 1, docs/api.md): names,
// files under assets/fonts/packs/ and sorted, disjoint [first, last] ranges. `base` is left empty for the caller.
Result<FontManifest> loadFontManifest(std::string_view json, const std::string& fileName);

struct FontPlan {
    // Per pack (same order as the manifest): the wanted code points it is to draw (empty: not needed).
    std::vector<std::vector<uint32_t>> perPack;
    std::vector<uint32_t> unshown;  // wanted, in no font at all (or beyond the limit)
    bool needs(size_t pack) const { return pack < perPack.size() && !perPack[pack].empty(); }
};

// Control characters and the like need no glyph; everything else the base font lacks goes to the first pack
// that covers it. At most `limit` code points go to packs (the atlas grows with every glyph at every size);
// the rest are unshown, lowest code points served first.
FontPlan planFonts(const CodepointSet& wanted, const FontManifest& manifest, size_t limit = 2000);

// Whether a code point draws nothing (controls, format characters, variation selectors): never "unshown".
// A font's line (hhea ascent − descent) in ems (head's units per em), as stb_truetype and ImGui size a font: 1.15
// for Nanum Gothic, 1.51 for Noto Sans Thai, 2.11 for Noto Sans Arabic. 0 when the bytes are not such a font.
// Faces merged at one pixel size draw their letters at the same em when each is scaled by its own ratio.
float emsPerLine(std::string_view ttf);

bool isInvisibleCodepoint(uint32_t cp);

}  // namespace bk
