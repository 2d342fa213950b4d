// glyph_layer.hpp — draws every sensor as an instanced quad whose fragment shader paints its type's glyph.
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
    // One upload per frame of the whole per-instance state: footfall glows (drawn first, under everything) in a
    // buffer of their own, so that each pass runs the vertex shader only for its own glyphs.
    void update(const std::vector<GlyphInstance>& glyphs);
    void draw(const ViewUniforms& view) const;
    void destroy();

private:
    GLuint program_ = 0, vao_ = 0, vbo_ = 0, glowVao_ = 0, glowVbo_ = 0;
    CameraUniforms camera_;
    GLint uTime_ = -1, uPass_ = -1, uMotion_ = -1;
    GLsizei count_ = 0, glowCount_ = 0;
    size_t capacity_ = 0, glowCapacity_ = 0;
    std::vector<GlyphInstance> glows_, rest_;  // the split, reused frame to frame
};

}  // namespace bk
