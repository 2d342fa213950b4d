// map_cache.cpp — offscreen basemap: draw into a 4× multisampled renderbuffer, resolve once, blit per frame.
#include "map_cache.hpp"

#include <algorithm>
#include <cmath>

namespace bk {

namespace {
const char* kCopyVertex = R"(#version 300 es
void main() {
    vec2 p = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1)) * 4.0 - 1.0;  // one triangle over the screen
    gl_Position = vec4(p, 0.0, 1.0);
})";
const char* kCopyFragment = R"(#version 300 es
precision mediump float;
uniform mediump sampler2D u_image;
uniform ivec2 u_origin;  // the viewport's corner on the screen (a compare view's second pane)
out vec4 fragColor;
void main() { fragColor = texelFetch(u_image, ivec2(gl_FragCoord.xy) - u_origin, 0); })";
}  // namespace

void MapCache::prepare() {
    prepareProgram(kCopyVertex, kCopyFragment);
}

bool MapCache::init(std::string* error) {
    copyProgram_ = buildProgram(kCopyVertex, kCopyFragment, error);
    if (!copyProgram_) return false;
    glUseProgram(copyProgram_);
    glUniform1i(glGetUniformLocation(copyProgram_, "u_image"), 0);
    uOrigin_ = glGetUniformLocation(copyProgram_, "u_origin");
    glUseProgram(0);
    GLint maxSamples = 0;
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);  // once, at start-up
    samples_ = std::clamp(maxSamples, 0, 4);
    glGenVertexArrays(1, &vao_);
    glGenFramebuffers(1, &samplesFbo_);
    glGenRenderbuffers(1, &samplesRb_);
    glGenFramebuffers(1, &imageFbo_);
    width_ = height_ = 0;
    valid_ = false;
    return true;
}

void MapCache::resize(int width, int height) {
    glBindRenderbuffer(GL_RENDERBUFFER, samplesRb_);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, samplesFbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, samplesRb_);
    if (imageTexture_) glDeleteTextures(1, &imageTexture_);  // immutable storage: a new size is a new texture
    glGenTextures(1, &imageTexture_);
    glBindTexture(GL_TEXTURE_2D, imageTexture_);
    glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, width, height);
    setSampling(GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, imageFbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, imageTexture_, 0);
    // Complete by definition: RGBA8 is colour-renderable and `samples` ≤ GL_MAX_SAMPLES in every WebGL2. Asking
    // (glCheckFramebufferStatus) would be a round trip to the GPU process on every resize; an allocation that
    // fails (out of memory) shows as GL_OUT_OF_MEMORY, which glGetError — not read per frame — would report.
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    width_ = width;
    height_ = height;
}

bool MapCache::beginRedraw(const ViewUniforms& v, const float clear[4]) {
    if (!ok()) return true;  // not initialised: the caller draws straight to the screen
    Key key{v.centerX, v.centerY, v.pxPerUnit, v.uiScale, int(v.viewportW), int(v.viewportH), int(std::lround(v.night * 128))};
    const bool cameraMoved = valid_ && !key.sameCamera(key_);
    const bool moving = cameraMoved && movedLastFrame_;   // the second changed frame in a row: a drag, a flight
    movedLastFrame_ = cameraMoved;
    if (valid_ && key == key_ && !draft_) return false;
    if (key.width != width_ || key.height != height_) resize(key.width, key.height);
    key_ = key;
    // In motion the image is drawn single-sampled, straight into the texture (a software rasterizer pays about
    // twice per triangle for 4× samples); the first still frame after it redraws with every sample.
    draft_ = moving && samples_ > 0;
    glBindFramebuffer(GL_FRAMEBUFFER, draft_ ? imageFbo_ : samplesFbo_);
    glViewport(0, 0, width_, height_);
    glClearColor(clear[0], clear[1], clear[2], clear[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    return true;
}

void MapCache::endRedraw() {
    if (!ok()) return;
    if (!draft_) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, samplesFbo_);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, imageFbo_);
        glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    valid_ = true;
}

void MapCache::present(int originX, int originY) const {
    if (!ok() || !valid_) return;
    glDisable(GL_BLEND);
    glUseProgram(copyProgram_);
    glUniform2i(uOrigin_, originX, originY);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, imageTexture_);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glUseProgram(0);
    glEnable(GL_BLEND);  // the layers after it blend (premultiplied; the function is unchanged)
}

void MapCache::destroy() {
    release({{GlName::framebuffer, &samplesFbo_}, {GlName::framebuffer, &imageFbo_}, {GlName::renderbuffer, &samplesRb_},
             {GlName::texture, &imageTexture_}, {GlName::program, &copyProgram_}, {GlName::vertexArray, &vao_}});
    forget();
}

}  // namespace bk
