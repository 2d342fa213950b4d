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
#include <optional>
#include "commands.hpp"
#include "collection.hpp"
#include "dataset.hpp"
#include "event_rules.hpp"
#include "density_grid.hpp"
#include "filters.hpp"
#include "font_plan.hpp"
#include "frame.hpp"
#include "frame_stats.hpp"
#include "geo.hpp"
#include "glyph_scene.hpp"
#include "incremental_scene.hpp"
#include "intents.hpp"
#include "layout.hpp"
#include "map_data.hpp"
#include "map_mesh.hpp"
#include "place_names.hpp"
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
    // Files arrive one by one (kind: "map" (.bkm), "recording" (.bkr), and "report" with a recording the tools module
    // made from logs), then are committed together. A failed commit keeps what was shown before and sets error(); a
    // good one replaces it and clears error(). Only the viewer's own binary formats come here (the file-kind table):
    // JSON datasets, logs and OpenStreetMap extracts are converted first (src/convert/), and a JSON file staged anyway
    // is refused by name; the importer's report is the state's "import".
    void stageFile(const std::string& kind, const std::string& fileName, std::string bytes);
    // The same without a copy: room for `length` bytes of the file, which the caller writes before the next call
    // (the page copies a download straight into it: a 540 MB recording is in the heap once, not twice). Null for
    // an unknown kind.
    char* stageBuffer(const std::string& kind, const std::string& fileName, size_t length);
    bool commitStaged();
    // Why a file of this size cannot be loaded ("city.csv is 812.0 MB; the limit is 512.0 MB"), or "".
    std::string fileSizeProblem(const std::string& fileName, double bytes) const;
    // A load that failed before its files reached the viewer (a download, a manifest): the data shown stays, the
    // staged files are dropped, and the error is set as a failed commit sets it.
    // A load that failed before the commit (a download, a conversion): the message is the error, the data stays;
    // `report`: the importer's report when an import found nothing usable (the state's "import").
    void failLoad(std::string message, std::string report = "");
    // What is shown, in the viewer's own binary formats, for an offline copy: the recording (.bkr, sensors inside)
    // and its map (.bkm; empty when the dataset has none and the neutral grid is drawn). Empty before any data.
    std::string savedRecording() const;
    std::string savedMap() const;

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
    // Changes whenever the text collectText() gives may have: a load, place names added.
    int textVersion() const { return dataVersion_ + int(placeNameFiles_.size()); }
    // The characters the loaded data can put on screen (names, titles, units, levels, event kinds): `all` for
    // the body faces, `display` for what the big faces draw too (units, levels, metrics). For the fonts.
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
    // Place names for a language (place_names.hpp's records): kept across loads, as the language is.
    void addPlaceNames(const std::string& language, std::string_view records);
    // A right-to-left language (Arabic): the panels' layout mirrored (layout.hpp mirrorLayout).
    void setRightToLeft(bool on) {
        if (on == rightToLeft_) return;
        rightToLeft_ = on;
        relayout();
    }
    void setUiMode(UiMode mode);
    // What the page shows around the canvas (its buttons, a caption, the story editor): the layout leaves it room.
    void setOverlays(const Overlays& overlays);
    const Overlays& overlays() const { return overlays_; }
    // A comparison (compare view): two panes with one camera, by time (the second at t + offset) or by policy (the
    // recorded fill-driven collection beside fixed rounds, a what-if). off: one pane.
    CompareBy compareBy() const { return compareBy_; }
    // The metric that drives the map (metric_choice.hpp); kept when the data lacks it, and applied to each new load.
    void setMetric(const std::string& metric);
    const std::string& metric() const { return metric_; }
    // Filters on what the data says (filters.hpp): sensors that fail are not drawn, picked or counted. Kept across
    // loads; viewer_filters.cpp.
    void setFilters(const FilterSet& filters);
    const FilterSet& filters() const { return filters_; }
    std::string metricInForce() const;  // metric_ when the data has it, else ""
    // The thresholds the events found in the data, the KPIs that count the same moments and the sensor card's
    // reference line use (event_rules.hpp). Kept across loads; a change finds the events again (viewer_load.cpp).
    void setEventRules(const EventRules& rules);
    const EventRules& eventRules() const { return eventRules_; }
    // Files larger than this are refused with a message before parsing (viewer.setLimits).
    void setMaxFileBytes(double bytes) { maxFileBytes_ = bytes; }
    // Time zone for imported local times: a fixed offset ("+09:00") or transitions computed by the page for a
    // named zone ({"name":…, "initial":minutes, "transitions":[[utcMs, minutes]…]}). Empty: detect / UTC.
    // Frame timing, recorded by the platform (interval between frames, CPU work inside one); in the state.
    FrameStats& frameStats() { return frameStats_; }
    // Level of detail: above this many glyphs on screen, draw the dot matrix (0 = never: every glyph drawn).
    static constexpr size_t kDefaultDetailLimit = 3000;
    void setDetailLimit(size_t maxGlyphs) { lodMaxGlyphs_ = maxGlyphs == 0 ? SIZE_MAX : maxGlyphs; }
    const std::string& palette() const { return palette_; }   // "default" or "colourblind" (the UI draws with it)
    bool detailIsDensity() const { return shown().lod; }
    // What the map labels placed last frame and how long placing them took (the state JSON reports it).
    // `credit`: where the map's attribution was drawn (device px: x, y, w, h).
    void setLabelStats(int places, int streets, double ms, std::array<float, 4> credit) {
        labelPlaces_ = places;
        labelStreets_ = streets;
        labelMs_ = ms;
        creditRect_ = credit;
    }
    // Where the sensor tooltip was drawn last frame (device px; empty when none), for the state's panels.
    void setTooltipRect(const Rect& r) { tooltipRect_ = r; }
    // The renderer rebuilt its GL objects after a lost WebGL context (the state counts them).
    void noteContextLoss() { ++contextLosses_; }

private:
    struct Content {           // everything derived from one successful load; replaced whole
        Dataset dataset;
        MapData mapData;       // the map as loaded (kept to save it again: savedData)
        MapMesh mesh;
        Projection projection;
        std::vector<Vec2> positions;
        Bounds bounds;         // everything: map and sensors (limits panning)
        Bounds sensorBounds;   // what the initial view frames
        Bounds extentLonLat;   // where most sensors stand, lon/lat (x = lon): a map dropped later is cut around it
        CollectionPlan collection;
        std::unique_ptr<KpiIndex> kpiIndex;   // makes the KPIs cheap at any time (built with the content)
        std::vector<GlyphStyle> glyphStyles;  // per sensor: what a frame's glyph rebuild reads
        std::array<int, kSensorTypeCount> typeCounts{};  // the legend's facts, once per restyle
        int levelSwatchSensor = -1;
        MetricDefaults metricDefaults;        // the dataset's own types, scales and driving series
        QualityReport quality;                // gaps, stuck stretches, impossible readings (the map marks them)
        std::vector<std::pair<std::string, size_t>> metricChoices;
        std::string mapName, mapNameKo;   // the map file's "name" / "name_ko": shown as its attribution
        size_t mapFeatures = 0;
        std::string mapAttribution;       // the data's required credit ("© OpenStreetMap contributors"), always shown
        double graticuleStepDeg = 0;      // > 0: no map file; the neutral graticule is drawn at this spacing
    };
    // What one pane shows at its moment and under its policy: sampled values, KPIs, light, glyphs, the level of
    // detail, heat and the day's route. One pane, or two in a comparison.
    struct Pane {
        int64_t timeMs = 0;
        bool fixedRounds = false;          // the what-if: bins on fixed rounds (a comparison by policy)
        Sampler sampler;
        std::vector<uint8_t> pass;         // filters: per sensor at the last refresh; empty without filters
        size_t passing = 0;
        std::vector<float> values;
        Kpis kpis;
        PolicyTotals today;                // this pane's collection policy, today up to its time
        float night = 0;
        std::vector<GlyphInstance> glyphs;
        std::vector<uint32_t> sensorOfGlyph;
        GlyphScene scene;                  // keeps glyphs from frame to frame (redone where the data changed)
        DotMatrix dots;                    // keeps the dot matrix's sums likewise
        DensityGrid density;
        std::vector<GlyphInstance> kept;   // in the dot matrix: the glyphs still drawn (alerts, selection)
        bool lod = false;
        std::vector<HeatPoint> heat;
        MapMesh route;                     // today's collection trips so far
        uint64_t routeVersion = 0;
        int64_t routeKeyDay = -1;          // which day / how many trips `route` shows
        size_t routeKeyTrips = 0;
    };
    struct Staged { std::string fileName, bytes; bool present = false; };
    Staged* stageSlot(const std::string& kind);
    void resetSamplers();  // where a file of this kind is staged (a new one for a table)
    struct Flight {
        bool active = false;
        Vec2 fromCenter, toCenter;
        double fromScale = 1, toScale = 1, elapsedMs = 0, durationMs = 0;
    };

    // viewer.cpp
    void apply(const Intent& intent);
    void refreshDerived(bool withGlyphs);  // glyphs only for drawing: a state read skips them
    void refreshPane(Pane& pane, bool withGlyphs);
    void refreshRoute(Pane& pane);
    int sensorAt(double x, double y, double slopPx);
    int paneAt(double x, double y) const;          // which pane is under a screen point (0 with one)
    Camera paneCamera(int pane) const;             // the shared camera, at that pane's place on the screen
    int paneCount() const { return compareBy_ == CompareBy::off ? 1 : 2; }
    int drawnPanes() const { return compareBy_ == CompareBy::off ? 1 : layout_.panes; }
    int shownIndex() const { return compareBy_ != CompareBy::off && layout_.paneSwitch ? shownPane_ : 0; }
    const Pane& shown() const { return panes_[size_t(shownIndex())]; }
    void setCompare(CompareBy by, double t2Ms, double offsetMs);
    // `keep`: the world point to hold at the free area's middle (default: the one there now, when the user chose the view).
    void relayout(std::optional<Vec2> keep = std::nullopt);
    void holdAtFreeMiddle(Vec2 world);
    static void backgroundColor(float night, float rgba[4]);
    // viewer_load.cpp
    bool install(Dataset dataset, const MapData& mapData);
    void restyle();  // glyph styles from the dataset, its chosen metric, the palette and its quality
    // viewer_filters.cpp
    const std::vector<uint8_t>* evaluateFilters(Pane& pane);  // the pane's pass mask at its time, or null without filters
    bool passesFilters(size_t sensor) const {  // in the pane whose panels are shown
        const std::vector<uint8_t>& pass = shown().pass;
        return sensor >= pass.size() || pass[sensor];  // empty: no filters (or not evaluated yet)
    }
    nlohmann::json filterStateJson() const;  // getState().filter
    // viewer_camera.cpp
    void fitView();
    void flyTo(Vec2 target);
    void flyTo(Vec2 target, double pixelsPerUnit, bool animate);
    void setView(double lat, double lon, double zoom, bool animate);
    void advanceFlight(double realElapsedMs);
    void resize(int viewportW, int viewportH, float dpr, float uiScale);
    double maxPixelsPerUnit() const;

    std::unique_ptr<Content> content_;
    Staged map_, sensors_, recording_, report_;   // report_: the converter's report with a recording it made
    std::string importReport_;   // importReport_: JSON of the last import (empty: none)
    double maxFileBytes_ = 1024.0 * 1024 * 1024;
    int dataVersion_ = 0;           // +1 per successful load (the JS side caches sensor ids by it)
    std::string error_;

    Clock clock_;
    Camera camera_;                 // the first pane's; the second pane's is this one moved to it (paneCamera)
    Flight flight_;
    Layout layout_;
    std::vector<Intent> intents_;
    std::array<Pane, 2> panes_;     // [0] at the clock's time; [1] only in a comparison
    CompareBy compareBy_ = CompareBy::off;
    double compareOffsetMs_ = 0;    // compare by time: the second pane's moment, from the first's
    int shownPane_ = 0;             // where only one pane fits (phones): the one shown
    int screenW_ = 1, screenH_ = 1; // device px of the whole canvas (the panes share it)
    uint32_t layerMask_ = kAllLayers;
    std::string lang_ = "en";
    PlaceNames placeNames_;  // the map's own other-language names and the files added, by local name
    std::vector<std::pair<std::string, std::string>> placeNameFiles_;  // language, records: added again after a load
    UiMode uiMode_ = UiMode::full;
    Overlays overlays_;
    int hovered_ = -1, selected_ = -1;
    double hoverX_ = 0, hoverY_ = 0;
    float dpr_ = 1, scale_ = 1;     // device px per CSS px; device px per design px (uiScale)
    bool viewFitted_ = false, userMovedView_ = false, reducedMotion_ = false, rightToLeft_ = false;

    Frame frame_;
    uint64_t mapVersion_ = 0;
    size_t lodMaxGlyphs_ = kDefaultDetailLimit;
    std::string palette_ = "default";
    std::string metric_;            // requested ("" = default); in force when content_->metricChoices has it
    FilterSet filters_;
    EventRules eventRules_;
    FilterPlan filterPlan_;         // filters_ on this dataset (rebuilt by restyle)
    uint64_t stylesVersion_ = 0;    // +1 per restyle: the incremental glyphs start again
    uint64_t frames_ = 0;

    // Reported in the state.
    FrameStats frameStats_;
    std::vector<std::pair<const char*, double>> commitMs_;  // the last commit's phases, in order (getState().commitMs)
    int labelPlaces_ = 0, labelStreets_ = 0;
    double labelMs_ = 0;
    std::array<float, 4> creditRect_{};
    Rect tooltipRect_;
    int contextLosses_ = 0;
};

}  // namespace bk
