// quantity.cpp — the quantity table and its recognition from names (English, Korean), units and levels.
#include "quantity.hpp"

#include <algorithm>

namespace bk {

namespace {
// Scales follow the Bukchon types (sensors.cpp); physical ranges are what an instrument can report at all.
const QuantityInfo kQuantities[kQuantityCount] = {
    {Quantity::none, "none", SensorType::other, "", 0, 100, -1e30, 1e30, 99},
    {Quantity::pm25, "pm25", SensorType::air, "µg/m³", 0, 75, 0, 2000, 0},
    {Quantity::pm10, "pm10", SensorType::air, "µg/m³", 0, 150, 0, 5000, 1},
    {Quantity::noise, "noise", SensorType::noise, "dB", 35, 85, 0, 194, 2},
    {Quantity::fill, "fill", SensorType::bin, "%", 0, 100, 0, 100, 3},
    {Quantity::occupancy, "occupied", SensorType::parking, "spaces", 0, 20, 0, 1e6, 4},
    {Quantity::footfall, "footfall", SensorType::footfall, "people/h", 0, 1500, 0, 1e7, 5},
    {Quantity::temperature, "temperature", SensorType::other, "°C", -10, 40, -90, 150, 6},
    {Quantity::humidity, "humidity", SensorType::other, "%", 0, 100, 0, 100, 7},
};

// Lower-case ASCII without spaces, separators, dots or a bracketed part: "PM2.5 (µg/m³)" → "pm25".
std::string squash(std::string_view s) {
    std::string out;
    int depth = 0;
    for (char c : s) {
        if (c == '(' || c == '[') ++depth;
        else if (c == ')' || c == ']') depth = depth > 0 ? depth - 1 : 0;
        else if (depth > 0 || c == ' ' || c == '_' || c == '-' || c == '.' || c == '/' || c == ',') continue;
        else out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    return out;
}

bool in(const std::string& n, std::initializer_list<const char*> names) {
    return std::any_of(names.begin(), names.end(), [&](const char* x) { return n == x; });
}
bool has(const std::string& n, std::initializer_list<const char*> parts) {
    return std::any_of(parts.begin(), parts.end(), [&](const char* x) { return n.find(x) != std::string::npos; });
}
std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}
}  // namespace

const QuantityInfo& quantityInfo(Quantity q) { return kQuantities[static_cast<int>(q)]; }

std::optional<Quantity> quantityFromFlag(std::string_view name) {
    if (name == "occupancy") return Quantity::occupancy;
    for (const QuantityInfo& q : kQuantities) if (name == q.metric) return q.quantity;
    return std::nullopt;
}

Quantity quantityOfMetric(std::string_view metric) {
    auto q = quantityFromFlag(metric);
    return q && metric != "occupancy" ? *q : Quantity::none;
}

QuantityMatch detectQuantity(std::string_view metric, std::string_view unit, const std::vector<std::string>& levels) {
    const std::string n = squash(metric), u = squash(unit), full = lowered(metric);
    auto by = [](Quantity q, const char* how) { return QuantityMatch{q, how}; };
    // Names first: they say what was measured; a unit only says in what.
    if (in(n, {"pm25", "pm2,5", "pm2p5", "초미세먼지", "finedust", "fineparticles", "finepm"}) || has(n, {"pm25", "초미세먼지"}))
        return by(Quantity::pm25, "name");
    if (in(n, {"pm10", "미세먼지", "dust", "coarsedust"}) || has(n, {"pm10"})) return by(Quantity::pm10, "name");
    if (in(n, {"noise", "noiselevel", "sound", "soundlevel", "laeq", "leq", "dba", "db", "소음", "소음도", "소음레벨"}))
        return by(Quantity::noise, "name");
    if (in(n, {"fill", "filllevel", "fillpct", "fillpercent", "fillrate", "fullness", "binfill", "binlevel", "적재량",
               "적재율", "채움률", "충전율"}))
        return by(Quantity::fill, "name");
    if (in(n, {"occupied", "occupancy", "occupiedspaces", "parked", "주차대수", "점유", "점유율", "주차면점유"}))
        return by(Quantity::occupancy, "name");
    if (in(n, {"footfall", "pedestrians", "people", "peoplecount", "persons", "visitors", "visitorcount", "visits",
               "passersby", "유동인구", "보행량", "보행자수", "방문자", "방문자수", "방문객", "인원", "인원수"}))
        return by(Quantity::footfall, "name");
    if (in(n, {"temperature", "temp", "airtemperature", "기온", "온도"})) return by(Quantity::temperature, "name");
    if (in(n, {"humidity", "relativehumidity", "rh", "습도", "상대습도"})) return by(Quantity::humidity, "name");
    // Units: µg/m³ (also ㎍/㎥, ug/m3) says particles, and the name's 2.5 or 10 which; dB is sound; °C temperature.
    bool micrograms = has(u, {"µg", "μg", "ug", "㎍", "mcg"});
    if (micrograms && (full.find("2.5") != std::string::npos || n.find("25") != std::string::npos))
        return by(Quantity::pm25, "unit");
    if (micrograms && n.find("10") != std::string::npos) return by(Quantity::pm10, "unit");
    if (in(u, {"db", "dba", "db(a)", "dbc", "데시벨"})) return by(Quantity::noise, "unit");
    if (in(u, {"°c", "℃", "degc", "celsius"})) return by(Quantity::temperature, "unit");
    if (in(u, {"%rh", "rh%", "rh"})) return by(Quantity::humidity, "unit");
    // Levels: traffic-light levels on a fill or status column are a bin's; free/occupied is a parking space.
    if (!levels.empty()) {
        auto allIn = [&](std::initializer_list<const char*> vocabulary) {
            return std::all_of(levels.begin(), levels.end(), [&](const std::string& l) { return in(lowered(l), vocabulary); });
        };
        if (allIn({"green", "yellow", "orange", "red"}) &&
            (has(n, {"fill", "full", "level", "bin", "status", "state", "적재", "상태"}) || n.empty()))
            return by(Quantity::fill, "levels");
        if (allIn({"free", "vacant", "occupied", "빈자리", "주차"})) return by(Quantity::occupancy, "levels");
    }
    return {};
}

}  // namespace bk
