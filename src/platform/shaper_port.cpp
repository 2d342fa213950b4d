// shaper_port.cpp — the viewer's way to the shaper module (bukchon-shaper.wasm, web/viewer-shaper.js): each call copies
// its text or bytes into the other module's heap and the answer back, synchronously (Module.shaperModule is set once
// the page has loaded it; FontBook asks for it as the file "module:shaper").
#include "platform.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <string>

namespace bk {
namespace {

// The operations of src/platform/shaper/shaper_bridge.cpp's bk_shaper_call.
// web/viewer-shaper.js's Module.shaperCall copies a and b into the shaper's heap and its answer into a buffer of
// ours (malloc), whose length it writes to *outLength; null until the shaper module is loaded.
EM_JS(char*, bk_js_shaper_call, (int op, const char* a, int aLength, const char* b, int bLength, double size, int* outLength), {
    return Module.shaperCall ? Module.shaperCall(op, a, aLength, b, bLength, size, outLength) : 0;
});

std::string call(int op, const std::string& a, const std::string& b, double size) {
    int length = 0;
    char* out = bk_js_shaper_call(op, a.data(), int(a.size()), b.data(), int(b.size()), size, &length);
    if (!out) return {};
    std::string result(out, size_t(length));
    std::free(out);
    return result;
}
}  // namespace

void connectShaper(Platform& p) {
    p.fonts.setShaper(call);
    setShapingFonts(&p.fonts);
}

}  // namespace bk
