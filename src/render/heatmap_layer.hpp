// heatmap_layer.hpp — the footfall heatmap: gaussian splats accumulated on the GPU, then coloured by a ramp.
#pragma once

#include "gl.hpp"
#include "frame.hpp"

#include <string>
#include <vector>

namespace bk {

class HeatmapLayer {
public:
    bool init(std::string* error);
    static void prepare();  // starts compiling its program(s) early (gl.hpp prepareProgram); init takes them over
    // Splats `points` (radius in local units) and composites the result over the current framebuffer.
    void draw(const ViewUniforms& view, const std::vector<HeatPoint>& points, float radiusUnits);
    // Makes the half-resolution target for a viewport of this size now (its completeness check waits for the GPU
    // process): called before the data arrives, so the first frame with heat does not wait there.
    void prepareTarget(int viewportW, int viewportH);
    void destroy();

private:
    bool ensureTarget(int w, int h);

    GLuint splatProgram_ = 0, compositeProgram_ = 0, vao_ = 0, fbo_ = 0, texture_ = 0;
    RecordTexture records_;  // the splats
    CameraUniforms camera_;  // of the splat program (it has no u_uiScale: -1, ignored)
    GLint sRadius_ = -1, sRecords_ = -1;
    GLint cTexture_ = -1, cNight_ = -1;
    int targetW_ = 0, targetH_ = 0;
    bool floatTarget_ = false;
};

}  // namespace bk
