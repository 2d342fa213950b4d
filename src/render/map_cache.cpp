// map_cache.cpp — offscreen basemap: draw into a 4× multisampled renderbuffer, resolve once, blit per frame.
#include "map_cache.hpp"

#include <algorithm>
#include <cmath>

namespace bk {

void MapCache::init() {
    GLint maxSamples = 0;
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);  // once, at start-up
    samples_ = std::clamp(maxSamples, 0, 4);
    glGenFramebuffers(1, &samplesFbo_);
    glGenRenderbuffers(1, &samplesRb_);
    glGenFramebuffers(1, &imageFbo_);
    glGenRenderbuffers(1, &imageRb_);
    width_ = height_ = 0;
    valid_ = false;
}

void MapCache::resize(int width, int height) {
    glBindRenderbuffer(GL_RENDERBUFFER, samplesRb_);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, samplesFbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, samplesRb_);
    glBindRenderbuffer(GL_RENDERBUFFER, imageRb_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, imageFbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, imageRb_);
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
    Key key{v.centerX, v.centerY, v.pxPerUnit, v.dpr, int(v.viewportW), int(v.viewportH), int(std::lround(v.night * 128))};
    if (valid_ && key == key_) return false;
    if (key.width != width_ || key.height != height_) resize(key.width, key.height);
    key_ = key;
    glBindFramebuffer(GL_FRAMEBUFFER, samplesFbo_);
    glViewport(0, 0, width_, height_);
    glClearColor(clear[0], clear[1], clear[2], clear[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    return true;
}

void MapCache::endRedraw() {
    if (!ok()) return;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, samplesFbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, imageFbo_);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    valid_ = true;
}

void MapCache::present() const {
    if (!ok() || !valid_) return;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, imageFbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void MapCache::destroy() {
    if (samplesFbo_) glDeleteFramebuffers(1, &samplesFbo_);
    if (imageFbo_) glDeleteFramebuffers(1, &imageFbo_);
    if (samplesRb_) glDeleteRenderbuffers(1, &samplesRb_);
    if (imageRb_) glDeleteRenderbuffers(1, &imageRb_);
    forget();
}

}  // namespace bk
