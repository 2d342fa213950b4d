// map_layer.hpp — draws the basemap mesh (built once per dataset) in one indexed draw call.
#pragma once

#include "gl.hpp"
#include "map_mesh.hpp"
#include "view_uniforms.hpp"

#include <string>

namespace bk {

class MapLayer {
public:
    bool init(std::string* error);     // compiles the program; call once with a current GL context
    void upload(const MapMesh& mesh);  // replaces the mesh
    void draw(const ViewUniforms& view) const;
    void destroy();

private:
    GLuint program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0;
    CameraUniforms camera_;
    GLint uNight_ = -1;
    GLsizei indexCount_ = 0;
};

}  // namespace bk
