// heatmap_layer.cpp — two passes: additive gaussian splats into a half-resolution float texture (RGBA8 fallback),
// then a ramp (transparent → amber → vermilion) blended over the basemap, only where the splats reach.
#include "heatmap_layer.hpp"

#include <GLES3/gl3.h>
#ifdef __EMSCRIPTEN__
#include <emscripten/html5.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>

namespace bk {

namespace {
// A splat's record is its HeatPoint, one texel: (x, y, weight).
static_assert(sizeof(HeatPoint) == 12, "a splat record is one RGB32UI texel");
const char* kSplatVertex = "#version 300 es\n" BK_GLSL_QUAD_RECORDS R"(
uniform vec2 u_center;
uniform float u_scale;
uniform vec2 u_viewport;
uniform float u_radius;   // local units
out vec2 v_uv;
out float v_weight;
void main() {
    uvec3 record = recordTexel(quadRecord(), 1, 0);
    vec2 corner = quadCorner();
    vec2 world = uintBitsToFloat(record.xy) + corner * u_radius;
    gl_Position = vec4((world - u_center) * u_scale * 2.0 / u_viewport, 0.0, 1.0);
    v_uv = corner;
    v_weight = uintBitsToFloat(record.z);
})";

const char* kSplatFragment = R"(#version 300 es
precision highp float;
in vec2 v_uv;
in float v_weight;
out vec4 fragColor;
void main() {
    float d2 = dot(v_uv, v_uv);
    if (d2 > 1.0) discard;
    float k = exp(-d2 * 4.0) * v_weight;   // gaussian, ~0 at the quad's edge
    fragColor = vec4(k * 0.25, 0.0, 0.0, 0.0);  // scaled so 8-bit targets do not saturate at a handful of splats
})";

const char* kCompositeVertex = R"(#version 300 es
out vec2 v_uv;
void main() {
    vec2 p = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
    v_uv = p;
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
})";

const char* kCompositeFragment = R"(#version 300 es
precision highp float;
in vec2 v_uv;
uniform sampler2D u_heat;
uniform float u_night;
out vec4 fragColor;
void main() {
    float h = clamp(texture(u_heat, v_uv).r * 4.0, 0.0, 1.6);
    // Ramp: faint amber → amber → vermilion for the densest crowds.
    vec3 amber = vec3(0.91, 0.66, 0.20), red = vec3(0.84, 0.33, 0.18);
    vec3 c = mix(amber, red, smoothstep(0.55, 1.2, h));
    float a = smoothstep(0.02, 0.9, h) * mix(0.42, 0.55, u_night);
    fragColor = vec4(c * a, a);
})";
}  // namespace

void HeatmapLayer::prepare() {
    prepareProgram(kSplatVertex, kSplatFragment);
    prepareProgram(kCompositeVertex, kCompositeFragment);
}

bool HeatmapLayer::init(std::string* error) {
    splatProgram_ = buildProgram(kSplatVertex, kSplatFragment, error, {{"u_radius", &sRadius_}, {"u_records", &sRecords_}});
    compositeProgram_ = splatProgram_ ? buildProgram(kCompositeVertex, kCompositeFragment, error,
                                                     {{"u_heat", &cTexture_}, {"u_night", &cNight_}}) : 0;
    if (!splatProgram_ || !compositeProgram_) return false;
    camera_.locate(splatProgram_);
    glGenVertexArrays(1, &vao_);   // no attributes: the splats read their records, the composite its corners
    // Float render targets need EXT_color_buffer_float in WebGL2; without it, 8-bit still works (coarser). It is
    // the one extension the viewer uses, so it is the one enabled (the build turns Emscripten's enable-them-all
    // off: on a software renderer that cost a third of a second at start).
#ifdef __EMSCRIPTEN__
    floatTarget_ = emscripten_webgl_enable_extension(emscripten_webgl_get_current_context(), "EXT_color_buffer_float");
#else
    const char* ext = reinterpret_cast<const char*>(glGetString(GL_EXTENSIONS));
    floatTarget_ = ext && std::strstr(ext, "EXT_color_buffer_float");
#endif
    return true;
}

bool HeatmapLayer::ensureTarget(int w, int h) {
    if (w == targetW_ && h == targetH_ && fbo_) return true;
    if (!texture_) glGenTextures(1, &texture_);
    if (!fbo_) glGenFramebuffers(1, &fbo_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    if (floatTarget_) glTexImage2D(GL_TEXTURE_2D, 0, GL_R16F, w, h, 0, GL_RED, GL_HALF_FLOAT, nullptr);
    else glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    setSampling(GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    bool ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!ok && floatTarget_) {  // the extension lied: fall back to 8 bits
        floatTarget_ = false;
        targetW_ = targetH_ = 0;
        return ensureTarget(w, h);
    }
    targetW_ = w;
    targetH_ = h;
    return ok;
}

void HeatmapLayer::prepareTarget(int viewportW, int viewportH) {
    if (splatProgram_) ensureTarget(viewportW / 2 + 1, viewportH / 2 + 1);
}

void HeatmapLayer::draw(const ViewUniforms& v, const std::vector<HeatPoint>& points, float radiusUnits) {
    if (!splatProgram_ || points.empty()) return;
    int w = int(v.viewportW / 2) + 1, h = int(v.viewportH / 2) + 1;  // half resolution: heat is soft anyway
    if (!ensureTarget(w, h)) return;

    const size_t held = records_.upload(points.data(), points.size(), 1);

    // Only the screen rectangle the splats reach is cleared and composited: heat covers part of the map, and a
    // full-screen pass is the expensive thing on a fill-limited renderer.
    float minX = 1e30f, minY = 1e30f, maxX = -1e30f, maxY = -1e30f;
    for (const HeatPoint& p : points) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    auto toPxX = [&](float x) { return (x - v.centerX) * v.pxPerUnit + v.viewportW / 2; };
    auto toPxY = [&](float y) { return (y - v.centerY) * v.pxPerUnit + v.viewportH / 2; };  // GL's y is up
    const float reach = radiusUnits * v.pxPerUnit + 2;
    const int x0 = std::max(0, int(std::floor(toPxX(minX) - reach))), x1 = std::min(int(v.viewportW), int(std::ceil(toPxX(maxX) + reach)));
    const int y0 = std::max(0, int(std::floor(toPxY(minY) - reach))), y1 = std::min(int(v.viewportH), int(std::ceil(toPxY(maxY) + reach)));
    if (x1 <= x0 || y1 <= y0) return;  // all heat is off screen

    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glViewport(0, 0, w, h);
    glEnable(GL_SCISSOR_TEST);
    glScissor(x0 / 2, y0 / 2, (x1 - x0) / 2 + 2, (y1 - y0) / 2 + 2);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE);  // accumulate
    glUseProgram(splatProgram_);
    camera_.apply(v);
    glUniform1f(sRadius_, radiusUnits);
    glUniform1i(sRecords_, 1);
    records_.bind(1);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLES, 0, GLsizei(6 * held));
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    // The screen's viewport (never read back: a sync), at the pane's place.
    glViewport(GLint(v.originX), GLint(v.originY), GLsizei(v.viewportW), GLsizei(v.viewportH));
    glScissor(GLint(v.originX) + x0, GLint(v.originY) + y0, x1 - x0, y1 - y0);

    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(compositeProgram_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glUniform1i(cTexture_, 0);
    glUniform1f(cNight_, v.night);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

void HeatmapLayer::destroy() {
    release({{GlName::program, &splatProgram_}, {GlName::program, &compositeProgram_}, {GlName::vertexArray, &vao_},
             {GlName::framebuffer, &fbo_}, {GlName::texture, &texture_}});
    records_.destroy();
    targetW_ = targetH_ = 0;
}

}  // namespace bk
