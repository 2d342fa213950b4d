// embed_command.hpp — checks a parent frame's postMessage command ({bukchon: 1, id, cmd, args}) and normalizes it.
//
// embed.html JSON.stringify's each message it receives (Blobs and Files replaced by {"$blob": index} markers) and
// asks here what to do: ignore it (not meant for us, or malformed), answer that its arguments are wrong, or run the
// command with arguments already checked and normalized (docs/api.md, "postMessage"). Nothing here throws or aborts:
// the text comes from any page that can frame the viewer.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace bk {

constexpr size_t kMaxEmbedMessageBytes = 1024 * 1024;
constexpr int kMaxEmbedDepth = 32;  // brackets inside brackets; the outer object is depth 1

struct EmbedCommand {
    enum class Status { ignored, invalid, ok };
    Status status = Status::ignored;
    std::string reason;                                    // ignored: why, e.g. "cmd is not a string"
    nlohmann::ordered_json id;                             // invalid, ok: the message's id, or null
    std::string cmd;                                       // invalid, ok
    std::string error;                                     // invalid: "seek: expected …, got \"abc\""
    nlohmann::ordered_json args = nlohmann::ordered_json::array();  // ok: the normalized arguments
};

EmbedCommand parseEmbedCommand(std::string_view messageJson);

// {"status":"ignored","reason":…} | {"status":"invalid","id":…,"cmd":…,"error":…} |
// {"status":"ok","id":…,"cmd":…,"args":[…]}; always valid JSON.
std::string embedCommandJson(const EmbedCommand& command);

}  // namespace bk
