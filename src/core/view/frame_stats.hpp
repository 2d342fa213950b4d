// frame_stats.hpp — the page's own frame instrumentation: the last few hundred frames' intervals and CPU work,
// with percentiles (what the benchmark reads from getState().frame).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>

namespace bk {

class FrameStats {
public:
    static constexpr size_t kFrames = 240;
    void add(double intervalMs, double workMs) {
        interval_[next_] = intervalMs;
        work_[next_] = workMs;
        next_ = (next_ + 1) % kFrames;
        count_ = std::min(count_ + 1, kFrames);
    }
    void clear() { count_ = next_ = 0; }
    size_t count() const { return count_; }
    // p in 0..100 (nearest rank); 0 when empty.
    double intervalPercentile(double p) const { return percentile(interval_, p); }
    double workPercentile(double p) const { return percentile(work_, p); }

private:
    double percentile(const std::array<double, kFrames>& a, double p) const {
        if (count_ == 0) return 0;
        std::array<double, kFrames> s;
        std::copy(a.begin(), a.begin() + long(count_), s.begin());
        size_t rank = std::min(count_ - 1, size_t(p / 100.0 * double(count_)));
        std::nth_element(s.begin(), s.begin() + long(rank), s.begin() + long(count_));
        return s[rank];
    }
    std::array<double, kFrames> interval_{}, work_{};
    size_t next_ = 0, count_ = 0;
};

}  // namespace bk
