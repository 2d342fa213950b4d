// loaders_test.cpp — map, sensors and recording files: good ones load; each malformed one names file, line, field.
#include "dataset.hpp"
#include "json_reader.hpp"
#include "map_data.hpp"
#include "sensors.hpp"
#include "test_util.hpp"
#include "time_util.hpp"

#include <gtest/gtest.h>

using namespace bk;

namespace {

const char* kSensors = R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.9850, 37.5826]},
   "properties": {"id": "BIN-01", "type": "bin", "name_en": "Gahoe-dong bin", "name_ko": "가회동 쓰레기통"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.9855, 37.5765]},
   "properties": {"id": "PARK-01", "type": "parking", "name_en": "Anguk lot", "name_ko": "안국 주차장", "capacity": 20}}
]})";

std::vector<Sensor> sensors() { return loadSensors(kSensors, "sensors.geojson").value(); }

std::string recording(const std::string& seriesAndEvents) {
    return "{\"format\": \"bukchon-recording\", \"version\": 1,\n" + seriesAndEvents + "\n}";
}

LoadError recordingError(const std::string& text) {
    auto r = loadRecording(text, "recording.json", sensors());
    EXPECT_FALSE(r.ok());
    return r.ok() ? LoadError{} : r.error();
}

}  // namespace

TEST(Loaders, ShippedBukchonFilesLoad) {
    auto map = loadMap(readRepoFile("assets/bukchon/map.geojson"), "map.geojson");
    ASSERT_TRUE(map.ok()) << map.error().describe();
    EXPECT_GT(map->features.size(), 20u);
    auto s = loadSensors(readRepoFile("assets/bukchon/sensors.geojson"), "sensors.geojson");
    ASSERT_TRUE(s.ok()) << s.error().describe();
    EXPECT_GE(s->size(), 12u);
    auto rec = loadRecording(readRepoFile("assets/bukchon/recording.json"), "recording.json", s.value());
    ASSERT_TRUE(rec.ok()) << rec.error().describe();
    EXPECT_TRUE(rec->simulated);
    EXPECT_GE(rec->endMs - rec->startMs, int64_t(24) * 3600 * 1000);
}

TEST(Loaders, SensorsKeepNamesTypesAndCapacity) {
    auto s = sensors();
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0].id, "BIN-01");
    EXPECT_EQ(s[0].type, SensorType::bin);
    EXPECT_EQ(s[0].nameKo, "가회동 쓰레기통");
    EXPECT_DOUBLE_EQ(s[0].position.lat, 37.5826);
    EXPECT_EQ(s[1].capacity, 20);
}

TEST(Loaders, RecordingBuildsColumnarSeries) {
    auto r = loadRecording(recording(R"("series": [
      {"sensor": "BIN-01", "metric": "fill", "unit": "%", "start": "2026-05-11T00:00:00+09:00", "step_s": 300, "values": [10, 20, null, 40]},
      {"sensor": "PARK-01", "metric": "occupied", "times": ["2026-05-11T00:00:00+09:00", "2026-05-11T01:00:00+09:00"], "values": [3, 5]}],
     "events": [{"time": "2026-05-11T00:10:00+09:00", "sensor": "BIN-01", "kind": "overflow"},
                {"time": "2026-05-11T00:05:00+09:00", "sensor": "PARK-01", "kind": "illegal_stop"}])"),
                           "recording.json", sensors());
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->readingCount(), 6u);
    EXPECT_EQ(r->timesMs.size(), 2u);  // regular series store no times
    EXPECT_TRUE(std::isnan(r->values[2]));
    EXPECT_EQ(r->series[1].interpolation, Interpolation::step);  // irregular defaults to step
    EXPECT_EQ(r->events[0].kind, "illegal_stop");                 // sorted by time
    EXPECT_EQ(r->endMs - r->startMs, 3600000);
    EXPECT_EQ(r->primarySeries[0], 0);
    EXPECT_EQ(r->primarySeries[1], 1);
}

TEST(Loaders, SyntaxErrorNamesFileLineAndColumn) {
    auto e = recordingError("{\n  \"format\": \"bukchon-recording\",\n  \"version\": 1,\n  \"series\": [1, 2,]\n}");
    EXPECT_EQ(e.file, "recording.json");
    EXPECT_EQ(e.line, 4);
    EXPECT_EQ(e.column, 19);
    EXPECT_NE(e.message.find("invalid JSON"), std::string::npos) << e.message;
}

TEST(Loaders, NonNumericValueNamesLineAndField) {
    auto e = recordingError(recording(R"("series": [
 {"sensor": "BIN-01", "metric": "fill", "start": "2026-05-11T00:00:00+09:00", "step_s": 300,
  "values": [1, 2,
             "abc"]}])"));
    EXPECT_EQ(e.line, 5);
    EXPECT_EQ(e.field, "series[0].values[2]");
    EXPECT_EQ(e.describe(), "recording.json line 5, series[0].values[2]: expected a number or null, got the string \"abc\"");
}

TEST(Loaders, UnknownSensorIsNamed) {
    auto e = recordingError(recording(R"("series": [{"sensor": "BIN-99", "metric": "fill", "start": "2026-05-11T00:00:00+09:00", "step_s": 60, "values": [1]}])"));
    EXPECT_EQ(e.field, "series[0].sensor");
    EXPECT_EQ(e.line, 2);
    EXPECT_NE(e.message.find("unknown sensor id \"BIN-99\""), std::string::npos);
}

TEST(Loaders, TimeWithoutOffsetIsRejected) {
    auto e = recordingError(recording(R"("series": [{"sensor": "BIN-01", "metric": "fill", "start": "2026-05-11 09:00", "step_s": 60, "values": [1]}])"));
    EXPECT_EQ(e.field, "series[0].start");
    EXPECT_NE(e.message.find("ISO 8601"), std::string::npos);
}

TEST(Loaders, TimeGoingBackwardsIsRejected) {
    auto e = recordingError(recording(R"("series": [{"sensor": "PARK-01", "metric": "occupied",
      "times": ["2026-05-11T02:00:00+09:00", "2026-05-11T01:00:00+09:00"], "values": [1, 2]}])"));
    EXPECT_EQ(e.field, "series[0].times[1]");
    EXPECT_NE(e.message.find("backwards"), std::string::npos);
}

TEST(Loaders, WrongFormatAndVersionAreNamed) {
    auto e = recordingError(R"({"format": "something-else", "version": 1, "series": []})");
    EXPECT_EQ(e.field, "format");
    e = recordingError(R"({"format": "bukchon-recording", "version": 7, "series": []})");
    EXPECT_EQ(e.field, "version");
    EXPECT_NE(e.message.find("version 1"), std::string::npos);
    e = recordingError("");
    EXPECT_NE(e.message.find("empty"), std::string::npos);
    e = recordingError(R"({"format": "bukchon-recording", "version": 1})");
    EXPECT_NE(e.message.find("missing required field \"series\""), std::string::npos);
}

TEST(Loaders, MissingCountMismatchAndBadStep) {
    auto e = recordingError(recording(R"("series": [{"sensor": "PARK-01", "metric": "occupied",
      "times": ["2026-05-11T02:00:00+09:00"], "values": [1, 2]}])"));
    EXPECT_EQ(e.field, "series[0].times");
    e = recordingError(recording(R"("series": [{"sensor": "BIN-01", "metric": "fill", "start": "2026-05-11T00:00:00+09:00", "step_s": 0, "values": [1]}])"));
    EXPECT_EQ(e.field, "series[0].step_s");
    e = recordingError(recording(R"("series": [{"sensor": "BIN-01", "start": "2026-05-11T00:00:00+09:00", "step_s": 60, "values": [1]}])"));
    EXPECT_EQ(e.field, "series[0]");
    EXPECT_NE(e.message.find("\"metric\""), std::string::npos);
}

TEST(Loaders, SensorErrorsNameTheFeature) {
    auto r = loadSensors(R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.98, 37.58]}, "properties": {"id": "A", "type": "bin"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.98, 37.58]}, "properties": {"id": "A", "type": "bin"}}]})",
                         "sensors.geojson");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "features[1].properties.id");
    EXPECT_EQ(r.error().line, 3);
    EXPECT_NE(r.error().message.find("duplicate"), std::string::npos);

    r = loadSensors(R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.58, 126.98]}, "properties": {"id": "A", "type": "bin"}}]})",
                    "sensors.geojson");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "features[0].geometry.coordinates[1]");
    EXPECT_NE(r.error().message.find("[lon, lat]"), std::string::npos);  // the classic swap gets a hint
}

TEST(Loaders, MapErrorsNameTheGeometry) {
    auto r = loadMap(R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"kind": "road"}, "geometry": {"type": "LineString", "coordinates": [[126.98, 37.58]]}}]})",
                     "map.geojson");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "features[0].geometry.coordinates");
    EXPECT_NE(r.error().message.find("at least 2 positions"), std::string::npos);

    r = loadMap(R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {}, "geometry": {"type": "Circle", "coordinates": [126.98, 37.58]}}]})", "map.geojson");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "features[0].geometry.type");
    r = loadMap(R"({"type": "Feature"})", "map.geojson");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "type");
}

TEST(Loaders, MapKeepsKindsNamesAndGeometry) {
    auto r = loadMap(R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"kind": "palace", "name_en": "Changdeokgung", "name_ko": "창덕궁"},
   "geometry": {"type": "Polygon", "coordinates": [[[126.99, 37.58], [126.995, 37.58], [126.995, 37.585], [126.99, 37.58]]]}},
  {"type": "Feature", "properties": {"kind": "road", "width_m": 20},
   "geometry": {"type": "MultiLineString", "coordinates": [[[126.98, 37.576], [126.99, 37.577]], [[126.98, 37.57], [126.98, 37.58]]]}}]})",
                     "map.geojson");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->features[0].kind, MapKind::palace);
    EXPECT_EQ(r->features[0].nameKo, "창덕궁");
    EXPECT_EQ(r->features[0].polygons[0][0].size(), 3u);  // closing point dropped
    EXPECT_EQ(r->features[1].lines.size(), 2u);
    EXPECT_EQ(r->features[1].widthM, 20);
}

TEST(BukchonAssets, TheMapIsValidGeoJsonWithinItsBoxAndNamedInKorean) {
    const std::string text = readRepoFile("assets/bukchon/map.geojson");
    auto map = loadMap(text, "map.geojson");  // RFC 7946 structure, positions in range, rings closed
    ASSERT_TRUE(map.ok()) << map.error().describe();
    // RFC 7946 also requires closed rings; the loader drops the repeat, so check the raw text's rings here.
    Json root = Json::parse(text);
    for (const Json& f : root["features"]) {
        const Json& g = f["geometry"];
        if (g["type"] == "Polygon")
            for (const Json& ring : g["coordinates"]) EXPECT_EQ(ring.front(), ring.back()) << f["properties"].dump();
    }
    // OpenStreetMap names: nearly every named street has its Korean name, most an English one too.
    int named = 0, korean = 0, english = 0;
    for (const MapFeature& f : map->features) {
        if (f.kind != MapKind::road && f.kind != MapKind::path) continue;
        if (f.nameEn.empty() && f.nameKo.empty() && f.name.empty()) continue;
        ++named;
        korean += !f.nameKo.empty();
        english += !f.nameEn.empty();
    }
    EXPECT_GT(named, 200);
    EXPECT_GT(korean, named * 95 / 100);
    EXPECT_GT(english, named * 70 / 100);
    // Lines and points inside the converter's box (areas reaching past it may be kept whole).
    for (const MapFeature& f : map->features) {
        auto inside = [](const LatLon& p) { return p.lat >= 37.5720 && p.lat <= 37.5900 && p.lon >= 126.9720 && p.lon <= 126.9990; };
        for (const auto& line : f.lines) for (const LatLon& p : line) EXPECT_TRUE(inside(p)) << f.osmId;
        for (const LatLon& p : f.points) EXPECT_TRUE(inside(p)) << f.osmId;
    }
}

TEST(BukchonAssets, FiftySitesOfTheTrialsServicesEachNamedInBothLanguages) {
    auto s = loadSensors(readRepoFile("assets/bukchon/sensors.geojson"), "sensors.geojson");
    ASSERT_TRUE(s.ok());
    int counts[kSensorTypeCount] = {0};
    for (const Sensor& sensor : s.value()) {
        ++counts[int(sensor.type)];
        EXPECT_FALSE(sensor.nameEn.empty() || sensor.nameEn == sensor.id) << sensor.id;
        EXPECT_FALSE(sensor.nameKo.empty()) << sensor.id;
    }
    EXPECT_EQ(s->size(), 50u);
    EXPECT_EQ(counts[int(SensorType::bin)], 12);
    EXPECT_EQ(counts[int(SensorType::parking)], 10);
    EXPECT_EQ(counts[int(SensorType::noise)], 8);
    EXPECT_EQ(counts[int(SensorType::footfall)], 8);
    EXPECT_EQ(counts[int(SensorType::air)], 6);
    EXPECT_EQ(counts[int(SensorType::fire)], 6);
}

// ---- the recording's time zone ---------------------------------------------------------------------------------

namespace {
std::string zoneRecording(const std::string& zone, const std::string& offset = R"("utc_offset": "-05:00",)") {
    return recording(offset + " \"time_zone\": " + zone + R"(,
"series": [{"sensor": "PARK-01", "metric": "occupied",
  "times": ["2026-01-10T09:00:00-05:00", "2026-06-20T09:00:00-04:00", "2026-11-20T09:00:00-05:00"], "values": [1, 2, 3]}])");
}
const char* kNewYorkZone = R"({"name": "America/New_York", "changes": [
  {"at": "2026-03-08T07:00:00Z", "from": "-05:00", "to": "-04:00"},
  {"at": "2026-11-01T06:00:00Z", "from": "-04:00", "to": "-05:00"}]})";
}  // namespace

TEST(Loaders, RecordingTimeZoneGivesTheOffsetInForce) {
    auto r = loadRecording(zoneRecording(kNewYorkZone), "recording.json", sensors());
    ASSERT_TRUE(r) << r.error().describe();
    EXPECT_EQ(r->timeZoneName, "America/New_York");
    ASSERT_EQ(r->offsetChanges.size(), 2u);
    EXPECT_EQ(r->offsetAt(*parseIsoTimeMs("2026-01-10T14:00:00Z")), -300);
    EXPECT_EQ(r->offsetAt(*parseIsoTimeMs("2026-06-20T13:00:00Z")), -240);
    EXPECT_EQ(r->offsetAt(*parseIsoTimeMs("2026-11-20T14:00:00Z")), -300);
    // Without utc_offset, the zone's offset at the start is the recording's.
    auto implied = loadRecording(zoneRecording(kNewYorkZone, ""), "recording.json", sensors());
    ASSERT_TRUE(implied) << implied.error().describe();
    EXPECT_EQ(implied->utcOffsetMinutes, -300);
    // A recording without one keeps its single offset.
    auto plain = loadRecording(recording(R"("utc_offset": "+01:00", "series": [{"sensor": "BIN-01", "metric": "fill",
      "start": "2026-06-20T09:00:00+01:00", "step_s": 60, "values": [1]}])"), "recording.json", sensors());
    ASSERT_TRUE(plain) << plain.error().describe();
    EXPECT_EQ(plain->timeZoneName, "");
    EXPECT_TRUE(plain->offsetChanges.empty());
    EXPECT_EQ(plain->offsetAt(*parseIsoTimeMs("2026-01-01T00:00:00Z")), 60);
}

TEST(Loaders, AMalformedTimeZoneNamesTheFieldAndWhatWasExpected) {
    struct Case { std::string zone, offset, describe; };
    const Case cases[] = {
        {R"("America/New_York")", "", "recording.json line 2, time_zone: expected an object, got the string \"America/New_York\""},
        {R"({"name": "America/New_York"})", "", "recording.json line 2, time_zone: missing required field \"changes\""},
        {R"({"changes": [["2026-03-08T07:00:00Z", "-04:00"]]})", "",
         "recording.json line 2, time_zone.changes[0]: expected a change {\"at\": time, \"from\": offset, \"to\": offset}, got an array"},
        {R"({"changes": [{"at": "2026-03-08T07:00:00Z", "from": "-05:00", "to": "summer"}]})", "",
         "recording.json line 2, time_zone.changes[0].to: expected an offset such as \"+09:00\", got \"summer\""},
        {R"({"changes": [{"at": "March 8", "from": "-05:00", "to": "-04:00"}]})", "",
         "recording.json line 2, time_zone.changes[0].at: expected an ISO 8601 time with offset such as \"2026-05-04T09:00:00+09:00\", got \"March 8\""},
        {R"({"changes": [{"at": "2026-03-08T07:00:00Z", "from": "-05:00", "to": "-04:00"},
  {"at": "2026-11-01T06:00:00Z", "from": "-05:00", "to": "-04:00"}]})", "",
         "recording.json line 3, time_zone.changes[1]: expected the change to start from -04:00 (where the one before ended), got -05:00"},
        {R"({"changes": [{"at": "2026-11-01T06:00:00Z", "from": "-04:00", "to": "-05:00"},
  {"at": "2026-03-08T07:00:00Z", "from": "-05:00", "to": "-04:00"}]})", "",
         "recording.json line 3, time_zone.changes[1]: changes must be in time order, each after the one before"},
        {R"({"changes": [{"at": "2026-03-08T07:00:00Z", "from": "-05:00", "to": "+17:00"}]})", "",
         "recording.json line 2, time_zone.changes[0]: expected offsets within ±16:00"},
        {R"({"changes": [{"at": "2026-03-08T07:00:00Z", "from": "-05:00", "to": "-05:00"}]})", "",
         "recording.json line 2, time_zone.changes[0]: expected a change to another offset, got -05:00 to itself"},
        {kNewYorkZone, R"("utc_offset": "-04:00",)",
         "recording.json line 2, utc_offset: the offset at the recording's start is -04:00, but the time zone's changes give -05:00 then"},
    };
    for (const Case& c : cases) {
        auto text = c.offset.empty() ? zoneRecording(c.zone, "") : zoneRecording(c.zone, c.offset);
        EXPECT_EQ(recordingError(text).describe(), c.describe) << text;
    }
}
