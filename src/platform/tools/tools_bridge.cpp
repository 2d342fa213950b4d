// tools_bridge.cpp — the tools module's C API (web/viewer-convert.js): one conversion at a time, in steps.
//
// The tools module is its own wasm (cmake/wasm_tools.cmake), fetched the first time a page converts something:
// the JSON dataset readers, the log importer and the OpenStreetMap converter (libosmium, zlib, bzip2, expat) never
// weigh on the viewer's first load. The page copies each file into the heap (bk_tools_file), starts the converter the file-kind table
// names (bk_tools_start), steps it between frames (bk_tools_step) and takes the viewer's formats back
// (bk_tools_finish), which it then hands to the viewer as it would a downloaded .bkr or .bkm.
#include "converter.hpp"

#include <emscripten/emscripten.h>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace {
struct Session {
    std::vector<bk::ConvertFile> files;
    std::unique_ptr<bk::Conversion> conversion;
    bk::Converted out;
    std::string text;   // the last string returned to the page
};
Session& session() {
    static Session s;
    return s;
}
const char* give(std::string s) {
    session().text = std::move(s);
    return session().text.c_str();
}

// The page's lookup of the zone at a position (Module.zoneAt, set while logs without a zone are imported): the zone
// as the import's timeZone option writes it, as JSON in a heap string the caller frees; null when there is none.
EM_JS(char*, bk_js_zone_at, (double lat, double lon), {
    const spec = Module.zoneAt ? Module.zoneAt(lat, lon) : null;
    if (!spec) return 0;
    const bytes = new TextEncoder().encode(JSON.stringify(spec));
    const p = _malloc(bytes.length + 1);
    HEAPU8.set(bytes, p);
    HEAPU8[p + bytes.length] = 0;
    return p;
});

std::optional<bk::TimeZone> zoneAt(double lat, double lon) {
    char* json = bk_js_zone_at(lat, lon);
    if (!json) return std::nullopt;
    nlohmann::json spec = nlohmann::json::parse(json, nullptr, false);
    free(json);
    return bk::zoneFromJson(spec);
}
}  // namespace

extern "C" {

// expat salts its hash tables with getrandom(), which Emscripten's libc declares but does not define; getentropy()
// is there (the browser's crypto.getRandomValues), 256 bytes at a time.
ssize_t getrandom(void* buffer, size_t length, unsigned) {
    auto* out = static_cast<unsigned char*>(buffer);
    for (size_t done = 0; done < length; done += 256)
        if (getentropy(out + done, std::min<size_t>(256, length - done)) != 0) return -1;
    return ssize_t(length);
}

// Room for a file of `length` bytes, named `name`; the page writes the bytes there before bk_tools_start.
EMSCRIPTEN_KEEPALIVE char* bk_tools_file(const char* name, double length) {
    Session& s = session();
    s.files.push_back({name ? name : "", std::string()});
    s.files.back().bytes.resize(size_t(length));
    return s.files.back().bytes.data();
}

// Starts `converter` ("json", "import", "osm") on the files given; options as converter.hpp documents them (JSON).
EMSCRIPTEN_KEEPALIVE void bk_tools_start(const char* converter, const char* optionsJson) {
    Session& s = session();
    nlohmann::json options = nlohmann::json::parse(optionsJson ? optionsJson : "{}", nullptr, false);
    s.out = bk::Converted{};
    s.conversion = bk::startConversion(converter ? converter : "", std::move(s.files), options, bk::ConvertHooks{zoneAt});
    s.files.clear();
}

// About `budgetMs` of work; 1 when finished. bk_tools_progress / bk_tools_stage say where it is.
EMSCRIPTEN_KEEPALIVE int bk_tools_step(double budgetMs) {
    Session& s = session();
    return !s.conversion || s.conversion->step(budgetMs) ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE double bk_tools_progress() { return session().conversion ? session().conversion->progress() : 1; }
EMSCRIPTEN_KEEPALIVE const char* bk_tools_stage() { return give(session().conversion ? session().conversion->stage() : "done"); }

// The result: {"error", "report" (JSON text), "text", "recording": [pointer, bytes], "map": [pointer, bytes]}; the
// bytes stay in the heap until bk_tools_clear.
EMSCRIPTEN_KEEPALIVE const char* bk_tools_finish() {
    Session& s = session();
    if (s.conversion) {
        s.out = s.conversion->finish();
        s.conversion.reset();
    }
    nlohmann::json j = {{"error", s.out.error}, {"report", s.out.report}, {"text", s.out.text},
                        {"recording", {double(reinterpret_cast<uintptr_t>(s.out.recording.data())), double(s.out.recording.size())}},
                        {"map", {double(reinterpret_cast<uintptr_t>(s.out.map.data())), double(s.out.map.size())}}};
    return give(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

EMSCRIPTEN_KEEPALIVE void bk_tools_clear() {
    Session& s = session();
    s.files.clear();
    s.conversion.reset();
    s.out = bk::Converted{};
    s.text.clear();
}

EMSCRIPTEN_KEEPALIVE double bk_tools_heap_bytes() { return double(mallinfo().uordblks); }

}  // extern "C"
