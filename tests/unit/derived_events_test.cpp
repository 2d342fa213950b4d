// derived_events_test.cpp — events found in generated readings of each quantity, not doubled, never written back.
#include "derived_events.hpp"

#include "binary_format.hpp"
#include "quality.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

using namespace bk;

namespace {

constexpr int64_t kStartMs = 1778425200000;  // 2026-05-11T00:00:00+09:00 (a local midnight)
constexpr int64_t kStepMs = 300000;          // 5 minutes

struct Builder {
    Dataset d;
    Builder() { d.utcOffsetMinutes = 540; }
    uint32_t sensor(SensorType type, double capacity = 0) {
        Sensor s;
        s.type = type;
        s.typeName = sensorTypeInfo(type).name;
        s.id = s.typeName + std::to_string(d.sensors.size());
        s.position = {37.58, 126.98};
        s.capacity = capacity;
        d.sensors.push_back(s);
        return uint32_t(d.sensors.size() - 1);
    }
    // A regular series from kStartMs at 5 minutes.
    void series(uint32_t sensor, const char* metric, const std::vector<double>& values, const char* unit = "",
                std::vector<std::string> levels = {}) {
        Series s;
        s.sensor = sensor;
        s.metric = metric;
        s.unit = unit;
        s.startMs = kStartMs;
        s.stepMs = kStepMs;
        s.offset = uint32_t(d.values.size());
        s.count = uint32_t(values.size());
        s.levels = std::move(levels);
        for (double v : values) d.values.push_back(float(v));
        d.series.push_back(std::move(s));
    }
    Dataset done() {
        finishDataset(d);
        return std::move(d);
    }
};

std::vector<Event> derive(const Dataset& d) { return deriveEvents(d, checkQuality(d)); }

std::map<std::string, int> kinds(const std::vector<Event>& events) {
    std::map<std::string, int> n;
    for (const Event& e : events) ++n[e.kind];
    return n;
}

int64_t at(int step) { return kStartMs + int64_t(step) * kStepMs; }

}  // namespace

TEST(DerivedEvents, ABinFillsUpAndIsEmptied) {
    Builder b;
    const uint32_t bin = b.sensor(SensorType::bin);
    std::vector<double> fill;
    for (int i = 0; i < 20; ++i) fill.push_back(10 + 5 * i);  // 10 … 105: reaches 80 at step 14
    fill.push_back(6);                                        // emptied at step 20
    for (int i = 0; i < 5; ++i) fill.push_back(10 + i);
    b.series(bin, "fill", fill, "%");
    const std::vector<Event> e = derive(b.done());
    ASSERT_EQ(e.size(), 2u);
    EXPECT_EQ(e[0].kind, "bin_full");
    EXPECT_EQ(e[0].timeMs, at(14));
    EXPECT_TRUE(e[0].derived);
    EXPECT_EQ(e[1].kind, "collection");
    EXPECT_EQ(e[1].timeMs, at(20));
    EXPECT_DOUBLE_EQ(e[1].value, 105);  // the fill it was emptied at
}

// A city's bins emptied at 95 % are full at 95 %, not at the 99.5 % they never reach; a bin log that empties too
// few keeps 99.5; a practice of emptying below 80 % is held at 80 (where "bin_full" starts).
TEST(DerivedEvents, BinsAreFullWhereTheDataEmptiesThem) {
    auto emptiedAt = [](std::vector<double> tops) {
        Builder b;
        for (double top : tops) {
            const uint32_t bin = b.sensor(SensorType::bin);
            std::vector<double> fill;
            for (int round = 0; round < 2; ++round)
                for (int i = 0; i <= 10; ++i) fill.push_back(5 + (top - 5) * i / 10);  // 5 … top, then emptied
            fill.push_back(5);
            b.series(bin, "fill", fill, "%");
        }
        Dataset d = b.done();
        return binFullLevel(d);
    };
    EXPECT_DOUBLE_EQ(emptiedAt({95, 95, 95}), 95);
    EXPECT_DOUBLE_EQ(emptiedAt({90, 95, 97}), 95);   // the median
    EXPECT_DOUBLE_EQ(emptiedAt({60, 65, 70}), 80);   // held at 80
    EXPECT_DOUBLE_EQ(emptiedAt({100, 100, 100}), 99.5);
    EXPECT_DOUBLE_EQ(emptiedAt({95}), 99.5);         // one bin emptied twice: too few to say
    Builder none;
    none.series(none.sensor(SensorType::bin), "fill", {10, 50, 95, 96}, "%");
    Dataset d = none.done();
    EXPECT_DOUBLE_EQ(binFullLevel(d), 99.5);         // never emptied: the fixed 99.5
    addDerivedEvents(d, checkQuality(d));
    EXPECT_DOUBLE_EQ(d.binFullPct, 99.5);
}

TEST(DerivedEvents, ALevelBinIsFullAtItsTopLevel) {
    Builder b;
    const uint32_t bin = b.sensor(SensorType::bin);
    b.series(bin, "fill", {0, 1, 1, 2, 2, 0, 1}, "", {"GREEN", "YELLOW", "RED"});
    const auto n = kinds(derive(b.done()));
    EXPECT_EQ(n.at("bin_full"), 1);
    EXPECT_EQ(n.at("collection"), 1);
}

TEST(DerivedEvents, ALotIsFullAndFreeAgain) {
    Builder b;
    const uint32_t lot = b.sensor(SensorType::parking, 10);
    b.series(lot, "occupied", {4, 8, 10, 10, 9, 10, 7}, "spaces");
    const std::vector<Event> e = derive(b.done());
    ASSERT_EQ(kinds(e), (std::map<std::string, int>{{"lot_free", 2}, {"lot_full", 2}}));
    EXPECT_EQ(e[0].kind, "lot_full");
    EXPECT_EQ(e[0].timeMs, at(2));
    EXPECT_EQ(e[1].kind, "lot_free");
    EXPECT_EQ(e[1].timeMs, at(4));
}

TEST(DerivedEvents, NoiseIsHeldToTheDayOrTheNightLimit) {
    Builder b;
    const uint32_t noise = b.sensor(SensorType::noise);
    // 50 dB: over the 45 dB night limit at midnight, under the 55 dB day limit at noon.
    std::vector<double> db(24 * 12, 40);
    for (int i = 0; i < 4; ++i) db[size_t(i)] = 50;           // 00:00–00:15 local
    for (int i = 0; i < 4; ++i) db[size_t(144 + i)] = 50;     // 12:00–12:15 local
    db[200] = 70;                                             // one reading alone is not a violation
    b.series(noise, "noise", db, "dB");
    const std::vector<Event> e = derive(b.done());
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].kind, "noise_violation");
    EXPECT_EQ(e[0].timeMs, at(0));  // from the stretch's first reading
}

TEST(DerivedEvents, AirEntersWorseBands) {
    Builder b;
    const uint32_t air = b.sensor(SensorType::air);
    b.series(air, "pm25", {10, 20, 34, 36, 40, 80, 90, 30, 28, 36, 40, 10, 60, 10, 10}, "µg/m³");
    const std::vector<Event> e = derive(b.done());
    // Two readings in a row make a band: moderate from 20, bad from 36, very bad from 80; back to moderate at 30
    // (well inside it), bad again from 36. The lone 60 after 10 is a spike, not a change.
    std::vector<std::string> got;
    for (const Event& x : e) got.push_back(x.kind + "@" + std::to_string((x.timeMs - kStartMs) / kStepMs));
    EXPECT_EQ(got, (std::vector<std::string>{"air_worse@1", "air_bad@3", "air_bad@5", "air_bad@9"}));
    EXPECT_NE(e[2].note.find("very bad"), std::string::npos);
}

TEST(DerivedEvents, AFireSensorRaisesOneAlarmAndClearsIt) {
    Builder b;
    const uint32_t fire = b.sensor(SensorType::fire);
    b.series(fire, "temperature", {20, 20, 70, 80, 30, 20}, "°C");
    b.series(fire, "smoke", {0.05, 0.05, 5, 9, 1, 0.05}, "%/m");
    const auto n = kinds(derive(b.done()));
    EXPECT_EQ(n, (std::map<std::string, int>{{"alarm_cleared", 1}, {"fire_alarm", 1}}));
}

TEST(DerivedEvents, ASensorGoneSilentIsAnEvent) {
    Builder b;
    const uint32_t foot = b.sensor(SensorType::footfall);
    std::vector<double> v(100, 30);
    for (int i = 40; i < 80; ++i) v[size_t(i)] = NAN;  // 3 h 20 min without a reading
    b.series(foot, "footfall", v, "people/h");
    const std::vector<Event> e = derive(b.done());
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].kind, "sensor_silent");
    EXPECT_EQ(e[0].timeMs, at(39));
}

// The recording is the authority on what it records: a kind it has is not derived again; other kinds are.
TEST(DerivedEvents, KindsTheRecordingHasAreNotDoubled) {
    Builder b;
    const uint32_t bin = b.sensor(SensorType::bin);
    b.series(bin, "fill", {10, 50, 90, 5, 50, 90, 5}, "%");
    b.d.events.push_back({at(3), bin, "collection", 90, "recorded"});
    Dataset d = b.done();
    addDerivedEvents(d, checkQuality(d));
    const auto n = kinds(d.events);
    EXPECT_EQ(n.at("collection"), 1);  // the recorded one only
    EXPECT_EQ(n.at("bin_full"), 2);
    for (size_t i = 1; i < d.events.size(); ++i) EXPECT_LE(d.events[i - 1].timeMs, d.events[i].timeMs);
}

TEST(DerivedEvents, AreNeverWrittenBackIntoARecording) {
    Builder b;
    const uint32_t bin = b.sensor(SensorType::bin);
    b.series(bin, "fill", {10, 50, 90, 5}, "%");
    b.d.events.push_back({at(1), bin, "overflow", 50, ""});
    Dataset d = b.done();
    addDerivedEvents(d, checkQuality(d));
    ASSERT_EQ(d.events.size(), 3u);
    auto back = loadBinaryRecording(writeBinaryRecording(d), "x.bkr");
    ASSERT_TRUE(back) << back.error().describe();
    ASSERT_EQ(back->events.size(), 1u);
    EXPECT_EQ(back->events[0].kind, "overflow");
    // Loaded again, the same events are found again.
    Dataset again = std::move(back.value());
    addDerivedEvents(again, checkQuality(again));
    EXPECT_EQ(kinds(again.events), kinds(d.events));
}

// ---- the thresholds' text form (event_rules.hpp) and what a change does ------------------------------------------

TEST(EventRules, TheTextFormReadsOverTheDefaultsAndWritesOnlyWhatDiffers) {
    EXPECT_EQ(formatEventRules(EventRules{}), "");
    const EventRulesParse p = parseEventRules(" noise.night = 50, day=7-22 ,pm25=15/25/50,noise.minutes=5,bin.full=90,,");
    ASSERT_TRUE(p.ok()) << p.error;
    EXPECT_EQ(p.rules.noiseNightDb, 50);
    EXPECT_EQ(p.rules.noiseDayDb, 55);  // not given: the default
    EXPECT_EQ(p.rules.dayStartHour, 7);
    EXPECT_EQ(p.rules.nightStartHour, 22);
    EXPECT_EQ(p.rules.pm25Bands[1], 25);
    EXPECT_EQ(p.rules.noiseMinMs, 5 * 60000);
    EXPECT_TRUE(p.rules.binFullGiven);
    const std::string canonical = "bin.full=90,noise.night=50,day=7-22,noise.minutes=5,pm25=15/25/50";
    EXPECT_EQ(formatEventRules(p.rules), canonical);
    EXPECT_EQ(formatEventRules(parseEventRules(canonical).rules), canonical);
    EXPECT_EQ(formatEventRules(parseEventRules("noise.day=55,heat=60.5").rules), "heat=60.5");  // 55 is the default
}

TEST(EventRules, ABadPairIsRefusedWithWhatWasExpected) {
    auto error = [](const char* text) { return parseEventRules(text).error; };
    EXPECT_EQ(error("noise.night=loud"), "noise.night: expected decibels from 20 to 140, got \"loud\"");
    EXPECT_EQ(error("pm25=35/15/75"), "pm25: expected three rising limits in µg/m³ as A/B/C (\"15/35/75\"), got \"35/15/75\"");
    EXPECT_EQ(error("pm10=30/80"), "pm10: expected three rising limits in µg/m³ as A/B/C (\"30/80/150\"), got \"30/80\"");
    EXPECT_EQ(error("day=6-6"), "day: expected the day's hours as START-END, each 0 to 23 and not equal (\"6-22\"), got \"6-6\"");
    EXPECT_NE(error("day=6.5-22"), "");
    EXPECT_EQ(error("bin.full=100"), "bin.full: expected a fill in % from 1 to 99.5, got \"100\"");
    EXPECT_EQ(error("noise.day=50,noise.day=60"), "noise.day: given twice (keep one)");
    EXPECT_EQ(error("nois.night=50"), "\"nois.night=50\": expected key=value with a key among bin.full, bin.emptied, "
                                      "noise.day, noise.night, day, noise.minutes, pm25, pm10, smoke, heat");
    EXPECT_NE(error("noise.night"), "");
    EXPECT_EQ(error(std::string(600, ' ').c_str()), "expected at most 512 bytes of rules, got 600");
}

TEST(EventRules, TheDayMayRunPastMidnight) {
    EventRules r = parseEventRules("day=7-1,noise.day=60,noise.night=50").rules;
    EXPECT_EQ(r.noiseLimitAt(0), 60);  // still day at half past midnight
    EXPECT_EQ(r.noiseLimitAt(1), 50);
    EXPECT_EQ(r.noiseLimitAt(6), 50);
    EXPECT_EQ(r.noiseLimitAt(7), 60);
    EXPECT_EQ(EventRules{}.noiseLimitAt(5), 45);
    EXPECT_EQ(EventRules{}.noiseLimitAt(6), 55);
    EXPECT_EQ(EventRules{}.noiseLimitAt(22), 45);
}

TEST(EventRules, OtherThresholdsFindOtherMoments) {
    Builder b;
    const uint32_t noise = b.sensor(SensorType::noise);
    std::vector<double> db(24 * 12, 40);
    for (int i = 0; i < 4; ++i) db[size_t(i)] = 50;        // 00:00–00:15 local: over 45 at night, not over 55
    for (int i = 0; i < 4; ++i) db[size_t(144 + i)] = 50;  // 12:00–12:15: under 55 by day
    b.series(noise, "noise", db, "dB");
    const uint32_t bin = b.sensor(SensorType::bin);
    b.series(bin, "fill", {10, 50, 85, 5, 50, 85, 5, 40, 85, 5}, "%");
    Dataset d = b.done();
    const QualityReport q = checkQuality(d);
    auto count = [&](const char* rules) {
        return kinds(deriveEvents(d, q, parseEventRules(rules).rules));
    };
    EXPECT_EQ(count("").at("noise_violation"), 1);
    EXPECT_EQ(count("noise.night=55,noise.day=45").at("noise_violation"), 1);  // the noon stretch now, not midnight's
    EXPECT_EQ(count("noise.night=55").count("noise_violation"), 0u);
    EXPECT_EQ(count("noise.day=45,noise.night=45").at("noise_violation"), 2);
    EXPECT_EQ(count("").at("bin_full"), 3);
    EXPECT_EQ(count("bin.full=90").count("bin_full"), 0u);
    EXPECT_EQ(count("").at("collection"), 3);
    EXPECT_EQ(count("bin.emptied=90").count("collection"), 0u);
    // bin.full given is where full is, whatever the data empties at.
    EXPECT_DOUBLE_EQ(binFullLevel(d, parseEventRules("bin.full=70").rules), 70);
}
