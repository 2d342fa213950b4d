// sampler.hpp — values of a Dataset at replay time t, with cached per-series cursors.
//
// Rules (tested in tests/unit/sampler_clock_test.cpp):
//   before a series' first reading → NaN (no data yet; glyphs show "no data")
//   exactly at a reading           → that reading
//   between two readings           → linear interpolation, or the earlier value for step series / gaps (NaN)
//   after the last reading         → the last reading, held
// Regular series index directly (O(1)). Irregular ones keep a cursor: moving forward a little (playback) walks it,
// amortised O(1); a jump (seek) falls back to binary search, O(log n).
// sampleSensors keeps each sensor's current segment (the readings either side of t, laid out flat per sensor): a
// frame whose time is still in it is one multiply-add per sensor, bit for bit the value the lookup gives.
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
    // The same for the listed sensors only (the rest of `out`, sized one per sensor, is left as it was).
    void sampleSensors(int64_t timeMs, std::vector<float>& out, const std::vector<uint32_t>& only);
    // After sampleSensors, per sensor: the index of its reading at or before the time (-1: none yet, or no series),
    // and the values its segment runs between (equal when the value holds: step series, gaps, the last reading).
    // A sensor whose index did not move since the last call is still on the same segment.
    const std::vector<int32_t>& sensorReadingIndex() const { return seg_.index; }
    float segmentFrom(size_t sensor) const { return seg_.a[sensor]; }
    float segmentTo(size_t sensor) const { return seg_.b[sensor]; }
    // The sensors that entered another segment in sampleSensors calls since the last take (each once, in no set
    // order), into `out`; false when that is not known sensor by sensor (the first sample, a reset, a jump that
    // moved most of them): then the caller looks at every sensor. Either way the record starts again empty.
    bool takeMoved(std::vector<uint32_t>& out);

private:
    int64_t locate(size_t sensor, int64_t timeMs);
    void fillSegment(size_t sensor);
    void fillMoved();
    void recordMoved();

    const Dataset* d_ = nullptr;
    std::vector<uint32_t> cursor_;   // per series: last index found
    struct Ref {                     // per sensor: its primary series, packed (a seek reads 100,000 of these)
        int64_t startMs, stepMs;     // regular series; an irregular one reads its times from startMs (its
                                     // first in Dataset::timesMs): 32 bytes a sensor
        uint32_t offset, count;
        int32_t series;              // -1: none
        bool regular, step;
    };
    std::vector<Ref> ref_;
    std::vector<uint32_t> moved_;    // sensors that left their segment in this sample
    std::vector<uint32_t> movedSince_;  // … and in every sample since the last takeMoved (each once)
    std::vector<uint8_t> movedMark_;
    bool allMoved_ = true;           // since the last takeMoved, too many moved (or a reset) to list
    struct Segments {                // per sensor: valid for t0 <= t < t1; value a + (b - a) · (t - t0) / (t1 - t0)
        std::vector<double> t0, t1;
        std::vector<float> a, b;
        std::vector<int32_t> index;
    } seg_;
};

}  // namespace bk
