// replay_stats.cpp — KPI, statistics and chart extraction over the columnar Dataset.
#include "replay_stats.hpp"

#include "time_util.hpp"

#include <algorithm>
#include <unordered_set>
#include <cmath>

namespace bk {

std::pair<size_t, size_t> eventRange(const Dataset& d, int64_t fromMs, int64_t toMs) {
    auto byTime = [](const Event& e, int64_t t) { return e.timeMs < t; };
    size_t a = size_t(std::lower_bound(d.events.begin(), d.events.end(), fromMs, byTime) - d.events.begin());
    size_t b = size_t(std::lower_bound(d.events.begin(), d.events.end(), toMs, byTime) - d.events.begin());
    return {a, std::max(a, b)};
}

bool alarmActive(const Dataset& d, uint32_t sensor, int64_t t) {
    bool active = false;
    auto [a, b] = eventRange(d, d.startMs, t + 1);
    for (size_t i = a; i < b; ++i) {
        const Event& e = d.events[i];
        if (e.sensor != sensor) continue;
        if (e.kind == "fire_alarm") active = true;
        else if (e.kind == "alarm_cleared") active = false;
    }
    return active;
}

Kpis computeKpis(const Dataset& d, Sampler& sampler, int64_t t, const std::vector<float>* primaryValues) {
    Kpis k;
    if (primaryValues && primaryValues->size() != d.sensors.size()) primaryValues = nullptr;
    auto valueOf = [&](size_t sensor, int32_t si) {
        return primaryValues ? (*primaryValues)[sensor] : sampler.valueAt(uint32_t(si), t);
    };
    int64_t dayStart = startOfLocalDayMs(t, d.utcOffsetMinutes);
    double occupied = 0, capacity = 0;
    for (size_t i = 0; i < d.sensors.size(); ++i) {
        const Sensor& s = d.sensors[i];
        int32_t si = d.primarySeries[i];
        if (s.type == SensorType::bin) {
            ++k.binsTotal;
            if (si >= 0) {
                float v = valueOf(i, si);
                if (!std::isnan(v) && v >= 80) ++k.binsOver80;
            }
        } else if (s.type == SensorType::parking && s.capacity > 0) {
            ++k.lotsTotal;
            if (si >= 0) {
                float v = valueOf(i, si);
                if (!std::isnan(v)) {
                    occupied += std::min<double>(v, s.capacity);
                    capacity += s.capacity;
                }
            }
        }
    }
    if (capacity > 0) k.parkingOccupancyPct = 100.0 * occupied / capacity;
    for (size_t si = 0; si < d.series.size(); ++si) {
        const Series& s = d.series[si];
        if (d.sensors[s.sensor].type != SensorType::air || s.metric != "pm25") continue;
        DayStats st = seriesStats(d, uint32_t(si), dayStart, t);
        if (st.count) k.pm25MaxToday = std::max(k.pm25MaxToday, double(st.max));
    }
    auto [a, b] = eventRange(d, dayStart, t + 1);
    for (size_t i = a; i < b; ++i) {
        const std::string& kind = d.events[i].kind;
        k.overflowsToday += kind == "overflow";
        k.illegalStopsToday += kind == "illegal_stop";
        k.noiseViolationsToday += kind == "noise_violation";
        k.collectionsToday += kind == "collection";
    }
    // Active alarms in one pass over the events so far (per sensor it would be sensors × events: a city-sized trap).
    std::unordered_set<uint32_t> active;
    auto [first, last] = eventRange(d, d.startMs, t + 1);
    for (size_t i = first; i < last; ++i) {
        const Event& e = d.events[i];
        if (d.sensors[e.sensor].type != SensorType::fire) continue;
        if (e.kind == "fire_alarm") active.insert(e.sensor);
        else if (e.kind == "alarm_cleared") active.erase(e.sensor);
    }
    k.activeAlarms = int(active.size());
    return k;
}

namespace {
// Index range [first, last) of readings with time in [from, to].
std::pair<uint32_t, uint32_t> readingRange(const Dataset& d, const Series& s, int64_t from, int64_t to) {
    if (s.count == 0 || to < from) return {0, 0};
    if (s.regular) {
        int64_t first = from <= s.startMs ? 0 : (from - s.startMs + s.stepMs - 1) / s.stepMs;
        int64_t last = to < s.startMs ? -1 : (to - s.startMs) / s.stepMs;
        first = std::clamp<int64_t>(first, 0, s.count);
        last = std::clamp<int64_t>(last + 1, 0, s.count);
        return {uint32_t(first), uint32_t(std::max(first, last))};
    }
    const int64_t* t = d.timesMs.data() + s.timeOffset;
    uint32_t first = uint32_t(std::lower_bound(t, t + s.count, from) - t);
    uint32_t last = uint32_t(std::upper_bound(t, t + s.count, to) - t);
    return {first, std::max(first, last)};
}
}  // namespace

DayStats seriesStats(const Dataset& d, uint32_t si, int64_t from, int64_t to) {
    const Series& s = d.series[si];
    auto [a, b] = readingRange(d, s, from, to);
    DayStats st;
    double sum = 0;
    for (uint32_t i = a; i < b; ++i) {
        float v = d.values[s.offset + i];
        if (std::isnan(v)) continue;
        if (st.count == 0) st.min = st.max = v;
        st.min = std::min(st.min, v);
        st.max = std::max(st.max, v);
        sum += v;
        ++st.count;
    }
    if (st.count) st.mean = float(sum / st.count);
    return st;
}

std::vector<ChartPoint> chartWindow(const Dataset& d, uint32_t si, int64_t from, int64_t to, size_t maxPoints) {
    const Series& s = d.series[si];
    auto [a, b] = readingRange(d, s, from, to);
    std::vector<ChartPoint> out;
    size_t n = b - a;
    if (n == 0 || maxPoints < 2) return out;
    if (n <= maxPoints) {
        for (uint32_t i = a; i < b; ++i) out.push_back({s.timeAt(d.timesMs, i), d.values[s.offset + i]});
        return out;
    }
    // Buckets of readings; each contributes its min and max in time order, so spikes stay visible.
    size_t buckets = maxPoints / 2;
    for (size_t k = 0; k < buckets; ++k) {
        uint32_t lo = a + uint32_t(n * k / buckets), hi = a + uint32_t(n * (k + 1) / buckets);
        uint32_t iMin = lo, iMax = lo;
        for (uint32_t i = lo; i < hi; ++i) {
            float v = d.values[s.offset + i];
            if (std::isnan(v)) continue;
            if (std::isnan(d.values[s.offset + iMin]) || v < d.values[s.offset + iMin]) iMin = i;
            if (std::isnan(d.values[s.offset + iMax]) || v > d.values[s.offset + iMax]) iMax = i;
        }
        uint32_t first = std::min(iMin, iMax), second = std::max(iMin, iMax);
        out.push_back({s.timeAt(d.timesMs, first), d.values[s.offset + first]});
        if (second != first) out.push_back({s.timeAt(d.timesMs, second), d.values[s.offset + second]});
    }
    return out;
}

}  // namespace bk
