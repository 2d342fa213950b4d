// gl.cpp — shader compilation with readable logs.
#include "gl.hpp"

#include "view_uniforms.hpp"

#include <vector>

namespace bk {

namespace {
GLuint compile(GLenum type, const char* src, std::string* log) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint len = 0;
        glGetShaderiv(s, GL_INFO_LOG_LENGTH, &len);
        std::vector<char> buf(size_t(len) + 1, 0);
        glGetShaderInfoLog(s, len, nullptr, buf.data());
        if (log) *log = std::string(type == GL_VERTEX_SHADER ? "vertex shader: " : "fragment shader: ") + buf.data();
        glDeleteShader(s);
        return 0;
    }
    return s;
}
}  // namespace

void CameraUniforms::locate(GLuint program) {
    center = glGetUniformLocation(program, "u_center");
    scale = glGetUniformLocation(program, "u_scale");
    viewport = glGetUniformLocation(program, "u_viewport");
    dpr = glGetUniformLocation(program, "u_dpr");
}

void CameraUniforms::apply(const ViewUniforms& v) const {
    glUniform2f(center, v.centerX, v.centerY);
    glUniform1f(scale, v.pxPerUnit);
    glUniform2f(viewport, v.viewportW, v.viewportH);
    glUniform1f(dpr, v.dpr);
}

GLuint buildProgram(const char* vs, const char* fs, std::string* log) {
    GLuint v = compile(GL_VERTEX_SHADER, vs, log);
    GLuint f = v ? compile(GL_FRAGMENT_SHADER, fs, log) : 0;
    if (!v || !f) {
        if (v) glDeleteShader(v);
        return 0;
    }
    GLuint p = glCreateProgram();
    glAttachShader(p, v);
    glAttachShader(p, f);
    glLinkProgram(p);
    glDeleteShader(v);
    glDeleteShader(f);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) {
        char buf[1024] = {0};
        glGetProgramInfoLog(p, sizeof buf - 1, nullptr, buf);
        if (log) *log = std::string("link: ") + buf;
        glDeleteProgram(p);
        return 0;
    }
    return p;
}

}  // namespace bk
