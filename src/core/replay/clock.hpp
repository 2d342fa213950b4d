// clock.hpp — replay time: play/pause, speed, seek, and what happens at the end (loop or stop).
#pragma once

#include <cstdint>

namespace bk {

class Clock {
public:
    void setRange(int64_t startMs, int64_t endMs);   // also seeks to start and pauses
    // Advances by real elapsed time × speed while playing. At the end: wraps to the start when looping,
    // otherwise stops there and pauses.
    void advance(double realElapsedMs);

    void play();
    void pause();
    void seek(double timeMs);                        // clamped into the range
    void setSpeed(double speed);                     // replay seconds per real second, clamped to 0.1 … 100000
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
