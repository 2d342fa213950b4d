// clock.cpp — replay clock arithmetic.
#include "clock.hpp"

#include <algorithm>
#include <cmath>

namespace bk {

void Clock::setRange(int64_t startMs, int64_t endMs) {
    startMs_ = startMs;
    endMs_ = std::max(endMs, startMs);
    timeMs_ = double(startMs_);
    playing_ = false;
}

void Clock::advance(double realElapsedMs) {
    if (!playing_ || !(realElapsedMs > 0)) return;
    double span = double(endMs_ - startMs_);
    timeMs_ += realElapsedMs * speed_;
    if (timeMs_ < double(endMs_)) return;
    if (loop_ && span > 0) {
        timeMs_ = double(startMs_) + std::fmod(timeMs_ - double(startMs_), span);
    } else {
        timeMs_ = double(endMs_);
        playing_ = false;
    }
}

void Clock::play() {
    // Playing from the very end restarts, as a media player does.
    if (timeMs_ >= double(endMs_)) timeMs_ = double(startMs_);
    playing_ = endMs_ > startMs_;
}

void Clock::pause() { playing_ = false; }

void Clock::seek(double timeMs) {
    if (!std::isfinite(timeMs)) return;
    timeMs_ = std::clamp(timeMs, double(startMs_), double(endMs_));
}

void Clock::setSpeed(double speed) {
    if (!std::isfinite(speed)) return;
    speed_ = std::clamp(speed, kMinSpeed, kMaxSpeed);
}

double Clock::progress() const {
    return endMs_ > startMs_ ? (timeMs_ - double(startMs_)) / double(endMs_ - startMs_) : 0.0;
}

double Clock::steppedSpeed(double speed, int direction) {
    int i = 0;  // the first step at or above the speed (the last if none is)
    while (i < kSpeedStepCount - 1 && kSpeedSteps[i] < speed - 1e-9) ++i;
    return kSpeedSteps[std::clamp(i + (direction > 0 ? 1 : -1), 0, kSpeedStepCount - 1)];
}

}  // namespace bk
