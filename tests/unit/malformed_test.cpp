// malformed_test.cpp — the bad-input corpus: each malformed file gets the exact message a user sees (file, line,
// field, what was expected). Two big cases (10 MB on one line, 100,000-deep nesting) are generated in code.
#include "dataset.hpp"
#include "map_data.hpp"
#include "sensors.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace bk;

namespace {

struct Case { const char* name; const char* kind; std::string text; std::string message; };

std::vector<Sensor> oneBin() {
    return loadSensors(R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[126.98,37.58]},"properties":{"id":"A","type":"bin"}}]})",
                       "sensors.geojson").value();
}

std::string messageFor(const std::string& kind, const std::string& text) {
    if (kind == "recording") {
        auto r = loadRecording(text, "recording.json", oneBin());
        return r.ok() ? "OK" : r.error().describe();
    }
    if (kind == "sensors") {
        auto r = loadSensors(text, "sensors.geojson");
        return r.ok() ? "OK" : r.error().describe();
    }
    auto r = loadMap(text, "map.geojson");
    return r.ok() ? "OK" : r.error().describe();
}

const Case kCases[] = {
    {"truncated recording", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"A","metric":"fill","start":"2026-05-11T00:00:00+09:00","step_s":60,"values":)J",
     "recording.json line 1: invalid JSON while reading value - unexpected end of input; expected '[', '{', or a literal"},
    {"truncated sensors", "sensors", R"J({"type":"FeatureCollection","features":[)J",
     "sensors.geojson line 1: invalid JSON while reading value - unexpected end of input; expected '[', '{', or a literal"},
    {"empty recording", "recording", R"J()J",
     "recording.json line 1: the file is empty; expected a JSON document"},
    {"whitespace only", "recording", R"J(   
  )J",
     "recording.json line 2: invalid JSON while reading value - unexpected end of input; expected '[', '{', or a literal"},
    {"not an object", "recording", R"J([1,2,3])J",
     "recording.json line 1: expected a recording object, got an array"},
    {"wrong format", "recording", R"J({"format":"csv","version":1,"series":[]})J",
     "recording.json line 1, format: expected \"bukchon-recording\", got \"csv\""},
    {"wrong version", "recording", R"J({"format":"bukchon-recording","version":2,"series":[]})J",
     "recording.json line 1, version: this viewer reads version 1, got 2"},
    {"version as text", "recording", R"J({"format":"bukchon-recording","version":"1","series":[]})J",
     "recording.json line 1, version: expected a number, got the string \"1\""},
    {"series not array", "recording", R"J({"format":"bukchon-recording","version":1,"series":{}})J",
     "recording.json line 1, series: expected an array, got an object"},
    {"no readings", "recording", R"J({"format":"bukchon-recording","version":1,"series":[]})J",
     "recording.json series: the recording has no readings"},
    {"value is text", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"A","metric":"fill","start":"2026-05-11T00:00:00+09:00","step_s":60,"values":[1,"2",3]}]})J",
     "recording.json line 1, series[0].values[1]: expected a number or null, got the string \"2\""},
    {"value true", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"A","metric":"fill","start":"2026-05-11T00:00:00+09:00","step_s":60,"values":[true]}]})J",
     "recording.json line 1, series[0].values[0]: expected a number or null, got true"},
    {"NaN literal", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"A","metric":"fill","start":"2026-05-11T00:00:00+09:00","step_s":60,"values":[NaN]}]})J",
     "recording.json line 1: invalid JSON while reading value - invalid literal; last read: '\"values\":[N'; NaN and Infinity are not JSON numbers — write null for a missing reading"},
    {"Infinity literal", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"A","metric":"fill","start":"2026-05-11T00:00:00+09:00","step_s":60,"values":[Infinity]}]})J",
     "recording.json line 1: invalid JSON while reading value - invalid literal; last read: '\"values\":[I'; NaN and Infinity are not JSON numbers — write null for a missing reading"},
    {"huge number", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"A","metric":"fill","start":"2026-05-11T00:00:00+09:00","step_s":60,"values":[1e400]}]})J",
     "recording.json line 1: invalid JSON: number overflow parsing '1e400' (too large for a number)"},
    {"float overflow", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"A","metric":"fill","start":"2026-05-11T00:00:00+09:00","step_s":60,"values":[1e39]}]})J",
     "recording.json line 1, series[0].values[0]: number too large for a reading"},
    {"unknown sensor", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"Z","metric":"fill","start":"2026-05-11T00:00:00+09:00","step_s":60,"values":[1]}]})J",
     "recording.json line 1, series[0].sensor: unknown sensor id \"Z\" (not in the sensors file)"},
    {"time without offset", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"A","metric":"fill","start":"2026-05-11T00:00:00","step_s":60,"values":[1]}]})J",
     "recording.json line 1, series[0].start: expected an ISO 8601 time with offset such as \"2026-05-04T09:00:00+09:00\", got \"2026-05-11T00:00:00\""},
    {"impossible date", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"A","metric":"fill","start":"2026-02-30T00:00:00Z","step_s":60,"values":[1]}]})J",
     "recording.json line 1, series[0].start: expected an ISO 8601 time with offset such as \"2026-05-04T09:00:00+09:00\", got \"2026-02-30T00:00:00Z\""},
    {"negative step", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"A","metric":"fill","start":"2026-05-11T00:00:00Z","step_s":-60,"values":[1]}]})J",
     "recording.json line 1, series[0].step_s: expected a step in seconds greater than 0"},
    {"time backwards", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"A","metric":"fill","times":["2026-05-11T01:00:00Z","2026-05-11T00:00:00Z"],"values":[1,2]}]})J",
     "recording.json line 1, series[0].times[1]: time goes backwards or repeats; times must increase"},
    {"duplicate time", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"A","metric":"fill","times":["2026-05-11T01:00:00Z","2026-05-11T01:00:00Z"],"values":[1,2]}]})J",
     "recording.json line 1, series[0].times[1]: time goes backwards or repeats; times must increase"},
    {"times count mismatch", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"A","metric":"fill","times":["2026-05-11T01:00:00Z"],"values":[1,2]}]})J",
     "recording.json line 1, series[0].times: expected as many times as values (2), got 1"},
    {"bad interpolation", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"A","metric":"fill","interpolation":"cubic","start":"2026-05-11T00:00:00Z","step_s":60,"values":[1]}]})J",
     "recording.json line 1, series[0].interpolation: expected \"linear\" or \"step\", got \"cubic\""},
    {"event without kind", "recording", R"J({"format":"bukchon-recording","version":1,"series":[{"sensor":"A","metric":"fill","start":"2026-05-11T00:00:00+09:00","step_s":60,"values":[1,2,3]}],"events":[{"time":"2026-05-11T00:00:00Z","sensor":"A"}]})J",
     "recording.json line 1, events[0]: missing required field \"kind\""},
    {"end before start", "recording", R"J({"format":"bukchon-recording","version":1,"start":"2026-05-12T00:00:00Z","end":"2026-05-11T00:00:00Z","series":[{"sensor":"A","metric":"fill","start":"2026-05-11T00:00:00+09:00","step_s":60,"values":[1,2,3]}]})J",
     "recording.json line 1, end: the recording must end after it starts"},
    {"simulated not boolean", "recording", R"J({"format":"bukchon-recording","version":1,"simulated":"yes","series":[{"sensor":"A","metric":"fill","start":"2026-05-11T00:00:00+09:00","step_s":60,"values":[1,2,3]}]})J",
     "recording.json line 1, simulated: expected true or false, got the string \"yes\""},
    {"invalid UTF-8", "recording", "{\"format\":\"bukchon-recording\",\"version\":1,\"title\":\"\xff\",\"series\":[{\"sensor\":\"A\",\"metric\":\"fill\",\"start\":\"2026-05-11T00:00:00+09:00\",\"step_s\":60,\"values\":[1,2,3]}]}",
     "recording.json line 1: invalid JSON while reading value - invalid string: ill-formed UTF-8 byte; last read: '\"\xff'"},
    {"sensor duplicate id", "sensors", R"J({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[126.98,37.58]},"properties":{"id":"A","type":"bin"}},{"type":"Feature","geometry":{"type":"Point","coordinates":[126.98,37.58]},"properties":{"id":"A","type":"bin"}}]})J",
     "sensors.geojson line 1, features[1].properties.id: duplicate sensor id \"A\""},
    {"sensor lat out of range", "sensors", R"J({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[126.98,137.58]},"properties":{"id":"A","type":"bin"}}]})J",
     "sensors.geojson line 1, features[0].geometry.coordinates[1]: latitude 137.58 is outside -90…90 (GeoJSON is [lon, lat])"},
    {"sensor lon as text", "sensors", R"J({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":["126.98",37.58]},"properties":{"id":"A","type":"bin"}}]})J",
     "sensors.geojson line 1, features[0].geometry.coordinates[0]: expected a longitude (number), got the string \"126.98\""},
    {"sensor line geometry", "sensors", R"J({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[126.98,37.58],[126.99,37.58]]},"properties":{"id":"A","type":"bin"}}]})J",
     "sensors.geojson line 1, features[0].geometry.type: expected a Point for a sensor site, got \"LineString\""},
    {"sensor without id", "sensors", R"J({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[126.98,37.58]},"properties":{"type":"bin"}}]})J",
     "sensors.geojson line 1, features[0].properties: missing required field \"id\""},
    {"sensor negative capacity", "sensors", R"J({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[126.98,37.58]},"properties":{"id":"P","type":"parking","capacity":-3}}]})J",
     "sensors.geojson line 1, features[0].properties.capacity: expected a capacity of 0 or more"},
    {"map polygon too short", "map", R"J({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kind":"park"},"geometry":{"type":"Polygon","coordinates":[[[126.98,37.58],[126.99,37.58],[126.98,37.58]]]}}]})J",
     "map.geojson line 1, features[0].geometry.coordinates[0]: expected at least 4 positions, got 3"},
    {"map unknown geometry", "map", R"J({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","coordinates":[]}}]})J",
     "map.geojson line 1, features[0].geometry.type: unsupported geometry type \"GeometryCollection\"; expected Point, LineString, Polygon or their Multi- forms"},
    {"map width absurd", "map", R"J({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kind":"road","width_m":5000},"geometry":{"type":"LineString","coordinates":[[126.98,37.58],[126.99,37.58]]}}]})J",
     "map.geojson line 1, features[0].properties.width_m: expected a width between 0 and 200 metres"},
    {"map feature not object", "map", R"J({"type":"FeatureCollection","features":[42]})J",
     "map.geojson line 1, features[0]: expected a Feature object, got the number 42"},
};

}  // namespace

TEST(Malformed, EachBadFileGetsItsExactMessage) {
    EXPECT_GE(sizeof(kCases) / sizeof(kCases[0]) + 2, 30u);
    for (const Case& c : kCases) EXPECT_EQ(messageFor(c.kind, c.text), c.message) << c.name;
}

TEST(Malformed, TenMegabytesOnOneLine) {
    std::string text = R"({"format":"bukchon-recording","version":1,"title":")" + std::string(10 * 1024 * 1024, 'x') +
                       R"(","series":[{"sensor":"A","metric":"fill","start":"2026-05-11T00:00:00Z","step_s":60,"values":["oops"]}]})";
    EXPECT_EQ(messageFor("recording", text),
              "recording.json line 1, series[0].values[0]: expected a number or null, got the string \"oops\"");
}

TEST(Malformed, DeepNestingNeitherCrashesNorPasses) {
    std::string text = std::string(100000, '[') + std::string(100000, ']');
    EXPECT_EQ(messageFor("recording", text), "recording.json line 1: expected a recording object, got an array");
    EXPECT_NE(messageFor("map", std::string(100000, '{')), "OK");
}
