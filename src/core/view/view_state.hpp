// view_state.hpp — the read-only picture of the viewer that UI panels draw from (state out; intents go back in).
#pragma once

#include "clock.hpp"
#include "collection.hpp"
#include "dataset.hpp"
#include "filters.hpp"
#include "geo.hpp"
#include "layout.hpp"
#include "map_mesh.hpp"
#include "place_names.hpp"
#include "quality.hpp"
#include "replay_stats.hpp"

#include <array>
#include <string>
#include <vector>

namespace bk {

// A comparison's panes differ by their moment (time) or by the collection policy (policy: recorded fill-driven
// collection beside fixed rounds, a what-if).
enum class CompareBy { off, time, policy };
const char* compareByName(CompareBy by);   // "off", "time", "policy"

// What one pane shows: its moment, its policy, its values and figures.
struct PaneView {
    int64_t timeMs = 0;
    bool fixedRounds = false;
    const std::vector<float>* values = nullptr;
    Kpis kpis;
    PolicyTotals today;                      // its policy's collection today, up to its time
    float night = 0;
};

struct ViewState {
    const Dataset* dataset = nullptr;        // null until the first successful load
    const MapMesh* mesh = nullptr;
    const PlaceNames* placeNames = nullptr;  // labels in the UI language where the map has it (place_names.hpp)
    const std::vector<Vec2>* sensorPositions = nullptr;  // local units, per sensor
    const std::vector<float>* values = nullptr;          // primary value per sensor at the current time
    const Clock* clock = nullptr;
    const Camera* camera = nullptr;
    int hovered = -1, selected = -1;         // sensor indices
    double hoverX = 0, hoverY = 0;           // device px of the pointer, for the tooltip
    float uiScale = 1;                       // device px per design px (devicePixelRatio × big-screen boost)
    std::string error;                       // last load error, empty when none
    Kpis kpis;                               // at the current replay time
    uint32_t layerMask = ~0u;                // visible sensor types (bit per SensorType)
    float night = 0;                         // 0 day … 1 night, from the sun at the data's place and time
    Layout layout;                           // where panels go (device px)
    const CollectionPlan* collection = nullptr;
    std::string mapName, mapNameKo;          // attribution line for the basemap
    std::string mapAttribution;              // the map data's required credit, drawn on the map at all times
    double metresPerUnit = 1;                // ground metres per local unit (Projection::groundMetresPerUnit)
    double graticuleStepDeg = 0;             // > 0: no map file, the neutral graticule is shown at this spacing
    const std::vector<std::pair<std::string, size_t>>* metricChoices = nullptr;  // metric, sensors; empty: no choice
    std::string metric;                      // the metric chosen to drive the map ("" = each sensor's default)
    const QualityReport* quality = nullptr;  // gaps, stuck stretches and impossible readings per sensor
    std::array<int, kSensorTypeCount> typeCounts{};  // sensors per type (counted once per dataset, not per frame)
    int levelSwatchSensor = -1;              // the first sensor whose glyph named levels drive (the legend's swatches)
    // The compare view: off, or two panes (layout.pane, layout.paneTitle; layout.panes is how many are drawn).
    // `values`, `kpis` and `night` above are the pane whose panels are shown (the first, or the one switched to).
    CompareBy compareBy = CompareBy::off;
    PaneView panes[2];
    int shownPane = 0;
    Camera paneCamera[2];                    // the shared camera at each drawn pane's place on the screen
    // Filters (filters.hpp): the set in force, a note per clause ("" or why it may show nothing), and each sensor's
    // verdict now (null without filters). kpis.sensorsCounted says how many pass.
    const FilterSet* filters = nullptr;
    const std::vector<std::string>* filterNotes = nullptr;
    const std::vector<uint8_t>* filterPass = nullptr;
    const EventRules* eventRules = nullptr;  // the thresholds in force (event_rules.hpp): the sensor card's line
};

}  // namespace bk
