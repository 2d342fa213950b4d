// kpi_panel.cpp — the day at a glance: big numbers synced to replay time (bins, parking, noise, air, alarms).
#include "filter_chips.hpp"
#include "ui.hpp"
#include "ui_common.hpp"

#include <imgui.h>

#include <algorithm>

namespace bk {

namespace {
ImU32 toneColor(KpiTile::Tone tone) {
    switch (tone) {
        case KpiTile::Tone::blue: return IM_COL32(52, 113, 190, 255);
        case KpiTile::Tone::green: return kAccentColor;
        case KpiTile::Tone::orange: return IM_COL32(217, 110, 48, 255);
        case KpiTile::Tone::red: return IM_COL32(192, 57, 43, 255);
        default: return kInkColor;
    }
}
}  // namespace

void drawKpiPanel(const ViewState& s, const UiFonts& f, std::vector<Intent>& out) {
    if (!s.dataset) return;
    // The tiles the data supports (panel_facts.cpp: the page's accessible twin shows the same).
    const Kpis& k = s.kpis;
    std::vector<KpiTile> tiles = kpiTiles(k, *s.dataset);
    const std::string filtered = filteredLine(s, "filter.counted");  // with filters, the numbers are of some sensors
    if (tiles.empty() && filtered.empty()) return;

    const Layout& L = s.layout;
    if (L.compact && s.selected >= 0) return;  // phones: the selected sensor's card is in the band's place
    if (!beginCard("##kpis", L.kpis, !L.columns)) return;
    const float S = s.uiScale;
    if (L.columns) {
        if (f.strong) ImGui::PushFont(f.strong);
        textLine(tr(isBukchonData(s) ? "kpi.title" : "kpi.titleOther"));
        if (f.strong) ImGui::PopFont();
        if (!filtered.empty()) {
            if (f.small) ImGui::PushFont(f.small);
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kAccentColor));
            textLine(filtered.c_str());
            ImGui::PopStyleColor();
            if (f.small) ImGui::PopFont();
        }
        ImGui::Spacing();
    } else if (!filtered.empty()) {  // a band has no title line: the count is a tile of its own
        tiles.insert(tiles.begin(), KpiTile{formatCount(k.sensorsCounted) + "/" + formatCount(k.sensorsTotal),
                                            UiText{"filter.countedTile", {}}, KpiTile::Tone::green});
    }
    // Two tiles a row in a column; a band shows them all in one row when wide enough, else two rows.
    int cols = L.columns ? 2 : (L.kpis.w / S >= 980 ? int(tiles.size()) : (int(tiles.size()) + 1) / 2);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * S, 0));
    // Cells close up where the card's budget is short of them (a long language's labels wrap to two lines).
    static bool tight = false;
    const int rows = (int(tiles.size()) + cols - 1) / std::max(cols, 1);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(4 * S, (cardIsFull(L.kpis, tight, float(rows) * 6 * S + 1) ? 0 : 3) * S));
    if (ImGui::BeginTable("##kpiGrid", cols, ImGuiTableFlags_SizingStretchSame)) {
        for (const KpiTile& t : tiles) {
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(toneColor(t.tone)));
            if (f.clock) ImGui::PushFont(L.columns ? f.clock : f.title);
            textLine(t.value.c_str());
            if (f.clock) ImGui::PopFont();
            ImGui::PopStyleColor();
            if (f.small) ImGui::PushFont(f.small);
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
            textWrappedAtSpaces(say(t.label));
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
