// map_cache.hpp — the basemap (and today's route) drawn once into an antialiased offscreen image, copied to the
// screen each frame while the camera, the size and the light stay put.
#pragma once

#include "gl.hpp"
#include "frame.hpp"

#include <string>

namespace bk {

// Why: the map is most of the screen's pixels and, during a replay, does not change from frame to frame. A
// fill-limited renderer (a software rasterizer, a weak kiosk GPU at projector resolution) pays for it once per
// camera move instead of once per frame, and only this image is multisampled, so the canvas itself needs no
// MSAA (glyphs and text antialias in their shaders).
class MapCache {
public:
    bool init(std::string* error);  // program and framebuffers (sized lazily, at the first redraw)
    static void prepare();  // starts compiling its program(s) early (gl.hpp prepareProgram); init takes them over
    // True when the image must be redrawn for this view: then it is bound and cleared to `clear` (RGBA 0…1),
    // the caller draws into it and calls endRedraw(). False: the image is current, call present(). Called once
    // per frame: a camera that moves on consecutive frames gets single-sampled drafts, then one full redraw.
    bool beginRedraw(const ViewUniforms& view, const float clear[4]);
    void endRedraw();
    // Copies the image to the screen with a full-screen triangle, blending off (replaces the clear). Not
    // glBlitFramebuffer: on SwiftShader a blit costs three times a shader pass (16 vs 5.6 ms at 1280×800).
    // `origin`: the viewport's bottom-left corner on the screen (device px), where the caller set glViewport.
    void present(int originX = 0, int originY = 0) const;
    void invalidate() { valid_ = false; }  // the map or route mesh changed
    bool ok() const { return samplesFbo_ != 0; }
    void destroy();
    void forget() { *this = MapCache(); }  // after a context loss: the names are void

private:
    struct Key {
        float centerX = 0, centerY = 0, pxPerUnit = 0, uiScale = 0;
        int width = 0, height = 0, nightStep = -1;
        bool operator==(const Key& o) const {
            return centerX == o.centerX && centerY == o.centerY && pxPerUnit == o.pxPerUnit && uiScale == o.uiScale &&
                   width == o.width && height == o.height && nightStep == o.nightStep;
        }
        bool sameCamera(const Key& o) const {
            return centerX == o.centerX && centerY == o.centerY && pxPerUnit == o.pxPerUnit && uiScale == o.uiScale &&
                   width == o.width && height == o.height;
        }
    };
    void resize(int width, int height);

    GLuint samplesFbo_ = 0, samplesRb_ = 0, imageFbo_ = 0, imageTexture_ = 0;
    GLuint copyProgram_ = 0, vao_ = 0;   // present(): one full-screen triangle reading the image
    GLint uOrigin_ = -1;
    GLint samples_ = 0;
    int width_ = 0, height_ = 0;
    Key key_;
    bool valid_ = false;
    bool draft_ = false;           // the image was drawn single-sampled, in motion
    bool movedLastFrame_ = false;  // the camera changed between the last two frames
};

}  // namespace bk
