// shaper.cpp — FriBidi for order and joining, HarfBuzz for glyphs and clusters, stb_truetype for a cluster's pixels.
#include "shaper.hpp"

#include "font_plan.hpp"
#include "text_decode.hpp"

#include <hb.h>
extern "C" {
#include <fribidi.h>
}

#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb_truetype.h>

#include <algorithm>
#include <cmath>

namespace bk {

struct Shaper::Font {
    std::string bytes;
    hb_blob_t* blob = nullptr;
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;
    stbtt_fontinfo info{};
    ~Font() {
        hb_font_destroy(font);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
    }
    bool has(uint32_t cp) const {
        hb_codepoint_t g = 0;
        return hb_font_get_nominal_glyph(font, cp, &g) && g != 0;
    }
};

Shaper::Shaper() = default;
Shaper::~Shaper() = default;

bool Shaper::addFont(const std::string& name, std::string bytes) {
    auto f = std::make_unique<Font>();
    f->bytes = std::move(bytes);
    const auto* data = reinterpret_cast<const unsigned char*>(f->bytes.data());
    const int offset = stbtt_GetFontOffsetForIndex(data, 0);
    if (f->bytes.size() < 12 || offset < 0 || !stbtt_InitFont(&f->info, data, offset)) return false;
    f->blob = hb_blob_create(f->bytes.data(), unsigned(f->bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    f->face = hb_face_create(f->blob, 0);
    if (hb_face_get_glyph_count(f->face) == 0) return false;
    f->font = hb_font_create(f->face);  // scale: font units
    fonts_[name] = std::move(f);
    return true;
}

float Shaper::emsPerLine(const std::string& name) const {
    auto it = fonts_.find(name);
    return it == fonts_.end() ? 0.f : bk::emsPerLine(it->second->bytes);
}

namespace {
constexpr uint32_t kJoiner = 0x200D;

std::vector<uint32_t> codepoints(std::string_view s) {
    std::vector<uint32_t> out;
    for (size_t i = 0; i < s.size();) {
        uint32_t cp = 0;
        const size_t len = nextUtf8(s, i, cp);
        if (len == 0) { out.push_back(0xFFFD); ++i; continue; }
        out.push_back(cp < 0x20 || cp == 0x7F ? 0x20 : cp);  // a control character is no letter to draw
        i += len;
    }
    return out;
}

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18)); out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
    }
}

bool isMark(uint32_t cp) {
    const auto gc = hb_unicode_general_category(hb_unicode_funcs_get_default(), cp);
    return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK || gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
           gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK || cp == 0x200C || cp == kJoiner;
}

std::vector<ShapedGlyph> run(hb_font_t* font, const std::vector<uint32_t>& text, size_t from, size_t count,
                             bool rightToLeft) {
    hb_buffer_t* buf = hb_buffer_create();
    hb_buffer_add_codepoints(buf, text.data(), int(text.size()), unsigned(from), int(count));
    hb_buffer_set_direction(buf, rightToLeft ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(buf);
    hb_shape(font, buf, nullptr, 0);
    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
    std::vector<ShapedGlyph> out(n);
    for (unsigned i = 0; i < n; ++i)
        out[i] = {info[i].codepoint, info[i].cluster, pos[i].x_advance, pos[i].x_offset, pos[i].y_offset};
    hb_buffer_destroy(buf);
    return out;
}
}  // namespace

std::vector<ShapedGlyph> Shaper::shape(const std::string& fontName, std::string_view utf8, bool joinsBefore,
                                       bool joinsAfter) const {
    auto it = fonts_.find(fontName);
    if (it == fonts_.end()) return {};
    std::vector<uint32_t> text = codepoints(utf8);
    const size_t count = text.size();
    if (joinsBefore) text.insert(text.begin(), kJoiner);
    if (joinsAfter) text.push_back(kJoiner);
    // The direction of the text's own script (HarfBuzz's guess, as hb-shape makes it).
    hb_buffer_t* probe = hb_buffer_create();
    hb_buffer_add_codepoints(probe, text.data(), int(text.size()), joinsBefore ? 1 : 0, int(count));
    hb_buffer_guess_segment_properties(probe);
    const bool rtl = hb_buffer_get_direction(probe) == HB_DIRECTION_RTL;
    hb_buffer_destroy(probe);
    std::vector<ShapedGlyph> out = run(it->second->font, text, joinsBefore ? 1 : 0, count, rtl);
    if (joinsBefore)
        for (ShapedGlyph& g : out) g.cluster -= 1;
    return out;
}

std::vector<LinePiece> Shaper::line(std::string_view utf8, const std::vector<std::string>& fontNames) const {
    const std::vector<uint32_t> cps = codepoints(utf8);
    const int n = int(cps.size());
    std::vector<LinePiece> pieces;
    if (n == 0) return pieces;

    // Unicode's bidirectional algorithm (FriBidi): levels, then the visual order of the line.
    std::vector<FriBidiCharType> types(size_t(n), 0);
    std::vector<FriBidiBracketType> brackets(size_t(n), 0);
    std::vector<FriBidiLevel> levels(size_t(n), 0);
    std::vector<FriBidiArabicProp> joining(size_t(n), 0);
    std::vector<FriBidiStrIndex> order(static_cast<size_t>(n), 0);
    fribidi_get_bidi_types(cps.data(), n, types.data());
    fribidi_get_bracket_types(cps.data(), n, types.data(), brackets.data());
    FriBidiParType direction = FRIBIDI_PAR_ON;
    if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &direction, levels.data()))
        std::fill(levels.begin(), levels.end(), FriBidiLevel(0));
    fribidi_get_joining_types(cps.data(), n, joining.data());
    fribidi_join_arabic(types.data(), n, levels.data(), joining.data());
    const std::vector<FriBidiLevel> runLevels = levels;  // before reordering resets trailing spaces (rule L1)
    for (int i = 0; i < n; ++i) order[size_t(i)] = i;
    if (!fribidi_reorder_line(FRIBIDI_FLAG_REORDER_NSM, types.data(), n, 0, direction, levels.data(), nullptr, order.data()))
        for (int i = 0; i < n; ++i) order[size_t(i)] = i;  // out of memory in FriBidi: logical order

    // Each letter's font: the first that has it; a mark stays with its base.
    std::vector<const Font*> fonts;
    for (const std::string& name : fontNames) {
        auto it = fonts_.find(name);
        fonts.push_back(it == fonts_.end() ? nullptr : it->second.get());
    }
    std::vector<uint8_t> fontOf(size_t(n), 0);
    std::vector<bool> shaped(size_t(n), false);
    for (int i = 0; i < n; ++i) {
        const uint32_t cp = cps[size_t(i)];
        if (i > 0 && isMark(cp)) {
            fontOf[size_t(i)] = fontOf[size_t(i - 1)];
            shaped[size_t(i)] = shaped[size_t(i - 1)] || isShapedScript(cp);
            continue;
        }
        shaped[size_t(i)] = isShapedScript(cp);
        for (size_t f = 0; f < fonts.size() && f < 60; ++f)
            if (fonts[f] && fonts[f]->has(cp)) { fontOf[size_t(i)] = uint8_t(f); break; }
    }

    // Runs of shaped letters in one font and one level, shaped with the whole line as context; each cluster of
    // the result is a piece.
    std::vector<int> unitStart(size_t(n), -1);  // for a shaped letter: where its cluster starts
    std::vector<int> unitEnd(size_t(n), -1);
    for (int a = 0; a < n;) {
        if (!shaped[size_t(a)]) { ++a; continue; }
        int b = a + 1;
        while (b < n && shaped[size_t(b)] && fontOf[size_t(b)] == fontOf[size_t(a)] && runLevels[size_t(b)] == runLevels[size_t(a)]) ++b;
        const Font* font = fontOf[size_t(a)] < fonts.size() ? fonts[fontOf[size_t(a)]] : nullptr;
        std::vector<int> starts;
        if (font) {
            for (const ShapedGlyph& g : run(font->font, cps, size_t(a), size_t(b - a), runLevels[size_t(a)] & 1))
                starts.push_back(int(g.cluster));
        }
        starts.push_back(a);
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
        for (size_t k = 0; k < starts.size(); ++k) {
            const int s = starts[k], e = k + 1 < starts.size() ? starts[k + 1] : b;
            for (int i = s; i < e; ++i) { unitStart[size_t(i)] = s; unitEnd[size_t(i)] = e; }
        }
        a = b;
    }

    std::vector<bool> emitted(size_t(n), false);
    for (int v = 0; v < n; ++v) {
        const int i = order[size_t(v)];
        const uint32_t cp = cps[size_t(i)];
        LinePiece p;
        if (unitStart[size_t(i)] < 0) {
            FriBidiChar shown = cp;
            if ((runLevels[size_t(i)] & 1) && !fribidi_get_mirror_char(cp, &shown)) shown = cp;
            appendUtf8(p.text, shown);
            pieces.push_back(std::move(p));
            continue;
        }
        const int s = unitStart[size_t(i)], e = unitEnd[size_t(i)];
        if (emitted[size_t(s)]) continue;
        emitted[size_t(s)] = true;
        for (int k = s; k < e; ++k) appendUtf8(p.text, cps[size_t(k)]);
        p.shaped = true;
        p.font = fontOf[size_t(s)];
        // Joining is a property of letters, not of the marks on them: the first and last non-transparent ones.
        int first = s, last = e - 1;
        while (first < last && FRIBIDI_IS_JOINING_TYPE_T(joining[size_t(first)])) ++first;
        while (last > first && FRIBIDI_IS_JOINING_TYPE_T(joining[size_t(last)])) --last;
        p.joinsBefore = joining[size_t(first)] & FRIBIDI_MASK_JOINS_RIGHT;
        p.joinsAfter = joining[size_t(last)] & FRIBIDI_MASK_JOINS_LEFT;
        pieces.push_back(std::move(p));
    }
    return pieces;
}

GlyphImage Shaper::render(const std::string& fontName, const LinePiece& piece, float pixelHeight) const {
    GlyphImage out;
    auto it = fonts_.find(fontName);
    if (it == fonts_.end() || pixelHeight <= 0) return out;
    const Font& font = *it->second;
    const std::vector<ShapedGlyph> glyphs = shape(fontName, piece.text, piece.joinsBefore, piece.joinsAfter);
    const float scale = stbtt_ScaleForPixelHeight(&font.info, pixelHeight);

    struct Placed { int glyph, x, y; float shift; int x0, y0, x1, y1; };
    std::vector<Placed> placed;
    float pen = 0;
    int minX = 1 << 20, minY = 1 << 20, maxX = -(1 << 20), maxY = -(1 << 20);
    for (const ShapedGlyph& g : glyphs) {
        if (g.glyph == 0) ++out.notdef;
        const float gx = pen + float(g.xOffset) * scale;
        const int ix = int(std::floor(gx));
        const int iy = int(std::lround(-float(g.yOffset) * scale));
        Placed p{int(g.glyph), ix, iy, gx - float(ix), 0, 0, 0, 0};
        stbtt_GetGlyphBitmapBoxSubpixel(&font.info, p.glyph, scale, scale, p.shift, 0, &p.x0, &p.y0, &p.x1, &p.y1);
        pen += float(g.xAdvance) * scale;
        if (p.x1 <= p.x0 || p.y1 <= p.y0) continue;  // a space, a joiner
        minX = std::min(minX, ix + p.x0);
        minY = std::min(minY, iy + p.y0);
        maxX = std::max(maxX, ix + p.x1);
        maxY = std::max(maxY, iy + p.y1);
        placed.push_back(p);
    }
    out.advance = pen;
    if (placed.empty()) return out;
    out.width = maxX - minX;
    out.height = maxY - minY;
    out.left = float(minX);
    out.top = float(minY);
    out.alpha.assign(size_t(out.width) * size_t(out.height), 0);
    std::vector<unsigned char> tmp;
    for (const Placed& p : placed) {
        const int w = p.x1 - p.x0, h = p.y1 - p.y0;
        tmp.assign(size_t(w) * size_t(h), 0);
        stbtt_MakeGlyphBitmapSubpixel(&font.info, tmp.data(), w, h, w, scale, scale, p.shift, 0, p.glyph);
        const int ox = p.x + p.x0 - minX, oy = p.y + p.y0 - minY;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                uint8_t& dst = out.alpha[size_t(oy + y) * size_t(out.width) + size_t(ox + x)];
                dst = std::max(dst, tmp[size_t(y) * size_t(w) + size_t(x)]);
            }
    }
    return out;
}

}  // namespace bk
