// js_bridge.cpp — the C functions web/viewer-bridge.js calls (data in, commands in, state out as JSON). Nothing else.
#include "file_kinds.hpp"
#include "platform.hpp"

#include <emscripten/emscripten.h>

#include "commands.hpp"
#include "embed_command.hpp"
#include "launch_params.hpp"
#include "manifest.hpp"
#include "rehearsal.hpp"
#include "video_export.hpp"

#include <imgui.h>
#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>

using bk::platform;

extern "C" {

// Makes room for one file's bytes, which the caller copies there at once; `kind` is "map" (.bkm), "recording" (.bkr),
// "sensors" (refused at the commit unless beside a .bkr, which carries its own) or "report" (the importer's, with a
// recording the tools module made). Nothing is parsed until bk_commit(). Null for another kind: logs, OpenStreetMap,
// workbooks and JSON datasets go through the tools module first (web/viewer-convert.js).
EMSCRIPTEN_KEEPALIVE char* bk_stage_buffer(const char* kind, const char* name, double length) {
    return platform().viewer.stageBuffer(kind, name, size_t(length > 0 ? length : 0));
}

// Parses and swaps in the staged files. Returns 1 on success; 0 keeps the previous data and sets state.error.
EMSCRIPTEN_KEEPALIVE int bk_commit() {
    platform().drawRequested = true;  // something to draw now, or an error to show over the last data
    return platform().viewer.commitStaged() ? 1 : 0;
}

// The start-up rehearsal (rehearsal.hpp): a small generated city committed in a viewer of its own while the data
// downloads, so the real commit runs in compiled code. Nothing of it is kept; returns 1 when it committed.
EMSCRIPTEN_KEEPALIVE int bk_rehearse() { return bk::rehearseCommit() ? 1 : 0; }

// A load that failed in the page (a download, a manifest): the message becomes the state's error; the data stays.
EMSCRIPTEN_KEEPALIVE void bk_fail_load(const char* message, const char* report) {
    platform().viewer.failLoad(message ? message : "", report ? report : "");
}
// Why a file of `bytes` and kind `kind` (the file-kind table's name) cannot be loaded, or "" (the core's size rules:
// the viewer's for its own formats and their JSON forms, the kind's for a tab's other converters; the page asks
// before copying it anywhere).
EMSCRIPTEN_KEEPALIVE const char* bk_file_size_problem(const char* kind, const char* name, double bytes) {
    static std::string out;
    const bk::FileKind* k = bk::findFileKind(kind ? kind : "");
    const bool viewersOwn = !k || !*k->converter || std::string_view(k->converter) == "json";
    out = viewersOwn ? platform().viewer.fileSizeProblem(name ? name : "", bytes) : bk::pageSizeProblem(*k, name ? name : "", bytes);
    return out.c_str();
}

// The converter a file of kind `kind` goes through, from its first bytes (file_kinds.hpp converterFor): "" for the
// viewer's own .bkr and .bkm, "json" for their JSON forms and the sensors, or the kind's ("import", "osm").
EMSCRIPTEN_KEEPALIVE const char* bk_file_converter(const char* kind, const char* head, int length) {
    const bk::FileKind* k = bk::findFileKind(kind ? kind : "");
    return k ? bk::converterFor(*k, std::string_view(head, size_t(length > 0 ? length : 0))) : "";
}

// What is shown as the viewer's own files, for an offline copy: {"recording": [pointer, bytes], "map": [pointer,
// bytes]} (the bytes stay until the next call).
EMSCRIPTEN_KEEPALIVE const char* bk_saved_data() {
    static std::string recording, map, out;
    recording = platform().viewer.savedRecording();
    map = platform().viewer.savedMap();
    out = nlohmann::json{{"recording", {double(reinterpret_cast<uintptr_t>(recording.data())), double(recording.size())}},
                         {"map", {double(reinterpret_cast<uintptr_t>(map.data())), double(map.size())}}}.dump();
    return out.c_str();
}

// Which kind of file this is (the file-kind table's name), from its name and first bytes (a few KB).
EMSCRIPTEN_KEEPALIVE const char* bk_classify_file(const char* name, const char* head, int length) {
    return bk::classifyFile(name ? name : "", std::string_view(head, size_t(length > 0 ? length : 0))).name;
}

// The file-kind table as JSON (file_kinds.hpp): the page's file picker and its tools loader read it.
EMSCRIPTEN_KEEPALIVE const char* bk_file_kinds() {
    static const std::string out = bk::fileKindsJson();
    return out.c_str();
}

// A dataset manifest's text: {"files": {kind: url, …}} or {"error": "data.json line 3, sensors: …"} (valid until the
// next call).
EMSCRIPTEN_KEEPALIVE const char* bk_manifest(const char* json, int length, const char* fileName) {
    static std::string out;
    auto files = bk::parseManifest(std::string_view(json, size_t(length > 0 ? length : 0)), fileName ? fileName : "");
    nlohmann::ordered_json j;
    if (files) j["files"] = files.value();
    else j["error"] = files.error().describe();
    out = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE void bk_set_fonts(const char* regular, int regularLength, const char* bold, int boldLength) {
    platform().fonts.setFontData(std::string(regular, size_t(regularLength)), std::string(bold, size_t(boldLength)));
}

// The UI language's own glyphs (assets/fonts/lang/xx.ttf and its bold, site-manifest.js's fonts.languages) and the
// code points they cover as "first,last,first,last…"; empty regular bytes: the language has none.
EMSCRIPTEN_KEEPALIVE void bk_set_language_fonts(const char* regular, int regularLength, const char* bold, int boldLength,
                                                const char* covers) {
    std::vector<bk::CodepointRange> ranges;
    const char* p = covers ? covers : "";
    while (*p) {
        char* end = nullptr;
        const unsigned long first = std::strtoul(p, &end, 10);
        if (end == p || *end != ',') break;
        p = end + 1;
        const unsigned long last = std::strtoul(p, &end, 10);
        if (end == p) break;
        if (first <= last && last <= 0x10FFFF) ranges.emplace_back(uint32_t(first), uint32_t(last));
        p = *end == ',' ? end + 1 : end;
    }
    std::sort(ranges.begin(), ranges.end());
    platform().fonts.setLanguageFonts(std::string(regular ? regular : "", size_t(std::max(0, regularLength))),
                                      std::string(bold ? bold : "", size_t(std::max(0, boldLength))), std::move(ranges));
}

// A font file the viewer asked for (Module.onFontFile: "packs.json" or a pack under assets/fonts/), or why not.
EMSCRIPTEN_KEEPALIVE void bk_add_font_file(const char* name, const char* data, int length) {
    platform().fonts.addFile(name ? name : "", std::string(data, size_t(length > 0 ? length : 0)));
}
EMSCRIPTEN_KEEPALIVE void bk_font_file_failed(const char* name, const char* why) {
    platform().fonts.fileFailed(name ? name : "", why ? why : "");
}

// The state as JSON text (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* bk_state() {
    static std::string state;
    state = platform().viewer.stateJson();
    bk::updateTextInUse(platform());
    // The fonts and the panels' fit are the platform's: they join the viewer's object ("…}" → "…,"fonts":{…},…}").
    if (!state.empty() && state.back() == '}') {
        state.pop_back();
        state += ",\"fonts\":" + platform().fonts.stateJson() + ",\"layout\":" + bk::layoutStateJson() + "}";
    }
    return state.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* bk_sensor_ids() {
    static std::string ids;
    ids = platform().viewer.sensorIdsJson();
    return ids.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* bk_screen_position(const char* id) {
    static std::string out;
    out = platform().viewer.screenPositionJson(id ? id : "");
    return out.c_str();
}

// The page's query string (location.search) read into viewer options:
// {"options":{"lang":"ko","t":1778907600000,…},"problems":["URL parameter speed=abc: expected …"]} (valid until the
// next call).
EMSCRIPTEN_KEEPALIVE const char* bk_launch_params(const char* query) {
    static std::string out;
    out = bk::launchParamsJson(bk::parseLaunchParams(query ? query : ""));
    return out.c_str();
}
// A command from a JS method, {"cmd": name, "args": […]}, checked by the command table (src/core/embed/commands.hpp)
// and, when it runs in the viewer, applied: {"status":"ok","runs":"viewer"|"page","cmd":…,"args":[…]} or
// {"status":"invalid","cmd":…,"error":…} (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* bk_command(const char* json, int length) {
    static std::string out;
    auto message = nlohmann::ordered_json::parse(json && length > 0 ? std::string_view(json, size_t(length)) : "{}",
                                                 nullptr, false);
    const std::string name = message.is_object() && message.value("cmd", nlohmann::ordered_json()).is_string()
                                 ? message["cmd"].get<std::string>() : "";
    bk::CheckedCommand checked = bk::checkCommand(name, message.is_object() ? message.value("args", nlohmann::ordered_json::array())
                                                                            : nlohmann::ordered_json::array());
    platform().viewer.run(checked);
    out = bk::checkedCommandJson(checked, name);
    return out.c_str();
}
// A postMessage command as JSON text (Blobs as {"$blob": i}): {"status":"ok","id":…,"cmd":…,"args":[…],"runs":…}
// (a viewer command has already run), {"status":"invalid",…,"error":…}, or {"status":"ignored","reason":…} (valid
// until the next call).
EMSCRIPTEN_KEEPALIVE const char* bk_embed_command(const char* json, int length) {
    static std::string out;
    std::string_view text = json && length > 0 ? std::string_view(json, size_t(length)) : std::string_view();
    bk::EmbedCommand command = bk::parseEmbedCommand(text);
    out = bk::embedCommandJson(command);
    if (command.status == bk::EmbedCommand::Status::ok) {
        bk::CheckedCommand checked{bk::findCommand(command.cmd), command.args, ""};
        platform().viewer.run(checked);
        // Where it ran joins the core's object ("…}" → "…,"runs":"viewer"}"), as the fonts join bk_state's.
        out.pop_back();
        out += checked.spec->runner == bk::CommandRunner::viewer ? ",\"runs\":\"viewer\"}" : ",\"runs\":\"page\"}";
    }
    return out.c_str();
}
// A key press (KeyboardEvent.key, Shift) through the key table: null for a key the viewer leaves alone, else the
// command as bk_command answers it (a viewer command has already run; a page command is the page's to do).
EMSCRIPTEN_KEEPALIVE const char* bk_key(const char* key, int shift) {
    static std::string out;
    // Escape closes an open panel menu (Compare, a filter) first, as it would in any application; nothing else.
    if (key && std::string_view(key) == "Escape" && ImGui::GetCurrentContext() &&
        ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) {
        platform().closePopups = true;
        return R"({"status":"ok","runs":"viewer","cmd":"closeMenu","args":[]})";
    }
    auto command = bk::commandForKey(key ? key : "", shift != 0, bk::uiStrings().rightToLeft());
    if (!command) return "null";
    bk::CheckedCommand checked = bk::checkCommand(command->cmd, command->args);
    platform().viewer.run(checked);
    out = bk::checkedCommandJson(checked, command->cmd);
    return out.c_str();
}
// The help card's rows: [{"keys":"Space","text":"help.space"}, …] ("keysText": a UI string instead of keys).
EMSCRIPTEN_KEEPALIVE const char* bk_key_help() {
    static std::string out;
    out = bk::keyHelpRows().dump();
    return out.c_str();
}
// createViewer's merged options → the commands that apply them at start, in order: [["seek",[…]], …].
EMSCRIPTEN_KEEPALIVE const char* bk_start_commands(const char* json, int length) {
    static std::string out;
    auto options = nlohmann::ordered_json::parse(json && length > 0 ? std::string_view(json, size_t(length)) : "{}",
                                                 nullptr, false);
    out = bk::startCommands(options).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return out.c_str();
}
// Sets the UI language from a language file's text; returns null, or the reason it cannot be used.
EMSCRIPTEN_KEEPALIVE const char* bk_set_language(const char* json, int length, const char* fileName) {
    static std::string error;
    auto strings = bk::Strings::load(std::string_view(json, size_t(length)), fileName ? fileName : "language");
    if (!strings) {
        error = strings.error().describe();
        return error.c_str();
    }
    platform().viewer.setLanguage(strings->code());
    platform().viewer.setRightToLeft(strings->rightToLeft());
    bk::setUiStrings(std::move(strings.value()));
    return nullptr;
}

// Place names for a language, as place_names.hpp's records (web/bukchon-replay.js reads assets/<city>/names/xx.json).
EMSCRIPTEN_KEEPALIVE void bk_add_place_names(const char* language, const char* records) {
    platform().viewer.addPlaceNames(language ? language : "", records ? records : "");
}

// Renders the next frame at `scale` × the canvas size and calls Module.onCapture() right after drawing it.
EMSCRIPTEN_KEEPALIVE void bk_capture(double scale) { platform().captureScale = float(scale > 0 ? scale : 1); }
// Video export: the plan of frames for exportVideo's checked options {"options": {…}, "speed": …, "story": [s, …]}
// with the recording's span (video_export.hpp): {"frames": …, …} or {"error": …}; then, with the main loop paused,
// one frame at a time of exactly `elapsedMs` at `width`×`height` (drawn when the call returns).
EMSCRIPTEN_KEEPALIVE const char* bk_video_plan(const char* json, int length) {
    static std::string out;
    auto in = nlohmann::ordered_json::parse(json && length > 0 ? std::string_view(json, size_t(length)) : "{}", nullptr, false);
    if (!in.is_object()) in = nlohmann::ordered_json::object();
    auto state = nlohmann::ordered_json::parse(platform().viewer.stateJson(), nullptr, false);
    bk::VideoPlanInput plan;
    if (platform().viewer.hasData() && state.is_object()) {
        plan.startMs = state.value("startMs", 0.0);
        plan.endMs = state.value("endMs", 0.0);
        plan.offsetMinutes = state.value("utcOffsetMinutes", 0);
    }
    plan.speed = in.value("speed", 1.0);
    for (const auto& s : in.value("story", nlohmann::ordered_json::array()))
        if (s.is_number()) plan.storySeconds.push_back(s.get<double>());
    out = bk::videoPlanJson(bk::planVideoExport(in.value("options", nlohmann::ordered_json::object()), plan)).dump();
    return out.c_str();
}
EMSCRIPTEN_KEEPALIVE void bk_video_begin() { bk::pauseForFixedSteps(); }
EMSCRIPTEN_KEEPALIVE void bk_video_frame(double elapsedMs, int width, int height) { bk::renderFixedStep(elapsedMs, width, height); }
EMSCRIPTEN_KEEPALIVE void bk_video_end() { bk::resumeAfterFixedSteps(); }
// Bytes currently allocated by malloc (not the heap's size): what a leak would grow.
EMSCRIPTEN_KEEPALIVE double bk_heap_used() { return double(mallinfo().uordblks); }
EMSCRIPTEN_KEEPALIVE void bk_destroy() { bk::shutdownPlatform(); }

EMSCRIPTEN_KEEPALIVE void bk_set_reduced_motion(int on) { platform().viewer.setReducedMotion(on != 0); }

// For the bench (bench/run.mjs): the viewer's CPU frame exactly as the native ViewerFrame100k runs it (an update of
// `stepMs` at 1280×800, then the frame's draw lists; no GL, no panels), 30 times to warm up and then `frames` times
// into the frame stats, which getState().frame reads next. Like for like: wasm ÷ native at the same steps.
EMSCRIPTEN_KEEPALIVE void bk_bench_steps(int frames, double stepMs) {
    bk::Viewer& viewer = platform().viewer;
    double t = emscripten_get_now() / 1000.0;
    for (int k = -30; k < frames; ++k) {
        if (k == 0) viewer.frameStats().clear();
        const double start = emscripten_get_now();
        viewer.update(stepMs, 1280, 800, 1, 1);
        viewer.frame(t += stepMs / 1000.0);
        if (k >= 0) viewer.frameStats().add(stepMs, emscripten_get_now() - start);
    }
}

}  // extern "C"
