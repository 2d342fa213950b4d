// density_grid.hpp — level of detail for many sensors: when too many glyphs fall in view, they become a screen-space
// grid of dots (each cell: its sensors' mean colour, a dot that grows with their number); alerts, the selection and
// the hovered sensor stay full glyphs on top.
#pragma once

#include "geo.hpp"
#include "glyph_scene.hpp"

#include <cstdint>
#include <vector>

namespace bk {

// Above this many alerts, alerts are binned too (a few hundred glyphs stand out; thousands bury the map).
constexpr size_t kMaxAlertGlyphs = 300;

struct DensityGrid {
    int cols = 0, rows = 0;
    float cellPx = 0;              // device px; cell (0,0) is at the top left of the viewport
    std::vector<uint32_t> rgba;    // cols × rows, row 0 at the top: mean colour, alpha = how full (0 = empty)
    size_t binned = 0;             // glyphs that went into cells
};

// Bins `glyphs` that are on screen into cells of `cellPx` device px when more than `maxGlyphs` are on screen
// (returns true; `keep` receives the glyphs still drawn as glyphs). Otherwise returns false and `keep` = all.
// A cell's alpha grows with the square root of its count, full at `fullCount` sensors.
bool buildDensityGrid(const std::vector<GlyphInstance>& glyphs, const Camera& camera, int viewportW, int viewportH,
                      float cellPx, size_t maxGlyphs, int fullCount, DensityGrid& grid, std::vector<GlyphInstance>& keep);

// A cell's colour from the sums of its glyphs' r, g, b and their count: the mean colour, alpha growing with the
// square root of the count (full at `fullCount`; a lone sensor still shows). 0 for an empty cell.
uint32_t densityCellColour(const float sums[4], int fullCount);
// Adds a glyph's colour to a cell's sums (sign 1), or takes it out (sign -1): exact, as the sums are integers.
inline void addToCell(float sums[4], uint32_t rgba, float sign = 1.0f) {
    sums[0] += sign * float(rgba & 255);
    sums[1] += sign * float((rgba >> 8) & 255);
    sums[2] += sign * float((rgba >> 16) & 255);
    sums[3] += sign;
}

}  // namespace bk
