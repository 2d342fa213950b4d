// import_attributes_test.cpp — what a log says about its sensors rather than their readings: a column that never
// changes for a sensor becomes an attribute on it (and its card), and positions written the wrong way round are read
// swapped.
#include "importer.hpp"
#include "recording_writer.hpp"
#include "sensors.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace bk;

namespace {

ImportResult importLog(const std::string& csv) {
    ImportOptions opt;
    opt.timeZone = "+09:00";
    Importer importer(opt);
    importer.add("log.csv", csv);
    return importer.finish();
}

// Three sensors, four readings each; `model` is one value for all, `stream` one per sensor, `status` varies.
std::string log() {
    std::string csv = "time,id,lat,lon,pm25,model,stream,status\n";
    const char* streams[] = {"AIR", "AIR", "NOISE"};
    for (int k = 0; k < 4; ++k)
        for (int i = 0; i < 3; ++i)
            csv += "2026-05-11 0" + std::to_string(k) + ":00,S" + std::to_string(i) + ",37.58" + std::to_string(i) +
                   ",126.98," + std::to_string(10 + k + i) + ",SDOT-S2," + streams[i] + "," + ((k + i) % 2 ? "on" : "off") + "\n";
    return csv;
}

const std::string* attribute(const Sensor& s, const std::string& name) {
    for (const auto& [n, v] : s.attributes) if (n == name) return &v;
    return nullptr;
}

}  // namespace

TEST(ImportAttributes, ConstantColumnsBecomeAttributesNotSeries) {
    ImportResult r = importLog(log());
    ASSERT_TRUE(r.dataset) << r.report.text();
    const Dataset& d = *r.dataset;
    ASSERT_EQ(d.sensors.size(), 3u);
    for (const Series& s : d.series) {
        EXPECT_NE(s.metric, "model");
        EXPECT_NE(s.metric, "stream");
    }
    EXPECT_EQ(d.series.size(), 6u);  // pm25 and status for each sensor
    ASSERT_TRUE(attribute(d.sensors[0], "model"));
    EXPECT_EQ(*attribute(d.sensors[0], "model"), "SDOT-S2");
    EXPECT_EQ(*attribute(d.sensors[2], "stream"), "NOISE");
    EXPECT_EQ(*attribute(d.sensors[1], "stream"), "AIR");
    EXPECT_FALSE(attribute(d.sensors[0], "status"));
    const std::string text = r.report.text();
    EXPECT_NE(text.find("note: column \"model\" has one value per sensor (\"SDOT-S2\"): kept as a sensor attribute"),
              std::string::npos) << text;
    EXPECT_NE(text.find("note: column \"stream\" has one value per sensor (\"AIR\", …)"), std::string::npos) << text;
    EXPECT_EQ(text.find("levels of model"), std::string::npos) << text;
    EXPECT_EQ(r.report.readings, 24);
}

TEST(ImportAttributes, ASnapshotOrAnOnlyColumnStaysASeries) {
    // One reading per sensor proves nothing about change.
    ImportResult snapshot = importLog("time,id,lat,lon,pm25,model\n2026-05-11 00:00,A,37.5,127,1,X\n2026-05-11 00:00,B,37.6,127,2,X\n");
    ASSERT_TRUE(snapshot.dataset) << snapshot.report.text();
    EXPECT_EQ(snapshot.dataset->series.size(), 4u);
    // A log of nothing but a constant status is still that status, replayed.
    std::string only = "time,id,lat,lon,state\n";
    for (int k = 0; k < 4; ++k) only += "2026-05-11 0" + std::to_string(k) + ":00,A,37.5,127,idle\n";
    ImportResult alone = importLog(only);
    ASSERT_TRUE(alone.dataset) << alone.report.text();
    EXPECT_EQ(alone.dataset->series.size(), 1u);
}

TEST(ImportAttributes, WrittenAndReadBackInSensorsGeoJson) {
    ImportResult r = importLog(log());
    ASSERT_TRUE(r.dataset);
    std::string text = writeSensorsGeoJson(r.dataset->sensors);
    EXPECT_NE(text.find("\"attributes\": {\"model\": \"SDOT-S2\", \"stream\": \"NOISE\"}"), std::string::npos) << text;
    auto back = loadSensors(text, "sensors.geojson");
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_EQ(back.value()[2].attributes, r.dataset->sensors[2].attributes);
    auto bad = loadSensors(R"({"type": "FeatureCollection", "features": [{"type": "Feature",
      "geometry": {"type": "Point", "coordinates": [127, 37.5]},
      "properties": {"id": "A", "type": "air", "attributes": {"model": 7}}}]})", "bad.geojson");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().describe().find("attributes.model"), std::string::npos) << bad.error().describe();
    EXPECT_NE(bad.error().describe().find("expected a text value, got the number 7"), std::string::npos) << bad.error().describe();
}

TEST(ImportPositions, SwappedLatitudeAndLongitudeAreReadTheRightWayRound) {
    // Seoul written lon,lat: a latitude of 126.98 is impossible. New York's NY-3 swapped: both numbers possible, but
    // it lands in Antarctica, far from the other sensors, and among them swapped back.
    std::string csv = "time,id,lat,lon,fill\n"
                      "2026-05-11 00:00,SEOUL-1,126.9850,37.5800,10\n"
                      "2026-05-11 00:00,NY-1,40.7128,-74.0060,10\n2026-05-11 00:00,NY-2,40.7306,-73.9866,20\n"
                      "2026-05-11 00:00,NY-4,40.7200,-74.0000,20\n2026-05-11 00:00,NY-3,-74.0010,40.7150,30\n";
    ImportResult r = importLog(csv);
    ASSERT_TRUE(r.dataset) << r.report.text();
    const Dataset& d = *r.dataset;
    const Sensor& seoul = d.sensors[size_t(d.findSensor("SEOUL-1"))];
    EXPECT_DOUBLE_EQ(seoul.position.lat, 37.58);
    EXPECT_DOUBLE_EQ(seoul.position.lon, 126.985);
    const Sensor& ny3 = d.sensors[size_t(d.findSensor("NY-3"))];
    EXPECT_DOUBLE_EQ(ny3.position.lat, 40.715);
    EXPECT_DOUBLE_EQ(ny3.position.lon, -74.001);
    const std::string text = r.report.text();
    EXPECT_NE(text.find("latitude and longitude the wrong way round (a latitude beyond ±90) for 1 sensor (SEOUL-1): read swapped"),
              std::string::npos) << text;
    EXPECT_NE(text.find("latitude and longitude read swapped for 1 sensor (NY-3)"), std::string::npos) << text;
    EXPECT_EQ(r.report.rejectedTotal, 0);
}
