// convert_test.cpp — the file-kind table (which file is what) and the converters behind one interface.
#include "converter.hpp"
#include "file_kinds.hpp"

#include "binary_format.hpp"
#include "dataset.hpp"
#include "map_binary.hpp"
#include "map_data.hpp"
#include "sensors.hpp"
#include "test_util.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace bk;

namespace {
std::string kindOf(const std::string& name, const std::string& head) { return classifyFile(name, head).name; }

std::string readBinary(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST(FileKinds, EachKindIsRecognisedByContentFirst) {
    EXPECT_EQ(kindOf("log.csv", "a,b"), "table");
    EXPECT_EQ(kindOf("log.txt", "{"), "table");
    EXPECT_EQ(kindOf("data", "time,id"), "table");
    EXPECT_EQ(kindOf("rows.json", "[{\"t\": 1}]"), "table");
    EXPECT_EQ(kindOf("recording.json", R"({"format": "bukchon-recording"})"), "recording");
    EXPECT_EQ(kindOf("x.json", R"({"format": "bukchon-recording", "series": [{"time": 1}]})"), "recording");
    EXPECT_EQ(kindOf("sensors.geojson", R"({"type":"FeatureCollection","features":[{"properties":{"id":"a"}}]})"), "sensors");
    EXPECT_EQ(kindOf("points.geojson", R"({"type":"FeatureCollection","features":[{"properties":{"time":"x"}}]})"), "table");
    EXPECT_EQ(kindOf("city.geojson", R"({"type":"FeatureCollection","features":[{"geometry":{"type":"Polygon"}}]})"), "map");
    EXPECT_EQ(kindOf("anything", "BKRB\x02"), "recording");
    EXPECT_EQ(kindOf("data.csv", "BKMB\x01"), "map");   // the content wins over the name
    EXPECT_EQ(kindOf("city.osm", "<?xml version='1.0'?>\n<osm version=\"0.6\">"), "osm");
    EXPECT_EQ(kindOf("export", "\xEF\xBB\xBF  <osm>"), "osm");
    EXPECT_EQ(kindOf("city.osm.pbf", std::string("\0\0\0\x0d\x0a\x09OSMHeader", 15)), "osm");
    EXPECT_EQ(kindOf("download", std::string("\0\0\0\x0d\x0a\x09OSMHeader", 15)), "osm");
    EXPECT_EQ(kindOf("city.osm.gz", "\x1F\x8B\x08"), "osm");
    EXPECT_EQ(kindOf("city.osm.bz2", "BZh91AY"), "osm");
    EXPECT_EQ(kindOf("bins.xlsx", std::string("PK\x03\x04", 4)), "spreadsheet");
    EXPECT_EQ(kindOf("old.xls", "\xD0\xCF\x11\xE0"), "spreadsheet");
    EXPECT_EQ(kindOf("export", std::string("PK\x03\x04\x14\0\0\0\x08\0xl/workbook.xml", 25)), "spreadsheet");
    EXPECT_EQ(kindOf("macro.xlsm", "x"), "spreadsheet");
}

TEST(FileKinds, OnlyTheViewersBinariesNeedNoConverterAndTheRestSayWhichAndWhatTheyGive) {
    for (const FileKind& k : fileKinds()) {
        const std::string name = k.name;
        EXPECT_STRNE(k.converter, "") << name;   // every kind has a form the viewer does not read
        const std::string gives = k.gives;
        EXPECT_TRUE(gives == "recording" || gives == "map") << name;
    }
    // The viewer's own binaries go as they are; their JSON forms (and the sensors) through the "json" converter.
    EXPECT_STREQ(converterFor(*findFileKind("recording"), "BKRB\x02"), "");
    EXPECT_STREQ(converterFor(*findFileKind("map"), "BKMB\x01"), "");
    EXPECT_STREQ(converterFor(*findFileKind("recording"), R"({"format": "bukchon-recording"})"), "json");
    EXPECT_STREQ(converterFor(*findFileKind("map"), R"({"type": "FeatureCollection"})"), "json");
    EXPECT_STREQ(converterFor(*findFileKind("sensors"), R"({"type": "FeatureCollection"})"), "json");
    EXPECT_STREQ(converterFor(*findFileKind("table"), "time,id"), "import");
    EXPECT_STREQ(findFileKind("osm")->gives, "map");
    EXPECT_STREQ(findFileKind("table")->gives, "recording");
    EXPECT_NE(fileKindsJson().find("\"osm\""), std::string::npos);
}

TEST(FileKinds, AnOsmFileTooBigForATabNamesTheLimitAndTheCli) {
    const std::string why = pageSizeProblem(*findFileKind("osm"), "korea.osm.pbf", 180.0 * 1024 * 1024);
    EXPECT_NE(why.find("korea.osm.pbf is 180.0 MB"), std::string::npos) << why;
    EXPECT_NE(why.find("100 MB"), std::string::npos) << why;
    EXPECT_NE(why.find("bukchon-map"), std::string::npos) << why;
    EXPECT_EQ(pageSizeProblem(*findFileKind("osm"), "small.osm", 1e6), "");
}

TEST(Convert, ALogBecomesABinaryRecordingWithTheImportersReport) {
    const std::string csv = "time,id,lat,lon,fill\n2026-05-16 09:00,B1,37.58,126.98,10\n2026-05-16 10:00,B1,37.58,126.98,20\n";
    Converted c = convertAll("import", {{"bins.csv", csv}}, {{"timeZone", "+09:00"}});
    ASSERT_EQ(c.error, "");
    ASSERT_TRUE(looksLikeBinaryRecording(c.recording));
    auto d = loadBinaryRecording(c.recording, "bins.bkr");
    ASSERT_TRUE(d) << d.error().describe();
    EXPECT_EQ(d->sensors.size(), 1u);
    EXPECT_EQ(d->readingCount(), 2u);
    EXPECT_NE(c.report.find("\"readings\":2"), std::string::npos) << c.report;
}

TEST(Convert, ALogWithNothingUsableSaysWhichFileAndWhy) {
    Converted c = convertAll("import", {{"empty.csv", "just one line\n"}}, nlohmann::json::object());
    EXPECT_TRUE(c.recording.empty());
    EXPECT_NE(c.error.find("empty.csv: nothing imported"), std::string::npos) << c.error;
}

TEST(Convert, AnOsmExtractBecomesTheSameBinaryMapTheCliWrites) {
    const std::string pbf = readBinary(std::string(BUKCHON_SOURCE_DIR) + "/assets/bukchon/osm/bukchon.osm.pbf");
    ASSERT_FALSE(pbf.empty());
    nlohmann::json options = {{"bbox", {126.9720, 37.5720, 126.9990, 37.5900}}, {"date", "2026-07"},
                              {"name", "Bukchon, Jongno-gu, Seoul"}, {"nameKo", "서울 종로구 북촌"},
                              {"languages", nlohmann::json::array()},  // as the twin: --binary-languages none
                              {"extras", {{{"kind", "depot"}, {"at", {126.9840, 37.5762}}, {"en", "Collection truck base (assumed)"}, {"ko", "수거차 출발지(가정)"}},
                                          {{"kind", "label"}, {"at", {126.9921, 37.5803}}, {"en", "Changdeokgung Palace"}, {"ko", "창덕궁"}}}}};
    auto conversion = startConversion("osm", {{"bukchon.osm.pbf", pbf}}, options);
    double last = 0;
    int steps = 0;
    while (!conversion->step(0.5)) {   // in small steps, as the page runs it; progress never goes back
        EXPECT_GE(conversion->progress(), last);
        last = conversion->progress();
        ++steps;
    }
    EXPECT_GT(steps, 1);
    Converted c = conversion->finish();
    ASSERT_EQ(c.error, "");
    // The committed map.bkm is bukchon-map's output from this extract with these options (regenerate.sh).
    EXPECT_EQ(c.map, readBinary(std::string(BUKCHON_SOURCE_DIR) + "/assets/bukchon/map.bkm"));
    EXPECT_NE(c.report.find("\"roads\""), std::string::npos);
}

TEST(Convert, WhatIsNotOpenStreetMapIsRefusedNamingTheFile) {
    Converted c = convertAll("osm", {{"notes.osm", "<html>not a map</html>"}}, nlohmann::json::object());
    EXPECT_TRUE(c.map.empty());
    EXPECT_NE(c.error.find("notes.osm"), std::string::npos) << c.error;
    Converted cut = convertAll("osm", {{"cut.osm.pbf", std::string("\0\0\0\x0d\x0a\x09OSMHeader\x18\x50", 17)}}, nlohmann::json::object());
    EXPECT_NE(cut.error.find("cut.osm.pbf"), std::string::npos) << cut.error;
    // Workbooks go to the importer, whose reader says what a file is not (tests/workbooks has the real ones).
    EXPECT_STREQ(converterFor(classifyFile("bins.xlsx", std::string("PK\x03\x04", 4)), "PK"), "import");
    Converted wb = convertAll("import", {{"bins.xlsx", "PK"}}, nlohmann::json::object());
    EXPECT_EQ(wb.error, "bins.xlsx: nothing imported: not a zip archive: expected a workbook (.xlsx or .ods), a zip archive of its parts");
}

TEST(Convert, AMapIsCutAroundTheSensorsWithAMargin) {
    MapBuildOptions o = mapBuildOptionsFromJson({{"around", {126.980, 37.578, 126.984, 37.582}}});
    ASSERT_TRUE(o.hasBbox);
    // 4 × 4.4 km … the larger side is ~445 m: the margin is 300 m (the floor), ~0.0027° of latitude
    EXPECT_NEAR(o.bboxMin.lat, 37.578 - 300 / 111320.0, 1e-6);
    EXPECT_LT(o.bboxMin.lon, 126.980 - 0.003);
    EXPECT_GT(o.bboxMax.lon, 126.984 + 0.003);
    MapBuildOptions city = mapBuildOptionsFromJson({{"around", {126.90, 37.50, 127.10, 37.60}}});
    EXPECT_NEAR(city.bboxMax.lat - 37.60, 0.25 * 0.2 * std::cos(37.55 * 3.14159265358979 / 180), 0.002);  // a quarter of the width
    EXPECT_FALSE(mapBuildOptionsFromJson({{"around", {1, 2}}}).hasBbox);
}

TEST(Convert, AJsonDatasetBecomesTheBinariesOfWhatTheReadersLoad) {
    const std::string map = readRepoFile("assets/bukchon/map.geojson"), sensors = readRepoFile("assets/bukchon/sensors.geojson"),
                      recording = readRepoFile("assets/bukchon/recording.json");
    // Without "kinds", each file's kind is the file-kind table's (names and content).
    auto conversion = startConversion("json", {{"map.geojson", map}, {"sensors.geojson", sensors}, {"recording.json", recording}},
                                      nlohmann::json::object());
    int steps = 0;
    while (!conversion->step(40)) ++steps;   // a file a step: the page's bar moves between them
    EXPECT_EQ(steps, 2);
    Converted c = conversion->finish();
    ASSERT_EQ(c.error, "");
    auto direct = loadRecording(recording, "recording.json", loadSensors(sensors, "sensors.geojson").value());
    ASSERT_TRUE(direct) << direct.error().describe();
    EXPECT_EQ(c.recording, writeBinaryRecording(direct.value()));   // the same Dataset, so the same bytes
    auto back = loadBinaryRecording(c.recording, "recording.bkr");
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_EQ(back->sensors.size(), direct->sensors.size());
    EXPECT_EQ(back->readingCount(), direct->readingCount());
    EXPECT_EQ(back->title, direct->title);
    EXPECT_EQ(back->openAtMs, direct->openAtMs);
    auto directMap = loadMap(map, "map.geojson");
    ASSERT_TRUE(directMap) << directMap.error().describe();
    EXPECT_EQ(c.map, writeBinaryMap(directMap.value()));
    EXPECT_NE(c.report.find("\"readings\""), std::string::npos) << c.report;

    // Either alone: a map by itself, or the dataset without one.
    Converted mapOnly = convertAll("json", {{"streets.geojson", map}}, {{"kinds", {"map"}}});
    EXPECT_EQ(mapOnly.error, "");
    EXPECT_EQ(mapOnly.map, c.map);
    EXPECT_TRUE(mapOnly.recording.empty());
    Converted dataOnly = convertAll("json", {{"s.json", sensors}, {"r.json", recording}}, {{"kinds", {"sensors", "recording"}}});
    EXPECT_EQ(dataOnly.recording, c.recording);
    EXPECT_TRUE(dataOnly.map.empty());
}

TEST(Convert, ABadJsonFieldIsTheReadersOwnMessage) {
    const std::string sensors = readRepoFile("assets/bukchon/sensors.geojson");
    const std::string bad = R"({"format": "bukchon-recording", "version": 1, "series": [
  {"sensor": "BIN-01", "metric": "fill", "start": "2026-06-01T00:00:00+09:00", "step_s": 3600, "values": [10, "thirty"]}]})";
    Converted c = convertAll("json", {{"sensors.geojson", sensors}, {"week.json", bad}}, {{"kinds", {"sensors", "recording"}}});
    auto direct = loadRecording(bad, "week.json", loadSensors(sensors, "sensors.geojson").value());
    ASSERT_FALSE(direct);
    EXPECT_EQ(c.error, direct.error().describe());
    EXPECT_EQ(c.error, "week.json line 2, series[0].values[1]: expected a number or null, got the string \"thirty\"");
    EXPECT_TRUE(c.recording.empty());

    const std::string badMap = R"({"type": "FeatureCollection", "topology": "tangled", "features": []})";
    Converted m = convertAll("json", {{"city.geojson", badMap}}, {{"kinds", {"map"}}});
    EXPECT_EQ(m.error, loadMap(badMap, "city.geojson").error().describe());
    EXPECT_NE(m.error.find("city.geojson line 1, topology"), std::string::npos) << m.error;

    Converted badSensors = convertAll("json", {{"sensors.geojson", "{\"type\": \"FeatureCollection\", \"features\": 3}"},
                                               {"recording.json", bad}}, {{"kinds", {"sensors", "recording"}}});
    EXPECT_NE(badSensors.error.find("sensors.geojson line 1, features"), std::string::npos) << badSensors.error;

    Converted alone = convertAll("json", {{"sensors.geojson", sensors}}, {{"kinds", {"sensors"}}});
    EXPECT_EQ(alone.error, "a dataset needs a sensors file and a recording file (or a log of readings to import)");
}
