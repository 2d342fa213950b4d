// fuzz_url_params.cpp — libFuzzer target: URL query decoding and the launch-parameter rules (any link can carry any text).
//
// Beyond "no crash" (ASan, UBSan), it traps when a promise breaks: every decoded name and value is valid UTF-8, the
// JSON is valid, and every option in it has the type and range docs/api.md gives; parents read back unchanged.
#include "event_rules.hpp"
#include "filters.hpp"
#include "launch_params.hpp"
#include "param_rules.hpp"
#include "time_zone.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

void require(bool ok) {
    if (!ok) __builtin_trap();
}

// Written apart from the decoder on purpose: an oracle, not a copy.
bool validUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        size_t need;
        unsigned char lower = 0x80, upper = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) need = 1;
        else if (b == 0xE0) need = 2, lower = 0xA0;
        else if (b == 0xED) need = 2, upper = 0x9F;
        else if (b >= 0xE1 && b <= 0xEF) need = 2;
        else if (b == 0xF0) need = 3, lower = 0x90;
        else if (b == 0xF4) need = 3, upper = 0x8F;
        else if (b >= 0xF1 && b <= 0xF3) need = 3;
        else return false;
        if (i + need >= s.size()) return false;
        for (size_t k = 1; k <= need; ++k, lower = 0x80, upper = 0xBF) {
            auto c = static_cast<unsigned char>(s[i + k]);
            if (c < lower || c > upper) return false;
        }
        i += need + 1;
    }
    return true;
}

bool numberIn(const nlohmann::json& v, double lo, double hi) {
    return v.is_number() && std::isfinite(v.get<double>()) && v.get<double>() >= lo && v.get<double>() <= hi;
}

bool textOf(const nlohmann::json& v, size_t maxBytes) {
    return v.is_string() && bk::rules::isPlainText(v.get<std::string>(), maxBytes);
}

bool oneOf(const nlohmann::json& v, bool (*allowed)(std::string_view)) {
    return v.is_string() && allowed(v.get<std::string>());
}

void checkOption(const std::string& key, const nlohmann::json& v) {
    namespace r = bk::rules;
    if (key == "lang") require(oneOf(v, r::isLanguageCode));
    else if (key == "t") require(v.is_number_integer() && std::fabs(v.get<double>()) <= 8.64e15);
    else if (key == "speed") require(numberIn(v, r::kMinSpeed, r::kMaxSpeed));
    else if (key == "play" || key == "loop" || key == "kiosk" || key == "authoring" || key == "dataFromUrl") require(v.is_boolean());
    else if (key == "layers") {
        require(v.is_array());
        for (size_t i = 0; i < v.size(); ++i) {
            require(oneOf(v[i], r::isLayerName));
            for (size_t k = 0; k < i; ++k) require(v[k] != v[i]);
        }
    } else if (key == "sensor") require(textOf(v, r::kMaxIdBytes));
    else if (key == "view")
        require(v.is_object() && v.size() == 3 && v.contains("lat") && v.contains("lon") && v.contains("zoom") &&
                numberIn(v["lat"], -r::kMaxLatitude, r::kMaxLatitude) &&
                numberIn(v["lon"], -r::kMaxLongitude, r::kMaxLongitude) && numberIn(v["zoom"], r::kMinZoom, r::kMaxZoom));
    else if (key == "ui") require(oneOf(v, r::isUiMode));
    else if (key == "palette") require(oneOf(v, r::isPalette));
    else if (key == "detail") require(oneOf(v, r::isDetailMode));
    else if (key == "story")
        require(v.is_boolean() || (textOf(v, r::kMaxUrlBytes) && v.get<std::string>().find(' ') == std::string::npos));
    else if (key == "kioskIdleSeconds") require(numberIn(v, r::kMinIdleSeconds, r::kMaxIdleSeconds));
    else if (key == "data") require(textOf(v, r::kMaxUrlBytes));
    else if (key == "metric") require(textOf(v, 128));
    else if (key == "compare") require(v == "time" || v == "policy");
    else if (key == "t2") require(v.is_number_integer() && std::fabs(v.get<double>()) <= 8.64e15);
    else if (key == "filter") {
        // Canonical: it reads back as itself, without an error.
        require(v.is_string());
        bk::FilterParse again = bk::parseFilters(v.get<std::string>());
        require(again.ok() && bk::formatFilters(again.filters) == v.get<std::string>());
    }
    else if (key == "events") {
        // Canonical thresholds: they read back as themselves, without an error.
        require(v.is_string());
        bk::EventRulesParse again = bk::parseEventRules(v.get<std::string>());
        require(again.ok() && bk::formatEventRules(again.rules) == v.get<std::string>());
    }
    else if (key == "timezone")
        require(v.is_string() && !v.get<std::string>().empty() && v.get<std::string>().size() <= 64 &&
                (bk::TimeZone::parseFixed(v.get<std::string>()) || v.get<std::string>().find(' ') == std::string::npos));
    else if (key == "parents") {
        require(v.is_array());
        std::string list;
        for (const auto& origin : v) {
            require(origin.is_string());
            list += (list.empty() ? "" : ",") + origin.get<std::string>();
        }
        // A serialized origin is its own serialization: reading the list again gives it back, with no problem.
        if (!v.empty()) {
            auto again = bk::parseLaunchParams("parents=" + list);
            require(again.problems.empty() && again.parents && nlohmann::json(*again.parents) == v);
        }
    } else {
        require(false);  // an option name docs/api.md does not list
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view query(reinterpret_cast<const char*>(data), size);
    for (const auto& [name, value] : bk::decodeQuery(query)) require(validUtf8(name) && validUtf8(value));

    bk::LaunchParams params = bk::parseLaunchParams(query);
    std::string text = bk::launchParamsJson(params);
    require(nlohmann::json::accept(text));
    auto json = nlohmann::json::parse(text, nullptr, false);
    require(json.is_object() && json.size() == 2 && json.contains("options") && json.contains("problems"));
    const auto& options = json["options"];
    require(options.is_object());
    for (auto it = options.begin(); it != options.end(); ++it) checkOption(it.key(), it.value());
    require(options.contains("data") == options.contains("dataFromUrl"));

    // At most one problem per parameter; each names what it is about.
    require(params.problems.size() <= 20);  // one per parameter the core reads (kRules)
    for (const std::string& p : params.problems)
        require(p.rfind("URL parameter ", 0) == 0 || p.rfind("URL query is ", 0) == 0);
    return 0;
}
