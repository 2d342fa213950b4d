// compare_panel.cpp — a comparison's title cards (each pane's moment, policy and figures, the switch where only one
// pane fits, a day back or on for the second moment, close) and the timeline's "Compare" menu that opens one.
#include "number_signs.hpp"
#include "ui.hpp"
#include "ui_common.hpp"

#include "time_util.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>

namespace bk {

namespace {

constexpr double kDayMs = 86400000.0;

Intent compareIntent(CompareBy by, double offsetMs = NAN) {
    Intent i = Intent::number(Intent::setCompare, double(int(by)));
    i.y = NAN;
    i.z = offsetMs;
    return i;
}

// "06:00 and 15:00": the fixed rounds' times (the what-if's assumption, docs/simulation.md).
std::string roundTimes() {
    const CollectionModel model;
    std::string out;
    for (size_t i = 0; i < model.fixedRoundMinutes.size(); ++i) {
        char hm[8];
        std::snprintf(hm, sizeof hm, "%02d:%02d", model.fixedRoundMinutes[i] / 60, model.fixedRoundMinutes[i] % 60);
        out += (i == 0 ? "" : i + 1 == model.fixedRoundMinutes.size() ? tr("compare.and") : ", ") + std::string(hm);
    }
    return out;
}

// A small square button with a drawn icon (the page's fonts have no ✕ or ‹ ›): 'x' close, '<' and '>' chevrons.
bool iconButton(const char* id, char icon, float size, float S) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(id, ImVec2(size, size));
    const bool hot = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, {at.x + size, at.y + size}, hot ? IM_COL32(226, 220, 208, 255) : IM_COL32(238, 234, 225, 255), 4 * S);
    const ImVec2 c(at.x + size / 2, at.y + size / 2);
    const float r = size * 0.2f, w = 1.8f * S;
    if (icon == 'x') {
        dl->AddLine({c.x - r, c.y - r}, {c.x + r, c.y + r}, kInkColor, w);
        dl->AddLine({c.x - r, c.y + r}, {c.x + r, c.y - r}, kInkColor, w);
    } else {
        const float dx = icon == '<' ? r * 0.6f : -r * 0.6f;
        dl->AddLine({c.x + dx, c.y - r}, {c.x - dx, c.y}, kInkColor, w);
        dl->AddLine({c.x - dx, c.y}, {c.x + dx, c.y + r}, kInkColor, w);
    }
    return pressed;
}

void pill(const char* text, ImU32 fill, ImU32 ink, const UiFonts& f) {
    if (f.strong) ImGui::PushFont(f.strong);
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(fill));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(fill));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::ColorConvertU32ToFloat4(fill));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ink));
    ImGui::SmallButton(text);
    ImGui::PopStyleColor(4);
    if (f.strong) ImGui::PopFont();
}

void titleCard(const ViewState& s, const UiFonts& f, int pane, std::vector<Intent>& out) {
    const Dataset& d = *s.dataset;
    const PaneView& p = s.panes[pane];
    const float S = s.uiScale;
    const char* letter = pane == 0 ? "A" : "B";
    char id[24];
    std::snprintf(id, sizeof id, "##paneTitle%d", pane);
    if (!beginCard(id, s.layout.paneTitle[s.layout.paneSwitch ? 0 : pane], false)) return;
    ImGui::PushID(pane);
    // The pane's letter and moment, big: what a room reads from the back.
    pill(letter, pane == 0 ? kAccentColor : IM_COL32(92, 84, 160, 255), kPaperColor, f);
    ImGui::SameLine(0, 8 * S);
    const int offset = d.offsetAt(p.timeMs);
    const std::string when = shownText(uiStrings().date(p.timeMs, offset) + "  " + formatLocalClock(p.timeMs, offset, false));
    if (f.strong) ImGui::PushFont(f.strong);
    ImGui::TextUnformatted(when.c_str());
    if (f.strong) ImGui::PopFont();
    // Controls on the right: close (A), or the second moment a day back or on (B, by time).
    const float btn = ImGui::GetFrameHeight();
    const float right = ImGui::GetWindowContentRegionMax().x;
    if (pane == 0 && !s.layout.paneSwitch) {
        ImGui::SameLine(right - btn);
        if (iconButton("##close", 'x', btn, S)) out.push_back(compareIntent(CompareBy::off));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("compare.close"));
    } else if (pane == 1 && s.compareBy == CompareBy::time) {
        const double offsetMs = double(s.panes[1].timeMs - s.panes[0].timeMs);
        ImGui::SameLine(right - 2 * btn - 4 * S);
        if (iconButton("##earlier", '<', btn, S)) out.push_back(compareIntent(CompareBy::time, offsetMs - kDayMs));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("compare.earlier"));
        ImGui::SameLine(0, 4 * S);
        if (iconButton("##later", '>', btn, S)) out.push_back(compareIntent(CompareBy::time, offsetMs + kDayMs));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("compare.later"));
    }
    // What the pane shows.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
    if (s.compareBy == CompareBy::policy)
        textWrappedAtSpaces(p.fixedRounds ? trf("compare.fixed", {{"rounds", roundTimes()}}) : std::string(tr("compare.fillDriven")));
    else
        textWrappedAtSpaces(tr("compare.recorded"));
    ImGui::PopStyleColor();
    // Its figures: the collection today (each pane's truck, trips and km), and the bins that are nearly full.
    if (f.small) ImGui::PushFont(f.small);
    if (s.collection && s.collection->available) {
        char km[16];
        std::snprintf(km, sizeof km, "%.1f", p.today.km);
        textWrappedAtSpaces(trf("compare.today", {{"trips", formatCount(p.today.trips)}, {"km", localNumber(km)},
                                                  {"overflows", formatCount(p.today.overflows)}}));
    }
    if (p.kpis.binsTotal > 0)
        textWrappedAtSpaces(trf("compare.bins", {{"n", std::to_string(p.kpis.binsOver80)}, {"total", std::to_string(p.kpis.binsTotal)}}));
    // With filters, each pane's figures are of the sensors that pass them in that pane: both cards say so.
    if (p.kpis.filtered) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kAccentColor));
        textWrappedAtSpaces(trf("filter.counted", {{"passing", formatCount(p.kpis.sensorsCounted)}, {"count", formatCount(p.kpis.sensorsTotal)}}));
        ImGui::PopStyleColor();
    }
    if (f.small) ImGui::PopFont();
    // Honest data, in every pane: a simulation (and a what-if) must never pass for measurements.
    if (d.simulated) simulatedBadge(f);
    // Where only one pane fits: the switch.
    if (s.layout.paneSwitch) {
        const int other = 1 - pane;
        if (ImGui::Button(trf("compare.show", {{"pane", other == 0 ? "A" : "B"}}).c_str())) out.push_back(Intent::number(Intent::showPane, other));
        ImGui::SameLine(0, 6 * S);
        if (ImGui::Button(tr("compare.close"))) out.push_back(compareIntent(CompareBy::off));
    }
    ImGui::PopID();
    ImGui::End();
}

}  // namespace

void drawCompareTitles(const ViewState& s, const UiFonts& f, std::vector<Intent>& out) {
    if (s.compareBy == CompareBy::off || !s.dataset) return;
    if (s.layout.paneSwitch) titleCard(s, f, s.shownPane, out);
    else
        for (int p = 0; p < s.layout.panes; ++p) titleCard(s, f, p, out);
}

// The timeline's menu: the same hour a day before or after, fixed rounds beside the recorded collection, close.
void compareMenuItems(const ViewState& s, std::vector<Intent>& out) {
    if (ImGui::MenuItem(tr("compare.dayBefore"))) out.push_back(compareIntent(CompareBy::time, -kDayMs));
    if (ImGui::MenuItem(tr("compare.dayAfter"))) out.push_back(compareIntent(CompareBy::time, kDayMs));
    if (s.collection && s.collection->available && ImGui::MenuItem(tr("compare.policyItem")))
        out.push_back(compareIntent(CompareBy::policy));
    if (s.compareBy != CompareBy::off && ImGui::MenuItem(tr("compare.close"))) out.push_back(compareIntent(CompareBy::off));
}

}  // namespace bk
