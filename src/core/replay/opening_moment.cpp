// opening_moment.cpp — the busiest daytime hour of a recording (or its own "open_at"), for the first view.
#include "opening_moment.hpp"

#include "event_kinds.hpp"
#include "sampler.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace bk {

namespace {
constexpr int kFirstHour = 10, kLastHour = 17;  // local hours that start a daytime hour, in any season
constexpr size_t kMaxSensorsRead = 4000;
constexpr int64_t kHourMs = 3600000;
}  // namespace

int64_t openingMomentMs(const Dataset& d) {
    if (d.openAtMs && *d.openAtMs >= d.startMs && *d.openAtMs <= d.endMs) return *d.openAtMs;
    // Candidate hours: each whole local hour from 10:00 to 17:00 that lies inside the recording.
    std::vector<int64_t> hours;
    for (int64_t day = d.localDayStartMs(d.startMs); day < d.endMs && hours.size() < 24 * 400; day = d.nextLocalDayStartMs(day)) {
        for (int h = kFirstHour; h <= kLastHour; ++h) {
            int64_t wall = day + d.offsetAt(day) * 60000LL + h * kHourMs;  // the local wall clock of that day at h:00
            int64_t t = d.wallToUtcMs(wall);
            if (t >= d.startMs && t + kHourMs <= d.endMs) hours.push_back(t);
        }
    }
    if (hours.empty()) return d.startMs;
    // Each sensor type counts alike (twelve bins weigh no more than six air sensors): per type, the mean share.
    constexpr size_t kTypes = 64;
    std::vector<double> byType(hours.size() * kTypes, 0.0);
    std::vector<int> typeCount(kTypes, 0);
    const size_t n = d.sensors.size(), stride = std::max<size_t>(1, (n + kMaxSensorsRead - 1) / kMaxSensorsRead);
    for (size_t s = 0; s < n; s += stride) {
        int32_t series = d.primarySeries[s];
        if (series < 0) continue;
        const Series& ser = d.series[size_t(series)];
        float lo = INFINITY, hi = -INFINITY;
        for (uint32_t i = 0; i < ser.count; ++i) {
            float v = d.values[ser.offset + i];
            if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
        }
        if (!(hi > lo)) continue;
        const size_t type = std::min(size_t(d.sensors[s].type), kTypes - 1);
        ++typeCount[type];
        for (size_t k = 0; k < hours.size(); ++k) {
            float v = sampleSeries(d, uint32_t(series), hours[k]);  // what the first view shows
            if (!std::isfinite(v)) continue;
            const double share = double(v - lo) / double(hi - lo);
            byType[k * kTypes + type] += share + (share >= 0.8 ? 1.0 : 0.0);  // near its top: what a KPI counts
        }
    }
    std::vector<double> score(hours.size(), 0.0);
    for (size_t k = 0; k < hours.size(); ++k)
        for (size_t t = 0; t < kTypes; ++t)
            if (typeCount[t] > 0) score[k] += byType[k * kTypes + t] / typeCount[t];
    for (const Event& e : d.events) {
        if (e.kind != event_kind::overflow && e.kind != event_kind::fireAlarm) continue;  // alerts, not the daily work
        auto it = std::upper_bound(hours.begin(), hours.end(), e.timeMs);
        if (it == hours.begin()) continue;
        size_t k = size_t(it - hours.begin()) - 1;
        if (e.timeMs < hours[k] + kHourMs) score[k] += 0.25;  // a quarter of a type's worth
    }
    size_t best = size_t(std::max_element(score.begin(), score.end()) - score.begin());
    return hours[best];
}

}  // namespace bk
