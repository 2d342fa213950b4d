// glyph_layer.cpp — the glyph shaders: bin gauge, parking ring, noise rings, footfall glow, air disc, fire diamond.
#include "glyph_layer.hpp"

#include <algorithm>
#include <cstddef>

namespace bk {

namespace {
// A glyph's record is its GlyphInstance, two texels: (x, y, gauge) and (radius, rgba, shape | flags << 16).
static_assert(sizeof(GlyphInstance) == 24, "a glyph record is two RGB32UI texels");
const char* kVertex = "#version 300 es\n" BK_GLSL_QUAD_RECORDS R"(
uniform vec2 u_center;
uniform float u_scale;
uniform vec2 u_viewport;
uniform float u_uiScale;
out vec2 v_px;        // fragment position relative to the glyph centre, device px, y up
out float v_r;
out float v_gauge;
out vec4 v_color;
flat out uint v_shape;
flat out uint v_flags;
flat out int v_small;  // a plain mark (disc, or diamond for fire) on a tight quad: see below
void main() {
    int id = quadRecord();
    uvec3 t0 = recordTexel(id, 2, 0), t1 = recordTexel(id, 2, 1);
    vec2 a_center = uintBitsToFloat(t0.xy);
    float a_radius = uintBitsToFloat(t1.x);
    uint shape = t1.z & 65535u;
    uint flags = t1.z >> 16;
    bool glow = shape == 3u;
    vec2 corner = quadCorner();
    float r = a_radius * u_uiScale;
    // Glyphs shrunk below 6 CSS px (a city seen whole) cannot show a gauge anyway: they become a plain mark in
    // their colour on a quad just larger than the mark, not one sized for halos and shadows (13× less to fill).
    // Alerts, the selection and hover keep the full glyph.
    bool small = !glow && shape != 16u && a_radius <= 6.0 && (flags & 14u) == 0u;
    v_small = small ? 1 : 0;
    // The quad's half side is the farthest the fragment shader paints (its cover() reaches 0.5 px past an edge),
    // plus half a pixel: every fragment outside would be filled with nothing, and on a software renderer fill is
    // the frame (docs/performance.md, "Like for like").
    float px1 = u_uiScale;
    float extent;
    if (small) extent = (shape == 5u ? r * 1.31 + 0.71 * px1 : r + 0.5 * px1);    // diamond tips, or the disc
    else if (glow) extent = 6.5 * px1;                                             // the counter mark: 6 px
    else if (shape == 16u) extent = r * 1.9 + 6.0 * px1;                           // the truck (one glyph)
    else {
        extent = max(r + 4.2 * px1, shape == 5u ? r * 1.31 + 2.83 * px1 : r);     // soft shadow; diamond's rim
        if ((flags & 2u) != 0u) extent = max(extent, r * 1.75 + 2.5 * px1);         // the alert halo at its widest
        if ((flags & 16u) != 0u) extent = max(extent, r * 0.74 + 4.7 * px1);        // the data-quality badge
        if ((flags & 4u) != 0u) extent = max(extent, r + 5.9 * px1);                // the selection ring
        else if ((flags & 8u) != 0u) extent = max(extent, r + 4.3 * px1);           // the hover ring
    }
    extent += 0.5 * px1;
    vec2 px = (a_center - u_center) * u_scale + corner * extent;
    gl_Position = vec4(px * 2.0 / u_viewport, 0.0, 1.0);
    v_px = corner * extent;
    v_r = r;
    v_gauge = uintBitsToFloat(t0.z);
    v_color = vec4(uvec4(t1.y, t1.y >> 8, t1.y >> 16, t1.y >> 24) & 255u) / 255.0;
    v_shape = shape;
    v_flags = flags;
})";

const char* kFragment = R"(#version 300 es
precision highp float;
in vec2 v_px;
in float v_r;
in float v_gauge;
in vec4 v_color;
flat in uint v_shape;
flat in uint v_flags;
flat in int v_small;
uniform float u_uiScale;
uniform float u_time;
uniform float u_motion;   // 1 = animate, 0 = prefers-reduced-motion
out vec4 fragColor;

const vec3 PAPER = vec3(0.992, 0.984, 0.965);
const vec3 INK = vec3(0.18, 0.20, 0.25);
const vec3 TRACK = vec3(0.85, 0.82, 0.77);
const float PI = 3.14159265;

vec4 acc;   // premultiplied accumulator, painted back to front
void paint(vec3 rgb, float alpha) { acc = vec4(rgb * alpha, alpha) + acc * (1.0 - alpha); }
float cover(float sdf) { return clamp(0.5 - sdf, 0.0, 1.0); }   // sdf in device px, negative inside

void main() {
    acc = vec4(0.0);
    float d = length(v_px);
    float r = v_r;
    float px = u_uiScale;
    vec3 col = v_color.rgb;
    bool noData = (v_flags & 1u) != 0u;
    bool alert = (v_flags & 2u) != 0u;
    bool selected = (v_flags & 4u) != 0u;
    bool hovered = (v_flags & 8u) != 0u;
    if (noData) col = vec3(0.62, 0.60, 0.57);

    if (v_small == 1) {  // a plain mark: darker rim, fill in the value's colour (calm fire sensors in ink)
        float sd = v_shape == 5u ? (abs(v_px.x) + abs(v_px.y)) * 0.7071 - r * 0.92 : d - r;
        paint(mix(col, INK, 0.35), cover(sd));
        paint(v_shape == 5u ? INK : col, cover(sd + 1.0 * px));
        fragColor = acc;
        return;
    }

    if (v_shape == 3u) {  // footfall counter: a small mark; the heatmap layer shows the crowd itself
        paint(PAPER, cover(d - 6.0 * px));
        paint(col, cover(abs(d - 4.2 * px) - 1.3 * px));
        paint(INK, cover(d - 1.6 * px));
        fragColor = acc;
        return;
    }

    // Alert halo, pulsing unless the user prefers reduced motion.
    if (alert) {
        float phase = fract(u_time * 0.8) * u_motion;
        float ring = r * (1.15 + 0.6 * phase);
        paint(vec3(0.75, 0.22, 0.17), cover(abs(d - ring) - 2.0 * px) * (1.0 - phase) * 0.8 + 0.0);
    }
    // Soft shadow lifts glyphs off the paper.
    vec2 sp = v_px + vec2(0.0, 1.2 * px);
    paint(vec3(0.2, 0.16, 0.1), smoothstep(r + 3.0 * px, r - 1.0 * px, length(sp)) * 0.22);

    if (v_shape == 16u) {  // the collection truck: a rounded body with a cab window
        vec2 q = abs(v_px) - vec2(r * 1.15, r * 0.72) + 3.0 * px;
        float body = length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - 3.0 * px;
        paint(PAPER, cover(body - 1.5 * px));
        paint(col, cover(body));
        vec2 w = abs(v_px - vec2(r * 0.62, r * 0.12)) - vec2(r * 0.3, r * 0.28);
        paint(PAPER, cover(max(w.x, w.y)));
        fragColor = acc;
        return;
    }
    if (v_shape == 5u) {  // fire safety: a diamond, ink when calm, red on alarm
        float dd = (abs(v_px.x) + abs(v_px.y)) * 0.7071 - r * 0.92;
        paint(PAPER, cover(dd - 1.5 * px));
        paint(alert ? col : INK, cover(dd));
        paint(PAPER, cover((abs(v_px.x) + abs(v_px.y)) * 0.7071 - r * 0.36));
    } else {
        paint(mix(col, INK, 0.35), cover(d - r));          // outline
        float inner = r - 1.6 * px;
        if (v_shape == 0u) {  // bin: paper body filled from the bottom to the fill level
            paint(PAPER, cover(d - inner));
            float level = -inner + 2.0 * inner * v_gauge;
            paint(col, cover(d - inner) * clamp(level - v_px.y + 0.5, 0.0, 1.0));
        } else if (v_shape == 1u) {  // parking: occupancy arc clockwise from 12 o'clock, free spaces as track
            paint(PAPER, cover(d - inner));
            float ringOuter = inner - 0.5 * px, ringInner = inner * 0.55;
            float inRing = cover(d - ringOuter) * cover(ringInner - d);
            float angle = atan(v_px.x, v_px.y);               // 0 at top, clockwise positive
            float frac = (angle < 0.0 ? angle + 2.0 * PI : angle) / (2.0 * PI);
            paint(TRACK, inRing);
            paint(col, inRing * clamp((v_gauge - frac) * 2.0 * PI * d / px + 0.5, 0.0, 1.0));
            paint(INK, cover(d - 1.8 * px));
        } else if (v_shape == 2u) {  // noise: translucent field, ring, solid core
            paint(PAPER, cover(d - inner));
            paint(col, cover(d - inner) * 0.28);
            paint(col, cover(abs(d - inner * 0.7) - 0.8 * px));
            paint(col, cover(d - inner * 0.38));
        } else {  // air and others: a solid disc in the band colour
            paint(PAPER, cover(d - inner));
            paint(col, cover(d - (inner - 1.2 * px)));
        }
    }
    if ((v_flags & 16u) != 0u) {  // a data-quality issue (a gap, a stuck stretch, an impossible reading): amber badge
        float b = length(v_px - vec2(0.74, 0.74) * r);
        paint(PAPER, cover(b - 4.2 * px));
        paint(vec3(0.80, 0.52, 0.08), cover(b - 2.8 * px));
    }
    if (hovered || selected) {
        float ringR = r + (selected ? 4.0 : 3.0) * px;
        paint(INK, cover(abs(d - ringR) - (selected ? 1.4 : 0.8) * px) * (selected ? 1.0 : 0.6));
    }
    fragColor = acc;
})";
}  // namespace

void GlyphLayer::prepare() {
    prepareProgram(kVertex, kFragment);
}

bool GlyphLayer::init(std::string* error) {
    program_ = buildProgram(kVertex, kFragment, error, {{"u_time", &uTime_}, {"u_motion", &uMotion_}, {"u_records", &uRecords_}});
    if (!program_) return false;
    camera_.locate(program_);
    glGenVertexArrays(1, &vao_);   // no attributes: every vertex reads its glyph from the record texture
    return true;
}

void GlyphLayer::update(const std::vector<GlyphInstance>& glyphs) {
    size_t glows = 0;
    for (const GlyphInstance& g : glyphs) glows += g.shape == uint16_t(SensorType::footfall);
    const GlyphInstance* ordered = glyphs.data();
    if (glows > 0) {  // footfall glows first (under everything), then the rest, each part in its drawing order
        ordered_.clear();
        for (const GlyphInstance& g : glyphs)
            if (g.shape == uint16_t(SensorType::footfall)) ordered_.push_back(g);
        for (const GlyphInstance& g : glyphs)
            if (g.shape != uint16_t(SensorType::footfall)) ordered_.push_back(g);
        ordered = ordered_.data();
    }
    const size_t held = records_.upload(ordered, glyphs.size(), 2);
    glowCount_ = GLsizei(std::min(glows, held));
    count_ = GLsizei(held - size_t(glowCount_));
}

void GlyphLayer::draw(const ViewUniforms& v) const {
    if (!program_ || count_ + glowCount_ == 0) return;
    glUseProgram(program_);
    camera_.apply(v);
    glUniform1f(uTime_, v.timeS);
    glUniform1f(uMotion_, v.reducedMotion ? 0.0f : 1.0f);
    glUniform1i(uRecords_, 1);
    records_.bind(1);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLES, 0, 6 * (glowCount_ + count_));   // the glows' records come first
    glBindVertexArray(0);
}

void GlyphLayer::destroy() {
    release({{GlName::program, &program_}, {GlName::vertexArray, &vao_}});
    records_.destroy();
    count_ = glowCount_ = 0;
}

}  // namespace bk
