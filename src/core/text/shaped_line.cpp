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

template <typename T> void put(std::string& out, T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out.append(b, sizeof(T));
}
template <typename T> bool take(std::string_view& in, T& v) {
    if (in.size() < sizeof(T)) return false;
    std::memcpy(&v, in.data(), sizeof(T));
    in.remove_prefix(sizeof(T));
    return true;
}
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
    std::string out;
    put<int32_t>(out, g.width);
    put<int32_t>(out, g.height);
    put<float>(out, g.left);
    put<float>(out, g.top);
    put<float>(out, g.advance);
    put<int32_t>(out, g.notdef);
    out.append(reinterpret_cast<const char*>(g.alpha.data()), g.alpha.size());
    return out;
}

std::optional<GlyphImage> decodeImage(std::string_view in) {
    GlyphImage g;
    int32_t w = 0, h = 0, notdef = 0;
    if (!take(in, w) || !take(in, h) || !take(in, g.left) || !take(in, g.top) || !take(in, g.advance) || !take(in, notdef))
        return std::nullopt;
    if (w < 0 || h < 0 || w > 4096 || h > 4096 || in.size() != size_t(w) * size_t(h)) return std::nullopt;
    g.width = w;
    g.height = h;
    g.notdef = notdef;
    g.alpha.assign(in.begin(), in.end());
    return g;
}

}  // namespace bk
