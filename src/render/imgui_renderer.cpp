// imgui_renderer.cpp — Dear ImGui draw lists → WebGL2: one streamed vertex/index buffer pair, scissored draws.
#include "imgui_renderer.hpp"

#include <imgui.h>

#include <cstddef>

namespace bk {

namespace {
const char* kVertex = R"(#version 300 es
uniform mat4 u_projection;
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
out vec2 v_uv;
out vec4 v_color;
void main() {
    v_uv = a_uv;
    v_color = a_color;
    gl_Position = u_projection * vec4(a_position, 0.0, 1.0);
})";

const VertexLayout kLayout{sizeof(ImDrawVert), 0, {floats(2, offsetof(ImDrawVert, pos)), floats(2, offsetof(ImDrawVert, uv)),
                                                   unitBytes(4, offsetof(ImDrawVert, col))}};

const char* kFragment = R"(#version 300 es
precision mediump float;
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
out vec4 fragColor;
void main() {
    fragColor = v_color * texture(u_texture, v_uv);
})";
}  // namespace

void ImGuiRenderer::prepare() {
    prepareProgram(kVertex, kFragment);
}

bool ImGuiRenderer::init(std::string* error) {
    program_ = buildProgram(kVertex, kFragment, error, {{"u_projection", &uProjection_}, {"u_texture", &uTexture_}});
    if (!program_) return false;
    glGenBuffers(1, &vertexBuffer_);
    glGenBuffers(1, &indexBuffer_);
    vao_ = makeVertexArray(kLayout, vertexBuffer_, indexBuffer_);
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "bukchon_webgl2";
    // No ImGuiBackendFlags_RendererHasVtxOffset: WebGL2 has no base-vertex draws, so ImGui keeps each draw
    // list under 65,536 vertices (16-bit indices) instead.
    return true;
}

void ImGuiRenderer::destroy() {
    release({{GlName::texture, &fontTexture_}, {GlName::buffer, &vertexBuffer_}, {GlName::buffer, &indexBuffer_},
             {GlName::vertexArray, &vao_}, {GlName::program, &program_}});
    forget();
}

void ImGuiRenderer::uploadFonts() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    release({{GlName::texture, &fontTexture_}});
    glGenTextures(1, &fontTexture_);
    glBindTexture(GL_TEXTURE_2D, fontTexture_);
    setSampling(GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(fontTexture_)));
}

void ImGuiRenderer::setupState(const ImDrawData& data, int framebufferW, int framebufferH) {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, framebufferW, framebufferH);
    // Orthographic: ImGui's display rectangle → clip space, y down.
    const float l = data.DisplayPos.x, r = data.DisplayPos.x + data.DisplaySize.x;
    const float t = data.DisplayPos.y, b = data.DisplayPos.y + data.DisplaySize.y;
    const float projection[16] = {
        2.0f / (r - l), 0, 0, 0,
        0, 2.0f / (t - b), 0, 0,
        0, 0, -1, 0,
        (r + l) / (l - r), (t + b) / (b - t), 0, 1,
    };
    glUseProgram(program_);
    glUniformMatrix4fv(uProjection_, 1, GL_FALSE, projection);
    glUniform1i(uTexture_, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
}

void ImGuiRenderer::render(const ImDrawData& data, int framebufferW, int framebufferH) {
    if (!program_ || data.CmdListsCount == 0 || framebufferW <= 0 || framebufferH <= 0) return;
    setupState(data, framebufferW, framebufferH);
    const ImVec2 origin = data.DisplayPos, scale = data.FramebufferScale;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList* list = data.CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list->VtxBuffer.Size) * GLsizeiptr(sizeof(ImDrawVert)),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(list->IdxBuffer.Size) * GLsizeiptr(sizeof(ImDrawIdx)),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            // Custom GPU work between draw commands (the glyph pass, see Renderer::addGlyphPass); ImGui's reset
            // marker that follows it asks for this renderer's state again.
            if (cmd.UserCallback) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState) setupState(data, framebufferW, framebufferH);
                else cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - origin.x) * scale.x, y0 = (cmd.ClipRect.y - origin.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - origin.x) * scale.x, y1 = (cmd.ClipRect.w - origin.y) * scale.y;
            if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
            glScissor(GLint(x0), GLint(float(framebufferH) - y1), GLsizei(x1 - x0), GLsizei(y1 - y0));
            glBindTexture(GL_TEXTURE_2D, GLuint(reinterpret_cast<intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(size_t(cmd.IdxOffset) * sizeof(ImDrawIdx)));
        }
    }
    glBindVertexArray(0);
    glUseProgram(0);
    glDisable(GL_SCISSOR_TEST);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // the viewer's premultiplied alpha
}

}  // namespace bk
