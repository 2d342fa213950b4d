// fuzz_embed_command.cpp — libFuzzer target: postMessage commands from a parent frame (any page may frame the viewer).
//
// Beyond "no crash" (ASan, UBSan), it traps when a promise breaks: the answer is valid JSON of one of the three shapes,
// an ok command's arguments are in range, and normalizing is idempotent (feeding {"bukchon":1,"cmd":…,"args":<the
// normalized args>} back in gives ok with identical args).
#include "embed_command.hpp"
#include "param_rules.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using Json = nlohmann::ordered_json;

void require(bool ok) {
    if (!ok) __builtin_trap();
}

bool numberIn(const Json& v, double lo, double hi) {
    return v.is_number() && std::isfinite(v.get<double>()) && v.get<double>() >= lo && v.get<double>() <= hi;
}

void checkOkArgs(const std::string& cmd, const Json& a) {
    namespace r = bk::rules;
    require(a.is_array());
    if (cmd == "play" || cmd == "pause" || cmd == "resetView" || cmd == "getState") require(a.empty());
    else if (cmd == "seek") require(a.size() == 1 && a[0].is_number() && std::isfinite(a[0].get<double>()));
    else if (cmd == "setSpeed") require(a.size() == 1 && numberIn(a[0], r::kMinSpeed, r::kMaxSpeed));
    else if (cmd == "setLoop") require(a.size() == 1 && a[0].is_boolean());
    else if (cmd == "setLanguage") require(a.size() == 1 && a[0].is_string() && r::isLanguageCode(a[0].get<std::string>()));
    else if (cmd == "setLayers") {
        require(a.size() == 1 && a[0].is_array());
        for (size_t i = 0; i < a[0].size(); ++i) {
            require(a[0][i].is_string() && r::isLayerName(a[0][i].get<std::string>()));
            for (size_t k = 0; k < i; ++k) require(a[0][k] != a[0][i]);
        }
    } else if (cmd == "select") {
        require(a.size() == 1 && (a[0].is_null() || (a[0].is_string() && !a[0].get<std::string>().empty() &&
                                                      a[0].get<std::string>().size() <= r::kMaxIdBytes)));
    } else if (cmd == "flyTo") {
        require(a.size() == 4 && numberIn(a[0], -r::kMaxLatitude, r::kMaxLatitude) &&
                numberIn(a[1], -r::kMaxLongitude, r::kMaxLongitude) && numberIn(a[2], r::kMinZoom, r::kMaxZoom) &&
                a[3].is_object() && a[3].size() == 1 && a[3].contains("animate") && a[3]["animate"].is_boolean());
    } else if (cmd == "load") {
        require(a.size() == 1 && (a[0].is_string() || (a[0].is_object() && !a[0].empty()) ||
                                  (a[0].is_array() && !a[0].empty() && a[0].size() <= 64)));
    } else if (cmd == "screenshot") {
        require(a.size() == 1 && a[0].is_object() && a[0].size() == 1 && a[0].contains("scale") &&
                (a[0]["scale"] == 1 || a[0]["scale"] == 2));
    } else if (cmd == "setUi") require(a.size() == 1 && a[0].is_string() && r::isUiMode(a[0].get<std::string>()));
    else if (cmd == "setPalette") require(a.size() == 1 && a[0].is_string() && r::isPalette(a[0].get<std::string>()));
    else if (cmd == "setDetail") require(a.size() == 1 && a[0].is_string() && r::isDetailMode(a[0].get<std::string>()));
    else require(false);  // ok for a command docs/api.md does not list
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view message(reinterpret_cast<const char*>(data), size);
    bk::EmbedCommand command = bk::parseEmbedCommand(message);
    std::string text = bk::embedCommandJson(command);
    require(Json::accept(text));
    Json out = Json::parse(text, nullptr, false);
    require(out.is_object() && out.contains("status") && out["status"].is_string());
    const std::string status = out["status"].get<std::string>();

    if (status == "ignored") {
        require(out.size() == 2 && out["reason"].is_string() && !out["reason"].get<std::string>().empty());
        return 0;
    }
    const Json& id = out["id"];
    require(id.is_null() || (id.is_string() && id.get<std::string>().size() <= bk::rules::kMaxIdBytes) ||
            (id.is_number() && std::isfinite(id.get<double>())));
    require(out["cmd"].is_string());
    const std::string cmd = out["cmd"].get<std::string>();
    if (status == "invalid") {
        require(out.size() == 4 && out["error"].is_string() && out["error"].get<std::string>().rfind(cmd + ": ", 0) == 0);
        return 0;
    }
    require(status == "ok" && out.size() == 4);
    checkOkArgs(cmd, out["args"]);

    Json again = {{"bukchon", 1}, {"cmd", cmd}, {"args", out["args"]}};
    bk::EmbedCommand second = bk::parseEmbedCommand(again.dump(-1, ' ', false, Json::error_handler_t::replace));
    require(second.status == bk::EmbedCommand::Status::ok && second.cmd == cmd);
    require(second.args.dump(-1, ' ', false, Json::error_handler_t::replace) ==
            command.args.dump(-1, ' ', false, Json::error_handler_t::replace));
    return 0;
}
