// events_panel.cpp — the day's events around replay time; a click seeks there, selects the sensor, flies to it.
#include "filter_chips.hpp"
#include "time_util.hpp"
#include "ui.hpp"
#include "ui_common.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace bk {

void drawEventsPanel(const ViewState& s, const UiFonts& f, std::vector<Intent>& out) {
    if (!s.dataset || !s.clock) return;
    const Dataset& d = *s.dataset;
    const Layout& L = s.layout;
    if (L.events.h < 60 * s.uiScale) return;  // no room: the map comes first
    if (!beginCard("##events", L.events, true)) return;
    const int64_t t = int64_t(s.clock->timeMs());
    const int64_t dayStart = d.localDayStartMs(t);
    auto [first, last] = eventRange(d, dayStart, d.nextLocalDayStartMs(t));

    // The title, the day beside it, and "All" at the far end; right to left, the title stands on the right.
    const bool rtl = uiStrings().rightToLeft();
    const float start = ImGui::GetCursorPosX(), end = ImGui::GetContentRegionMax().x;
    if (f.strong) ImGui::PushFont(f.strong);
    const float titleW = ImGui::CalcTextSize(tr("events.title")).x;
    if (rtl) ImGui::SetCursorPosX(end - titleW);
    ImGui::TextUnformatted(tr("events.title"));
    if (f.strong) ImGui::PopFont();
    if (f.small) ImGui::PushFont(f.small);
    const std::string day = shownText(uiStrings().date(t, d.offsetAt(t)));
    ImGui::SameLine(rtl ? end - titleW - ImGui::GetStyle().ItemSpacing.x - ImGui::CalcTextSize(day.c_str()).x : 0.0f);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kMutedColor), "%s", day.c_str());
    // Routine parking and noise events are many; by default the feed shows bins and alarms. (Presentation-only
    // state, so it lives here rather than in the app.)
    static bool everything = false;
    ImGui::SameLine(rtl ? start : end - ImGui::CalcTextSize(tr("events.all")).x - ImGui::GetFrameHeight() - 8 * s.uiScale);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2 * s.uiScale, 0));
    ImGui::Checkbox(tr("events.all"), &everything);
    ImGui::PopStyleVar();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("events.allHint"));
    // With filters, only the events of the sensors that pass (as the KPIs count them), and a line that says so.
    const std::string filtered = filteredLine(s, "filter.events");
    if (!filtered.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kAccentColor));
        textLine(filtered.c_str());
        ImGui::PopStyleColor();
    }
    if (f.small) ImGui::PopFont();

    ImGui::BeginChild("##eventList", ImVec2(0, 0), false);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (first == last) textLine(tr("events.none"));
    const float S = s.uiScale;
    auto routine = [](const std::string& k) { return eventKindInfo(k).routine; };
    std::vector<size_t> rows;
    for (size_t i = first; i < last; ++i)
        if ((everything || !routine(d.events[i].kind)) && (!s.filterPass || (*s.filterPass)[d.events[i].sensor]))
            rows.push_back(i);
    if (rows.empty() && first != last) textLine(tr(s.filterPass ? "filter.noEvents" : "events.onlyRoutine"));
    ImGui::PopStyleColor();
    size_t nowIndex = 0;
    for (size_t r = 0; r < rows.size(); ++r)
        if (d.events[rows[r]].timeMs <= t) nowIndex = r;
    const size_t nowRow = rows.empty() ? first : rows[nowIndex];
    // "Now" is brought into view (centred) when the feed appears, while the replay plays, and when it moves to
    // another event (a seek, a step): one rule, so a moment looks the same however it was reached. Otherwise the
    // user's own scrolling stays. (Presentation-only state, like `everything`.)
    static size_t lastNowRow = SIZE_MAX;
    const bool follow = ImGui::IsWindowAppearing() || s.clock->playing() || nowRow != lastNowRow;
    lastNowRow = nowRow;
    for (size_t i : rows) {
        const Event& e = d.events[i];
        bool future = e.timeMs > t;
        ImGui::PushID(int(i));
        ImVec2 p = ImGui::GetCursorScreenPos();
        float rowH = ImGui::GetTextLineHeight() * 2 + 6 * S;
        bool clicked = ImGui::Selectable("##row", i == nowRow && !future, 0, ImVec2(0, rowH));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("events.goTo"));
        if (clicked) out.push_back(Intent::number(Intent::focusEvent, double(i)));
        if (i == nowRow && follow) ImGui::SetScrollHereY(0.5f);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        float alpha = future ? 0.45f : 1.0f;
        // Right to left, the row mirrors: the dot on the right, the lines standing against it.
        const bool rtl = uiStrings().rightToLeft();
        const float rowW = ImGui::GetItemRectSize().x;
        dl->AddCircleFilled(ImVec2(rtl ? p.x + rowW - 10 * S : p.x + 6 * S, p.y + rowH / 2), 4.5f * S,
                            eventColor(e.kind) & IM_COL32(255, 255, 255, int(255 * alpha)), 12);
        // One line shaped whole (the time first, on the right in Arabic).
        const std::string line1 = shownText(formatLocalClock(e.timeMs, d.offsetAt(e.timeMs), false) + "  " +
                                             logicalText(eventLabel(e.kind)));
        const Sensor& sensor = d.sensors[e.sensor];
        const std::string& line2 = primaryName(sensor.nameEn, sensor.nameKo);
        ImU32 ink = future ? IM_COL32(41, 46, 56, 120) : kInkColor;
        ImFont* small = f.small ? f.small : ImGui::GetFont();
        auto left = [&](ImFont* font, const std::string& text) {
            return rtl ? p.x + rowW - 20 * S - font->CalcTextSizeA(font->FontSize, 1e9f, 0, text.c_str()).x : p.x + 16 * S;
        };
        dl->AddText(ImVec2(left(ImGui::GetFont(), line1), p.y + 2 * S), ink, line1.c_str());
        dl->AddText(small, small->FontSize, ImVec2(left(small, line2), p.y + 3 * S + ImGui::GetTextLineHeight()),
                    future ? IM_COL32(110, 104, 96, 120) : kMutedColor, line2.c_str());
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace bk
