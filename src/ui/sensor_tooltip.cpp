// sensor_tooltip.cpp — the card beside the pointer when it rests on a sensor: names, type, value now; kept inside the
// free map area (layout.hpp), so it never covers a panel, the header or the simulation badge.
#include "glyph_scene.hpp"
#include "ui.hpp"
#include "ui_common.hpp"

#include <imgui.h>

#include <algorithm>

namespace bk {

Rect drawSensorTooltip(const ViewState& s, const UiFonts& f) {
    if (!s.dataset || s.hovered < 0 || size_t(s.hovered) >= s.dataset->sensors.size()) return {};
    if (ImGui::GetIO().WantCaptureMouse) return {};
    const Sensor& sensor = s.dataset->sensors[size_t(s.hovered)];
    float v = s.values && size_t(s.hovered) < s.values->size() ? (*s.values)[size_t(s.hovered)] : NAN;

    // Beside the pointer, on the side with room, inside the free area; its size is last frame's (a tooltip's size
    // changes only with its text).
    static ImVec2 size(0, 0);
    {
        const Rect& area = s.layout.map;
        const ImVec2 m = ImGui::GetIO().MousePos;
        const float off = 16 * s.uiScale;
        float x = m.x + off, y = m.y + off;
        if (x + size.x > area.right()) x = m.x - off - size.x;
        if (y + size.y > area.bottom()) y = m.y - off - size.y;
        x = std::max(area.x, std::min(x, area.right() - size.x));
        y = std::max(area.y, std::min(y, area.bottom() - size.y));
        ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always);
    }
    ImGui::BeginTooltip();
    if (f.strong) ImGui::PushFont(f.strong);
    ImGui::TextUnformatted(primaryName(sensor.nameEn, sensor.nameKo).c_str());
    if (f.strong) ImGui::PopFont();
    const std::string& other = secondaryName(sensor.nameEn, sensor.nameKo);
    if (!other.empty()) ImGui::TextUnformatted(other.c_str());
    const GlyphStyle style = glyphStyleOf(*s.dataset, size_t(s.hovered));
    ImVec2 p = ImGui::GetCursorScreenPos();
    float r = 7 * s.uiScale;
    drawGlyphIcon(ImGui::GetWindowDrawList(), ImVec2(p.x + r, p.y + ImGui::GetTextLineHeight() / 2 + 2 * s.uiScale), r,
                  sensor.type, colorForValue(style, v), normalisedValue(style, v));
    ImGui::Dummy(ImVec2(2 * r + 4 * s.uiScale, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
    if (f.title) ImGui::PushFont(f.title);
    int32_t primary = s.dataset->primarySeries[size_t(s.hovered)];
    ImGui::TextUnformatted(formatValue(sensor, v, primary >= 0 ? &s.dataset->series[size_t(primary)] : nullptr).c_str());
    if (f.title) ImGui::PopFont();
    if (f.small) ImGui::PushFont(f.small);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
    ImGui::Text("%s · %s", typeLabel(sensor.type).c_str(), sensor.id.c_str());
    if (isAlert(style, v)) {
        ImGui::PopStyleColor();
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.22f, 0.17f, 1));
        ImGui::TextUnformatted(tr("sensor.alert"));
    }
    ImGui::PopStyleColor();
    if (f.small) ImGui::PopFont();
    const ImVec2 at = ImGui::GetWindowPos();
    size = ImGui::GetWindowSize();
    ImGui::EndTooltip();
    return Rect{at.x, at.y, size.x, size.y};
}

}  // namespace bk
