// embed_command.cpp — postMessage commands: the envelope checks, one argument check per command, the JSON out.
//
// [1] helpers   [2] one check per command   [3] parseEmbedCommand (envelope)   [4] JSON
#include "embed_command.hpp"

#include "param_rules.hpp"
#include "time_util.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace bk {

using Json = nlohmann::ordered_json;

// ---- [1] helpers ------------------------------------------------------------------------------------------------

namespace {

// A missing argument reads as null: JSON.stringify turns `undefined` in an array into null anyway.
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

// The deepest bracket nesting outside strings, or -1 when a closing bracket has no opening one. Run before parsing,
// so a message of a million '[' costs one pass and no recursion.
int bracketDepth(std::string_view text) {
    int depth = 0, deepest = 0;
    bool inString = false, escaped = false;
    for (char c : text) {
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > deepest) deepest = depth;
            if (deepest > kMaxEmbedDepth) return deepest;
        } else if ((c == ']' || c == '}') && --depth < 0) {
            return -1;
        }
    }
    return deepest;
}

// ---- [2] one check per command ----------------------------------------------------------------------------------
// Each fills `out` with the normalized arguments and returns "", or returns the error. Extra arguments are ignored.

using Check = std::string (*)(const Json& args, Json& out);

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

std::string setLanguage(const Json& a, Json& out) {
    const Json& code = arg(a, 0);
    if (code.is_string() && rules::isLanguageCode(code.get<std::string>())) {
        out = Json::array({code});
        return "";
    }
    return "setLanguage: expected a language code such as \"en\" or \"ko\", got " + got(a, 0);
}

std::string setLayers(const Json& a, Json& out) {
    const Json& names = arg(a, 0);
    std::string expected = std::string("setLayers: expected an array of layer names (") + rules::kLayerList + "), got ";
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
        return "setLayers: unknown layer " + rules::showText(list) + "; layers are " + rules::kLayerList;
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

struct Command {
    const char* name;
    Check check;
};
const Command kCommands[] = {
    {"play", none},          {"pause", none},       {"resetView", none},   {"getState", none},
    {"seek", seek},          {"setSpeed", setSpeed}, {"setLoop", setLoop},  {"setLanguage", setLanguage},
    {"setLayers", setLayers}, {"select", select},    {"flyTo", flyTo},      {"load", load},
    {"screenshot", screenshot}, {"setUi", setUi},    {"setPalette", setPalette}, {"setDetail", setDetail},
};

EmbedCommand ignored(std::string reason) {
    EmbedCommand c;
    c.reason = std::move(reason);
    return c;
}

}  // namespace

// ---- [3] parseEmbedCommand --------------------------------------------------------------------------------------

EmbedCommand parseEmbedCommand(std::string_view text) {
    if (text.size() > kMaxEmbedMessageBytes)
        return ignored("message is " + std::to_string(text.size()) + " bytes, more than the " +
                       std::to_string(kMaxEmbedMessageBytes) + " allowed");
    int depth = bracketDepth(text);
    if (depth > kMaxEmbedDepth)
        return ignored("message is nested deeper than " + std::to_string(kMaxEmbedDepth) + " levels");
    Json m = depth < 0 ? Json(Json::value_t::discarded) : Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (m.is_discarded()) return ignored("message is not valid JSON");
    if (!m.is_object()) return ignored("message is not an object");
    auto bukchon = m.find("bukchon");
    if (bukchon == m.end() || !bukchon->is_number() || bukchon->get<double>() != 1)
        return ignored("message is not for this viewer (bukchon is not 1)");
    auto cmd = m.find("cmd");
    if (cmd == m.end() || !cmd->is_string()) return ignored("cmd is not a string");
    auto args = m.find("args");
    if (args != m.end() && !args->is_array()) return ignored("args is not an array");

    const std::string name = cmd->get<std::string>();
    const Command* command = nullptr;
    for (const Command& c : kCommands)
        if (name == c.name) command = &c;
    if (!command) return ignored("unknown command " + rules::showJson(*cmd));

    EmbedCommand out;
    out.cmd = name;
    auto id = m.find("id");
    if (id != m.end() && ((id->is_string() && id->get<std::string>().size() <= rules::kMaxIdBytes) || finiteNumber(*id)))
        out.id = *id;
    static const Json kNoArgs = Json::array();
    out.error = command->check(args == m.end() ? kNoArgs : *args, out.args);
    out.status = out.error.empty() ? EmbedCommand::Status::ok : EmbedCommand::Status::invalid;
    if (!out.error.empty()) out.args = Json::array();
    return out;
}

// ---- [4] JSON ---------------------------------------------------------------------------------------------------

std::string embedCommandJson(const EmbedCommand& c) {
    Json out;
    switch (c.status) {
        case EmbedCommand::Status::ignored: out = {{"status", "ignored"}, {"reason", c.reason}}; break;
        case EmbedCommand::Status::invalid:
            out = {{"status", "invalid"}, {"id", c.id}, {"cmd", c.cmd}, {"error", c.error}};
            break;
        case EmbedCommand::Status::ok: out = {{"status", "ok"}, {"id", c.id}, {"cmd", c.cmd}, {"args", c.args}}; break;
    }
    return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace bk
