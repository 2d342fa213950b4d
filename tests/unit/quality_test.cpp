// quality_test.cpp — the data-quality checks on series made here: a gap, a flat stretch, an impossible reading, and
// what must not be flagged (saturation, a quiet night, levels); the importer's report and the viewer's state.
#include "importer.hpp"
#include "quality.hpp"
#include "convert_util.hpp"
#include "viewer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

using namespace bk;

namespace {

// 48 hourly PM2.5 readings of sensor A from 2026-05-11 00:00 KST, varying, with the changes `edit` makes.
template <class Edit>
std::string hourly(Edit edit) {
    std::string csv = "time,id,lat,lon,pm25\n";
    for (int h = 0; h < 48; ++h) {
        std::string value = std::to_string(10 + (h * 7) % 13);
        if (!edit(h, value)) continue;  // false: no row for this hour
        char t[32];
        std::snprintf(t, sizeof t, "2026-05-%02d %02d:00", 11 + h / 24, h % 24);
        csv += std::string(t) + ",A,37.58,126.98," + value + "\n";
    }
    return csv;
}

ImportResult importCsv(const std::string& csv) {
    ImportOptions opt;
    opt.timeZone = "+09:00";
    Importer importer(opt);
    importer.add("air.csv", csv);
    return importer.finish();
}

}  // namespace

TEST(Quality, AGapAFlatStretchAndAnImpossibleReading) {
    std::string csv = hourly([](int h, std::string& v) {
        if (h >= 5 && h < 11) return false;          // 6 h without readings: a gap from 04:00 to 11:00
        if (h >= 20 && h < 40) v = "17";             // 20 readings of one value … not yet stuck (fewer than 24)
        if (h == 44) v = "-3";                       // PM2.5 cannot be negative
        return true;
    });
    ImportResult r = importCsv(csv);
    ASSERT_TRUE(r.dataset) << r.report.text();
    QualityReport q = checkQuality(*r.dataset);
    EXPECT_EQ(q.gaps, 1u);
    EXPECT_EQ(q.stuck, 0u);
    EXPECT_EQ(q.impossible, 1u);
    ASSERT_EQ(q.sensorsAffected, std::vector<uint32_t>{0});
    EXPECT_TRUE(q.affects(0));
    const std::string text = r.report.text();
    EXPECT_NE(text.find("quality: 1 gap, 0 stuck stretches, 1 impossible reading"), std::string::npos) << text;
    EXPECT_NE(text.find("A pm25: no reading from 2026-05-11T04:00:00+09:00 to 2026-05-11T11:00:00+09:00 (7 h; usually every 1 h)"),
              std::string::npos) << text;
    EXPECT_NE(text.find("A pm25: -3 at 2026-05-12T20:00:00+09:00 is impossible (pm25 is 0 to 2000)"), std::string::npos) << text;
    EXPECT_EQ(nlohmann::json::parse(r.report.json())["quality"]["gaps"], 1);
}

TEST(Quality, AValueFrozenForADayIsStuck) {
    std::string csv = hourly([](int h, std::string& v) {
        if (h >= 12 && h < 40) v = "16";  // 28 h at a middling value, in a series that otherwise changes every hour
        return true;
    });
    ImportResult r = importCsv(csv);
    ASSERT_TRUE(r.dataset);
    QualityReport q = checkQuality(*r.dataset);
    ASSERT_EQ(q.stuck, 1u) << q.summary();
    EXPECT_EQ(q.issues[0].readings, 28);
    EXPECT_NE(q.describe(*r.dataset, q.issues[0]).find("stuck at 16 from 2026-05-11T12:00:00+09:00 to 2026-05-12T15:00:00+09:00 (28 readings, 27 h)"),
              std::string::npos) << q.describe(*r.dataset, q.issues[0]);
}

TEST(Quality, SaturationQuietNightsAndLevelsAreNotFaults) {
    // A bin full for a day (its highest), a sensor at 0 all night, a status that stays GREEN: none is stuck.
    std::string csv = "time,id,lat,lon,fill,footfall,status\n";
    for (int h = 0; h < 48; ++h) {
        char t[32];
        std::snprintf(t, sizeof t, "2026-05-%02d %02d:00", 11 + h / 24, h % 24);
        int fill = h < 20 ? h * 5 : 100;
        int people = h % 24 < 6 || h >= 30 ? 0 : 10 + h;
        csv += std::string(t) + ",A,37.58,126.98," + std::to_string(fill) + "," + std::to_string(people) + "," +
               (h < 2 ? "RED" : "GREEN") + "\n";
    }
    ImportResult r = importCsv(csv);
    ASSERT_TRUE(r.dataset) << r.report.text();
    QualityReport q = checkQuality(*r.dataset);
    EXPECT_TRUE(q.issues.empty()) << (q.issues.empty() ? "" : q.describe(*r.dataset, q.issues[0]));
    EXPECT_EQ(q.summary(), "no gaps, stuck values or impossible readings");
    EXPECT_EQ(r.report.text().find("quality:"), std::string::npos);
}

TEST(Quality, TheViewerCountsAndNamesTheSensorsAffected) {
    Viewer v;
    ASSERT_EQ(stageImported(v, {{"air.csv", hourly([](int h, std::string& v) { if (h == 3) v = "5000"; return h < 8 || h > 14; })}},
                            {{"timeZone", "+09:00"}}), "");
    ASSERT_TRUE(v.commitStaged()) << v.error();
    v.update(0, 1280, 720, 1, 1);
    nlohmann::json q = nlohmann::json::parse(v.stateJson())["quality"];
    EXPECT_EQ(q["gaps"], 1);
    EXPECT_EQ(q["impossible"], 1);
    EXPECT_EQ(q["sensors"], nlohmann::json::array({"A"}));
    const Frame& f = v.frame(0);
    ASSERT_NE(f.panes[0].glyphs, nullptr);
    ASSERT_EQ(f.panes[0].glyphs->size(), 1u);
    EXPECT_TRUE((*f.panes[0].glyphs)[0].flags & kQualityIssue);  // the map marks it
}
