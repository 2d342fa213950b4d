// filters.cpp — the filter text form (parse, canonical format), clause evaluation, the per-dataset plan, presets.
#include "filters.hpp"

#include "text_form.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace bk {

const char* pmBandName(int band) {
    static const char* const kNames[] = {"good", "moderate", "bad", "verybad"};
    return band >= 0 && band < 4 ? kNames[band] : "";
}

const char* filterLayerName(int layer) {
    return layer < 0 ? "*" : sensorTypeInfo(SensorType(layer)).name;
}

namespace {

using text_form::formatNumber;
using text_form::parseNumber;
using text_form::quoted;
using text_form::trim;

int bandOf(std::string_view word) {
    static const std::pair<const char*, int> kWords[] = {
        {"good", 0}, {"moderate", 1}, {"bad", 2}, {"verybad", 3}, {"very_bad", 3},
        {"좋음", 0}, {"보통", 1}, {"나쁨", 2}, {"매우나쁨", 3}};
    for (const auto& [name, band] : kWords)
        if (word == name) return band;
    return -1;
}

const char* opText(FilterOp op) {
    switch (op) {
        case FilterOp::ge: return ">=";
        case FilterOp::gt: return ">";
        case FilterOp::le: return "<=";
        case FilterOp::lt: return "<";
        default: return "=";
    }
}

const std::string& layerChoices() {
    static const std::string list = [] {
        std::string l;
        for (int t = 0; t < kSensorTypeCount; ++t) l += std::string(t ? ", " : "") + sensorTypeInfo(SensorType(t)).name;
        return l + ", or * for every type";
    }();
    return list;
}

// One clause, or the reason it is not one (without the "clause k" prefix).
std::string parseClause(std::string_view text, FilterClause& c) {
    size_t colon = text.find(':');
    if (colon == std::string_view::npos)
        return "expected layer:condition such as bin:fill>=80 (layers: " + layerChoices() + ")";
    std::string_view layer = trim(text.substr(0, colon)), cond = trim(text.substr(colon + 1));
    c.layer = -2;
    if (layer == "*") c.layer = -1;
    for (int t = 0; t < kSensorTypeCount; ++t)
        if (layer == sensorTypeInfo(SensorType(t)).name) c.layer = t;
    if (c.layer == -2) return "unknown layer " + quoted(layer) + "; layers are " + layerChoices();
    if (cond == "alert") {
        c.op = FilterOp::alert;
        return "";
    }
    if (cond == "hide") {
        if (c.layer < 0) return "*:hide would hide every sensor; hide one layer, e.g. parking:hide";
        c.op = FilterOp::hide;
        return "";
    }
    size_t at = cond.find_first_of("<>=");
    if (at == std::string_view::npos)
        return "expected a condition after the layer: metric>=number, metric=low..high, a PM band (pm25>=bad), alert "
               "or hide, got " + quoted(cond);
    std::string_view metric = trim(cond.substr(0, at));
    if (metric.empty()) return "expected a metric name (fill, noise, pm25 …) before " + quoted(cond.substr(at, 2));
    if (metric.size() > 128) return "a metric name has at most 128 bytes";
    for (char ch : metric)
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F || ch == ':') return "metric " + quoted(metric) + " has a character a metric name cannot have";
    c.metric = std::string(metric);
    std::string_view rest = cond.substr(at);
    std::string_view op = rest.substr(0, rest.size() > 1 && rest[1] == '=' && rest[0] != '=' ? 2 : 1);
    c.op = op == ">=" ? FilterOp::ge : op == ">" ? FilterOp::gt : op == "<=" ? FilterOp::le : op == "<" ? FilterOp::lt
                                                                                          : FilterOp::eq;
    std::string_view operand = trim(rest.substr(op.size()));
    const std::string expected = std::string("expected a number") + (c.op == FilterOp::eq ? ", a range low..high" : "") +
                                 " or a PM band (good, moderate, bad, verybad) after " + std::string(op) + ", got " +
                                 (operand.empty() ? std::string("nothing") : quoted(operand));
    if (operand.empty()) return expected;
    size_t dots = operand.find("..");
    if (c.op == FilterOp::eq && dots != std::string_view::npos) {
        if (!parseNumber(operand.substr(0, dots), c.value) || !parseNumber(operand.substr(dots + 2), c.upTo))
            return "expected a range of two numbers such as 20..80, got " + quoted(operand);
        if (c.value > c.upTo)
            return "range " + quoted(operand) + " goes down: write the lower number first (" + formatNumber(c.upTo) +
                   ".." + formatNumber(c.value) + ")";
        c.op = FilterOp::range;
        return "";
    }
    if (parseNumber(operand, c.value)) return "";
    c.band = bandOf(operand);
    if (c.band < 0) return expected;
    if (c.metric != "pm25" && c.metric != "pm10")
        return "the PM bands (good, moderate, bad, verybad) are for pm25 and pm10, not " + quoted(c.metric) +
               "; give a number instead";
    c.value = c.band;
    return "";
}

}  // namespace

FilterParse parseFilters(std::string_view text) {
    FilterParse out;
    if (text.size() > kMaxFilterTextBytes) {
        out.error = "filter is " + std::to_string(text.size()) + " bytes, more than the " +
                    std::to_string(kMaxFilterTextBytes) + " allowed";
        return out;
    }
    size_t index = 0;
    while (!text.empty()) {
        size_t comma = text.find(',');
        std::string_view piece = trim(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        if (piece.empty()) continue;
        ++index;
        FilterClause c;
        std::string why = parseClause(piece, c);
        if (!why.empty()) {
            out.error = "clause " + std::to_string(index) + " " + quoted(piece) + ": " + why;
            out.filters = {};
            return out;
        }
        bool repeated = false;
        for (const FilterClause& seen : out.filters.clauses) repeated = repeated || seen == c;
        if (!repeated) out.filters.clauses.push_back(std::move(c));
        if (out.filters.clauses.size() > kMaxFilterClauses) {
            out.error = "more than " + std::to_string(kMaxFilterClauses) + " clauses";
            out.filters = {};
            return out;
        }
    }
    return out;
}

std::string formatClause(const FilterClause& c) {
    std::string out = std::string(filterLayerName(c.layer)) + ":";
    if (c.op == FilterOp::alert) return out + "alert";
    if (c.op == FilterOp::hide) return out + "hide";
    out += c.metric;
    if (c.op == FilterOp::range) return out + "=" + formatNumber(c.value) + ".." + formatNumber(c.upTo);
    return out + opText(c.op) + (c.band >= 0 ? std::string(pmBandName(c.band)) : formatNumber(c.value));
}

std::string formatFilters(const FilterSet& f) {
    std::string out;
    for (const FilterClause& c : f.clauses) out += (out.empty() ? "" : ",") + formatClause(c);
    return out;
}

bool clausePasses(const FilterClause& c, const GlyphStyle& style, float value) {
    if (c.op == FilterOp::hide) return false;
    if (c.op == FilterOp::alert) return isAlert(style, value);
    if (std::isnan(value)) return false;
    double v = c.band >= 0 ? double(koreanPmBand(c.metric == "pm10", value)) : double(value);
    switch (c.op) {
        case FilterOp::ge: return v >= c.value;
        case FilterOp::gt: return v > c.value;
        case FilterOp::le: return v <= c.value;
        case FilterOp::lt: return v < c.value;
        case FilterOp::eq: return v == c.value;
        case FilterOp::range: return v >= c.value && v <= c.upTo;
        default: return false;
    }
}

FilterPlan::FilterPlan(const Dataset& d, const FilterSet& filters) : filters_(filters) {
    const size_t n = d.sensors.size();
    for (const FilterClause& c : filters_.clauses) {
        std::vector<int32_t> of(n, -2);
        size_t concerned = 0, withMetric = 0;
        for (size_t i = 0; i < n; ++i)
            if (c.layer < 0 || int(d.sensors[i].type) == c.layer) of[i] = -1, ++concerned;
        const bool valueClause = c.op != FilterOp::alert && c.op != FilterOp::hide;
        if (valueClause)
            for (size_t k = 0; k < d.series.size(); ++k) {
                const Series& s = d.series[k];
                int32_t& slot = of[s.sensor];
                if (s.metric != c.metric || slot == -2) continue;
                // The driving series when it holds the metric: its value is the frame's, no second sampling.
                if (slot != -1 && d.primarySeries[s.sensor] != int32_t(k)) continue;
                if (slot == -1) ++withMetric;
                slot = int32_t(k);
            }
        std::string note;
        const std::string who = c.layer < 0 ? std::string("sensor") : std::string(filterLayerName(c.layer)) + " sensor";
        if (concerned == 0) note = "no " + who + " in this data";
        else if (valueClause && withMetric == 0) note = "no " + who + " has " + quoted(c.metric) + ": this hides them all";
        else if (c.op == FilterOp::alert && (c.layer == int(SensorType::parking) || c.layer == int(SensorType::footfall)))
            note = std::string(filterLayerName(c.layer)) + " sensors have no alert: this hides them all";
        seriesOf_.push_back(std::move(of));
        notes_.push_back(std::move(note));
    }
}

size_t FilterPlan::evaluate(const Dataset& d, const std::vector<GlyphStyle>& styles, const std::vector<float>& primary,
                            Sampler& sampler, int64_t t, std::vector<uint8_t>& pass) const {
    const size_t n = d.sensors.size();
    pass.assign(n, 1);
    if (styles.size() != n || primary.size() != n) return n;
    for (size_t k = 0; k < filters_.clauses.size(); ++k) {
        const FilterClause& c = filters_.clauses[k];
        const std::vector<int32_t>& of = seriesOf_[k];
        const bool valueClause = c.op != FilterOp::alert && c.op != FilterOp::hide;
        for (size_t i = 0; i < n; ++i) {
            if (!pass[i] || of[i] == -2) continue;
            float v = primary[i];
            if (valueClause) {
                if (of[i] < 0) {
                    pass[i] = 0;
                    continue;
                }
                if (d.primarySeries[i] != of[i]) v = sampler.valueAt(uint32_t(of[i]), t);
            }
            pass[i] = clausePasses(c, styles[i], v);
        }
    }
    size_t passing = 0;
    for (uint8_t p : pass) passing += p;
    return passing;
}

std::vector<FilterPreset> filterPresets(const Dataset& d, SensorType type) {
    auto has = [&](const char* metric) {
        for (const Series& s : d.series)
            if (s.metric == metric && d.sensors[s.sensor].type == type) return true;
        return false;
    };
    std::vector<FilterPreset> out;
    switch (type) {
        case SensorType::bin:
            if (has("fill")) out.push_back({"bin:fill>=80", "filter.preset.fill80"});
            out.push_back({"bin:alert", "filter.preset.alert"});
            break;
        case SensorType::noise:
            if (has("noise")) out.push_back({"noise:noise>55", "filter.preset.noise55"});
            out.push_back({"noise:alert", "filter.preset.alert"});
            break;
        case SensorType::air:
            if (has("pm25")) out.push_back({"air:pm25>=bad", "filter.preset.pm25bad"});
            if (has("pm10")) out.push_back({"air:pm10>=bad", "filter.preset.pm10bad"});
            out.push_back({"air:alert", "filter.preset.alert"});
            break;
        case SensorType::fire: out.push_back({"fire:alert", "filter.preset.alert"}); break;
        default: break;
    }
    static const char* const kHide[] = {"bin:hide", "parking:hide", "noise:hide", "footfall:hide",
                                        "air:hide", "fire:hide", "other:hide"};
    out.push_back({kHide[int(type)], "filter.preset.hide"});
    return out;
}

}  // namespace bk
