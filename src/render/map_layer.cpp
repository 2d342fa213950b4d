// map_layer.cpp — basemap program: fills and width-aware strokes (min pixel width) from one vertex format.
#include "map_layer.hpp"

#include <cstddef>

namespace bk {

namespace {
const char* kVertex = R"(#version 300 es
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_offset;
layout(location = 2) in float a_halfWidth;
layout(location = 3) in float a_minHalfPx;
layout(location = 4) in vec4 a_color;
layout(location = 5) in vec4 a_colorNight;
uniform vec2 u_center;
uniform float u_scale;      // device px per unit
uniform vec2 u_viewport;    // device px
uniform float u_uiScale;
uniform float u_night;
out vec4 v_color;
void main() {
    float halfWidth = max(a_halfWidth, a_minHalfPx * u_uiScale / u_scale);
    vec2 world = a_pos + a_offset * halfWidth;
    vec2 px = (world - u_center) * u_scale;
    gl_Position = vec4(px * 2.0 / u_viewport, 0.0, 1.0);
    v_color = mix(a_color, a_colorNight, u_night);
})";

// The vertex format, as the shader's locations read it.
const VertexLayout kLayout{sizeof(MapVertex), 0, {floats(2, offsetof(MapVertex, x)), floats(2, offsetof(MapVertex, offsetX)),
    floats(1, offsetof(MapVertex, halfWidth)), floats(1, offsetof(MapVertex, minHalfPx)),
    unitBytes(4, offsetof(MapVertex, rgba)), unitBytes(4, offsetof(MapVertex, rgbaNight))}};

const char* kFragment = R"(#version 300 es
precision mediump float;
in vec4 v_color;
out vec4 fragColor;
void main() { fragColor = vec4(v_color.rgb * v_color.a, v_color.a); })";
}  // namespace

void MapLayer::prepare() {
    prepareProgram(kVertex, kFragment);
}

bool MapLayer::init(std::string* error) {
    program_ = buildProgram(kVertex, kFragment, error, {{"u_night", &uNight_}});
    if (!program_) return false;
    camera_.locate(program_);
    glGenBuffers(1, &vbo_);
    glGenBuffers(1, &ibo_);
    vao_ = makeVertexArray(kLayout, vbo_, ibo_);
    return true;
}

void MapLayer::upload(const MapMesh& mesh) {
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(mesh.vertices.size() * sizeof(MapVertex)), mesh.vertices.data(),
                 GL_STATIC_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(mesh.indices.size() * sizeof(uint32_t)), mesh.indices.data(),
                 GL_STATIC_DRAW);
    glBindVertexArray(0);
    indexCount_ = GLsizei(mesh.indices.size());
    ranges_ = mesh.ranges;
    if (ranges_.empty()) ranges_.push_back({0, uint32_t(indexCount_), 0, {}, 0, 0, 0});
}

void MapLayer::draw(const ViewUniforms& v, float pxPerMetre) {
    if (!program_ || indexCount_ == 0) return;
    Bounds view;
    const float halfW = v.viewportW / 2 / v.pxPerUnit, halfH = v.viewportH / 2 / v.pxPerUnit;
    view.add({v.centerX - halfW, v.centerY - halfH});
    view.add({v.centerX + halfW, v.centerY + halfH});
    visibleRuns(ranges_, view, double(v.pxPerUnit) / v.uiScale, pxPerMetre, runs_);
    if (runs_.empty()) return;
    glUseProgram(program_);
    camera_.apply(v);
    glUniform1f(uNight_, v.night);
    glBindVertexArray(vao_);
    for (const DrawRun& r : runs_)
        glDrawElements(GL_TRIANGLES, GLsizei(r.count), GL_UNSIGNED_INT, (void*)(uintptr_t(r.first) * sizeof(uint32_t)));
    glBindVertexArray(0);
}

void MapLayer::destroy() {
    release({{GlName::program, &program_}, {GlName::vertexArray, &vao_}, {GlName::buffer, &vbo_}, {GlName::buffer, &ibo_}});
    indexCount_ = 0;
}

}  // namespace bk
