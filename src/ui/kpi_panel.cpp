// kpi_panel.cpp — the day at a glance: big numbers synced to replay time (bins, parking, noise, air, alarms).
#include "filter_chips.hpp"
#include "ui.hpp"
#include "ui_common.hpp"

#include <imgui.h>

#include <cstdio>

namespace bk {

namespace {
struct Tile {
    std::string value;
    std::string label;
    ImU32 accent;  // the number's colour: ink, or a warning colour when it matters
};

ImU32 pm25Color(double v) {
    if (v < 0) return kInkColor;
    if (v <= 15) return IM_COL32(52, 113, 190, 255);
    if (v <= 35) return kAccentColor;
    if (v <= 75) return IM_COL32(217, 110, 48, 255);
    return IM_COL32(192, 57, 43, 255);
}
// The levels of the bins' fill (the first bin's driving series: the KPI index checked that they agree).
const std::vector<std::string>& binLevelNames(const ViewState& s) {
    static const std::vector<std::string> none;
    const Dataset& d = *s.dataset;
    for (size_t i = 0; i < d.sensors.size(); ++i)
        if (d.sensors[i].type == SensorType::bin && d.primarySeries[i] >= 0 && !d.series[size_t(d.primarySeries[i])].levels.empty())
            return d.series[size_t(d.primarySeries[i])].levels;
    return none;
}

ImU32 levelColor(const std::string& level) {
    std::string l = level;
    for (char& c : l) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (l == "red") return IM_COL32(192, 57, 43, 255);
    if (l == "orange" || l == "yellow") return IM_COL32(217, 110, 48, 255);
    if (l == "green") return kAccentColor;
    return kInkColor;
}
}  // namespace

void drawKpiPanel(const ViewState& s, const UiFonts& f, std::vector<Intent>& out) {
    if (!s.dataset) return;
    const Kpis& k = s.kpis;
    char buf[64];
    std::vector<Tile> tiles;
    const ImU32 red = IM_COL32(192, 57, 43, 255), orange = IM_COL32(217, 110, 48, 255);
    // Only the numbers the data supports: a bin log has no illegal stops, a log without events counts from readings.
    if (k.binsTotal) {
        if (k.binLevelCount) {  // levels: the share of bins at each, in the level's own colour
            const std::vector<std::string>& levels = binLevelNames(s);
            for (int level = 0; level < k.binLevelCount && level < int(levels.size()); ++level) {
                std::snprintf(buf, sizeof buf, "%.0f%%", 100.0 * k.binsAtLevel[level] / k.binsTotal);
                tiles.push_back({buf, trf("kpi.binsAtLevel", {{"level", shownText(levels[size_t(level)])}}),
                                 levelColor(levels[size_t(level)])});
            }
        } else {
            std::snprintf(buf, sizeof buf, "%s/%s", formatCount(k.binsOver80).c_str(), formatCount(k.binsTotal).c_str());
            tiles.push_back({buf, tr("kpi.binsOver80"), k.binsOver80 ? orange : kInkColor});
        }
        if (k.fromReadings) tiles.push_back({formatCount(k.binsFullToday), tr("kpi.binsFullToday"), k.binsFullToday ? red : kInkColor});
        else tiles.push_back({std::to_string(k.overflowsToday), tr("kpi.overflows"), k.overflowsToday ? red : kInkColor});
    }
    if (k.parkingOccupancyPct >= 0) {
        std::snprintf(buf, sizeof buf, "%.0f%%", k.parkingOccupancyPct);
        tiles.push_back({buf, tr("kpi.parking"), k.parkingOccupancyPct >= 95 ? orange : kInkColor});
    }
    if (k.parkingSensors && !k.fromReadings) tiles.push_back({std::to_string(k.illegalStopsToday), tr("kpi.illegalStops"), kInkColor});
    if (k.noiseSensors && k.fromReadings) {
        if (k.noiseMaxToday >= 0) {
            std::snprintf(buf, sizeof buf, "%.0f", k.noiseMaxToday);
            tiles.push_back({buf, tr("kpi.noiseMax"), k.noiseMaxToday > 65 ? orange : kInkColor});
        }
        tiles.push_back({formatCount(k.noiseHoursOverToday), tr("kpi.noiseHours"), k.noiseHoursOverToday ? orange : kInkColor});
    } else if (k.noiseSensors) {
        tiles.push_back({std::to_string(k.noiseViolationsToday), tr("kpi.noise"), kInkColor});
    }
    if (k.pm25MaxToday >= 0) {
        std::snprintf(buf, sizeof buf, "%.0f", k.pm25MaxToday);
        tiles.push_back({buf, tr("kpi.pm25"), pm25Color(k.pm25MaxToday)});
        if (k.airHoursOverToday >= 0)
            tiles.push_back({formatCount(k.airHoursOverToday), tr("kpi.airHours"), k.airHoursOverToday ? orange : kInkColor});
    } else if (k.pm10MaxToday >= 0) {
        std::snprintf(buf, sizeof buf, "%.0f", k.pm10MaxToday);
        tiles.push_back({buf, tr("kpi.pm10"), pm25Color(k.pm10MaxToday / 2)});  // PM10's bands are about twice PM2.5's
    }
    if (k.fireSensors) tiles.push_back({std::to_string(k.activeAlarms), tr("kpi.alarms"), k.activeAlarms ? red : kInkColor});
    if (k.binsTotal && !k.fromReadings) tiles.push_back({std::to_string(k.collectionsToday), tr("kpi.collections"), kInkColor});
    const std::string filtered = filteredLine(s, "filter.counted");  // with filters, the numbers are of some sensors
    if (tiles.empty() && filtered.empty()) return;

    const Layout& L = s.layout;
    if (L.compact && s.selected >= 0) return;  // phones: the selected sensor's card is in the band's place
    if (!beginCard("##kpis", L.kpis, !L.columns)) return;
    const float S = s.uiScale;
    if (L.columns) {
        if (f.strong) ImGui::PushFont(f.strong);
        ImGui::TextUnformatted(tr(isBukchonData(s) ? "kpi.title" : "kpi.titleOther"));
        if (f.strong) ImGui::PopFont();
        if (!filtered.empty()) {
            if (f.small) ImGui::PushFont(f.small);
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kAccentColor), "%s", filtered.c_str());
            if (f.small) ImGui::PopFont();
        }
        ImGui::Spacing();
    } else if (!filtered.empty()) {  // a band has no title line: the count is a tile of its own
        tiles.insert(tiles.begin(), {formatCount(k.sensorsCounted) + "/" + formatCount(k.sensorsTotal), tr("filter.countedTile"),
                                     kAccentColor});
    }
    // Two tiles a row in a column; a band shows them all in one row when wide enough, else two rows.
    int cols = L.columns ? 2 : (L.kpis.w / S >= 980 ? int(tiles.size()) : (int(tiles.size()) + 1) / 2);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * S, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(4 * S, 3 * S));
    if (ImGui::BeginTable("##kpiGrid", cols, ImGuiTableFlags_SizingStretchSame)) {
        for (const Tile& t : tiles) {
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(t.accent));
            if (f.clock) ImGui::PushFont(L.columns ? f.clock : f.title);
            ImGui::TextUnformatted(t.value.c_str());
            if (f.clock) ImGui::PopFont();
            ImGui::PopStyleColor();
            if (f.small) ImGui::PushFont(f.small);
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
            textWrappedAtSpaces(t.label);
            ImGui::PopStyleColor();
            if (f.small) ImGui::PopFont();
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar(2);
    (void)out;
    ImGui::End();
}

}  // namespace bk
