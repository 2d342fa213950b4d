// dataset.hpp — a loaded recording joined to its sensors: columnar series and events, immutable after load.
//
// Layout: every reading's value lives in one float array (`values`), series by series. A regular series
// (start + fixed step) stores no times at all; an irregular one stores its times in `timesMs` at the same
// positions. This keeps memory near 4 bytes per regular reading and lets sampling index directly.
#pragma once

#include "load_error.hpp"
#include "sensors.hpp"
#include "time_util.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bk {

enum class Interpolation { linear, step };

struct Series {
    uint32_t sensor = 0;          // index into Dataset::sensors
    std::string metric;           // "fill", "noise", …
    std::string unit;
    Interpolation interpolation = Interpolation::linear;
    bool regular = true;
    int64_t startMs = 0;          // regular: time of values[offset]
    int64_t stepMs = 0;           // regular: spacing
    uint32_t offset = 0;          // first value in Dataset::values
    uint32_t timeOffset = 0;      // irregular: first time in Dataset::timesMs
    uint32_t count = 0;
    std::vector<std::string> levels;  // categorical: values are level indices 0…n-1, lowest first ("GREEN", …)

    int64_t timeAt(const std::vector<int64_t>& times, uint32_t i) const {
        return regular ? startMs + stepMs * int64_t(i) : times[timeOffset + i];
    }
    int64_t firstMs(const std::vector<int64_t>& times) const { return timeAt(times, 0); }
    int64_t lastMs(const std::vector<int64_t>& times) const { return timeAt(times, count - 1); }
};

struct Event {
    int64_t timeMs = 0;
    uint32_t sensor = 0;
    std::string kind;             // "collection", "overflow", "alarm", …
    double value = 0;
    std::string note;
    bool derived = false;         // found in the readings at load (derived_events.hpp), never written back
};

struct Dataset {
    std::string title, titleKo;   // titleKo: optional Korean title ("title_ko")
    std::string source, sourceKo; // where the data comes from, shown to the user (and "source_ko")
    bool simulated = false;       // shown as a badge: a simulation must never pass for measurements
    int utcOffsetMinutes = 540;   // the offset at startMs (recording's "utc_offset", default KST)
    // The place's time zone, where its clocks change (daylight saving): its name ("America/New_York"; "" for a fixed
    // offset) and the changes from a day before startMs to a day after endMs (recording's "time_zone"). Display at a
    // time t uses offsetAt(t), never utcOffsetMinutes; without changes the two are the same.
    std::string timeZoneName;
    std::vector<OffsetChange> offsetChanges;  // sorted, each from the previous one's offset
    // The fill (%) this data's bins count as full, found at load (binFullLevel, derived_events.hpp): the level they
    // are emptied at, within 80 … 99.5 (the glyph's full colour and alert, "bins full today"; an overflow stays > 99.5).
    // Not written to recordings.
    double binFullPct = 99.5;
    int64_t startMs = 0, endMs = 0;
    std::optional<int64_t> openAtMs;  // where the replay opens when nobody asked (recording's "open_at")

    std::vector<Sensor> sensors;
    std::vector<Series> series;
    std::vector<float> values;    // NaN = no reading (a gap)
    std::vector<int64_t> timesMs; // times of irregular series only (Series::timeOffset)
    std::vector<Event> events;    // sorted by time
    std::vector<int32_t> primarySeries;  // per sensor: the series that drives its glyph, or -1

    size_t readingCount() const { return values.size(); }
    int findSensor(std::string_view id) const;

    int offsetAt(int64_t utcMs) const { return offsetAtMs(utcMs, offsetChanges, utcOffsetMinutes); }
    // Local midnights with the offset in force then (a day with a change has 23 or 25 hours).
    int64_t localDayStartMs(int64_t t) const { return startOfLocalDayMs(t, offsetChanges, utcOffsetMinutes); }
    int64_t nextLocalDayStartMs(int64_t t) const { return startOfNextLocalDayMs(t, offsetChanges, utcOffsetMinutes); }
    // A wall-clock time of the place (ms as if it were UTC) → UTC.
    int64_t wallToUtcMs(int64_t wallMs) const { return localToUtcMs(wallMs, offsetChanges, utcOffsetMinutes); }
};

// Why `d`'s time zone cannot be right, or "" when it can: changes in time order, each from the previous one's
// offset to another, offsets within ±16 hours, and utcOffsetMinutes the offset at startMs. `where` receives the
// index of the change at fault (-1 for the recording's own offset). Both recording readers use it.
std::string offsetChangesProblem(const Dataset& d, int& where);

// Parses a recording (format "bukchon-recording", version 1) and joins it to `sensors` by id. Every series and
// event must name a known sensor; irregular times must increase; values are numbers or null (a gap).
// Sorts events and sets startMs/endMs (from the data unless given) and each sensor's primary series: the last
// step of every way a Dataset is made (loader, importer). The end is after the start even for a single reading.
void finishDataset(Dataset& d, std::optional<int64_t> declaredStart = {}, std::optional<int64_t> declaredEnd = {});
// Events in time order, those at one time in the order given (the one sort every way of making events shares).
void sortEventsByTime(std::vector<Event>& events);

Result<Dataset> loadRecording(std::string_view text, const std::string& fileName, std::vector<Sensor> sensors);

}  // namespace bk
