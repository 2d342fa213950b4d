// js_bridge.cpp — the C functions web/bukchon-replay.js calls (data in, intents in, state out as JSON). Nothing else.
#include "platform.hpp"

#include <emscripten/emscripten.h>

#include "embed_command.hpp"
#include "launch_params.hpp"
#include "time_util.hpp"

#include <limits>
#include <malloc.h>
#include <string>

using bk::Intent;
using bk::platform;

extern "C" {

// Hands over one file's bytes; `kind` is "map", "sensors" or "recording". Nothing is parsed until bk_commit().
EMSCRIPTEN_KEEPALIVE void bk_stage_file(const char* kind, const char* name, const char* data, int length) {
    platform().app.stageFile(kind, name, std::string(data, size_t(length > 0 ? length : 0)));
}

// Parses and swaps in the staged files. Returns 1 on success; 0 keeps the previous data and sets state.error.
EMSCRIPTEN_KEEPALIVE int bk_commit() {
    platform().drawRequested = true;  // something to draw now, or an error to show over the last data
    return platform().app.commitStaged() ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void bk_set_fonts(const char* regular, int regularLength, const char* bold, int boldLength) {
    platform().fonts.setFontData(std::string(regular, size_t(regularLength)), std::string(bold, size_t(boldLength)));
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
    state = platform().app.stateJson();
    bk::updateTextInUse(platform());
    // The fonts are the platform's: their state joins the app's object ("…}" → "…,"fonts":{…}}").
    if (!state.empty() && state.back() == '}') {
        state.pop_back();
        state += ",\"fonts\":" + platform().fonts.stateJson() + "}";
    }
    return state.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* bk_sensor_ids() {
    static std::string ids;
    ids = platform().app.sensorIdsJson();
    return ids.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* bk_screen_position(const char* id) {
    static std::string out;
    out = platform().app.screenPositionJson(id ? id : "");
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE void bk_play() { platform().app.push(Intent::of(Intent::play)); }
EMSCRIPTEN_KEEPALIVE void bk_pause() { platform().app.push(Intent::of(Intent::pause)); }
EMSCRIPTEN_KEEPALIVE void bk_seek(double timeMs) { platform().app.push(Intent::number(Intent::seek, timeMs)); }
EMSCRIPTEN_KEEPALIVE void bk_set_speed(double speed) { platform().app.push(Intent::number(Intent::setSpeed, speed)); }
EMSCRIPTEN_KEEPALIVE void bk_set_loop(int loop) { platform().app.push(Intent::number(Intent::setLoop, loop)); }
EMSCRIPTEN_KEEPALIVE void bk_select(const char* id) { platform().app.push(Intent::named(Intent::select, id ? id : "")); }
EMSCRIPTEN_KEEPALIVE void bk_reset_view() { platform().app.push(Intent::of(Intent::resetView)); }
// Parses an ISO 8601 time with offset with the same strict rules as the recording loader; NaN if invalid.
EMSCRIPTEN_KEEPALIVE double bk_parse_time(const char* text) {
    auto t = bk::parseIsoTimeMs(text ? text : "");
    return t ? double(*t) : std::numeric_limits<double>::quiet_NaN();
}
// The page's query string (location.search) read into viewer options:
// {"options":{"lang":"ko","t":1778907600000,…},"problems":["URL parameter speed=abc: expected …"]} (valid until the
// next call).
EMSCRIPTEN_KEEPALIVE const char* bk_launch_params(const char* query) {
    static std::string out;
    out = bk::launchParamsJson(bk::parseLaunchParams(query ? query : ""));
    return out.c_str();
}
// A postMessage command as JSON text (Blobs as {"$blob": i}): {"status":"ok","id":…,"cmd":…,"args":[…]}, or
// {"status":"invalid",…,"error":…}, or {"status":"ignored","reason":…} (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* bk_embed_command(const char* json, int length) {
    static std::string out;
    std::string_view text = json && length > 0 ? std::string_view(json, size_t(length)) : std::string_view();
    out = bk::embedCommandJson(bk::parseEmbedCommand(text));
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
    platform().app.setLanguage(strings->code());
    bk::setUiStrings(std::move(strings.value()));
    return nullptr;
}

EMSCRIPTEN_KEEPALIVE void bk_set_view(double lat, double lon, double zoom, int animate) {
    Intent i = Intent::at(Intent::setView, lat, lon, zoom);
    if (animate) i.text = "animate";
    platform().app.push(std::move(i));
}
EMSCRIPTEN_KEEPALIVE void bk_zoom_by(double factor) { platform().app.push(Intent::at(Intent::zoomBy, 0, 0, factor)); }
EMSCRIPTEN_KEEPALIVE void bk_set_layers(int mask) { platform().app.push(Intent::number(Intent::setLayers, mask)); }
EMSCRIPTEN_KEEPALIVE void bk_next_event(int direction) { platform().app.push(Intent::number(Intent::focusNextEvent, direction)); }
EMSCRIPTEN_KEEPALIVE void bk_select_next(int direction) { platform().app.push(Intent::number(Intent::selectNext, direction)); }
EMSCRIPTEN_KEEPALIVE void bk_toggle_play() { platform().app.push(Intent::of(Intent::togglePlay)); }
// 0 = full, 1 = minimal (timeline and the data badge), 2 = none (the canvas, and the badge when data is simulated).
EMSCRIPTEN_KEEPALIVE void bk_set_ui_mode(int mode) {
    platform().uiMode = mode < 0 || mode > 2 ? 0 : mode;
    platform().app.setUiMode(bk::UiMode(platform().uiMode));
}
EMSCRIPTEN_KEEPALIVE void bk_set_palette(int colourBlindSafe) { bk::setColourBlindSafe(colourBlindSafe != 0); }
// Renders the next frame at `scale` × the canvas size and calls Module.onCapture() right after drawing it.
EMSCRIPTEN_KEEPALIVE void bk_capture(double scale) { platform().captureScale = float(scale > 0 ? scale : 1); }
EMSCRIPTEN_KEEPALIVE void bk_set_max_file_bytes(double bytes) { platform().app.setMaxFileBytes(bytes); }
EMSCRIPTEN_KEEPALIVE void bk_set_detail_limit(double maxGlyphs) { platform().app.setDetailLimit(size_t(maxGlyphs > 0 ? maxGlyphs : 0)); }
EMSCRIPTEN_KEEPALIVE void bk_set_import_time_zone(const char* spec) { platform().app.setImportTimeZone(spec ? spec : ""); }
// Bytes currently allocated by malloc (not the heap's size): what a leak would grow.
EMSCRIPTEN_KEEPALIVE double bk_heap_used() { return double(mallinfo().uordblks); }
EMSCRIPTEN_KEEPALIVE void bk_destroy() { bk::shutdownPlatform(); }

EMSCRIPTEN_KEEPALIVE void bk_set_reduced_motion(int on) { platform().app.setReducedMotion(on != 0); }

}  // extern "C"
