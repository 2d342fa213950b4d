// launch_params.cpp — URL query → viewer options: form-urlencoded decoding, one rule per parameter, the JSON out.
//
// [1] decoding (URLSearchParams' algorithm)   [2] origins for parents=   [3] one rule per parameter
// [4] parseLaunchParams                        [5] JSON
#include "launch_params.hpp"

#include "event_rules.hpp"
#include "filters.hpp"
#include "param_rules.hpp"
#include "text_decode.hpp"
#include "time_util.hpp"
#include "time_zone.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace bk {

using rules::showText;

// ---- [1] decoding -----------------------------------------------------------------------------------------------

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// '+' → space and %XX → byte in one pass (the standard does '+' first, so "%2B" still gives '+').
std::string percentDecode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// The WHATWG Encoding standard's UTF-8 decoder (without BOM handling: a BOM stays): one U+FFFD per maximal ill-formed
// subsequence, and the byte that breaks a sequence is read again as the start of the next one. Browsers, ICU and
// Python's "replace" agree on this, so "%F0%9F%98" and "%E2%82%28" give the same text here and in URLSearchParams.
std::string utf8Decode(std::string_view bytes) {
    static const char kReplacement[] = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(bytes.size());
    size_t i = 0, n = bytes.size();
    auto at = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
    while (i < n) {
        unsigned char b = at(i);
        if (b < 0x80) {
            out += static_cast<char>(b);
            ++i;
            continue;
        }
        size_t need;
        unsigned char lower = 0x80, upper = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            if (b == 0xE0) lower = 0xA0;  // overlong
            if (b == 0xED) upper = 0x9F;  // surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            if (b == 0xF0) lower = 0x90;  // overlong
            if (b == 0xF4) upper = 0x8F;  // above U+10FFFF
        } else {
            out += kReplacement;
            ++i;
            continue;
        }
        size_t j = i + 1, seen = 0;
        while (seen < need && j < n && at(j) >= lower && at(j) <= upper) {
            lower = 0x80, upper = 0xBF;
            ++j, ++seen;
        }
        if (seen == need) out.append(bytes.data() + i, need + 1);
        else out += kReplacement;
        i = j;
    }
    return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> decodeQuery(std::string_view query) {
    std::vector<std::pair<std::string, std::string>> pairs;
    if (!query.empty() && query.front() == '?') query.remove_prefix(1);
    while (!query.empty()) {
        size_t amp = query.find('&');
        std::string_view piece = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (piece.empty()) continue;
        size_t eq = piece.find('=');
        std::string_view name = piece.substr(0, eq);
        std::string_view value = eq == std::string_view::npos ? std::string_view() : piece.substr(eq + 1);
        pairs.emplace_back(utf8Decode(percentDecode(name)), utf8Decode(percentDecode(value)));
    }
    return pairs;
}

// ---- [2] origins for parents= -----------------------------------------------------------------------------------
// What a browser puts in MessageEvent.origin, so the lead's equality check works: scheme and host in lower case, the
// default port (80 for http, 443 for https) left out.

namespace {

std::optional<std::string> serializedOrigin(std::string_view s) {
    std::string scheme;
    if (startsWithNoCase(s, "http://")) scheme = "http";
    else if (startsWithNoCase(s, "https://")) scheme = "https";
    else return std::nullopt;
    s.remove_prefix(scheme.size() + 3);
    std::string host;
    size_t i = 0;
    if (!s.empty() && s[0] == '[') {  // IPv6: hex digits, ':' and '.' (an embedded IPv4) between brackets
        bool colon = false;
        for (i = 1; i < s.size() && s[i] != ']'; ++i) {
            char c = lowerAscii(s[i]);
            if (!(hexValue(c) >= 0 || c == ':' || c == '.')) return std::nullopt;
            colon = colon || c == ':';
        }
        if (i == s.size() || !colon) return std::nullopt;
        ++i;
    } else {
        for (; i < s.size() && s[i] != ':'; ++i) {
            char c = s[i];
            bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
            if (!ok) return std::nullopt;  // '/', '?', '#', '@', spaces, …: a path, query or user info
        }
        if (i == 0) return std::nullopt;
    }
    for (size_t k = 0; k < i; ++k) host += lowerAscii(s[k]);
    std::string origin = scheme + "://" + host;
    if (i == s.size()) return origin;
    if (s[i] != ':') return std::nullopt;
    std::string_view digits = s.substr(i + 1);
    if (digits.empty() || digits.size() > 5) return std::nullopt;
    long port = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        port = port * 10 + (c - '0');
    }
    if (port < 1 || port > 65535) return std::nullopt;
    if (!(scheme == "http" && port == 80) && !(scheme == "https" && port == 443)) origin += ":" + std::to_string(port);
    return origin;
}

}  // namespace

// ---- [3] one rule per parameter ---------------------------------------------------------------------------------

namespace {

void problem(LaunchParams& p, const char* key, std::string_view value, const std::string& what) {
    p.problems.push_back(std::string("URL parameter ") + key + "=" + showText(value) + ": " + what);
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

// "a, b,,c" → {"a", "b", "c"}: items trimmed, empty ones dropped (as the page did with split/trim/filter).
std::vector<std::string_view> commaList(std::string_view s) {
    std::vector<std::string_view> items;
    for (;;) {
        size_t comma = s.find(',');
        std::string_view item = trim(s.substr(0, comma));
        if (!item.empty()) items.push_back(item);
        if (comma == std::string_view::npos) return items;
        s.remove_prefix(comma + 1);
    }
}

std::string joined(const std::vector<std::string_view>& items) {
    std::string out;
    for (std::string_view item : items) out += (out.empty() ? "" : ", ") + std::string(item);
    return out;
}

template <class List>
bool contains(const List& list, std::string_view item) {
    for (const auto& x : list)
        if (x == item) return true;
    return false;
}

std::optional<bool> parseFlag(std::string_view v) {
    if (v.empty() || v == "1" || v == "true") return true;
    if (v == "0" || v == "false") return false;
    return std::nullopt;
}

// Epoch milliseconds: an optional '-' and digits, within the range of a JavaScript Date (±8.64e15).
std::optional<int64_t> parseEpochMs(std::string_view v) {
    constexpr int64_t kMaxDateMs = 8640000000000000;
    bool negative = !v.empty() && v[0] == '-';
    if (negative) v.remove_prefix(1);
    if (v.empty() || v.size() > 16) return std::nullopt;
    int64_t ms = 0;
    for (char c : v) {
        if (c < '0' || c > '9') return std::nullopt;
        ms = ms * 10 + (c - '0');
    }
    if (ms > kMaxDateMs) return std::nullopt;
    return negative ? -ms : ms;
}

// ^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$, up to 64 bytes: "Asia/Seoul", "America/Argentina/Buenos_Aires".
bool isZoneName(std::string_view v) {
    if (v.empty() || v.size() > 64) return false;
    if (!((v[0] >= 'a' && v[0] <= 'z') || (v[0] >= 'A' && v[0] <= 'Z'))) return false;
    for (size_t i = 1; i < v.size(); ++i) {
        char c = v[i];
        if (c == '/') {
            if (v[i - 1] == '/' || i + 1 == v.size()) return false;
            continue;
        }
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '+' ||
                  c == '-';
        if (!ok) return false;
    }
    return true;
}

void readLang(LaunchParams& p, const std::string& v) {
    if (rules::isLanguageCode(v)) p.lang = v;
    else problem(p, "lang", v, "expected a language code such as en or ko (2 or 3 lower-case letters, optionally -region)");
}

void readTime(LaunchParams& p, const std::string& v) {
    if (auto ms = parseIsoTimeMs(v)) p.timeMs = *ms;
    else if (auto epoch = parseEpochMs(v)) p.timeMs = *epoch;
    else
        problem(p, "t", v,
                "expected an ISO 8601 time with offset such as 2026-05-16T14:00:00%2B09:00 (write + as %2B) "
                "or epoch milliseconds");
}

void readTime2(LaunchParams& p, const std::string& v) {
    if (auto ms = parseIsoTimeMs(v)) p.time2Ms = *ms;
    else if (auto epoch = parseEpochMs(v)) p.time2Ms = *epoch;
    else
        problem(p, "t2", v,
                "expected the compare view's second moment, an ISO 8601 time with offset such as "
                "2026-05-12T14:00:00%2B09:00 (write + as %2B) or epoch milliseconds");
}

void readCompare(LaunchParams& p, const std::string& v) {
    if (v == "time" || v == "policy") p.compare = v;
    else if (v != "off" && v != "") problem(p, "compare", v, "expected time (with t2=…) or policy (fixed rounds beside the recorded collection)");
}

void readSpeed(LaunchParams& p, const std::string& v) {
    auto x = rules::parseFiniteNumber(v);
    if (x && *x >= rules::kMinSpeed && *x <= rules::kMaxSpeed) p.speed = *x;
    else problem(p, "speed", v, "expected a number from 0.1 to 100000 (replay seconds per real second)");
}

void readFlag(LaunchParams& p, const char* key, std::optional<bool>& out, const std::string& v) {
    if (auto on = parseFlag(v)) out = on;
    else problem(p, key, v, "expected 1, true, 0 or false");
}
void readPlay(LaunchParams& p, const std::string& v) { readFlag(p, "play", p.play, v); }
void readLoop(LaunchParams& p, const std::string& v) { readFlag(p, "loop", p.loop, v); }
void readKiosk(LaunchParams& p, const std::string& v) { readFlag(p, "kiosk", p.kiosk, v); }
void readAuthoring(LaunchParams& p, const std::string& v) { readFlag(p, "authoring", p.authoring, v); }

// Known names are kept even when others are not (a typo costs one layer, not all of them); only when every name is
// unknown is the option left out, so the page keeps its default layers instead of showing an empty map.
void readLayers(LaunchParams& p, const std::string& v) {
    std::vector<std::string> known;
    std::vector<std::string_view> unknown;
    for (std::string_view name : commaList(v)) {
        if (rules::isLayerName(name)) {
            if (!contains(known, name)) known.emplace_back(name);
        } else if (!contains(unknown, name)) {
            unknown.push_back(name);
        }
    }
    if (!unknown.empty())
        problem(p, "layers", v,
                std::string(unknown.size() == 1 ? "unknown layer " : "unknown layers ") + showText(joined(unknown)) +
                    (known.empty() ? " (the default layers are shown)" : " ignored") + "; layers are " +
                    rules::layerList());
    if (unknown.empty() || !known.empty()) p.layers = std::move(known);
}

void readSensor(LaunchParams& p, const std::string& v) {
    if (rules::isPlainText(v, rules::kMaxIdBytes)) p.sensor = v;
    else problem(p, "sensor", v, "expected a sensor id of 1 to 256 bytes without control characters");
}

void readView(LaunchParams& p, const std::string& v) {
    std::vector<std::optional<double>> parts;
    std::string_view rest = v;
    for (;;) {
        size_t comma = rest.find(',');
        parts.push_back(rules::parseFiniteNumber(rest.substr(0, comma)));
        if (comma == std::string_view::npos || parts.size() > 3) break;
        rest.remove_prefix(comma + 1);
    }
    if (parts.size() == 3 && parts[0] && parts[1] && parts[2] && rules::inViewRange(*parts[0], *parts[1], *parts[2]))
        p.view = MapView{*parts[0], *parts[1], *parts[2]};
    else
        problem(p, "view", v,
                "expected lat,lon,zoom with lat from -85.06 to 85.06, lon from -180 to 180 and zoom from 0 to 22 "
                "(e.g. 37.5818,126.9855,16)");
}

void readUi(LaunchParams& p, const std::string& v) {
    if (rules::isUiMode(v)) p.ui = v;
    else problem(p, "ui", v, "expected full, minimal or none");
}

void readPalette(LaunchParams& p, const std::string& v) {
    if (v == "cb") p.palette = "colourblind";
    else if (rules::isPalette(v)) p.palette = v;
    else problem(p, "palette", v, "expected default or colourblind");
}

void readDetail(LaunchParams& p, const std::string& v) {
    if (rules::isDetailMode(v)) p.detail = v;
    else problem(p, "detail", v, "expected auto or glyphs");
}

void readMetric(LaunchParams& p, const std::string& v) {
    if (rules::isPlainText(v, 128)) p.metric = v;
    else problem(p, "metric", v, "expected a metric name such as pm25 or noise (up to 128 bytes)");
}

// A filter with a bad clause is left out whole: counting a different set than the one asked for would mislead.
void readFilter(LaunchParams& p, const std::string& v) {
    FilterParse parsed = parseFilters(v);
    if (parsed.ok()) p.filter = formatFilters(parsed.filters);
    else problem(p, "filter", v, parsed.error + " (no filter applied)");
}

// Thresholds with a bad pair are left out whole, as a filter is: events half by other rules would mislead.
void readEvents(LaunchParams& p, const std::string& v) {
    EventRulesParse parsed = parseEventRules(v);
    if (parsed.ok()) p.events = formatEventRules(parsed.rules);
    else problem(p, "events", v, parsed.error + " (the default thresholds apply)");
}

void readStory(LaunchParams& p, const std::string& v) {
    if (auto on = parseFlag(v)) p.story = on;
    else if (rules::isPlainText(v, rules::kMaxUrlBytes) && v.find(' ') == std::string::npos) p.storyUrl = v;
    else problem(p, "story", v, "expected 1, 0, or a story URL of up to 2048 bytes without spaces or control characters");
}

void readIdle(LaunchParams& p, const std::string& v) {
    auto x = rules::parseFiniteNumber(v);
    if (x && *x >= rules::kMinIdleSeconds && *x <= rules::kMaxIdleSeconds) p.kioskIdleSeconds = *x;
    else problem(p, "idle", v, "expected a number of seconds from 1 to 86400");
}

void readData(LaunchParams& p, const std::string& v) {
    if (rules::isPlainText(v, rules::kMaxUrlBytes)) p.data = v;
    else problem(p, "data", v, "expected a dataset URL of 1 to 2048 bytes without control characters");
}

void readTimeZone(LaunchParams& p, const std::string& v) {
    if (TimeZone::parseFixed(v)) p.timezone = std::string(trim(v));
    else if (isZoneName(v)) p.timezone = v;
    else
        problem(p, "tz", v,
                "expected Z, UTC, an offset such as %2B09:00 or UTC-5 (write + as %2B), or a zone name such as "
                "Europe/Lisbon");
}

void readParents(LaunchParams& p, const std::string& v) {
    static const char* const kExpected =
        "expected origins such as https://slides.example.org (http or https, a host and an optional port; no path, "
        "not even a trailing /)";
    std::vector<std::string_view> items = commaList(v), bad;
    if (items.empty()) {
        problem(p, "parents", v, std::string("no origin given; ") + kExpected);
        return;
    }
    std::vector<std::string> good;
    for (std::string_view item : items) {
        if (auto origin = serializedOrigin(item)) good.push_back(std::move(*origin));
        else bad.push_back(item);
    }
    // Even an empty list is kept: "parents was given but nothing in it is usable" must not read as "any parent".
    p.parents = std::move(good);
    if (!bad.empty()) problem(p, "parents", v, "ignored " + showText(joined(bad)) + "; " + kExpected);
}

struct Rule {
    const char* key;
    void (*read)(LaunchParams&, const std::string&);
};
const Rule kRules[] = {
    {"lang", readLang},       {"t", readTime},         {"speed", readSpeed},   {"play", readPlay},
    {"loop", readLoop},       {"kiosk", readKiosk},    {"layers", readLayers}, {"sensor", readSensor},
    {"view", readView},       {"ui", readUi},          {"palette", readPalette}, {"detail", readDetail},
    {"story", readStory},     {"idle", readIdle},      {"data", readData},     {"tz", readTimeZone},
    {"parents", readParents}, {"metric", readMetric}, {"compare", readCompare}, {"t2", readTime2},
    {"filter", readFilter},   {"events", readEvents},   {"authoring", readAuthoring},
};
constexpr size_t kRuleCount = sizeof(kRules) / sizeof(kRules[0]);

}  // namespace

// ---- [4] parseLaunchParams --------------------------------------------------------------------------------------

LaunchParams parseLaunchParams(std::string_view query) {
    LaunchParams p;
    if (query.size() > kMaxQueryBytes) {
        p.problems.push_back("URL query is " + std::to_string(query.size()) + " bytes, more than the " +
                             std::to_string(kMaxQueryBytes) + " allowed: no URL parameter was read");
        return p;
    }
    bool seen[kRuleCount] = {};
    for (const auto& [key, value] : decodeQuery(query)) {
        for (size_t r = 0; r < kRuleCount; ++r) {
            if (key != kRules[r].key) continue;
            if (!seen[r]) kRules[r].read(p, value);  // the first occurrence wins, as URLSearchParams.get()
            seen[r] = true;
            break;
        }
    }
    return p;
}

// ---- [5] JSON ---------------------------------------------------------------------------------------------------

std::string launchParamsJson(const LaunchParams& p) {
    using Json = nlohmann::ordered_json;
    Json o = Json::object();
    if (p.lang) o["lang"] = *p.lang;
    if (p.timeMs) o["t"] = *p.timeMs;
    if (p.speed) o["speed"] = rules::jsonNumber(*p.speed);
    if (p.play) o["play"] = *p.play;
    if (p.loop) o["loop"] = *p.loop;
    if (p.kiosk) o["kiosk"] = *p.kiosk;
    if (p.authoring) o["authoring"] = *p.authoring;
    if (p.layers) o["layers"] = *p.layers;
    if (p.sensor) o["sensor"] = *p.sensor;
    if (p.view)
        o["view"] = {{"lat", rules::jsonNumber(p.view->lat)}, {"lon", rules::jsonNumber(p.view->lon)},
                     {"zoom", rules::jsonNumber(p.view->zoom)}};
    if (p.ui) o["ui"] = *p.ui;
    if (p.palette) o["palette"] = *p.palette;
    if (p.detail) o["detail"] = *p.detail;
    if (p.metric) o["metric"] = *p.metric;
    if (p.compare) o["compare"] = *p.compare;
    if (p.time2Ms) o["t2"] = *p.time2Ms;
    if (p.filter) o["filter"] = *p.filter;
    if (p.events) o["events"] = *p.events;
    if (p.storyUrl) o["story"] = *p.storyUrl;
    else if (p.story) o["story"] = *p.story;
    if (p.kioskIdleSeconds) o["kioskIdleSeconds"] = rules::jsonNumber(*p.kioskIdleSeconds);
    if (p.data) {
        o["data"] = *p.data;
        o["dataFromUrl"] = true;
    }
    if (p.timezone) o["timezone"] = *p.timezone;
    if (p.parents) o["parents"] = *p.parents;
    Json out = {{"options", std::move(o)}, {"problems", p.problems}};
    return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace bk
