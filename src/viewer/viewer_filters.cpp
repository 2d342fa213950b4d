// viewer_filters.cpp — the viewer's filters: set, evaluated once per refresh into a per-sensor pass mask (what
// buildGlyphs, the KPIs, the heat, picking and the panels read), and reported in the state JSON.
#include "viewer.hpp"

#include <nlohmann/json.hpp>

namespace bk {

void Viewer::setFilters(const FilterSet& filters) {
    filters_ = filters;
    filterPlan_ = content_ ? FilterPlan(content_->dataset, filters_) : FilterPlan();
    if (filters_.empty())
        for (Pane& pane : panes_) pane.pass.clear();
}

const std::vector<uint8_t>* Viewer::evaluateFilters(Pane& pane) {
    if (!content_ || !filterPlan_.active()) {
        pane.pass.clear();
        return nullptr;
    }
    pane.passing = filterPlan_.evaluate(content_->dataset, content_->glyphStyles, pane.values, pane.sampler, pane.timeMs, pane.pass);
    return &pane.pass;
}

nlohmann::json Viewer::filterStateJson() const {
    nlohmann::json clauses = nlohmann::json::array();
    for (size_t k = 0; k < filters_.clauses.size(); ++k) {
        const FilterClause& c = filters_.clauses[k];
        nlohmann::json j = {{"text", formatClause(c)}, {"layer", filterLayerName(c.layer)}};
        static const char* const kOps[] = {">=", ">", "<=", "<", "=", "range", "alert", "hide"};
        if (!c.metric.empty()) j["metric"] = c.metric;
        j["op"] = kOps[int(c.op)];
        if (c.band >= 0) j["band"] = pmBandName(c.band);
        else if (c.op == FilterOp::range) j["range"] = {c.value, c.upTo};
        else if (!c.metric.empty()) j["value"] = c.value;
        const std::vector<std::string>& notes = filterPlan_.notes();
        j["note"] = k < notes.size() && !notes[k].empty() ? nlohmann::json(notes[k]) : nlohmann::json(nullptr);
        clauses.push_back(std::move(j));
    }
    const size_t sensors = content_ ? content_->dataset.sensors.size() : 0;
    const size_t passing = shown().pass.empty() ? sensors : shown().passing;
    return {{"text", formatFilters(filters_)}, {"clauses", std::move(clauses)}, {"passing", passing},
            {"hidden", sensors - passing}};
}

}  // namespace bk
