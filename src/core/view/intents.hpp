// intents.hpp — everything the UI, input and the JS API may ask of the viewer; applied by the viewer once per frame
// (or before a state read). The command table (embed/commands.hpp) turns commands from every way in into these.
#pragma once

#include <string>

namespace bk {

struct Intent {
    enum Kind {
        play, pause, togglePlay, seek, setSpeed, setLoop,
        seekBy,        // x = milliseconds from the replay time (clamped to the recording)
        speedStep,     // x = +1 / -1: the next faster / slower of Clock::kSpeedSteps
        toggleLoop,
        select,        // text = sensor id ("" clears)
        pickAt,        // select whatever is under (x, y) in device px, or clear
        hoverAt,       // hover whatever is under (x, y); x < 0 clears
        panBy,         // (x, y) device px
        zoomAt,        // (x, y) device px, factor = z
        resetView,
        setLayers,     // x = bit mask of visible sensor types
        toggleLayer,   // x = SensorType
        focusEvent,    // x = event index: seek to it, select its sensor, fly there
        flyToSensor,   // text = sensor id
        setView,       // x = lat, y = lon, z = web-map zoom level; text "animate" flies there
        zoomBy,        // z = factor, about the middle of the free map area
        focusNextEvent,// x = +1 / -1: the next / previous notable event from the replay time, as focusEvent
        selectNext,    // x = +1 / -1: the next / previous visible sensor (keyboard users' way to "click")
        setMetric,     // text = the metric that drives the map ("" = each sensor's default)
        setCompare,    // x = CompareBy (0 off, 1 time, 2 policy); by time: y = the second pane's time (ms), or NaN
                       // and z = its offset from the first (ms), or both NaN: a day earlier
        showPane,      // x = 0 / 1: where only one pane fits, the one shown
        setFilter,     // text = filters in their text form (filters.hpp; "" clears); the legend's chips send it too
        setEventRules, // text = event thresholds in their text form (event_rules.hpp; "" the defaults): found again
    };
    Kind kind;
    double x = 0, y = 0, z = 0;
    std::string text;

    explicit Intent(Kind k) : kind(k) {}
    static Intent of(Kind k) { return Intent(k); }
    static Intent number(Kind k, double v) { Intent i(k); i.x = v; return i; }
    static Intent at(Kind k, double px, double py, double factor = 0) {
        Intent i(k);
        i.x = px;
        i.y = py;
        i.z = factor;
        return i;
    }
    static Intent named(Kind k, std::string s) { Intent i(k); i.text = std::move(s); return i; }
};

}  // namespace bk
