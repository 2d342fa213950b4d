// clock.hpp — replay time: play/pause, speed, seek, and what happens at the end (loop or stop).
#pragma once

#include <cstdint>

namespace bk {

class Clock {
public:
    // The speeds a replay may run at (replay seconds per real second): every way in checks against these.
    static constexpr double kMinSpeed = 0.1, kMaxSpeed = 100000;
    // The speeds the timeline offers and the [ ] keys step through.
    static constexpr double kSpeedSteps[] = {1, 10, 60, 600, 3600};
    static constexpr int kSpeedStepCount = 5;
    // The step `direction` (+1 faster, -1 slower) from `speed` through kSpeedSteps, kept at the ends.
    static double steppedSpeed(double speed, int direction);

    void setRange(int64_t startMs, int64_t endMs);   // also seeks to start and pauses
    // Advances by real elapsed time × speed while playing. At the end: wraps to the start when looping,
    // otherwise stops there and pauses.
    void advance(double realElapsedMs);

    void play();
    void pause();
    void seek(double timeMs);                        // clamped into the range
    void setSpeed(double speed);                     // replay seconds per real second, clamped to kMinSpeed … kMaxSpeed
    void setLoop(bool loop) { loop_ = loop; }

    double timeMs() const { return timeMs_; }
    bool playing() const { return playing_; }
    double speed() const { return speed_; }
    bool loop() const { return loop_; }
    int64_t startMs() const { return startMs_; }
    int64_t endMs() const { return endMs_; }
    double progress() const;                         // 0 … 1

private:
    int64_t startMs_ = 0, endMs_ = 0;
    double timeMs_ = 0;
    double speed_ = 60;
    bool playing_ = false;
    bool loop_ = true;
};

}  // namespace bk
