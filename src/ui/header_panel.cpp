// header_panel.cpp — top-left card: product title in English and Korean, the dataset, and its honesty badge.
#include "ui.hpp"
#include "ui_common.hpp"

#include "time_util.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace bk {

void drawHeaderPanel(const ViewState& s, const UiFonts& f, std::vector<Intent>& out) {
    if (!beginCard("##header", s.layout.header, false)) return;
    // Another city's data gets the product's neutral name: it is not Bukchon.
    const bool bukchon = isBukchonData(s);
    if (f.title) ImGui::PushFont(f.title);
    // The title whole, never cut ("Bukchon IoT R…"): a language or a card narrower than it gets it a little smaller.
    const char* title = tr(bukchon ? "app.title" : "app.titleOther");
    const float room = ImGui::GetContentRegionAvail().x, width = ImGui::CalcTextSize(title).x;
    if (width > room && room > 0) ImGui::SetWindowFontScale(std::max(0.6f, room / width));
    textLine(title);
    ImGui::SetWindowFontScale(1.0f);
    if (f.title) ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
    textWrappedAtSpaces(tr(bukchon ? "app.subtitle" : "app.subtitleOther"));  // narrow columns wrap, not clip
    ImGui::PopStyleColor();

    if (s.dataset) {
        const Dataset& d = *s.dataset;
        ImGui::Spacing();
        if (d.simulated) {
            // The honesty badge: a simulation must never pass for measurements.
            if (simulatedBadge(f)) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
                const std::string& source = primaryName(d.source, d.sourceKo);
                ImGui::TextUnformatted(source.empty() ? tr("badge.simulatedDefault") : source.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
        const std::string& title = primaryName(d.title, d.titleKo);
        if (!title.empty()) textLine(title.c_str());
        if (s.layout.compact) {  // phones: the name, the honesty badge and the data's title; details stay off
            ImGui::End();
            return;
        }
        if (f.small) ImGui::PushFont(f.small);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
        // The offset in force now: a New York replay says UTC-04:00 in June and UTC-05:00 in January.
        const int offsetNow = s.clock ? d.offsetAt(int64_t(s.clock->timeMs())) : d.utcOffsetMinutes;
        // The place's zone by name where the data has one (Europe/Lisbon keeps its name in winter and summer).
        std::string tz = offsetNow == kKstOffsetMinutes ? "KST"
                         : !d.timeZoneName.empty() ? d.timeZoneName
                                                   : "UTC" + formatIsoTime(0, offsetNow).substr(19);
        const std::string sensors = trf("count.sensors", {{"count", formatCount(static_cast<long long>(d.sensors.size()))}});
        const std::string events = trf("count.events", {{"count", formatCount(static_cast<long long>(d.events.size()))}});
        textWrappedAtSpaces(trf("header.summary", {{"sensors", sensors}, {"span", formatSpan(d.endMs - d.startMs)},
                                                         {"events", events}, {"tz", tz}}));
        if (!d.simulated && !d.source.empty()) textWrappedAtSpaces(primaryName(d.source, d.sourceKo));
        const std::string& mapName = primaryName(s.mapName, s.mapNameKo);
        // The map's name, where the card has room for it (a long language's header is full without it).
        if (const std::string line = mapName.empty() ? "" : trf("header.map", {{"name", mapName}});
            !line.empty() && roomForText(s.layout.header, line))
            textWrappedAtSpaces(line);
        if (s.graticuleStepDeg > 0) {
            char step[24];
            std::snprintf(step, sizeof step, "%g", s.graticuleStepDeg);
            textWrappedAtSpaces(trf("header.neutralMap", {{"step", step}}));
        }
        ImGui::PopStyleColor();
        if (f.small) ImGui::PopFont();
    }
    (void)out;
    ImGui::End();
}

void drawDataBadge(const ViewState& s, const UiFonts& f) {
    if (!s.dataset || !s.dataset->simulated) return;
    const float S = s.uiScale;
    ImGui::SetNextWindowPos(ImVec2(10 * S, 10 * S), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.0f);
    ImGui::Begin("##badge", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoInputs);
    if (f.strong) ImGui::PushFont(f.strong);
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(kWarnFill));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kWarnInk));
    ImGui::SmallButton(tr("badge.simulated"));
    ImGui::PopStyleColor(2);
    if (f.strong) ImGui::PopFont();
    ImGui::End();
}

}  // namespace bk
