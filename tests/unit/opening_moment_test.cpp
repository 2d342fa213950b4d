// opening_moment_test.cpp — where a recording opens when nobody asks: its own "open_at", else its busiest daytime
// hour, by day, with KPIs that say something; t= still wins (it is a seek after the load).
#include "opening_moment.hpp"
#include "viewer.hpp"

#include "convert_util.hpp"
#include "test_util.hpp"
#include "time_util.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace bk;

namespace {

nlohmann::json bukchonState(const std::string& recording) {
    Viewer v;
    EXPECT_TRUE(loadJson(v, {{"map", "map.geojson", readRepoFile("assets/bukchon/map.geojson")},
                             {"sensors", "sensors.geojson", readRepoFile("assets/bukchon/sensors.geojson")},
                             {"recording", "recording.json", recording}}))
        << v.error();
    v.update(16, 1280, 720, 1, 1);
    return nlohmann::json::parse(v.stateJson());
}

}  // namespace

TEST(OpeningMoment, TheBukchonWeekOpensOnItsBusiestDaytimeHourWithKpisThatSaySomething) {
    nlohmann::json s = bukchonState(readRepoFile("assets/bukchon/recording.json"));
    const std::string time = s["time"];  // "2026-05-16T14:00:00+09:00"
    const int hour = std::stoi(time.substr(11, 2));
    EXPECT_GE(hour, 10) << time;
    EXPECT_LE(hour, 17) << time;
    EXPECT_EQ(time.substr(13, 6), ":00:00") << "a whole hour";
    EXPECT_GT(s["timeMs"].get<double>(), s["startMs"].get<double>());
    EXPECT_LT(s["night"].get<double>(), 0.1) << "by day";
    const auto& k = s["kpis"];
    EXPECT_GT(k["binsOver80"].get<int>(), 0) << time << " " << k.dump();
    EXPECT_GT(k["noiseViolationsToday"].get<int>(), 0) << time << " " << k.dump();
    EXPECT_GT(k["parkingOccupancyPct"].get<double>(), 50) << k.dump();
}

TEST(OpeningMoment, ARecordingsOwnChoiceWinsAndMustLieInTheRecording) {
    std::string rec = readRepoFile("assets/bukchon/recording.json");
    const std::string open = R"({"open_at": "2026-05-13T08:15:00+09:00", )";
    std::string chosen = rec;
    chosen.replace(chosen.find('{'), 1, open);
    EXPECT_EQ(bukchonState(chosen)["time"], "2026-05-13T08:15:00+09:00");

    std::string outside = rec;
    outside.replace(outside.find('{'), 1, R"({"open_at": "2027-01-01T00:00:00+09:00", )");
    Viewer v;
    EXPECT_FALSE(loadJson(v, {{"sensors", "sensors.geojson", readRepoFile("assets/bukchon/sensors.geojson")},
                              {"recording", "recording.json", outside}}));
    EXPECT_NE(v.error().find("recording.json line 1, open_at: the moment to open on must lie in the recording"), std::string::npos)
        << v.error();
}

TEST(OpeningMoment, ARecordingWithoutDaytimeOpensAtItsStart) {
    Dataset d;
    d.startMs = *parseIsoTimeMs("2026-05-11T20:00:00+09:00");
    d.endMs = *parseIsoTimeMs("2026-05-12T06:00:00+09:00");
    EXPECT_EQ(openingMomentMs(d), d.startMs);
}
