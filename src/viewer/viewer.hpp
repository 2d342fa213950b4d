// viewer.hpp — the viewer without GL: loads and commits data, applies intents, runs the clock and the camera,
// and produces each frame's plain Frame (drawn by src/render/renderer.hpp) and the state the panels and JS read.
//
// Data flow, one way: staged files → commitStaged() → Dataset (+ map mesh) → Clock time → sampled values →
// glyph instances → Frame → GPU. UI panels and the JS bridge only read ViewState / stateJson() and push Intents.
// Split by area: viewer.cpp (intents, update, frame), viewer_load.cpp (files → content), viewer_camera.cpp
// (fit and flight), viewer_state.cpp (ViewState, the state JSON, the text in use). Built natively and tested
// in tests/unit/viewer_test.cpp.
#pragma once

#include "clock.hpp"
#include "commands.hpp"
#include "collection.hpp"
#include "dataset.hpp"
#include "density_grid.hpp"
#include "font_plan.hpp"
#include "frame.hpp"
#include "frame_stats.hpp"
#include "geo.hpp"
#include "glyph_scene.hpp"
#include "intents.hpp"
#include "layout.hpp"
#include "map_data.hpp"
#include "map_mesh.hpp"
#include "metric_choice.hpp"
#include "quality.hpp"
#include "replay_stats.hpp"
#include "sampler.hpp"
#include "view_state.hpp"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace bk {

class Viewer {
public:
    // Files arrive one by one (kind: "map", "sensors", "recording", or "table" for logs to import), then are
    // committed together. A failed commit keeps what was shown before and sets error(); a good one replaces it and
    // clears error(). Tables go through the importer (with a sensors file as their sites, if one came along); its
    // report is in the state ("import") whether or not anything could be used.
    void stageFile(const std::string& kind, const std::string& fileName, std::string bytes);
    bool commitStaged();
    // A load that failed before its files reached the viewer (a download, a manifest): the data shown stays, the
    // staged files are dropped, and the error is set as a failed commit sets it.
    void failLoad(std::string message);

    void push(Intent intent) { intents_.push_back(std::move(intent)); }
    // Runs a command of the command table that runs in the viewer (arguments already checked); false for one
    // that does not (a page command, or one that failed its check). viewer_commands.cpp.
    bool run(const CheckedCommand& command);
    void applyIntents();

    // Advances the replay by real elapsed time and rebuilds what follows from it (values, KPIs, light, glyphs).
    // `dpr` is device px per CSS px; `uiScale` is device px per *design* px (dpr × a boost on big screens, so a
    // projector shows larger type and glyphs). Panels, glyphs and line widths use uiScale.
    void update(double realElapsedMs, int viewportW, int viewportH, float dpr, float uiScale);
    // This frame's drawing (valid until the next update or load); `realTimeS` animates pulses. Counts a frame.
    const Frame& frame(double realTimeS);

    ViewState viewState() const;
    std::string stateJson();        // for the JS API: applies pending intents first, so reads see writes
    // The state's "twin": KPI tiles, the day's feed, the selected sensor's card (viewer_twin.cpp).
    void addTwinState(nlohmann::json& state) const;
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
    UiMode uiMode() const { return uiMode_; }
    const Camera& camera() const { return camera_; }
    const Clock& clock() const { return clock_; }
    int selected() const { return selected_; }
    int hovered() const { return hovered_; }
    uint32_t layerMask() const { return layerMask_; }

    void setReducedMotion(bool on) { reducedMotion_ = on; }
    void setLanguage(std::string code) { lang_ = std::move(code); }
    void setUiMode(UiMode mode);
    // The metric that drives the map (metric_choice.hpp); kept when the data lacks it, and applied to each new load.
    void setMetric(const std::string& metric);
    const std::string& metric() const { return metric_; }
    std::string metricInForce() const;  // metric_ when the data has it, else ""
    // Files larger than this are refused with a message before parsing (viewer.setLimits).
    void setMaxFileBytes(double bytes) { maxFileBytes_ = bytes; }
    // Time zone for imported local times: a fixed offset ("+09:00") or transitions computed by the page for a
    // named zone ({"name":…, "initial":minutes, "transitions":[[utcMs, minutes]…]}). Empty: detect / UTC.
    void setImportTimeZone(std::string spec) { importTimeZone_ = std::move(spec); }
    // Frame timing, recorded by the platform (interval between frames, CPU work inside one); in the state.
    FrameStats& frameStats() { return frameStats_; }
    // Level of detail: above this many glyphs on screen, draw the dot matrix (0 = never: every glyph drawn).
    static constexpr size_t kDefaultDetailLimit = 3000;
    void setDetailLimit(size_t maxGlyphs) { lodMaxGlyphs_ = maxGlyphs == 0 ? SIZE_MAX : maxGlyphs; }
    const std::string& palette() const { return palette_; }   // "default" or "colourblind" (the UI draws with it)
    bool detailIsDensity() const { return lod_; }
    // What the map labels placed last frame and how long placing them took (the state JSON reports it).
    // `credit`: where the map's attribution was drawn (device px: x, y, w, h).
    void setLabelStats(int places, int streets, double ms, std::array<float, 4> credit) {
        labelPlaces_ = places;
        labelStreets_ = streets;
        labelMs_ = ms;
        creditRect_ = credit;
    }
    // The renderer rebuilt its GL objects after a lost WebGL context (the state counts them).
    void noteContextLoss() { ++contextLosses_; }

private:
    struct Content {           // everything derived from one successful load; replaced whole
        Dataset dataset;
        MapMesh mesh;
        Projection projection;
        std::vector<Vec2> positions;
        Bounds bounds;         // everything: map and sensors (limits panning)
        Bounds sensorBounds;   // what the initial view frames
        CollectionPlan collection;
        std::unique_ptr<KpiIndex> kpiIndex;   // makes the KPIs cheap at any time (built with the content)
        std::vector<GlyphStyle> glyphStyles;  // per sensor: what a frame's glyph rebuild reads
        MetricDefaults metricDefaults;        // the dataset's own types, scales and driving series
        QualityReport quality;                // gaps, stuck stretches, impossible readings (the map marks them)
        std::vector<std::pair<std::string, size_t>> metricChoices;
        std::string mapName, mapNameKo;   // the map file's "name" / "name_ko": shown as its attribution
        size_t mapFeatures = 0;
        std::string mapAttribution;       // the data's required credit ("© OpenStreetMap contributors"), always shown
        double graticuleStepDeg = 0;      // > 0: no map file; the neutral graticule is drawn at this spacing
    };
    struct Staged { std::string fileName, bytes; bool present = false; };
    struct Flight {
        bool active = false;
        Vec2 fromCenter, toCenter;
        double fromScale = 1, toScale = 1, elapsedMs = 0, durationMs = 0;
    };

    // viewer.cpp
    void apply(const Intent& intent);
    void refreshDerived(bool withGlyphs);  // glyphs only for drawing: a state read skips them
    void refreshRoute(int64_t timeMs);
    int sensorAt(double x, double y, double slopPx) const;
    void backgroundColor(float rgba[4]) const;
    // viewer_load.cpp
    bool commitImport(MapData mapData);
    bool install(Dataset dataset, const MapData& mapData);
    void restyle();  // glyph styles from the dataset, its chosen metric, the palette and its quality
    // viewer_camera.cpp
    void fitView();
    void flyTo(Vec2 target);
    void flyTo(Vec2 target, double pixelsPerUnit, bool animate);
    void setView(double lat, double lon, double zoom, bool animate);
    void advanceFlight(double realElapsedMs);
    void resize(int viewportW, int viewportH, float dpr, float uiScale);
    double maxPixelsPerUnit() const;

    std::unique_ptr<Content> content_;
    Staged map_, sensors_, recording_;
    std::vector<Staged> tables_;
    std::string importTimeZone_, importReport_;   // importReport_: JSON of the last import (empty: none)
    double maxFileBytes_ = 1024.0 * 1024 * 1024;
    int dataVersion_ = 0;           // +1 per successful load (the JS side caches sensor ids by it)
    std::string error_;

    Sampler sampler_;
    Clock clock_;
    Camera camera_;
    Flight flight_;
    Layout layout_;
    std::vector<Intent> intents_;
    std::vector<float> values_;
    std::vector<GlyphInstance> glyphs_;
    std::vector<uint32_t> sensorOfGlyph_;
    Kpis kpis_;
    uint32_t layerMask_ = kAllLayers;
    float night_ = 0;
    std::string lang_ = "en";
    UiMode uiMode_ = UiMode::full;
    int hovered_ = -1, selected_ = -1;
    double hoverX_ = 0, hoverY_ = 0;
    float dpr_ = 1, scale_ = 1;     // device px per CSS px; device px per design px (uiScale)
    bool viewFitted_ = false, userMovedView_ = false, reducedMotion_ = false;

    // What the frame carries besides the glyphs.
    Frame frame_;
    std::vector<HeatPoint> heat_;
    MapMesh route_;                 // today's collection trips so far
    uint64_t mapVersion_ = 0, routeVersion_ = 0;
    int64_t routeKeyDay_ = -1;      // which day / how many trips route_ shows
    size_t routeKeyTrips_ = 0;
    DensityGrid density_;
    std::vector<GlyphInstance> keptGlyphs_;   // in the dot matrix: the glyphs still drawn (alerts, selection)
    bool lod_ = false;
    size_t lodMaxGlyphs_ = kDefaultDetailLimit;
    std::string palette_ = "default";
    std::string metric_;            // requested ("" = default); in force when content_->metricChoices has it
    uint64_t frames_ = 0;

    // Reported in the state.
    FrameStats frameStats_;
    int labelPlaces_ = 0, labelStreets_ = 0;
    double labelMs_ = 0;
    std::array<float, 4> creditRect_{};
    int contextLosses_ = 0;
};

}  // namespace bk
