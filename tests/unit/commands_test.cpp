// commands_test.cpp — the one command table: its checks, where each command runs, the keys, the start commands,
// and the viewer running what the table hands it.
#include "commands.hpp"
#include "param_rules.hpp"
#include "viewer.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace bk;
using Json = CommandJson;

TEST(Commands, EveryWayInAgreesOnSpeed) {
    // One rule for setSpeed, whatever the caller: a method, postMessage, the URL at start.
    for (double bad : {0.0, -1.0, 0.05, 100001.0}) {
        CheckedCommand c = checkCommand("setSpeed", Json::array({bad}));
        EXPECT_FALSE(c.ok()) << bad;
        EXPECT_EQ(c.error.rfind("setSpeed: expected a number from 0.1 to 100000", 0), 0u) << c.error;
    }
    EXPECT_TRUE(checkCommand("setSpeed", Json::array({0.1})).ok());
    EXPECT_TRUE(checkCommand("setSpeed", Json::array({100000})).ok());
    EXPECT_EQ(startCommands(Json{{"speed", -1}}).size(), 0u);
    EXPECT_EQ(startCommands(Json{{"speed", 600}}), Json::parse(R"([["setSpeed", [600]]])"));
    EXPECT_EQ(rules::kMinSpeed, Clock::kMinSpeed);
    EXPECT_EQ(rules::kMaxSpeed, Clock::kMaxSpeed);
}

TEST(Commands, TheTableNamesEachCommandOnceAndEmbedsOnlyTheDocumentedOnes) {
    const std::set<std::string> embeddable = {"play", "pause", "seek", "setSpeed", "setLoop", "setLanguage",
                                              "setLayers", "select", "flyTo", "resetView", "load", "screenshot",
                                              "getState", "setUi", "setPalette", "setDetail"};
    for (const char* name : {"play", "pause", "togglePlay", "seek", "seekBy", "setSpeed", "speedStep", "setLoop",
                             "toggleLoop", "setLayers", "toggleLayer", "select", "flyTo", "resetView", "zoomBy",
                              "nextEvent", "focusEvent", "selectNext", "setUi", "setPalette", "setDetail", "setLimits", "getState",
                              "setLanguage", "load", "screenshot", "record", "exportVideo", "videoDialog", "fullscreen",
                              "step", "help", "escape"}) {
        const CommandSpec* c = findCommand(name);
        ASSERT_NE(c, nullptr) << name;
        EXPECT_EQ(c->embeddable, embeddable.count(name) == 1) << name;
    }
    EXPECT_EQ(findCommand("destroy"), nullptr);
    EXPECT_EQ(checkCommand("rm", Json::array()).error, "unknown command \"rm\"");
}

TEST(Commands, ArgumentsAreNormalized) {
    EXPECT_EQ(checkCommand("nextEvent", Json::array()).args, Json::array({1}));
    EXPECT_EQ(checkCommand("setImportZone", Json::array({"Europe/Lisbon"})).args, Json::array({"Europe/Lisbon"}));
    EXPECT_EQ(checkCommand("setImportZone", Json::array({""})).args, Json::array({""}));
    EXPECT_EQ(checkCommand("setImportZone", Json::array({9})).error,
              "setImportZone: expected a time zone name (\"Europe/Lisbon\"), an offset (\"+09:00\") or \"\" (where the "
              "sensors stand), got 9");
    // The offline copy: whether it downloads, and the languages whose fonts it carries.
    EXPECT_EQ(checkCommand("saveOffline", Json::array()).args, Json::parse(R"([{"download": true, "languages": []}])"));
    EXPECT_EQ(checkCommand("saveOffline", Json::parse(R"([{"download": false, "languages": ["th", "ar"]}])")).args,
              Json::parse(R"([{"download": false, "languages": ["th", "ar"]}])"));
    EXPECT_EQ(checkCommand("saveOffline", Json::parse(R"([{"languages": "th"}])")).error,
              "saveOffline: expected {download: true or false, languages: [\"th\", …]}, got {\"languages\":\"th\"}");
    EXPECT_FALSE(checkCommand("saveOffline", Json::parse(R"([{"languages": [""]}])")).ok());
    EXPECT_FALSE(checkCommand("saveOffline", Json::parse(R"([{"languages": ["th\n"]}])")).ok());
    EXPECT_FALSE(checkCommand("saveOffline", Json::array({7})).ok());
    EXPECT_EQ(checkCommand("nextEvent", Json::array({-7})).args, Json::array({-1}));
    EXPECT_FALSE(checkCommand("nextEvent", Json::array({"back"})).ok());
    EXPECT_EQ(checkCommand("focusEvent", Json::array({12})).args, Json::array({12}));
    EXPECT_EQ(checkCommand("focusEvent", Json::array({1.5})).error,
              "focusEvent: expected an event index (a whole number from 0), got 1.5");
    EXPECT_FALSE(checkCommand("focusEvent", Json::array({-1})).ok());
    EXPECT_EQ(checkCommand("seek", Json::array({"2026-05-11T00:00:00+09:00"})).args, Json::array({1778425200000}));
    EXPECT_EQ(checkCommand("record", Json::array()).args, Json::parse(R"([5, {"fps": 30}])"));
    EXPECT_FALSE(checkCommand("record", Json::array({5, Json{{"fps", 240}}})).ok());
    EXPECT_FALSE(checkCommand("zoomBy", Json::array({0})).ok());
    EXPECT_FALSE(checkCommand("setLimits", Json::array({Json{{"maxFileBytes", -1}}})).ok());
    EXPECT_EQ(checkCommand("setLayers", Json::array({Json::array({"bin", "bin", "route"})})).args,
              Json::parse(R"([["bin", "route"]])"));
    const std::string json = checkedCommandJson(checkCommand("zoomBy", Json::array({2})), "zoomBy");
    EXPECT_EQ(json, R"({"status":"ok","runs":"viewer","cmd":"zoomBy","args":[2]})");
}

TEST(Commands, LayerNamesAreTheSensorTypesThenTheRoute) {
    ASSERT_EQ(rules::kLayerCount, size_t(kSensorTypeCount + 1));
    for (int t = 0; t < kSensorTypeCount; ++t) EXPECT_STREQ(rules::layerName(size_t(t)), sensorTypeInfo(SensorType(t)).name);
    EXPECT_STREQ(rules::layerName(size_t(kRouteLayerBit)), "route");
    EXPECT_EQ(rules::layerList(), "bin, parking, noise, footfall, air, fire, other, route");
    EXPECT_EQ(rules::layerBit("route"), kRouteLayerBit);
    EXPECT_EQ(rules::layerBit("trees"), -1);
}

TEST(Commands, TheKeyTable) {
    auto key = [](const char* k, bool shift = false) {
        auto c = commandForKey(k, shift);
        return c ? Json::array({c->cmd, c->args}) : Json();
    };
    EXPECT_EQ(key(" "), Json::parse(R"(["togglePlay", []])"));
    EXPECT_EQ(key("ArrowRight"), Json::parse(R"(["step", [1, 900000]])"));
    EXPECT_EQ(key("ArrowLeft", true), Json::parse(R"(["step", [-1, 3600000]])"));
    // Right to left (Arabic), the timeline runs from the right: → steps back, ← forward.
    EXPECT_EQ(commandForKey("ArrowRight", false, true)->args, Json::parse(R"([-1, 900000])"));
    EXPECT_EQ(commandForKey("ArrowLeft", true, true)->args, Json::parse(R"([1, 3600000])"));
    EXPECT_EQ(key("3"), Json::parse(R"(["toggleLayer", ["noise"]])"));
    EXPECT_EQ(key("7"), Json::parse(R"(["toggleLayer", ["route"]])"));
    EXPECT_EQ(key("N"), Json::parse(R"(["nextEvent", [-1]])"));
    EXPECT_EQ(key("]"), Json::parse(R"(["speedStep", [1]])"));
    EXPECT_EQ(key("v"), Json::parse(R"(["videoDialog", []])"));  // the export dialog, beside full screen
    EXPECT_TRUE(key("x").is_null());
    EXPECT_TRUE(key("Tab").is_null());  // keyboard users move between controls with it
    // Every key's command passes its own check.
    for (const char* k : {" ", "ArrowRight", "+", "-", "0", "1", "7", "f", "?", "Escape", "[", "]", "n", "S", "l", "V"}) {
        auto c = commandForKey(k, false);
        ASSERT_TRUE(c) << k;
        EXPECT_TRUE(checkCommand(c->cmd, c->args).ok()) << k;
    }
    EXPECT_EQ(keyHelpRows().size(), 11u);
}

TEST(Commands, SpeedStepsThroughTheTimelinesSpeeds) {
    EXPECT_EQ(Clock::steppedSpeed(60, 1), 600);
    EXPECT_EQ(Clock::steppedSpeed(60, -1), 10);
    EXPECT_EQ(Clock::steppedSpeed(3600, 1), 3600);
    EXPECT_EQ(Clock::steppedSpeed(1, -1), 1);
    EXPECT_EQ(Clock::steppedSpeed(100, 1), 3600);  // between steps: from the next one up
    EXPECT_EQ(Clock::steppedSpeed(100000, -1), 600);
}

TEST(Commands, StartCommandsComeInTheOrderTheyApply) {
    Json options = Json::parse(R"({"palette": "cb", "ui": "minimal", "layers": ["bin", "nope"], "t": 1778425200000,
                                   "speed": 60, "loop": false, "kiosk": true, "sensor": "BIN-01",
                                   "view": {"lat": 37.58, "lon": 126.98, "zoom": 17}, "play": true,
                                   "maxFileBytes": 1000, "onProgress": null, "metric": "noise"})");
    Json names = Json::array();
    for (const Json& c : startCommands(options)) names.push_back(c[0]);
    EXPECT_EQ(names, Json::parse(R"(["setLimits", "setPalette", "setUi", "setMetric", "setLayers", "seek", "setSpeed",
                                     "setLoop", "setLoop", "select", "flyTo", "play"])"));
    EXPECT_EQ(startCommands(options)[10][1][3], Json::parse(R"({"animate": false})"));
    EXPECT_EQ(startCommands(Json{{"ui", "loud"}}).size(), 0u);  // unusable values are left out
}

TEST(Commands, TheViewerRunsItsOwnAndLeavesThePagesAlone) {
    Viewer v;
    EXPECT_TRUE(v.run(checkCommand("setUi", Json::array({"none"}))));
    EXPECT_EQ(v.uiMode(), UiMode::none);
    EXPECT_TRUE(v.run(checkCommand("setPalette", Json::array({"colourblind"}))));
    EXPECT_EQ(v.palette(), "colourblind");
    EXPECT_TRUE(v.run(checkCommand("setPalette", Json::array({"default"}))));
    EXPECT_TRUE(v.run(checkCommand("setLayers", Json::array({Json::array({"air", "route"})}))));
    EXPECT_TRUE(v.run(checkCommand("speedStep", Json::array({1}))));
    EXPECT_TRUE(v.run(checkCommand("toggleLoop", Json::array())));
    Json s = Json::parse(v.stateJson());
    EXPECT_EQ(s["layers"], Json::parse(R"(["air", "route"])"));
    EXPECT_EQ(s["ui"], "none");
    EXPECT_EQ(s["speed"], 600);
    EXPECT_FALSE(s["loop"].get<bool>());
    EXPECT_FALSE(v.run(checkCommand("load", Json::array({"data/"}))));      // the page's
    EXPECT_FALSE(v.run(checkCommand("setSpeed", Json::array({-1}))));        // refused
    EXPECT_TRUE(v.run(checkCommand("setLimits", Json::array({Json{{"maxFileBytes", 2048}}}))));
    EXPECT_EQ(Json::parse(v.stateJson())["limits"]["maxFileBytes"], 2048);
}

TEST(Commands, SetEventRulesTakesTheTextFormAndGivesItBackCanonical) {
    EXPECT_EQ(checkCommand("setEventRules", Json::array({" pm25=15/25/50 , noise.night=50"})).args,
              Json::array({"noise.night=50,pm25=15/25/50"}));
    EXPECT_EQ(checkCommand("setEventRules", Json::array({nullptr})).args, Json::array({""}));
    EXPECT_EQ(checkCommand("setEventRules", Json::array({"noise.night=5"})).error,
              "setEventRules: noise.night: expected decibels from 20 to 140, got \"5\"");
    EXPECT_EQ(checkCommand("setEventRules", Json::array({50})).error.rfind("setEventRules: expected thresholds as text", 0), 0u);
    EXPECT_TRUE(findCommand("setEventRules")->embeddable);
    EXPECT_EQ(startCommands(Json{{"events", "noise.night=50"}}), Json::parse(R"([["setEventRules", ["noise.night=50"]]])"));
}

TEST(Commands, SetFilterTakesTextOrClausesAndGivesTheCanonicalText) {
    EXPECT_EQ(checkCommand("setFilter", Json::array({"bin: fill>=80 ,noise:noise>55"})).args,
              Json::array({"bin:fill>=80,noise:noise>55"}));
    EXPECT_EQ(checkCommand("setFilter", Json::array({Json::array({"air:pm25>=bad", "*:alert"})})).args,
              Json::array({"air:pm25>=bad,*:alert"}));
    EXPECT_EQ(checkCommand("setFilter", Json::array({nullptr})).args, Json::array({""}));
    EXPECT_EQ(checkCommand("setFilter", Json::array({""})).args, Json::array({""}));
    EXPECT_EQ(checkCommand("setFilter", Json::array({"noise:noise>>55"})).error,
              "setFilter: clause 1 \"noise:noise>>55\": expected a number or a PM band (good, moderate, bad, verybad) "
              "after >, got \">55\"");
    EXPECT_EQ(checkCommand("setFilter", Json::array({42})).error.rfind("setFilter: expected filters as text", 0), 0u);
    EXPECT_FALSE(checkCommand("setFilter", Json::array({Json::array({"bin:fill>1,bin:fill<9"})})).ok());  // one a piece
    EXPECT_TRUE(findCommand("setFilter")->embeddable);
    EXPECT_EQ(startCommands(Json{{"filter", "bin:fill>=80"}}), Json::parse(R"([["setFilter", ["bin:fill>=80"]]])"));
    EXPECT_EQ(startCommands(Json{{"filter", "bin:fill>>80"}}).size(), 0u);
    Viewer v;
    EXPECT_TRUE(v.run(checkCommand("setFilter", Json::array({"parking:hide"}))));
    EXPECT_EQ(Json::parse(v.stateJson())["filter"]["text"], "parking:hide");
}
