// scale_data.hpp — deterministic synthetic data at scale, for benchmarks: a big sensor log (CSV) to import.
//
// Not a model of anything: values follow a per-sensor sawtooth with noise, enough variety for realistic parsing
// and compression. Same options → same bytes.
#pragma once

#include "dataset.hpp"

#include <cstdint>
#include <functional>
#include <string_view>

namespace bk {

struct ScaleCsvOptions {
    uint64_t seed = 7;
    uint32_t sensors = 10000;
    uint64_t targetBytes = 1ull << 30;   // stops after the row that reaches this size
    int stepSeconds = 300;
};

// A long-shape log with positions on every row: "time,sensor_id,lat,lon,fill,status", time-major (every sensor
// at one time, then the next time), local times without offset ("2026-05-11 09:05:00"). Calls `sink` with pieces
// of about 1 MiB. Returns the number of data rows written.
uint64_t generateScaleCsv(const ScaleCsvOptions& options, const std::function<void(std::string_view)>& sink);

struct ScaleDatasetOptions {
    uint64_t seed = 11;
    uint32_t sensors = 100000;
    uint32_t readings = 96;        // per sensor, one series each
    int stepSeconds = 900;         // 96 × 15 min = one day
};

// The replay benchmark's dataset: `sensors` sites of the six trial types spread over Seoul (~10 × 12 km), one
// regular series each with its type's primary metric, values wandering around a daily rhythm. Deterministic.
Dataset generateScaleDataset(const ScaleDatasetOptions& options);

}  // namespace bk
