// kpi_timeline_test.cpp — the KPIs' timelines (bins by state, parking occupancy) count what sampling every bin and
// lot counts, at random times and at the moments that matter (readings, a ms either side, fills crossing 80 %, lots
// filling up), on messy data; and data that would make them too big falls back to sampling with the same answers.
#include "messy_dataset.hpp"
#include "replay_stats.hpp"
#include "sampler.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace bk;

namespace {

// Times worth checking: every reading of a quarter of the bins and lots, a ms either side, and where a linear segment crosses
// 80 % or a lot's capacity (and a ms either side), plus random ones across the data and beyond both ends.
std::vector<int64_t> momentsOf(const Dataset& d, uint32_t seed) {
    std::vector<int64_t> out;
    uint32_t n = 0;
    for (const Series& s : d.series) {
        const Sensor& sensor = d.sensors[s.sensor];
        if (sensor.type != SensorType::bin && sensor.type != SensorType::parking) continue;
        const bool readings = n++ % 4 == 0;  // every reading of a quarter of the series (the test's time)
        for (uint32_t i = 0; i < s.count; ++i) {
            const int64_t t0 = s.timeAt(d.timesMs, i);
            if (readings)
                for (int64_t dt : {-1, 0, 1}) out.push_back(t0 + dt);
            if (i + 1 >= s.count) continue;
            const int64_t t1 = s.timeAt(d.timesMs, i + 1);
            const float a = d.values[s.offset + i], b = d.values[s.offset + i + 1];
            if (t1 <= t0 || std::isnan(a) || std::isnan(b) || a == b) continue;
            for (double line : {80.0, sensor.capacity, 0.5, 1.5, 2.5}) {  // fill, capacity, level roundings
                const double f = (line - a) / (double(b) - double(a));
                if (f <= 0 || f >= 1) continue;
                const int64_t tc = t0 + int64_t(f * double(t1 - t0));
                for (int64_t dt : {-2, -1, 0, 1, 2}) out.push_back(tc + dt);
            }
        }
    }
    std::mt19937 rng(seed);
    const int64_t span = d.endMs - d.startMs;
    for (int k = 0; k < 2000; ++k)
        out.push_back(d.startMs - span / 10 + int64_t(std::uniform_real_distribution<double>(0, 1.2)(rng) * double(span)));
    return out;
}

// The timelines' KPIs (no filters) against the plain loop over sampled values (a filter that passes everyone).
void expectSameAsSampling(const Dataset& d, const KpiIndex& index, const std::vector<int64_t>& moments) {
    Sampler sampler(&d);
    const std::vector<uint8_t> everyone(d.sensors.size(), 1);
    std::vector<float> values;
    int checked = 0;
    for (int64_t t : moments) {
        sampler.sampleSensors(t, values);
        const Kpis fast = computeKpis(d, sampler, t, index, &values);
        const Kpis plain = computeKpis(d, sampler, t, index, &values, &everyone);
        ASSERT_EQ(fast.binsTotal, plain.binsTotal) << t;
        ASSERT_EQ(fast.binsOver80, plain.binsOver80) << t;
        ASSERT_EQ(fast.binLevelCount, plain.binLevelCount) << t;
        for (int level = 0; level < 4; ++level) ASSERT_EQ(fast.binsAtLevel[level], plain.binsAtLevel[level]) << t << " level " << level;
        ASSERT_EQ(fast.lotsTotal, plain.lotsTotal) << t;
        if (plain.parkingOccupancyPct < 0) ASSERT_LT(fast.parkingOccupancyPct, 0) << t;
        else ASSERT_NEAR(fast.parkingOccupancyPct, plain.parkingOccupancyPct, 1e-4) << t;  // float vs double sums
        checked += plain.binsOver80 > 0 || plain.binsAtLevel[1] > 0;
    }
    EXPECT_GT(checked, int(moments.size() / 4));  // the counts were not all zero
}

}  // namespace

TEST(KpiTimeline, CountsWhatSamplingCountsOnMessyData) {
    for (uint32_t seed : {3u, 11u, 29u}) {
        const Dataset d = messyDataset(1400, seed, seed != 3);
        const KpiIndex index(d);
        ASSERT_TRUE(index.binStates.available());
        ASSERT_TRUE(index.occupancy.available());
        EXPECT_TRUE(index.sampledForKpis.empty());  // a seek samples no bin or lot
        if (seed != 3) ASSERT_EQ(index.binLevels.size(), 3u);  // the levelled bins are counted by level
        expectSameAsSampling(d, index, momentsOf(d, seed));
    }
}

TEST(KpiTimeline, ShareOneStepWhenSeriesShareATimeGrid) {
    // 300 lots and 300 bins on one 15-minute grid, linear, a day: the timelines stay small.
    Dataset d;
    std::mt19937 rng(5);
    const int64_t start = 1'780'000'000'000, step = 900'000;
    for (uint32_t i = 0; i < 600; ++i) {
        Sensor s;
        s.id = "G" + std::to_string(i);
        s.type = i % 2 ? SensorType::parking : SensorType::bin;
        if (s.type == SensorType::parking) s.capacity = 20;
        d.sensors.push_back(s);
        Series series;
        series.sensor = i;
        series.metric = s.type == SensorType::parking ? "occupied" : "fill";
        series.startMs = start;
        series.stepMs = step;
        series.count = 96;
        series.offset = uint32_t(d.values.size());
        double v = 0;
        for (uint32_t k = 0; k < 96; ++k) {
            // Bins fill up and are emptied; lots wander, full at times (readings over capacity too).
            v = s.type == SensorType::bin ? (v >= 100 ? 0 : v + double(rng() % 12)) : std::clamp(v + double(int(rng() % 7) - 3), 0.0, 24.0);
            d.values.push_back(float(v));
        }
        d.series.push_back(std::move(series));
    }
    finishDataset(d);
    const KpiIndex index(d);
    ASSERT_TRUE(index.occupancy.available());
    ASSERT_TRUE(index.binStates.available());
    // One breakpoint per step plus the moments lots fill up or free a place between readings, and the bins' changes
    // of state: under a byte a reading (the values themselves are four).
    EXPECT_LT(index.occupancy.bytes() + index.binStates.bytes(), size_t(600 * 96));
    expectSameAsSampling(d, index, momentsOf(d, 5));
}

TEST(KpiTimeline, FlickeringFillsFallBackToSampling) {
    // Fills that cross 80 % at every reading: more changes than the timeline's budget, so the KPIs sample.
    Dataset d;
    for (uint32_t i = 0; i < 200; ++i) {
        Sensor s;
        s.id = "F" + std::to_string(i);
        s.type = SensorType::bin;
        d.sensors.push_back(s);
        Series series;
        series.sensor = i;
        series.metric = "fill";
        series.startMs = 1'780'000'000'000 + i;
        series.stepMs = 60'000;
        series.count = 400;
        series.offset = uint32_t(d.values.size());
        for (uint32_t k = 0; k < 400; ++k) d.values.push_back(k % 2 ? 90.0f : 70.0f);
        d.series.push_back(std::move(series));
    }
    finishDataset(d);
    const KpiIndex index(d);
    EXPECT_FALSE(index.binStates.available());
    EXPECT_EQ(index.sampledForKpis.size(), 200u);  // a seek samples the bins again
    expectSameAsSampling(d, index, momentsOf(d, 7));
}

TEST(KpiTimeline, InfiniteReadingsFallBackToSampling) {
    // A damaged log (a binary recording may hold any float): an infinite fill or occupancy has no crossing time.
    Dataset d = messyDataset(700, 17);
    for (const Series& s : d.series) {
        const SensorType type = d.sensors[s.sensor].type;
        if ((type == SensorType::bin || type == SensorType::parking) && s.count > 3) d.values[s.offset + 2] = INFINITY;
    }
    const KpiIndex index(d);
    EXPECT_FALSE(index.binStates.available());
    EXPECT_FALSE(index.occupancy.available());
    EXPECT_FALSE(index.sampledForKpis.empty());
}
