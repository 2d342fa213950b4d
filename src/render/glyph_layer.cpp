// glyph_layer.cpp — the glyph shaders: bin gauge, parking ring, noise rings, footfall glow, air disc, fire diamond.
#include "glyph_layer.hpp"

#include <cstddef>

namespace bk {

namespace {
const char* kVertex = R"(#version 300 es
layout(location = 0) in vec2 a_center;
layout(location = 1) in float a_gauge;
layout(location = 2) in float a_radius;
layout(location = 3) in vec4 a_color;
layout(location = 4) in uvec2 a_shapeFlags;
uniform vec2 u_center;
uniform float u_scale;
uniform vec2 u_viewport;
uniform float u_uiScale;
uniform int u_pass;   // 0: footfall glows (under everything), 1: the other glyphs
out vec2 v_px;        // fragment position relative to the glyph centre, device px, y up
out float v_r;
out float v_gauge;
out vec4 v_color;
flat out uint v_shape;
flat out uint v_flags;
flat out int v_small;  // a plain mark (disc, or diamond for fire) on a tight quad: see below
void main() {
    uint shape = a_shapeFlags.x;
    bool glow = shape == 3u;
    if ((u_pass == 0) != glow) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }  // culled in this pass
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1)) * 2.0 - 1.0;
    float r = a_radius * u_uiScale;
    // Glyphs shrunk below 6 CSS px (a city seen whole) cannot show a gauge anyway: they become a plain mark in
    // their colour on a quad just larger than the mark, not one sized for halos and shadows (13× less to fill).
    // Alerts, the selection and hover keep the full glyph.
    bool small = !glow && shape != 16u && a_radius <= 6.0 && (a_shapeFlags.y & 14u) == 0u;
    v_small = small ? 1 : 0;
    float extent = small ? r + 1.5 * u_uiScale : (glow ? r * 2.6 : r * 1.9) + 6.0 * u_uiScale;
    vec2 px = (a_center - u_center) * u_scale + corner * extent;
    gl_Position = vec4(px * 2.0 / u_viewport, 0.0, 1.0);
    v_px = corner * extent;
    v_r = r;
    v_gauge = a_gauge;
    v_color = a_color;
    v_shape = shape;
    v_flags = a_shapeFlags.y;
})";

// One instance per glyph, as the shader's locations read it.
const VertexLayout kLayout{sizeof(GlyphInstance), 1, {floats(2, offsetof(GlyphInstance, x)),
    floats(1, offsetof(GlyphInstance, gauge)), floats(1, offsetof(GlyphInstance, radiusPx)),
    unitBytes(4, offsetof(GlyphInstance, rgba)), integers(2, GL_UNSIGNED_SHORT, offsetof(GlyphInstance, shape))}};

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
    program_ = buildProgram(kVertex, kFragment, error, {{"u_time", &uTime_}, {"u_pass", &uPass_}, {"u_motion", &uMotion_}});
    if (!program_) return false;
    camera_.locate(program_);
    glGenBuffers(1, &vbo_);
    vao_ = makeVertexArray(kLayout, vbo_);
    glGenBuffers(1, &glowVbo_);
    glowVao_ = makeVertexArray(kLayout, glowVbo_);
    return true;
}

void GlyphLayer::update(const std::vector<GlyphInstance>& glyphs) {
    const GlyphInstance* rest = glyphs.data();
    size_t restCount = glyphs.size(), glows = 0;
    for (const GlyphInstance& g : glyphs) glows += g.shape == uint16_t(SensorType::footfall);
    if (glows > 0) {  // split, each part in its drawing order: the picture of one buffer drawn twice, culled
        glows_.clear();
        rest_.clear();
        for (const GlyphInstance& g : glyphs) (g.shape == uint16_t(SensorType::footfall) ? glows_ : rest_).push_back(g);
        streamBuffer(glowVbo_, glows_.data(), glows_.size() * sizeof(GlyphInstance), glowCapacity_);
        rest = rest_.data();
        restCount = rest_.size();
    }
    glowCount_ = GLsizei(glows);
    streamBuffer(vbo_, rest, restCount * sizeof(GlyphInstance), capacity_);
    count_ = GLsizei(restCount);
}

void GlyphLayer::draw(const ViewUniforms& v) const {
    if (!program_ || count_ + glowCount_ == 0) return;
    glUseProgram(program_);
    camera_.apply(v);
    glUniform1f(uTime_, v.timeS);
    glUniform1f(uMotion_, v.reducedMotion ? 0.0f : 1.0f);
    for (int pass = 0; pass < 2; ++pass) {  // 0: footfall glows, 1: the rest
        const GLsizei n = pass == 0 ? glowCount_ : count_;
        if (n == 0) continue;
        glBindVertexArray(pass == 0 ? glowVao_ : vao_);
        glUniform1i(uPass_, pass);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, n);
    }
    glBindVertexArray(0);
}

void GlyphLayer::destroy() {
    release({{GlName::program, &program_}, {GlName::vertexArray, &vao_}, {GlName::buffer, &vbo_},
             {GlName::vertexArray, &glowVao_}, {GlName::buffer, &glowVbo_}});
    count_ = glowCount_ = 0;
    capacity_ = glowCapacity_ = 0;
}

}  // namespace bk
