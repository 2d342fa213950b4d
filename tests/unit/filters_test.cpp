// filters_test.cpp — filters on what the data says: the text form (parse, messages, canonical format), what passes
// at time t (thresholds, ranges, PM bands, alert, hide, metrics that do not drive the glyph) and the KPIs counted
// over the sensors that pass.
#include "filters.hpp"

#include "replay_stats.hpp"
#include "test_util.hpp"
#include "time_util.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace bk;

namespace {

const char* kSensors = R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.985, 37.582]},
   "properties": {"id": "BIN-01", "type": "bin", "name_en": "a", "name_ko": "a"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.986, 37.582]},
   "properties": {"id": "BIN-02", "type": "bin", "name_en": "b", "name_ko": "b"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.987, 37.582]},
   "properties": {"id": "NOISE-01", "type": "noise", "name_en": "c", "name_ko": "c"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.988, 37.582]},
   "properties": {"id": "AIR-01", "type": "air", "name_en": "d", "name_ko": "d"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.989, 37.582]},
   "properties": {"id": "AIR-02", "type": "air", "name_en": "e", "name_ko": "e"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.990, 37.582]},
   "properties": {"id": "PARK-01", "type": "parking", "name_en": "f", "name_ko": "f", "capacity": 10}}
]})";

constexpr int64_t kStartMs = 1778425200000;  // 2026-05-11T00:00:00+09:00, one reading a minute for an hour

std::string series(const char* sensor, const char* metric, double first, double perMinute) {
    std::string values;
    for (int i = 0; i < 60; ++i) values += (i ? "," : "") + std::to_string(first + perMinute * i);
    return std::string("{\"sensor\": \"") + sensor + "\", \"metric\": \"" + metric +
           "\", \"start\": \"2026-05-11T00:00:00+09:00\", \"step_s\": 60, \"values\": [" + values + "]}";
}

Dataset smallCity() {
    std::string rec = "{\"format\": \"bukchon-recording\", \"version\": 1, \"series\": [" +
                      series("BIN-01", "fill", 0, 1.5) + "," + series("BIN-02", "fill", 90, 0) + "," +
                      series("NOISE-01", "noise", 60, 0) + "," + series("AIR-01", "pm25", 40, 0) + "," +
                      series("AIR-01", "pm10", 20, 0) + "," + series("AIR-02", "pm25", 10, 0) + "," +
                      series("AIR-02", "pm10", 200, 0) + "," + series("PARK-01", "occupied", 5, 0) + "], \"events\": [" +
                      "{\"time\": \"2026-05-11T00:10:00+09:00\", \"sensor\": \"BIN-01\", \"kind\": \"overflow\"}," +
                      "{\"time\": \"2026-05-11T00:20:00+09:00\", \"sensor\": \"BIN-02\", \"kind\": \"overflow\"}]}";
    auto sensors = loadSensors(kSensors, "sensors.geojson");
    EXPECT_TRUE(sensors.ok());
    auto d = loadRecording(rec, "recording.json", sensors.value());
    EXPECT_TRUE(d.ok()) << d.error().message;
    return std::move(d.value());
}

// Which sensors pass at `minute`, as their ids joined by spaces.
std::string passing(const Dataset& d, const char* filterText, int minute) {
    FilterParse p = parseFilters(filterText);
    EXPECT_TRUE(p.ok()) << p.error;
    FilterPlan plan(d, p.filters);
    Sampler sampler(&d);
    const int64_t t = kStartMs + minute * 60000;
    std::vector<float> values;
    sampler.sampleSensors(t, values);
    std::vector<uint8_t> pass;
    size_t n = plan.evaluate(d, glyphStyles(d), values, sampler, t, pass);
    std::string ids;
    for (size_t i = 0; i < pass.size(); ++i)
        if (pass[i]) ids += (ids.empty() ? "" : " ") + d.sensors[i].id;
    EXPECT_EQ(n, size_t(std::count(pass.begin(), pass.end(), 1)));
    return ids;
}

}  // namespace

TEST(Filters, TheTextFormReadsBackAsItsCanonicalForm) {
    FilterParse p = parseFilters(" bin: fill >= 80 , noise:noise>55,air:pm25>=bad,*:alert,parking:hide,,bin:fill=20..80.5 ");
    ASSERT_TRUE(p.ok()) << p.error;
    ASSERT_EQ(p.filters.clauses.size(), 6u);
    EXPECT_EQ(p.filters.clauses[0].layer, int(SensorType::bin));
    EXPECT_EQ(p.filters.clauses[0].metric, "fill");
    EXPECT_EQ(p.filters.clauses[0].op, FilterOp::ge);
    EXPECT_EQ(p.filters.clauses[0].value, 80);
    EXPECT_EQ(p.filters.clauses[2].band, 2);
    EXPECT_EQ(p.filters.clauses[3].layer, -1);
    EXPECT_EQ(p.filters.clauses[5].op, FilterOp::range);
    const std::string canonical = "bin:fill>=80,noise:noise>55,air:pm25>=bad,*:alert,parking:hide,bin:fill=20..80.5";
    EXPECT_EQ(formatFilters(p.filters), canonical);
    FilterParse again = parseFilters(canonical);
    EXPECT_TRUE(again.ok());
    EXPECT_EQ(again.filters, p.filters);
    // Numbers in their shortest form; a repeated clause once; Korean band names; nothing is no filter.
    EXPECT_EQ(formatFilters(parseFilters("noise:noise<0.10,noise:noise<1e2,noise:noise<0.1").filters),
              "noise:noise<0.1,noise:noise<100");
    EXPECT_EQ(formatFilters(parseFilters("air:pm10>=나쁨,air:pm25<very_bad").filters), "air:pm10>=bad,air:pm25<verybad");
    EXPECT_TRUE(parseFilters("").filters.empty());
    EXPECT_TRUE(parseFilters(" , ,").ok());
}

TEST(Filters, AMessageNamesTheClauseAndWhatWasExpected) {
    auto error = [](const char* text) { return parseFilters(text).error; };
    EXPECT_EQ(error("bin:fill>=80,noise:noise>>55"),
              "clause 2 \"noise:noise>>55\": expected a number or a PM band (good, moderate, bad, verybad) after >, got \">55\"");
    EXPECT_EQ(error("bins:fill>=80"),
              "clause 1 \"bins:fill>=80\": unknown layer \"bins\"; layers are bin, parking, noise, footfall, air, fire, "
              "other, or * for every type");
    EXPECT_NE(error("fill>=80").find("expected layer:condition such as bin:fill>=80"), std::string::npos);
    EXPECT_NE(error("bin:full").find("expected a condition after the layer"), std::string::npos);
    EXPECT_NE(error("bin:>=80").find("expected a metric name"), std::string::npos);
    EXPECT_NE(error("bin:fill>=abc").find("got \"abc\""), std::string::npos);
    EXPECT_NE(error("bin:fill>=NaN").find("expected a number"), std::string::npos);
    EXPECT_NE(error("bin:fill>=").find("got nothing"), std::string::npos);
    EXPECT_NE(error("bin:fill=80..20").find("write the lower number first (20..80)"), std::string::npos);
    EXPECT_NE(error("bin:fill>=bad").find("are for pm25 and pm10, not \"fill\""), std::string::npos);
    EXPECT_NE(error("*:hide").find("hide one layer"), std::string::npos);
    std::string many;
    for (int i = 0; i < 17; ++i) many += "bin:fill>" + std::to_string(i) + ",";
    EXPECT_EQ(error(many.c_str()), "more than 16 clauses");
    EXPECT_NE(error(std::string(2000, ' ').c_str()).find("more than the 1024 allowed"), std::string::npos);
    // A failed parse is no filter at all, never half of one.
    EXPECT_TRUE(parseFilters("bin:fill>=80,nope").filters.empty());
}

TEST(Filters, AClauseConcernsItsLayerAndTheSensorsThatPassAtT) {
    Dataset d = smallCity();
    // BIN-01 fills 1.5 % a minute: 15 % at minute 10, 88.5 % at minute 59. The others are untouched.
    EXPECT_EQ(passing(d, "bin:fill>=80", 10), "BIN-02 NOISE-01 AIR-01 AIR-02 PARK-01");
    EXPECT_EQ(passing(d, "bin:fill>=80", 59), "BIN-01 BIN-02 NOISE-01 AIR-01 AIR-02 PARK-01");
    EXPECT_EQ(passing(d, "bin:fill=5..20", 10), "BIN-01 NOISE-01 AIR-01 AIR-02 PARK-01");
    EXPECT_EQ(passing(d, "noise:noise>60", 0), "BIN-01 BIN-02 AIR-01 AIR-02 PARK-01");
    EXPECT_EQ(passing(d, "parking:hide", 0), "BIN-01 BIN-02 NOISE-01 AIR-01 AIR-02");
    // Every clause must pass.
    EXPECT_EQ(passing(d, "bin:fill>=80,parking:hide,noise:noise<50", 10), "BIN-02 AIR-01 AIR-02");
    // Bands: AIR-01's PM2.5 of 40 is "bad" (35 < v ≤ 75); AIR-02's PM10 of 200 is "very bad" (> 150).
    EXPECT_EQ(passing(d, "air:pm25>=bad", 0), "BIN-01 BIN-02 NOISE-01 AIR-01 PARK-01");
    EXPECT_EQ(passing(d, "air:pm25=good", 0), "BIN-01 BIN-02 NOISE-01 AIR-02 PARK-01");
    // PM10 does not drive these glyphs (PM2.5 does): it is sampled for the clause.
    EXPECT_EQ(passing(d, "air:pm10>=verybad", 0), "BIN-01 BIN-02 NOISE-01 AIR-02 PARK-01");
    EXPECT_EQ(passing(d, "air:pm10>50", 0), "BIN-01 BIN-02 NOISE-01 AIR-02 PARK-01");
    // Every type: only those in alert (none at minute 0; BIN-01 reaches 99.5 % never, BIN-02 stays at 90).
    EXPECT_EQ(passing(d, "*:alert", 0), "");
    // A metric a sensor lacks: the sensors of that layer do not pass.
    EXPECT_EQ(passing(d, "bin:weight>1", 0), "NOISE-01 AIR-01 AIR-02 PARK-01");
    // Before the first reading (no data) nothing passes a value clause.
    FilterPlan plan(d, parseFilters("noise:noise>0").filters);
    Sampler sampler(&d);
    std::vector<float> values;
    sampler.sampleSensors(kStartMs - 60000, values);
    std::vector<uint8_t> pass;
    plan.evaluate(d, glyphStyles(d), values, sampler, kStartMs - 60000, pass);
    EXPECT_EQ(pass[2], 0);
}

TEST(Filters, AMetricTheDataLacksIsANoteNotAnError) {
    Dataset d = smallCity();
    FilterParse p = parseFilters("bin:weight>1,fire:alert,parking:alert,air:pm25>=bad");
    ASSERT_TRUE(p.ok());
    FilterPlan plan(d, p.filters);
    ASSERT_EQ(plan.notes().size(), 4u);
    EXPECT_EQ(plan.notes()[0], "no bin sensor has \"weight\": this hides them all");
    EXPECT_EQ(plan.notes()[1], "no fire sensor in this data");
    EXPECT_EQ(plan.notes()[2], "parking sensors have no alert: this hides them all");
    EXPECT_EQ(plan.notes()[3], "");
}

TEST(Filters, PresetsAreOfferedForWhatTheDataHas) {
    Dataset d = smallCity();
    std::vector<std::string> air;
    for (const FilterPreset& p : filterPresets(d, SensorType::air)) air.push_back(p.clause);
    EXPECT_EQ(air, (std::vector<std::string>{"air:pm25>=bad", "air:pm10>=bad", "air:alert", "air:hide"}));
    EXPECT_EQ(filterPresets(d, SensorType::parking).size(), 1u);  // hide only: a parking lot has no alert
    for (int t = 0; t < kSensorTypeCount; ++t)
        for (const FilterPreset& p : filterPresets(d, SensorType(t))) EXPECT_TRUE(parseFilters(p.clause).ok()) << p.clause;
}

TEST(Filters, TheBandsAreTheGlyphsBands) {
    EXPECT_EQ(koreanPmBand(false, 15), 0);
    EXPECT_EQ(koreanPmBand(false, 15.1f), 1);
    EXPECT_EQ(koreanPmBand(false, 75), 2);
    EXPECT_EQ(koreanPmBand(false, 76), 3);
    EXPECT_EQ(koreanPmBand(true, 150), 2);
    EXPECT_EQ(koreanPmBand(true, NAN), -1);
    GlyphStyle air;
    air.type = SensorType::air;
    EXPECT_EQ(colorForValue(air, 40), colorForValue(air, 75));  // one band, one colour
    EXPECT_NE(colorForValue(air, 35), colorForValue(air, 36));
}

TEST(Filters, TheKpisCountOnlyTheSensorsThatPass) {
    Dataset d = smallCity();
    Sampler sampler(&d);
    KpiIndex index(d);
    const int64_t t = kStartMs + 30 * 60000;
    std::vector<float> values;
    sampler.sampleSensors(t, values);
    Kpis all = computeKpis(d, sampler, t, index, &values);
    EXPECT_FALSE(all.filtered);
    EXPECT_EQ(all.binsTotal, 2);
    EXPECT_EQ(all.overflowsToday, 2);
    EXPECT_EQ(all.pm25MaxToday, 40);
    FilterPlan plan(d, parseFilters("bin:fill>=80,air:pm25<bad").filters);
    std::vector<uint8_t> pass;
    plan.evaluate(d, glyphStyles(d), values, sampler, t, pass);
    Kpis some = computeKpis(d, sampler, t, index, &values, &pass);
    EXPECT_TRUE(some.filtered);
    EXPECT_EQ(some.sensorsCounted, 4);   // BIN-02, NOISE-01, AIR-02, PARK-01
    EXPECT_EQ(some.sensorsTotal, 6);
    EXPECT_EQ(some.binsTotal, 1);
    EXPECT_EQ(some.binsOver80, 1);
    EXPECT_EQ(some.overflowsToday, 1);   // BIN-02's; BIN-01's overflow is not counted
    EXPECT_EQ(some.pm25MaxToday, 10);    // AIR-02 only
    EXPECT_EQ(some.pm10MaxToday, 200);
}
