// gl.hpp — the one place that includes OpenGL ES 3 / WebGL2 headers, plus the small helpers every layer shares:
// programs, vertex layouts described as data, streamed buffers, texture sampling and releasing names.
#pragma once

#include <GLES3/gl3.h>

#include <cstddef>
#include <initializer_list>
#include <string>

namespace bk {

// Compiles and links a program and finds its uniforms (`{"u_time", &uTime_}`; one it lacks is -1); on failure returns
// 0 and puts the driver's log in `log`.
struct UniformSlot {
    const char* name;
    GLint* location;
};
GLuint buildProgram(const char* vertexSource, const char* fragmentSource, std::string* log,
                    std::initializer_list<UniformSlot> uniforms = {});

// Starting early: compiles and links a program without asking how it went (no call here waits for the GPU
// process), so every program compiles there while this thread does other work; buildProgram with the same two
// source pointers later takes the prepared program over and asks for its status once. With
// KHR_parallel_shader_compile (enableParallelShaderCompile, after the context is made) the driver compiles them on
// its own threads and preparedProgramsDone() can ask whether they are finished without waiting; without the
// extension it answers true and the first status query waits instead.
void prepareProgram(const char* vertexSource, const char* fragmentSource);
bool enableParallelShaderCompile();
bool preparedProgramsDone();
void forgetPreparedPrograms();  // the context was lost: their names are void

// One vertex attribute, read from the layout's buffer; its shader location is its index in the layout.
struct VertexAttribute {
    GLint components = 0;      // 1…4; 0 ends the layout
    GLenum type = GL_FLOAT;
    bool normalized = false;   // integer data read as 0…1 (GL_UNSIGNED_BYTE colours)
    bool integer = false;      // read as uint / int by the shader (glVertexAttribIPointer)
    size_t offset = 0;         // offsetof(Vertex, field)
};

// The attributes as a layout names them: `floats(2, offsetof(V, x))`, `unitBytes(4, …)` (colours read as 0…1),
// `integers(2, GL_UNSIGNED_SHORT, …)` (read as uvec by the shader).
constexpr VertexAttribute floats(GLint n, size_t offset) { return {n, GL_FLOAT, false, false, offset}; }
constexpr VertexAttribute unitBytes(GLint n, size_t offset) { return {n, GL_UNSIGNED_BYTE, true, false, offset}; }
constexpr VertexAttribute integers(GLint n, GLenum type, size_t offset) { return {n, type, false, true, offset}; }

// How a layer's vertices (or instances) sit in their buffer: the zero value of each field is the common case.
struct VertexLayout {
    GLsizei stride = 0;
    GLuint divisor = 0;        // 1: one value per instance
    VertexAttribute attributes[6] = {};
};

// A vertex array reading `buffer` as `layout` says (and `indices` as its element buffer, when not 0).
GLuint makeVertexArray(const VertexLayout& layout, GLuint buffer, GLuint indices = 0);

// Uploads `bytes` into `buffer` (bound to GL_ARRAY_BUFFER), growing its storage by half again when they do not
// fit; `capacity` holds the storage's size in bytes between calls.
void streamBuffer(GLuint buffer, const void* data, size_t bytes, size_t& capacity);

// Quads without instancing. SwiftShader (the CPU WebGL of CI and of kiosks without a GPU) runs an instanced draw as
// one draw per instance, about 7 µs each on the 2-core machine whatever the quad's size; so each quad's record
// lives in a texture of 12-byte RGB32UI texels instead, and one glDrawArrays(GL_TRIANGLES, 6 × first, 6 × n) draws
// them in their order, each vertex reading its record by gl_VertexID (BK_GLSL_QUAD_RECORDS). decisions.md 65.
class RecordTexture {
public:
    // Uploads `count` records of `texels` texels each (a record's bytes are texels × 12, laid out as the shader
    // reads them), growing the texture when they do not fit. Returns how many records it holds: all of them
    // unless they exceed the GPU's largest texture (then the first that fit).
    size_t upload(const void* records, size_t count, int texels);
    void bind(GLuint unit) const;  // to texture unit `unit`; unit 0 is active again afterwards
    void destroy();

private:
    GLuint texture_ = 0;
    GLint rows_ = 0;
};
// The shader side, pasted into a vertex shader after its #version line: u_records (set its unit), the record and
// corner (-1…1) of this vertex, and texel k of a record of `texels`.
#define BK_GLSL_QUAD_RECORDS                                                                                       \
    "uniform highp usampler2D u_records;\n"                                                                      \
    "int quadRecord() { return gl_VertexID / 6; }\n"                                                             \
    "vec2 quadCorner() {\n"                                                                                     \
    "    int k = gl_VertexID - quadRecord() * 6;\n"                                                              \
    "    int c = k < 3 ? k : (k == 5 ? 3 : 5 - k);   // triangles 0 1 2 and 2 1 3 of the quad's corners\n"      \
    "    return vec2(float(c & 1), float((c >> 1) & 1)) * 2.0 - 1.0;\n"                                         \
    "}\n"                                                                                                       \
    "uvec3 recordTexel(int record, int texels, int k) {\n"                                                       \
    "    int i = record * texels + k, w = textureSize(u_records, 0).x;\n"                                        \
    "    return texelFetch(u_records, ivec2(i % w, i / w), 0).xyz;\n"                                            \
    "}\n"

// The bound 2D texture: `filter` for minifying and magnifying, clamped to its edges.
void setSampling(GLenum filter);

// Deletes the names that are not 0 and sets them to 0: `release({{GlName::program, &program_}, …})`.
enum class GlName { program, vertexArray, buffer, texture, framebuffer, renderbuffer };
struct GlObject {
    GlName kind;
    GLuint* name;
};
void release(std::initializer_list<GlObject> objects);

struct ViewUniforms;
// The camera uniforms every map-space program shares (u_center, u_scale, u_viewport, u_uiScale; absent ones are -1).
struct CameraUniforms {
    GLint center = -1, scale = -1, viewport = -1, uiScale = -1;
    void locate(GLuint program);
    void apply(const ViewUniforms& view) const;  // with the program in use
};

}  // namespace bk
