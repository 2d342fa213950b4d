// density_layer.cpp — the dot matrix: each fragment finds its cell, reads the cell's texel and paints an
// anti-aliased dot whose size follows how many sensors the cell holds (a paper halo keeps it readable on the map).
#include "density_layer.hpp"

namespace bk {

namespace {
const char* kVertex = R"(#version 300 es
void main() {
    vec2 p = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
})";

const char* kFragment = R"(#version 300 es
precision highp float;
uniform highp sampler2D u_grid;
uniform float u_cell;       // device px
uniform float u_viewportH;  // device px (the grid's row 0 is at the top)
uniform float u_night;
uniform vec2 u_origin;      // the viewport's bottom-left corner on the screen, device px
out vec4 fragColor;
void main() {
    vec2 px = vec2(gl_FragCoord.x - u_origin.x, u_viewportH - (gl_FragCoord.y - u_origin.y));
    ivec2 cell = ivec2(floor(px / u_cell));
    ivec2 size = textureSize(u_grid, 0);
    if (cell.x >= size.x || cell.y >= size.y) discard;
    vec4 c = texelFetch(u_grid, cell, 0);
    if (c.a == 0.0) discard;
    float fill = (c.a - 40.0 / 255.0) / (215.0 / 255.0);          // 0 (one sensor) … 1 (a full cell)
    float r = u_cell * (0.22 + 0.24 * fill);                    // dot radius
    float d = length(px - (vec2(cell) + 0.5) * u_cell);
    float dot = 1.0 - smoothstep(r - 0.8, r + 0.8, d);
    float halo = 1.0 - smoothstep(r + 0.2, r + 1.6, d);
    vec3 paper = mix(vec3(0.99, 0.98, 0.96), vec3(0.08, 0.10, 0.15), u_night);
    vec3 rgb = mix(paper, c.rgb, dot);
    float a = max(dot, halo * 0.55);
    if (a <= 0.0) discard;
    fragColor = vec4(rgb * a, a);
})";
}  // namespace

void DensityLayer::prepare() {
    prepareProgram(kVertex, kFragment);
}

bool DensityLayer::init(std::string* error) {
    program_ = buildProgram(kVertex, kFragment, error, {{"u_grid", &uGrid_}, {"u_cell", &uCell_},
                                                        {"u_viewportH", &uViewportH_}, {"u_night", &uNight_}, {"u_origin", &uOrigin_}});
    if (!program_) return false;
    glGenVertexArrays(1, &vao_);
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    setSampling(GL_NEAREST);
    return true;
}

void DensityLayer::update(const DensityGrid& grid) {
    glBindTexture(GL_TEXTURE_2D, texture_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    if (grid.cols != cols_ || grid.rows != rows_)
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, grid.cols, grid.rows, 0, GL_RGBA, GL_UNSIGNED_BYTE, grid.rgba.data());
    else
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, grid.cols, grid.rows, GL_RGBA, GL_UNSIGNED_BYTE, grid.rgba.data());
    cols_ = grid.cols;
    rows_ = grid.rows;
    cellPx_ = grid.cellPx;
}

void DensityLayer::draw(int viewportH, float night, float originX, float originY) const {
    if (!program_ || cols_ == 0) return;
    glUseProgram(program_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glUniform1i(uGrid_, 0);
    glUniform1f(uCell_, cellPx_);
    glUniform1f(uViewportH_, float(viewportH));
    glUniform1f(uNight_, night);
    glUniform2f(uOrigin_, originX, originY);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
}

void DensityLayer::destroy() {
    release({{GlName::program, &program_}, {GlName::vertexArray, &vao_}, {GlName::texture, &texture_}});
    cols_ = rows_ = 0;
}

}  // namespace bk
