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
    const size_t n = d_ ? d_->sensors.size() : 0;
    const double inf = std::numeric_limits<double>::infinity();
    seg_.t0.assign(n, inf);  // no time is in an empty segment: the first sample enters each one
    seg_.t1.assign(n, inf);
    seg_.a.assign(n, kNaN);
    seg_.b.assign(n, kNaN);
    seg_.index.assign(n, -1);
    movedSince_.clear();
    movedMark_.assign(n, 0);
    allMoved_ = true;
    ref_.assign(n, Ref{0, 0, 0, 0, -1, true, false});
    for (size_t k = 0; k < n; ++k) {
        const int32_t si = d_->primarySeries[k];
        if (si < 0) continue;
        const Series& s = d_->series[size_t(si)];
        ref_[k] = {s.regular ? s.startMs : int64_t(s.timeOffset), s.stepMs, s.offset, s.count, si, s.regular, s.interpolation == Interpolation::step};
    }
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

// Index of sensor k's reading at or before t (-1: none yet, or no series), from the packed reference.
int64_t Sampler::locate(size_t k, int64_t t) {
    const Ref& r = ref_[k];
    if (r.series < 0 || r.count == 0) return -1;
    if (r.regular) return t < r.startMs ? -1 : std::min<int64_t>((t - r.startMs) / r.stepMs, r.count - 1);
    return readingIndexAt(uint32_t(r.series), t);  // the cursor: a walk forward, or a binary search
}

// fillSegment for every sensor in moved_, with the common case inline: a regular series between two of its
// readings (a seek fills a third of the sensors; in the page the call per sensor was the seek's biggest cost).
void Sampler::fillMoved() {
    const float* values = d_ ? d_->values.data() : nullptr;
    double* t0 = seg_.t0.data();
    double* t1 = seg_.t1.data();
    float* a = seg_.a.data();
    float* b = seg_.b.data();
    const int32_t* index = seg_.index.data();
    for (uint32_t k : moved_) {
        const Ref& r = ref_[k];
        const int64_t i = index[k];
        if (!r.regular || r.step || i < 0 || i + 1 >= int64_t(r.count)) {
            fillSegment(k);
            continue;
        }
        const float* v = values + r.offset;
        const float from = v[i], to = v[i + 1];
        const int64_t start = r.startMs + r.stepMs * i;
        t0[k] = double(start);
        t1[k] = double(start + r.stepMs);
        a[k] = from;
        b[k] = std::isnan(from) || std::isnan(to) ? from : to;  // as fillSegment: a gap holds the value
    }
}

// The segment of sensor k around its reading index: the same arithmetic as interpolate(). Reads the values: a seek
// does this for every sensor, in a loop of its own so the memory reads overlap.
void Sampler::fillSegment(size_t k) {
    const double inf = std::numeric_limits<double>::infinity();
    const Ref& r = ref_[k];
    const int64_t i = seg_.index[k];
    auto timeAt = [&](uint32_t n) { return r.regular ? r.startMs + r.stepMs * int64_t(n) : d_->timesMs[size_t(r.startMs) + n]; };
    if (i < 0) {  // no data: for ever without a series, until the first reading with one
        seg_.t0[k] = -inf;
        seg_.t1[k] = r.series < 0 || r.count == 0 ? inf : double(timeAt(0));
        seg_.a[k] = seg_.b[k] = kNaN;
        return;
    }
    const float* v = d_->values.data() + r.offset;
    const int64_t t0 = timeAt(uint32_t(i));
    const float a = v[i];
    seg_.t0[k] = double(t0);
    seg_.a[k] = seg_.b[k] = a;
    if (i + 1 >= r.count) { seg_.t1[k] = inf; return; }  // the last reading, held
    const int64_t t1 = timeAt(uint32_t(i + 1));
    const float b = v[i + 1];
    seg_.t1[k] = double(t1);
    if (r.step || std::isnan(a) || std::isnan(b)) return;
    seg_.b[k] = b;  // (t1 - t0, exact in a double, is the segment's length)
}

void Sampler::sampleSensors(int64_t t, std::vector<float>& out) {
    const size_t n = d_ ? d_->sensors.size() : 0;
    out.resize(n);
    const double td = double(t);
    const double* t0 = seg_.t0.data();
    const double* t1 = seg_.t1.data();
    // Sensors that left their segment (all of them after a seek): where they are now, then their values.
    moved_.clear();
    for (size_t k = 0; k < n; ++k)
        if (!(td >= t0[k] && td < t1[k])) moved_.push_back(uint32_t(k));
    for (uint32_t k : moved_) seg_.index[k] = int32_t(locate(k, t));
    fillMoved();
    recordMoved();
    // Every sensor is in its segment now: one pass the compiler vectorises (a held value has b == a: a + 0).
    const float* a = seg_.a.data();
    const float* b = seg_.b.data();
    float* o = out.data();
    for (size_t k = 0; k < n; ++k) {
        const double f = (td - t0[k]) / (t1[k] - t0[k]);  // used only where b != a: an interpolated segment
        const float d = b[k] - a[k];
        o[k] = td == t0[k] || d == 0 ? a[k] : static_cast<float>(a[k] + d * f);
    }
}

// The record for takeMoved; past a quarter of the sensors, looking at all of them is cheaper than the list.
void Sampler::recordMoved() {
    if (allMoved_) return;
    for (uint32_t k : moved_)
        if (!movedMark_[k]) {
            movedMark_[k] = 1;
            movedSince_.push_back(k);
        }
    if (movedSince_.size() > movedMark_.size() / 4) allMoved_ = true;
}

void Sampler::sampleSensors(int64_t t, std::vector<float>& out, const std::vector<uint32_t>& only) {
    out.resize(d_ ? d_->sensors.size() : 0);
    const double td = double(t);
    moved_.clear();
    for (uint32_t k : only)
        if (k < out.size() && !(td >= seg_.t0[k] && td < seg_.t1[k])) moved_.push_back(k);
    for (uint32_t k : moved_) seg_.index[k] = int32_t(locate(k, t));
    fillMoved();
    recordMoved();
    for (uint32_t k : only) {
        if (k >= out.size()) continue;
        const double t0 = seg_.t0[k], t1 = seg_.t1[k];
        const float a = seg_.a[k], d = seg_.b[k] - a;
        out[k] = td == t0 || d == 0 ? a : static_cast<float>(a + d * ((td - t0) / (t1 - t0)));  // as sampleSensors
    }
}

bool Sampler::takeMoved(std::vector<uint32_t>& out) {
    out.clear();
    const bool listed = !allMoved_;
    if (listed) {
        out.swap(movedSince_);
        for (uint32_t k : out) movedMark_[k] = 0;
    } else {
        std::fill(movedMark_.begin(), movedMark_.end(), uint8_t(0));
    }
    movedSince_.clear();
    allMoved_ = false;
    return listed;
}

}  // namespace bk
