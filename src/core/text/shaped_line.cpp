// shaped_line.cpp — which text needs the shaper, and the wire form of its pieces and glyph images.
#include "shaped_line.hpp"

#include "text_decode.hpp"

#include <cstring>

namespace bk {

bool isShapedScript(uint32_t cp) {
    return (cp >= 0x0590 && cp <= 0x08FF) ||  // Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, Arabic ext.
           (cp >= 0x0900 && cp <= 0x0DFF) ||  // Devanagari … Sinhala
           (cp >= 0x0E00 && cp <= 0x0FFF) ||  // Thai, Lao, Tibetan
           (cp >= 0x1000 && cp <= 0x109F) ||  // Myanmar
           (cp >= 0x1780 && cp <= 0x17FF) ||  // Khmer
           (cp >= 0x1CD0 && cp <= 0x1CFF) ||  // Vedic extensions
           (cp >= 0xA8E0 && cp <= 0xA8FF) ||  // Devanagari extended
           (cp >= 0xFB1D && cp <= 0xFDFF) ||  // Hebrew and Arabic presentation forms
           (cp >= 0xFE70 && cp <= 0xFEFF && cp != 0xFEFF);
}

bool needsShaping(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = uint8_t(s[i]);
        if (c < 0xD6 || c > 0xEF) continue;  // ASCII, Latin … Cyrillic leads, and 4-byte leads: nothing shaped there
        uint32_t cp = 0;
        const size_t len = nextUtf8(s, i, cp);
        if (len && isShapedScript(cp)) return true;
        if (len) i += len - 1;
    }
    return false;
}

namespace {
constexpr char kEnd = '\x1F';  // after each piece's text (control characters never reach the shaper)

}  // namespace

std::string encodePieces(const std::vector<LinePiece>& pieces) {
    std::string out;
    for (const LinePiece& p : pieces) {
        out += char('@' + (p.shaped ? 1 : 0) + (p.joinsBefore ? 2 : 0) + (p.joinsAfter ? 4 : 0));
        out += char('A' + (p.font < 60 ? p.font : 60));
        out += p.text;
        out += kEnd;
    }
    return out;
}

std::optional<std::vector<LinePiece>> decodePieces(std::string_view wire) {
    std::vector<LinePiece> out;
    while (!wire.empty()) {
        if (wire.size() < 3) return std::nullopt;
        const int flags = wire[0] - '@', font = wire[1] - 'A';
        if (flags < 0 || flags > 7 || font < 0 || font > 60) return std::nullopt;
        const size_t end = wire.find(kEnd, 2);
        if (end == std::string_view::npos || end == 2) return std::nullopt;
        LinePiece p;
        p.shaped = flags & 1;
        p.joinsBefore = flags & 2;
        p.joinsAfter = flags & 4;
        p.font = uint8_t(font);
        p.text = std::string(wire.substr(2, end - 2));
        out.push_back(std::move(p));
        wire.remove_prefix(end + 1);
    }
    return out;
}

std::string encodeImage(const GlyphImage& g) {
    const ImageHeader h{g.width, g.height, g.left, g.top, g.advance, g.notdef};
    std::string out(reinterpret_cast<const char*>(&h), sizeof h);
    out.append(reinterpret_cast<const char*>(g.alpha.data()), g.alpha.size());
    return out;
}

std::optional<GlyphImage> decodeImage(std::string_view in) {
    ImageHeader h;
    if (in.size() < sizeof h) return std::nullopt;
    std::memcpy(&h, in.data(), sizeof h);
    in.remove_prefix(sizeof h);
    if (h.width < 0 || h.height < 0 || h.width > 4096 || h.height > 4096 || in.size() != size_t(h.width) * size_t(h.height))
        return std::nullopt;
    GlyphImage g;
    g.width = h.width;
    g.height = h.height;
    g.left = h.left;
    g.top = h.top;
    g.advance = h.advance;
    g.notdef = h.notdef;
    g.alpha.assign(in.begin(), in.end());
    return g;
}

}  // namespace bk
