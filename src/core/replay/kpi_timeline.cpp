// kpi_timeline.cpp — bins by state and parking occupancy over time, built once from the readings (kpi_timeline.hpp).
#include "kpi_timeline.hpp"

#include <algorithm>
#include <cmath>

namespace bk {

namespace {
constexpr int kNoTrack = -1;

// How many readings the series of these sensors hold: the budget of a timeline is a fraction of them.
size_t readingsOf(const Dataset& d, const std::vector<uint32_t>& sensors) {
    size_t n = 0;
    for (uint32_t i : sensors)
        if (int32_t si = d.primarySeries[i]; si >= 0) n += d.series[size_t(si)].count;
    return n;
}

// Calls fn(t0, t1, last, a, b) for each segment of the series as the sampler sees it: from a reading to the next one
// at a later time (of two readings at one time the later one is the value), then the last reading, held (last:
// t1 == t0, b == a). False, before any call, for a series with an infinite reading: its line has no crossing
// times, so the timelines leave such data to sampling.
template <class Fn>
bool forEachSegment(const Dataset& d, const Series& s, Fn&& fn) {
    const float* v = d.values.data() + s.offset;
    for (uint32_t i = 0; i < s.count; ++i)
        if (std::isinf(v[i])) return false;
    for (uint32_t i = 0; i < s.count; ++i) {
        const int64_t t0 = s.timeAt(d.timesMs, i);
        const bool last = i + 1 >= s.count;
        const int64_t t1 = last ? t0 : s.timeAt(d.timesMs, i + 1);
        if (!last && t1 <= t0) continue;
        fn(t0, t1, last, v[i], last ? v[i] : v[i + 1]);
    }
    return true;
}
}  // namespace

int BinStates::Track::at(int64_t t) const {
    const size_t j = size_t(std::upper_bound(times.begin(), times.end(), t) - times.begin());
    return j == 0 ? 0 : counts[j - 1];
}

size_t BinStates::bytes() const {
    size_t n = 0;
    for (const Track& t : tracks_) n += t.times.capacity() * sizeof(int64_t) + t.counts.capacity() * sizeof(int32_t);
    return n;
}

void BinStates::build(const Dataset& d, const std::vector<uint32_t>& bins, const std::vector<uint8_t>& levelled,
                      int levelCount) {
    available_ = false;
    for (Track& t : tracks_) t = Track{};
    levelCount = std::clamp(levelCount, 0, kLevels);
    // At most a change per four readings (4 bytes a reading while building, less once merged): beyond that, fills
    // that flicker across 80 % at most readings, sampling is cheaper than the list.
    const size_t budget = readingsOf(d, bins) / 4 + 4096;
    struct Change { int64_t t; int8_t from, to; };
    std::vector<Change> changes;
    for (size_t b = 0; b < bins.size() && b < levelled.size(); ++b) {
        const int32_t si = d.primarySeries[bins[b]];
        if (si < 0) continue;
        const Series& s = d.series[size_t(si)];
        if (s.count == 0) continue;
        if (s.regular && s.stepMs <= 0) return;
        const bool lev = levelled[b] != 0;
        if (lev && levelCount == 0) continue;  // levels that differ between bins are not counted
        // A value's key rises with the value (so a linear segment passes its keys in order); its track, if counted.
        // (Clamped: beyond the levels every value is uncounted alike, and lround of a huge value is undefined.)
        auto key = [lev, levelCount](float v) -> long {
            if (!lev) return long(v >= 80);
            return v <= -1 ? -1 : v >= float(levelCount) ? long(levelCount) : std::lround(v);
        };
        auto track = [lev, levelCount](long k) -> int {
            if (lev) return k >= 0 && k < levelCount ? int(1 + k) : kNoTrack;
            return k ? 0 : kNoTrack;
        };
        int cur = kNoTrack;  // before the first reading: no value
        auto change = [&](int64_t t, int to) {
            if (to == cur) return;
            changes.push_back({t, int8_t(cur), int8_t(to)});
            cur = to;
        };
        const bool finite = forEachSegment(d, s, [&](int64_t t0, int64_t t1, bool last, float a, float bv) {
            change(t0, std::isnan(a) ? kNoTrack : track(key(a)));
            if (last || s.interpolation == Interpolation::step || std::isnan(a) || std::isnan(bv) || a == bv) return;
            // Linear: the key moves one way from a's towards b's. Each time it changes, by bisection on whole ms.
            int64_t lo = t0;
            long k = key(a);
            const long end = key(segmentValueAt(a, bv, t0, t1, t1 - 1));
            while (k != end) {
                int64_t hi = t1 - 1;  // key(lo) == k, key(hi) != k
                while (hi - lo > 1) {
                    const int64_t mid = lo + (hi - lo) / 2;
                    (key(segmentValueAt(a, bv, t0, t1, mid)) == k ? lo : hi) = mid;
                }
                k = key(segmentValueAt(a, bv, t0, t1, hi));
                change(hi, track(k));
                lo = hi;
            }
        });
        if (!finite) return;
        if (changes.size() > budget) return;
    }
    std::sort(changes.begin(), changes.end(), [](const Change& x, const Change& y) { return x.t < y.t; });
    int32_t count[1 + kLevels] = {};
    for (size_t c = 0; c < changes.size();) {
        const int64_t t = changes[c].t;
        bool touched[1 + kLevels] = {};
        for (; c < changes.size() && changes[c].t == t; ++c) {
            if (changes[c].from >= 0) --count[changes[c].from], touched[changes[c].from] = true;
            if (changes[c].to >= 0) ++count[changes[c].to], touched[changes[c].to] = true;
        }
        for (int k = 0; k <= kLevels; ++k)
            if (touched[k]) tracks_[k].times.push_back(t), tracks_[k].counts.push_back(count[k]);
    }
    available_ = true;
}

size_t OccupancyTimeline::bytes() const {
    return (times_.capacity() + occupied_.capacity() + slope_.capacity() + capacity_.capacity()) * sizeof(double) +
           lots_.capacity() * sizeof(int32_t);
}

void OccupancyTimeline::build(const Dataset& d, const std::vector<std::pair<uint32_t, double>>& lots) {
    available_ = false;
    times_.clear(), occupied_.clear(), slope_.clear(), capacity_.clear(), lots_.clear();
    // What a lot adds to the sums at a breakpoint: a jump in occupied places, a change of slope (places per ms), of
    // capacity, of lots with a value.
    struct Delta {
        double occupied = 0, slope = 0, capacity = 0;
        int32_t lots = 0;
        void operator+=(const Delta& o) { occupied += o.occupied, slope += o.slope, capacity += o.capacity, lots += o.lots; }
    };
    // Series on a shared time grid (start, step) add into one Delta per step; the rest, and the moments a lot
    // fills up or frees its last place between two readings, into a list.
    std::vector<StepGrid<Delta>> grids;
    grids.reserve(64);  // gridFor adds at most 64: the pointers below stay valid
    std::vector<std::pair<double, Delta>> loose;
    std::vector<uint32_t> sensors;
    for (const auto& [i, cap] : lots) {
        if (!std::isfinite(cap)) return;
        sensors.push_back(i);
    }
    const size_t budget = readingsOf(d, sensors) / 4 + 4096;
    for (const auto& lot : lots) {
        const double cap = lot.second;  // (not a structured binding: the lambda below captures it)
        const int32_t si = d.primarySeries[lot.first];
        if (si < 0) continue;
        const Series& s = d.series[size_t(si)];
        if (s.count == 0) continue;
        if (s.regular && s.stepMs <= 0) return;
        StepGrid<Delta>* grid = gridFor(grids, s, Delta{});
        // The lot's contribution just before the next breakpoint, and its slope.
        double left = 0, slope = 0, capNow = 0;
        int32_t valid = 0;
        // From time `at` the lot adds `from` places rising by `perMs`, reaching `to` just before its next breakpoint.
        auto piece = [&](double at, bool onGrid, bool has, double from, double perMs, double to) {
            Delta dl{(has ? from : 0) - left, (has ? perMs : 0) - slope, (has ? cap : 0) - capNow, int32_t(has) - valid};
            left = has ? to : 0, slope = has ? perMs : 0, capNow = has ? cap : 0, valid = has;
            if (onGrid && grid) grid->at[grid->indexOf(int64_t(at))] += dl;
            else loose.emplace_back(at, dl);
        };
        const bool finite = forEachSegment(d, s, [&](int64_t t0, int64_t t1, bool last, float a, float b) {
            if (std::isnan(a)) return piece(double(t0), true, false, 0, 0, 0);
            if (last || s.interpolation == Interpolation::step || std::isnan(b) || a == b) {
                const double held = std::min<double>(a, cap);
                return piece(double(t0), true, true, held, 0, held);
            }
            const double span = double(t1 - t0), perMs = (double(b) - double(a)) / span;
            if (a <= cap && b <= cap) piece(double(t0), true, true, a, perMs, b);
            else if (a >= cap && b >= cap) piece(double(t0), true, true, cap, 0, cap);
            else {  // full (or no longer full) part of the way: a kink where the line meets the capacity
                const double tc = double(t0) + (cap - double(a)) / perMs;
                if (a < cap) piece(double(t0), true, true, a, perMs, cap), piece(tc, false, true, cap, 0, cap);
                else piece(double(t0), true, true, cap, 0, cap), piece(tc, false, true, cap, perMs, b);
            }
        });
        if (!finite || loose.size() > budget) return;
    }
    // Merge the grids' steps and the list by time, then sum up.
    for (const StepGrid<Delta>& g : grids)
        for (size_t k = 0; k < g.at.size(); ++k) loose.emplace_back(double(g.startMs + int64_t(k) * g.stepMs), g.at[k]);
    std::stable_sort(loose.begin(), loose.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    Delta sum;
    for (size_t k = 0; k < loose.size();) {
        const double t = loose[k].first;
        if (!times_.empty()) sum.occupied += sum.slope * (t - times_.back());
        for (; k < loose.size() && loose[k].first == t; ++k) sum += loose[k].second;
        times_.push_back(t);
        occupied_.push_back(sum.occupied);
        slope_.push_back(sum.slope);
        capacity_.push_back(sum.capacity);
        lots_.push_back(sum.lots);
    }
    available_ = true;
}

bool OccupancyTimeline::at(int64_t t, double& occupied, double& capacity) const {
    const double td = double(t);
    const size_t j = size_t(std::upper_bound(times_.begin(), times_.end(), td) - times_.begin());
    if (j == 0 || lots_[j - 1] <= 0) return false;
    occupied = occupied_[j - 1] + slope_[j - 1] * (td - times_[j - 1]);
    capacity = capacity_[j - 1];
    return true;
}

}  // namespace bk
