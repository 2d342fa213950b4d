// gl.hpp — the one place that includes OpenGL ES 3 / WebGL2 headers, plus a tiny program-building helper.
#pragma once

#include <GLES3/gl3.h>

#include <string>

namespace bk {

// Compiles and links a program; on failure returns 0 and puts the driver's log in `log`.
GLuint buildProgram(const char* vertexSource, const char* fragmentSource, std::string* log);

}  // namespace bk
