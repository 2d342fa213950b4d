// frame_stats_test.cpp — percentiles over the last frames (nearest rank), and the window forgets old frames.
#include "frame_stats.hpp"

#include <gtest/gtest.h>

TEST(FrameStats, PercentilesOfTheLastFrames) {
    bk::FrameStats s;
    EXPECT_EQ(s.intervalPercentile(50), 0);
    for (int i = 1; i <= 100; ++i) s.add(i, 100 - i);
    EXPECT_EQ(s.intervalPercentile(50), 51);
    EXPECT_EQ(s.intervalPercentile(95), 96);
    EXPECT_EQ(s.workPercentile(0), 0);
    for (int i = 0; i < int(bk::FrameStats::kFrames); ++i) s.add(7, 1);  // the window is full of new frames
    EXPECT_EQ(s.intervalPercentile(99), 7);
    EXPECT_EQ(s.count(), bk::FrameStats::kFrames);
}
