// gl.hpp — the one place that includes OpenGL ES 3 / WebGL2 headers, plus a tiny program-building helper.
#pragma once

#include <GLES3/gl3.h>

#include <string>

namespace bk {

// Compiles and links a program; on failure returns 0 and puts the driver's log in `log`.
GLuint buildProgram(const char* vertexSource, const char* fragmentSource, std::string* log);

struct ViewUniforms;
// The camera uniforms every map-space program shares (u_center, u_scale, u_viewport, u_dpr; absent ones are -1).
struct CameraUniforms {
    GLint center = -1, scale = -1, viewport = -1, dpr = -1;
    void locate(GLuint program);
    void apply(const ViewUniforms& view) const;  // with the program in use
};

}  // namespace bk
