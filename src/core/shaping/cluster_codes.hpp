// cluster_codes.hpp — shaped clusters as private-use code points: the lines the viewer's ImGui draws, and their images.
//
// ImGui draws one glyph per code point. Each cluster the shaper cuts from a line (a Thai letter with its marks, an
// Arabic letter in its joined form, a Devanagari syllable) gets a code point of the private-use area from U+E000,
// the same for the same cluster in the same font with the same joining; the viewer's font book asks for each
// code's image at each face's size and weight and puts it in its atlas as that code's glyph (src/ui/fonts.cpp).
#pragma once

#include "shaper.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace bk {

constexpr uint32_t kFirstClusterCode = 0xE000;
constexpr size_t kMaxClusterCodes = 0xF900 - 0xE000;  // the Basic Multilingual Plane's private-use area

class ClusterCodes {
public:
    explicit ClusterCodes(const Shaper& shaper) : shaper_(shaper) {}
    // The line in visual order, each shaped cluster replaced by its code. `fonts`: the atlas's fonts in merge order,
    // each "regular\tbold" (the bold face's file for the strong, title and clock faces; the regular one again when
    // there is none); the first is the page's own font, whose line sets the em the others are scaled to.
    // `added`: whether the line brought clusters not coded before (the atlas must be built again).
    std::string drawable(std::string_view line, const std::vector<std::string>& fonts, bool& added);
    size_t size() const { return clusters_.size(); }
    void clear() { clusters_.clear(); }  // codes are given from U+E000 again
    // The image of code kFirstClusterCode + index in its font (or its bold twin) at ImGui's `pixelHeight`, scaled
    // so its em matches the page font's (Noto Sans Arabic's line is 2.11 ems, Nanum Gothic's 1.15).
    GlyphImage image(size_t index, bool bold, float pixelHeight) const;

private:
    struct Cluster { std::string font, bold; LinePiece piece; };
    const Shaper& shaper_;
    std::vector<Cluster> clusters_;
    std::string pageFont_;
};

}  // namespace bk
