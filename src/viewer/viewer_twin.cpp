// viewer_twin.cpp — the state's "twin": what the page's accessible HTML twin of the panels says beyond the state's
// numbers (web/viewer-a11y.js): the KPI tiles as the panel shows them, the day's notable events of the feed, and
// the selected sensor's card. Language-free: UI strings go as keys with their values (panel_facts.hpp).
#include "viewer.hpp"

#include "event_kinds.hpp"
#include "panel_facts.hpp"
#include "param_rules.hpp"
#include "replay_stats.hpp"
#include "sampler.hpp"
#include "time_util.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace bk {

namespace {

using Json = nlohmann::json;

Json uiTextJson(const UiText& t) {
    Json args = Json::object();
    for (const auto& [name, value] : t.args) args[name] = value;
    return {{"key", t.key}, {"args", args}};
}

std::string oneDecimal(float v) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%.1f", double(v));
    return buf;
}

}  // namespace

void Viewer::addTwinState(nlohmann::json& j) const {
    Json twin;
    Json speeds = Json::array();
    for (double s : Clock::kSpeedSteps) speeds.push_back(s);
    twin["speeds"] = speeds;
    twin["kpis"] = nullptr;
    twin["feed"] = nullptr;
    twin["legend"] = Json::array();
    twin["card"] = nullptr;
    if (!content_) {
        j["twin"] = std::move(twin);
        return;
    }
    const Dataset& d = content_->dataset;
    const int64_t t = int64_t(clock_.timeMs());
    const bool korean = lang_ == "ko";
    auto clockAt = [&](int64_t ms) { return formatLocalClock(ms, d.offsetAt(ms), false); };  // "14:05", as the panels
    auto name = [&](const Sensor& s) -> const std::string& {
        return korean ? (s.nameKo.empty() ? s.nameEn : s.nameKo) : (s.nameEn.empty() ? s.nameKo : s.nameEn);
    };

    Json tiles = Json::array();
    for (const KpiTile& tile : kpiTiles(shown().kpis, d))
        tiles.push_back({{"value", tile.value}, {"label", uiTextJson(tile.label)}, {"tone", toneName(tile.tone)}});
    twin["kpis"] = {{"title", isBukchonData(content_->mapName, d.title) ? "kpi.title" : "kpi.titleOther"}, {"tiles", tiles}};

    // The legend's rows in its order (the sensor types present, as the layer names), then the route when there is one.
    const int* perType = content_->kpiIndex->sensorsOfType;  // counted once per load, not per state read
    Json legend = Json::array();
    for (int type = 0; type < kSensorTypeCount; ++type)
        if (perType[type]) legend.push_back({{"layer", rules::layerName(size_t(type))}, {"sensors", perType[type]}});
    if (content_->collection.available) legend.push_back({{"layer", rules::layerName(size_t(kRouteLayerBit))}, {"sensors", 0}});
    twin["legend"] = legend;

    // The feed as the panel shows it by default: the local day's notable events (routine ones only counted).
    const int64_t dayStart = d.localDayStartMs(t);
    auto [first, last] = eventRange(d, dayStart, d.nextLocalDayStartMs(t));
    Json events = Json::array();
    int routine = 0;
    for (size_t i = first; i < last; ++i) {
        const Event& e = d.events[i];
        if (eventKindInfo(e.kind).routine) { ++routine; continue; }
        events.push_back({{"index", i}, {"timeMs", e.timeMs}, {"clock", clockAt(e.timeMs)}, {"kind", e.kind},
                          {"sensor", d.sensors[e.sensor].id},
                          {"name", name(d.sensors[e.sensor])}});
    }
    twin["feed"] = {{"dayStartMs", dayStart}, {"events", events}, {"routine", routine}};

    if (selected_ >= 0 && size_t(selected_) < d.sensors.size()) {
        const uint32_t si = uint32_t(selected_);
        const Sensor& s = d.sensors[si];
        const int32_t primary = d.primarySeries[si];
        const Series* series = primary >= 0 ? &d.series[size_t(primary)] : nullptr;
        const float now = series ? sampleSeries(d, uint32_t(primary), t) : NAN;
        const ValueText value = valueText(s, now, series);
        const std::string& shown = name(s);
        const std::string& other = korean ? s.nameEn : s.nameKo;
        Json card = {{"id", s.id}, {"name", shown}, {"otherName", other == shown ? "" : other},
                     {"type", sensorTypeInfo(s.type).name},
                     {"metric", series ? series->metric : ""},
                     {"value", value.say.key.empty() ? Json{{"text", value.text}} : uiTextJson(value.say)},
                     {"alert", isAlert(content_->glyphStyles[si], now) || alarmActive(d, si, t)}};
        Json readings = Json::array();
        for (size_t k = 0; k < d.series.size(); ++k) {
            if (d.series[k].sensor != si || int32_t(k) == primary) continue;
            auto [text, unit] = readingText(d.series[k], sampleSeries(d, uint32_t(k), t));
            readings.push_back({{"metric", d.series[k].metric}, {"value", text}, {"unit", unit}});
        }
        card["readings"] = readings;
        Json attributes = Json::array();
        for (const auto& [key, text] : s.attributes) attributes.push_back({key, text});
        card["attributes"] = attributes;
        // What its data gets wrong: the first three issues, as the card shows them, and how many more.
        Json issues = Json::array();
        int more = 0;
        for (const QualityIssue& q : content_->quality.issues) {
            if (q.sensor != si) continue;
            if (issues.size() == 3) { ++more; continue; }
            char v[24];
            std::snprintf(v, sizeof v, "%g", double(q.value));
            issues.push_back({{"kind", qualityKindName(q.kind)}, {"metric", d.series[q.series].metric},
                              {"fromMs", q.fromMs}, {"toMs", q.toMs}, {"value", v}});
        }
        card["quality"] = {{"issues", issues}, {"more", more}};
        if (series && series->levels.empty()) {
            DayStats st = seriesStats(d, uint32_t(primary), dayStart, d.nextLocalDayStartMs(t) - 1);
            if (st.count) card["day"] = {{"min", oneDecimal(st.min)}, {"mean", oneDecimal(st.mean)}, {"max", oneDecimal(st.max)}};
        }
        Json own = Json::array();
        for (size_t i = first; i < last; ++i)
            if (d.events[i].sensor == si) own.push_back({{"index", i}, {"timeMs", d.events[i].timeMs}, {"clock", clockAt(d.events[i].timeMs)},
                            {"kind", d.events[i].kind}});
        card["events"] = own;
        twin["card"] = std::move(card);
    }
    j["twin"] = std::move(twin);
}

}  // namespace bk
