// quality.cpp — gaps, stuck values and impossible readings, one pass per series (rules in quality.hpp).
#include "quality.hpp"

#include "quantity.hpp"
#include "time_util.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <tuple>

namespace bk {

namespace {
constexpr int64_t kHourMs = 3600000;

std::string duration(int64_t ms) {
    char buf[32];
    if (ms < kHourMs) std::snprintf(buf, sizeof buf, "%lld min", static_cast<long long>(ms / 60000));
    else if (ms < 48 * kHourMs) std::snprintf(buf, sizeof buf, "%.3g h", double(ms) / kHourMs);
    else std::snprintf(buf, sizeof buf, "%.3g days", double(ms) / (24 * kHourMs));
    return buf;
}

template <class T>
T median(std::vector<T>& v) {
    if (v.empty()) return T{};
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
    return v[v.size() / 2];
}
}  // namespace

const char* qualityKindName(QualityKind k) {
    return k == QualityKind::gap ? "gap" : k == QualityKind::stuck ? "stuck" : "impossible";
}

bool QualityReport::affects(uint32_t sensor) const {
    return std::binary_search(sensorsAffected.begin(), sensorsAffected.end(), sensor);
}

std::string QualityReport::summary() const {
    if (issues.empty()) return "no gaps, stuck values or impossible readings";
    auto part = [](size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
    return part(gaps, "gap", "gaps") + ", " + part(stuck, "stuck stretch", "stuck stretches") + ", " +
           part(impossible, "impossible reading", "impossible readings");
}

std::string QualityReport::describe(const Dataset& d, const QualityIssue& q) const {
    const Series& s = d.series[q.series];
    std::string head = d.sensors[q.sensor].id + " " +
                       (q.sharedBy > 1 ? std::to_string(q.sharedBy) + " metrics" : s.metric) + ": ";
    auto at = [&](int64_t t) { return formatIsoTime(t, d.offsetAt(t)); };
    char value[32];
    std::snprintf(value, sizeof value, "%g", double(q.value));
    switch (q.kind) {
        case QualityKind::gap:
            return head + "no reading from " + at(q.fromMs) + " to " + at(q.toMs) + " (" + duration(q.toMs - q.fromMs) +
                   "; usually every " + duration(q.usualStepMs) + ")";
        case QualityKind::stuck:
            return head + "stuck at " + value + " from " + at(q.fromMs) + " to " + at(q.toMs) + " (" +
                   std::to_string(q.readings) + " readings, " + duration(q.toMs - q.fromMs) + ")";
        case QualityKind::impossible: {
            const QuantityInfo& info = quantityInfo(quantityOfMetric(s.metric));
            char range[64];
            std::snprintf(range, sizeof range, "%g to %g", info.physicalMin, info.physicalMax);
            return head + value + " at " + at(q.fromMs) + " is impossible (" + info.metric + " is " + range +
                   (q.readings > 1 ? "; " + std::to_string(q.readings) + " such readings" : "") + ")";
        }
    }
    return head;
}

QualityReport checkQuality(const Dataset& d) {
    QualityReport r;
    std::vector<int64_t> steps;
    std::vector<int64_t> runs;
    for (uint32_t si = 0; si < d.series.size(); ++si) {
        const Series& s = d.series[si];
        // The non-missing readings' times and values, in order.
        steps.clear();
        runs.clear();
        int64_t prevT = 0;
        bool havePrev = false;
        for (uint32_t i = 0; i < s.count; ++i) {
            if (std::isnan(d.values[s.offset + i])) continue;
            int64_t t = s.timeAt(d.timesMs, i);
            if (havePrev && t > prevT) steps.push_back(t - prevT);
            prevT = t;
            havePrev = true;
        }
        const int64_t usual = median(steps);
        const Quantity quantity = quantityOfMetric(s.metric);
        const QuantityInfo& info = quantityInfo(quantity);
        // Runs of one value (lengths in readings), for the series' usual run; and the series' extremes.
        float lowest = INFINITY, highest = -INFINITY;
        {
            float last = NAN;
            int64_t run = 0;
            for (uint32_t i = 0; i < s.count; ++i) {
                float v = d.values[s.offset + i];
                if (std::isnan(v)) continue;
                lowest = std::min(lowest, v), highest = std::max(highest, v);
                if (v == last) ++run;
                else { if (run) runs.push_back(run); run = 1; last = v; }
            }
            if (run) runs.push_back(run);
        }
        const int64_t usualRun = std::max<int64_t>(1, median(runs));
        // One walk: gaps, stuck runs, impossible readings (consecutive impossible ones are one issue).
        havePrev = false;
        float runValue = NAN;
        int64_t runStart = 0, runEnd = 0, runCount = 0;
        size_t open = SIZE_MAX;  // index of the impossible stretch being extended (a pointer would not survive a push)
        auto closeRun = [&]() {
            // A run at the series' own extreme is saturation, not a fault: a full bin, a charged battery, an empty lot.
            if (s.levels.empty() && runValue != 0 && runValue != lowest && runValue != highest && runCount >= 24 && runEnd - runStart >= 6 * kHourMs &&
                runCount > 8 * usualRun) {
                r.issues.push_back({QualityKind::stuck, s.sensor, si, runStart, runEnd, runValue, runCount, usual});
                ++r.stuck;
            }
        };
        for (uint32_t i = 0; i < s.count; ++i) {
            const float v = d.values[s.offset + i];
            if (std::isnan(v)) continue;
            const int64_t t = s.timeAt(d.timesMs, i);
            if (havePrev && usual > 0 && t - prevT > 3 * usual && t - prevT > usual + kHourMs) {
                r.issues.push_back({QualityKind::gap, s.sensor, si, prevT, t, 0, 0, usual});
                ++r.gaps;
            }
            if (quantity != Quantity::none && (v < info.physicalMin || v > info.physicalMax)) {
                if (open != SIZE_MAX) {
                    r.issues[open].toMs = t;
                    ++r.issues[open].readings;
                } else {
                    r.issues.push_back({QualityKind::impossible, s.sensor, si, t, t, v, 1, usual});
                    ++r.impossible;
                    open = r.issues.size() - 1;
                }
            } else {
                open = SIZE_MAX;
            }
            if (v == runValue) {
                runEnd = t;
                ++runCount;
            } else {
                if (runCount) closeRun();
                runValue = v, runStart = runEnd = t, runCount = 1;
            }
            prevT = t;
            havePrev = true;
        }
        if (runCount) closeRun();
    }
    // A sensor that went quiet is quiet in every metric: one gap, shared by its series, not one per series.
    // (Sorted so that a sensor's equal gaps sit together, then back in sensor, series, time order.)
    auto key = [](const QualityIssue& q) { return std::make_tuple(q.sensor, int(q.kind), q.fromMs, q.toMs, q.series); };
    std::sort(r.issues.begin(), r.issues.end(), [&](const QualityIssue& a, const QualityIssue& b) { return key(a) < key(b); });
    std::vector<QualityIssue> merged;
    for (const QualityIssue& q : r.issues) {
        QualityIssue* last = merged.empty() ? nullptr : &merged.back();
        if (last && q.kind == QualityKind::gap && last->kind == QualityKind::gap && last->sensor == q.sensor &&
            last->fromMs == q.fromMs && last->toMs == q.toMs) {
            ++last->sharedBy;
            --r.gaps;
        } else {
            merged.push_back(q);
        }
    }
    std::sort(merged.begin(), merged.end(), [](const QualityIssue& a, const QualityIssue& b) {
        return a.sensor != b.sensor ? a.sensor < b.sensor : a.series != b.series ? a.series < b.series : a.fromMs < b.fromMs;
    });
    r.issues = std::move(merged);
    for (const QualityIssue& q : r.issues) r.sensorsAffected.push_back(q.sensor);
    std::sort(r.sensorsAffected.begin(), r.sensorsAffected.end());
    r.sensorsAffected.erase(std::unique(r.sensorsAffected.begin(), r.sensorsAffected.end()), r.sensorsAffected.end());
    return r;
}

}  // namespace bk
