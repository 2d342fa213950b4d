// replay_stats.hpp — what the panels summarise at replay time t: the KPIs, a sensor's day, its chart window, events.
#pragma once

#include "dataset.hpp"
#include "event_rules.hpp"
#include "kpi_timeline.hpp"
#include "sampler.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace bk {

// In the spirit of Seoul's Digital Mayor's Office: few, big numbers, synced to replay time. "Today" is the local
// day containing t, from midnight up to t (what a control room would know at that moment).
struct Kpis {
    int binsTotal = 0, binsOver80 = 0;     // bins at ≥ 80% fill now
    int overflowsToday = 0;
    int lotsTotal = 0;
    double parkingOccupancyPct = -1;       // occupied / capacity over lots with a capacity; -1 without lots
    int illegalStopsToday = 0;
    int noiseViolationsToday = 0;
    double pm25MaxToday = -1;              // µg/m³; -1 without air sensors or readings
    int activeAlarms = 0;                  // fire alarms raised and not yet cleared
    int collectionsToday = 0;
    // What the data has, so that the panel shows only the numbers it supports (no illegal stops without parking).
    int parkingSensors = 0, noiseSensors = 0, fireSensors = 0;  // noise: sensors with a noise series
    bool fromReadings = false;             // the data records no events: the day's counts below come from readings
    bool collectionsCounted = false;       // bins are emptied in the data (recorded or found): collectionsToday
    int binLevelCount = 0;                 // bins whose fill is levels (GREEN < YELLOW < RED): how many at each now
    int binsAtLevel[4] = {};
    int binsFullToday = -1;                // bins that reached their top (≥ 99.5 % or the top level) today; -1: n/a
    double noiseMaxToday = -1, pm10MaxToday = -1;   // dB, µg/m³; -1 without such sensors
    int noiseHoursOverToday = -1;          // sensor-hours over the limit (55 dB day, 45 dB night) today; -1: n/a
    int airHoursOverToday = -1;            // sensor-hours with PM2.5 over 35 µg/m³ today; -1: n/a
    // With filters (filters.hpp) every number above counts only the sensors that pass: how many of how many.
    bool filtered = false;
    int sensorsCounted = 0, sensorsTotal = 0;
};
// The highest reading of a set of series over a time window, cheap at any window: series that share a time grid
// (start, step) share one array of per-step maxima; the rest go to one time-sorted list.
struct MaxIndex {
    std::vector<StepGrid<float>> grids;  // per step, the highest reading of the grid's series (NaN: none)
    std::vector<std::pair<int64_t, float>> irregular;  // (time, reading), by time after finish()
    bool any = false;

    void add(const Dataset& d, const Series& s);
    void finish();
    double max(int64_t fromMs, int64_t toMs) const;    // over readings in [fromMs, toMs]; -1 without any
};
// What makes the KPIs cheap at any time, built once per dataset. "PM2.5 max so far today" would otherwise scan
// today's readings of every air sensor on every seek (5 ms at 100,000 sensors): instead, series that share a
// time grid (start, step) share one array of per-step maxima, and irregular series one time-sorted list.
// (time, sensor) entries kept by time, as runs of one time: a sensor index (4 bytes) per entry where times repeat,
// as the starts of sensor-hours do (a million sensors' week: 4 million entries in 16 MB rather than 63 MB).
class TimedSensors {
public:
    void add(int64_t timeMs, uint32_t sensor) { pending_.emplace_back(timeMs, sensor); }
    void finish();  // sorts what was added into the runs
    // Entries with a time in [fromMs, toMs] (of sensors that pass, when there is a verdict).
    int count(int64_t fromMs, int64_t toMs, const std::vector<uint8_t>* pass) const;
    size_t size() const { return sensors_.size(); }

private:
    std::vector<std::pair<int64_t, uint32_t>> pending_;
    std::vector<int64_t> times_;     // distinct, ascending
    std::vector<uint32_t> first_;    // per distinct time, its first entry; one more: the end
    std::vector<uint32_t> sensors_;  // by time, then sensor
};

struct KpiIndex {
    MaxIndex pm25, pm10, noise;                            // PM2.5 and PM10 of air sensors, noise of noise sensors
    std::vector<uint32_t> fireEvents;                      // fire_alarm / alarm_cleared of fire sensors, in order
    bool recordedEvents = false;                           // the data records events itself (not only derived ones)
    bool collectionEvents = false;                         // bins are emptied in the data (recorded or found)
    std::vector<uint32_t> bins;                            // sensor indices (a contiguous walk, not 100k Sensors)
    std::vector<uint8_t> binLevelled;                      // per entry of bins: its primary series has named levels
                                                           // (read per frame instead of 100k Series, 20 MB)
    std::vector<std::pair<uint32_t, double>> lots;         // parking sensors with a capacity, and that capacity
    std::vector<uint32_t> valued;                          // bins and lots, ascending: whose values the KPIs read
    // Bins by state and the lots' occupancy over time (kpi_timeline.hpp): without filters, the KPIs read these
    // instead of sampled values, so a seek samples only `sampledForKpis`: the sensors of `valued` that neither
    // timeline covers (none, unless the data made one give up).
    BinStates binStates;
    OccupancyTimeline occupancy;
    std::vector<uint32_t> sampledForKpis;
    bool hasPm25 = false;
    int sensorsOfType[kSensorTypeCount] = {};
    int noiseSeries = 0;                                   // sensors with a noise series (whatever their glyph)
    std::vector<std::string> binLevels;                    // levels of categorical bin fills (when they agree)
    bool binLevelsDiffer = false;
    // (time, sensor), by time: each bin's first reading at its top per local day; the starts of sensor-hours over
    // the noise limit and in PM2.5's bad band.
    TimedSensors binTopTimes, noiseOverHours, airBadHours;
    std::vector<uint32_t> pm25Series, pm10Series, noiseSeriesOf;  // series indices, for maxima over some sensors

    explicit KpiIndex(const Dataset& d, const EventRules& rules = {});
    double pm25Max(int64_t fromMs, int64_t toMs) const;    // over readings in [fromMs, toMs]; -1 without any
};

// `primaryValues` (optional): each sensor's primary value at timeMs, already sampled for the frame (saves sampling
// the bins and lots again; must be Dataset::sensors-sized). `pass` (optional, one per sensor): the filters' verdict;
// then only sensors that pass are counted, their events and their readings (maxima scan today's readings of those).
// `recorded`: primaryValues are the recording's values at timeMs (false for the what-if's: then the bins and lots
// are counted from them, never from the index's timelines). Only sensors of index.sampledForKpis need a value
// when there are no filters and the values are recorded.
Kpis computeKpis(const Dataset& d, Sampler& sampler, int64_t timeMs, const KpiIndex& index,
                 const std::vector<float>* primaryValues = nullptr, const std::vector<uint8_t>* pass = nullptr,
                 bool recorded = true);
// The same, building the index for this one call (tests, one-off use).
Kpis computeKpis(const Dataset& d, Sampler& sampler, int64_t timeMs, const std::vector<float>* primaryValues = nullptr);

struct DayStats { float min = 0, mean = 0, max = 0; int count = 0; };
// Statistics of a series' readings in [fromMs, toMs] (gaps skipped).
DayStats seriesStats(const Dataset& d, uint32_t series, int64_t fromMs, int64_t toMs);

// Readings of a series in [fromMs, toMs], thinned to at most maxPoints (keeping each bucket's extremes so
// peaks survive), for charts.
struct ChartPoint { int64_t timeMs; float value; };
std::vector<ChartPoint> chartWindow(const Dataset& d, uint32_t series, int64_t fromMs, int64_t toMs, size_t maxPoints);

// Indices of events in [fromMs, toMs) (events are sorted by time).
std::pair<size_t, size_t> eventRange(const Dataset& d, int64_t fromMs, int64_t toMs);

// Whether a fire alarm is raised at t for this sensor (a fire_alarm event with no alarm_cleared after it yet).
bool alarmActive(const Dataset& d, uint32_t sensor, int64_t timeMs);

}  // namespace bk
