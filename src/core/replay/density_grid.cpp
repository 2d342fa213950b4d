// density_grid.cpp — one pass to count what is on screen, one pass to bin: O(glyphs + cells), no allocation per frame
// once the grid has its size.
#include "density_grid.hpp"

#include <algorithm>
#include <cmath>

namespace bk {

bool buildDensityGrid(const std::vector<GlyphInstance>& glyphs, const Camera& cam, int viewportW, int viewportH,
                      float cellPx, size_t maxGlyphs, int fullCount, DensityGrid& grid, std::vector<GlyphInstance>& keep) {
    keep.clear();
    size_t onScreen = 0;
    for (const GlyphInstance& g : glyphs) {
        Vec2 s = cam.worldToScreen({g.x, g.y});
        if (s.x >= 0 && s.y >= 0 && s.x < viewportW && s.y < viewportH) ++onScreen;
    }
    if (onScreen <= maxGlyphs || cellPx < 1 || viewportW <= 0 || viewportH <= 0) {
        keep = glyphs;
        grid.binned = 0;
        return false;
    }
    grid.cellPx = cellPx;
    grid.cols = int(std::ceil(float(viewportW) / cellPx));
    grid.rows = int(std::ceil(float(viewportH) / cellPx));
    const size_t cells = size_t(grid.cols) * size_t(grid.rows);
    // Sums per cell: r, g, b, count (floats: exact for counts up to 16M).
    static thread_local std::vector<float> sums;
    sums.assign(cells * 4, 0.0f);
    grid.binned = 0;
    // Alerts stay glyphs while they are the exception; when thousands are in alert they are the pattern, and go into
    // the cells like the rest (their colour already says it).
    size_t alerts = 0;
    for (const GlyphInstance& g : glyphs) alerts += (g.flags & kAlert) != 0;
    const uint16_t keepFlags = alerts <= kMaxAlertGlyphs ? uint16_t(kAlert | kSelected | kHovered) : uint16_t(kSelected | kHovered);
    for (const GlyphInstance& g : glyphs) {
        // Alerts, the selection and the hovered sensor stay glyphs: they are why someone looks.
        if (g.flags & keepFlags) { keep.push_back(g); continue; }
        if (g.shape >= kSensorTypeCount) { keep.push_back(g); continue; }  // the truck and other markers
        Vec2 s = cam.worldToScreen({g.x, g.y});
        if (s.x < 0 || s.y < 0 || s.x >= viewportW || s.y >= viewportH) continue;
        size_t c = size_t(int(s.y / cellPx)) * size_t(grid.cols) + size_t(int(s.x / cellPx));
        addToCell(&sums[c * 4], g.rgba);
        ++grid.binned;
    }
    grid.rgba.resize(cells);
    for (size_t c = 0; c < cells; ++c) grid.rgba[c] = densityCellColour(&sums[c * 4], fullCount);
    return true;
}

uint32_t densityCellColour(const float acc[4], int fullCount) {
    if (acc[3] == 0) return 0;
    const float inv = 1.0f / acc[3];
    const float a = std::min(1.0f, std::sqrt(acc[3] / float(std::max(fullCount, 1))));
    const uint32_t alpha = uint32_t(std::lround(40.0f + 215.0f * a));
    return uint32_t(std::lround(acc[0] * inv)) | uint32_t(std::lround(acc[1] * inv)) << 8 |
           uint32_t(std::lround(acc[2] * inv)) << 16 | alpha << 24;
}

}  // namespace bk
