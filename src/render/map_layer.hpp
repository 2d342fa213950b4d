// map_layer.hpp — draws the basemap mesh (built once per dataset): one indexed draw call per run of ranges in view.
#pragma once

#include "gl.hpp"
#include "map_mesh.hpp"
#include "frame.hpp"

#include <string>
#include <vector>

namespace bk {

class MapLayer {
public:
    bool init(std::string* error);     // compiles the program; call once with a current GL context
    static void prepare();  // starts compiling its program(s) early (gl.hpp prepareProgram); init takes them over
    void upload(const MapMesh& mesh);  // replaces the mesh
    // `pxPerMetre`: CSS px per ground metre, for the mesh's zoom-dependent ranges; cells out of view are skipped.
    void draw(const ViewUniforms& view, float pxPerMetre);
    void destroy();

private:
    GLuint program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0;
    CameraUniforms camera_;
    GLint uNight_ = -1;
    GLsizei indexCount_ = 0;
    std::vector<MeshRange> ranges_;
    std::vector<DrawRun> runs_;   // this frame's, kept to reuse its storage
};

}  // namespace bk
