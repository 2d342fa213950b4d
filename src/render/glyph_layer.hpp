// glyph_layer.hpp — draws every sensor as a quad (its record in a texture) whose fragment shader paints its type's glyph.
#pragma once

#include "gl.hpp"
#include "glyph_scene.hpp"
#include "frame.hpp"

#include <string>
#include <vector>

namespace bk {

class GlyphLayer {
public:
    bool init(std::string* error);
    static void prepare();  // starts compiling its program(s) early (gl.hpp prepareProgram); init takes them over
    // One upload per frame of every glyph's record, footfall glows first (they draw under everything); one draw.
    void update(const std::vector<GlyphInstance>& glyphs);
    void draw(const ViewUniforms& view) const;
    void destroy();

private:
    GLuint program_ = 0, vao_ = 0;
    RecordTexture records_;
    CameraUniforms camera_;
    GLint uTime_ = -1, uMotion_ = -1, uRecords_ = -1;
    GLsizei count_ = 0, glowCount_ = 0;
    std::vector<GlyphInstance> ordered_;  // glows first, reused frame to frame
};

}  // namespace bk
