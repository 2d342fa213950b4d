// view_uniforms.hpp — what every layer needs to know about the view, in device pixels.
#pragma once

namespace bk {

struct ViewUniforms {
    float centerX = 0, centerY = 0;   // camera centre, local units
    float pxPerUnit = 1;              // device pixels per local unit
    float viewportW = 1, viewportH = 1;  // device pixels
    float dpr = 1;                    // device pixels per CSS pixel
    float timeS = 0;                  // real seconds, for animation (pulses)
    bool reducedMotion = false;
    float night = 0;                  // 0 day … 1 night: the basemap's light follows the replay clock
};

}  // namespace bk
