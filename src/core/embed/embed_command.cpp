// embed_command.cpp — postMessage commands: the envelope checks (the arguments are checked by the command table,
// commands.cpp), and the JSON out.
//
// [1] helpers   [2] parseEmbedCommand (envelope)   [3] JSON
#include "embed_command.hpp"

#include "commands.hpp"
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

std::optional<double> finiteNumber(const Json& v) {
    if (!v.is_number()) return std::nullopt;
    double d = v.get<double>();
    if (!std::isfinite(d)) return std::nullopt;
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

EmbedCommand ignored(std::string reason) {
    EmbedCommand c;
    c.reason = std::move(reason);
    return c;
}

}  // namespace

// ---- [2] parseEmbedCommand --------------------------------------------------------------------------------------

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
    const CommandSpec* command = findCommand(name);
    if (!command || !command->embeddable) return ignored("unknown command " + rules::showJson(*cmd));

    EmbedCommand out;
    out.cmd = name;
    auto id = m.find("id");
    if (id != m.end() && ((id->is_string() && id->get<std::string>().size() <= rules::kMaxIdBytes) || finiteNumber(*id)))
        out.id = *id;
    CheckedCommand checked = checkCommand(name, args == m.end() ? Json::array() : *args);
    out.error = checked.error;
    out.args = std::move(checked.args);
    out.status = out.error.empty() ? EmbedCommand::Status::ok : EmbedCommand::Status::invalid;
    return out;
}

// ---- [3] JSON ---------------------------------------------------------------------------------------------------

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
