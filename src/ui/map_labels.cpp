// map_labels.cpp — place names on the map: by priority, zoom-aware, never overlapping each other or sensor glyphs.
#include "ui.hpp"
#include "ui_common.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace bk {

namespace {
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

// CSS px per ground metre at which each kind starts to be named.
float minZoomFor(MapKind k) {
    switch (k) {
        case MapKind::palace: case MapKind::district: case MapKind::landmark: return 0.0f;
        case MapKind::road: return 0.45f;
        case MapKind::park: return 0.9f;
        case MapKind::path: return 1.6f;
        case MapKind::wall: return 99.0f;  // walls read from their line alone
        default: return 1.3f;
    }
}
}  // namespace

void drawMapLabels(const ViewState& s, const UiFonts& f) {
    if (!s.mesh || !s.camera || !f.small || !f.body) return;
    const Camera& cam = *s.camera;
    const float S = s.dpr;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    // Ground scale: local units are mercator metres, metresPerUnit (cos of the latitude) ground metres each.
    float cssPxPerMetre = float(cam.pixelsPerUnit() / S / s.metresPerUnit);
    // Labels grow a little as you zoom in (a street name at alley level should read like a sign), within limits
    // that keep the glyph atlas crisp.
    const float zoomScale = std::clamp(1.0f + 0.22f * std::log2(std::max(cssPxPerMetre, 0.01f) / 0.6f), 0.9f, 1.3f);

    std::vector<Box> placed;
    // Panels cover the map: no label under them.
    const Layout& L = s.layout;
    for (const Rect* r : {&L.timeline, &L.header, &L.kpis, &L.events, &L.legend})
        if (r->w > 0 && r->h > 0) placed.push_back({r->x, r->y, r->right(), r->bottom()});
    // That slot holds the selected sensor's card, or else the smart-collection card.
    const bool slotUsed = s.selected >= 0 || (s.collection && s.collection->available);
    if (slotUsed && L.sensor.w > 0) placed.push_back({L.sensor.x, L.sensor.y, L.sensor.right(), L.sensor.bottom()});
    if (s.dataset) {  // the scale bar
        Rect bar = scaleBarBounds(L, S);
        placed.push_back({bar.x, bar.y, bar.right(), bar.bottom()});
    }
    // Street and landmark names keep off the glyphs (the subject); area names may pass under them.
    GlyphBoxes glyphs(float(cam.viewportWidth()), float(cam.viewportHeight()), 64 * S);
    if (s.sensorPositions && !s.mesh->labels.empty())
        for (const Vec2& p : *s.sensorPositions) {
            Vec2 q = cam.worldToScreen(p);
            glyphs.add({float(q.x) - 11 * S, float(q.y) - 11 * S, float(q.x) + 11 * S, float(q.y) + 11 * S});
        }

    for (const MapLabel& l : s.mesh->labels) {
        if (cssPxPerMetre < minZoomFor(l.kind)) continue;
        Vec2 q = cam.worldToScreen(l.position);
        if (q.x < -200 || q.y < -50 || q.x > cam.viewportWidth() + 200 || q.y > cam.viewportHeight() + 50) continue;
        bool district = l.kind == MapKind::district, area = l.kind == MapKind::palace || l.kind == MapKind::park;
        bool line = l.kind == MapKind::road || l.kind == MapKind::path;
        // Districts and areas: English over Korean, centred. Streets: one line. Landmarks: a dot, then the name.
        std::string first = primaryName(l.nameEn, l.nameKo), second = secondaryName(l.nameEn, l.nameKo);
        if (line && !second.empty()) { first += "  " + second; second.clear(); }
        ImFont* f1 = (district || line) ? f.small : f.body;
        ImFont* f2 = f.small;
        const float size1 = f1->FontSize * zoomScale, size2 = f2->FontSize * zoomScale;
        ImVec2 s1 = f1->CalcTextSizeA(size1, 1e9f, 0, first.c_str());
        ImVec2 s2 = second.empty() ? ImVec2(0, 0) : f2->CalcTextSizeA(size2, 1e9f, 0, second.c_str());
        float w = std::max(s1.x, s2.x), h = s1.y + s2.y;
        bool landmark = l.kind == MapKind::landmark;
        float ox = landmark ? 9 * S : -w / 2, oy = landmark ? -s1.y / 2 : -h / 2;
        // Try the natural spot, then nudge above, below and to the sides: the first free one wins.
        const float nudges[5][2] = {{0, 0}, {0, -h * 0.9f}, {0, h * 0.9f}, {-w * 0.6f, 0}, {w * 0.6f, 0}};
        // Streets and landmarks must not cover a glyph; area names take the spot that hides the fewest.
        int tries = (line || landmark) ? 1 : 5;
        bool placedOk = false;
        Box box{};
        int bestCovered = 1 << 30;
        float bestDx = 0, bestDy = 0;
        for (int k = 0; k < tries; ++k) {
            float bx = float(q.x) + ox + nudges[k][0], by = float(q.y) + oy + nudges[k][1];
            Box candidate{bx - 3 * S, by - 2 * S, bx + w + 3 * S, by + h + 2 * S};
            // A name cut by the canvas edge ("Changdeokgung Pa") reads as a glitch: whole or not at all.
            bool clash = candidate.x0 < 0 || candidate.y0 < 0 || candidate.x1 > float(cam.viewportWidth()) ||
                         candidate.y1 > float(cam.viewportHeight());
            for (size_t i = 0; i < placed.size() && !clash; ++i) clash = candidate.hits(placed[i]);
            if (clash) continue;
            int covered = glyphs.covered(candidate);
            if ((line || landmark) && covered) continue;
            if (covered < bestCovered) {
                bestCovered = covered;
                box = candidate;
                bestDx = nudges[k][0];
                bestDy = nudges[k][1];
                placedOk = true;
            }
            if (covered == 0) break;
        }
        q.x += bestDx;
        q.y += bestDy;
        if (!placedOk) continue;
        placed.push_back(box);
        ImU32 dayInk = district ? IM_COL32(128, 104, 78, 255) : area ? IM_COL32(112, 96, 70, 255) : IM_COL32(70, 70, 74, 255);
        ImU32 nightInk = district ? IM_COL32(196, 184, 160, 255) : area ? IM_COL32(176, 170, 150, 255) : IM_COL32(214, 214, 220, 255);
        // Ink and halo switch at dusk rather than blend: blended, both reach the same grey halfway and the names
        // vanish for the hour around sunset (as the scale bar does).
        const bool dark = s.night > 0.5f;
        ImU32 ink = dark ? nightInk : dayInk;
        ImU32 halo = dark ? IM_COL32(20, 26, 40, 235) : IM_COL32(244, 240, 231, 235);
        if (landmark) {  // the dot marks the place itself; landmark labels are never nudged away from it
            dl->AddCircleFilled(ImVec2(float(q.x), float(q.y)), 3.5f * S, ink, 12);
            dl->AddCircle(ImVec2(float(q.x), float(q.y)), 3.5f * S, halo, 12, 1.2f * S);
        }
        float x1 = float(q.x) + (landmark ? ox : -s1.x / 2);
        drawHaloText(dl, f1, size1, ImVec2(x1, float(q.y) + oy), ink, halo, first.c_str(), S);
        if (!second.empty()) {
            float x2 = float(q.x) + (landmark ? ox : -s2.x / 2);
            drawHaloText(dl, f2, size2, ImVec2(x2, float(q.y) + oy + s1.y), ink, halo, second.c_str(), S);
        }
    }
}


}  // namespace bk
