// density_layer.hpp — draws a DensityGrid as a dot matrix: one texel per cell, one full-screen pass.
#pragma once

#include "density_grid.hpp"
#include "gl.hpp"

#include <string>

namespace bk {

class DensityLayer {
public:
    bool init(std::string* error);
    static void prepare();  // starts compiling its program(s) early (gl.hpp prepareProgram); init takes them over
    void update(const DensityGrid& grid);   // one texture upload (cols × rows RGBA8)
    void draw(int viewportH, float night, float originX = 0, float originY = 0) const;  // origin: the viewport's corner
    void destroy();

private:
    GLuint program_ = 0, vao_ = 0, texture_ = 0;
    GLint uGrid_ = -1, uCell_ = -1, uViewportH_ = -1, uNight_ = -1, uOrigin_ = -1;
    int cols_ = 0, rows_ = 0;
    float cellPx_ = 0;
};

}  // namespace bk
