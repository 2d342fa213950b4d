// legend_panel.cpp — top-right card: one row per sensor type present, with its glyph, names and what it shows.
#include "glyph_scene.hpp"
#include "ui.hpp"
#include "ui_common.hpp"

#include <imgui.h>

namespace bk {

namespace {
const char* meaningOf(SensorType t) {
    switch (t) {
        case SensorType::bin: return "fill level";
        case SensorType::parking: return "occupied spaces";
        case SensorType::noise: return "loudness, dB";
        case SensorType::footfall: return "people per hour";
        case SensorType::air: return "PM2.5, Korean bands";
        case SensorType::fire: return "red on alarm";
        default: return "value";
    }
}

// A representative value per type, so each legend icon shows its glyph in a typical state.
float sampleValue(SensorType t) {
    switch (t) {
        case SensorType::bin: return 62;
        case SensorType::parking: return 14;
        case SensorType::noise: return 58;
        case SensorType::footfall: return 900;
        case SensorType::air: return 12;
        case SensorType::fire: return 21;
        default: return 50;
    }
}
}  // namespace

void drawLegendPanel(const ViewState& s, const UiFonts& f, std::vector<Intent>& out) {
    if (!s.dataset) return;
    int counts[kSensorTypeCount] = {0};
    for (const Sensor& sensor : s.dataset->sensors) ++counts[int(sensor.type)];

    const float S = s.dpr;
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 12 * S, 12 * S), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::Begin("##legend", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
    if (f.strong) ImGui::PushFont(f.strong);
    ImGui::TextUnformatted("Sensors · 센서");
    if (f.strong) ImGui::PopFont();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float iconR = 8 * S;
    for (int t = 0; t < kSensorTypeCount; ++t) {
        if (!counts[t]) continue;
        const SensorTypeInfo& info = sensorTypeInfo(SensorType(t));
        Sensor probe;
        probe.type = SensorType(t);
        probe.capacity = 20;
        float v = sampleValue(probe.type);
        ImVec2 p = ImGui::GetCursorScreenPos();
        float rowH = ImGui::GetTextLineHeight() * 2.1f;
        drawGlyphIcon(dl, ImVec2(p.x + iconR + 2 * S, p.y + rowH / 2), iconR, probe.type, colorForValue(probe, v),
                      normalisedValue(probe, v));
        ImGui::SetCursorScreenPos(ImVec2(p.x + iconR * 2 + 12 * S, p.y));
        ImGui::BeginGroup();
        ImGui::Text("%s  %s", info.labelEn, info.labelKo);
        if (f.small) ImGui::PushFont(f.small);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
        ImGui::Text("%d · %s", counts[t], meaningOf(probe.type));
        ImGui::PopStyleColor();
        if (f.small) ImGui::PopFont();
        ImGui::EndGroup();
    }
    (void)out;
    ImGui::End();
}

}  // namespace bk
