// incremental_scene.hpp — a frame's glyphs and dot matrix kept from frame to frame and redone only where the data
// changed: a sensor still on the same segment of readings, whose look (colour, alert) cannot change along it, needs
// no new colour; a dot-matrix cell whose sensors kept their colours needs no new sum. The same picture as building
// everything anew (buildGlyphs, buildDensityGrid), at a fraction of the work (tests/unit/incremental_scene_test.cpp).
#pragma once

#include "density_grid.hpp"
#include "glyph_scene.hpp"
#include "sampler.hpp"

#include <cstdint>
#include <vector>

namespace bk {

// What decides which glyphs there are and how they are coloured: a change to any of these rebuilds them all.
struct GlyphInputs {
    const std::vector<GlyphStyle>* styles = nullptr;
    const std::vector<Vec2>* positions = nullptr;
    uint64_t stylesVersion = 0;            // +1 whenever the styles (or the palette behind the colours) change
    uint32_t layerMask = kAllLayers;
    int selected = -1, hovered = -1;
    const std::vector<uint8_t>* pass = nullptr;  // the filters' verdict per sensor, or null (filters.hpp)
    float shrink = 1;                      // glyph radius factor (< 1 at city zoom)
    bool valuesSampled = true;             // values are the sampler's (false: some replaced; every look is redone)
    bool lazyGauges = false;               // gauges and radii wait for settleGauges (the dot matrix draws few glyphs)
};

class GlyphScene {
public:
    struct Change {             // a sensor glyph whose colour or flags changed in the last update
        uint32_t glyph;
        uint32_t oldRgba;
        uint16_t oldFlags;
    };

    // Brings `glyphs` and `sensorOfGlyph` to `values`, which `sampler` sampled for this frame (buildGlyphs' result,
    // radius times `shrink`). The sensors' glyphs come first, sensorGlyphs() of them; whatever the caller appends
    // after them (the truck) is dropped by the next update. With `lazyGauges`, every glyph's colour and flags are
    // this frame's but gauges and radii are not until settleGauges (all) or settleGauge (the few that are drawn).
    void update(const GlyphInputs& in, const std::vector<float>& values, Sampler& sampler,
                std::vector<GlyphInstance>& glyphs, std::vector<uint32_t>& sensorOfGlyph);
    // Gauges and radii of every sensor glyph for the values of the last update (nothing to do when they are).
    void settleGauges(const std::vector<float>& values, const std::vector<uint32_t>& sensorOfGlyph,
                      std::vector<GlyphInstance>& glyphs);
    bool gaugesSettled() const { return settled_; }
    // The gauge and radius of sensor i's glyph, for its value v, into g (its glyph, or a copy such as a kept one).
    void settleGauge(uint32_t sensor, float v, GlyphInstance& g) const;
    bool rebuilt() const { return rebuilt_; }                    // every glyph made anew: compare with nothing
    const std::vector<Change>& changes() const { return changes_; }  // when not rebuilt
    uint64_t structureVersion() const { return structure_; }     // +1 per rebuild
    size_t sensorGlyphs() const { return look_.size(); }
    void invalidate() { valid_ = false; }
    size_t recoloured() const { return recoloured_; }            // looks worked out in the last update (profile)

private:
    void rebuild(const GlyphInputs& in, const std::vector<float>& values, Sampler& sampler,
                 std::vector<GlyphInstance>& glyphs, std::vector<uint32_t>& sensorOfGlyph);
    void setMark(std::vector<GlyphInstance>& glyphs, const std::vector<uint32_t>& sensorOfGlyph, int sensor,
                 uint16_t flag, bool on);

    bool valid_ = false, rebuilt_ = false, settled_ = false;
    uint64_t structure_ = 0;
    GlyphInputs key_;
    std::vector<uint8_t> passCopy_;
    struct Look {                      // per glyph, what every frame reads: 8 bytes, laid out for the loop
        int32_t lastIndex;             // its sensor's reading index at the last update
        uint8_t stable;                // its look cannot change along that segment
    };
    void listUnstable();
    // A glyph entering a new segment: whether its look is stable along it, and the look at its start (the segment's
    // end look of before when it starts where the last one ended: one look a move in playback, not three).
    bool enterSegment(size_t glyph, const GlyphStyle& style, float from, float to, uint32_t& rgba, uint16_t& flags);

    std::vector<Look> look_;
    struct EndLook {                   // per glyph, read only when it moves: its segment's end value and that look
        float value;
        uint32_t rgba;
        uint16_t flags;
    };
    std::vector<EndLook> end_;
    std::vector<int32_t> glyphOfSensor_;  // per sensor: its glyph, or -1 (not drawn)
    std::vector<uint32_t> unstable_;      // glyphs whose look can change along their segment
    std::vector<uint32_t> moved_;         // the sampler's record of sensors on a new segment
    std::vector<Change> changes_;
    size_t recoloured_ = 0;
};

// buildDensityGrid, kept from frame to frame: a new camera, viewport, cell size or set of glyphs bins everything
// again; otherwise only the glyphs in the scene's changes move between cells' sums. Unlike buildDensityGrid, when it
// does not bin (returns false) `keep` stays empty: every glyph is drawn, from `glyphs` itself.
class DotMatrix {
public:
    bool update(const std::vector<GlyphInstance>& glyphs, const GlyphScene& scene, const Camera& camera, int viewportW,
                int viewportH, float cellPx, size_t maxGlyphs, int fullCount, DensityGrid& grid,
                std::vector<GlyphInstance>& keep);
    void invalidate() { valid_ = false; }
    // The sensor glyphs drawn as glyphs after the last update that binned (indices into its `glyphs`, in order):
    // `keep` begins with them.
    const std::vector<uint32_t>& keptGlyphs() const { return keptIdx_; }

private:
    struct Key {
        double cx = 0, cy = 0, ppu = 0, ox = 0, oy = 0, vw = 0, vh = 0;
        int w = 0, h = 0;
        float cellPx = 0;
        size_t maxGlyphs = 0;
        int fullCount = 0;
        uint64_t structure = 0;
        bool operator==(const Key& o) const {
            return cx == o.cx && cy == o.cy && ppu == o.ppu && ox == o.ox && oy == o.oy && vw == o.vw && vh == o.vh && w == o.w && h == o.h && cellPx == o.cellPx &&
                   maxGlyphs == o.maxGlyphs && fullCount == o.fullCount && structure == o.structure;
        }
    };
    void rebin(const std::vector<GlyphInstance>& glyphs, size_t sensorGlyphs, DensityGrid& grid);
    void colourCell(DensityGrid& grid, size_t cell) const;

    bool valid_ = false, binnedLast_ = false;
    Key key_;
    std::vector<int32_t> cellOf_;     // per sensor glyph: its cell, or -1 off screen
    size_t onScreen_ = 0;             // sensor glyphs on screen
    size_t alerts_ = 0;
    uint16_t keepFlags_ = 0;
    std::vector<float> sums_;         // per cell: r, g, b, count of what is binned
    std::vector<uint32_t> keptIdx_;   // sensor glyphs drawn as glyphs, in glyph order
    std::vector<size_t> dirty_;
    std::vector<uint8_t> dirtyMark_;
    int fullCount_ = 1;
};

}  // namespace bk
