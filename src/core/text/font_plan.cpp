// font_plan.cpp — code point sets from UTF-8, and the plan of which font pack draws which character.
#include "font_plan.hpp"

#include "json_reader.hpp"
#include "text_decode.hpp"

#include <algorithm>

namespace bk {

float emsPerLine(std::string_view f) {
    auto u16 = [&](size_t at) { return at + 2 <= f.size() ? uint32_t(uint8_t(f[at])) << 8 | uint8_t(f[at + 1]) : 0u; };
    auto u32 = [&](size_t at) { return u16(at) << 16 | u16(at + 2); };
    const size_t tables = u16(4);
    uint32_t unitsPerEm = 0;
    int ascent = 0, descent = 0;
    bool hhea = false;
    for (size_t i = 0; i < tables && 12 + 16 * (i + 1) <= f.size(); ++i) {
        const size_t record = 12 + 16 * i;
        const std::string_view tag = f.substr(record, 4);
        const size_t at = u32(record + 8);
        if (tag == "head" && at + 20 <= f.size()) unitsPerEm = u16(at + 18);
        if (tag == "hhea" && at + 8 <= f.size()) {
            ascent = int16_t(u16(at + 4));
            descent = int16_t(u16(at + 6));
            hhea = true;
        }
    }
    if (!hhea || unitsPerEm < 16 || ascent <= descent) return 0;
    return float(ascent - descent) / float(unitsPerEm);
}

void CodepointSet::addUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        uint32_t cp = 0;
        size_t len = nextUtf8(s, i, cp);
        if (len == 0) { ++i; continue; }  // not a character: skipped
        add(cp);
        i += len;
    }
}

const std::vector<uint32_t>& CodepointSet::points() const {
    if (!sorted_) {
        std::sort(points_.begin(), points_.end());
        points_.erase(std::unique(points_.begin(), points_.end()), points_.end());
        sorted_ = true;
    }
    return points_;
}

bool CodepointSet::contains(uint32_t cp) const {
    const auto& v = points();
    return std::binary_search(v.begin(), v.end(), cp);
}

bool rangesContain(const std::vector<CodepointRange>& ranges, uint32_t cp) {
    auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                               [](uint32_t v, const CodepointRange& r) { return v < r.first; });
    return it != ranges.begin() && cp <= std::prev(it)->second;
}

bool isInvisibleCodepoint(uint32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xAD ||  // C0, DEL, C1, soft hyphen
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||  // zero width, bidi marks
           (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||  // word joiner, variation selectors
           cp == 0xFEFF || (cp >= 0xE0100 && cp <= 0xE01EF);                     // BOM, variation selectors supp.
}

Result<FontManifest> loadFontManifest(std::string_view text, const std::string& fileName) {
    JsonReader r(text, fileName);
    Json root;
    if (!r.parse(root)) return r.error();
    JsonPath rp;
    if (!root.is_object()) {
        r.fail(rp, "expected an object with \"format\": \"bukchon-font-packs\", got " + describeJsonType(root));
        return r.error();
    }
    auto format = r.string(root, rp, "format", true);
    auto version = r.number(root, rp, "version", true);
    const Json* packs = r.array(root, rp, "packs", true);
    if (!r.ok()) return r.error();
    if (*format != "bukchon-font-packs") r.fail(rp["format"], "expected \"bukchon-font-packs\"");
    else if (*version != 1) r.fail(rp["version"], "expected 1 (the version this viewer reads)");
    if (!r.ok()) return r.error();
    // A file name stays inside packs/: no scheme, no "..", no absolute path.
    auto safeFile = [](const std::string& f) {
        return f.rfind("packs/", 0) == 0 && f.find("..") == std::string::npos && f.find(':') == std::string::npos &&
               f.find('\\') == std::string::npos && f.size() <= 200;
    };
    FontManifest m;
    const JsonPath packsPath = rp["packs"];  // a path's parent must outlive it: no temporaries in the chain
    for (size_t i = 0; i < packs->size() && r.ok(); ++i) {
        const Json& p = (*packs)[i];
        const JsonPath pp = packsPath[i];
        if (!p.is_object()) { r.fail(pp, "expected an object, got " + describeJsonType(p)); break; }
        FontPack pack;
        auto name = r.string(p, pp, "name", true);
        auto regular = r.string(p, pp, "regular", true);
        auto bold = r.string(p, pp, "bold", false);
        const Json* covers = r.array(p, pp, "covers", true);
        if (!r.ok()) break;
        if (!safeFile(*regular)) { r.fail(pp["regular"], "expected a file under packs/"); break; }
        if (bold && !bold->empty() && !safeFile(*bold)) { r.fail(pp["bold"], "expected a file under packs/ or \"\""); break; }
        pack.name = *name;
        pack.regular = *regular;
        pack.bold = bold ? *bold : "";
        const JsonPath coversPath = pp["covers"];
        for (size_t k = 0; k < covers->size(); ++k) {
            const Json& c = (*covers)[k];
            const JsonPath cp = coversPath[k];
            if (!c.is_array() || c.size() != 2 || !c[0].is_number_unsigned() || !c[1].is_number_unsigned()) {
                r.fail(cp, "expected [first, last] code points");
                break;
            }
            uint64_t a = c[0].get<uint64_t>(), b = c[1].get<uint64_t>();
            uint32_t prevLast = pack.covers.empty() ? 0 : pack.covers.back().second;
            if (b > 0x10FFFF || a > b || (!pack.covers.empty() && a <= prevLast)) {
                r.fail(cp, "expected first ≤ last ≤ 0x10FFFF, after the previous range");
                break;
            }
            pack.covers.emplace_back(uint32_t(a), uint32_t(b));
        }
        m.packs.push_back(std::move(pack));
    }
    if (!r.ok()) return r.error();
    return m;
}

FontPlan planFonts(const CodepointSet& wanted, const FontManifest& m, size_t limit) {
    FontPlan plan;
    plan.perPack.resize(m.packs.size());
    size_t planned = 0;
    for (uint32_t cp : wanted.points()) {
        if (isInvisibleCodepoint(cp) || rangesContain(m.base, cp)) continue;
        size_t pack = 0;
        while (pack < m.packs.size() && !rangesContain(m.packs[pack].covers, cp)) ++pack;
        if (pack == m.packs.size() || planned >= limit) {
            plan.unshown.push_back(cp);
            continue;
        }
        plan.perPack[pack].push_back(cp);
        ++planned;
    }
    return plan;
}

}  // namespace bk
