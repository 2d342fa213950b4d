// viewer_test.cpp — the viewer without GL, natively: intents → state, loads that fail, seeks while playing,
// language and layers, the camera's fit and flight, and the Frame it hands the renderer.
#include "viewer.hpp"

#include "convert_util.hpp"
#include "test_util.hpp"
#include "time_util.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>

using namespace bk;
using Json = nlohmann::json;

namespace {

const char* kSensors = R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.9850, 37.5826]},
   "properties": {"id": "BIN-01", "type": "bin", "name_en": "Gahoe-dong bin", "name_ko": "가회동 쓰레기통"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.9830, 37.5800]},
   "properties": {"id": "FOOT-01", "type": "footfall", "name_en": "Alley counter", "name_ko": "골목 계수기"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.9870, 37.5790]},
   "properties": {"id": "PARK-01", "type": "parking", "name_en": "Anguk lot", "name_ko": "안국 주차장", "capacity": 20}}
]})";

// Three hours at one reading a minute, from 2026-05-11 00:00 KST, and two events.
std::string recording() {
    std::string fill, people, cars;
    for (int i = 0; i < 180; ++i) {
        fill += (i ? "," : "") + std::to_string(i / 2);
        people += (i ? "," : "") + std::to_string(20 + i % 7);
        cars += (i ? "," : "") + std::to_string(i % 20);
    }
    auto series = [](const char* sensor, const char* metric, const std::string& values) {
        return std::string("{\"sensor\": \"") + sensor + "\", \"metric\": \"" + metric +
               "\", \"start\": \"2026-05-11T00:00:00+09:00\", \"step_s\": 60, \"values\": [" + values + "]}";
    };
    return "{\"format\": \"bukchon-recording\", \"version\": 1, \"title\": \"Viewer test\", \"series\": [" +
           series("BIN-01", "fill", fill) + "," + series("FOOT-01", "people", people) + "," +
           series("PARK-01", "occupied", cars) + "], \"events\": [" +
           "{\"time\": \"2026-05-11T00:30:00+09:00\", \"sensor\": \"PARK-01\", \"kind\": \"illegal_stop\"}," +
           "{\"time\": \"2026-05-11T01:30:00+09:00\", \"sensor\": \"BIN-01\", \"kind\": \"overflow\"}]}";
}

constexpr int64_t kStartMs = 1778425200000;  // 2026-05-11T00:00:00+09:00

bool load(Viewer& v, const std::string& sensors = kSensors, const std::string& rec = recording()) {
    return loadJson(v, {{"sensors", "sensors.geojson", sensors}, {"recording", "recording.json", rec}});
}

Json state(Viewer& v) { return Json::parse(v.stateJson()); }

// A viewer with the test data, one frame drawn at 1280×720 CSS px on a 1× screen.
struct Loaded {
    Viewer v;
    Loaded() {
        EXPECT_TRUE(load(v)) << v.error();
        v.setReducedMotion(true);  // flights land at once
        v.update(0, 1280, 720, 1, 1);
    }
};

}  // namespace

TEST(Viewer, IntentsChangeTheState) {
    Loaded l;
    Json s = state(l.v);
    EXPECT_EQ(s["sensors"], 3);
    EXPECT_EQ(s["startMs"], double(kStartMs));
    EXPECT_FALSE(s["playing"].get<bool>());
    l.v.push(Intent::of(Intent::play));
    l.v.push(Intent::number(Intent::setSpeed, 60));
    l.v.push(Intent::number(Intent::seek, double(kStartMs + 3600000)));
    s = state(l.v);  // a read right after a write sees it
    EXPECT_TRUE(s["playing"].get<bool>());
    EXPECT_EQ(s["speed"], 60);
    EXPECT_EQ(s["timeMs"], double(kStartMs + 3600000));
    EXPECT_EQ(s["time"], "2026-05-11T01:00:00+09:00");
    l.v.push(Intent::named(Intent::select, "PARK-01"));
    EXPECT_EQ(state(l.v)["selected"], "PARK-01");
    l.v.push(Intent::named(Intent::select, "NOPE"));
    EXPECT_TRUE(state(l.v)["selected"].is_null());
    l.v.push(Intent::of(Intent::togglePlay));
    EXPECT_FALSE(state(l.v)["playing"].get<bool>());
}

// A New York log dropped with tz=America/New_York: the page sends the zone's transitions, the clock follows them.
TEST(Viewer, TheStateTimeCarriesTheOffsetInForceThen) {
    Viewer v;
    const nlohmann::json zone = nlohmann::json::parse(R"({"name": "America/New_York", "initial": -300,
        "transitions": [[1772953200000, -240], [1793512800000, -300]]})");  // 2026-03-08T07Z, 2026-11-01T06Z
    ASSERT_EQ(stageImported(v, {{"ny.csv", "time,id,lat,lon,v\n2026-01-10 09:00,A,40.7,-74.0,1\n2026-06-20 09:00,A,40.7,-74.0,2\n"
                                           "2026-11-20 09:00,A,40.7,-74.0,3\n"}}, {{"timeZone", zone}}), "");
    ASSERT_TRUE(v.commitStaged()) << v.error();
    v.update(0, 1280, 720, 1, 1);
    v.push(Intent::number(Intent::seek, double(*parseIsoTimeMs("2026-01-10T09:00:00-05:00"))));
    Json s = state(v);
    EXPECT_EQ(s["timeZone"], "America/New_York");
    EXPECT_EQ(s["time"], "2026-01-10T09:00:00-05:00");
    EXPECT_EQ(s["utcOffsetMinutes"], -300);
    v.push(Intent::number(Intent::seek, double(*parseIsoTimeMs("2026-06-20T09:00:00-04:00"))));
    s = state(v);
    EXPECT_EQ(s["time"], "2026-06-20T09:00:00-04:00");
    EXPECT_EQ(s["utcOffsetMinutes"], -240);
    v.push(Intent::number(Intent::seek, double(*parseIsoTimeMs("2026-11-20T09:00:00-05:00"))));
    EXPECT_EQ(state(v)["time"], "2026-11-20T09:00:00-05:00");
    ASSERT_TRUE(s["import"].is_object());
    EXPECT_NE(s["import"]["text"].get<std::string>().find("times in America/New_York: UTC-05:00 / -04:00 (daylight saving, 2 changes)"),
              std::string::npos) << s["import"]["text"];
    // Seoul stays one offset, and has no zone name.
    Loaded seoul;
    EXPECT_EQ(state(seoul.v)["timeZone"], "");
    EXPECT_EQ(state(seoul.v)["utcOffsetMinutes"], 540);
}

TEST(Viewer, AFailedLoadKeepsThePreviousDataAndSetsTheError) {
    Loaded l;
    l.v.push(Intent::named(Intent::select, "BIN-01"));
    const int version = l.v.dataVersion();
    EXPECT_FALSE(load(l.v, kSensors, "{\"format\": \"bukchon-recording\", \"version\": 1, \"series\": ["));
    Json s = state(l.v);
    EXPECT_EQ(s["sensors"], 3);
    EXPECT_EQ(s["title"], "Viewer test");
    EXPECT_EQ(s["selected"], "BIN-01");
    EXPECT_EQ(l.v.dataVersion(), version);
    ASSERT_TRUE(s["error"].is_string());
    EXPECT_NE(s["error"].get<std::string>().find("recording.json"), std::string::npos) << s["error"];
    // A good load replaces the data and clears the error.
    EXPECT_TRUE(load(l.v));
    s = state(l.v);
    EXPECT_TRUE(s["error"].is_null());
    EXPECT_EQ(l.v.dataVersion(), version + 1);
    EXPECT_TRUE(s["selected"].is_null());
}

TEST(Viewer, AJsonFileStagedAsItIsIsRefusedByNameAndTheDataStays) {
    // The viewer reads only its binaries; JSON goes through the "json" converter first (convert_util.hpp's loadJson).
    Loaded l;
    l.v.stageFile("sensors", "sensors.geojson", kSensors);
    l.v.stageFile("recording", "recording.json", recording());
    EXPECT_FALSE(l.v.commitStaged());
    EXPECT_EQ(l.v.error().rfind("recording.json: not a binary recording (.bkr)", 0), 0u) << l.v.error();
    l.v.stageFile("map", "map.geojson", readRepoFile("assets/bukchon/map.geojson"));
    EXPECT_FALSE(l.v.commitStaged());
    EXPECT_EQ(l.v.error().rfind("map.geojson: not a binary map (.bkm)", 0), 0u) << l.v.error();
    l.v.stageFile("sensors", "sensors.geojson", kSensors);
    EXPECT_FALSE(l.v.commitStaged());
    EXPECT_NE(l.v.error().find("sensors.geojson: "), std::string::npos) << l.v.error();
    EXPECT_EQ(state(l.v)["sensors"], 3);
    EXPECT_EQ(state(l.v)["title"], "Viewer test");
}

TEST(Viewer, AFileOverTheLimitIsRefusedBeforeParsing) {
    Loaded l;
    l.v.setMaxFileBytes(100);
    EXPECT_FALSE(load(l.v));
    EXPECT_NE(l.v.error().find("the limit is 0.0 MB"), std::string::npos) << l.v.error();
    EXPECT_EQ(state(l.v)["sensors"], 3);
}

TEST(Viewer, SeekWhilePlayingContinuesFromTheNewTime) {
    Loaded l;
    l.v.push(Intent::number(Intent::setSpeed, 60));
    l.v.push(Intent::of(Intent::play));
    l.v.update(1000, 1280, 720, 1, 1);  // one real second: one replay minute
    EXPECT_NEAR(state(l.v)["timeMs"].get<double>(), double(kStartMs + 60000), 1);
    l.v.push(Intent::number(Intent::seek, double(kStartMs + 7200000)));
    l.v.update(500, 1280, 720, 1, 1);
    Json s = state(l.v);
    EXPECT_TRUE(s["playing"].get<bool>());
    EXPECT_NEAR(s["timeMs"].get<double>(), double(kStartMs + 7200000 + 30000), 1);
}

TEST(Viewer, SpeedIsKeptInsideTheClocksLimits) {
    Loaded l;
    l.v.push(Intent::number(Intent::setSpeed, 1e9));
    EXPECT_EQ(state(l.v)["speed"], 100000);
    l.v.push(Intent::number(Intent::setSpeed, 0.001));
    EXPECT_NEAR(state(l.v)["speed"].get<double>(), 0.1, 1e-9);
}

TEST(Viewer, LanguageAndLayersChangeStateAndFrame) {
    Loaded l;
    l.v.setLanguage("ko");
    EXPECT_EQ(state(l.v)["lang"], "ko");
    l.v.update(16, 1280, 720, 1, 1);
    const Frame& all = l.v.frame(0);
    ASSERT_NE(all.panes[0].glyphs, nullptr);
    const size_t glyphs = all.panes[0].glyphs->size();
    EXPECT_GE(glyphs, 3u);
    EXPECT_FALSE(all.panes[0].heat->empty());  // the footfall counter's crowd
    // Hide footfall (SensorType order: bin, parking, noise, footfall, …): one glyph and the heat go.
    l.v.push(Intent::number(Intent::toggleLayer, double(int(SensorType::footfall))));
    l.v.update(16, 1280, 720, 1, 1);
    const Frame& fewer = l.v.frame(0);
    EXPECT_EQ(fewer.panes[0].glyphs->size(), glyphs - 1);
    EXPECT_TRUE(fewer.panes[0].heat->empty());
    Json layers = state(l.v)["layers"];
    EXPECT_EQ(std::find(layers.begin(), layers.end(), "footfall"), layers.end());
    EXPECT_NE(std::find(layers.begin(), layers.end(), "bin"), layers.end());
    // Only bins.
    l.v.push(Intent::number(Intent::setLayers, 1));
    EXPECT_EQ(state(l.v)["layers"], Json::array({"bin"}));
}

TEST(Viewer, TheFirstFrameFitsTheSensorsIntoTheFreeMapArea) {
    Loaded l;
    Json s = state(l.v);
    ASSERT_TRUE(s.contains("panels"));
    const Camera& cam = l.v.camera();
    ViewState view = l.v.viewState();
    const Rect& free = view.layout.map;
    for (const Vec2& p : *view.sensorPositions) {
        Vec2 px = cam.worldToScreen(p);
        EXPECT_GE(px.x, free.x - 1);
        EXPECT_LE(px.x, free.right() + 1);
        EXPECT_GE(px.y, free.y - 1);
        EXPECT_LE(px.y, free.bottom() + 1);
    }
    EXPECT_NEAR(s["view"]["lat"].get<double>(), 37.58, 0.01);
    EXPECT_NEAR(s["view"]["lon"].get<double>(), 126.985, 0.01);
}

TEST(Viewer, AFlightEndsOnTheSensorAndEasesOnTheWay) {
    Viewer v;
    ASSERT_TRUE(load(v));
    v.update(0, 1280, 720, 1, 1);
    ViewState view = v.viewState();
    const Rect free = view.layout.map;
    const Vec2 target = (*view.sensorPositions)[2];  // PARK-01
    v.push(Intent::named(Intent::flyToSensor, "PARK-01"));
    v.update(0, 1280, 720, 1, 1);
    const double startDistance = std::hypot(v.camera().worldToScreen(target).x - (free.x + free.w / 2),
                                            v.camera().worldToScreen(target).y - (free.y + free.h / 2));
    v.update(450, 1280, 720, 1, 1);  // half way (900 ms in all)
    Vec2 mid = v.camera().worldToScreen(target);
    const double midDistance = std::hypot(mid.x - (free.x + free.w / 2), mid.y - (free.y + free.h / 2));
    EXPECT_LT(midDistance, startDistance);
    EXPECT_GT(midDistance, 1.0);
    v.update(500, 1280, 720, 1, 1);
    Vec2 end = v.camera().worldToScreen(target);
    EXPECT_NEAR(end.x, free.x + free.w / 2, 1.0);
    EXPECT_NEAR(end.y, free.y + free.h / 2, 1.0);
    // Street level at least: 2.2 CSS px per metre.
    EXPECT_GE(state(v)["view"]["zoom"].get<double>(), 18.0);
}

TEST(Viewer, SetViewGoesToTheWebMapZoomAndResetFitsAgain) {
    Loaded l;
    const double fitted = state(l.v)["view"]["zoom"].get<double>();
    l.v.push(Intent::at(Intent::setView, 37.5800, 126.9840, 17.5));
    l.v.update(0, 1280, 720, 1, 1);
    Json s = state(l.v);
    EXPECT_NEAR(s["view"]["lat"].get<double>(), 37.5800, 1e-5);
    EXPECT_NEAR(s["view"]["lon"].get<double>(), 126.9840, 1e-5);
    EXPECT_NEAR(s["view"]["zoom"].get<double>(), 17.5, 1e-6);
    l.v.push(Intent::of(Intent::resetView));
    l.v.update(0, 1280, 720, 1, 1);
    EXPECT_NEAR(state(l.v)["view"]["zoom"].get<double>(), fitted, 1e-6);
}

TEST(Viewer, TheNextNotableEventSkipsRoutineOnes) {
    Loaded l;
    l.v.push(Intent::number(Intent::focusNextEvent, 1));
    Json s = state(l.v);
    // The illegal stop at 00:30 is routine; the overflow at 01:30 is the next notable event.
    EXPECT_EQ(s["time"], "2026-05-11T01:30:00+09:00");
    EXPECT_EQ(s["selected"], "BIN-01");
}

TEST(Viewer, TheFrameCarriesTheMapOncePerLoadAndTheDotMatrixWhenCrowded) {
    Loaded l;
    const Frame& f = l.v.frame(0);
    ASSERT_NE(f.map, nullptr);
    const uint64_t version = f.mapVersion;
    EXPECT_EQ(f.panes[0].density, nullptr);
    EXPECT_FLOAT_EQ(f.panes[0].view.viewportW, 1280);
    EXPECT_LT(f.panes[0].background[0], 0.2f);  // 00:00 in Seoul: the ink-blue night paper
    EXPECT_GT(state(l.v)["night"].get<double>(), 0.9);
    l.v.setDetailLimit(1);             // more than one glyph on screen: the dot matrix
    l.v.update(16, 1280, 720, 1, 1);
    const Frame& crowded = l.v.frame(0);
    EXPECT_NE(crowded.panes[0].density, nullptr);
    EXPECT_EQ(crowded.mapVersion, version);
    EXPECT_EQ(state(l.v)["detail"], "density");
    ASSERT_TRUE(load(l.v));
    l.v.update(16, 1280, 720, 1, 1);
    EXPECT_NE(l.v.frame(0).mapVersion, version);
}

TEST(Viewer, WithoutDataTheFrameIsOnlyTheClear) {
    Viewer v;
    v.update(16, 800, 600, 2, 2);
    const Frame& f = v.frame(0);
    EXPECT_EQ(f.map, nullptr);
    EXPECT_EQ(f.panes[0].glyphs, nullptr);
    EXPECT_EQ(state(v)["sensors"], 0);
}

TEST(Viewer, TheShippedBukchonRecordingOpensOnItsMap) {
    Viewer v;
    v.stageFile("map", "map.bkm", readRepoFile("assets/bukchon/map.bkm"));
    v.stageFile("recording", "recording.bkr", readRepoFile("assets/bukchon/recording.bkr"));
    ASSERT_TRUE(v.commitStaged()) << v.error();
    v.update(0, 1280, 720, 1, 1);
    Json s = state(v);
    EXPECT_EQ(s["basemap"], "map");
    EXPECT_TRUE(s["simulated"].get<bool>());
    EXPECT_GT(s["map"]["streets"].get<int>(), 100);
    EXPECT_EQ(s["map"]["attribution"], "© OpenStreetMap contributors");
    EXPECT_GE(s["sensors"].get<int>(), 50);
}

TEST(Viewer, AStraySensorDoesNotTakeTheViewAwayFromTheRest) {
    // 40 bins across Bukchon and one whose log put it on the other side of the world: the view frames the 40.
    std::string features, series;
    for (int i = 0; i <= 40; ++i) {
        const bool stray = i == 40;
        char f[400];
        std::snprintf(f, sizeof f, R"(%s{"type": "Feature", "geometry": {"type": "Point", "coordinates": [%.5f, %.5f]},
            "properties": {"id": "B-%d", "type": "bin"}})", i ? "," : "", stray ? -70.0 : 126.980 + 0.0002 * i,
                      stray ? -30.0 : 37.578 + 0.0001 * (i % 9), i);
        features += f;
        series += std::string(i ? "," : "") + "{\"sensor\": \"B-" + std::to_string(i) +
                  "\", \"metric\": \"fill\", \"start\": \"2026-05-11T00:00:00+09:00\", \"step_s\": 60, \"values\": [1, 2]}";
    }
    Viewer v;
    ASSERT_TRUE(load(v, "{\"type\": \"FeatureCollection\", \"features\": [" + features + "]}",
                     "{\"format\": \"bukchon-recording\", \"version\": 1, \"series\": [" + series + "]}"))
        << v.error();
    v.update(0, 1280, 720, 1, 1);
    Json s = state(v);
    EXPECT_NEAR(s["view"]["lat"].get<double>(), 37.5785, 0.005);
    EXPECT_NEAR(s["view"]["lon"].get<double>(), 126.984, 0.005);
    EXPECT_GT(s["view"]["zoom"].get<double>(), 14.0);  // a city's streets, not the globe
}

TEST(Viewer, TheShippedSimulationHasNoQualityIssues) {
    // The simulated week is clean by construction: a quality mark on it would be a false alarm in every demo.
    Viewer v;
    v.stageFile("map", "map.bkm", readRepoFile("assets/bukchon/map.bkm"));
    v.stageFile("recording", "recording.bkr", readRepoFile("assets/bukchon/recording.bkr"));
    ASSERT_TRUE(v.commitStaged()) << v.error();
    Json q = state(v)["quality"];
    EXPECT_EQ(q["gaps"], 0) << q.dump();
    EXPECT_EQ(q["stuck"], 0) << q.dump();
    EXPECT_EQ(q["impossible"], 0) << q.dump();
}

TEST(Viewer, AFilterChangesWhatIsDrawnPickedAndCounted) {
    Loaded l;
    auto glyphs = [&] {
        l.v.update(0, 1280, 720, 1, 1);
        return l.v.frame(0).panes[0].glyphs->size();
    };
    const size_t all = glyphs();
    Json s = state(l.v);
    EXPECT_EQ(s["filter"]["text"], "");
    EXPECT_EQ(s["filter"]["passing"], 3);
    EXPECT_FALSE(s["kpis"]["filtered"].get<bool>());
    EXPECT_EQ(s["kpis"]["bins"], 1);
    // At the start the bin is empty: "bins at 80 % or more" leaves it out of the map, the picking and the KPIs.
    ASSERT_TRUE(l.v.run(checkCommand("setFilter", CommandJson::array({"bin:fill>=50"}))));
    EXPECT_EQ(glyphs(), all - 1);
    s = state(l.v);
    EXPECT_EQ(s["filter"]["text"], "bin:fill>=50");
    EXPECT_EQ(s["filter"]["passing"], 2);
    EXPECT_EQ(s["filter"]["hidden"], 1);
    EXPECT_EQ(s["filter"]["clauses"][0]["metric"], "fill");
    EXPECT_EQ(s["filter"]["clauses"][0]["op"], ">=");
    EXPECT_EQ(s["filter"]["clauses"][0]["value"], 50);
    EXPECT_TRUE(s["kpis"]["filtered"].get<bool>());
    EXPECT_EQ(s["kpis"]["sensorsCounted"], 2);
    EXPECT_EQ(s["kpis"]["bins"], 0);
    Json at = Json::parse(l.v.screenPositionJson("BIN-01"));
    l.v.push(Intent::at(Intent::pickAt, at["x"].get<double>(), at["y"].get<double>()));
    EXPECT_TRUE(state(l.v)["selected"].is_null());
    // Two hours in, the bin is at 60 %: it passes again (filters follow the replay time).
    l.v.push(Intent::number(Intent::seek, double(kStartMs + 120 * 60000)));
    EXPECT_EQ(glyphs(), all);
    EXPECT_EQ(state(l.v)["kpis"]["bins"], 1);
    // The selected sensor stays drawn when it fails (its card is open), but is not counted.
    l.v.push(Intent::number(Intent::seek, double(kStartMs)));
    l.v.push(Intent::named(Intent::select, "BIN-01"));
    EXPECT_EQ(glyphs(), all);
    EXPECT_EQ(state(l.v)["kpis"]["bins"], 0);
    // A metric the data lacks is a note; clearing restores everything.
    l.v.push(Intent::named(Intent::setFilter, "parking:hide,bin:weight>2"));
    s = state(l.v);
    EXPECT_EQ(s["filter"]["clauses"][1]["note"], "no bin sensor has \"weight\": this hides them all");
    EXPECT_TRUE(s["filter"]["clauses"][0]["note"].is_null());
    ASSERT_TRUE(l.v.run(checkCommand("setFilter", CommandJson::array({nullptr}))));
    l.v.push(Intent::named(Intent::select, ""));
    EXPECT_EQ(glyphs(), all);
    s = state(l.v);
    EXPECT_EQ(s["filter"]["clauses"].size(), 0u);
    EXPECT_FALSE(s["kpis"]["filtered"].get<bool>());
}

TEST(Viewer, FiltersAreKeptAcrossLoads) {
    Loaded l;
    l.v.push(Intent::named(Intent::setFilter, "footfall:hide"));
    l.v.update(0, 1280, 720, 1, 1);
    EXPECT_TRUE(load(l.v));
    l.v.update(0, 1280, 720, 1, 1);
    Json s = state(l.v);
    EXPECT_EQ(s["filter"]["text"], "footfall:hide");
    EXPECT_EQ(s["filter"]["passing"], 2);
    EXPECT_TRUE(l.v.frame(0).panes[0].heat->empty());  // the hidden counter's crowd is not drawn either
}

// The page's accessible twin reads the panels' facts from the state, in the viewer's language.
TEST(ViewerTwin, TheStateSaysWhatThePanelsShow) {
    Loaded l;
    l.v.push(Intent::number(Intent::seek, double(kStartMs + 2 * 3600000)));
    Json twin = state(l.v)["twin"];
    EXPECT_EQ(twin["speeds"], Json::parse("[1, 10, 60, 600, 3600]"));
    EXPECT_EQ(twin["legend"], Json::parse(R"([{"layer": "bin", "sensors": 1}, {"layer": "parking", "sensors": 1},
                                               {"layer": "footfall", "sensors": 1}, {"layer": "route", "sensors": 0}])"));
    EXPECT_EQ(twin["kpis"]["title"], "kpi.titleOther");  // the test data is not Bukchon's
    ASSERT_GE(twin["kpis"]["tiles"].size(), 2u);
    EXPECT_EQ(twin["kpis"]["tiles"][0]["label"]["key"], "kpi.binsOver80");
    EXPECT_EQ(twin["kpis"]["tiles"][0]["value"], "0/1");
    // The feed: the day's notable events (the overflow, and the bin reaching 80 % at 02:40, found in its fill);
    // the routine illegal stop only counted.
    ASSERT_EQ(twin["feed"]["events"].size(), 2u);
    EXPECT_EQ(twin["feed"]["events"][0]["kind"], "overflow");
    EXPECT_EQ(twin["feed"]["events"][0]["name"], "Gahoe-dong bin");
    EXPECT_EQ(twin["feed"]["events"][1]["kind"], "bin_full");
    EXPECT_EQ(twin["feed"]["routine"], 1);
    EXPECT_TRUE(twin["card"].is_null());

    l.v.push(Intent::named(Intent::select, "PARK-01"));
    Json card = state(l.v)["twin"]["card"];
    EXPECT_EQ(card["name"], "Anguk lot");
    EXPECT_EQ(card["otherName"], "안국 주차장");
    EXPECT_EQ(card["type"], "parking");
    EXPECT_EQ(card["value"]["key"], "value.spaces");
    EXPECT_EQ(card["value"]["args"]["capacity"], "20");
    ASSERT_EQ(card["events"].size(), 1u);  // its illegal stop that day
    l.v.setLanguage("ko");
    EXPECT_EQ(state(l.v)["twin"]["card"]["name"], "안국 주차장");

    // Activating an event in the twin's feed: the focusEvent command, as a click in the panel.
    const size_t overflow = twin["feed"]["events"][0]["index"].get<size_t>();
    ASSERT_TRUE(l.v.run(checkCommand("focusEvent", Json::array({overflow}))));
    Json s = state(l.v);
    EXPECT_EQ(s["time"], "2026-05-11T01:30:00+09:00");
    EXPECT_EQ(s["selected"], "BIN-01");
    EXPECT_EQ(s["twin"]["card"]["value"]["text"], "45 %");
}

// A bin log that records no events: its emptyings are found in the fill and are its collections, in the collection
// plan's recorded (fill-driven) trips and in the day's KPI, and the feed shows them.
TEST(Viewer, ABinLogsEmptyingsAreItsCollections) {
    std::string a, b;
    for (int i = 0; i < 480; ++i) {  // eight hours a minute apart: A emptied every hour, B every hour and a half
        a += (i ? "," : "") + std::to_string(20 + (i % 60));
        b += (i ? "," : "") + std::to_string(10 + ((i + 30) % 90) * 0.9);
    }
    auto series = [](const char* sensor, const std::string& values) {
        return std::string("{\"sensor\": \"") + sensor + "\", \"metric\": \"fill\", \"start\": \"2026-05-11T00:00:00+09:00\", "
               "\"step_s\": 60, \"values\": [" + values + "]}";
    };
    const std::string sensors = R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.9850, 37.5826]},
       "properties": {"id": "BIN-A", "type": "bin", "name_en": "A", "name_ko": "A"}},
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.9830, 37.5800]},
       "properties": {"id": "BIN-B", "type": "bin", "name_en": "B", "name_ko": "B"}}]})";
    const std::string rec = "{\"format\": \"bukchon-recording\", \"version\": 1, \"title\": \"Bin log\", \"series\": [" +
                            series("BIN-A", a) + "," + series("BIN-B", b) + "], \"events\": []}";
    Viewer v;
    ASSERT_TRUE(load(v, sensors, rec)) << v.error();
    v.push(Intent::number(Intent::seek, double(kStartMs + 8 * 3600000 - 60000)));
    Json s = state(v);
    // A at 01:00 … 07:00, B at 01:00, 02:30, 04:00, 05:30, 07:00: twelve emptyings in nine trips (one time, one trip).
    EXPECT_EQ(s["collection"]["week"]["fillDriven"]["trips"], 9) << s["collection"].dump();
    EXPECT_EQ(s["collection"]["week"]["fillDriven"]["binsEmptied"], 12);
    EXPECT_EQ(s["kpis"]["collectionsToday"], 12);
    EXPECT_TRUE(s["kpis"]["fromReadings"].get<bool>());  // it records no events itself
    // Emptied at 79 % (A) and 90 % (B): the median 79 is held at 80, so B's tops are "full" and A's are not.
    EXPECT_EQ(s["kpis"]["binsFullToday"], 1);
    // The card never says the truck was never called when the data shows it was.
    const Json& saving = s["collection"]["week"]["saving"];
    ASSERT_TRUE(saving.is_object()) << s["collection"].dump();  // the 06:00 round is in the recording
    EXPECT_FALSE(saving["noneFull"].get<bool>());

    // Other thresholds find other moments, and everything that counts them follows; the defaults bring them back.
    EXPECT_EQ(s["eventRules"]["text"], "");
    EXPECT_DOUBLE_EQ(s["eventRules"]["binFullPct"].get<double>(), 80);
    ASSERT_TRUE(v.run(checkCommand("setEventRules", CommandJson::array({"bin.full=75"}))));
    s = state(v);
    EXPECT_EQ(s["eventRules"]["text"], "bin.full=75");
    EXPECT_DOUBLE_EQ(s["eventRules"]["binFullPct"].get<double>(), 75);
    EXPECT_EQ(s["kpis"]["binsFullToday"], 2);  // A's 79 % tops are full now
    ASSERT_TRUE(v.run(checkCommand("setEventRules", CommandJson::array({"bin.emptied=95"}))));
    s = state(v);
    EXPECT_EQ(s["kpis"]["collectionsToday"], 0);  // no fall is that steep
    EXPECT_EQ(s["collection"]["week"]["fillDriven"]["trips"], 0);
    ASSERT_TRUE(v.run(checkCommand("setEventRules", CommandJson::array({nullptr}))));
    s = state(v);
    EXPECT_EQ(s["kpis"]["collectionsToday"], 12);
    EXPECT_EQ(s["kpis"]["binsFullToday"], 1);
}

TEST(Viewer, NewThresholdsKeepTheRecordingsOwnEventsAndApplyToTheNextLoad) {
    Loaded l;
    auto kindsOf = [&]() {
        l.v.stateJson();  // a read applies the intents pushed
        std::map<std::string, int> n;
        const Dataset* d = l.v.viewState().dataset;
        for (const Event& e : d->events) n[e.kind + (e.derived ? "*" : "")]++;
        return n;
    };
    const auto before = kindsOf();
    EXPECT_EQ(before.at("illegal_stop"), 1);
    EXPECT_EQ(before.at("overflow"), 1);
    ASSERT_TRUE(l.v.run(checkCommand("setEventRules", CommandJson::array({"bin.full=20"}))));
    const auto after = kindsOf();
    EXPECT_EQ(after.at("illegal_stop"), 1);  // recorded: kept, once
    EXPECT_EQ(after.at("overflow"), 1);
    auto fullAt = [&]() {
        l.v.stateJson();
        for (const Event& e : l.v.viewState().dataset->events)
            if (e.kind == "bin_full") return (e.timeMs - kStartMs) / 60000;
        return int64_t(-1);
    };
    EXPECT_EQ(fullAt(), 40);                 // fill i/2: 20 % at minute 40
    ASSERT_TRUE(l.v.run(checkCommand("setEventRules", CommandJson::array({""}))));
    EXPECT_EQ(fullAt(), 160);                // 80 % at minute 160
    EXPECT_EQ(kindsOf(), before);
    ASSERT_TRUE(l.v.run(checkCommand("setEventRules", CommandJson::array({"bin.full=20"}))));
    ASSERT_TRUE(load(l.v));
    EXPECT_EQ(kindsOf(), after);             // kept across loads
}
