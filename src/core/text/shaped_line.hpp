// shaped_line.hpp — a line of text cut into pieces a codepoint renderer can draw: shaped clusters and plain letters.
//
// ImGui draws one glyph per code point, left to right. Scripts that need shaping (Arabic's joined letters, Thai's
// stacked marks, Devanagari's reordered vowel signs and conjuncts) and right-to-left text cannot be drawn that way.
// The shaper (src/core/shaping/, HarfBuzz and FriBidi, its own wasm loaded only when such text is in use) cuts a
// line into pieces in visual order: a shaped piece is one HarfBuzz cluster, drawn as one image (the font book gives it
// a private-use code point and an atlas rectangle); a plain piece is one code point ImGui draws as before. This file
// holds what both sides of that bridge share: the pieces, the glyph image, and their wire form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bk {

// One piece of a line, in visual order.
struct LinePiece {
    std::string text;          // the piece's logical UTF-8 (one code point for a plain piece)
    bool shaped = false;       // a HarfBuzz cluster drawn as one image; else a code point drawn as it is
    bool joinsBefore = false;  // its first letter joins the letter logically before it (Arabic joining)
    bool joinsAfter = false;   // its last letter joins the letter logically after it
    uint8_t font = 0;          // index into the fonts the line was shaped with (shaped pieces)
    bool operator==(const LinePiece& o) const {
        return text == o.text && shaped == o.shaped && joinsBefore == o.joinsBefore && joinsAfter == o.joinsAfter &&
               font == o.font;
    }
};

// A shaped piece's pixels at one size: an alpha image placed relative to the pen on the baseline (y down).
struct GlyphImage {
    int width = 0, height = 0;
    float left = 0, top = 0;  // the image's top-left corner from the pen, px (top is negative above the baseline)
    float advance = 0;        // how far the pen moves, px
    int notdef = 0;           // glyphs the font lacked (.notdef) in this piece
    std::vector<uint8_t> alpha;  // width × height coverage, row by row
};

// The image's wire form: this header (native byte order: both modules are wasm), then width × height coverage bytes.
struct ImageHeader {
    int32_t width, height;
    float left, top, advance;
    int32_t notdef;
};

// Whether the text has a letter of a script that needs shaping or runs right to left (Hebrew, Arabic, Syriac,
// Thaana, N'Ko, the Indic scripts, Thai, Lao, Tibetan, Myanmar, Khmer …): a cheap scan, false for Latin, Cyrillic,
// Greek, Hangul, kana and ideographs, which ImGui draws as they are.
bool needsShaping(std::string_view utf8);
bool isShapedScript(uint32_t codepoint);

// The bridge's wire form (web/viewer-shaper.js carries it between the two modules as text).
std::string encodePieces(const std::vector<LinePiece>& pieces);
std::optional<std::vector<LinePiece>> decodePieces(std::string_view wire);
std::string encodeImage(const GlyphImage& image);
std::optional<GlyphImage> decodeImage(std::string_view wire);

}  // namespace bk
