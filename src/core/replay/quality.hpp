// quality.hpp — what a real log gets wrong, found per series: gaps (no reading for far longer than its usual step),
// stuck values (unchanged far longer than usual) and readings the quantity cannot physically have.
//
// One pass over the readings when a dataset is installed or imported; the report, the state, the sensor card, the
// map and the timeline read the result. Rules (docs/import.md, "Data quality"):
//   gap        consecutive readings further apart than 3 × the series' usual step (the median) and 1 h more than it
//   stuck      at least 24 readings and 6 h with one value, more than 8 × the series' median run of one value; not
//              at 0 or at the series' own lowest or highest (a quiet night, a full bin, a charged battery are
//              saturation, not a frozen sensor); levels (GREEN, YELLOW …) are never stuck
//   impossible a reading outside what its quantity can be (quantity.hpp: PM2.5 < 0, humidity > 100 %, …)
#pragma once

#include "dataset.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace bk {

enum class QualityKind { gap, stuck, impossible };
const char* qualityKindName(QualityKind kind);  // "gap", "stuck", "impossible"

struct QualityIssue {
    QualityKind kind;
    uint32_t sensor = 0, series = 0;
    int64_t fromMs = 0, toMs = 0;   // the stretch (an impossible reading: its time, twice)
    float value = 0;                // stuck: the value; impossible: the reading
    int64_t readings = 0;           // stuck, impossible: how many readings
    int64_t usualStepMs = 0;        // the series' median time between readings
    int sharedBy = 1;               // gap: how many of the sensor's series have the same one (a sensor gone quiet)
};

struct QualityReport {
    std::vector<QualityIssue> issues;        // by sensor, then series, then time
    size_t gaps = 0, stuck = 0, impossible = 0;
    std::vector<uint32_t> sensorsAffected;   // sorted sensor indices with at least one issue
    bool affects(uint32_t sensor) const;
    // "3 gaps, 1 stuck stretch, 2 impossible readings" (or "no gaps, stuck values or impossible readings").
    std::string summary() const;
    // One line for an issue: `SDOT-03 pm25: no reading from 2026-05-11T03:00+09:00 to 07:00 (4 h; usually every 1 h)`.
    std::string describe(const Dataset& d, const QualityIssue& issue) const;
};

QualityReport checkQuality(const Dataset& d);

}  // namespace bk
