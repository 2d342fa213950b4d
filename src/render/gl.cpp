// gl.cpp — shader compilation with readable logs, vertex arrays from layouts, buffer streaming, releasing names.
#include "gl.hpp"

#include "frame.hpp"

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
    uiScale = glGetUniformLocation(program, "u_uiScale");
}

void CameraUniforms::apply(const ViewUniforms& v) const {
    glUniform2f(center, v.centerX, v.centerY);
    glUniform1f(scale, v.pxPerUnit);
    glUniform2f(viewport, v.viewportW, v.viewportH);
    glUniform1f(uiScale, v.uiScale);
}

GLuint buildProgram(const char* vs, const char* fs, std::string* log, std::initializer_list<UniformSlot> uniforms) {
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
    for (const UniformSlot& u : uniforms) *u.location = glGetUniformLocation(p, u.name);
    return p;
}

GLuint makeVertexArray(const VertexLayout& layout, GLuint buffer, GLuint indices) {
    GLuint vao = 0;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, buffer);
    if (indices) glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices);  // recorded in the vertex array
    GLuint location = 0;
    for (const VertexAttribute& a : layout.attributes) {
        if (a.components == 0) break;
        glEnableVertexAttribArray(location);
        const void* offset = reinterpret_cast<const void*>(a.offset);
        if (a.integer) glVertexAttribIPointer(location, a.components, a.type, layout.stride, offset);
        else glVertexAttribPointer(location, a.components, a.type, a.normalized ? GL_TRUE : GL_FALSE, layout.stride, offset);
        if (layout.divisor) glVertexAttribDivisor(location, layout.divisor);
        ++location;
    }
    glBindVertexArray(0);
    return vao;
}

void streamBuffer(GLuint buffer, const void* data, size_t bytes, size_t& capacity) {
    glBindBuffer(GL_ARRAY_BUFFER, buffer);
    if (bytes > capacity) {
        capacity = bytes + bytes / 2;
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(capacity), nullptr, GL_DYNAMIC_DRAW);
    }
    if (bytes) glBufferSubData(GL_ARRAY_BUFFER, 0, GLsizeiptr(bytes), data);
}

void setSampling(GLenum filter) {
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GLint(filter));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GLint(filter));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

void release(std::initializer_list<GlObject> objects) {
    for (const GlObject& o : objects) {
        GLuint* name = o.name;
        if (!*name) continue;
        switch (o.kind) {
            case GlName::program: glDeleteProgram(*name); break;
            case GlName::vertexArray: glDeleteVertexArrays(1, name); break;
            case GlName::buffer: glDeleteBuffers(1, name); break;
            case GlName::texture: glDeleteTextures(1, name); break;
            case GlName::framebuffer: glDeleteFramebuffers(1, name); break;
            case GlName::renderbuffer: glDeleteRenderbuffers(1, name); break;
        }
        *name = 0;
    }
}

}  // namespace bk
