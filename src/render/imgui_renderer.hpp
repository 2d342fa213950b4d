// imgui_renderer.hpp — draws Dear ImGui's draw lists with WebGL2 without ever reading GL state back.
#pragma once

#include "gl.hpp"

#include <string>

struct ImDrawData;

namespace bk {

// Why not ImGui's own OpenGL3 backend: it saves and restores ~25 pieces of GL state with glGet*/glIsEnabled
// around every draw, and in a browser each of those is a synchronous round trip to the GPU process that waits
// for all queued work — the CPU and the GPU could not overlap (profiled: 60 ms of a 61 ms frame on SwiftShader,
// 0.6 s of the first frame). The viewer owns all GL state, so this renderer sets what it needs and leaves the
// state the other layers expect (documented at render()).
class ImGuiRenderer {
public:
    bool init(std::string* error);   // program, buffers; the font texture comes with uploadFonts()
    static void prepare();  // starts compiling its program(s) early (gl.hpp prepareProgram); init takes them over
    void uploadFonts();              // (re)creates the font atlas texture from ImGui's current atlas
    // Draws with blending on (ImGui's straight-alpha function) and the scissor test on; afterwards: scissor off,
    // blending on with premultiplied alpha (ONE, ONE_MINUS_SRC_ALPHA), no VAO, no program bound. Draw callbacks
    // run in list order; an ImDrawCallback_ResetRenderState after one sets this renderer's state again.
    void render(const ImDrawData& data, int framebufferW, int framebufferH);
    bool hasFonts() const { return fontTexture_ != 0; }
    void destroy();  // deletes what init() and uploadFonts() made
    // After a context loss every name is void: forget them (nothing to delete) before init() again.
    void forget() { *this = ImGuiRenderer(); }

private:
    void setupState(const ImDrawData& data, int framebufferW, int framebufferH);

    GLuint program_ = 0, vao_ = 0, vertexBuffer_ = 0, indexBuffer_ = 0, fontTexture_ = 0;
    GLint uProjection_ = -1, uTexture_ = -1;
};

}  // namespace bk
