// shaper_bridge.cpp — the shaper module's C API (src/platform/shaper_port.cpp calls it through web/viewer-shaper.js).
//
// The shaper module is its own wasm (cmake/wasm_shaper.cmake: HarfBuzz and FriBidi from Debian's source packages),
// fetched the first time the viewer's text needs shaping: an English or Korean page never loads it. One call, by
// operation; the answer stays in the module until the next call (its length from bk_shaper_result_length).
#include "cluster_codes.hpp"
#include "shaper.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {
bk::Shaper& shaper() {
    static bk::Shaper s;
    return s;
}
bk::ClusterCodes& codes() {
    static bk::ClusterCodes c(shaper());
    return c;
}
std::string result;

// The line with U+200B where the browser's word segmenter (Intl.Segmenter, the engine's ICU data) puts a boundary
// not already beside a space: where Thai, Lao, Khmer or Myanmar, written without spaces, may break. Null without one.
EM_JS(char*, bk_js_word_breaks, (const char* text, int length), {
    if (typeof Intl === 'undefined' || !Intl.Segmenter) return 0;
    const words = new Intl.Segmenter(undefined, { granularity: "word" }).segment(new TextDecoder().decode(HEAPU8.subarray(text, text + length)));
    let out = String();
    for (const { segment } of words) {
        if (out.length && out.charCodeAt(out.length - 1) > 32 && segment.charCodeAt(0) > 32) out += String.fromCharCode(0x200B);
        out += segment;
    }
    const bytes = new TextEncoder().encode(out);
    const p = _malloc(bytes.length + 1);
    HEAPU8.set(bytes, p);
    HEAPU8[p + bytes.length] = 0;
    return p;
});
}  // namespace

extern "C" {

// op 0: keeps font `a` (its name) with bytes `b` ("1" when they are a font);
// op 1: line `a` as the viewer draws it (cluster_codes.hpp) in the fonts of `b` (one "regular\tbold" per line),
//       after "1" when it coded new clusters, else "0";
// op 2: the image of cluster code number `a` (decimal), bold when `b` is "b", at `size` px (shaped_line.hpp's wire form);
// op 3: how many clusters are coded (decimal);
// op 4: line `a` with U+200B at each word boundary the browser's segmenter finds (`a` itself without one);
// op 5: forgets every cluster code (the viewer's fonts changed: its lines are coded again);
// op 6: HarfBuzz's glyphs for text `b` in font `a`, as hb-shape --no-glyph-names --no-positions writes them
//       ("110=0|134=1|…"): the tests compare the module's HarfBuzz with Debian's.
EMSCRIPTEN_KEEPALIVE const char* bk_shaper_call(int op, const char* a, int aLength, const char* b, int bLength, double size) {
    const std::string_view first(a, size_t(aLength > 0 ? aLength : 0)), second(b, size_t(bLength > 0 ? bLength : 0));
    result.clear();
    if (op == 0) {
        result = shaper().addFont(std::string(first), std::string(second)) ? "1" : "";
    } else if (op == 1) {
        std::vector<std::string> fonts;
        for (size_t at = 0; at < second.size();) {
            size_t end = second.find('\n', at);
            if (end == std::string_view::npos) end = second.size();
            if (end > at) fonts.emplace_back(second.substr(at, end - at));
            at = end + 1;
        }
        bool added = false;
        std::string line = codes().drawable(first, fonts, added);
        result = (added ? "1" : "0") + line;
    } else if (op == 2) {
        result = bk::encodeImage(codes().image(size_t(std::strtoul(std::string(first).c_str(), nullptr, 10)), second == "b", float(size)));
    } else if (op == 3) {
        result = std::to_string(codes().size());
    } else if (op == 6) {
        for (const bk::ShapedGlyph& g : shaper().shape(std::string(first), second))
            result += (result.empty() ? "" : "|") + std::to_string(g.glyph) + "=" + std::to_string(g.cluster);
    } else if (op == 5) {
        codes().clear();
    } else if (op == 4) {
        char* marked = bk_js_word_breaks(first.data(), int(first.size()));
        result = marked ? marked : std::string(first);
        std::free(marked);
    }
    return result.data();
}

EMSCRIPTEN_KEEPALIVE int bk_shaper_result_length() { return int(result.size()); }

}  // extern "C"
