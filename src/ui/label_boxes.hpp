// label_boxes.hpp — screen boxes taken by labels, glyphs and panels, bucketed in cells for constant-time overlap tests.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace bk {

struct Box {
    float x0, y0, x1, y1;
    bool hits(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// The glyphs on screen, bucketed into square cells, so a label candidate counts the glyphs it would cover by
// looking at its own few cells — not at every sensor (100,000 of them × 5 tries × every label was a frame's worth).
class GlyphBoxes {
public:
    GlyphBoxes(float width, float height, float cell) : cell_(cell), cols_(int(width / cell) + 1), rows_(int(height / cell) + 1),
                                                        cells_(size_t(cols_) * size_t(rows_)) {}
    void add(const Box& b) {
        if (b.x1 < 0 || b.y1 < 0 || b.x0 >= float(cols_) * cell_ || b.y0 >= float(rows_) * cell_) return;  // off screen
        uint32_t index = uint32_t(boxes_.size());
        boxes_.push_back(b);
        forCells(b, [&](int cx, int cy) { cells_[size_t(cy) * size_t(cols_) + size_t(cx)].push_back(index); });
    }
    // How many glyph boxes `b` overlaps (each counted once: in the first cell both share).
    int covered(const Box& b) const {
        int n = 0;
        const int bx = col(b.x0), by = row(b.y0);
        forCells(b, [&](int cx, int cy) {
            for (uint32_t i : cells_[size_t(cy) * size_t(cols_) + size_t(cx)]) {
                const Box& g = boxes_[i];
                if (!b.hits(g)) continue;
                if (cx == std::max(bx, col(g.x0)) && cy == std::max(by, row(g.y0))) ++n;
            }
        });
        return n;
    }

private:
    int col(float x) const { return std::clamp(int(std::floor(x / cell_)), 0, cols_ - 1); }
    int row(float y) const { return std::clamp(int(std::floor(y / cell_)), 0, rows_ - 1); }
    template <class F> void forCells(const Box& b, F&& f) const {
        for (int cy = row(b.y0); cy <= row(b.y1); ++cy)
            for (int cx = col(b.x0); cx <= col(b.x1); ++cx) f(cx, cy);
    }
    float cell_;
    int cols_, rows_;
    std::vector<std::vector<uint32_t>> cells_;
    std::vector<Box> boxes_;
};

}  // namespace bk
