// import_columns.cpp — the importer's text helpers and column roles: cells (trim, numbers with units, missing values),
// which header names mean time, id, lat, …, the metrics the viewer knows, and the order of categorical levels.
#include "import_columns.hpp"

#include "time_parse.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <initializer_list>

namespace bk::importer_detail {

// ---- [1] text helpers -------------------------------------------------------------------------------------------

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

std::string normalizeName(std::string_view name) {
    name = trim(name);
    size_t paren = name.find_first_of("([");
    if (paren != std::string_view::npos && paren > 0) name = trim(name.substr(0, paren));
    std::string out;
    for (char c : name) {
        if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '/') continue;
        out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    return out;
}

namespace {
// After a comma, only what reads as a unit is one ("noise, dB", "PM2.5, µg/m³"); "Temperature, outside" is a name.
bool looksLikeUnit(std::string_view u) {
    static const char* const kUnits[] = {"db", "dba", "dbc", "ppm", "ppb", "lux", "lx", "hpa", "kpa", "pa", "mm", "cm",
                                         "m", "km", "kg", "g", "s", "ms", "min", "h", "kwh", "kw", "w", "v", "a", "c",
                                         "f", "k", "pct", "percent", "count", "ugm3"};
    if (u.empty() || u.size() > 16 || u.find(' ') != std::string_view::npos) return false;
    for (unsigned char c : u)
        if (c == '%' || c == '/' || c >= 0x80 || (c >= '0' && c <= '9')) return true;  // %, µg/m³, °C, m3
    const std::string l = lower(u);
    for (const char* k : kUnits)
        if (l == k) return true;
    return false;
}
}  // namespace

std::string plainUnit(std::string_view unit) {
    static const std::pair<std::string_view, std::string_view> kSigns[] = {
        {"\u338D", "\u00B5g"}, {"\u338E", "mg"}, {"\u33A5", "m\u00B3"}, {"\u2103", "\u00B0C"}, {"\u33C8", "dB"},
        {"\uFF05", "%"},       {"\u339C", "mm"}, {"\u339D", "cm"},       {"\u339E", "km"},
    };
    std::string out(trim(unit));
    for (const auto& [sign, plain] : kSigns)
        for (size_t at = out.find(sign); at != std::string::npos; at = out.find(sign, at + plain.size()))
            out.replace(at, sign.size(), plain);
    return out;
}

void splitUnit(std::string_view header, std::string& name, std::string& unit) {
    header = trim(header);
    name = std::string(header);
    unit.clear();
    if (header.empty()) return;
    // A trailing group in brackets is the unit; what comes before it, qualifiers in brackets included, is the name:
    // "진동(x) (g)" → "진동(x)", "g". The group's opening bracket is found by its depth, so "a (b (c))" → "a", "b (c)".
    const char close = header.back();
    if (close == ')' || close == ']') {
        const char open = close == ')' ? '(' : '[';
        int depth = 0;
        for (size_t i = header.size(); i-- > 0;) {
            if (header[i] == close) ++depth;
            else if (header[i] == open && --depth == 0) {
                std::string_view before = trim(header.substr(0, i));
                if (!before.empty()) {
                    name = std::string(before);
                    unit = std::string(trim(header.substr(i + 1, header.size() - i - 2)));
                }
                return;
            }
        }
        return;
    }
    size_t comma = header.rfind(',');
    if (comma != std::string_view::npos && comma > 0) {
        std::string_view after = trim(header.substr(comma + 1)), before = trim(header.substr(0, comma));
        if (!before.empty() && looksLikeUnit(after)) {
            name = std::string(before);
            unit = std::string(after);
        }
        return;
    }
    // A unit symbol after a space or right after the name: "fill %", "fill%", "noise dB", "PM2.5 µg/m³", "temp °C".
    // Only symbols and dB: a trailing number ("PM 2.5") or word stays in the name.
    size_t space = header.rfind(' ');
    std::string_view last = space == std::string_view::npos ? std::string_view() : header.substr(space + 1);
    const std::string l = lower(last);
    const bool symbol = !last.empty() && (last.find('%') != std::string_view::npos || last.find('/') != std::string_view::npos ||
                                          last.substr(0, 2) == "\xC2\xB0" || l == "db" || l == "dba");
    if (symbol && !trim(header.substr(0, space)).empty()) {
        name = std::string(trim(header.substr(0, space)));
        unit = std::string(last);
    } else if (header.size() > 1 && header.back() == '%') {
        name = std::string(trim(header.substr(0, header.size() - 1)));
        unit = "%";
    }
}

std::string shorten(std::string_view s, size_t max) {
    if (s.size() <= max) return std::string(s);
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
    return std::string(s.substr(0, cut)) + "…";
}

bool isMissing(std::string_view v) {
    if (v.empty()) return true;
    std::string l = lower(v);
    return l == "na" || l == "n/a" || l == "nan" || l == "null" || l == "none" || l == "-" || l == "--" || l == "?";
}

std::optional<double> parseNumber(std::string_view v, std::string* unitOut) {
    v = trim(v);
    if (v.empty() || v.size() > 60) return std::nullopt;
    char buf[64];
    std::memcpy(buf, v.data(), v.size());
    buf[v.size()] = 0;
    const char* first = buf;
    if (!((*first >= '0' && *first <= '9') || *first == '-' || *first == '+' || *first == '.')) return std::nullopt;
    // strtod would read hex floats ("0x1p3"); sensor logs never mean those. (NaN/inf are refused below.)
    if (v.find_first_of("xX") != std::string_view::npos) return std::nullopt;
    char* end = nullptr;
    double d = std::strtod(buf, &end);
    if (end == buf || !std::isfinite(d)) return std::nullopt;
    std::string_view rest = trim(std::string_view(end));
    if (!rest.empty()) {
        // Only a unit may follow: letters, %, °, µ/³/² (UTF-8), '/'.
        for (unsigned char c : rest)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%' || c == '/' || c >= 0x80)) return std::nullopt;
        if (unitOut) *unitOut = std::string(rest);
    }
    if (std::fabs(d) > 3.0e38) return std::nullopt;
    return d;
}

namespace {
bool nameIn(const std::string& n, std::initializer_list<const char*> names) {
    for (const char* x : names) if (n == x) return true;
    return false;
}
}  // namespace

// ---- [2] column roles -------------------------------------------------------------------------------------------

Role roleFromName(std::string_view header) {
    std::string n = normalizeName(header);
    if (nameIn(n, {"lat", "latitude", "위도", "gpslat", "y좌표"})) return Role::lat;
    if (nameIn(n, {"lon", "lng", "long", "longitude", "경도", "gpslon", "gpslng", "x좌표"})) return Role::lon;
    if (nameIn(n, {"id", "sensorid", "sensor", "deviceid", "device", "serial", "serialno", "serialnumber", "sn", "시리얼",
                   "시리얼번호", "센서id", "센서번호", "기기id", "기기번호", "장비번호", "장비id", "장치id", "stationid",
                   "station", "nodeid", "node", "siteid", "site", "binid", "uid"}))
        return Role::id;
    if (nameIn(n, {"name", "sitename", "location", "place", "이름", "명칭", "장소", "위치", "설치장소", "설치위치", "측정소",
                   "측정소명", "stationname", "devicename", "sensorname"}))
        return Role::name;
    if (nameIn(n, {"metric", "variable", "parameter", "measure", "measurement", "quantity", "항목", "측정항목"}))
        return Role::metric;
    if (nameIn(n, {"value", "reading", "val", "값", "측정값"})) return Role::value;
    if (nameIn(n, {"type", "sensortype", "kind", "category", "종류", "유형", "센서종류"})) return Role::type;
    if (nameIn(n, {"unit", "units", "단위"})) return Role::unit;
    if (looksLikeTimeColumnName(header)) return Role::time;
    return Role::none;
}

namespace {
// Ordered vocabularies for categorical values (compared in lower case): the first list holding every level wins.
const std::vector<std::vector<const char*>>& knownOrders() {
    static const std::vector<std::vector<const char*>> orders = {
        {"green", "yellow", "orange", "red"},
        {"good", "moderate", "unhealthy", "very unhealthy", "hazardous"},
        {"good", "moderate", "bad", "very bad"},
        {"좋음", "보통", "나쁨", "매우나쁨"},
        {"좋음", "보통", "나쁨", "매우 나쁨"},
        {"low", "medium", "high", "critical"},
        {"normal", "warning", "alarm"},
        {"normal", "warning", "critical"},
        {"ok", "warning", "alarm"},
        {"정상", "주의", "경고", "위험"},
        {"empty", "half", "full"},
        {"free", "occupied"},
        {"vacant", "occupied"},
        {"off", "on"},
        {"false", "true"},
        {"no", "yes"},
        {"closed", "open"},
        {"빈자리", "주차"},
    };
    return orders;
}
}  // namespace

std::vector<std::string> orderLevels(const std::vector<std::string>& seen) {
    for (const auto& order : knownOrders()) {
        bool all = true;
        for (const std::string& s : seen) {
            std::string l = lower(s);
            if (std::none_of(order.begin(), order.end(), [&](const char* o) { return l == o; })) { all = false; break; }
        }
        if (!all) continue;
        std::vector<std::string> out;
        for (const char* o : order)
            for (const std::string& s : seen) if (lower(s) == o) out.push_back(s);
        return out;
    }
    std::vector<std::string> out = seen;
    std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return lower(a) < lower(b); });
    return out;
}

std::string firstFew(const std::vector<std::string>& names, size_t total, size_t shown) {
    std::string list;
    for (size_t i = 0; i < names.size() && i < shown; ++i) list += (i ? ", " : "") + names[i];
    const size_t listed = std::min(names.size(), shown);
    if (total > listed) list += " and " + std::to_string(total - listed) + " more";
    return list;
}

}  // namespace bk::importer_detail
