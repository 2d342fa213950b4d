// map_labels.cpp — place names on the map: by priority, zoom-aware, never overlapping each other or sensor glyphs.
#include "ui.hpp"
#include "ui_common.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace bk {

namespace {
struct Box {
    float x0, y0, x1, y1;
    bool hits(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
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
    // Ground scale: local units are mercator metres; cos(lat) ≈ 0.79 in Seoul.
    float cssPxPerMetre = float(cam.pixelsPerUnit() / S / 0.7924);

    std::vector<Box> placed;
    // Street and landmark names keep off the glyphs (the subject); area names may pass under them.
    std::vector<Box> glyphs;
    if (s.sensorPositions)
        for (const Vec2& p : *s.sensorPositions) {
            Vec2 q = cam.worldToScreen(p);
            glyphs.push_back({float(q.x) - 11 * S, float(q.y) - 11 * S, float(q.x) + 11 * S, float(q.y) + 11 * S});
        }

    for (const MapLabel& l : s.mesh->labels) {
        if (cssPxPerMetre < minZoomFor(l.kind)) continue;
        Vec2 q = cam.worldToScreen(l.position);
        if (q.x < -200 || q.y < -50 || q.x > cam.viewportWidth() + 200 || q.y > cam.viewportHeight() + 50) continue;
        bool district = l.kind == MapKind::district, area = l.kind == MapKind::palace || l.kind == MapKind::park;
        bool line = l.kind == MapKind::road || l.kind == MapKind::path;
        // Districts and areas: English over Korean, centred. Streets: one line. Landmarks: a dot, then the name.
        std::string first = l.nameEn, second = l.nameKo;
        if (line && !second.empty()) { first = l.nameEn + "  " + l.nameKo; second.clear(); }
        ImFont* f1 = (district || line) ? f.small : f.body;
        ImFont* f2 = f.small;
        ImVec2 s1 = f1->CalcTextSizeA(f1->FontSize, 1e9f, 0, first.c_str());
        ImVec2 s2 = second.empty() ? ImVec2(0, 0) : f2->CalcTextSizeA(f2->FontSize, 1e9f, 0, second.c_str());
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
            bool clash = false;
            for (size_t i = 0; i < placed.size() && !clash; ++i) clash = candidate.hits(placed[i]);
            if (clash) continue;
            int covered = 0;
            for (const Box& g : glyphs) covered += candidate.hits(g);
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
        ImU32 ink = district ? IM_COL32(128, 104, 78, 255) : area ? IM_COL32(112, 96, 70, 255) : IM_COL32(70, 70, 74, 255);
        if (landmark) {  // the dot marks the place itself; landmark labels are never nudged away from it
            dl->AddCircleFilled(ImVec2(float(q.x), float(q.y)), 3.5f * S, IM_COL32(90, 84, 76, 255), 12);
            dl->AddCircle(ImVec2(float(q.x), float(q.y)), 3.5f * S, kPaperColor, 12, 1.2f * S);
        }
        float x1 = float(q.x) + (landmark ? ox : -s1.x / 2);
        drawHaloText(dl, f1, f1->FontSize, ImVec2(x1, float(q.y) + oy), ink, first.c_str(), S);
        if (!second.empty()) {
            float x2 = float(q.x) + (landmark ? ox : -s2.x / 2);
            drawHaloText(dl, f2, f2->FontSize, ImVec2(x2, float(q.y) + oy + s1.y), ink, second.c_str(), S);
        }
    }
}

const char* uiStringsForFonts() {
    return "Bukchon IoT Replay 북촌 IoT 데이터 리플레이 · Jongno-gu, Seoul SIMULATED DATA 시뮬레이션 데이터 "
           "Sensors 센서 스마트 쓰레기통 주차 소음 유동인구 대기질 한옥 화재안전 "
           "× … — – ° µ ³ Loop Play Pause no data Alert";
}

}  // namespace bk
