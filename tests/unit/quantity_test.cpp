// quantity_test.cpp — what a metric measures, recognised from real exports' names, units and levels; the glyphs
// and bands that follow; and the switch that lets one metric of many drive the map (setMetric, metric=).
#include "glyph_scene.hpp"
#include "importer.hpp"
#include "metric_choice.hpp"
#include "quantity.hpp"
#include "convert_util.hpp"
#include "viewer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace bk;

namespace {

Quantity detect(const char* metric, const char* unit = "", std::vector<std::string> levels = {}) {
    return detectQuantity(metric, unit, levels).quantity;
}

// An hourly multi-metric log of two street poles, as Seoul's environment sensors export it (one column per metric).
std::string poleLog() {
    std::string csv = "측정일자,측정시간,시리얼,초미세먼지(PM2.5) (㎍/㎥),미세먼지(PM10) (㎍/㎥),소음 (dB),기온 (℃),습도 (%),모델\n";
    for (int h = 0; h < 24; ++h)
        for (const char* id : {"P1", "P2"}) {
            int pm = id[1] == '1' ? 10 + h : 40 + h;
            csv += std::string("20260511,") + std::to_string(h) + "," + id + "," + std::to_string(pm) + "," +
                   std::to_string(pm * 2) + "," + std::to_string(45 + h) + ",18.5," + std::to_string(50 + h) + ",SDOT-2\n";
        }
    return csv;
}
const char* kPoleSites = "시리얼,위도,경도\nP1,37.5800,126.9850\nP2,37.5810,126.9870\n";

ImportResult importPoles() {
    ImportOptions opt;
    opt.timeZone = "+09:00";
    Importer importer(opt);
    importer.add("poles.csv", poleLog());
    importer.add("sites.csv", kPoleSites);
    return importer.finish();
}

const Series* seriesOf(const Dataset& d, const std::string& id, const std::string& metric) {
    int s = d.findSensor(id);
    for (const Series& x : d.series) if (int(x.sensor) == s && x.metric == metric) return &x;
    return nullptr;
}

}  // namespace

TEST(Quantity, RecognisedByNameInEnglishAndKorean) {
    EXPECT_EQ(detect("PM2.5"), Quantity::pm25);
    EXPECT_EQ(detect("초미세먼지"), Quantity::pm25);
    EXPECT_EQ(detect("pm_25"), Quantity::pm25);
    EXPECT_EQ(detect("PM10"), Quantity::pm10);
    EXPECT_EQ(detect("미세먼지"), Quantity::pm10);
    EXPECT_EQ(detect("Noise"), Quantity::noise);
    EXPECT_EQ(detect("소음"), Quantity::noise);
    EXPECT_EQ(detect("LAeq"), Quantity::noise);
    EXPECT_EQ(detect("fill_level"), Quantity::fill);
    EXPECT_EQ(detect("적재량"), Quantity::fill);
    EXPECT_EQ(detect("Occupancy"), Quantity::occupancy);
    EXPECT_EQ(detect("visitors"), Quantity::footfall);
    EXPECT_EQ(detect("유동인구"), Quantity::footfall);
    EXPECT_EQ(detect("people count"), Quantity::footfall);
    EXPECT_EQ(detect("Temperature"), Quantity::temperature);
    EXPECT_EQ(detect("기온"), Quantity::temperature);
    EXPECT_EQ(detect("상대습도"), Quantity::humidity);
    EXPECT_EQ(detect("battery"), Quantity::none);
    EXPECT_EQ(detect("진동(x)"), Quantity::none);
    EXPECT_EQ(detect("status"), Quantity::none);
}

TEST(Quantity, RecognisedByUnitAndLevels) {
    EXPECT_EQ(detect("dust 2.5", "µg/m³"), Quantity::pm25);
    EXPECT_EQ(detect("입자 10", "㎍/㎥"), Quantity::pm10);
    EXPECT_EQ(detect("level", "dB(A)"), Quantity::noise);
    EXPECT_EQ(detect("outside", "℃"), Quantity::temperature);
    EXPECT_EQ(detect("sensor 3", "%RH"), Quantity::humidity);
    EXPECT_EQ(detect("particles", "µg/m³"), Quantity::none);  // which size is not said
    EXPECT_EQ(detect("status", "", {"GREEN", "YELLOW", "RED"}), Quantity::fill);
    EXPECT_EQ(detect("weather", "", {"GREEN", "RED"}), Quantity::none);  // colours, but not of a bin
    EXPECT_EQ(detect("bay", "", {"free", "occupied"}), Quantity::occupancy);
    EXPECT_EQ(quantityFromFlag("occupancy"), Quantity::occupancy);
    EXPECT_EQ(quantityFromFlag("none"), Quantity::none);
    EXPECT_FALSE(quantityFromFlag("smell"));
    EXPECT_EQ(quantityOfMetric("pm10"), Quantity::pm10);
    EXPECT_EQ(quantityOfMetric("occupancy"), Quantity::none);  // stored as "occupied"
}

TEST(Quantity, AMultiMetricLogGetsAirGlyphsAndCanonicalNames) {
    ImportResult r = importPoles();
    ASSERT_TRUE(r.dataset) << r.report.text();
    const Dataset& d = *r.dataset;
    ASSERT_EQ(d.sensors.size(), 2u);
    EXPECT_EQ(d.sensors[0].type, SensorType::air);  // PM2.5 comes first of what a pole measures
    for (const char* m : {"pm25", "pm10", "noise", "temperature", "humidity"}) EXPECT_TRUE(seriesOf(d, "P1", m)) << m;
    EXPECT_EQ(d.series[size_t(d.primarySeries[0])].metric, "pm25");
    EXPECT_EQ(seriesOf(d, "P1", "pm25")->unit, "µg/m³");
    const std::string text = r.report.text();
    EXPECT_NE(text.find("recognised: \"초미세먼지(PM2.5)\" as pm25 (air, by name)"), std::string::npos) << text;
    EXPECT_NE(text.find("\"소음\" as noise (noise, by name)"), std::string::npos) << text;
    // The importer's JSON report says the same for the page.
    EXPECT_EQ(nlohmann::json::parse(r.report.json())["recognised"]["소음"], "noise (noise, by name)");
}

TEST(Quantity, TheOverrideFlagWins) {
    ImportOptions opt;
    opt.timeZone = "+09:00";
    opt.quantities["소음"] = "none";
    opt.quantities["기온"] = "none";
    Importer importer(opt);
    importer.add("poles.csv", poleLog());
    importer.add("sites.csv", kPoleSites);
    ImportResult r = importer.finish();
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_TRUE(seriesOf(*r.dataset, "P1", "소음"));
    EXPECT_FALSE(seriesOf(*r.dataset, "P1", "noise"));
    EXPECT_TRUE(seriesOf(*r.dataset, "P1", "기온"));
    ImportOptions bad;
    bad.quantities["소음"] = "loudness";
    Importer refused(bad);
    refused.add("poles.csv", poleLog());
    EXPECT_NE(refused.finish().report.fatal.find("quantity \"loudness\" for \"소음\" is not one of"), std::string::npos);
}

TEST(Quantity, BandsFollowTheMetric) {
    Dataset d;
    d.sensors.resize(1);
    d.sensors[0].type = SensorType::air;
    Series s;
    s.metric = "pm10";
    s.count = 1;
    d.series.push_back(s);
    d.values = {60};
    d.primarySeries = {0};
    GlyphStyle pm10 = glyphStyleOf(d, 0);
    EXPECT_EQ(pm10.bands, Bands::pm10);
    EXPECT_EQ(pm10.hi, 150);
    Sensor plain;
    plain.type = SensorType::air;
    // 60 µg/m³ is "bad" for PM2.5 but "moderate" for PM10: different colours.
    EXPECT_NE(colorForValue(pm10, 60), colorForValue(glyphStyleOf(plain), 60));
    EXPECT_FALSE(isAlert(pm10, 120));
    EXPECT_TRUE(isAlert(pm10, 160));
    // Levels named as colours are drawn in them, in their order.
    d.series[0].metric = "status";
    d.series[0].levels = {"GREEN", "YELLOW", "RED"};
    d.sensors[0].type = SensorType::bin;
    GlyphStyle lights = glyphStyleOf(d, 0);
    EXPECT_EQ(lights.bands, Bands::namedLevels);
    EXPECT_NE(colorForValue(lights, 0), colorForValue(lights, 2));
    EXPECT_FALSE(isAlert(lights, 1));
    EXPECT_TRUE(isAlert(lights, 2));
}

TEST(MetricChoice, OneMetricDrivesEveryGlyphThatHasIt) {
    ImportResult r = importPoles();
    ASSERT_TRUE(r.dataset);
    Dataset d = *r.dataset;
    auto choices = metricChoices(d);
    ASSERT_GE(choices.size(), 5u);
    EXPECT_EQ(choices[0].first, "pm25");
    EXPECT_EQ(choices[1].first, "pm10");
    EXPECT_EQ(choices[2].first, "noise");
    EXPECT_EQ(choices[0].second, 2u);
    MetricDefaults defaults = metricDefaults(d);
    ASSERT_TRUE(chooseMetric(d, defaults, "noise"));
    EXPECT_EQ(d.sensors[0].type, SensorType::noise);
    EXPECT_EQ(d.series[size_t(d.primarySeries[1])].metric, "noise");
    ASSERT_TRUE(chooseMetric(d, defaults, "humidity"));
    EXPECT_EQ(d.sensors[0].type, SensorType::other);
    EXPECT_DOUBLE_EQ(d.sensors[0].scaleMin, 50);  // the metric's range across sensors
    EXPECT_DOUBLE_EQ(d.sensors[0].scaleMax, 73);
    EXPECT_FALSE(chooseMetric(d, defaults, "wind"));
    ASSERT_TRUE(chooseMetric(d, defaults, ""));
    EXPECT_EQ(d.sensors[0].type, SensorType::air);
    EXPECT_EQ(d.primarySeries, defaults.primary);
    // One metric per sensor: nothing to choose.
    Dataset single;
    single.sensors.resize(1);
    Series s;
    s.metric = "fill";
    single.series.push_back(s);
    EXPECT_TRUE(metricChoices(single).empty());
}

TEST(MetricChoice, TheViewerSwitchesByCommandAndKeepsTheChoiceAcrossLoads) {
    Viewer v;
    ASSERT_TRUE(v.run(checkCommand("setMetric", nlohmann::json::array({"noise"}))));  // before any data: kept
    ASSERT_EQ(stageImported(v, {{"poles.csv", poleLog()}, {"sites.csv", kPoleSites}}, {{"timeZone", "+09:00"}}), "");
    ASSERT_TRUE(v.commitStaged()) << v.error();
    v.update(0, 1280, 720, 1, 1);
    nlohmann::json s = nlohmann::json::parse(v.stateJson());
    EXPECT_EQ(s["metric"], "noise");
    ASSERT_GE(s["metrics"].size(), 5u);
    EXPECT_EQ(s["metrics"][0]["name"], "pm25");
    const Frame& noise = v.frame(0);
    ASSERT_NE(noise.panes[0].glyphs, nullptr);
    ASSERT_EQ(noise.panes[0].glyphs->size(), 2u);
    EXPECT_EQ((*noise.panes[0].glyphs)[0].shape, uint16_t(SensorType::noise));
    ASSERT_TRUE(v.run(checkCommand("setMetric", nlohmann::json::array({""}))));
    v.update(16, 1280, 720, 1, 1);
    EXPECT_EQ((*v.frame(0).panes[0].glyphs)[0].shape, uint16_t(SensorType::air));
    EXPECT_EQ(nlohmann::json::parse(v.stateJson())["metric"], "");
    // A metric the data lacks leaves each sensor its own and says so in the state ("" in force).
    ASSERT_TRUE(v.run(checkCommand("setMetric", nlohmann::json::array({"wind"}))));
    EXPECT_EQ(nlohmann::json::parse(v.stateJson())["metric"], "");
    EXPECT_FALSE(checkCommand("setMetric", nlohmann::json::array({42})).ok());
}
