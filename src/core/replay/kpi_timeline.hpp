// kpi_timeline.hpp — what the KPIs count "now" at any time without sampling a sensor: bins by state, parking occupancy.
//
// A seek used to sample every bin and lot to count them (a third of 100,000 sensors, ~2 ms in the page). These
// timelines are built once per dataset from the readings, with the sampler's own arithmetic (sampler.hpp: held
// before the next reading for step series and gaps, linear otherwise), so a count at time t is what sampling at t
// would give, in O(log n):
//   - BinStates: how many bins are at ≥ 80 % fill, or at each named level, as the times a bin changes state;
//   - OccupancyTimeline: the lots' occupied places (each capped at its capacity) and their capacity, summed, as
//     a piecewise-linear function with its breakpoints at reading times (shared grids merge into one step each).
// Both give up (available() false) when the data would make them bigger than the readings they replace, e.g. fills
// that cross 80 % at most readings; the KPIs then sample as before. Filters and the what-if never use them.
#pragma once

#include "dataset.hpp"

#include <cstdint>
#include <vector>

namespace bk {

// The value a sampled series has at t inside the segment from reading (t0, a) to (t1, b), both readings numbers and
// t0 <= t < t1: the same arithmetic as Sampler, bit for bit.
inline float segmentValueAt(float a, float b, int64_t t0, int64_t t1, int64_t t) {
    if (t == t0 || b == a) return a;
    return static_cast<float>(a + (b - a) * (double(t - t0) / double(t1 - t0)));
}

class BinStates {
public:
    static constexpr int kLevels = 4;
    // bins: sensor indices; levelled: per entry, whether its primary series has named levels; levelCount: when the
    // levelled bins agree on at most kLevels levels, how many (0: their levels are not counted).
    void build(const Dataset& d, const std::vector<uint32_t>& bins, const std::vector<uint8_t>& levelled, int levelCount);
    bool available() const { return available_; }
    int over80(int64_t t) const { return tracks_[0].at(t); }
    int atLevel(int level, int64_t t) const { return level >= 0 && level < kLevels ? tracks_[1 + level].at(t) : 0; }
    size_t bytes() const;

private:
    struct Track {  // a count over time: counts[j] from times[j] until the next time (0 before the first)
        std::vector<int64_t> times;
        std::vector<int32_t> counts;
        int at(int64_t t) const;
    };
    Track tracks_[1 + kLevels];  // 0: fill ≥ 80; 1 + level
    bool available_ = false;
};

class OccupancyTimeline {
public:
    // lots: (sensor, capacity > 0).
    void build(const Dataset& d, const std::vector<std::pair<uint32_t, double>>& lots);
    bool available() const { return available_; }
    // The lots with a value at t: their occupied places (each at most its capacity) and capacity; false if none.
    bool at(int64_t t, double& occupied, double& capacity) const;
    size_t bytes() const;

private:
    std::vector<double> times_;      // breakpoints, ascending
    std::vector<double> occupied_;   // at each breakpoint (after its jumps), then rising by slope_ per ms
    std::vector<double> slope_;
    std::vector<double> capacity_;
    std::vector<int32_t> lots_;      // lots with a value from the breakpoint on
    bool available_ = false;
};

}  // namespace bk
