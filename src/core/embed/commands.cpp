// commands.cpp — the command table: one argument check per command, where each runs, the keys, the start.
//
// [1] helpers   [2] one check per command   [3] the table   [4] keys   [5] start commands
#include "commands.hpp"

#include "event_rules.hpp"
#include "filters.hpp"
#include "param_rules.hpp"
#include "time_util.hpp"
#include "video_export.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace bk {

using Json = CommandJson;

// ---- [1] helpers ------------------------------------------------------------------------------------------------

namespace {

const Json& arg(const Json& args, size_t i) {
    static const Json kNull;
    return i < args.size() ? args[i] : kNull;
}

std::string got(const Json& args, size_t i) { return i < args.size() ? rules::showJson(args[i]) : "nothing"; }

std::optional<double> finiteNumber(const Json& v) {
    if (!v.is_number()) return std::nullopt;
    double d = v.get<double>();
    if (!std::isfinite(d)) return std::nullopt;  // the parser refuses 1e400 today; a DOM built otherwise may not
    return d;
}

// ---- [2] one check per command ----------------------------------------------------------------------------------


std::string none(const Json&, Json& out) {
    out = Json::array();
    return "";
}

std::string seek(const Json& a, Json& out) {
    const Json& t = arg(a, 0);
    if (auto ms = finiteNumber(t)) {
        out = Json::array({rules::jsonNumber(*ms)});
        return "";
    }
    if (t.is_string())
        if (auto ms = parseIsoTimeMs(t.get<std::string>())) {
            out = Json::array({*ms});
            return "";
        }
    return "seek: expected milliseconds or an ISO 8601 time with offset (e.g. \"2026-05-11T12:00:00+09:00\"), got " +
           got(a, 0);
}

std::string setSpeed(const Json& a, Json& out) {
    auto x = finiteNumber(arg(a, 0));
    if (x && *x >= rules::kMinSpeed && *x <= rules::kMaxSpeed) {
        out = Json::array({rules::jsonNumber(*x)});
        return "";
    }
    return "setSpeed: expected a number from 0.1 to 100000 (replay seconds per real second), got " + got(a, 0);
}

std::string setLoop(const Json& a, Json& out) {
    const Json& on = arg(a, 0);
    auto x = finiteNumber(on);
    if (on.is_boolean() || (x && (*x == 0 || *x == 1))) {
        out = Json::array({on.is_boolean() ? on.get<bool>() : *x == 1});
        return "";
    }
    return "setLoop: expected true, false, 0 or 1, got " + got(a, 0);
}

std::string oneOf(const char* cmd, const Json& a, Json& out, bool (*allowed)(std::string_view), const char* expected);

std::string setLanguage(const Json& a, Json& out) {
    return oneOf("setLanguage", a, out, rules::isLanguageCode, "a language code such as \"en\" or \"ko\"");
}

std::string setLayers(const Json& a, Json& out) {
    const Json& names = arg(a, 0);
    std::string expected = "setLayers: expected an array of layer names (" + rules::layerList() + "), got ";
    if (!names.is_array()) return expected + got(a, 0);
    Json known = Json::array();
    std::vector<std::string> unknown;
    for (const Json& n : names) {
        if (!n.is_string()) return expected + got(a, 0);
        const std::string name = n.get<std::string>();
        if (!rules::isLayerName(name)) {
            if (std::find(unknown.begin(), unknown.end(), name) == unknown.end()) unknown.push_back(name);
        } else if (std::find(known.begin(), known.end(), n) == known.end()) {
            known.push_back(n);
        }
    }
    if (!unknown.empty()) {
        std::string list;
        for (const std::string& u : unknown) list += (list.empty() ? "" : ", ") + u;
        return "setLayers: unknown layer " + rules::showText(list) + "; layers are " + rules::layerList();
    }
    out = Json::array({std::move(known)});
    return "";
}

std::string select(const Json& a, Json& out) {
    const Json& id = arg(a, 0);
    if (id.is_null() || (id.is_string() && !id.get<std::string>().empty() &&
                         id.get<std::string>().size() <= rules::kMaxIdBytes)) {
        out = Json::array({id});
        return "";
    }
    return "select: expected a sensor id (a string of 1 to 256 bytes) or null, got " + got(a, 0);
}

std::string flyTo(const Json& a, Json& out) {
    auto lat = finiteNumber(arg(a, 0)), lon = finiteNumber(arg(a, 1)), zoom = finiteNumber(arg(a, 2));
    if (!lat || !lon || !zoom || !rules::inViewRange(*lat, *lon, *zoom)) {
        Json first = Json::array();
        for (size_t i = 0; i < 3 && i < a.size(); ++i) first.push_back(a[i]);
        return "flyTo: expected lat from -85.06 to 85.06, lon from -180 to 180 and zoom from 0 to 22, got " +
               rules::showJson(first);
    }
    const Json& options = arg(a, 3);
    bool animate = true;
    if (options.is_object()) {
        auto it = options.find("animate");
        if (it != options.end() && !it->is_boolean())
            return "flyTo: expected {animate: true or false} as the fourth argument, got " + got(a, 3);
        if (it != options.end()) animate = it->get<bool>();
    } else if (!options.is_null()) {
        return "flyTo: expected {animate: true or false} as the fourth argument, got " + got(a, 3);
    }
    out = Json::array({rules::jsonNumber(*lat), rules::jsonNumber(*lon), rules::jsonNumber(*zoom),
                       Json{{"animate", animate}}});
    return "";
}

bool isUrl(const Json& v) { return v.is_string() && rules::isPlainText(v.get<std::string>(), rules::kMaxUrlBytes); }

// A URL, {kind: URL} for some of the five kinds, or 1–64 {"$blob": k} markers standing for the posted Files.
std::string load(const Json& a, Json& out) {
    static const char* const kKinds[] = {"map", "sensors", "recording", "readings", "sites"};
    static const char* const kKindList = "map, sensors, recording, readings, sites";
    const Json& source = arg(a, 0);
    if (source.is_string() && !isUrl(source))
        return "load: expected a dataset URL of 1 to 2048 bytes without control characters, got " + got(a, 0);
    if (source.is_object()) {
        if (source.empty()) return std::string("load: expected an object of URLs with some of ") + kKindList + ", got {}";
        for (auto it = source.begin(); it != source.end(); ++it) {
            bool known = false;
            for (const char* kind : kKinds) known = known || it.key() == kind;
            if (!known)
                return "load: unknown file kind " + rules::showJson(it.key()) + "; the kinds are " + kKindList;
            if (!isUrl(it.value()))
                return "load: " + it.key() + " must be a URL of 1 to 2048 bytes without control characters, got " +
                       rules::showJson(it.value());
        }
    } else if (source.is_array()) {
        if (source.empty() || source.size() > 64)
            return "load: expected 1 to 64 files, got " + std::to_string(source.size());
        for (size_t i = 0; i < source.size(); ++i) {
            const Json& marker = source[i];
            auto blob = marker.is_object() && marker.size() == 1 ? marker.find("$blob") : marker.end();
            std::optional<double> k;
            if (blob != marker.end()) k = finiteNumber(*blob);
            if (!k || *k != std::floor(*k) || *k < 0 || *k > 63)
                return "load: file " + std::to_string(i) + " is not a file (expected {\"$blob\": 0 to 63}), got " +
                       rules::showJson(marker);
        }
    } else if (!source.is_string()) {
        return std::string("load: expected a dataset URL, an object of URLs (") + kKindList + ") or files, got " +
               got(a, 0);
    }
    out = Json::array({source});
    return "";
}

// setImportZone(zone): the logs imported last, read again in `zone` (an IANA name such as "Europe/Lisbon", an offset
// such as "+09:00" or "UTC"); "" reads them in the zone where their sensors stand.
std::string setImportZone(const Json& a, Json& out) {
    const Json& zone = arg(a, 0);
    if (!zone.is_string() || (!zone.get<std::string>().empty() && !rules::isPlainText(zone.get<std::string>(), 64)))
        return "setImportZone: expected a time zone name (\"Europe/Lisbon\"), an offset (\"+09:00\") or \"\" (where the "
               "sensors stand), got " + got(a, 0);
    out = Json::array({zone});
    return "";
}

// saveOffline({download, languages}): the offline copy of what is shown (web/offline-copy.js); download defaults to
// true; languages: the UI languages whose fonts it carries besides the one in use (codes; the page checks them).
std::string saveOffline(const Json& a, Json& out) {
    const Json& options = arg(a, 0);
    bool download = true;
    Json languages = Json::array();
    const std::string expected = "saveOffline: expected {download: true or false, languages: [\"th\", …]}";
    if (options.is_object()) {
        auto it = options.find("download");
        if (it != options.end()) {
            if (!it->is_boolean()) return expected + ", got " + got(a, 0);
            download = it->get<bool>();
        }
        it = options.find("languages");
        if (it != options.end()) {
            if (!it->is_array() || it->size() > 64) return expected + ", got " + got(a, 0);
            for (const Json& code : *it) {
                if (!code.is_string() || code.get<std::string>().empty() || !rules::isPlainText(code.get<std::string>(), 16))
                    return expected + ", got " + got(a, 0);
                languages.push_back(code);
            }
        }
    } else if (!options.is_null()) {
        return expected + " or nothing, got " + got(a, 0);
    }
    out = Json::array({Json{{"download", download}, {"languages", languages}}});
    return "";
}

std::string screenshot(const Json& a, Json& out) {
    const Json& options = arg(a, 0);
    std::optional<double> scale = 1;
    if (options.is_object()) {
        auto it = options.find("scale");
        if (it != options.end()) scale = finiteNumber(*it);
    } else if (!options.is_null()) {
        scale.reset();
    }
    if (!scale || (*scale != 1 && *scale != 2)) return "screenshot: expected {scale: 1 or 2}, got " + got(a, 0);
    out = Json::array({Json{{"scale", static_cast<int>(*scale)}}});
    return "";
}

std::string oneOf(const char* cmd, const Json& a, Json& out, bool (*allowed)(std::string_view), const char* expected) {
    const Json& v = arg(a, 0);
    if (v.is_string() && allowed(v.get<std::string>())) {
        out = Json::array({v});
        return "";
    }
    return std::string(cmd) + ": expected " + expected + ", got " + got(a, 0);
}
std::string setUi(const Json& a, Json& out) {
    return oneOf("setUi", a, out, rules::isUiMode, "\"full\", \"minimal\" or \"none\"");
}
std::string setPalette(const Json& a, Json& out) {
    return oneOf("setPalette", a, out, rules::isPalette, "\"default\" or \"colourblind\"");
}
std::string setDetail(const Json& a, Json& out) {
    return oneOf("setDetail", a, out, rules::isDetailMode, "\"auto\" or \"glyphs\"");
}
// A metric name as the data writes it ("pm25", "noise", "진동(x)"), or "" for each sensor's default.
std::string setMetric(const Json& a, Json& out) {
    return oneOf("setMetric", a, out, [](std::string_view v) { return v.empty() || rules::isPlainText(v, 128); },
                 "a metric name of up to 128 bytes without control characters, or \"\" for each sensor's own");
}

// Filters in their text form ("bin:fill>=80,noise:noise>55"), an array of clauses (["bin:fill>=80", …]), or null
// or "" for none; normalized to the canonical text (filters.hpp), which the viewer parses again.
std::string setFilter(const Json& a, Json& out) {
    const Json& f = arg(a, 0);
    std::string text;
    bool usable = f.is_null() || f.is_string() || f.is_array();
    if (f.is_string()) text = f.get<std::string>();
    if (f.is_array())
        for (const Json& clause : f) {
            usable = usable && clause.is_string() && clause.get<std::string>().find(',') == std::string::npos;
            if (usable) text += (text.empty() ? "" : ",") + clause.get<std::string>();
        }
    if (!usable)
        return "setFilter: expected filters as text (\"bin:fill>=80,noise:noise>55\"), an array of clauses, or null, got " +
               got(a, 0);
    FilterParse parsed = parseFilters(text);
    if (!parsed.ok()) return "setFilter: " + parsed.error;
    out = Json::array({formatFilters(parsed.filters)});
    return "";
}

// setEventRules(rules): the thresholds the events are found with, in their text form (event_rules.hpp), e.g.
// "noise.night=50,pm25=15/25/50"; null or "" the defaults.
std::string setEventRules(const Json& a, Json& out) {
    const Json& r = arg(a, 0);
    if (!r.is_null() && !r.is_string())
        return "setEventRules: expected thresholds as text (\"noise.night=50,bin.full=90\") or null, got " + got(a, 0);
    EventRulesParse parsed = parseEventRules(r.is_string() ? r.get<std::string>() : "");
    if (!parsed.ok()) return "setEventRules: " + parsed.error;
    out = Json::array({formatEventRules(parsed.rules)});
    return "";
}

// compare(spec): null, false or "off" closes the comparison; "policy" or {by: "policy"} puts fixed rounds beside the
// recorded collection; "time", {by: "time"} and {t2} or {offsetMs} put a second moment beside the first (t2: ms or
// an ISO time; offsetMs: from the first pane's time; neither: a day earlier).
std::string compare(const Json& a, Json& out) {
    const Json& v = arg(a, 0);
    const std::string expected =
        "compare: expected \"time\", \"policy\", \"off\", null, or {by: \"time\" or \"policy\", t2: an ISO time or ms, "
        "offsetMs: a number}, got " + got(a, 0);
    if (v.is_null() || v == false || v == "off") {
        out = Json::array({Json{{"by", "off"}}});
        return "";
    }
    if (v == "policy" || v == "time") {
        out = Json::array({Json{{"by", v}}});
        return "";
    }
    if (!v.is_object()) return expected;
    Json spec = Json::object();
    std::string by = v.contains("t2") || v.contains("offsetMs") ? "time" : "";
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (it.key() == "by") {
            if (it->is_null()) continue;
            if (!it->is_string() || (*it != "time" && *it != "policy" && *it != "off")) return expected;
            by = it->get<std::string>();
        } else if (it.key() == "t2") {
            if (auto ms = finiteNumber(*it)) spec["t2"] = rules::jsonNumber(*ms);
            else if (auto iso = it->is_string() ? parseIsoTimeMs(it->get<std::string>()) : std::nullopt) spec["t2"] = *iso;
            else return "compare: t2 must be milliseconds or an ISO 8601 time with offset, got " + rules::showJson(*it);
        } else if (it.key() == "offsetMs") {
            auto ms = finiteNumber(*it);
            if (!ms || std::abs(*ms) > 1e13) return "compare: offsetMs must be a number of milliseconds, got " + rules::showJson(*it);
            spec["offsetMs"] = rules::jsonNumber(*ms);
        } else {
            return "compare: unknown option " + rules::showJson(it.key()) + "; the options are by, t2 and offsetMs";
        }
    }
    if (by.empty()) return expected;
    if (by != "time" && spec.size()) return "compare: t2 and offsetMs are for {by: \"time\"}, got " + got(a, 0);
    Json normal = {{"by", by}};
    for (auto it = spec.begin(); it != spec.end(); ++it) normal[it.key()] = it.value();
    out = Json::array({std::move(normal)});
    return "";
}

// showPane(0 or 1, or "A" / "B"): where only one pane of a comparison fits (phones), the one shown.
std::string showPane(const Json& a, Json& out) {
    const Json& v = arg(a, 0);
    if (v == 0 || v == 1 || v == "A" || v == "B") {
        out = Json::array({v == 1 || v == "B" ? 1 : 0});
        return "";
    }
    return "showPane: expected 0 or 1 (or \"A\" or \"B\"), got " + got(a, 0);
}

// A direction, +1 or -1 (any negative number is -1, any other number +1; nothing means +1).
std::string direction(const char* cmd, const Json& a, Json& out) {
    const Json& d = arg(a, 0);
    auto x = finiteNumber(d);
    if (d.is_null() || x) {
        out = Json::array({x && *x < 0 ? -1 : 1});
        return "";
    }
    return std::string(cmd) + ": expected a direction (1 or -1), got " + got(a, 0);
}
std::string nextEvent(const Json& a, Json& out) { return direction("nextEvent", a, out); }
std::string selectNext(const Json& a, Json& out) { return direction("selectNext", a, out); }
std::string speedStep(const Json& a, Json& out) { return direction("speedStep", a, out); }

// An event's index in the loaded data (getState().twin.feed): as a click on it in the feed.
std::string focusEvent(const Json& a, Json& out) {
    auto i = finiteNumber(arg(a, 0));
    if (i && *i >= 0 && *i == std::floor(*i) && *i <= 4294967295.0) {
        out = Json::array({rules::jsonNumber(*i)});
        return "";
    }
    return "focusEvent: expected an event index (a whole number from 0), got " + got(a, 0);
}

std::string seekBy(const Json& a, Json& out) {
    if (auto ms = finiteNumber(arg(a, 0))) {
        out = Json::array({rules::jsonNumber(*ms)});
        return "";
    }
    return "seekBy: expected milliseconds (a finite number), got " + got(a, 0);
}

std::string zoomBy(const Json& a, Json& out) {
    auto x = finiteNumber(arg(a, 0));
    if (x && *x >= 1.0 / 64 && *x <= 64) {
        out = Json::array({rules::jsonNumber(*x)});
        return "";
    }
    return "zoomBy: expected a factor from 1/64 to 64 (2 zooms in twice as far), got " + got(a, 0);
}

std::string toggleLayer(const Json& a, Json& out) {
    return oneOf("toggleLayer", a, out, rules::isLayerName, ("a layer name (" + rules::layerList() + ")").c_str());
}

std::string setLimits(const Json& a, Json& out) {
    const Json& o = arg(a, 0);
    auto it = o.is_object() ? o.find("maxFileBytes") : o.end();
    std::optional<double> bytes;
    if (o.is_object() && it != o.end()) bytes = finiteNumber(*it);
    if (bytes && *bytes > 0) {
        out = Json::array({Json{{"maxFileBytes", rules::jsonNumber(*bytes)}}});
        return "";
    }
    return "setLimits: expected { maxFileBytes: a positive number }, got " + got(a, 0);
}

// step (the arrow keys): [direction, milliseconds] — a tour's next or previous step, or the replay time moved.
std::string step(const Json& a, Json& out) {
    auto dir = finiteNumber(arg(a, 0)), ms = finiteNumber(arg(a, 1));
    if (dir && ms && *ms > 0) {
        out = Json::array({*dir < 0 ? -1 : 1, rules::jsonNumber(*ms)});
        return "";
    }
    return "step: expected a direction (1 or -1) and milliseconds, got " + rules::showJson(a);
}

// storyGo(n): the tour's step n, counted from 0 as getState().story.step counts (a whole number up to 999).
std::string storyGo(const Json& a, Json& out) {
    auto n = finiteNumber(arg(a, 0));
    if (n && *n >= 0 && *n <= 999 && std::floor(*n) == *n) {
        out = Json::array({static_cast<int>(*n)});
        return "";
    }
    return "storyGo: expected a step number from 0 (the first step) to 999, got " + got(a, 0);
}

// setOverlays({toolbar, caption, editor}): what the page shows around the canvas (web/viewer-layout.js), each a
// boolean (missing: false), so the layout gives each its place.
std::string setOverlays(const Json& a, Json& out) {
    const Json& o = arg(a, 0);
    Json normal = {{"toolbar", false}, {"caption", false}, {"editor", false}, {"toolbarWidth", 0}};
    bool ok = o.is_object();
    if (ok)
        for (auto it = o.begin(); it != o.end(); ++it) {
            const bool width = it.key() == "toolbarWidth";
            auto w = width ? finiteNumber(it.value()) : std::nullopt;
            if (!normal.contains(it.key()) || (width ? !w || *w < 0 || *w > 4000 : !it.value().is_boolean())) ok = false;
            else normal[it.key()] = width ? rules::jsonNumber(*w) : it.value();
        }
    if (!ok)
        return "setOverlays: expected {toolbar, caption, editor} with true or false and toolbarWidth (CSS px at 1×, 0 to "
               "4000), got " + got(a, 0);
    out = Json::array({normal});
    return "";
}

// record(seconds, {fps}): a clip of 0.1 s to an hour, at 1 to 60 frames a second (defaults 5 s, 30 fps).
std::string record(const Json& a, Json& out) {
    const Json& s = arg(a, 0);
    const Json& o = arg(a, 1);
    const Json fpsValue = o.is_object() && o.contains("fps") ? o["fps"] : Json(30);
    auto seconds = s.is_null() ? std::optional<double>(5) : finiteNumber(s);
    auto fps = o.is_null() || o.is_object() ? finiteNumber(fpsValue) : std::nullopt;
    if (!seconds || !fps || *seconds < 0.1 || *seconds > 3600 || *fps < 1 || *fps > 60)
        return "record: expected seconds from 0.1 to 3600 and {fps: 1 to 60}, got " + rules::showJson(a);
    out = Json::array({rules::jsonNumber(*seconds), Json{{"fps", rules::jsonNumber(*fps)}}});
    return "";
}

// ---- [3] the table ----------------------------------------------------------------------------------------------

constexpr CommandRunner kViewer = CommandRunner::viewer, kPage = CommandRunner::page;
const CommandSpec kCommands[] = {
    // name            runs     postMessage  check
    {"play",           kViewer, true,  none},
    {"pause",          kViewer, true,  none},
    {"togglePlay",     kViewer, false, none},
    {"seek",           kViewer, true,  seek},
    {"seekBy",         kViewer, false, seekBy},
    {"setSpeed",       kViewer, true,  setSpeed},
    {"speedStep",      kViewer, false, speedStep},
    {"setLoop",        kViewer, true,  setLoop},
    {"toggleLoop",     kViewer, false, none},
    {"setLayers",      kViewer, true,  setLayers},
    {"toggleLayer",    kViewer, false, toggleLayer},
    {"select",         kViewer, true,  select},
    {"flyTo",          kViewer, true,  flyTo},
    {"resetView",      kViewer, true,  none},
    {"zoomBy",         kViewer, false, zoomBy},
    {"nextEvent",      kViewer, false, nextEvent},
    {"focusEvent",     kViewer, false, focusEvent},
    {"selectNext",     kViewer, false, selectNext},
    {"setUi",          kViewer, true,  setUi},
    {"setPalette",     kViewer, true,  setPalette},
    {"setDetail",      kViewer, true,  setDetail},
    {"setMetric",      kViewer, true,  setMetric},
    {"setFilter",      kViewer, true,  setFilter},
    {"setEventRules",  kViewer, true,  setEventRules},  // the events found in the data again, by new thresholds
    {"setLimits",      kViewer, false, setLimits},
    {"setOverlays",    kViewer, false, setOverlays},  // the page's own: its buttons, caption and editor shown
    {"compare",        kViewer, true,  compare},
    {"showPane",       kViewer, true,  showPane},
    {"getState",       kPage,   true,  none},
    {"setLanguage",    kPage,   true,  setLanguage},
    {"load",           kPage,   true,  load},
    {"setImportZone",  kPage,   false, setImportZone},     // the import panel's time zone: the logs read again
    {"screenshot",     kPage,   true,  screenshot},
    {"record",         kPage,   false, record},
    {"exportVideo",    kPage,   false, checkVideoExport},  // video_export.cpp: frame by frame, WebCodecs
    {"videoDialog",    kPage,   false, none},              // the page's export dialog (key V)
    {"saveOffline",    kPage,   false, saveOffline},       // one HTML file with what is shown (offline-copy.js)
    {"fullscreen",     kPage,   false, none},
    {"step",           kPage,   false, step},
    {"help",           kPage,   false, none},
    {"escape",         kPage,   false, none},
    // The tour (story.js): a parent frame steps it on a slide; getState().story says which step shows.
    {"storyStart",     kPage,   true,  none},
    {"storyStop",      kPage,   true,  none},
    {"storyNext",      kPage,   true,  none},
    {"storyPrevious",  kPage,   true,  none},
    {"storyGo",        kPage,   true,  storyGo},
};

}  // namespace

const CommandSpec* findCommand(std::string_view name) {
    for (const CommandSpec& c : kCommands)
        if (name == c.name) return &c;
    return nullptr;
}

CheckedCommand checkCommand(std::string_view name, const Json& args) {
    CheckedCommand out;
    out.spec = findCommand(name);
    if (!out.spec) {
        out.error = "unknown command " + rules::showJson(Json(std::string(name)));
        return out;
    }
    static const Json kNoArgs = Json::array();
    out.error = out.spec->check(args.is_array() ? args : kNoArgs, out.args);
    if (!out.error.empty()) out.args = Json::array();
    return out;
}

std::string checkedCommandJson(const CheckedCommand& c, std::string_view name) {
    Json out;
    if (c.ok())
        out = {{"status", "ok"}, {"runs", c.spec->runner == CommandRunner::viewer ? "viewer" : "page"},
               {"cmd", c.spec->name}, {"args", c.args}};
    else
        out = {{"status", "invalid"}, {"cmd", std::string(name)}, {"error", c.error}};
    return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// ---- [4] keys ---------------------------------------------------------------------------------------------------

std::optional<KeyCommand> commandForKey(std::string_view key, bool shift, bool rightToLeft) {
    constexpr double kStepMs = 15 * 60 * 1000;  // ← →: 15 minutes, with Shift an hour
    auto to = [](const char* cmd, Json args = Json::array()) { return KeyCommand{cmd, std::move(args)}; };
    if (key == " ") return to("togglePlay");
    // Right to left the timeline runs from the right end, as a dir="rtl" range input does: → goes back in time.
    if (key == "ArrowRight" || key == "ArrowLeft")
        return to("step", Json::array({(key == "ArrowRight") != rightToLeft ? 1 : -1, rules::jsonNumber(kStepMs * (shift ? 4 : 1))}));
    if (key == "+" || key == "=") return to("zoomBy", Json::array({1.25}));
    if (key == "-" || key == "_") return to("zoomBy", Json::array({0.8}));
    if (key == "0") return to("resetView");
    if (key.size() == 1 && key[0] >= '1' && key[0] <= '7') {  // 1–6 the sensor types, 7 the collection route
        size_t bit = key[0] == '7' ? size_t(kSensorTypeCount) : size_t(key[0] - '1');
        return to("toggleLayer", Json::array({rules::layerName(bit)}));
    }
    if (key == "f" || key == "F") return to("fullscreen");
    if (key == "?") return to("help");
    if (key == "v" || key == "V") return to("videoDialog");
    if (key == "Escape") return to("escape");
    if (key == "]" || key == "[") return to("speedStep", Json::array({key == "]" ? 1 : -1}));
    if (key == "n" || key == "N") return to("nextEvent", Json::array({key == "N" ? -1 : 1}));
    if (key == "s" || key == "S") return to("selectNext", Json::array({key == "S" ? -1 : 1}));
    if (key == "l" || key == "L") return to("toggleLoop");
    return std::nullopt;
}

const Json& keyHelpRows() {
    static const Json rows = Json::array({
        {{"keys", "Space"}, {"text", "help.space"}},
        {{"keys", "← →"}, {"text", "help.arrows"}},
        {{"keys", "+ − 0"}, {"text", "help.zoom"}},
        {{"keys", "1 … 7"}, {"text", "help.layers"}},
        {{"keys", "[ ]  L"}, {"text", "help.speed"}},
        {{"keys", "N  Shift+N"}, {"text", "help.events"}},
        {{"keys", "S  Shift+S"}, {"text", "help.sensors"}},
        {{"keys", "F"}, {"text", "help.fullscreen"}},
        {{"keys", "V"}, {"text", "help.video"}},
        {{"keys", "?"}, {"text", "help.help"}},
        {{"keysText", "help.touchKey"}, {"text", "help.touch"}},
    });
    return rows;
}

// ---- [5] start commands -----------------------------------------------------------------------------------------

Json startCommands(const Json& o) {
    Json out = Json::array();
    if (!o.is_object()) return out;
    auto has = [&](const char* key) { return o.contains(key) && !o[key].is_null(); };
    auto add = [&](const char* cmd, Json args) {
        if (checkCommand(cmd, args).ok()) out.push_back(Json::array({cmd, std::move(args)}));
    };
    if (has("maxFileBytes")) add("setLimits", Json::array({Json{{"maxFileBytes", o["maxFileBytes"]}}}));
    if (has("palette") && (o["palette"] == "colourblind" || o["palette"] == "cb")) add("setPalette", Json::array({"colourblind"}));
    if (has("ui")) add("setUi", Json::array({o["ui"]}));
    if (has("detail")) add("setDetail", Json::array({o["detail"]}));
    if (has("metric")) add("setMetric", Json::array({o["metric"]}));
    if (has("filter")) add("setFilter", Json::array({o["filter"]}));
    if (has("events")) add("setEventRules", Json::array({o["events"]}));
    if (has("layers") && o["layers"].is_array()) {
        Json known = Json::array();
        for (const Json& n : o["layers"])
            if (n.is_string() && rules::isLayerName(n.get<std::string>())) known.push_back(n);
        add("setLayers", Json::array({known}));
    }
    if (has("t") && !(o["t"].is_number() && o["t"].get<double>() == 0) && o["t"] != "") add("seek", Json::array({o["t"]}));
    // After the time: a comparison by time is the first pane's moment and t2.
    if (has("compare") || has("t2")) {
        Json spec = {{"by", has("compare") ? o["compare"] : Json("time")}};
        if (has("t2")) spec["t2"] = o["t2"];
        add("compare", Json::array({spec}));
    }
    if (has("speed")) add("setSpeed", Json::array({o["speed"]}));
    if (has("loop") && o["loop"].is_boolean()) add("setLoop", Json::array({o["loop"]}));
    if (has("kiosk") && o["kiosk"] == true) add("setLoop", Json::array({true}));
    if (has("sensor") && o["sensor"] != "") add("select", Json::array({o["sensor"]}));
    if (has("view") && o["view"].is_object()) {
        const Json& v = o["view"];
        add("flyTo", Json::array({v.value("lat", Json()), v.value("lon", Json()), v.value("zoom", Json()),
                                  Json{{"animate", false}}}));
    }
    if (has("play") && o["play"] == true) add("play", Json::array());
    return out;
}

}  // namespace bk
