// js_bridge.cpp — the C functions web/viewer.js calls (data in, intents in, state out as JSON). Nothing else.
#include "platform.hpp"

#include <emscripten/emscripten.h>

#include "time_util.hpp"

#include <limits>
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
    return platform().app.commitStaged() ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void bk_set_fonts(const char* regular, int regularLength, const char* bold, int boldLength) {
    platform().fonts.setFontData(std::string(regular, size_t(regularLength)), std::string(bold, size_t(boldLength)));
}

// The state as JSON text (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* bk_state() {
    static std::string state;
    state = platform().app.stateJson();
    return state.c_str();
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
EMSCRIPTEN_KEEPALIVE void bk_set_reduced_motion(int on) { platform().app.setReducedMotion(on != 0); }

}  // extern "C"
