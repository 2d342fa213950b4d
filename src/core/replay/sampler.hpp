// sampler.hpp — values of a Dataset at replay time t, with cached per-series cursors.
//
// Rules (tested in tests/unit/sampler_clock_test.cpp):
//   before a series' first reading → NaN (no data yet; glyphs show "no data")
//   exactly at a reading           → that reading
//   between two readings           → linear interpolation, or the earlier value for step series / gaps (NaN)
//   after the last reading         → the last reading, held
// Regular series index directly (O(1)). Irregular ones keep a cursor: moving forward a little (playback) walks it,
// amortised O(1); a jump (seek) falls back to binary search, O(log n).
#pragma once

#include "dataset.hpp"

#include <cstdint>
#include <vector>

namespace bk {

// Stateless lookup (binary search): for panels that need any series at any time, off the per-frame path.
float sampleSeries(const Dataset& d, uint32_t series, int64_t timeMs);

class Sampler {
public:
    explicit Sampler(const Dataset* dataset = nullptr) { reset(dataset); }
    void reset(const Dataset* dataset);

    float valueAt(uint32_t series, int64_t timeMs);
    // Index of the last reading at or before timeMs, or -1 before the first.
    int64_t readingIndexAt(uint32_t series, int64_t timeMs);

    // Fills `out` (one entry per sensor) with each sensor's primary-series value at timeMs (NaN = none).
    void sampleSensors(int64_t timeMs, std::vector<float>& out);

private:
    const Dataset* d_ = nullptr;
    std::vector<uint32_t> cursor_;   // per series: last index found
};

}  // namespace bk
