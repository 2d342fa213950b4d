// collection_panel.cpp — smart collection at a glance: today's and the week's fill-driven trips against fixed rounds.
#include "number_signs.hpp"
#include "time_util.hpp"
#include "ui.hpp"
#include "ui_common.hpp"

#include <imgui.h>

#include <cstdio>

namespace bk {

namespace {
void row(const char* label, const PolicyTotals& p, bool emphasise) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(label);
    char buf[32];
    auto cell = [&](const char* fmt, double v, bool alert) {
        ImGui::TableNextColumn();
        std::snprintf(buf, sizeof buf, fmt, v);
        if (alert) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.22f, 0.17f, 1));
        else if (emphasise) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kAccentColor));
        else ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_Text));
        ImGui::TextUnformatted(localNumber(buf).c_str());
        ImGui::PopStyleColor();
    };
    cell("%.0f", p.trips, false);
    cell("%.0f", p.binVisits, false);
    cell("%.1f", p.km, false);
    cell("%.0f", p.overflows, p.overflows > 0);
}

void table(const char* id, const PolicyTotals& smart, const PolicyTotals& fixed) {
    if (!ImGui::BeginTable(id, 5, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 1.9f);
    for (const char* h : {tr("collection.trips"), tr("collection.bins"), tr("collection.km"), tr("collection.overflows")})
        ImGui::TableSetupColumn(h, ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
    ImGui::TableHeadersRow();
    ImGui::PopStyleColor();
    row(tr("collection.fillDriven"), smart, true);
    row(tr("collection.fixed"), fixed, false);
    ImGui::EndTable();
}
}  // namespace

void drawCollectionPanel(const ViewState& s, const UiFonts& f, std::vector<Intent>& out) {
    // Phones have no room for it: the KPI band keeps the sensor card's place when nothing is selected.
    if (!s.dataset || !s.collection || !s.collection->available || s.selected >= 0 || s.layout.compact) return;
    const CollectionPlan& c = *s.collection;
    if (!beginCard("##collection", s.layout.sensor, false)) return;
    const int64_t t = int64_t(s.clock->timeMs());
    if (f.strong) ImGui::PushFont(f.strong);
    textLine(tr("collection.title"));
    if (f.strong) ImGui::PopFont();
    const float titleH = ImGui::GetCursorPosY();
    if (f.small) ImGui::PushFont(f.small);
    // Every text first, so the card can tell what fits its budget.
    std::string saved;
    const WeekSaving saving = weekSaving(c);
    if (saving.noneFull) saved = tr("collection.noneFull");
    else if (saving.known && saving.visitsPct >= 0 && saving.kmPct >= 0)
        saved = trf("collection.saved", {{"visits", std::to_string(saving.visitsPct)}, {"km", std::to_string(saving.kmPct)}});
    else if (saving.known) {  // the data emptied its bins more often than fixed rounds would: say so, never "-413% fewer"
        char km[16], fixedKm[16];
        std::snprintf(km, sizeof km, "%.1f", c.fillDrivenWeek.km);
        std::snprintf(fixedKm, sizeof fixedKm, "%.1f", c.fixedWeek.km);
        saved = trf("collection.versusFixed", {{"visits", formatCount(c.fillDrivenWeek.binVisits)}, {"km", localNumber(km)},
                                               {"fixedVisits", formatCount(c.fixedWeek.binVisits)}, {"fixedKm", localNumber(fixedKm)}});
    }
    std::string note;
    const bool walkNote = c.routable && c.fixedWalkM > 0;  // some bins stand on pedestrian alleys: the crew walks there
    if (walkNote) {
        char km[16];
        std::snprintf(km, sizeof km, "%.1f", c.fixedWalkM / 1000);
        note = trf("collection.noteWalk", {{"km", localNumber(km)}});
    } else {
        note = tr(c.routable ? "collection.noteStreets" : "collection.noteStraight");
    }
    // What fits: the week's comparison, its saving and the note always; today's table and the explanation
    // when the card has the height (a portrait tablet gives it less than a laptop's right column).
    const ImGuiStyle& st = ImGui::GetStyle();
    const float wrapW = ImGui::GetContentRegionAvail().x;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    auto wrapped = [&](const std::string& text) { return ImGui::CalcTextSize(text.c_str(), nullptr, false, wrapW).y + st.ItemSpacing.y; };
    const float tableH = 3 * (ImGui::GetTextLineHeight() + 2 * st.CellPadding.y) + st.ItemSpacing.y;
    const float section = st.ItemSpacing.y + line + tableH;  // spacing, its title, its table
    const float explainH = wrapped(tr("collection.explain"));
    float need = titleH + section + (saved.empty() ? 0 : wrapped(saved)) + wrapped(note) + st.WindowPadding.y;
    const bool showToday = need + section <= s.layout.sensor.h;
    if (showToday) need += section;
    const bool showExplain = need + explainH <= s.layout.sensor.h;
    if (showExplain) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
        textWrappedAtSpaces(tr("collection.explain"));
        ImGui::PopStyleColor();
    }
    if (showToday) {
        PolicyTotals smartToday, fixedToday;
        c.totalsForDay(*s.dataset, t, smartToday, fixedToday);
        ImGui::Spacing();
        textLine(trf("collection.today", {{"time", formatLocalClock(t, s.dataset->offsetAt(t), false)}}).c_str());
        table("##today", smartToday, fixedToday);
    }
    ImGui::Spacing();
    textLine(tr("collection.week"));
    table("##week", c.fillDrivenWeek, c.fixedWeek);
    if (!saved.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kAccentColor));
        textWrappedAtSpaces(saved);
        ImGui::PopStyleColor();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedColor));
    if (walkNote) textWrappedAtSpaces(note);  // never "0." | "2 km"
    else textWrappedAtSpaces(note);
    ImGui::PopStyleColor();
    if (f.small) ImGui::PopFont();
    (void)out;
    ImGui::End();
}

}  // namespace bk
