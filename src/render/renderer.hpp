// renderer.hpp — owns every GL object and draws a `const Frame&` with the panels' draw data: the cached map image,
// today's route, footfall heat, the dot matrix, the glyphs and the ImGui lists; rebuilds it all after a lost
// WebGL context.
#pragma once

#include "density_layer.hpp"
#include "frame.hpp"
#include "glyph_layer.hpp"
#include "heatmap_layer.hpp"
#include "imgui_renderer.hpp"
#include "map_cache.hpp"
#include "map_layer.hpp"

#include <cstdint>
#include <string>

struct ImDrawData;
struct ImDrawList;

namespace bk {

class Renderer {
public:
    bool init(std::string* error);      // every program; call with a current GL context
    // Starts compiling every program init will need, without waiting (call once the context is made, long before
    // init: the GPU process compiles them meanwhile); true when the driver compiles in parallel and can be asked
    // without waiting whether it is done (programsReady).
    static bool prepare();
    static bool programsReady() { return preparedProgramsDone(); }
    // The WebGL context was lost and is back: every name is void; forget them and build them again.
    bool rebuild(std::string* error);
    void destroy();

    // The whole picture at `width` × `height` device px: the map (drawMap), then ImGui's lists in order, the glyph
    // pass among them where addGlyphPass put it.
    void draw(const Frame& frame, const ImDrawData& ui, int width, int height);
    // The font atlas: (re)uploaded when the UI's fonts were rebuilt, or never yet.
    void uploadFonts() { ui_.uploadFonts(); }
    // Before the first data: what the first frame would otherwise wait for the GPU process for (the heat target).
    void warmUp(int width, int height) { heat_.prepareTarget(width, height); }
    bool hasFonts() const { return ui_.hasFonts(); }

    // Clears to the paper (or copies the cached map image over the whole screen), then the footfall heat.
    void drawMap(const Frame& frame);
    // The dot matrix (level of detail) and the glyphs, over the map and its labels.
    void drawGlyphs(const Frame& frame);
    // Puts drawGlyphs(frame) into `list` at this point, as an ImGui draw callback followed by ImGui's reset
    // marker: the glyphs sit between what the list drew before (map labels) and everything after (panels).
    // `frame` must stay valid until the draw data is rendered.
    void addGlyphPass(ImDrawList* list, const Frame& frame);

private:
    static constexpr uint64_t kNone = ~uint64_t(0);
    // Per pane (a compare view has two): the day's route, and map + route as one image, redrawn only when the view,
    // the light or the route changes.
    struct PaneGl {
        MapLayer route;             // today's collection trips, over the streets and under the glyphs
        MapCache cache;
        uint64_t routeVersion = kNone;  // what the route buffer holds
        bool routeShown = false;        // whether the cached map image includes the route
    };
    void drawPaneMap(const Frame& frame, int pane, bool mapChanged);
    static void usePane(const FramePane& pane);  // viewport and scissor on the pane

    MapLayer map_;
    static constexpr int kPanes = 2;
    PaneGl panes_[kPanes];
    HeatmapLayer heat_;             // footfall: where the crowd is
    DensityLayer density_;          // level of detail: many sensors on screen as a dot matrix
    GlyphLayer glyphs_;
    ImGuiRenderer ui_;              // the panels' and labels' draw lists
    uint64_t mapVersion_ = kNone;   // what the map buffers hold
    const Frame* pending_ = nullptr;  // addGlyphPass's frame, drawn by its callback
};

}  // namespace bk
