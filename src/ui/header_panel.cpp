// header_panel.cpp — top-left card: product title in English and Korean, the dataset, and its honesty badge.
#include "ui.hpp"
#include "ui_common.hpp"

#include "time_util.hpp"

#include <imgui.h>

#include <string>

namespace bk {

void drawHeaderPanel(const ViewState& s, const UiFonts& f, std::vector<Intent>& out) {
    if (!beginCard("##header", s.layout.header, false)) return;
    if (f.title) ImGui::PushFont(f.title);
    ImGui::TextUnformatted("Bukchon IoT Replay");
    if (f.title) ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
    ImGui::TextUnformatted("북촌 IoT 데이터 리플레이 · Jongno-gu, Seoul");
    ImGui::PopStyleColor();

    if (s.dataset) {
        const Dataset& d = *s.dataset;
        ImGui::Spacing();
        if (d.simulated) {
            // The honesty badge: a simulation must never pass for measurements.
            if (f.strong) ImGui::PushFont(f.strong);
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(kWarnFill));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(kWarnFill));
            ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::ColorConvertU32ToFloat4(kWarnFill));
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kWarnInk));
            ImGui::SmallButton("SIMULATED DATA · 시뮬레이션 데이터");
            ImGui::PopStyleColor(4);
            if (f.strong) ImGui::PopFont();
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
                ImGui::TextUnformatted(d.source.empty() ? "This recording is a simulation." : d.source.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
        if (!d.title.empty()) ImGui::TextUnformatted(d.title.c_str());
        if (f.small) ImGui::PushFont(f.small);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
        double days = double(d.endMs - d.startMs) / 86400000.0;
        ImGui::TextWrapped("%zu sensors · %.0f day%s · %zu events · times in %s", d.sensors.size(), days,
                           days >= 1.5 ? "s" : "", d.events.size(),
                           d.utcOffsetMinutes == kKstOffsetMinutes ? "KST" : formatIsoTime(0, d.utcOffsetMinutes).substr(19).c_str());
        if (!d.simulated && !d.source.empty()) ImGui::TextWrapped("%s", d.source.c_str());
        if (!s.mapName.empty()) ImGui::TextWrapped("Map: %s", s.mapName.c_str());
        ImGui::PopStyleColor();
        if (f.small) ImGui::PopFont();
    }
    (void)out;
    ImGui::End();
}

}  // namespace bk
