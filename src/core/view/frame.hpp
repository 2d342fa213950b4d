// frame.hpp — one frame's drawing, as plain data: what the viewer produces and the renderer draws (no GL here).
//
// The viewer (src/viewer/) fills a Frame after each update; the renderer (src/render/renderer.hpp) draws a
// `const Frame&` and owns every GL object. Pointers stay valid until the viewer's next update or load.
#pragma once

#include "density_grid.hpp"
#include "glyph_scene.hpp"
#include "map_mesh.hpp"

#include <cstdint>
#include <vector>

namespace bk {

// What every layer needs to know about the view, in device pixels.
struct ViewUniforms {
    float centerX = 0, centerY = 0;   // camera centre, local units
    float pxPerUnit = 1;              // device pixels per local unit
    float viewportW = 1, viewportH = 1;  // device pixels
    float originX = 0, originY = 0;   // the viewport's bottom-left corner on the screen, device px, GL's y up
    float uiScale = 1;                // device px per design px (devicePixelRatio × the big-screen boost)
    float timeS = 0;                  // real seconds, for animation (pulses)
    bool reducedMotion = false;
    float night = 0;                  // 0 day … 1 night: the basemap's light follows the replay clock
};

// One footfall counter's crowd, splatted by the heat layer.
struct HeatPoint {
    float x, y;        // local units
    float weight;      // 0..1
};

// One pane of the map: its viewport, and what it draws over the shared basemap.
struct FramePane {
    ViewUniforms view;                   // the viewport's size and place (origin), the shared camera, the pane's light
    float background[4] = {1, 1, 1, 1};  // RGBA 0…1: the paper (or, at night, ink blue) the map sits on
    // The day's collection trips, over the streets (a version per day and trip count), when the route layer is on.
    const MapMesh* route = nullptr;
    uint64_t routeVersion = 0;
    bool routeShown = false;
    // Footfall heat (empty: none drawn), each splat reaching `heatRadiusUnits`.
    const std::vector<HeatPoint>* heat = nullptr;
    float heatRadiusUnits = 0;
    // Level of detail: non-null, the dot matrix is drawn and `glyphs` holds only the glyphs kept over it.
    const DensityGrid* density = nullptr;
    const std::vector<GlyphInstance>* glyphs = nullptr;
};

struct Frame {
    float screenW = 1, screenH = 1;      // device px of the whole canvas
    // The basemap, uploaded again when its version changes (a new load). Null: nothing loaded, only the clear.
    const MapMesh* map = nullptr;
    uint64_t mapVersion = 0;
    float pxPerMetre = 1;                // CSS px per ground metre (the mesh's zoom-dependent ranges)
    // One pane, or two side by side / one above the other (a comparison), all with the same camera.
    int paneCount = 1;
    FramePane panes[2];
};

}  // namespace bk
