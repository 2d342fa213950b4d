// panel_facts.cpp — the KPI tiles, readings with units and grouped counts, language-free (panel_facts.hpp).
#include "panel_facts.hpp"

#include "number_signs.hpp"

#include <cmath>
#include <cstdio>

namespace bk {

namespace {

using Tone = KpiTile::Tone;

// PM2.5's Korean bands: good, moderate, bad, very bad.
Tone pm25Tone(double v) { return v < 0 ? Tone::ink : v <= 15 ? Tone::blue : v <= 35 ? Tone::green : v <= 75 ? Tone::orange : Tone::red; }

Tone levelTone(std::string level) {
    for (char& c : level) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (level == "red") return Tone::red;
    if (level == "orange" || level == "yellow") return Tone::orange;
    if (level == "green") return Tone::green;
    return Tone::ink;
}

// The levels of the bins' fill (the first bin's driving series: the KPI index checked that they agree).
const std::vector<std::string>& binLevelNames(const Dataset& d) {
    static const std::vector<std::string> none;
    for (size_t i = 0; i < d.sensors.size(); ++i)
        if (d.sensors[i].type == SensorType::bin && d.primarySeries[i] >= 0 && !d.series[size_t(d.primarySeries[i])].levels.empty())
            return d.series[size_t(d.primarySeries[i])].levels;
    return none;
}

std::string whole(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return localNumber(buf);
}

}  // namespace

const char* toneName(Tone tone) {
    switch (tone) {
        case Tone::blue: return "blue";
        case Tone::green: return "green";
        case Tone::orange: return "orange";
        case Tone::red: return "red";
        default: return "ink";
    }
}

std::vector<KpiTile> kpiTiles(const Kpis& k, const Dataset& d) {
    std::vector<KpiTile> tiles;
    auto add = [&](std::string value, const char* key, Tone tone) { tiles.push_back({std::move(value), {key, {}}, tone}); };
    auto warnIf = [](bool on, Tone tone) { return on ? tone : Tone::ink; };
    if (k.binsTotal) {
        if (k.binLevelCount) {  // levels: the share of bins at each, in the level's own colour
            const std::vector<std::string>& levels = binLevelNames(d);
            for (int level = 0; level < k.binLevelCount && level < int(levels.size()); ++level) {
                const std::string& name = levels[size_t(level)];
                tiles.push_back({whole(100.0 * k.binsAtLevel[level] / k.binsTotal) + "%", {"kpi.binsAtLevel", {{"level", name}}},
                                 levelTone(name)});
            }
        } else {
            add(formatCount(k.binsOver80) + "/" + formatCount(k.binsTotal), "kpi.binsOver80", warnIf(k.binsOver80, Tone::orange));
        }
        if (k.fromReadings) add(formatCount(k.binsFullToday), "kpi.binsFullToday", warnIf(k.binsFullToday, Tone::red));
        else add(std::to_string(k.overflowsToday), "kpi.overflows", warnIf(k.overflowsToday, Tone::red));
    }
    if (k.parkingOccupancyPct >= 0)
        add(whole(k.parkingOccupancyPct) + "%", "kpi.parking", warnIf(k.parkingOccupancyPct >= 95, Tone::orange));
    if (k.parkingSensors && !k.fromReadings) add(std::to_string(k.illegalStopsToday), "kpi.illegalStops", Tone::ink);
    if (k.noiseSensors && k.fromReadings) {
        if (k.noiseMaxToday >= 0) add(whole(k.noiseMaxToday), "kpi.noiseMax", warnIf(k.noiseMaxToday > 65, Tone::orange));
        add(formatCount(k.noiseHoursOverToday), "kpi.noiseHours", warnIf(k.noiseHoursOverToday, Tone::orange));
    } else if (k.noiseSensors) {
        add(std::to_string(k.noiseViolationsToday), "kpi.noise", Tone::ink);
    }
    if (k.pm25MaxToday >= 0) {
        add(whole(k.pm25MaxToday), "kpi.pm25", pm25Tone(k.pm25MaxToday));
        if (k.airHoursOverToday >= 0) add(formatCount(k.airHoursOverToday), "kpi.airHours", warnIf(k.airHoursOverToday, Tone::orange));
    } else if (k.pm10MaxToday >= 0) {
        add(whole(k.pm10MaxToday), "kpi.pm10", pm25Tone(k.pm10MaxToday / 2));  // PM10's bands are about twice PM2.5's
    }
    if (k.fireSensors) add(std::to_string(k.activeAlarms), "kpi.alarms", warnIf(k.activeAlarms, Tone::red));
    if (k.binsTotal && (!k.fromReadings || k.collectionsCounted))  // a bin log's emptyings are its collections
        add(std::to_string(k.collectionsToday), "kpi.collections", Tone::ink);
    return tiles;
}

bool isBukchonData(const std::string& mapName, const std::string& datasetTitle) {
    return mapName.find("Bukchon") != std::string::npos || datasetTitle.find("Bukchon") != std::string::npos;
}

ValueText valueText(const Sensor& s, float v, const Series* series) {
    if (std::isnan(v)) return {"", {"value.noData", {}}};
    // Categorical readings show their level's name ("YELLOW"), not its index.
    if (series && !series->levels.empty()) {
        long i = std::lround(v);
        if (i >= 0 && size_t(i) < series->levels.size()) return {series->levels[size_t(i)], {}};
    }
    const SensorTypeInfo& info = sensorTypeInfo(s.type);
    // The driving series' own unit first: after a metric switch the sensor's unit is another metric's.
    const std::string unit = series && !series->unit.empty() ? series->unit : s.unit.empty() ? info.unit : s.unit;
    if (s.type == SensorType::parking && s.capacity > 0) return {"", {"value.spaces", {{"value", whole(v)}, {"capacity", whole(s.capacity)}}}};
    if (s.type == SensorType::parking) return {"", {"value.stopped", {{"value", whole(v)}}}};
    char buf[48];
    const bool noDecimals = s.type == SensorType::bin || s.type == SensorType::footfall || std::fabs(v) >= 1000;
    std::snprintf(buf, sizeof buf, noDecimals ? "%.0f" : "%.1f", v);
    return {localNumber(buf) + (unit.empty() ? "" : " " + unit), {}};
}

std::pair<std::string, std::string> readingText(const Series& series, float v) {
    char value[32];
    bool wholeNumber = std::fabs(v - std::round(v)) < 1e-4;  // counts read as counts: "8", not "8.0"
    if (std::isnan(v)) std::snprintf(value, sizeof value, "–");
    else if (!series.levels.empty() && std::lround(v) >= 0 && size_t(std::lround(v)) < series.levels.size())
        std::snprintf(value, sizeof value, "%s", series.levels[size_t(std::lround(v))].c_str());
    else std::snprintf(value, sizeof value, wholeNumber || std::fabs(v) >= 100 ? "%.0f" : "%.1f", v);
    return {localNumber(value), series.unit == "count" ? "" : series.unit};  // counts need no unit word
}

std::string formatCount(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return localNumber(n < 0 ? "-" + out : out);
}

}  // namespace bk
