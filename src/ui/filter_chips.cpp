// filter_chips.cpp — chips for active filters, the per-layer filter menu, the "filtered" line (filter_chips.hpp).
#include "filter_chips.hpp"

#include "ui.hpp"
#include "ui_common.hpp"

#include <cstdio>

namespace bk {

namespace {

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// The unit the data gives the metric (the first series that has one), or the type's own for its primary metric.
std::string unitOf(const FilterClause& c, const Dataset& d) {
    for (const Series& s : d.series)
        if (s.metric == c.metric && !s.unit.empty()) return s.unit;
    if (c.layer >= 0 && c.metric == sensorTypeInfo(SensorType(c.layer)).primaryMetric)
        return sensorTypeInfo(SensorType(c.layer)).unit;
    return "";
}

// The filters with clause k left out, or with `clause` added (or taken out, when it is there already).
std::string without(const FilterSet& f, size_t k) {
    FilterSet rest = f;
    rest.clauses.erase(rest.clauses.begin() + long(k));
    return formatFilters(rest);
}
std::string toggled(const FilterSet& f, const FilterClause& clause) {
    for (size_t k = 0; k < f.clauses.size(); ++k)
        if (f.clauses[k] == clause) return without(f, k);
    FilterSet more = f;
    more.clauses.push_back(clause);
    return formatFilters(more);
}

bool has(const FilterSet* f, const FilterClause& clause) {
    if (f)
        for (const FilterClause& c : f->clauses)
            if (c == clause) return true;
    return false;
}

}  // namespace

std::string filterChipLabel(const FilterClause& c, const Dataset& d) {
    if (c.op == FilterOp::alert) return tr("filter.chip.alert");
    if (c.op == FilterOp::hide) return tr("filter.chip.hide");
    static const char* const kOps[] = {"ge", "gt", "le", "lt", "eq"};
    const std::string metric = metricLabel(c.metric);
    if (c.band >= 0) {
        std::string band = tr((std::string("filter.band.") + pmBandName(c.band)).c_str());
        return trf((std::string("filter.bandOp.") + kOps[int(c.op)]).c_str(), {{"metric", metric}, {"band", band}});
    }
    const std::string unit = unitOf(c, d);
    const std::string suffix = unit.empty() ? "" : (unit == "%" ? "%" : " " + unit);
    if (c.op == FilterOp::range)
        return trf("filter.op.range", {{"metric", metric}, {"low", number(c.value)}, {"high", number(c.upTo) + suffix}});
    return trf((std::string("filter.op.") + kOps[int(c.op)]).c_str(), {{"metric", metric}, {"value", number(c.value) + suffix}});
}

bool drawFilterChips(const ViewState& s, int layer, ImVec2 at, float maxW, std::vector<Intent>& out) {
    if (!s.filters || !s.dataset) return false;
    const float S = s.uiScale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize(), h = size + 4 * S, cross = size * 0.28f;
    float x = at.x;
    int drawn = 0, left = 0;
    for (size_t k = 0; k < s.filters->clauses.size(); ++k) {
        const FilterClause& c = s.filters->clauses[k];
        if (c.layer != layer) continue;
        const std::string label = filterChipLabel(c, *s.dataset);
        const float w = font->CalcTextSizeA(size, FLT_MAX, 0, label.c_str()).x + 8 * S + 2 * cross + 6 * S;
        const float plusW = font->CalcTextSizeA(size, FLT_MAX, 0, "+9").x + 4 * S;
        if (x + w > at.x + maxW - (k + 1 < s.filters->clauses.size() ? plusW : 0) && drawn) {
            ++left;
            continue;
        }
        ImGui::PushID(int(k) + 1000);
        ImGui::SetCursorScreenPos(ImVec2(x, at.y));
        const bool clicked = ImGui::InvisibleButton("##chip", ImVec2(w, h));
        const bool hovered = ImGui::IsItemHovered();
        const std::string& note = k < s.filterNotes->size() ? (*s.filterNotes)[k] : std::string();
        if (hovered)
            ImGui::SetTooltip("%s%s%s", trf("filter.remove", {{"clause", label}}).c_str(), note.empty() ? "" : "\n",
                              note.c_str());
        if (clicked) out.push_back(Intent::named(Intent::setFilter, without(*s.filters, k)));
        dl->AddRectFilled(ImVec2(x, at.y), ImVec2(x + w, at.y + h), hovered ? IM_COL32(190, 222, 210, 255) : kFilterChipFill,
                          h / 2);
        const ImU32 ink = note.empty() ? kInkColor : kMutedColor;
        dl->AddText(font, size, ImVec2(x + 6 * S, at.y + 2 * S), ink, label.c_str());
        const ImVec2 c0(x + w - 5 * S - cross, at.y + h / 2);  // the ✕, drawn (no font needed)
        dl->AddLine(ImVec2(c0.x - cross, c0.y - cross), ImVec2(c0.x + cross, c0.y + cross), ink, 1.4f * S);
        dl->AddLine(ImVec2(c0.x - cross, c0.y + cross), ImVec2(c0.x + cross, c0.y - cross), ink, 1.4f * S);
        ImGui::PopID();
        x += w + 4 * S;
        ++drawn;
    }
    if (left) dl->AddText(font, size, ImVec2(x, at.y + 2 * S), kMutedColor, ("+" + std::to_string(left)).c_str());
    return drawn > 0;
}

void drawFilterMenuButton(const ViewState& s, SensorType type, ImVec2 at, float size, std::vector<Intent>& out) {
    if (!s.dataset) return;
    const float S = s.uiScale;
    bool active = false;
    if (s.filters)
        for (const FilterClause& c : s.filters->clauses) active = active || c.layer == int(type);
    ImGui::PushID(int(type) + 2000);
    ImGui::SetCursorScreenPos(at);
    if (ImGui::InvisibleButton("##filterMenu", ImVec2(size, size))) ImGui::OpenPopup("##filters");
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetTooltip("%s", trf("filter.menu", {{"name", typeLabel(type)}}).c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered || active)
        dl->AddRectFilled(at, ImVec2(at.x + size, at.y + size), active ? IM_COL32(47, 128, 110, 46) : IM_COL32(0, 0, 0, 18), 4 * S);
    // A funnel: a triangle over a short stem.
    const ImU32 ink = active ? kAccentColor : kMutedColor;
    const float m = size * 0.22f, top = at.y + m, mid = at.y + size * 0.55f, cx = at.x + size / 2;
    dl->AddTriangleFilled(ImVec2(at.x + m, top), ImVec2(at.x + size - m, top), ImVec2(cx, mid), ink);
    dl->AddLine(ImVec2(cx, mid - 1), ImVec2(cx, at.y + size - m), ink, 2.0f * S);
    if (ImGui::BeginPopup("##filters")) {
        ImGui::TextDisabled("%s", typeLabel(type).c_str());
        for (const FilterPreset& p : filterPresets(*s.dataset, type)) {
            FilterParse parsed = parseFilters(p.clause);
            if (!parsed.ok()) continue;
            const FilterClause& c = parsed.filters.clauses[0];
            if (ImGui::MenuItem(tr(p.label), nullptr, has(s.filters, c)))
                out.push_back(Intent::named(Intent::setFilter, toggled(s.filters ? *s.filters : FilterSet{}, c)));
        }
        ImGui::Separator();
        FilterClause everyAlert;
        everyAlert.op = FilterOp::alert;
        if (ImGui::MenuItem(tr("filter.preset.allAlert"), nullptr, has(s.filters, everyAlert)))
            out.push_back(Intent::named(Intent::setFilter, toggled(s.filters ? *s.filters : FilterSet{}, everyAlert)));
        if (s.filters && !s.filters->empty() && ImGui::MenuItem(tr("filter.clear")))
            out.push_back(Intent::named(Intent::setFilter, ""));
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

std::string filteredLine(const ViewState& s, const char* key) {
    if (!s.kpis.filtered) return "";
    return trf(key, {{"passing", formatCount(s.kpis.sensorsCounted)}, {"count", formatCount(s.kpis.sensorsTotal)}});
}

}  // namespace bk
