// replay_stats_test.cpp — KPIs and panel statistics follow replay time the way a control room would see them.
#include "replay_stats.hpp"
#include "test_util.hpp"
#include "time_util.hpp"

#include <gtest/gtest.h>

using namespace bk;

namespace {
class Week : public ::testing::Test {
protected:
    void SetUp() override {
        auto s = loadSensors(readRepoFile("assets/bukchon/sensors.geojson"), "sensors.geojson");
        ASSERT_TRUE(s.ok());
        auto d = loadRecording(readRepoFile("assets/bukchon/recording.json"), "recording.json", s.value());
        ASSERT_TRUE(d.ok());
        data = std::move(d.value());
        sampler.reset(&data);
    }
    int64_t at(const char* iso) { return *parseIsoTimeMs(iso); }
    Dataset data;
    Sampler sampler;
};
}  // namespace

TEST_F(Week, NightIsQuietAndTheWeekendAfternoonIsBusy) {
    Kpis night = computeKpis(data, sampler, at("2026-05-13T04:00:00+09:00"));
    Kpis saturday = computeKpis(data, sampler, at("2026-05-16T15:30:00+09:00"));
    EXPECT_EQ(night.binsTotal, 12);
    EXPECT_EQ(night.lotsTotal, 6);
    EXPECT_GT(night.parkingOccupancyPct, 40);  // residents parked
    EXPECT_LT(night.illegalStopsToday, saturday.illegalStopsToday);
    EXPECT_LT(night.noiseViolationsToday, saturday.noiseViolationsToday);
    EXPECT_GT(saturday.binsOver80 + saturday.collectionsToday, night.binsOver80);
}

TEST_F(Week, BadAirDayShowsInThePm25Maximum) {
    Kpis tuesday = computeKpis(data, sampler, at("2026-05-12T18:00:00+09:00"));
    Kpis wednesday = computeKpis(data, sampler, at("2026-05-13T18:00:00+09:00"));
    EXPECT_LT(tuesday.pm25MaxToday, 35);
    EXPECT_GT(wednesday.pm25MaxToday, 55);
}

TEST_F(Week, TheFireAlarmIsActiveOnlyUntilCleared) {
    EXPECT_EQ(computeKpis(data, sampler, at("2026-05-15T19:44:00+09:00")).activeAlarms, 0);
    EXPECT_EQ(computeKpis(data, sampler, at("2026-05-15T19:50:00+09:00")).activeAlarms, 1);
    EXPECT_EQ(computeKpis(data, sampler, at("2026-05-15T20:30:00+09:00")).activeAlarms, 0);
    // The false alarm never raises an alarm.
    EXPECT_EQ(computeKpis(data, sampler, at("2026-05-12T07:20:00+09:00")).activeAlarms, 0);
}

TEST_F(Week, TodayCountsRestartAtMidnight) {
    Kpis lateSat = computeKpis(data, sampler, at("2026-05-16T23:59:00+09:00"));
    Kpis earlySun = computeKpis(data, sampler, at("2026-05-17T00:01:00+09:00"));
    EXPECT_GT(lateSat.illegalStopsToday + lateSat.noiseViolationsToday, 0);
    EXPECT_LE(earlySun.illegalStopsToday + earlySun.noiseViolationsToday, 1);
}

TEST(ReplayStats, StatsAndChartOverARegularSeries) {
    Dataset d;
    d.sensors.resize(1);
    Series s;
    s.startMs = 0; s.stepMs = 1000; s.count = 10; s.offset = 0;
    d.series = {s};
    d.values = {5, 1, 9, NAN, 4, 4, 4, 4, 4, 20};
    DayStats st = seriesStats(d, 0, 0, 4000);  // readings 0..4
    EXPECT_EQ(st.count, 4);
    EXPECT_FLOAT_EQ(st.min, 1);
    EXPECT_FLOAT_EQ(st.max, 9);
    EXPECT_FLOAT_EQ(st.mean, 4.75f);
    auto all = chartWindow(d, 0, 0, 9000, 100);
    EXPECT_EQ(all.size(), 10u);
    auto thin = chartWindow(d, 0, 0, 9000, 4);  // 2 buckets, min and max of each
    ASSERT_EQ(thin.size(), 4u);
    EXPECT_FLOAT_EQ(thin[0].value, 1);   // first bucket (readings 0–4): its min (t=1) then its max (t=2)
    EXPECT_FLOAT_EQ(thin[1].value, 9);
    EXPECT_FLOAT_EQ(thin.back().value, 20);  // the spike survives thinning
}

TEST_F(Week, KpisFromTheFramesSampledValuesEqualSamplingAgain) {
    for (const char* when : {"2026-05-13T04:00:00+09:00", "2026-05-16T15:30:00+09:00", "2026-05-15T19:50:00+09:00"}) {
        std::vector<float> values;
        sampler.sampleSensors(at(when), values);
        Kpis a = computeKpis(data, sampler, at(when)), b = computeKpis(data, sampler, at(when), &values);
        EXPECT_EQ(a.binsOver80, b.binsOver80) << when;
        EXPECT_DOUBLE_EQ(a.parkingOccupancyPct, b.parkingOccupancyPct) << when;
        EXPECT_EQ(a.activeAlarms, b.activeAlarms) << when;
        EXPECT_DOUBLE_EQ(a.pm25MaxToday, b.pm25MaxToday) << when;
    }
}

namespace {
// The PM2.5 maximum the slow way: every PM2.5 reading of every air sensor in [from, to].
double pm25MaxByScan(const Dataset& d, int64_t from, int64_t to) {
    double best = -1;
    for (uint32_t si = 0; si < d.series.size(); ++si) {
        const Series& s = d.series[si];
        if (d.sensors[s.sensor].type != SensorType::air || s.metric != "pm25") continue;
        DayStats st = seriesStats(d, si, from, to);
        if (st.count) best = std::max(best, double(st.max));
    }
    return best;
}
}  // namespace

TEST_F(Week, KpiIndexGivesThePm25MaximumOfAScanAtEveryQuarterHour) {
    KpiIndex index(data);
    ASSERT_TRUE(index.hasPm25);
    EXPECT_EQ(index.pm25.grids.size(), 1u);  // the week's air sensors share one 5-minute grid
    for (int64_t t = data.startMs - 3600000; t <= data.endMs + 3600000; t += 15 * 60000) {
        int64_t day = startOfLocalDayMs(t, data.utcOffsetMinutes);
        ASSERT_DOUBLE_EQ(index.pm25Max(day, t), pm25MaxByScan(data, day, t)) << t;
    }
}

TEST(KpiIndex, MixedGridsIrregularSeriesAndGapsAgreeWithAScan) {
    Dataset d;
    for (int i = 0; i < 4; ++i) {
        Sensor s;
        s.id = "AIR-" + std::to_string(i);
        s.type = SensorType::air;
        d.sensors.push_back(s);
    }
    auto regular = [&](uint32_t sensor, int64_t start, int64_t step, std::vector<float> values) {
        Series s;
        s.sensor = sensor;
        s.metric = "pm25";
        s.startMs = start;
        s.stepMs = step;
        s.offset = uint32_t(d.values.size());
        s.count = uint32_t(values.size());
        d.values.insert(d.values.end(), values.begin(), values.end());
        d.series.push_back(s);
    };
    const float gap = std::numeric_limits<float>::quiet_NaN();
    regular(0, 1000, 100, {5, 9, gap, 7, 30});
    regular(1, 700, 100, {1, 2, 40, 3, 4, 6, 8, 2, 1});        // same grid, starts earlier, ends later
    regular(2, 1050, 100, {12, 50, 11});                         // a different grid (offset by half a step)
    regular(3, 1000 + 100 * 1000000, 100, {99});                 // same step, a million steps away: kept in the list
    Series irregular;
    irregular.sensor = 3;
    irregular.metric = "pm25";
    irregular.regular = false;
    irregular.offset = uint32_t(d.values.size());
    irregular.timeOffset = 0;
    irregular.count = 3;
    d.values.insert(d.values.end(), {20, gap, 45});
    d.timesMs = {1010, 1230, 1480};
    d.series.push_back(irregular);
    d.startMs = 700;
    d.endMs = 1000 + 100 * 1000000;
    KpiIndex index(d);
    EXPECT_EQ(index.pm25.grids.size(), 2u);
    EXPECT_EQ(index.pm25.irregular.size(), 3u);  // the far series' reading and the irregular series' two
    for (int64_t from = 600; from <= 1600; from += 37)
        for (int64_t to = from - 50; to <= 1700; to += 41)
            ASSERT_DOUBLE_EQ(index.pm25Max(from, to), pm25MaxByScan(d, from, to)) << from << ".." << to;
    EXPECT_DOUBLE_EQ(index.pm25Max(0, d.endMs), 99);
}
