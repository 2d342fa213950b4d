// importer_test.cpp — the importer meets messy logs: every shape, time format, encoding, detection rule, override
// and class of bad row, with the exact report line a user reads. Fixtures are made here (no third-party data).
#include "csv_reader.hpp"
#include "dataset.hpp"
#include "import_columns.hpp"
#include "importer.hpp"
#include "json_reader.hpp"
#include "recording_writer.hpp"
#include "sampler.hpp"
#include "sensors.hpp"
#include "test_util.hpp"
#include "time_util.hpp"

#include <sstream>
#include "time_zone.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <sstream>

using namespace bk;

namespace {

struct File { std::string name, bytes; };

ImportResult run(std::vector<File> files, ImportOptions opt = {}) {
    Importer importer(std::move(opt));
    for (const File& f : files) importer.add(f.name, f.bytes);
    return importer.finish();
}

bool reportHas(const ImportResult& r, const std::string& line) {
    return r.report.text().find(line) != std::string::npos;
}

int64_t ms(const char* iso) { return *parseIsoTimeMs(iso); }

// Value of sensor `id`'s series `metric` at its k-th reading.
float valueAt(const Dataset& d, const std::string& id, const std::string& metric, uint32_t k) {
    int s = d.findSensor(id);
    for (const Series& series : d.series)
        if (int(series.sensor) == s && series.metric == metric) return d.values[series.offset + k];
    ADD_FAILURE() << "no series " << id << "/" << metric;
    return NAN;
}

const Series* seriesOf(const Dataset& d, const std::string& id, const std::string& metric) {
    int s = d.findSensor(id);
    for (const Series& series : d.series) if (int(series.sensor) == s && series.metric == metric) return &series;
    return nullptr;
}

const std::string kSites = "id,lat,lon,name\nA,37.5800,126.9850,North gate\nB,37.5810,126.9860,남쪽 골목\n";

// UTF-16LE bytes (with BOM) of an ASCII/BMP UTF-8 string.
std::string utf16le(const std::u16string& s, bool bom) {
    std::string out = bom ? std::string("\xFF\xFE", 2) : std::string();
    for (char16_t c : s) { out += char(c & 0xFF); out += char(c >> 8); }
    return out;
}

}  // namespace

// ---- the CSV reader -------------------------------------------------------------------------------------------

TEST(CsvReader, QuotesLineBreaksAndCrlf) {
    auto rows = parseCsv("a,\"b,1\",\"say \"\"hi\"\"\"\r\n\r\n\"multi\nline\",x,\n", ',');
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b,1", "say \"hi\""}));
    EXPECT_EQ(rows[1], (std::vector<std::string>{"multi\nline", "x", ""}));
}

TEST(CsvReader, AnyChunkingGivesTheSameRecordsAndLines) {
    std::string text = "t,id,v\r\n1,\"a\nb\",3\r\n\n2,c,\"4\"\"\"\n3,d,5";
    std::vector<std::string> whole;
    CsvReader one(',', [&](const std::vector<std::string_view>& f, int64_t line) {
        whole.push_back(std::to_string(line) + ":" + std::string(f[1]));
        return true;
    });
    one.feed(text);
    one.finish();
    EXPECT_EQ(whole, (std::vector<std::string>{"1:id", "2:a\nb", "5:c", "6:d"}));
    for (size_t chunk = 1; chunk < 8; ++chunk) {
        std::vector<std::string> got;
        CsvReader r(',', [&](const std::vector<std::string_view>& f, int64_t line) {
            got.push_back(std::to_string(line) + ":" + std::string(f[1]));
            return true;
        });
        for (size_t at = 0; at < text.size(); at += chunk) r.feed(std::string_view(text).substr(at, chunk));
        r.finish();
        EXPECT_EQ(got, whole) << "chunk " << chunk;
    }
}

TEST(CsvReader, DetectsDelimiter) {
    EXPECT_EQ(detectDelimiter("a,b,c\n1,2,3\n"), ',');
    EXPECT_EQ(detectDelimiter("a;b;c\n1,5;2,5;3\n"), ';');
    EXPECT_EQ(detectDelimiter("a\tb\n1\t2\n"), '\t');
    EXPECT_EQ(detectDelimiter("a|b|c\n1|2|3\n"), '|');
    EXPECT_EQ(detectDelimiter("justone\n"), ',');
}

// ---- shapes -----------------------------------------------------------------------------------------------------

TEST(Importer, LongShapeWithSitesFileJoinedById) {
    std::string readings = "time,sensor_id,fill\n2026-05-11T09:00:00+09:00,A,10\n2026-05-11T09:05:00+09:00,A,20\n"
                           "2026-05-11T09:00:00+09:00,B,30\n2026-05-11T09:05:00+09:00,B,40\n";
    // Sites after the readings: the order of inputs does not matter.
    auto r = run({{"log.csv", readings}, {"sites.csv", kSites}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    const Dataset& d = *r.dataset;
    ASSERT_EQ(d.sensors.size(), 2u);
    EXPECT_EQ(d.sensors[0].type, SensorType::bin);  // "fill" is a bin's metric
    EXPECT_EQ(d.sensors[0].nameEn, "North gate");
    EXPECT_EQ(d.sensors[1].nameKo, "남쪽 골목");
    EXPECT_FLOAT_EQ(valueAt(d, "B", "fill", 1), 40);
    const Series* s = seriesOf(d, "A", "fill");
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->regular);
    EXPECT_EQ(s->stepMs, 300000);
    EXPECT_EQ(d.startMs, ms("2026-05-11T09:00:00+09:00"));
    EXPECT_TRUE(reportHas(r, "log.csv: readings, UTF-8, comma-separated, header row, long\n"));
    EXPECT_TRUE(reportHas(r, "  columns: time = \"time\", id = \"sensor_id\", value = \"fill\"\n"));
    EXPECT_TRUE(reportHas(r, "sites.csv: sites, UTF-8, comma-separated, header row\n"));
    EXPECT_TRUE(reportHas(r, "  rows: 4 read, 4 accepted, 0 rejected\n"));
    EXPECT_TRUE(reportHas(r, "result: 2 sensors, 2 series, 4 readings\n"));
}

TEST(Importer, WideShapeOneColumnPerSensor) {
    std::string wide = "timestamp,A,B\n2026-05-11 09:00,1.5,\n2026-05-11 10:00,2.5,7\n2026-05-11 11:00,,8\n";
    ImportOptions opt;
    opt.timeZone = "+09:00";
    opt.metric = "noise";
    auto r = run({{"wide.csv", wide}, {"sites.csv", kSites}}, opt);
    ASSERT_TRUE(r.dataset) << r.report.text();
    const Dataset& d = *r.dataset;
    EXPECT_TRUE(reportHas(r, "wide (one column per sensor)"));
    EXPECT_TRUE(reportHas(r, "columns: time = \"timestamp\", sensor = \"A\", sensor = \"B\""));
    EXPECT_EQ(d.sensors[0].type, SensorType::noise);
    const Series* a = seriesOf(d, "A", "noise");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->count, 2u);
    EXPECT_EQ(d.startMs, ms("2026-05-11T09:00:00+09:00"));
    EXPECT_FLOAT_EQ(valueAt(d, "B", "noise", 1), 8);
}

TEST(Importer, RowsCarryTheirOwnPositions) {
    std::string csv = "측정시간,시리얼,위도,경도,적재량\n2026-05-11 09:00,C-1,37.58,126.98,12\n2026-05-11 09:10,C-1,37.58,126.98,15\n"
                      "2026-05-11 09:00,C-2,37.59,126.99,80\n";
    ImportOptions opt;
    opt.timeZone = "+09:00";
    auto r = run({{"kr.csv", csv}}, opt);
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_TRUE(reportHas(r, "long, with positions on each row"));
    EXPECT_TRUE(reportHas(r, "columns: time = \"측정시간\", id = \"시리얼\", lat = \"위도\", lon = \"경도\", value = \"적재량\""));
    const Dataset& d = *r.dataset;
    ASSERT_EQ(d.sensors.size(), 2u);
    EXPECT_EQ(d.sensors[0].type, SensorType::bin);
    EXPECT_NEAR(d.sensors[1].position.lat, 37.59, 1e-9);
    EXPECT_TRUE(seriesOf(d, "C-1", "fill"));  // 적재량 → the bin's fill metric
}

TEST(Importer, MetricColumnNamesEachRowsQuantity) {
    std::string csv = "date,device,parameter,value,unit\n2026-05-11T00:00Z,A,pm25,12,µg/m³\n2026-05-11T00:00Z,A,temp,20.5,°C\n"
                      "2026-05-11T01:00Z,A,pm25,14,µg/m³\n";
    auto r = run({{"m.csv", csv}, {"sites.csv", kSites}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_TRUE(seriesOf(*r.dataset, "A", "pm25"));
    EXPECT_TRUE(seriesOf(*r.dataset, "A", "temperature"));
    EXPECT_EQ(seriesOf(*r.dataset, "A", "temperature")->unit, "°C");
    EXPECT_EQ(r.dataset->sensors[0].type, SensorType::air);
}

TEST(Importer, GeoJsonPointsAsReadings) {
    std::string gj = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"id":"A","time":"2026-05-11T09:00:00+09:00","noise":52},"geometry":{"type":"Point","coordinates":[126.985,37.58]}},
 {"type":"Feature","properties":{"id":"A","time":"2026-05-11T09:05:00+09:00","noise":"oops"},"geometry":{"type":"Point","coordinates":[126.985,37.58]}},
 {"type":"Feature","properties":{"id":"A","time":"2026-05-11T09:10:00+09:00","noise":58},"geometry":{"type":"Point","coordinates":[126.985,37.58]}}]})";
    auto r = run({{"points.geojson", gj}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(r.dataset->sensors[0].type, SensorType::noise);
    EXPECT_TRUE(reportHas(r, "points.geojson line 3, column \"noise\": \"oops\" — not a number (the column holds numbers)"))
        << r.report.text();
}

TEST(Importer, SitesAsGeoJson) {
    std::string gj = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"id":"A","name":"Gate"},"geometry":{"type":"Point","coordinates":[126.985,37.58]}}]})";
    auto r = run({{"log.csv", "time,id,v\n2026-05-11T09:00Z,A,1\n2026-05-11T09:01Z,A,2\n"}, {"sites.geojson", gj}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(r.dataset->sensors[0].nameEn, "Gate");
    EXPECT_NEAR(r.dataset->sensors[0].position.lon, 126.985, 1e-7);
}

// ---- time formats and zones -----------------------------------------------------------------------------------

TEST(Importer, EveryTimeFormat) {
    struct Case { const char* a; const char* b; const char* want; };
    const Case cases[] = {
        {"2026-05-11T09:00:00+09:00", "2026-05-11T09:05:00+09:00", "2026-05-11T09:00:00+09:00"},
        {"2026-05-11 09:00", "2026-05-11 09:05", "2026-05-11T09:00:00+09:00"},
        {"2026-05-11 09:00:00", "2026-05-11 09:05:00", "2026-05-11T09:00:00+09:00"},
        {"5/11/2026 9:00", "5/11/2026 9:05", "2026-05-11T09:00:00+09:00"},
        {"202605110900", "202605110905", "2026-05-11T09:00:00+09:00"},
        {"1778457600", "1778457900", "2026-05-11T09:00:00+09:00"},
        {"1778457600000", "1778457900000", "2026-05-11T09:00:00+09:00"},
    };
    for (const Case& c : cases) {
        ImportOptions opt;
        opt.timeZone = "+09:00";
        std::string csv = std::string("time,id,v\n") + c.a + ",A,1\n" + c.b + ",A,2\n";
        auto r = run({{"t.csv", csv}, {"sites.csv", kSites}}, opt);
        ASSERT_TRUE(r.dataset) << c.a << "\n" << r.report.text();
        EXPECT_EQ(r.dataset->startMs, ms(c.want)) << c.a;
    }
}

TEST(Importer, LocalTimesWithoutZoneAreUtcAndSaySo) {
    auto r = run({{"t.csv", "time,id,v\n2026-05-11 09:00,A,1\n2026-05-11 09:05,A,2\n"}, {"sites.csv", kSites}});
    ASSERT_TRUE(r.dataset);
    EXPECT_EQ(r.dataset->startMs, ms("2026-05-11T09:00:00Z"));
    EXPECT_TRUE(reportHas(r, "note: t.csv: times have no UTC offset and no time zone was given, so they are read as UTC"));
}

TEST(Importer, TimesWithOffsetsShowTheClockAtTheirOffset) {
    auto r = run({{"tokyo.csv", "time,id,v\n2026-05-11T09:00:00+09:00,A,1\n2026-05-11T10:00:00+09:00,A,2\n"},
                  {"sites.csv", kSites}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(r.dataset->startMs, ms("2026-05-11T00:00:00Z"));
    EXPECT_EQ(r.dataset->utcOffsetMinutes, 540);
    EXPECT_TRUE(reportHas(r, "note: tokyo.csv: times carry their UTC offset; the replay's clock shows them at UTC+09:00 "
                             "(the first value's); --timezone sets the city's zone"));
    // A zone given wins (the values' own offsets still place each reading).
    ImportOptions opt;
    opt.timeZone = "+01:00";
    auto lisbon = run({{"t.csv", "time,id,v\n2026-05-11T09:00:00+09:00,A,1\n"}, {"sites.csv", kSites}}, opt);
    ASSERT_TRUE(lisbon.dataset);
    EXPECT_EQ(lisbon.dataset->utcOffsetMinutes, 60);
    // Z and epoch values stay at UTC.
    auto utc = run({{"z.csv", "time,id,v\n2026-05-11T09:00Z,A,1\n"}, {"sites.csv", kSites}});
    ASSERT_TRUE(utc.dataset);
    EXPECT_EQ(utc.dataset->utcOffsetMinutes, 0);
    EXPECT_FALSE(reportHas(utc, "times carry their UTC offset"));
}

TEST(Importer, TimeZoneOptionAndOverrideOfFormat) {
    ImportOptions opt;
    opt.timeZone = "UTC-5";
    opt.timeFormat = TimeFormat::dmySlash;
    auto r = run({{"t.csv", "time,id,v\n1/2/2026 10:00,A,1\n1/2/2026 11:00,A,2\n"}, {"sites.csv", kSites}}, opt);
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(r.dataset->startMs, ms("2026-02-01T15:00:00Z"));
    EXPECT_EQ(r.dataset->utcOffsetMinutes, -300);
}

TEST(Importer, BadTimeZoneIsFatal) {
    ImportOptions opt;
    opt.timeZone = "Mars/Olympus";
    auto r = run({{"t.csv", "time,id,v\n2026-05-11 09:00,A,1\n"}, {"sites.csv", kSites}}, opt);
    EXPECT_FALSE(r.dataset);
    EXPECT_TRUE(reportHas(r, "nothing imported: time zone \"Mars/Olympus\" is not understood"));
}

// ---- zones whose clocks change (daylight saving) --------------------------------------------------------------

namespace {
// The zones as the page hands them over (transitions) or a TZif file gives them, for 2026 only.
TimeZone newYork() {
    return TimeZone::fromTransitions("America/New_York", -300,
                                     {{ms("2026-03-08T07:00:00Z"), -240}, {ms("2026-11-01T06:00:00Z"), -300}});
}
TimeZone lisbon() {
    return TimeZone::fromTransitions("Europe/Lisbon", 0, {{ms("2026-03-29T01:00:00Z"), 60}, {ms("2026-10-25T01:00:00Z"), 0}});
}
// Local readings (no offset) on the 10th of January, the 20th of June and the 20th of November, 09:00 on the wall.
const std::string kSeasonsLog = "time,id,v\n2026-01-10 09:00,A,1\n2026-06-20 09:00,A,2\n2026-11-20 09:00,A,3\n";

ImportResult inZone(const TimeZone& zone, const std::string& log) {
    ImportOptions opt;
    opt.zone = zone;
    return run({{"t.csv", log}, {"sites.csv", kSites}}, opt);
}
}  // namespace

// A logger on the wall clock every 20 minutes through both changes of 2026 in New York: the spring day has no
// 02:00–02:59, the autumn day has 01:00–01:59 twice. Every reading is kept, in the order written.
static std::string wallClockYear(bool followsDst) {
    std::string csv = "time,id,v\n";
    char buf[64];
    int v = 0;
    auto day = [&](int month, int date, int skipHour, int repeatHour) {
        for (int h = 0; h < 5; ++h) {
            if (followsDst && h == skipHour) continue;
            for (int pass = 0; pass < (followsDst && h == repeatHour ? 2 : 1); ++pass)
                for (int m = 0; m < 60; m += 20) {
                    std::snprintf(buf, sizeof buf, "2026-%02d-%02d %02d:%02d,A,%d\n", month, date, h, m, ++v);
                    csv += buf;
                }
        }
    };
    day(3, 8, 2, -1);
    day(11, 1, -1, 1);
    return csv;
}

TEST(Importer, AWallClockLogKeepsEveryReadingAcrossBothChanges) {
    auto r = inZone(newYork(), wallClockYear(true));
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(r.report.readings, 12 + 18);  // 4 of 5 hours in March, 6 passes of an hour in November
    EXPECT_EQ(r.report.rejectedTotal, 0);
    EXPECT_EQ(r.report.repeatedTimes, 0);
    const Dataset& d = *r.dataset;
    ASSERT_EQ(d.series.size(), 1u);
    std::vector<std::pair<int64_t, float>> got;
    const Series& s = d.series[0];
    for (uint32_t i = 0; i < s.count; ++i) {
        float v = d.values[s.offset + i];
        if (!std::isnan(v)) got.push_back({s.regular ? s.startMs + s.stepMs * i : d.timesMs[s.timeOffset + i], v});
    }
    ASSERT_EQ(got.size(), 30u);
    for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i].second, float(i + 1)) << i;  // the order written
    EXPECT_EQ(got[6].first, ms("2026-03-08T07:00:00Z"));   // 03:00 EDT, right after 01:40 EST
    EXPECT_EQ(got[15].first, ms("2026-11-01T05:00:00Z"));  // the first 01:00 (EDT)
    EXPECT_EQ(got[18].first, ms("2026-11-01T06:00:00Z"));  // the second 01:00 (EST)
    EXPECT_EQ(got[20].first, ms("2026-11-01T06:40:00Z"));
    std::string text = r.report.text();
    EXPECT_TRUE(reportHas(r, "note: t.csv: 3 readings in the hour America/New_York repeats when its clocks go back "
                             "(from 2026-11-01T01:00:00-05:00) are read as its second pass, in the order written"))
        << text;
    EXPECT_EQ(text.find("time goes backwards"), std::string::npos);
}

TEST(Importer, OneImportsFiguresAreTheSameInTheTextAndTheJson) {
    // The autumn day with its repeated hour, one row repeated exactly, one row with a bad value.
    std::string log = wallClockYear(true);
    log += "2026-11-01 04:40,A,30\n";   // the last row again, exactly
    log += "2026-11-01 05:00,A,abc\n";  // not a number
    auto r = inZone(newYork(), log);
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(r.report.skippedDuplicates, 1);
    EXPECT_EQ(r.report.rejectedTotal, 1);
    EXPECT_EQ(r.report.movedRepeatedHour, 3);
    EXPECT_EQ(r.report.readings, 30);
    EXPECT_TRUE(reportHas(r, "  rows: 32 read, 30 accepted, 1 skipped as exact duplicates, 1 rejected"));
    EXPECT_TRUE(reportHas(r, "of what was read: 1 skipped as exact duplicates; 1 rejected; 3 moved in time (3 in the hour "
                             "the clocks repeat)"));
    Json j = Json::parse(r.report.json());
    EXPECT_EQ(j["skippedDuplicates"], 1);
    EXPECT_EQ(j["rejectedTotal"], 1);
    EXPECT_EQ(j["moved"]["repeatedHour"], 3);
    EXPECT_EQ(j["moved"]["standardTime"], 0);
    EXPECT_EQ(j["readings"], 30);
    EXPECT_EQ(j["inputs"][0]["rowsSkipped"], 1);
    EXPECT_EQ(j["text"], r.report.text());
}

TEST(Importer, AStandardTimeLoggerReadInADaylightSavingZoneLosesNothing) {
    auto r = inZone(newYork(), wallClockYear(false));
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(r.report.readings, 30);  // 5 hours of 3 readings on each day
    EXPECT_EQ(r.report.rejectedTotal, 0);
    EXPECT_EQ(r.report.repeatedTimes, 0);
    EXPECT_TRUE(reportHas(r, "note: t.csv: 3 readings are at a time America/New_York skips when its clocks go forward "
                             "(the first: 2026-03-08 02:00), so its logger keeps standard time: from there the file is "
                             "read at -05:00 as written, and no reading is lost; --timezone -05:00 reads all of it so"))
        << r.report.text();
    EXPECT_EQ(r.dataset->endMs, ms("2026-11-01T09:40:00Z"));  // 04:40 at -05:00
    // Moved from where the zone would put them: March after the gap, November before the change back (6 each).
    EXPECT_EQ(r.report.movedStandardTime, 12);
    EXPECT_TRUE(reportHas(r, "of what was read: 12 moved in time (12 read in standard time)"));
}

// The page's lookup by position, as a test can write it: three continents.
static std::optional<TimeZone> lookupByPosition(double lat, double lon) {
    if (lon > 100 && lat > 30) return TimeZone::fromTransitions("Asia/Seoul", 540, {});
    if (lon < -50 && lat > 30) return newYork();
    if (lon > -10 && lon < 0 && lat > 35) return lisbon();
    return std::nullopt;
}

TEST(Importer, ALogWithoutAZoneIsReadInTheZoneWhereItsSensorsStand) {
    struct Place { const char* zone; double lat, lon; int64_t firstUtc; };
    const Place places[] = {{"Asia/Seoul", 37.5826, 126.9830, ms("2026-06-19T15:00:00Z")},
                            {"America/New_York", 40.7128, -74.0060, ms("2026-06-20T04:00:00Z")},
                            {"Europe/Lisbon", 38.7223, -9.1393, ms("2026-06-19T23:00:00Z")}};
    for (const Place& p : places) {
        std::string csv = "time,id,lat,lon,v\n";
        char row[128];
        for (int k = 0; k < 4; ++k) {
            std::snprintf(row, sizeof row, "2026-06-20 0%d:00,A,%.4f,%.4f,%d\n", k, p.lat, p.lon, k);
            csv += row;
        }
        ImportOptions opt;
        opt.zoneAt = lookupByPosition;
        auto r = run({{"log.csv", csv}}, opt);
        ASSERT_TRUE(r.dataset) << r.report.text();
        EXPECT_EQ(r.report.zoneFrom, "position") << p.zone;
        EXPECT_EQ(r.dataset->timeZoneName, p.zone);
        EXPECT_EQ(r.dataset->startMs, p.firstUtc) << p.zone;  // midnight on the wall there
        char where[64];
        std::snprintf(where, sizeof where, "(%.4f, %.4f)", p.lat, p.lon);
        EXPECT_TRUE(reportHas(r, std::string("note: log.csv: times have no UTC offset and no time zone was given, so they "
                                             "are read in ") + p.zone + ", the zone where the sensors stand " + where))
            << r.report.text();
        EXPECT_NE(r.report.json().find("\"zoneFrom\":\"position\""), std::string::npos);
    }
    // A zone given wins; so do offsets in the values.
    ImportOptions given;
    given.zoneAt = lookupByPosition;
    given.timeZone = "+01:00";
    auto r = run({{"log.csv", "time,id,lat,lon,v\n2026-06-20 00:00,A,37.58,126.98,1\n"}}, given);
    ASSERT_TRUE(r.dataset);
    EXPECT_EQ(r.report.zoneFrom, "option");
    EXPECT_EQ(r.dataset->startMs, ms("2026-06-19T23:00:00Z"));
}

TEST(Importer, SitesAfterTheReadingsSuggestTheZoneTheyStandIn) {
    ImportOptions opt;
    opt.zoneAt = lookupByPosition;
    auto r = run({{"t.csv", "time,id,v\n2026-06-20 00:00,A,1\n"}, {"sites.csv", "id,lat,lon\nA,40.7128,-74.0060\n"}}, opt);
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(r.report.zoneFrom, "none");
    EXPECT_EQ(r.report.zoneSuggested, "America/New_York");
    EXPECT_TRUE(reportHas(r, "note: the sensors stand in America/New_York: --timezone America/New_York (or that zone in "
                             "the import panel) reads their times there"));
    // Sites first: the zone is there when the readings are read.
    auto first = run({{"sites.csv", "id,lat,lon\nA,40.7128,-74.0060\n"}, {"t.csv", "time,id,v\n2026-06-20 00:00,A,1\n"}}, opt);
    ASSERT_TRUE(first.dataset);
    EXPECT_EQ(first.report.zoneFrom, "position");
    EXPECT_EQ(first.dataset->startMs, ms("2026-06-20T04:00:00Z"));
}

TEST(Importer, TheClockFollowsDaylightSavingInNewYork) {
    auto r = inZone(newYork(), kSeasonsLog);
    ASSERT_TRUE(r.dataset) << r.report.text();
    const Dataset& d = *r.dataset;
    // Each reading at 09:00 on the wall, in the offset of its season.
    EXPECT_EQ(d.startMs, ms("2026-01-10T14:00:00Z"));
    EXPECT_EQ(d.endMs, ms("2026-11-20T14:00:00Z"));
    EXPECT_EQ(d.timeZoneName, "America/New_York");
    EXPECT_EQ(d.utcOffsetMinutes, -300);
    EXPECT_EQ(d.offsetAt(ms("2026-01-10T14:00:00Z")), -300);
    EXPECT_EQ(d.offsetAt(ms("2026-06-20T13:00:00Z")), -240);
    EXPECT_EQ(d.offsetAt(ms("2026-11-20T14:00:00Z")), -300);
    EXPECT_EQ(d.offsetChanges, (std::vector<OffsetChange>{{ms("2026-03-08T07:00:00Z"), -300, -240},
                                                          {ms("2026-11-01T06:00:00Z"), -240, -300}}));
    EXPECT_TRUE(reportHas(r, "time span: 2026-01-10T09:00:00-05:00 to 2026-11-20T09:00:00-05:00\n"
                             "times in America/New_York: UTC-05:00 / -04:00 (daylight saving, 2 changes)\n"))
        << r.report.text();
    // A log from winter into summer ends at the summer offset.
    auto spring = inZone(newYork(), "time,id,v\n2026-01-10 09:00,A,1\n2026-06-20 09:00,A,2\n");
    ASSERT_TRUE(spring.dataset);
    EXPECT_TRUE(reportHas(spring, "time span: 2026-01-10T09:00:00-05:00 to 2026-06-20T09:00:00-04:00\n"
                                  "times in America/New_York: UTC-05:00 / -04:00 (daylight saving, 1 change)\n"))
        << spring.report.text();
    Json j = Json::parse(spring.report.json());
    EXPECT_EQ(j["start"], "2026-01-10T09:00:00-05:00");
    EXPECT_EQ(j["end"], "2026-06-20T09:00:00-04:00");
    EXPECT_EQ(j["timeZone"], "America/New_York");
    EXPECT_EQ(j["utcOffsets"], Json::array({-300, -240}));
    EXPECT_EQ(j["offsetChanges"], 1);
}

TEST(Importer, ADatasetKeepsOnlyTheChangesOfItsSpanAndADayEitherSide) {
    // Lisbon, a summer week: no change inside, none kept; the name stays.
    auto summer = inZone(lisbon(), "time,id,v\n2026-07-01 12:00,A,1\n2026-07-08 12:00,A,2\n");
    ASSERT_TRUE(summer.dataset);
    EXPECT_EQ(summer.dataset->timeZoneName, "Europe/Lisbon");
    EXPECT_TRUE(summer.dataset->offsetChanges.empty());
    EXPECT_EQ(summer.dataset->utcOffsetMinutes, 60);
    EXPECT_TRUE(reportHas(summer, "times in Europe/Lisbon: UTC+01:00\n")) << summer.report.text();
    // A log that starts just after the spring change keeps it: its first local day began before it.
    auto spring = inZone(lisbon(), "time,id,v\n2026-03-29 08:00,A,1\n2026-03-29 20:00,A,2\n");
    ASSERT_TRUE(spring.dataset);
    EXPECT_EQ(spring.dataset->offsetChanges, (std::vector<OffsetChange>{{ms("2026-03-29T01:00:00Z"), 0, 60}}));
    EXPECT_EQ(spring.dataset->utcOffsetMinutes, 60);
    EXPECT_EQ(spring.dataset->localDayStartMs(spring.dataset->startMs), ms("2026-03-29T00:00:00+00:00"));
    EXPECT_TRUE(reportHas(spring, "times in Europe/Lisbon: UTC+01:00\n")) << spring.report.text();
    // Across the autumn change, in both offsets.
    auto autumn = inZone(lisbon(), "time,id,v\n2026-10-24 12:00,A,1\n2026-10-26 12:00,A,2\n");
    ASSERT_TRUE(autumn.dataset);
    EXPECT_EQ(autumn.dataset->offsetAt(ms("2026-10-24T11:00:00Z")), 60);
    EXPECT_EQ(autumn.dataset->offsetAt(ms("2026-10-26T12:00:00Z")), 0);
    EXPECT_TRUE(reportHas(autumn, "time span: 2026-10-24T12:00:00+01:00 to 2026-10-26T12:00:00+00:00\n"
                                  "times in Europe/Lisbon: UTC+01:00 / +00:00 (daylight saving, 1 change)\n"))
        << autumn.report.text();
    // A fixed offset has no name and no changes.
    ImportOptions opt;
    opt.timeZone = "+09:00";
    auto seoul = run({{"t.csv", "time,id,v\n2026-05-11 09:00,A,1\n"}, {"sites.csv", kSites}}, opt);
    ASSERT_TRUE(seoul.dataset);
    EXPECT_EQ(seoul.dataset->timeZoneName, "");
    EXPECT_TRUE(seoul.dataset->offsetChanges.empty());
    EXPECT_TRUE(reportHas(seoul, "times in UTC+09:00\n")) << seoul.report.text();
}

TEST(Importer, AZoneRecordingWrittenAndReadBackKeepsItsChanges) {
    auto r = inZone(newYork(), kSeasonsLog);
    ASSERT_TRUE(r.dataset);
    std::string json = writeRecordingJson(*r.dataset);
    EXPECT_NE(json.find("\"time_zone\": {\"name\": \"America/New_York\", \"changes\": [\n"
                        "  {\"at\": \"2026-03-08T07:00:00Z\", \"from\": \"-05:00\", \"to\": \"-04:00\"},\n"
                        "  {\"at\": \"2026-11-01T06:00:00Z\", \"from\": \"-04:00\", \"to\": \"-05:00\"}]}"),
              std::string::npos) << json;
    EXPECT_NE(json.find("\"2026-06-20T09:00:00-04:00\""), std::string::npos) << "times are written at their own offset";
    auto back = loadRecording(json, "recording.json", r.dataset->sensors);
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_EQ(back->timeZoneName, "America/New_York");
    EXPECT_EQ(back->offsetChanges, r.dataset->offsetChanges);
    EXPECT_EQ(back->utcOffsetMinutes, -300);
    EXPECT_EQ(back->timesMs, r.dataset->timesMs);
    EXPECT_EQ(back->startMs, r.dataset->startMs);
    EXPECT_EQ(back->endMs, r.dataset->endMs);
}

// ---- encodings --------------------------------------------------------------------------------------------------

TEST(Importer, Utf8WithBomAndUtf16) {
    std::string csv = "time,id,v\n2026-05-11T09:00Z,A,1\n2026-05-11T09:05Z,A,2\n";
    for (const File& f : {File{"bom.csv", "\xEF\xBB\xBF" + csv}, File{"u16.csv", utf16le(u"time,id,v\n2026-05-11T09:00Z,A,1\n2026-05-11T09:05Z,A,2\n", true)},
                          File{"u16nobom.csv", utf16le(u"time,id,v\n2026-05-11T09:00Z,A,1\n2026-05-11T09:05Z,A,2\n", false)}}) {
        auto r = run({f, {"sites.csv", kSites}});
        ASSERT_TRUE(r.dataset) << f.name << "\n" << r.report.text();
        EXPECT_EQ(r.dataset->readingCount(), 2u) << f.name;
        EXPECT_TRUE(reportHas(r, "  columns: time = \"time\", id = \"id\", value = \"v\"")) << f.name;
    }
    EXPECT_TRUE(reportHas(run({{"u16.csv", utf16le(u"time,id,v\n2026-05-11T09:00Z,A,1\n", true)}, {"sites.csv", kSites}}),
                          "u16.csv: readings, UTF-16LE, comma-separated"));
    // UTF-16BE with a BOM: the bytes of each unit swapped.
    std::string le = utf16le(u"time,id,v\n2026-05-11T09:00Z,A,1\n2026-05-11T09:05Z,A,2\n", true), be;
    for (size_t i = 0; i + 1 < le.size(); i += 2) { be += le[i + 1]; be += le[i]; }
    auto rbe = run({{"u16be.csv", be}, {"sites.csv", kSites}});
    ASSERT_TRUE(rbe.dataset) << rbe.report.text();
    EXPECT_TRUE(reportHas(rbe, "u16be.csv: readings, UTF-16BE, comma-separated"));
}

TEST(Importer, Cp949KoreanHeadersAndAssumedKoreanTime) {
    // "측정시간,시리얼,값\n" in CP949: 측 C3F8, 정 C1A4, 시 BDC3, 간 B0A3, 리 B8AE, 얼 BEF3, 값 B0AA.
    std::string csv = "\xC3\xF8\xC1\xA4\xBD\xC3\xB0\xA3,\xBD\xC3\xB8\xAE\xBE\xF3,\xB0\xAA\n"
                      "2026-05-11 09:00,A,1\n2026-05-11 09:05,A,2\n";
    auto r = run({{"cp949.csv", csv}, {"sites.csv", kSites}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_TRUE(reportHas(r, "cp949.csv: readings, CP949 (EUC-KR), comma-separated"));
    EXPECT_TRUE(reportHas(r, "columns: time = \"측정시간\", id = \"시리얼\", value = \"값\""));
    EXPECT_EQ(r.dataset->startMs, ms("2026-05-11T09:00:00+09:00"));
    EXPECT_TRUE(reportHas(r, "so local times are read in Korea's time zone (+09:00)"));
}

// ---- detection rules and overrides ------------------------------------------------------------------------------

TEST(Importer, DelimitersAndHeaderlessTables) {
    auto semi = run({{"s.csv", "time;id;v\n2026-05-11T09:00Z;A;1\n2026-05-11T09:05Z;A;2\n"}, {"sites.csv", kSites}});
    ASSERT_TRUE(semi.dataset);
    EXPECT_TRUE(reportHas(semi, "semicolon-separated"));
    auto tab = run({{"t.tsv", "time\tid\tv\n2026-05-11T09:00Z\tA\t1\n"}, {"sites.csv", kSites}});
    EXPECT_TRUE(reportHas(tab, "tab-separated"));
    // No header, no id: the time column is found by its values; the rest is wide, one column per sensor.
    ImportOptions opt;
    opt.idColumn = "2";
    auto bare = run({{"bare.csv", "2026-05-11T09:00Z,A,1\n2026-05-11T09:05Z,A,2\n"}, {"sites.csv", kSites}}, opt);
    ASSERT_TRUE(bare.dataset) << bare.report.text();
    EXPECT_TRUE(reportHas(bare, "no header row"));
    EXPECT_TRUE(reportHas(bare, "columns: time = \"column 1\", id = \"column 2\", value = \"column 3\""));
}

TEST(Importer, ColumnOverridesWin) {
    std::string csv = "when,who,a,b\n2026-05-11T09:00Z,A,1,100\n2026-05-11T09:05Z,A,2,200\n";
    ImportOptions opt;
    opt.timeColumn = "when";
    opt.idColumn = "who";
    opt.valueColumns = {"b"};
    opt.sensorType = "parking";
    auto r = run({{"o.csv", csv}, {"sites.csv", kSites}}, opt);
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_TRUE(reportHas(r, "columns: time = \"when\", id = \"who\", value = \"b\""));
    EXPECT_EQ(r.dataset->sensors[0].type, SensorType::parking);
    EXPECT_FALSE(seriesOf(*r.dataset, "A", "a"));
    EXPECT_FLOAT_EQ(valueAt(*r.dataset, "A", "b", 1), 200);
}

TEST(Importer, UnitsFromHeadersAndValues) {
    auto r = run({{"u.csv", "time,id,noise (dB),load\n2026-05-11T09:00Z,A,52,30%\n2026-05-11T09:05Z,A,55,35%\n"}, {"sites.csv", kSites}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(seriesOf(*r.dataset, "A", "noise")->unit, "dB");
    EXPECT_EQ(seriesOf(*r.dataset, "A", "load")->unit, "%");
    EXPECT_FLOAT_EQ(valueAt(*r.dataset, "A", "load", 1), 35);
}

// ---- categorical values ---------------------------------------------------------------------------------------

TEST(Importer, CategoricalLevelsInKnownOrder) {
    std::string csv = "time,id,status\n2026-05-11T09:00Z,A,RED\n2026-05-11T09:05Z,A,GREEN\n2026-05-11T09:10Z,A,YELLOW\n";
    auto r = run({{"c.csv", csv}, {"sites.csv", kSites}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    const Series* s = seriesOf(*r.dataset, "A", "status");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->levels, (std::vector<std::string>{"GREEN", "YELLOW", "RED"}));
    EXPECT_EQ(s->interpolation, Interpolation::step);
    EXPECT_FLOAT_EQ(valueAt(*r.dataset, "A", "status", 0), 2);
    EXPECT_FLOAT_EQ(valueAt(*r.dataset, "A", "status", 1), 0);
    EXPECT_TRUE(reportHas(r, "levels of status: GREEN < YELLOW < RED\n"));
    EXPECT_EQ(r.dataset->sensors[0].scaleMax, 2);
}

TEST(Importer, CategoricalOnOffKoreanAndExplicitMapping) {
    auto onoff = run({{"c.csv", "time,id,pump\n2026-05-11T09:00Z,A,on\n2026-05-11T09:05Z,A,off\n"}, {"sites.csv", kSites}});
    EXPECT_TRUE(reportHas(onoff, "levels of pump: off < on"));
    auto kr = run({{"k.csv", "time,id,대기\n2026-05-11T09:00Z,A,나쁨\n2026-05-11T09:05Z,A,좋음\n2026-05-11T09:10Z,A,보통\n"}, {"sites.csv", kSites}});
    EXPECT_TRUE(reportHas(kr, "levels of 대기: 좋음 < 보통 < 나쁨"));
    ImportOptions opt;
    opt.levels["state"] = {"idle", "busy", "jammed"};
    auto mapped = run({{"m.csv", "time,id,state\n2026-05-11T09:00Z,A,busy\n2026-05-11T09:05Z,A,broken\n2026-05-11T09:10Z,A,jammed\n"},
                       {"sites.csv", kSites}}, opt);
    ASSERT_TRUE(mapped.dataset);
    EXPECT_TRUE(reportHas(mapped, "levels of state: idle < busy < jammed"));
    EXPECT_TRUE(reportHas(mapped, "m.csv line 3, column \"state\": \"broken\" — not one of the given levels (idle, busy, jammed)"));
    EXPECT_FLOAT_EQ(valueAt(*mapped.dataset, "A", "state", 0), 1);
}

TEST(Importer, FreeTextColumnsAreIgnoredNotLevels) {
    std::string csv = "time,id,v,comment\n";
    for (int i = 0; i < 20; ++i) csv += "2026-05-11T09:" + std::string(i < 10 ? "0" : "") + std::to_string(i) + "Z,A," + std::to_string(i) + ",note " + std::to_string(i) + "\n";
    auto r = run({{"f.csv", csv}, {"sites.csv", kSites}});
    ASSERT_TRUE(r.dataset);
    EXPECT_FALSE(seriesOf(*r.dataset, "A", "comment"));
    EXPECT_TRUE(reportHas(r, "column \"comment\" ignored: text with many different values"));
}

// ---- bad rows: each class with its exact report line ------------------------------------------------------------

TEST(Importer, BadRowsAreRejectedWithExactReasons) {
    std::string csv = "time,id,v\n"
                      "2026-05-11T09:00Z,A,1\n"       // 2 ok
                      "2026-05-11T09:05Z,A\n"         // 3 missing column
                      "yesterday noon,A,3\n"          // 4 unparsable time
                      "2026-05-11T09:10Z,A,abc\n"     // 5 not a number
                      "2026-05-11T09:10Z,Z,5\n"       // 6 unknown sensor (reported at the join)
                      "2026-05-11T09:20Z,A,6\n"       // 7 ok
                      "2026-05-11T09:20Z,A,7\n"       // 8 duplicate time
                      "2026-05-11T09:15Z,A,8\n"       // 9 out of order: kept, sorted, noted
                      "2026-05-11T09:25Z,,9\n"        // 10 no id
                      "2026-05-11T09:30Z,A,\n";       // 11 no value
    auto r = run({{"bad.csv", csv}, {"sites.csv", kSites}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    std::string t = r.report.text();
    EXPECT_TRUE(reportHas(r, "  bad.csv line 3, column \"v\": missing value (the row has 2 fields, expected 3)\n")) << t;
    EXPECT_TRUE(reportHas(r, "  bad.csv line 4, column \"time\": \"yesterday noon\" — not a time in the column's format (ISO 8601 with offset)\n")) << t;
    EXPECT_TRUE(reportHas(r, "  bad.csv line 5, column \"v\": \"abc\" — not a number (the column holds numbers)\n")) << t;
    EXPECT_TRUE(reportHas(r, "  bad.csv line 8, column \"time\": \"2026-05-11T09:20Z\" — duplicate time for sensor \"A\" (v); the first reading is kept\n")) << t;
    EXPECT_TRUE(reportHas(r, "  bad.csv line 10, column \"id\": no sensor id\n")) << t;
    EXPECT_TRUE(reportHas(r, "  bad.csv line 11, column \"v\": no value\n")) << t;
    EXPECT_TRUE(reportHas(r, "  bad.csv line 6: \"Z\" — unknown sensor id (not in sites.csv); 1 reading dropped\n")) << t;
    EXPECT_TRUE(reportHas(r, "note: bad.csv: time goes backwards in 1 series (A (v, line 9)); its readings are sorted by time\n")) << t;
    EXPECT_TRUE(reportHas(r, "rejected: 7 readings or rows\n")) << t;
    EXPECT_TRUE(reportHas(r, "  rows: 10 read, 4 accepted, 6 rejected\n")) << t;
    // What was kept is in time order: 09:00, 09:15, 09:20.
    const Series* s = seriesOf(*r.dataset, "A", "v");
    ASSERT_TRUE(s);
    EXPECT_FLOAT_EQ(valueAt(*r.dataset, "A", "v", 0), 1);
    EXPECT_EQ(r.dataset->endMs, ms("2026-05-11T09:20:00Z"));
}

TEST(Importer, OnlyTheFirstReasonsAreListedButAllCounted) {
    std::string csv = "time,id,v\n";
    for (int i = 0; i < 50; ++i) csv += "2026-05-11T09:00Z,A,x" + std::to_string(i) + "\n";
    csv += "2026-05-11T10:00Z,A,1\n";
    auto r = run({{"many.csv", csv}, {"sites.csv", kSites}});
    ASSERT_TRUE(r.dataset);
    EXPECT_EQ(r.report.rejected.size(), 20u);
    EXPECT_TRUE(reportHas(r, "rejected: 50 readings or rows (20 listed below)\n"));
}

TEST(Importer, EmptyFileAndGarbageAreUnusable) {
    auto empty = run({{"empty.csv", ""}});
    EXPECT_FALSE(empty.dataset);
    EXPECT_TRUE(reportHas(empty, "note: empty.csv: the file is empty\n")) << empty.report.text();
    EXPECT_TRUE(reportHas(empty, "nothing imported: no readings table: expected a CSV or GeoJSON with a time column\n"));

    std::string garbage;
    uint32_t x = 12345;
    for (int i = 0; i < 5000; ++i) { x = x * 1103515245u + 12345u; garbage += char(x >> 24); }
    auto bin = run({{"photo.jpg", garbage}});
    EXPECT_FALSE(bin.dataset);
    EXPECT_TRUE(reportHas(bin, "note: photo.jpg: does not look like a text table (")) << bin.report.text();
}

TEST(Importer, OpenStreetMapDataIsSentToTheConverter) {
    const std::string xml = "<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\">\n <node id=\"1\" lat=\"37.58\" lon=\"126.98\"/>\n</osm>\n";
    std::string pbf("\x00\x00\x00\x0d\x0a\x09OSMHeader\x18\x7c", 17);
    pbf += std::string(200, '\x01');
    for (const File& f : std::vector<File>{{"export.osm", xml}, {"export.xml", xml}, {"seoul-latest.osm.pbf", pbf},
                                         {"download", pbf}, {"city.osm.gz", "\x1f\x8b\x08 compressed"}}) {
        auto r = run({f});
        EXPECT_FALSE(r.dataset) << f.name;
        EXPECT_TRUE(reportHas(r, "note: " + f.name + ": is OpenStreetMap data, which the page does not read directly: "
                                 "convert it once with bukchon-map (bukchon-map " + f.name + " -o map.geojson"))
            << r.report.text();
    }
    // A table that merely mentions OSM is still a table.
    auto t = run({{"osm-sites.csv", "time,id,lat,lon,v\n2026-05-11T09:00Z,A,37.58,126.98,1\n"}});
    EXPECT_TRUE(t.dataset) << t.report.text();
}

TEST(Importer, NoPositionsAnywhereIsFatalWithTheFix) {
    auto r = run({{"t.csv", "time,id,v\n2026-05-11T09:00Z,A,1\n"}});
    EXPECT_FALSE(r.dataset);
    EXPECT_TRUE(reportHas(r, "nothing imported: the readings have no positions: no latitude and longitude columns in "
                             "t.csv (\"time\", \"id\", \"v\") and no sites file; add lat/lon columns"));
}

TEST(Importer, PositionColumnsLeftBlankAreNamedNotAskedFor) {
    auto r = run({{"t.csv", "time,id,lat,lon,v\n2026-05-11T09:00Z,A,,,1\n2026-05-11T09:10Z,A,0,0,2\n"}});
    EXPECT_FALSE(r.dataset);
    EXPECT_TRUE(reportHas(r, "nothing imported: the readings have no positions: their latitude and longitude columns "
                             "(\"lat\" and \"lon\" in t.csv) are blank or 0,0 on every row"));
}

// A bin log written as a city writes it: ids, positions and values under names no list has.
static std::string unnamedLog(const std::string& header, bool numericIds, int bins = 30, int steps = 12) {
    std::string csv = header + "\n";
    char buf[160];
    for (int k = 0; k < steps; ++k)
        for (int b = 0; b < bins; ++b) {
            std::string id = numericIds ? std::to_string(b + 1) : "BIN-" + std::to_string(100 + b);
            std::snprintf(buf, sizeof buf, "2026-05-11 %02d:%02d,%s,%.6f,%.6f,%d\n", k / 2, (k % 2) * 30, id.c_str(),
                          37.58 + b * 0.0003, 126.98 + b * 0.0002, (k * 7 + b) % 90);
            csv += buf;
        }
    return csv;
}

TEST(Importer, TheIdColumnIsFoundFromItsValuesBesideNamedPositions) {
    auto r = run({{"bins.csv", unnamedLog("time,bin,lat,lon,fill %", false)}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(r.dataset->sensors.size(), 30u);
    EXPECT_EQ(r.report.readings, 360);
    EXPECT_EQ(r.dataset->sensors[0].id, "BIN-100");
    EXPECT_TRUE(reportHas(r, "note: bins.csv: column \"bin\" read as the sensor id (by its values: 30 different values, "
                             "each at one position)"));
    EXPECT_NE(r.report.text().find("long, with positions on each row"), std::string::npos);
}

TEST(Importer, NumericIdsAndPositionsUnderUnknownNamesAreFoundFromValues) {
    auto r = run({{"tong.csv", unnamedLog("측정시각,통,y,x,적재량", true)}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(r.dataset->sensors.size(), 30u);
    EXPECT_EQ(r.report.readings, 360);
    EXPECT_NEAR(r.dataset->sensors[0].position.lat, 37.58, 1e-6);
    EXPECT_NEAR(r.dataset->sensors[0].position.lon, 126.98, 1e-6);
    EXPECT_TRUE(reportHas(r, "note: tong.csv: columns \"y\" and \"x\" read as latitude and longitude (by their values: "
                             "30 places written to 4 or more decimals)"));
    EXPECT_TRUE(reportHas(r, "note: tong.csv: column \"통\" read as the sensor id (by its values: 30 different values, "
                             "each at one position)"));
}

TEST(Importer, AWideLogAndASitesTableUnderUnknownNamesAreReadFromTheirValues) {
    // One column per bin (named by the bins' ids) beside a site list whose columns no list names: 통, y, x.
    std::string wide = "측정시각,T-01,T-02,T-03\n", sites = "통,y,x,비고\n";
    for (int k = 0; k < 12; ++k)
        wide += "2026-05-11 " + std::string(k < 10 ? "0" : "") + std::to_string(k) + ":00," + std::to_string(10 + k) + "," +
                std::to_string(20 + k) + "," + std::to_string(30 + k) + "\n";
    for (int b = 1; b <= 3; ++b)
        sites += "T-0" + std::to_string(b) + "," + std::to_string(37.58 + b * 0.0011).substr(0, 7) + "," +
                 std::to_string(126.98 + b * 0.0013).substr(0, 8) + ",골목 " + std::to_string(b) + "\n";
    auto r = run({{"sites.csv", sites}, {"wide.csv", wide}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(r.dataset->sensors.size(), 3u);
    EXPECT_EQ(r.report.readings, 36);
    EXPECT_TRUE(reportHas(r, "note: sites.csv: columns \"y\" and \"x\" read as latitude and longitude (by their values: "
                             "3 places written to 4 or more decimals); --lat-col and --lon-col choose others"));
    EXPECT_TRUE(reportHas(r, "note: sites.csv: column \"통\" read as the sensor id (by its values: 3 different values, "
                             "each at one position); --id-col chooses another, --shape wide reads one column per sensor"));
    EXPECT_NE(r.report.text().find("wide.csv: readings, UTF-8, comma-separated, header row, wide (one column per sensor)"),
              std::string::npos);
    EXPECT_EQ(r.report.rejectedTotal, 0);
}

TEST(Importer, PositionsWithoutAnIdMakeEachPlaceASensor) {
    std::string csv, line;
    std::istringstream in(unnamedLog("time,drop,lat,lon,fill", true));
    while (std::getline(in, line)) {  // without its id column
        size_t a = line.find(','), b = line.find(',', a + 1);
        csv += line.substr(0, a) + line.substr(b) + "\n";
    }
    auto r = run({{"p.csv", csv}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(r.dataset->sensors.size(), 30u);
    EXPECT_EQ(r.report.readings, 360);
    EXPECT_EQ(r.report.rejectedTotal, 0);
    EXPECT_EQ(r.dataset->sensors[0].id, "37.580000,126.980000");
    EXPECT_TRUE(reportHas(r, "note: p.csv: no sensor id column, so each position is a sensor (30 places in the first rows)"));
}

TEST(Importer, ReadingsWithFourDecimalsAreNotTakenForPositions) {
    // Two precise measurement columns that change every row are values, not a place: the table stays wide.
    std::string csv = "time,a,b\n";
    for (int k = 0; k < 40; ++k) csv += "2026-05-11 00:" + std::string(k < 10 ? "0" : "") + std::to_string(k) + "," +
                                        std::to_string(0.1234 + k * 0.0011) + "," + std::to_string(0.5678 + k * 0.0013) + "\n";
    auto r = run({{"w.csv", csv}, {"s.csv", "id,lat,lon\na,37.58,126.98\nb,37.59,126.99\n"}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(r.dataset->sensors.size(), 2u);
    EXPECT_EQ(r.report.text().find("read as latitude"), std::string::npos);
}

TEST(Importer, NoTimeColumnIsExplained) {
    auto r = run({{"x.csv", "alpha,beta\n1,2\n"}});
    EXPECT_FALSE(r.dataset);
    EXPECT_TRUE(reportHas(r, "note: x.csv: has no time column (expected a column named time, timestamp, date, 측정시간, 등록일시"));
}

TEST(Importer, BadCoordinatesInRows) {
    auto r = run({{"p.csv", "time,id,lat,lon,v\n2026-05-11T09:00Z,A,95,126.9,1\n2026-05-11T09:00Z,B,37.5,126.9,1\n"}});
    ASSERT_TRUE(r.dataset);
    EXPECT_TRUE(reportHas(r, "p.csv line 2, column \"lat\": \"95\" — not a latitude (a number from -90 to 90)"));
}

// ---- streaming and round trip -----------------------------------------------------------------------------------

TEST(Importer, StreamingInTinyChunksEqualsWhole) {
    std::string csv = "\xEF\xBB\xBFtime,id,lat,lon,v,status\n";
    for (int i = 0; i < 3000; ++i) {
        char row[160];
        std::snprintf(row, sizeof row, "2026-05-11T%02d:%02d:00Z,S%d,37.58,126.98,%d,%s\n", (i / 60) % 24, i % 60, i % 3, i,
                      i % 7 == 0 ? "on" : "off");
        csv += row;
    }
    auto whole = run({{"s.csv", csv}});
    ASSERT_TRUE(whole.dataset);
    for (size_t chunk : {1u, 3u, 4097u}) {
        Importer importer({});
        importer.begin("s.csv");
        for (size_t at = 0; at < csv.size(); at += chunk) importer.feed(std::string_view(csv).substr(at, chunk));
        importer.end();
        auto r = importer.finish();
        ASSERT_TRUE(r.dataset);
        EXPECT_EQ(r.report.text(), whole.report.text()) << chunk;
        EXPECT_EQ(writeRecordingJson(*r.dataset), writeRecordingJson(*whole.dataset)) << chunk;
    }
}

TEST(Importer, WrittenFilesLoadBackToTheSameData) {
    std::string csv = "time,id,lat,lon,v,status\n2026-05-11T09:00:00.250Z,A,37.58,126.98,1.5,GREEN\n"
                      "2026-05-11T09:07:00Z,A,37.58,126.98,2.5,RED\n2026-05-11T09:00Z,B,37.59,126.99,\"3\",GREEN\n";
    auto r = run({{"rt.csv", csv}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    std::string sensorsText = writeSensorsGeoJson(r.dataset->sensors);
    auto sensors = loadSensors(sensorsText, "sensors.geojson");
    ASSERT_TRUE(sensors) << sensors.error().describe();
    auto back = loadRecording(writeRecordingJson(*r.dataset), "recording.json", sensors.value());
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_EQ(back->series.size(), r.dataset->series.size());
    EXPECT_EQ(back->values.size(), r.dataset->values.size());
    EXPECT_EQ(back->startMs, r.dataset->startMs);
    EXPECT_EQ(back->timesMs, r.dataset->timesMs);
    const Series* s = seriesOf(back.value(), "A", "status");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->levels, (std::vector<std::string>{"GREEN", "RED"}));
}

TEST(Importer, DocsExampleImports) {
    std::string md = readRepoFile("docs/import.md");
    size_t at = md.find("```csv\n");
    ASSERT_NE(at, std::string::npos) << "docs/import.md should show an example CSV";
    size_t start = at + 7, end = md.find("```", start);
    ImportOptions opt;
    opt.timeZone = "+09:00";
    auto r = run({{"bins.csv", md.substr(start, end - start)}}, opt);
    ASSERT_TRUE(r.dataset) << r.report.text();
    ASSERT_EQ(r.dataset->sensors.size(), 2u);
    EXPECT_EQ(r.dataset->sensors[0].type, SensorType::bin);
    EXPECT_TRUE(seriesOf(*r.dataset, "CUBE-02", "fill"));
    EXPECT_EQ(seriesOf(*r.dataset, "CUBE-02", "상태")->levels, (std::vector<std::string>{"GREEN", "YELLOW", "RED"}));
    // The report shown in the doc is the fixture's real report, line for line.
    size_t text = md.find("```text\n");
    ASSERT_NE(text, std::string::npos);
    std::string shown = md.substr(text + 8, md.find("```", text + 8) - text - 8);
    std::string bad = "time,id,v\n2026-05-11T09:00Z,A,1\n2026-05-11T09:05Z,A\nyesterday noon,A,3\n2026-05-11T09:10Z,A,abc\n"
                      "2026-05-11T09:10Z,Z,5\n2026-05-11T09:20Z,A,6\n2026-05-11T09:20Z,A,7\n2026-05-11T09:15Z,A,8\n"
                      "2026-05-11T09:25Z,,9\n2026-05-11T09:30Z,A,\n";
    std::string actual = run({{"bad.csv", bad}, {"sites.csv", kSites}}).report.text();
    std::stringstream lines(shown);
    for (std::string line; std::getline(lines, line);)
        EXPECT_NE(actual.find(line + "\n"), std::string::npos) << "docs/import.md shows a line the importer does not print:\n"
                                                               << line << "\nactual:\n" << actual;
}

TEST(Importer, FuzzFoundSparseSeriesStillRoundTrips) {
    // Two readings 41 years apart: too sparse for a regular series in the recording format, so the times are kept.
    auto r = run({{"log.csv", "time,id,v\n2026-05-11T09:00Z,A,1\n2067-05-11T09:05Z,A,2\n"}, {"sites.csv", kSites}});
    ASSERT_TRUE(r.dataset);
    auto sensors = loadSensors(writeSensorsGeoJson(r.dataset->sensors), "sensors.geojson");
    ASSERT_TRUE(sensors);
    auto back = loadRecording(writeRecordingJson(*r.dataset), "recording.json", sensors.value());
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_FALSE(back->series[0].regular);
}

TEST(Importer, FuzzFoundFlatHugeSeriesStillRoundTrips) {
    // One reading of -2.2e11: the sensor's range must stay wider than printing precision, or the file will not load.
    auto r = run({{"log.csv", "time,A\n2026-05-11T09:05Z,-222222222224\n"}, {"sites.csv", kSites}});
    ASSERT_TRUE(r.dataset) << r.report.text();
    auto sensors = loadSensors(writeSensorsGeoJson(r.dataset->sensors), "sensors.geojson");
    ASSERT_TRUE(sensors) << sensors.error().describe();
    EXPECT_TRUE(loadRecording(writeRecordingJson(*r.dataset), "recording.json", sensors.value()));
}

TEST(Importer, OnlyATrailingUnitIsAUnit) {
    auto split = [](const char* header) {
        std::string name, unit;
        importer_detail::splitUnit(header, name, unit);
        return name + "|" + unit;
    };
    const std::pair<const char*, const char*> cases[] = {
        {"진동(x) (g)", "진동(x)|g"}, {"최대진동(z) (g)", "최대진동(z)|g"}, {"fill (%)", "fill|%"},
        {"PM2.5 [µg/m³]", "PM2.5|µg/m³"}, {"noise, dB", "noise|dB"}, {"PM10, ㎍/㎥", "PM10|㎍/㎥"},
        {"Temperature, outside", "Temperature, outside|"}, {"level (a (b))", "level|a (b)"}, {"(g)", "(g)|"},
        {"humidity", "humidity|"}, {"x) (y", "x) (y|"},
        {"fill %", "fill|%"}, {"fill%", "fill|%"}, {"noise dB", "noise|dB"}, {"PM2.5 µg/m³", "PM2.5|µg/m³"},
        {"temp °C", "temp|°C"}, {"PM 2.5", "PM 2.5|"}, {"sensor A", "sensor A|"}, {"%", "%|"},
    };
    for (const auto& [header, expected] : cases) EXPECT_EQ(split(header), expected) << header;
}

TEST(Importer, QualifiedMetricsStayApart) {
    // Six vibration columns that differ only in their qualifier: six series, none rejected as a duplicate.
    std::string csv = "time,id,lat,lon,진동(x) (g),진동(y) (g),진동(z) (g),최대진동(x) (g),최대진동(y) (g),최대진동(z) (g)\n";
    for (int m = 0; m < 10; ++m)
        csv += "2026-05-11T00:0" + std::to_string(m) + ":00+09:00,V-1,37.58,126.98,0.1,0.2,0.3,0.4,0.5,0.6\n";
    Importer importer(ImportOptions{});
    importer.add("vibration.csv", csv);
    ImportResult r = importer.finish();
    ASSERT_TRUE(r.dataset) << r.report.fatal;
    EXPECT_EQ(r.dataset->series.size(), 6u);
    EXPECT_EQ(r.report.rejectedTotal, 0);
    std::set<std::string> metrics;
    for (const Series& s : r.dataset->series) {
        metrics.insert(s.metric);
        EXPECT_EQ(s.unit, "g");
    }
    EXPECT_TRUE(metrics.count("진동(x)") && metrics.count("최대진동(z)"));
}

TEST(Importer, ExactDuplicateRowsAreCountedOnceAndConflictsListed) {
    std::string csv = "time,id,lat,lon,fill,temp\n";
    for (int m = 0; m < 6; ++m) {
        std::string row = "2026-05-11T00:0" + std::to_string(m) + ":00+09:00,B-1,37.58,126.98," + std::to_string(10 * m) + ",20\n";
        csv += row;
        if (m % 2 == 0) csv += row;  // repeated byte for byte: rows 0, 2 and 4
    }
    csv += "2026-05-11T00:05:00+09:00,B-1,37.58,126.98,99,20\n";  // the same time, another fill: a real conflict
    Importer importer(ImportOptions{});
    importer.add("bins.csv", csv);
    ImportResult r = importer.finish();
    ASSERT_TRUE(r.dataset) << r.report.fatal;
    EXPECT_EQ(r.dataset->readingCount(), 12u);
    int notes = 0;
    for (const std::string& n : r.report.notes) notes += n == "bins.csv: 3 exact duplicate rows skipped (the same sensor, time and values as a row kept)";
    EXPECT_EQ(notes, 1) << r.report.text();
    ASSERT_EQ(r.report.rejected.size(), 1u) << r.report.text();   // the conflict, once
    EXPECT_EQ(r.report.rejected[0].line, 11);
}

TEST(Importer, ZeroZeroAndBlankPositionsAreUnknownNotAPlace) {
    std::string csv = "time,id,lat,lon,fill\n";
    for (int m = 0; m < 4; ++m) {
        const std::string t = "2026-05-11T00:0" + std::to_string(m) + ":00+09:00,";
        csv += t + "B-1," + (m == 1 ? std::string("0,0") : std::string("37.58,126.98")) + "," + std::to_string(m) + "\n";
        csv += t + "B-2," + (m == 2 ? std::string(",") : std::string("37.59,126.99")) + "," + std::to_string(m) + "\n";
        csv += t + "B-3,0,0," + std::to_string(m) + "\n";  // never a real position
    }
    Importer importer(ImportOptions{});
    importer.add("bins.csv", csv);
    ImportResult r = importer.finish();
    ASSERT_TRUE(r.dataset) << r.report.fatal;
    ASSERT_EQ(r.dataset->sensors.size(), 2u) << r.report.text();
    for (const Sensor& s : r.dataset->sensors) {
        EXPECT_GT(s.position.lat, 37) << s.id;           // 0,0 never became the position
        EXPECT_EQ(r.dataset->readingCount() >= 8u, true);  // B-1's and B-2's rows all count
    }
    EXPECT_TRUE(reportHas(r, "bins.csv: 0,0 read as an unknown position for 2 sensors (B-3, B-1)")) << r.report.text();
    EXPECT_TRUE(reportHas(r, "\"B-3\" — sensor has no position")) << r.report.text();  // dropped, and said so
}

// Readings at an instant their series already has, out of order (a logger's clock set back, a repeated hour read
// as written), are found when the series are sorted and joined: the report says so in one line however many series,
// and the "rejected" line says where its count is described, never "(0 listed below)".
TEST(Importer, ReadingsAtARepeatedTimeAreOneNoteAndTheCountsAgree) {
    std::string csv = "time,id,lat,lon,fill\n";
    for (int k = 0; k < 5; ++k) {
        const std::string id = "B-" + std::to_string(k), pos = ",37.5" + std::to_string(k) + ",126.98,";
        csv += "2026-05-11T09:05:00+09:00," + id + pos + "30\n";
        csv += "2026-05-11T09:00:00+09:00," + id + pos + "10\n";
        csv += "2026-05-11T09:05:00+09:00," + id + pos + "35\n";  // 09:05 again, after 09:00
    }
    Importer importer(ImportOptions{});
    importer.add("bins.csv", csv);
    ImportResult r = importer.finish();
    ASSERT_TRUE(r.dataset) << r.report.fatal;
    EXPECT_EQ(r.dataset->readingCount(), 10u);
    EXPECT_EQ(r.report.repeatedTimes, 5);
    EXPECT_EQ(r.report.rejectedTotal, 5);
    int lines = 0;
    for (const std::string& n : r.report.notes)
        if (n.find("repeat the time of another reading") != std::string::npos) {
            ++lines;
            EXPECT_NE(n.find("5 readings"), std::string::npos) << n;
            EXPECT_NE(n.find("and 2 more series"), std::string::npos) << n;
        }
    EXPECT_EQ(lines, 1) << r.report.text();
    const std::string text = r.report.text();
    EXPECT_NE(text.find("rejected: 5 readings or rows (5 at repeated times: see the note)\n"), std::string::npos) << text;
    EXPECT_EQ(text.find("listed below"), std::string::npos) << text;
}
