// replay_stats.hpp — what the panels summarise at replay time t: the KPIs, a sensor's day, its chart window, events.
#pragma once

#include "dataset.hpp"
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
};
// `primaryValues` (optional): each sensor's primary value at timeMs, already sampled for the frame (saves sampling
// the bins and lots again; must be Dataset::sensors-sized).
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
