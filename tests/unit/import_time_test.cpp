// import_time_test.cpp — times split over two columns (a date and a time of day) in every form real exports use,
// and the time-of-day parser behind it. Fixtures are made here (no third-party data).
#include "importer.hpp"
#include "time_parse.hpp"
#include "time_util.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace bk;

namespace {

constexpr int64_t kHourMs = 3600000;

ImportResult importOne(const std::string& name, const std::string& csv, ImportOptions opt = {}) {
    if (opt.timeZone.empty() && !opt.zone) opt.timeZone = "+09:00";
    Importer importer(std::move(opt));
    importer.add(name, csv);
    importer.add("sites.csv", "id,lat,lon\nA,37.58,126.98\nB,37.59,126.99\n");
    return importer.finish();
}

int64_t ms(const char* iso) { return *parseIsoTimeMs(iso); }

// A day of hourly readings for sensors A and B: `dateText` in the date column, `hourText(h)` in the hour column.
template <class HourText>
std::string hourlyLog(const std::string& header, const std::string& dateText, HourText hourText, int from = 0,
                      int to = 23) {
    std::string csv = header + "\n";
    for (int h = from; h <= to; ++h)
        for (const char* id : {"A", "B"})
            csv += dateText + "," + hourText(h) + "," + id + "," + std::to_string(10 + h) + "\n";
    return csv;
}

std::string two(int h) { return (h < 10 ? "0" : "") + std::to_string(h); }

}  // namespace

TEST(TimeOfDay, EveryFormRealExportsWrite) {
    struct Case { const char* text; int64_t ms; };
    const Case cases[] = {
        {"0", 0}, {"9", 9 * kHourMs}, {"09", 9 * kHourMs}, {"23", 23 * kHourMs}, {"24", 24 * kHourMs},
        {"9시", 9 * kHourMs}, {"09 시", 9 * kHourMs}, {"9 PM", 21 * kHourMs}, {"12 AM", 0}, {"오후 3시", 15 * kHourMs},
        {"09:30", 9 * kHourMs + 30 * 60000}, {"09:30:15", 9 * kHourMs + 30 * 60000 + 15000},
        {"9:30 PM", 21 * kHourMs + 30 * 60000}, {"24:00", 24 * kHourMs},
        {"00~01", 0}, {"13~14", 13 * kHourMs}, {"13-14", 13 * kHourMs}, {"13:00~14:00", 13 * kHourMs},
        {"13시~14시", 13 * kHourMs}, {"23~24", 23 * kHourMs}, {"23~00", 23 * kHourMs}, {" 07 ", 7 * kHourMs},
    };
    for (const Case& c : cases) {
        auto t = parseTimeOfDay(c.text);
        ASSERT_TRUE(t) << c.text;
        EXPECT_EQ(*t, c.ms) << c.text;
    }
    for (const char* bad : {"", "25", "24:30", "9:60", "13 PM", "abc", "12.5", "14~13", "2026-05-11", "1~2~3", "100"})
        EXPECT_FALSE(parseTimeOfDay(bad)) << bad;
}

TEST(TimeOfDay, DatesAloneAndHourNames) {
    EXPECT_TRUE(isDateOnly("2026-05-11", TimeFormat::localDateTime));
    EXPECT_TRUE(isDateOnly("2026. 5. 11.", TimeFormat::localDateTime));
    EXPECT_TRUE(isDateOnly("5/11/2026", TimeFormat::usSlash));
    EXPECT_TRUE(isDateOnly("20260511", TimeFormat::compact));
    EXPECT_FALSE(isDateOnly("2026-05-11 09:00", TimeFormat::localDateTime));
    EXPECT_FALSE(isDateOnly("2026051109", TimeFormat::compact));
    EXPECT_FALSE(isDateOnly("2026-05-11T09:00:00Z", TimeFormat::isoOffset));
    for (const char* n : {"hour", "Hour (KST)", "hr", "time of day", "시간", "측정시간", "시각", "시간대", "time"})
        EXPECT_TRUE(looksLikeHourColumnName(n)) << n;
    for (const char* n : {"date", "fill", "hours_open", "측정일자", "value"}) EXPECT_FALSE(looksLikeHourColumnName(n)) << n;
}

TEST(TimeOfDay, CompactDatesAndKoreanHourTwentyFour) {
    TimeZone kst = *TimeZone::parseFixed("+09:00");
    EXPECT_EQ(parseTime("20260511", TimeFormat::compact, kst), ms("2026-05-11T00:00:00+09:00"));
    EXPECT_EQ(parseTime("2026051109", TimeFormat::compact, kst), ms("2026-05-11T09:00:00+09:00"));
    EXPECT_EQ(parseTime("2026051124", TimeFormat::compact, kst), ms("2026-05-12T00:00:00+09:00"));
    EXPECT_EQ(parseTime("2026053124", TimeFormat::compact, kst), ms("2026-06-01T00:00:00+09:00"));
    EXPECT_FALSE(parseTime("2026051125", TimeFormat::compact, kst));
    EXPECT_FALSE(parseTime("17784576", TimeFormat::compact, kst));    // epoch-like digits are not a year 1778
    // Epoch seconds still win over compact digits that cannot be a date.
    EXPECT_EQ(detectTimeFormat({"1778457600", "1778461200"}), TimeFormat::epochSeconds);
    EXPECT_EQ(detectTimeFormat({"2026051101", "2026051102"}), TimeFormat::compact);
}

// Each form: a 24-hour log replays over 23 hours of span, one reading per sensor and hour, none rejected.
TEST(ImporterSplitTime, DateAndHourColumnsInEveryForm) {
    struct Form { const char* what; std::string csv; int64_t first, last; };
    const int64_t day = ms("2026-05-11T00:00:00+09:00");
    const Form forms[] = {
        {"date + hour 0-23", hourlyLog("date,hour,id,pm25", "2026-05-11", [](int h) { return std::to_string(h); }),
         day, day + 23 * kHourMs},
        {"측정일자 + 측정시간", hourlyLog("측정일자,측정시간,id,pm25", "20260511", two), day, day + 23 * kHourMs},
        {"hour 1-24", hourlyLog("측정일자,측정시간,id,pm25", "20260511", two, 1, 24), day + kHourMs, day + 24 * kHourMs},
        {"hour range 00~01", hourlyLog("날짜,시간대,id,pm25", "2026-05-11", [](int h) { return two(h) + "~" + two(h + 1); }),
         day, day + 23 * kHourMs},
        {"HH:MM", hourlyLog("date,time,id,pm25", "2026-05-11", [](int h) { return two(h) + ":00"; }), day,
         day + 23 * kHourMs},
        {"H시", hourlyLog("일자,시,id,pm25", "2026. 5. 11.", [](int h) { return std::to_string(h) + "시"; }), day,
         day + 23 * kHourMs},
        {"US date + clock, hour column first",
         [] {
             std::string csv = "time,date,id,pm25\n";
             for (int h = 0; h < 24; ++h) csv += two(h) + ":30,5/11/2026,A,1\n";
             return csv;
         }(),
         day + 30 * 60000, day + 23 * kHourMs + 30 * 60000},
    };
    for (const Form& f : forms) {
        SCOPED_TRACE(f.what);
        auto r = importOne("log.csv", f.csv);
        ASSERT_TRUE(r.dataset) << r.report.text();
        EXPECT_EQ(r.report.rejectedTotal, 0) << r.report.text();
        EXPECT_EQ(r.dataset->startMs, f.first);
        EXPECT_EQ(r.report.lastMs, f.last);
        EXPECT_EQ(r.report.readings, f.csv.find(",B,") != std::string::npos ? 48 : 24);
        EXPECT_NE(r.report.text().find("+ time of day"), std::string::npos) << r.report.text();
        for (const auto& s : r.dataset->series) EXPECT_EQ(s.metric, "pm25");  // the hour is never a value
    }
}

TEST(ImporterSplitTime, ReportNamesBothColumnsAndBadHoursAreRejected) {
    std::string csv = hourlyLog("date,hour,id,pm25", "2026-05-11", [](int h) { return std::to_string(h); }) +
                      "2026-05-12,25,A,3\n2026-05-12,,A,4\n2026-05-12 09:00,3,A,5\n2026-05-12,4,A,6\n";
    auto r = importOne("hours.csv", csv);
    ASSERT_TRUE(r.dataset) << r.report.text();
    std::string text = r.report.text();
    EXPECT_NE(text.find("time = \"date\", hour = \"hour\""), std::string::npos) << text;
    EXPECT_NE(text.find("column \"hour\": \"25\" — not a time of day"), std::string::npos) << text;
    EXPECT_NE(text.find("column \"hour\": no time of day"), std::string::npos) << text;
    EXPECT_NE(text.find("column \"date\": \"2026-05-12 09:00\" — not a date"), std::string::npos) << text;
    EXPECT_EQ(r.report.readings, 49);
}

TEST(ImporterSplitTime, BareSmallIntegersNeedAHourName) {
    // "count" holds 0–23 too, but nothing says it is an hour: it stays a value and the rows are daily.
    std::string csv = "date,id,count\n2026-05-11,A,3\n2026-05-12,A,7\n2026-05-13,A,12\n";
    auto r = importOne("daily.csv", csv);
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(r.dataset->series.at(0).metric, "count");
    EXPECT_EQ(r.report.readings, 3);
    // --hour-col says so.
    ImportOptions opt;
    opt.hourColumn = "count";
    opt.valueColumns = {};
    std::string csv2 = "date,id,h,v\n2026-05-11,A,3,1\n2026-05-11,A,7,2\n";
    opt.hourColumn = "h";
    auto r2 = importOne("h.csv", csv2, opt);
    ASSERT_TRUE(r2.dataset) << r2.report.text();
    EXPECT_EQ(r2.dataset->startMs, ms("2026-05-11T03:00:00+09:00"));
    ImportOptions missing;
    missing.hourColumn = "nope";
    auto r3 = importOne("h.csv", csv2, missing);
    EXPECT_NE(r3.report.text().find("--hour-col \"nope\": no such column"), std::string::npos) << r3.report.text();
}

TEST(ImporterSplitTime, ADaylightSavingDayKeepsItsHours) {
    // New York, 2026-03-08: 02:00 does not exist. Hours 0, 1, 3, 4 are four distinct instants an hour apart.
    TimeZone ny = TimeZone::fromTransitions("America/New_York", -300, {{ms("2026-03-08T07:00:00Z"), -240}});
    ImportOptions opt;
    opt.zone = ny;
    std::string csv = "date,hour,id,v\n2026-03-08,0,A,1\n2026-03-08,1,A,2\n2026-03-08,3,A,3\n2026-03-08,4,A,4\n";
    auto r = importOne("ny.csv", csv, opt);
    ASSERT_TRUE(r.dataset) << r.report.text();
    EXPECT_EQ(r.dataset->startMs, ms("2026-03-08T05:00:00Z"));
    EXPECT_EQ(r.report.lastMs, ms("2026-03-08T08:00:00Z"));
    EXPECT_EQ(r.report.readings, 4);
    EXPECT_EQ(r.report.rejectedTotal, 0);
}
