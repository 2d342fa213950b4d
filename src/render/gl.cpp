// gl.cpp — shader compilation (started early, finished with readable logs), vertex arrays from layouts, buffer
// streaming, releasing names.
#include "gl.hpp"

#include "frame.hpp"

#include <algorithm>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten/html5.h>
#endif

namespace bk {

namespace {
constexpr GLenum kCompletionStatus = 0x91B1;  // COMPLETION_STATUS_KHR (KHR_parallel_shader_compile)
bool parallelCompile = false;

// A program on its way: compiling and linking were asked for, nothing was asked back yet.
struct PendingProgram {
    const char* vertexSource;
    const char* fragmentSource;
    GLuint program, vertex, fragment;
};
std::vector<PendingProgram>& pending() {
    static std::vector<PendingProgram> list;
    return list;
}

GLuint startShader(GLenum type, const char* src) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    return s;
}

PendingProgram start(const char* vs, const char* fs) {
    PendingProgram p{vs, fs, glCreateProgram(), startShader(GL_VERTEX_SHADER, vs), startShader(GL_FRAGMENT_SHADER, fs)};
    glAttachShader(p.program, p.vertex);
    glAttachShader(p.program, p.fragment);
    glLinkProgram(p.program);
    return p;
}

// The log of a shader that did not compile ("vertex shader: …"), or "" when it did.
std::string shaderLog(GLuint shader, const char* which) {
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok) return "";
    GLint len = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &len);
    std::vector<char> buf(size_t(len) + 1, 0);
    glGetShaderInfoLog(shader, len, nullptr, buf.data());
    return std::string(which) + buf.data();
}

// Asks once whether the program linked (this waits for it); on failure the log says which stage and why.
GLuint finish(const PendingProgram& p, std::string* log) {
    GLint ok = 0;
    glGetProgramiv(p.program, GL_LINK_STATUS, &ok);
    if (!ok && log) {
        *log = shaderLog(p.vertex, "vertex shader: ");
        if (log->empty()) *log = shaderLog(p.fragment, "fragment shader: ");
        if (log->empty()) {
            char buf[1024] = {0};
            glGetProgramInfoLog(p.program, sizeof buf - 1, nullptr, buf);
            *log = std::string("link: ") + buf;
        }
    }
    glDeleteShader(p.vertex);  // flagged: freed with the program
    glDeleteShader(p.fragment);
    if (!ok) {
        glDeleteProgram(p.program);
        return 0;
    }
    return p.program;
}
}  // namespace

void prepareProgram(const char* vs, const char* fs) { pending().push_back(start(vs, fs)); }

bool enableParallelShaderCompile() {
#ifdef __EMSCRIPTEN__
    parallelCompile = emscripten_webgl_enable_extension(emscripten_webgl_get_current_context(), "KHR_parallel_shader_compile");
#endif
    return parallelCompile;
}

void forgetPreparedPrograms() { pending().clear(); }

bool preparedProgramsDone() {
    if (!parallelCompile) return true;
    for (const PendingProgram& p : pending()) {
        GLint done = 0;
        glGetProgramiv(p.program, kCompletionStatus, &done);
        if (!done) return false;
    }
    return true;
}

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
    std::vector<PendingProgram>& list = pending();
    PendingProgram p{};
    auto it = std::find_if(list.begin(), list.end(), [&](const PendingProgram& q) { return q.vertexSource == vs && q.fragmentSource == fs; });
    if (it != list.end()) {
        p = *it;
        list.erase(it);
    } else {
        p = start(vs, fs);
    }
    GLuint program = finish(p, log);
    if (program)
        for (const UniformSlot& u : uniforms) *u.location = glGetUniformLocation(program, u.name);
    return program;
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

namespace {
constexpr GLint kRecordWidth = 2048;   // texels a row: the least MAX_TEXTURE_SIZE WebGL2 allows, and even
}

size_t RecordTexture::upload(const void* records, size_t count, int texels) {
    if (!texture_) glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    static GLint maxRows = 0;
    if (maxRows == 0) glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxRows);   // once: a query may wait for the GPU process
    const size_t fit = std::min(count, size_t(std::max(maxRows, kRecordWidth)) * kRecordWidth / size_t(texels));
    const size_t total = fit * size_t(texels);
    const GLint rows = GLint((total + kRecordWidth - 1) / kRecordWidth);
    if (rows > rows_) {
        rows_ = std::min(std::max(rows + rows / 2, 1), std::max(maxRows, rows));
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB32UI, kRecordWidth, rows_, 0, GL_RGB_INTEGER, GL_UNSIGNED_INT, nullptr);
        setSampling(GL_NEAREST);   // an integer texture is read whole, never filtered
    }
    const GLint full = GLint(total / kRecordWidth), rest = GLint(total % kRecordWidth);
    const auto* bytes = static_cast<const unsigned char*>(records);
    if (full > 0) glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, kRecordWidth, full, GL_RGB_INTEGER, GL_UNSIGNED_INT, bytes);
    if (rest > 0)
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, full, rest, 1, GL_RGB_INTEGER, GL_UNSIGNED_INT,
                        bytes + size_t(full) * kRecordWidth * 12);
    glBindTexture(GL_TEXTURE_2D, 0);
    return fit;
}

void RecordTexture::bind(GLuint unit) const {
    glActiveTexture(GL_TEXTURE0 + unit);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glActiveTexture(GL_TEXTURE0);
}

void RecordTexture::destroy() {
    release({{GlName::texture, &texture_}});
    rows_ = 0;
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
