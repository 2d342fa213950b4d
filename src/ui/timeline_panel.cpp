// timeline_panel.cpp — bottom bar: play/pause, clock in KST, a scrubber with day ticks and key events, speeds, loop.
#include "time_util.hpp"
#include "ui.hpp"
#include "ui_common.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace bk {

namespace {
// The speed buttons: Clock's steps (the [ ] keys step through the same), labelled "600×".
const std::array<std::string, Clock::kSpeedStepCount> kSpeedLabels = [] {
    std::array<std::string, Clock::kSpeedStepCount> labels;
    for (int i = 0; i < Clock::kSpeedStepCount; ++i) labels[size_t(i)] = std::to_string(int(Clock::kSpeedSteps[i])) + "×";
    return labels;
}();

// Play/pause as a round button with a drawn icon (no icon font needed).
bool playButton(bool playing, float size) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton("##play", ImVec2(size, size));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 c(p.x + size / 2, p.y + size / 2);
    dl->AddCircleFilled(c, size / 2, ImGui::IsItemHovered() ? IM_COL32(36, 104, 89, 255) : kAccentColor, 32);
    float u = size / 6;
    if (playing) {
        dl->AddRectFilled({c.x - u * 1.1f, c.y - u * 1.3f}, {c.x - u * 0.35f, c.y + u * 1.3f}, kPaperColor, u * 0.2f);
        dl->AddRectFilled({c.x + u * 0.35f, c.y - u * 1.3f}, {c.x + u * 1.1f, c.y + u * 1.3f}, kPaperColor, u * 0.2f);
    } else {
        dl->AddTriangleFilled({c.x - u * 0.9f, c.y - u * 1.4f}, {c.x + u * 1.5f, c.y}, {c.x - u * 0.9f, c.y + u * 1.4f},
                              kPaperColor);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(playing ? "timeline.pause" : "timeline.play"));
    return pressed;
}

}  // namespace

void drawTimelinePanel(const ViewState& s, const UiFonts& f, std::vector<Intent>& out) {
    if (!s.dataset || !s.clock) return;
    const Dataset& d = *s.dataset;
    const Clock& clock = *s.clock;
    const float S = s.uiScale;
    ImGuiIO& io = ImGui::GetIO();
    if (!beginCard("##timeline", s.layout.timeline, true)) return;

    const bool narrow = s.layout.timeline.h > 90 * S;  // the layout gave it two rows (layout.cpp)
    const float rowH = 44 * S;
    if (playButton(clock.playing(), rowH)) out.push_back(Intent::of(Intent::togglePlay));
    ImGui::SameLine(0, 12 * S);

    // Clock: big local time, the date beneath.
    int64_t t = int64_t(std::floor(clock.timeMs()));
    const int offsetNow = d.offsetAt(t);
    std::string hm = formatLocalClock(t, offsetNow, false);
    std::string date = shownText(uiStrings().date(t, offsetNow) + (offsetNow == kKstOffsetMinutes ? " KST" : ""));
    ImGui::BeginGroup();
    if (f.clock) ImGui::PushFont(f.clock);
    ImGui::TextUnformatted(hm.c_str());
    if (f.clock) ImGui::PopFont();
    if (f.small) ImGui::PushFont(f.small);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
    ImGui::TextUnformatted(date.c_str());
    ImGui::PopStyleColor();
    if (f.small) ImGui::PopFont();
    ImGui::EndGroup();
    float clockW = std::max(ImGui::GetItemRectSize().x, 112 * S);
    ImGui::SameLine(0, 0);
    ImGui::Dummy(ImVec2(std::max(0.0f, clockW - ImGui::GetItemRectSize().x), 1));  // steady width as digits change
    ImGui::SameLine(0, 16 * S);

    // Speed buttons and loop need this much room on the right.
    ImGuiStyle& st = ImGui::GetStyle();
    float speedsW = 0;
    for (const std::string& l : kSpeedLabels) speedsW += ImGui::CalcTextSize(l.c_str()).x + st.FramePadding.x * 2 + 4 * S;
    float loopW = ImGui::CalcTextSize(tr("timeline.loop")).x + ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + 16 * S;
    const float compareW = ImGui::CalcTextSize(tr("compare.button")).x + st.FramePadding.x * 2 + 12 * S;
    float rightW = speedsW + loopW + compareW + 16 * S;
    float scrubW = ImGui::GetContentRegionAvail().x - (narrow ? 0 : rightW);

    // Scrubber: day bands with weekday names, key events, progress, handle.
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = rowH;
    ImGui::InvisibleButton("##scrub", ImVec2(std::max(scrubW, 60 * S), h));
    bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float x0 = p.x + 6 * S, x1 = p.x + std::max(scrubW, 60 * S) - 6 * S;
    float trackY = p.y + h * 0.62f;
    double span = double(std::max<int64_t>(1, clock.endMs() - clock.startMs()));
    // Right to left, time runs from the right end, as the browser's own range input does under dir="rtl".
    const bool rtl = uiStrings().rightToLeft();
    auto xOf = [&](double ms) {
        const float f = float((ms - double(clock.startMs())) / span);
        return rtl ? x1 - (x1 - x0) * f : x0 + (x1 - x0) * f;
    };
    auto fracAt = [&](float x) {
        const float f = std::clamp((x - x0) / (x1 - x0), 0.0f, 1.0f);
        return double(rtl ? 1 - f : f);
    };
    if ((active || (hovered && ImGui::IsMouseClicked(0))) && x1 > x0)
        out.push_back(Intent::number(Intent::seek, double(clock.startMs()) + fracAt(io.MousePos.x) * span));
    dl->AddRectFilled({x0, trackY - 3 * S}, {x1, trackY + 3 * S}, IM_COL32(222, 216, 205, 255), 3 * S);
    float px = xOf(clock.timeMs());
    dl->AddRectFilled({std::min(xOf(double(clock.startMs())), px), trackY - 3 * S},
                      {std::max(xOf(double(clock.startMs())), px), trackY + 3 * S}, kAccentColor, 3 * S);
    // Day boundaries (local midnight) with weekday labels.
    ImFont* small = f.small ? f.small : ImGui::GetFont();
    float smallSize = f.small ? f.small->FontSize : ImGui::GetFontSize();
    // Each midnight at the offset in force then: a day with a clock change is 23 or 25 hours wide.
    for (int64_t day = d.localDayStartMs(clock.startMs()), next; day < clock.endMs(); day = next) {
        next = d.nextLocalDayStartMs(day);
        float xd = xOf(double(std::max<int64_t>(day, clock.startMs())));
        if (day >= clock.startMs()) dl->AddLine({xd, trackY - 9 * S}, {xd, trackY + 9 * S}, IM_COL32(170, 160, 146, 255), 1 * S);
        float xNext = xOf(double(std::min<int64_t>(next, clock.endMs())));
        const int64_t labelAt = std::max<int64_t>(day, clock.startMs()) + 1;
        std::string label = shownText(uiStrings().weekdayShort(labelAt, d.offsetAt(labelAt)));
        ImVec2 ts = small->CalcTextSizeA(smallSize, 1e9f, 0, label.c_str());
        if (std::fabs(xNext - xd) > ts.x + 8 * S)
            dl->AddText(small, smallSize, {(xd + xNext - ts.x) / 2, p.y + 2 * S}, kMutedColor, label.c_str());
    }
    // Data-quality stretches (gaps, stuck values) and impossible readings, amber just below the track: the selected
    // sensor's when one is selected, else every sensor's.
    if (s.quality)
        for (const QualityIssue& q : s.quality->issues) {
            if (s.selected >= 0 && q.sensor != uint32_t(s.selected)) continue;
            const float xf = xOf(double(q.fromMs)), xt = xOf(double(q.toMs));
            const float xa = std::min(xf, xt), xb = std::max(std::max(xf, xt), xa + 3 * S);
            dl->AddRectFilled({xa, trackY + 5 * S}, {xb, trackY + 8 * S}, IM_COL32(204, 133, 20, 220), 1.5f * S);
        }
    for (const Event& e : d.events) {
        const ImU32 c = eventKindInfo(e.kind).markRgba;
        if (!c) continue;
        float xe = xOf(double(e.timeMs));
        dl->AddTriangleFilled({xe - 4 * S, trackY - 12 * S}, {xe + 4 * S, trackY - 12 * S}, {xe, trackY - 5 * S}, c);
    }
    // A comparison by time: the second pane's moment, a violet "B" on the track (it moves with the first).
    if (s.compareBy == CompareBy::time) {
        const float xb = xOf(double(s.panes[1].timeMs));
        const ImU32 violet = IM_COL32(92, 84, 160, 255);
        dl->AddCircleFilled({xb, trackY}, 7.f * S, violet, 20);
        ImVec2 bs = small->CalcTextSizeA(smallSize * 0.85f, 1e9f, 0, "B");
        dl->AddText(small, smallSize * 0.85f, {xb - bs.x / 2, trackY - bs.y / 2}, kPaperColor, "B");
    }
    dl->AddCircleFilled({px, trackY}, (active ? 9.f : 8.f) * S, kPaperColor, 24);
    dl->AddCircle({px, trackY}, (active ? 9.f : 8.f) * S, kAccentColor, 24, 2.5f * S);
    if (hovered && !active && x1 > x0) {
        int64_t at = clock.startMs() + int64_t(fracAt(io.MousePos.x) * span);
        ImGui::SetTooltip("%s", shownText(uiStrings().date(at, d.offsetAt(at)) + " " + formatLocalClock(at, d.offsetAt(at), false)).c_str());
    }

    // Speeds as a segmented control, then loop.
    if (!narrow) ImGui::SameLine(0, 16 * S);
    ImGui::BeginGroup();
    float padY = (rowH - ImGui::GetFrameHeight()) / 2;
    if (!narrow) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + padY);
    // Where the speeds and Loop (a long word in some languages) would not fit the row, their buttons are tighter.
    const ImGuiStyle& style = ImGui::GetStyle();
    float rowW = 12 * S + ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(tr("timeline.loop")).x;
    for (const std::string& label : kSpeedLabels) rowW += ImGui::CalcTextSize(label.c_str()).x + 2 * style.FramePadding.x + 4 * S;
    const bool tight = rowW > ImGui::GetContentRegionAvail().x;
    if (tight) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x * 0.4f, style.FramePadding.y));
    for (int i = 0; i < Clock::kSpeedStepCount; ++i) {
        const double speed = Clock::kSpeedSteps[i];
        const char* label = kSpeedLabels[size_t(i)].c_str();
        bool on = std::fabs(clock.speed() - speed) < 1e-6;
        if (on) {
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(kAccentColor));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(kAccentColor));
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kPaperColor));
        }
        if (ImGui::Button(label)) out.push_back(Intent::number(Intent::setSpeed, speed));
        if (on) ImGui::PopStyleColor(3);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", trf("timeline.speedHint", {{"speed", label}}).c_str());
        ImGui::SameLine(0, (tight ? 2 : 4) * S);
    }
    ImGui::SameLine(0, (tight ? 6 : 12) * S);
    bool loop = clock.loop();
    if (ImGui::Checkbox(tr("timeline.loop"), &loop)) out.push_back(Intent::number(Intent::setLoop, loop ? 1 : 0));
    if (tight) ImGui::PopStyleVar();
    // Compare: two panes, another moment or the fixed rounds beside this one (where the row has room for it).
    ImGui::SameLine(0, 12 * S);
    const bool comparing = s.compareBy != CompareBy::off;
    const bool compareFits = ImGui::GetContentRegionAvail().x >= compareW - 12 * S;
    if (compareFits && comparing) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(kAccentColor));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kPaperColor));
    }
    if (compareFits && ImGui::Button(tr("compare.button"))) ImGui::OpenPopup("##compareMenu");
    if (compareFits && comparing) ImGui::PopStyleColor(2);
    // The menu opens above the button, its right edge on the button's (the timeline is at the bottom).
    if (compareFits) ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMax().x, ImGui::GetItemRectMin().y - 4 * S), ImGuiCond_Appearing, ImVec2(1, 1));
    if (ImGui::BeginPopup("##compareMenu")) {
        compareMenuItems(s, out);
        ImGui::EndPopup();
    }
    ImGui::EndGroup();
    ImGui::End();
}

}  // namespace bk
