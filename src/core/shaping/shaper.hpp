// shaper.hpp — lines of text as the field draws them: FriBidi's order and joining, HarfBuzz's glyphs, stb_truetype's pixels.
//
// The viewer's own module draws code points (ImGui); this room turns a line that needs shaping (shaped_line.hpp)
// into pieces in visual order, and a shaped piece into its image at a size. It is built twice: natively for the
// unit tests (Debian's libharfbuzz and libfribidi), and as the shaper module (cmake/wasm_shaper.cmake, from
// Debian's harfbuzz and fribidi source packages) that the page fetches only when such text is in use.
#pragma once

#include "shaped_line.hpp"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bk {

// A glyph as HarfBuzz placed it, in font units.
struct ShapedGlyph {
    uint32_t glyph = 0;    // glyph id in the font (0 is .notdef)
    uint32_t cluster = 0;  // index of the first code point of its cluster in the shaped text
    int32_t xAdvance = 0, xOffset = 0, yOffset = 0;
};

class Shaper {
public:
    Shaper();
    ~Shaper();
    Shaper(const Shaper&) = delete;
    Shaper& operator=(const Shaper&) = delete;

    // Keeps a font (TrueType/OpenType bytes) under a name; false when the bytes are not a font.
    bool addFont(const std::string& name, std::string bytes);
    bool hasFont(const std::string& name) const { return fonts_.count(name) != 0; }
    // The font's line in ems (font_plan.hpp's emsPerLine); 0 for a font it does not have.
    float emsPerLine(const std::string& name) const;

    // The line (no line breaks) in visual order. `fonts`: names in the order the viewer's atlas merges them; a
    // letter is drawn by the first that has it (a mark by its base's font). The paragraph's direction is that of
    // its first strong letter (Unicode's rule P2); numbers and Latin inside Arabic keep their own order.
    std::vector<LinePiece> line(std::string_view utf8, const std::vector<std::string>& fonts) const;

    // HarfBuzz's glyphs for `utf8` in one font, its script, direction and language guessed as hb-shape does.
    // joinsBefore/After shape it as joined to letters outside it (a zero-width joiner as context).
    std::vector<ShapedGlyph> shape(const std::string& font, std::string_view utf8, bool joinsBefore = false,
                                   bool joinsAfter = false) const;

    // A shaped piece's image in `font` at ImGui's size `pixelHeight` (the font scaled so ascent − descent fills it).
    GlyphImage render(const std::string& font, const LinePiece& piece, float pixelHeight) const;

private:
    struct Font;
    std::map<std::string, std::unique_ptr<Font>> fonts_;
};

}  // namespace bk
