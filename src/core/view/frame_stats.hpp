// frame_stats.hpp — the page's own frame instrumentation: the last few hundred frames' intervals and CPU work,
// with percentiles, and where each frame's CPU time went by phase (what the benchmark reads from getState().frame).
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>

namespace bk {

// The parts of a frame's CPU work, in the order a frame runs them (docs/performance.md reads them as the profile).
// `other`: the frame's work outside every timed phase (what add() is told the work was, less the phases).
enum class FramePhase { start, sample, filters, kpis, glyphs, density, uiBegin, labels, panels, submit, render, other, count };
inline const char* framePhaseName(FramePhase p) {
    static const char* names[] = {"start", "sample", "filters", "kpis", "glyphs", "density", "uiBegin", "labels", "panels", "submit", "render", "other"};
    return names[int(p)];
}

class FrameStats {
public:
    static constexpr size_t kFrames = 240;
    static constexpr size_t kPhases = size_t(FramePhase::count);
    // Time spent in a phase of the frame being made (several calls add up); committed by add().
    void addPhase(FramePhase p, double ms) { current_[size_t(p)] += ms; }
    void add(double intervalMs, double workMs) {
        interval_[next_] = intervalMs;
        work_[next_] = workMs;
        double timed = 0;
        for (size_t k = 0; k + 1 < kPhases; ++k) timed += current_[k];
        current_[size_t(FramePhase::other)] = std::max(0.0, workMs - timed);
        for (size_t k = 0; k < kPhases; ++k) phase_[k][next_] = current_[k];
        current_.fill(0);
        next_ = (next_ + 1) % kFrames;
        count_ = std::min(count_ + 1, kFrames);
    }
    void clear() { count_ = next_ = 0; current_.fill(0); }
    size_t count() const { return count_; }
    // p in 0..100 (nearest rank); 0 when empty.
    double intervalPercentile(double p) const { return percentile(interval_, p); }
    double workPercentile(double p) const { return percentile(work_, p); }
    double phasePercentile(FramePhase phase, double p) const { return percentile(phase_[size_t(phase)], p); }
    // Means add up (the phases' means sum to the work's), and they are not quantised the way a browser's coarse
    // clock quantises each reading (100 µs, with jitter): the profile reads them.
    double workMean() const { return mean(work_); }
    double phaseMean(FramePhase phase) const { return mean(phase_[size_t(phase)]); }

private:
    double mean(const std::array<double, kFrames>& a) const {
        double sum = 0;
        for (size_t k = 0; k < count_; ++k) sum += a[k];
        return count_ ? sum / double(count_) : 0;
    }
    double percentile(const std::array<double, kFrames>& a, double p) const {
        if (count_ == 0) return 0;
        std::array<double, kFrames> s;
        std::copy(a.begin(), a.begin() + long(count_), s.begin());
        size_t rank = std::min(count_ - 1, size_t(p / 100.0 * double(count_)));
        std::nth_element(s.begin(), s.begin() + long(rank), s.begin() + long(count_));
        return s[rank];
    }
    std::array<double, kFrames> interval_{}, work_{};
    std::array<std::array<double, kFrames>, kPhases> phase_{};
    std::array<double, kPhases> current_{};
    size_t next_ = 0, count_ = 0;
};

// Adds the time from its construction to its end to a phase of the frame being made.
class PhaseTimer {
public:
    PhaseTimer(FrameStats& stats, FramePhase phase) : stats_(stats), phase_(phase), start_(std::chrono::steady_clock::now()) {}
    ~PhaseTimer() { stats_.addPhase(phase_, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count()); }
    PhaseTimer(const PhaseTimer&) = delete;
    PhaseTimer& operator=(const PhaseTimer&) = delete;

private:
    FrameStats& stats_;
    FramePhase phase_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace bk
