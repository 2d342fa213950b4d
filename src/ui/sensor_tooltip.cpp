// sensor_tooltip.cpp — the card under the pointer when it rests on a sensor: names, type, value now.
#include "glyph_scene.hpp"
#include "ui.hpp"
#include "ui_common.hpp"

#include <imgui.h>

namespace bk {

void drawSensorTooltip(const ViewState& s, const UiFonts& f) {
    if (!s.dataset || s.hovered < 0 || size_t(s.hovered) >= s.dataset->sensors.size()) return;
    if (ImGui::GetIO().WantCaptureMouse) return;
    const Sensor& sensor = s.dataset->sensors[size_t(s.hovered)];
    float v = s.values && size_t(s.hovered) < s.values->size() ? (*s.values)[size_t(s.hovered)] : NAN;

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
    ImGui::EndTooltip();
}

}  // namespace bk
