// sampler.cpp — cursor-cached lookup and interpolation of series values.
#include "sampler.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bk {

namespace {
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr uint32_t kWalkLimit = 8;  // beyond this many steps forward, a binary search is cheaper
}  // namespace

void Sampler::reset(const Dataset* dataset) {
    d_ = dataset;
    cursor_.assign(d_ ? d_->series.size() : 0, 0);
}

int64_t Sampler::readingIndexAt(uint32_t si, int64_t t) {
    const Series& s = d_->series[si];
    if (t < s.firstMs(d_->timesMs)) return -1;
    if (s.regular) return std::min<int64_t>((t - s.startMs) / s.stepMs, s.count - 1);

    const int64_t* times = d_->timesMs.data() + s.timeOffset;
    uint32_t c = cursor_[si];
    if (c >= s.count || times[c] > t) {
        // moved backwards (or first use): search from scratch
        c = static_cast<uint32_t>(std::upper_bound(times, times + s.count, t) - times - 1);
    } else {
        uint32_t steps = 0;
        while (c + 1 < s.count && times[c + 1] <= t && ++steps <= kWalkLimit) ++c;
        if (steps > kWalkLimit)
            c = static_cast<uint32_t>(std::upper_bound(times + c, times + s.count, t) - times - 1);
    }
    cursor_[si] = c;
    return c;
}

namespace {
// The value at t given the index of the last reading at or before t (-1: none yet).
float interpolate(const Dataset& d, const Series& s, int64_t i, int64_t t) {
    if (i < 0) return kNaN;
    const float* v = d.values.data() + s.offset;
    if (i + 1 >= s.count || s.interpolation == Interpolation::step) return v[i];
    int64_t t0 = s.timeAt(d.timesMs, static_cast<uint32_t>(i));
    if (t == t0) return v[i];
    float a = v[i], b = v[i + 1];
    if (std::isnan(a) || std::isnan(b)) return a;
    int64_t t1 = s.timeAt(d.timesMs, static_cast<uint32_t>(i + 1));
    double f = double(t - t0) / double(t1 - t0);
    return static_cast<float>(a + (b - a) * f);
}
}  // namespace

float Sampler::valueAt(uint32_t si, int64_t t) {
    return interpolate(*d_, d_->series[si], readingIndexAt(si, t), t);
}

float sampleSeries(const Dataset& d, uint32_t si, int64_t t) {
    const Series& s = d.series[si];
    int64_t i;
    if (t < s.firstMs(d.timesMs)) i = -1;
    else if (s.regular) i = std::min<int64_t>((t - s.startMs) / s.stepMs, s.count - 1);
    else {
        const int64_t* times = d.timesMs.data() + s.timeOffset;
        i = std::upper_bound(times, times + s.count, t) - times - 1;
    }
    return interpolate(d, s, i, t);
}

void Sampler::sampleSensors(int64_t t, std::vector<float>& out) {
    out.resize(d_ ? d_->sensors.size() : 0);
    for (size_t k = 0; k < out.size(); ++k) {
        int32_t si = d_->primarySeries[k];
        out[k] = si < 0 ? kNaN : valueAt(static_cast<uint32_t>(si), t);
    }
}

}  // namespace bk
