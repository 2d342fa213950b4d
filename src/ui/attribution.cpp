// attribution.cpp — the map data's required credit, right-aligned in its place of the layout, on every frame
// (so it is in PNG and WebM exports too), whatever the UI mode.
#include "ui.hpp"
#include "ui_common.hpp"

#include <imgui.h>

#include <algorithm>

namespace bk {

Rect attributionBounds(const ViewState& s, const UiFonts& f) {
    if (s.mapAttribution.empty() || !f.small) return {};
    const float S = s.uiScale, size = f.small->FontSize * 0.9f;
    ImVec2 t = f.small->CalcTextSizeA(size, 1e9f, 0, s.mapAttribution.c_str());
    const Layout& L = s.layout;
    const Rect& room = L.attribution;
    float w = t.x + 10 * S, h = t.y + 4 * S;
    // At the right of its place, on its lower edge; a phone's open sensor card stands there, so it goes above it.
    float x = room.right() - w, y = room.bottom() - h;
    if (L.compact && !L.columns && s.selected >= 0 && L.sensor.h > 0) y = std::min(y, L.sensor.y - h - 4 * S);
    return Rect{x, y, w, h};
}

void drawAttribution(const ViewState& s, const UiFonts& f) {
    Rect r = attributionBounds(s, f);
    if (r.w <= 0) return;
    const float S = s.uiScale, size = f.small->FontSize * 0.9f;
    const bool dark = s.night > 0.5f;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled({r.x, r.y}, {r.right(), r.bottom()}, dark ? IM_COL32(20, 26, 40, 200) : IM_COL32(250, 248, 242, 215),
                      3 * S);
    dl->AddText(f.small, size, {r.x + 5 * S, r.y + 2 * S}, dark ? IM_COL32(200, 200, 210, 255) : IM_COL32(80, 76, 70, 255),
                s.mapAttribution.c_str());
}

}  // namespace bk
