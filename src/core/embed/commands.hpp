// commands.hpp — the one command table: every way into the viewer (JS methods, postMessage, URL parameters at start,
// keys) names a command here, and its arguments are checked and normalized here, once.
//
// A command either runs in the viewer's core (the viewer applies it: src/viewer/viewer_commands.cpp) or in the page
// (web/viewer-api.js does it with the arguments checked here: loading, screenshots, full screen …). JavaScript
// forwards and never checks. docs/api.md lists the commands; docs/architecture.md says how to add one.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace bk {

using CommandJson = nlohmann::ordered_json;

enum class CommandRunner { viewer, page };

struct CommandSpec {
    const char* name;
    CommandRunner runner;
    bool embeddable;  // may arrive by postMessage from a parent frame (embed.html)
    // Fills `out` with the normalized arguments (an array) and returns "", or returns the error, e.g.
    // "setSpeed: expected a number from 0.1 to 100000 (replay seconds per real second), got -1". Extra arguments
    // are ignored; a missing one reads as null (JSON.stringify turns `undefined` in an array into null anyway).
    std::string (*check)(const CommandJson& args, CommandJson& out);
};

const CommandSpec* findCommand(std::string_view name);

struct CheckedCommand {
    const CommandSpec* spec = nullptr;          // null: no such command
    CommandJson args = CommandJson::array();    // normalized, when error is empty
    std::string error;
    bool ok() const { return spec && error.empty(); }
};
CheckedCommand checkCommand(std::string_view name, const CommandJson& args);

// {"cmd": name, "args": […]} as a JS method sends it → {"status":"ok","runs":"viewer"|"page","cmd":…,"args":[…]} or
// {"status":"invalid","cmd":…,"error":…}; always valid JSON.
std::string checkedCommandJson(const CheckedCommand& command, std::string_view name);

// The key table: what a key press asks for (key as KeyboardEvent.key), or nothing for a key the viewer leaves alone;
// `rightToLeft`: the UI's direction (the arrows follow the timeline, which then runs from the right).
struct KeyCommand {
    std::string cmd;
    CommandJson args = CommandJson::array();
};
std::optional<KeyCommand> commandForKey(std::string_view key, bool shift, bool rightToLeft = false);
// The help card's rows, [["Space", "help.space"], …]: what to press and the UI string that says what it does.
const CommandJson& keyHelpRows();

// The commands that apply createViewer's options at start (after the URL's and the page's are merged), in the
// order they apply: [["setPalette", ["colourblind"]], ["seek", [1778907600000]], …]. Unusable values are left out
// (the URL's were reported when its query was read).
CommandJson startCommands(const CommandJson& options);

}  // namespace bk
