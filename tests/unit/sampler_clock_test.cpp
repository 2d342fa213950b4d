// sampler_clock_test.cpp — values at replay time (before, at, between, after readings; cursors) and the clock.
#include "clock.hpp"
#include "dataset.hpp"
#include "sampler.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace bk;

namespace {

// Sensor 0: regular series every 10 s from t=1000: 10, 20, 30, 40. Sensor 1: irregular, step.
Dataset makeDataset() {
    Dataset d;
    d.sensors.resize(2);
    d.sensors[0].type = SensorType::bin;
    d.sensors[1].type = SensorType::parking;
    Series a;
    a.sensor = 0; a.metric = "fill"; a.regular = true; a.startMs = 1000; a.stepMs = 10000; a.offset = 0; a.count = 4;
    Series b;
    b.sensor = 1; b.metric = "occupied"; b.regular = false; b.interpolation = Interpolation::step;
    b.offset = 4; b.timeOffset = 0; b.count = 100;
    d.series = {a, b};
    d.values = {10, 20, 30, 40};
    for (int i = 0; i < 100; ++i) {
        d.values.push_back(float(i));
        d.timesMs.push_back(int64_t(i) * i * 100);  // uneven spacing
    }
    d.primarySeries = {0, 1};
    return d;
}

}  // namespace

TEST(Sampler, BeforeFirstReadingIsNoData) {
    Dataset d = makeDataset();
    Sampler s(&d);
    EXPECT_TRUE(std::isnan(s.valueAt(0, 999)));
    EXPECT_TRUE(std::isnan(s.valueAt(1, -1)));
}

TEST(Sampler, ExactlyAtAReading) {
    Dataset d = makeDataset();
    Sampler s(&d);
    EXPECT_FLOAT_EQ(s.valueAt(0, 1000), 10);
    EXPECT_FLOAT_EQ(s.valueAt(0, 21000), 30);
    EXPECT_FLOAT_EQ(s.valueAt(1, 4900), 7);  // 7*7*100
}

TEST(Sampler, BetweenReadingsInterpolatesOrSteps) {
    Dataset d = makeDataset();
    Sampler s(&d);
    EXPECT_FLOAT_EQ(s.valueAt(0, 6000), 15);    // halfway → linear
    EXPECT_FLOAT_EQ(s.valueAt(0, 13500), 22.5f);
    EXPECT_FLOAT_EQ(s.valueAt(1, 4899), 6);     // step series hold the earlier value
}

TEST(Sampler, GapsAreNotInterpolatedAcross) {
    Dataset d = makeDataset();
    d.values[2] = NAN;
    Sampler s(&d);
    EXPECT_FLOAT_EQ(s.valueAt(0, 16000), 20);   // next is a gap: hold
    EXPECT_TRUE(std::isnan(s.valueAt(0, 26000)));  // inside the gap
}

TEST(Sampler, AfterLastReadingHoldsIt) {
    Dataset d = makeDataset();
    Sampler s(&d);
    EXPECT_FLOAT_EQ(s.valueAt(0, 1000000), 40);
    EXPECT_FLOAT_EQ(s.valueAt(1, int64_t(1) << 40), 99);
}

TEST(Sampler, CursorsGiveTheSameAnswersAsAFreshSearch) {
    Dataset d = makeDataset();
    Sampler playing(&d);
    // Forward playback in small steps, then jumps back and forth: always equal to a brand-new sampler.
    for (int64_t t = -500; t < 1000000; t += 777) {
        Sampler fresh(&d);
        ASSERT_EQ(playing.readingIndexAt(1, t), fresh.readingIndexAt(1, t)) << t;
    }
    for (int64_t t : {900000, 10, 500000, 499999, 0, 980100, 980099}) {
        Sampler fresh(&d);
        ASSERT_EQ(playing.readingIndexAt(1, t), fresh.readingIndexAt(1, t)) << t;
    }
}

TEST(Sampler, SensorsGetTheirPrimarySeries) {
    Dataset d = makeDataset();
    Sampler s(&d);
    std::vector<float> out;
    s.sampleSensors(11000, out);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_FLOAT_EQ(out[0], 20);
    EXPECT_FLOAT_EQ(out[1], 10);  // 10*10*100 = 10000 ≤ 11000 < 12100
}

TEST(Clock, AdvancesBySpeed) {
    Clock c;
    c.setRange(0, 86400000);
    c.setSpeed(600);
    c.play();
    c.advance(2000);
    EXPECT_DOUBLE_EQ(c.timeMs(), 1200000);
    c.pause();
    c.advance(2000);
    EXPECT_DOUBLE_EQ(c.timeMs(), 1200000);
}

TEST(Clock, LoopsOrStopsAtTheEnd) {
    Clock c;
    c.setRange(1000, 11000);
    c.setSpeed(1);
    c.setLoop(true);
    c.play();
    c.advance(12000);  // 1000 + 12000 = 13000 → wraps to 3000
    EXPECT_DOUBLE_EQ(c.timeMs(), 3000);
    EXPECT_TRUE(c.playing());
    c.setLoop(false);
    c.advance(20000);
    EXPECT_DOUBLE_EQ(c.timeMs(), 11000);
    EXPECT_FALSE(c.playing());
    c.play();  // play at the end restarts
    EXPECT_DOUBLE_EQ(c.timeMs(), 1000);
}

TEST(Clock, SeekWhilePlayingKeepsPlayingAndClamps) {
    Clock c;
    c.setRange(0, 100000);
    c.setSpeed(10);
    c.play();
    c.seek(50000);
    EXPECT_TRUE(c.playing());
    c.advance(100);
    EXPECT_DOUBLE_EQ(c.timeMs(), 51000);
    c.seek(-5);
    EXPECT_DOUBLE_EQ(c.timeMs(), 0);
    c.seek(1e12);
    EXPECT_DOUBLE_EQ(c.timeMs(), 100000);
    c.seek(NAN);
    EXPECT_DOUBLE_EQ(c.timeMs(), 100000);
    c.setSpeed(-3);
    EXPECT_DOUBLE_EQ(c.speed(), 0.1);
}
