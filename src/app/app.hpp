// app.hpp — the viewer's wiring: owns data, clock, camera and layers; applies intents; produces frames and state.
//
// Data flow, one way: staged files → commitStaged() → Dataset (+ map mesh) → Clock time → sampled values →
// glyph instances → GPU. UI panels and the JS bridge only read ViewState and push Intents.
#pragma once

#include "clock.hpp"
#include "collection.hpp"
#include "dataset.hpp"
#include "geo.hpp"
#include "density_grid.hpp"
#include "density_layer.hpp"
#include "font_plan.hpp"
#include "frame_stats.hpp"
#include "glyph_layer.hpp"
#include "heatmap_layer.hpp"
#include "glyph_scene.hpp"
#include "intents.hpp"
#include "layout.hpp"
#include "map_data.hpp"
#include "replay_stats.hpp"
#include "map_cache.hpp"
#include "map_layer.hpp"
#include "map_mesh.hpp"
#include "sampler.hpp"
#include "view_state.hpp"

#include <cstdint>
#include <array>
#include <memory>
#include <string>
#include <vector>

namespace bk {

class App {
public:
    // What the map labels placed last frame and how long placing them took (the state JSON reports it).
    // `credit`: where the map's attribution was drawn (device px: x, y, w, h).
    void setLabelStats(int places, int streets, double ms, std::array<float, 4> credit) {
        labelPlaces_ = places;
        labelStreets_ = streets;
        labelMs_ = ms;
        creditRect_ = credit;
    }
    bool initGraphics(std::string* error);

    // Files arrive one by one (kind: "map", "sensors", "recording", or "table" for logs to import), then are
    // committed together. A failed commit keeps what was shown before and sets error(); a good one replaces it and
    // clears error(). Tables go through the importer (with a sensors file as their sites, if one came along); its
    // report is in the state ("import") whether or not anything could be used.
    void stageFile(const std::string& kind, const std::string& fileName, std::string bytes);
    bool commitStaged();

    void push(Intent intent) { intents_.push_back(std::move(intent)); }
    void applyIntents();

    // Advances the replay by real elapsed time; then the two layers draw into the current framebuffer (the
    // platform puts map labels between them, so glyphs sit on top of place names like pins on a paper map).
    // `dpr` is device px per CSS px; `uiScale` is device px per *design* px (dpr × a boost on big screens, so a
    // projector shows larger type and glyphs). Panels, glyphs and line widths use uiScale.
    void update(double realElapsedMs, int viewportW, int viewportH, float dpr, float uiScale);
    // The paper (or, at night, ink-blue) the map sits on, RGBA 0…1: what the screen is cleared to.
    void backgroundColor(float rgba[4]) const;
    // Clears to the paper (or copies the map image over the whole screen), then the heat layer.
    void renderMap(double realTimeS);
    void renderGlyphs(double realTimeS);

    ViewState viewState() const;
    std::string stateJson();        // for the JS API: applies pending intents first, so reads see writes
    // {"x":…,"y":…} in CSS px of a sensor's glyph centre, or "null" for an unknown id.
    std::string screenPositionJson(const std::string& sensorId) const;
    const std::string& error() const { return error_; }
    int dataVersion() const { return dataVersion_; }
    // The characters the loaded data can put on screen (names, titles, units, levels, event kinds): `all` for
    // the body faces, `display` for what the big faces draw too (titles, units, levels). For the fonts.
    void collectText(CodepointSet& all, CodepointSet& display) const;
    std::string sensorIdsJson() const;   // ["BIN-01", …] of the loaded data (changes when dataVersion does)
    bool hasData() const { return content_ != nullptr; }
    uint64_t frameCount() const { return frames_; }
    void setReducedMotion(bool on) { reducedMotion_ = on; }
    void setLanguage(std::string code) { lang_ = std::move(code); }
    void setUiMode(UiMode mode);
    // The WebGL context was lost and is back: every GL object is gone; forget them and build them again.
    bool rebuildGraphics(std::string* error);
    // Files larger than this are refused with a message before parsing (viewer.setLimits).
    void setMaxFileBytes(double bytes) { maxFileBytes_ = bytes; }
    // Time zone for imported local times: a fixed offset ("+09:00") or transitions computed by the page for a
    // named zone ({"name":…, "initial":minutes, "transitions":[[utcMs, minutes]…]}). Empty: detect / UTC.
    void setImportTimeZone(std::string spec) { importTimeZone_ = std::move(spec); }
    // Frame timing, recorded by the platform (interval between frames, CPU work inside one); in the state.
    FrameStats& frameStats() { return frameStats_; }
    // Level of detail: above this many glyphs on screen, draw the dot matrix (0 = never: every glyph drawn).
    void setDetailLimit(size_t maxGlyphs) { lodMaxGlyphs_ = maxGlyphs == 0 ? SIZE_MAX : maxGlyphs; }

private:
    int labelPlaces_ = 0, labelStreets_ = 0;
    std::array<float, 4> creditRect_{};
    double labelMs_ = 0;
    struct Content {           // everything derived from one successful load; replaced whole
        Dataset dataset;
        MapMesh mesh;
        Projection projection;
        std::vector<Vec2> positions;
        Bounds bounds;         // everything: map and sensors (limits panning)
        Bounds sensorBounds;   // what the initial view frames
        CollectionPlan collection;
        std::unique_ptr<KpiIndex> kpiIndex;
        std::vector<GlyphStyle> glyphStyles;  // per sensor: what a frame's glyph rebuild reads  // makes the KPIs cheap at any time (built with the content)
        std::string mapName, mapNameKo;   // the map file's "name" / "name_ko": shown as its attribution
        size_t mapFeatures = 0;
        std::string mapAttribution;       // the data's required credit ("© OpenStreetMap contributors"), always shown
        double graticuleStepDeg = 0;      // > 0: no map file; the neutral graticule is drawn at this spacing
    };
    struct Staged { std::string fileName, bytes; bool present = false; };

    void apply(const Intent& intent);
    void fitView();
    void flyTo(Vec2 target);
    void flyTo(Vec2 target, double pixelsPerUnit, bool animate);
    void advanceFlight(double realElapsedMs);
    void refreshDerived(bool withGlyphs);  // glyphs only for drawing: a state read skips them
    void refreshRoute(int64_t timeMs);
    int sensorAt(double x, double y, double slopPx) const;
    ViewUniforms viewUniforms(double realTimeS) const;
    double maxPixelsPerUnit() const;

    std::unique_ptr<Content> content_;
    Staged map_, sensors_, recording_;
    std::vector<Staged> tables_;
    std::string importTimeZone_, importReport_;   // importReport_: JSON of the last import (empty: none)
    bool commitImport(MapData mapData);
    bool install(Dataset dataset, const MapData& mapData);
    Sampler sampler_;
    Clock clock_;
    Camera camera_;
    std::vector<float> values_;
    std::vector<GlyphInstance> glyphs_;
    std::vector<uint32_t> sensorOfGlyph_;
    Kpis kpis_;
    Layout layout_;
    uint32_t layerMask_ = kAllLayers;
    float night_ = 0;
    std::string lang_ = "en";
    int contextLosses_ = 0;
    double maxFileBytes_ = 1024.0 * 1024 * 1024;
    UiMode uiMode_ = UiMode::full;
    struct Flight {
        bool active = false;
        Vec2 fromCenter, toCenter;
        double fromScale = 1, toScale = 1, elapsedMs = 0, durationMs = 0;
    } flight_;
    std::vector<Intent> intents_;
    MapLayer mapLayer_;
    HeatmapLayer heatmapLayer_;     // footfall: where the crowd is
    std::vector<HeatPoint> heat_;
    MapLayer routeLayer_;           // today's collection trips, over the streets and under the glyphs
    MapCache mapCache_;             // map + route as one image, redrawn only when the view or light changes
    bool routeShown_ = false;       // whether the cached map image includes the route
    int64_t routeKeyDay_ = -1;      // which day / how many trips the uploaded route mesh shows
    size_t routeKeyTrips_ = 0;
    GlyphLayer glyphLayer_;
    DensityLayer densityLayer_;     // level of detail: many sensors on screen as a dot matrix
    DensityGrid density_;
    std::vector<GlyphInstance> keptGlyphs_;   // in the dot matrix: the glyphs still drawn (alerts, selection)
    bool lod_ = false;
    size_t lodMaxGlyphs_ = 3000;
    int viewH_ = 0;
    FrameStats frameStats_;
    int dataVersion_ = 0;           // +1 per successful load (the JS side caches sensor ids by it)
    std::string error_;
    int hovered_ = -1, selected_ = -1;
    double hoverX_ = 0, hoverY_ = 0;
    float dpr_ = 1, scale_ = 1;
    bool viewFitted_ = false, userMovedView_ = false, meshDirty_ = false, reducedMotion_ = false;
    uint64_t frames_ = 0;
};

}  // namespace bk
