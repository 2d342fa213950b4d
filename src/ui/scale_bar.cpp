// scale_bar.cpp — a map scale bar (a round ground length: 10 m … 50 km) in its place of the layout (layout.hpp).
#include "ui.hpp"
#include "ui_common.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace bk {

void drawScaleBar(const ViewState& s, const UiFonts& f) {
    if (!s.camera || !s.dataset || !f.small) return;
    if (s.layout.compact && !s.layout.columns && s.selected >= 0) return;  // a phone's sensor card stands there
    const float S = s.uiScale;
    const double pxPerMetre = s.camera->pixelsPerUnit() / s.metresPerUnit;  // device px
    if (!(pxPerMetre > 0)) return;
    // The longest round length (1, 2, 5 × 10^k m) that fits in ~110 design px.
    const double maxMetres = 110.0 * S / pxPerMetre;
    double mag = std::pow(10.0, std::floor(std::log10(maxMetres))), metres = mag;
    for (double m : {2.0, 5.0}) if (m * mag <= maxMetres) metres = m * mag;
    const float len = float(metres * pxPerMetre);
    char label[32];
    if (metres >= 1000) std::snprintf(label, sizeof label, "%g km", metres / 1000);
    else std::snprintf(label, sizeof label, "%g m", metres);

    const Rect& area = s.layout.scaleBar;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    ImGui::PushFont(f.small);
    ImVec2 text = ImGui::CalcTextSize(label);
    const float x0 = area.x + 6 * S, y = area.bottom() - 6 * S;
    const float tick = 5 * S, w = std::max(1.5f * S, 1.0f);
    // A paper halo under ink, readable over streets and at night.
    ImU32 ink = s.night > 0.5f ? kPaperColor : kInkColor;
    ImU32 halo = s.night > 0.5f ? IM_COL32(20, 24, 36, 200) : IM_COL32(253, 251, 246, 210);
    dl->AddRectFilled(ImVec2(x0 - 5 * S, y - tick - text.y - 6 * S), ImVec2(x0 + std::max(len, text.x) + 5 * S, y + 4 * S), halo,
                      4 * S);
    dl->AddLine(ImVec2(x0, y), ImVec2(x0 + len, y), ink, w);
    dl->AddLine(ImVec2(x0, y - tick), ImVec2(x0, y + w / 2), ink, w);
    dl->AddLine(ImVec2(x0 + len, y - tick), ImVec2(x0 + len, y + w / 2), ink, w);
    dl->AddText(ImVec2(x0, y - tick - text.y - 2 * S), ink, label);
    ImGui::PopFont();
}

}  // namespace bk
