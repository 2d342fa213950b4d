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

#include <algorithm>
#include <cstdint>
#include <vector>

namespace bk {

// The value a sampled series has at t inside the segment from reading (t0, a) to (t1, b), both readings numbers and
// t0 <= t < t1: the same arithmetic as Sampler, bit for bit.
inline float segmentValueAt(float a, float b, int64_t t0, int64_t t1, int64_t t) {
    if (t == t0 || b == a) return a;
    return static_cast<float>(a + (b - a) * (double(t - t0) / double(t1 - t0)));
}

// Steps that regular series with the same step and phase share, one Cell per step from the first reading of any of
// them to the last (the KPI index's per-step maxima, the occupancy's per-step sums).
template <class Cell>
struct StepGrid {
    int64_t startMs = 0, stepMs = 0;
    std::vector<Cell> at;
    size_t indexOf(int64_t t) const { return size_t((t - startMs) / stepMs); }
};
// The grid of `grids` a regular series belongs to (added if new, up to 64), extended with `empty` cells to cover
// it; null for an irregular series, past 64 grids, or a series so far from the grid's others (years apart) that
// the grid would be mostly empty: those go to a time-sorted list instead.
template <class Cell>
StepGrid<Cell>* gridFor(std::vector<StepGrid<Cell>>& grids, const Series& s, const Cell& empty) {
    constexpr size_t kMaxGrids = 64;
    if (!s.regular || s.stepMs <= 0) return nullptr;
    StepGrid<Cell>* grid = nullptr;
    for (StepGrid<Cell>& g : grids)
        if (g.stepMs == s.stepMs && (s.startMs - g.startMs) % s.stepMs == 0) grid = &g;
    if (!grid) {
        if (grids.size() >= kMaxGrids) return nullptr;
        grids.push_back(StepGrid<Cell>{s.startMs, s.stepMs, {}});
        grid = &grids.back();
    }
    const int64_t lo = std::min(grid->startMs, s.startMs);
    const int64_t hi = std::max(grid->startMs + int64_t(grid->at.size()) * s.stepMs, s.startMs + int64_t(s.count) * s.stepMs);
    if ((hi - lo) / s.stepMs > int64_t(4 * s.count + grid->at.size() + 4096)) return nullptr;
    if (s.startMs < grid->startMs) {
        grid->at.insert(grid->at.begin(), size_t((grid->startMs - s.startMs) / s.stepMs), empty);
        grid->startMs = s.startMs;
    }
    const size_t end = grid->indexOf(s.startMs) + s.count;
    if (grid->at.size() < end) grid->at.resize(end, empty);
    return grid;
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
