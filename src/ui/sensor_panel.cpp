// sensor_panel.cpp — the selected sensor: names, value now, every metric, a 24 h chart with "now", the day's
// min / mean / max, and its events that day.
#include "number_signs.hpp"
#include "glyph_scene.hpp"
#include "replay_stats.hpp"
#include "sampler.hpp"
#include "text_form.hpp"
#include "time_util.hpp"
#include "ui.hpp"
#include "ui_common.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace bk {

namespace {

// A reference line worth drawing on the chart of series `si` (the threshold people reason with), from the rules the
// events are found with: where the data's bins count as full, the noise limit in force at `t` (day or night), where
// PM turns bad, the fire alarm. None on a chart of named levels.
bool thresholdFor(const Dataset& d, uint32_t si, int64_t t, const EventRules& rules, float& value, std::string& label) {
    const Series& series = d.series[si];
    if (!series.levels.empty()) return false;
    auto line = [&](double v, const char* key) {
        value = float(v);
        label = trf(key, {{"value", text_form::formatNumber(std::round(v * 10) / 10)}});
        return true;
    };
    switch (d.sensors[series.sensor].type) {
        case SensorType::bin: return line(d.binFullPct, "threshold.bin");
        case SensorType::noise: {
            const int hour = int((((t + int64_t(d.offsetAt(t)) * 60000) / 3600000) % 24 + 24) % 24);
            const double limit = rules.noiseLimitAt(hour);
            return line(limit, limit == rules.noiseDayDb ? "threshold.noise" : "threshold.noiseNight");
        }
        case SensorType::air: return line((series.metric == "pm10" ? rules.pm10Bands : rules.pm25Bands)[1], "threshold.air");
        case SensorType::fire:
            return series.metric == "smoke" ? line(rules.smokeAlarmPctPerM, "threshold.smoke") : line(rules.fireAlarmC, "threshold.fire");
        default: return false;
    }
}

void drawChart(const Dataset& d, uint32_t si, const Sensor& sensor, int64_t t, const EventRules& rules, float height,
               float S) {
    const int64_t from = t - 12 * 3600000LL, to = t + 12 * 3600000LL;
    ImVec2 p = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(w, height));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float left = p.x + 2 * S, right = p.x + w - 2 * S, top = p.y + 4 * S, bottom = p.y + height - 16 * S;
    dl->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), IM_COL32(244, 240, 231, 255), 4 * S);

    std::vector<ChartPoint> pts = chartWindow(d, si, from, to, size_t(std::max(8.0f, (right - left) / (2 * S))));
    float lo = 1e30f, hi = -1e30f;
    for (const ChartPoint& c : pts)
        if (!std::isnan(c.value)) { lo = std::min(lo, c.value); hi = std::max(hi, c.value); }
    float thr = 0;
    std::string thrLabel;
    bool hasThr = thresholdFor(d, si, t, rules, thr, thrLabel);
    if (hasThr && hi > -1e29f) { lo = std::min(lo, thr); hi = std::max(hi, thr); }
    if (sensor.type == SensorType::bin) { lo = 0; hi = std::max(hi, 100.0f); }
    if (sensor.type == SensorType::parking && sensor.capacity > 0) { lo = 0; hi = float(sensor.capacity); }
    if (hi <= lo) { hi = lo + 1; }
    float pad = (hi - lo) * 0.08f;
    lo -= (sensor.type == SensorType::bin || sensor.type == SensorType::parking) ? 0 : pad;
    hi += pad;
    auto X = [&](int64_t ms) { return left + (right - left) * float(double(ms - from) / double(to - from)); };
    auto Y = [&](float v) { return bottom - (bottom - top) * (v - lo) / (hi - lo); };

    ImFont* small = ImGui::GetFont();
    float fs = ImGui::GetFontSize() * 0.85f;
    if (hasThr && thr >= lo && thr <= hi) {
        float y = Y(thr);
        for (float x = left; x < right; x += 8 * S) dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + 4 * S, right), y), IM_COL32(192, 57, 43, 150), 1 * S);
        dl->AddText(small, fs, ImVec2(right - small->CalcTextSizeA(fs, 1e9f, 0, thrLabel.c_str()).x - 4 * S, y - fs - 1 * S),
                    IM_COL32(192, 57, 43, 200), thrLabel.c_str());
    }
    // Area and line, breaking at gaps.
    for (size_t i = 1; i < pts.size(); ++i) {
        if (std::isnan(pts[i - 1].value) || std::isnan(pts[i].value)) continue;
        ImVec2 a(X(pts[i - 1].timeMs), Y(pts[i - 1].value)), b(X(pts[i].timeMs), Y(pts[i].value));
        dl->AddQuadFilled(ImVec2(a.x, bottom), a, b, ImVec2(b.x, bottom), IM_COL32(47, 128, 110, 40));
        dl->AddLine(a, b, kAccentColor, 1.8f * S);
    }
    // Now.
    float xn = X(t);
    dl->AddLine(ImVec2(xn, top - 2 * S), ImVec2(xn, bottom), kInkColor, 1.5f * S);
    float vNow = sampleSeries(d, si, t);
    if (!std::isnan(vNow)) dl->AddCircleFilled(ImVec2(xn, Y(vNow)), 4 * S, kInkColor, 12);
    // Axis labels: value range and three times.
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", hi - pad);
    dl->AddText(small, fs, ImVec2(left + 3 * S, top + 1 * S), kMutedColor, localNumber(buf).c_str());
    for (int k = 0; k < 3; ++k) {
        int64_t ms = from + (to - from) * k / 2;
        std::string label = k == 1 ? tr("chart.now") : formatLocalClock(ms, d.offsetAt(ms), false);
        float tw = small->CalcTextSizeA(fs, 1e9f, 0, label.c_str()).x;
        float x = k == 0 ? left : k == 1 ? xn - tw / 2 : right - tw;
        dl->AddText(small, fs, ImVec2(x, bottom + 2 * S), kMutedColor, label.c_str());
    }
}

}  // namespace

void drawSensorPanel(const ViewState& s, const UiFonts& f, std::vector<Intent>& out) {
    if (!s.dataset || s.selected < 0 || size_t(s.selected) >= s.dataset->sensors.size()) return;
    const Dataset& d = *s.dataset;
    const Sensor& sensor = d.sensors[size_t(s.selected)];
    const int32_t primary = d.primarySeries[size_t(s.selected)];
    const int64_t t = int64_t(s.clock->timeMs());
    const float S = s.uiScale;
    // On a phone the card stands on the timeline, where the KPI band was (layout.hpp, compact).
    if (!beginCard("##sensor", s.layout.sensor, false, s.layout.compact && !s.layout.columns)) return;
    // In a band (portrait) the chart sits to the right of the facts; in a column, below them.
    const bool side = !s.layout.columns;
    if (side && !ImGui::BeginTable("##sensorCols", 2, ImGuiTableFlags_SizingStretchSame)) { ImGui::End(); return; }
    if (side) ImGui::TableNextColumn();

    // Title row with a close button.
    float closeW = ImGui::GetFrameHeight();
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - closeW - 6 * S);
    if (f.strong) ImGui::PushFont(f.strong);
    textWrappedAtSpaces(primaryName(sensor.nameEn, sensor.nameKo));
    if (f.strong) ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImVec2 after = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(ImGui::GetContentRegionMax().x - closeW, ImGui::GetStyle().WindowPadding.y));
    if (ImGui::Button("×##close", ImVec2(closeW, closeW))) out.push_back(Intent::named(Intent::select, ""));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("sensor.close"));
    ImGui::SetCursorPos(after);
    const std::string& otherName = secondaryName(sensor.nameEn, sensor.nameKo);
    if (!otherName.empty()) textWrappedAtSpaces(otherName);
    if (f.small) ImGui::PushFont(f.small);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
    textWrappedAtSpaces(logicalText(typeLabel(sensor.type)) + " · " + sensor.id);
    ImGui::PopStyleColor();
    if (f.small) ImGui::PopFont();

    // Value now, big, with its glyph.
    float vNow = primary >= 0 ? sampleSeries(d, uint32_t(primary), t) : NAN;
    const GlyphStyle style = glyphStyleOf(d, size_t(s.selected));
    ImVec2 p = ImGui::GetCursorScreenPos();
    float r = 10 * S;
    drawGlyphIcon(ImGui::GetWindowDrawList(), ImVec2(p.x + r, p.y + 16 * S), r, sensor.type, colorForValue(style, vNow),
                  normalisedValue(style, vNow));
    ImGui::Dummy(ImVec2(2 * r + 4 * S, 1));
    ImGui::SameLine();
    if (f.clock) ImGui::PushFont(f.clock);
    ImGui::TextUnformatted(formatValue(sensor, vNow, primary >= 0 ? &d.series[size_t(primary)] : nullptr).c_str());
    if (f.clock) ImGui::PopFont();
    if (isAlert(style, vNow) || alarmActive(d, uint32_t(s.selected), t))
    {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.22f, 0.17f, 1));
        textLine(tr("sensor.alert"));
        ImGui::PopStyleColor();
    }

    // The other metrics of this sensor, now.
    if (f.small) ImGui::PushFont(f.small);
    std::vector<std::string> others;
    for (size_t si = 0; si < d.series.size(); ++si) {
        const Series& series = d.series[si];
        if (series.sensor != uint32_t(s.selected) || int32_t(si) == primary) continue;
        auto [value, unit] = readingText(series, sampleSeries(d, uint32_t(si), t));
        char buf[160];
        std::snprintf(buf, sizeof buf, "%s %s%s%s", metricLabel(series.metric).c_str(), shownText(value).c_str(),
                      unit.empty() ? "" : " ", unit.c_str());
        others.push_back(buf);
    }
    // Then what the sensor is (its attributes: a model, a stream type), muted.
    const size_t measured = others.size();
    for (const auto& [name, value] : sensor.attributes) others.push_back(shownText(name) + " " + shownText(value));
    // Items flow left to right and a line breaks only between them ("Temperature 18.1 °C" stays whole; ImGui's
    // own wrapping would break after the "18.").
    const float gap = ImGui::CalcTextSize("   ").x, avail = ImGui::GetContentRegionAvail().x;
    float x = 0;
    for (size_t k = 0; k < others.size(); ++k) {
        const std::string& item = others[k];
        float w = ImGui::CalcTextSize(item.c_str()).x;
        if (x > 0 && x + gap + w <= avail) {
            ImGui::SameLine(0, gap);
            x += gap;
        } else {
            x = 0;
        }
        if (k >= measured) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
        if (w > avail) textWrappedAtSpaces(item);  // longer than a line on its own: wrap it
        else ImGui::TextUnformatted(item.c_str());
        if (k >= measured) ImGui::PopStyleColor();
        x += w;
    }
    // What its data gets wrong (quality.hpp): the first few issues, in amber.
    if (s.quality && s.quality->affects(uint32_t(s.selected))) {
        auto when = [&](int64_t ms) {
            return uiStrings().weekdayShort(ms, d.offsetAt(ms)) + " " + formatLocalClock(ms, d.offsetAt(ms), false);
        };
        int shownIssues = 0, more = 0;
        for (const QualityIssue& q : s.quality->issues) {
            if (q.sensor != uint32_t(s.selected)) continue;
            if (shownIssues == 3) { ++more; continue; }
            char value[24];
            std::snprintf(value, sizeof value, "%g", double(q.value));
            const std::string shownValue = localNumber(value);
            std::string line = q.kind == QualityKind::gap ? trf("quality.gap", {{"from", when(q.fromMs)}, {"to", when(q.toMs)}})
                             : q.kind == QualityKind::stuck ? trf("quality.stuck", {{"value", shownValue}, {"from", when(q.fromMs)}, {"to", when(q.toMs)}})
                             : trf("quality.impossible", {{"value", shownValue}, {"from", when(q.fromMs)}});
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.66f, 0.42f, 0.05f, 1));
            textWrappedAtSpaces(metricLabel(d.series[q.series].metric) + ": " + line);
            ImGui::PopStyleColor();
            ++shownIssues;
        }
        if (more) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
            textLine(trf("quality.more", {{"count", std::to_string(more)}}).c_str());
            ImGui::PopStyleColor();
        }
    }
    if (f.small) ImGui::PopFont();

    if (side) ImGui::TableNextColumn();
    if (primary >= 0) {
        const float chartH = (s.layout.columns ? 120 : 96) * S;
        static const EventRules kDefaults;
        drawChart(d, uint32_t(primary), sensor, t, s.eventRules ? *s.eventRules : kDefaults, chartH, S);
        DayStats st = seriesStats(d, uint32_t(primary), d.localDayStartMs(t), d.nextLocalDayStartMs(t) - 1);
        if (st.count && d.series[size_t(primary)].levels.empty()) {  // min/mean/max of levels would mean nothing
            if (f.small) ImGui::PushFont(f.small);
            char lo[16], mean[16], hi[16];
            std::snprintf(lo, sizeof lo, "%.1f", st.min);
            std::snprintf(mean, sizeof mean, "%.1f", st.mean);
            std::snprintf(hi, sizeof hi, "%.1f", st.max);
            textWrappedAtSpaces(trf("sensor.dayStats", {{"day", uiStrings().weekdayShort(t, d.offsetAt(t))},
                                                            {"min", localNumber(lo)}, {"mean", localNumber(mean)},
                                                            {"max", localNumber(hi)}}));
            if (f.small) ImGui::PopFont();
        }
    }

    // This sensor's events that day, in a list that scrolls where the card has no room for all of them (its
    // height is the layout's budget for the card), kept on the moment being replayed.
    auto [a, b] = eventRange(d, d.localDayStartMs(t), d.nextLocalDayStartMs(t));
    std::vector<size_t> mine;
    size_t nowRow = 0;
    for (size_t i = a; i < b; ++i)
        if (d.events[i].sensor == uint32_t(s.selected)) {
            if (d.events[i].timeMs <= t) nowRow = mine.size();
            mine.push_back(i);
        }
    const float lineH = ImGui::GetTextLineHeightWithSpacing();
    if (!mine.empty()) ImGui::Separator();
    const float room = s.layout.sensor.h - (ImGui::GetCursorScreenPos().y - ImGui::GetWindowPos().y) -
                       ImGui::GetStyle().WindowPadding.y;
    if (!mine.empty() && room >= lineH) {
        ImGui::BeginChild("##sensorEvents", ImVec2(0, std::min(float(mine.size()) * lineH, room)), false);
        static size_t lastNow = SIZE_MAX;
        const bool follow = ImGui::IsWindowAppearing() || mine[nowRow] != lastNow;
        lastNow = mine[nowRow];
        for (size_t row = 0; row < mine.size(); ++row) {
            const Event& e = d.events[mine[row]];
            ImGui::PushID(int(mine[row]));
            // One line shaped whole: right to left, the time stands first on the right.
            // A long one in the small face, and cut after a word where even that is too wide.
            std::string text = shownText(formatLocalClock(e.timeMs, d.offsetAt(e.timeMs), false) + "  " +
                                          logicalText(eventLabel(e.kind)));
            const float avail = ImGui::GetContentRegionAvail().x;
            const bool small = f.small && ImGui::CalcTextSize(text.c_str()).x > avail;
            if (small) ImGui::PushFont(f.small);
            text = fittedText(text, avail);
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(e.timeMs > t ? kMutedColor : eventColor(e.kind)));
            ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(uiStrings().rightToLeft() ? 1.f : 0.f, 0.f));
            if (ImGui::Selectable(text.c_str())) out.push_back(Intent::number(Intent::focusEvent, double(mine[row])));
            if (row == nowRow && follow) ImGui::SetScrollHereY(0.5f);
            ImGui::PopStyleVar();
            ImGui::PopStyleColor();
            if (small) ImGui::PopFont();
            ImGui::PopID();
        }
        ImGui::EndChild();
    }
    if (side) ImGui::EndTable();
    ImGui::End();
}

}  // namespace bk
