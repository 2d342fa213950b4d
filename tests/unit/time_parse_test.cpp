// time_parse_test.cpp — time formats of sensor CSVs (parse, detect, column names) and time zones (fixed, TZif, lists).
// Expected instants were computed independently with Python's datetime and zoneinfo and are written out as numbers.
#include "time_parse.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace bk;

namespace {
const TimeZone kUtc = TimeZone::fixed(0);
const TimeZone kKst = TimeZone::fixed(9 * 60);

std::optional<int64_t> parse(std::string_view text, TimeFormat f, const TimeZone& zone = kUtc) {
    return parseTime(text, f, zone);
}

std::optional<TimeFormat> detect(std::initializer_list<const char*> samples) {
    std::vector<std::string_view> v(samples.begin(), samples.end());
    return detectTimeFormat(v);
}

std::string readFile(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return "";
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A hand-built TZif file: a 32-bit block and, for version '2', the 64-bit block and a footer TZ string.
struct TzifSpec {
    char version = '2';
    std::vector<int64_t> times;     // seconds
    std::vector<uint8_t> typeIndex; // one per time
    std::vector<int32_t> offsets;   // seconds, one per type
    std::string footer;
};

void put32(std::string& out, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}

std::string block(const TzifSpec& s, int timeBytes) {
    std::string out = "TZif";
    out += s.version;
    out += std::string(15, '\0');
    for (uint32_t count : {0u, 0u, 0u, uint32_t(s.times.size()), uint32_t(s.offsets.size()), 4u}) put32(out, count);
    for (int64_t t : s.times) {
        if (timeBytes == 8) put32(out, static_cast<uint32_t>(static_cast<uint64_t>(t) >> 32));
        put32(out, static_cast<uint32_t>(t));
    }
    for (uint8_t k : s.typeIndex) out += static_cast<char>(k);
    for (int32_t off : s.offsets) {
        put32(out, static_cast<uint32_t>(off));
        out += '\0';  // isdst
        out += '\0';  // abbreviation index
    }
    out += std::string("ABC", 4);
    return out;
}

std::string tzif(const TzifSpec& s) {
    if (s.version == 0) return block(s, 4);
    return block(s, 4) + block(s, 8) + "\n" + s.footer + "\n";
}

constexpr int64_t kHourMs = 3600000;
// 2026 transitions (UTC), from Python zoneinfo.
constexpr int64_t kNewYorkSpring2026 = 1772953200000;  // 2026-03-08T07:00Z, EST → EDT
constexpr int64_t kNewYorkFall2026 = 1793512800000;    // 2026-11-01T06:00Z, EDT → EST
constexpr int64_t kBerlinSpring2026 = 1774746000000;   // 2026-03-29T01:00Z, CET → CEST
constexpr int64_t kBerlinFall2026 = 1792890000000;     // 2026-10-25T01:00Z, CEST → CET
}  // namespace

// ---- formats ------------------------------------------------------------------------------------------------------

TEST(TimeParse, IsoWithOffsetInAllSpellings) {
    const int64_t t = 1778457600000;  // 2026-05-11T00:00Z
    for (const char* s : {"2026-05-11T09:00:00+09:00", "2026-05-11 09:00:00+09:00", "2026-05-11T09:00:00+0900",
                          "2026-05-11T09:00:00+09", "2026-05-11T09:00+09:00", "2026-05-11T00:00:00Z",
                          "2026-05-11t00:00:00z", "2026-05-10T19:00:00-05:00", "2026-05-11T05:30:00+05:30",
                          "  2026-05-11T00:00:00Z\r", "2026-05-11 00:00:00 UTC", "2026-05-11 09:00:00 +09:00"})
        EXPECT_EQ(parse(s, TimeFormat::isoOffset), t) << s;
    EXPECT_EQ(parse("2026-05-11T00:00:00.123Z", TimeFormat::isoOffset), t + 123);
    EXPECT_EQ(parse("2026-05-11T00:00:00.123456+00:00", TimeFormat::isoOffset), t + 123);  // beyond ms: cut
    EXPECT_EQ(parse("2026-05-11T00:00:00.5Z", TimeFormat::isoOffset), t + 500);
    // The zone is ignored: the offset pins the instant.
    EXPECT_EQ(parse("2026-05-11T00:00:00Z", TimeFormat::isoOffset, kKst), t);
    for (const char* s : {"2026-05-11T09:00:00", "2026-05-11T09:00:00+9", "2026-05-11T09:00:00+09:0",
                          "2026-05-11T09:00:00+091", "2026-05-11T09:00:00+24:00", "2026-05-11T09:00:00.Z",
                          "2026/05/11T09:00:00Z", "2026-5-11T09:00:00Z", "2026-05-11T09:00:00Z x", ""})
        EXPECT_FALSE(parse(s, TimeFormat::isoOffset)) << s;
}

TEST(TimeParse, TrailingOffsetOfAnIsoValue) {
    EXPECT_EQ(trailingUtcOffsetMinutes("2026-05-11T09:00:00+09:00"), 540);
    EXPECT_EQ(trailingUtcOffsetMinutes("2026-05-11 09:00-0330"), -210);
    EXPECT_EQ(trailingUtcOffsetMinutes("2026-05-11T09:00:00.250Z"), 0);
    EXPECT_EQ(trailingUtcOffsetMinutes("2026-05-11"), std::nullopt);        // the date's dashes are no offset
    EXPECT_EQ(trailingUtcOffsetMinutes("2026-05-11T09:00"), std::nullopt);  // local
    EXPECT_EQ(trailingUtcOffsetMinutes("2026-05-11T09:00+99:00"), std::nullopt);
}

TEST(TimeParse, LocalDateTimeIsReadInTheGivenZone) {
    const int64_t t = 1778457900000;  // 2026-05-11 09:05 KST
    for (const char* s : {"2026-05-11 09:05:00", "2026-05-11T09:05:00", "2026-05-11 09:05", "2026/05/11 09:05",
                          "2026.05.11 09:05:00", "2026-5-11 9:05", "2026-05-11  09:05:00.000", " 2026-05-11 09:05 "})
        EXPECT_EQ(parse(s, TimeFormat::localDateTime, kKst), t) << s;
    EXPECT_EQ(parse("2026-05-11 09:05:00.250", TimeFormat::localDateTime, kKst), t + 250);
    EXPECT_EQ(parse("2026-05-11 09:05:00", TimeFormat::localDateTime, kUtc), 1778490300000);
    EXPECT_EQ(parse("2026-05-11", TimeFormat::localDateTime, kKst), 1778425200000);  // a date alone: midnight
    for (const char* s : {"2026-05-11 09:05:00Z", "2026-05-11 09:05:00+09:00", "2026-05/11 09:05", "26-05-11 09:05",
                          "2026-05-11 9:5", "2026-05-11 09", "2026-05-11 09:05:00 XM", "2026-05-11x09:05"})
        EXPECT_FALSE(parse(s, TimeFormat::localDateTime, kKst)) << s;
}

TEST(TimeParse, KoreanMorningAfternoonFollowsTheTwelveHourRules) {
    auto kst = [](const char* s) { return parse(s, TimeFormat::localDateTime, kKst); };
    EXPECT_EQ(kst("2026-05-11 오전 9:05:00"), 1778457900000);
    EXPECT_EQ(kst("2026-05-11 오후 9:05:00"), 1778501100000);
    EXPECT_EQ(kst("2026-05-11 오전 12:30:00"), 1778427000000);  // 오전 12:30 is 00:30
    EXPECT_EQ(kst("2026-05-11 오후 12:30:00"), 1778470200000);  // 오후 12:30 is 12:30
    EXPECT_EQ(kst("2026-05-11 9:05:00 오전"), 1778457900000);
    EXPECT_EQ(kst("2026. 5. 11. 오후 3:04:05"), 1778479445000);  // Korean locale text (toLocaleString)
    EXPECT_FALSE(kst("2026-05-11 오후 13:00:00"));
    EXPECT_FALSE(kst("2026-05-11 오전 0:30:00"));
    EXPECT_FALSE(kst("2026-05-11 오전"));
}

TEST(TimeParse, AmPmFollowsTheTwelveHourRules) {
    auto kst = [](const char* s) { return parse(s, TimeFormat::localDateTime, kKst); };
    EXPECT_EQ(kst("2026-05-11 9:05:00 AM"), 1778457900000);
    EXPECT_EQ(kst("2026-05-11 9:05:00 PM"), 1778501100000);
    EXPECT_EQ(kst("2026-05-11 PM 9:05:00"), 1778501100000);
    EXPECT_EQ(kst("2026-05-11 9:05 pm"), 1778501100000);
    EXPECT_EQ(kst("2026-05-11 9:05 p.m."), 1778501100000);
    EXPECT_EQ(kst("2026-05-11 12:30:00 AM"), 1778427000000);
    EXPECT_EQ(kst("2026-05-11 12:30:00 PM"), 1778470200000);
    EXPECT_EQ(kst("2026-05-11 12:30:00AM"), 1778427000000);
    EXPECT_FALSE(kst("2026-05-11 13:00 PM"));
    EXPECT_FALSE(kst("2026-05-11 PM 9:05 PM"));
    EXPECT_FALSE(parse("2026-05-11T09:00:00 AM+09:00", TimeFormat::isoOffset));  // ISO is a 24-hour clock
}

TEST(TimeParse, UsMonthFirst) {
    EXPECT_EQ(parse("5/11/2026 9:05", TimeFormat::usSlash), 1778490300000);
    EXPECT_EQ(parse("05/11/2026 09:05:00", TimeFormat::usSlash), 1778490300000);
    EXPECT_EQ(parse("5/11/2026 9:05:30 PM", TimeFormat::usSlash), 1778533530000);
    EXPECT_EQ(parse("5/11/2026, 9:05:00 AM", TimeFormat::usSlash), 1778490300000);  // en-US locale text
    EXPECT_EQ(parse("12/31/2026 11:59:59 PM", TimeFormat::usSlash), 1798761599000);
    EXPECT_EQ(parse("5-11-2026 9:05", TimeFormat::usSlash), 1778490300000);
    EXPECT_EQ(parse("5/11/2026", TimeFormat::usSlash), 1778457600000);
    EXPECT_EQ(parse("5/11/2026 9:05", TimeFormat::usSlash, kKst), 1778490300000 - 9 * kHourMs);
    for (const char* s : {"13/11/2026 9:05", "5/11/26 9:05", "5/11-2026 9:05", "5.11.2026 9:05", "5/11/2026 25:00"})
        EXPECT_FALSE(parse(s, TimeFormat::usSlash)) << s;
}

TEST(TimeParse, DayFirst) {
    EXPECT_EQ(parse("11/05/2026 09:05", TimeFormat::dmySlash), 1778490300000);
    EXPECT_EQ(parse("11.05.2026 09:05:30", TimeFormat::dmySlash), 1778490330000);
    EXPECT_EQ(parse("11-5-2026 9:05", TimeFormat::dmySlash), 1778490300000);
    EXPECT_EQ(parse("31/12/2026 23:59", TimeFormat::dmySlash), 1798761540000);
    EXPECT_EQ(parse("11/05/2026 9:05 pm", TimeFormat::dmySlash), 1778533500000);
    EXPECT_FALSE(parse("05/13/2026 09:05", TimeFormat::dmySlash));
}

TEST(TimeParse, CompactDigits) {
    EXPECT_EQ(parse("202605110905", TimeFormat::compact), 1778490300000);
    EXPECT_EQ(parse("20260511090530", TimeFormat::compact), 1778490330000);
    EXPECT_EQ(parse("20260511T090530", TimeFormat::compact), 1778490330000);
    EXPECT_EQ(parse("202605110905", TimeFormat::compact, kKst), 1778490300000 - 9 * kHourMs);
    EXPECT_EQ(parse("20260511", TimeFormat::compact), 1778457600000);        // the date alone: midnight
    EXPECT_EQ(parse("2026051109", TimeFormat::compact), 1778490000000);      // YYYYMMDDHH (Korean hourly exports)
    for (const char* s : {"202605110", "2026051109053", "202605110905301", "2026-05-11 09:05", "18000101"})
        EXPECT_FALSE(parse(s, TimeFormat::compact)) << s;
}

TEST(TimeParse, EpochSecondsAndMillis) {
    EXPECT_EQ(parse("1778457600", TimeFormat::epochSeconds), 1778457600000);
    EXPECT_EQ(parse("1778457600.5", TimeFormat::epochSeconds), 1778457600500);
    EXPECT_EQ(parse("1778457600.123456", TimeFormat::epochSeconds), 1778457600123);
    EXPECT_EQ(parse("-1.5", TimeFormat::epochSeconds), -1500);
    EXPECT_EQ(parse("1778457600123", TimeFormat::epochMillis), 1778457600123);
    EXPECT_EQ(parse("1778457600123.0", TimeFormat::epochMillis), 1778457600123);  // a float column
    EXPECT_EQ(parse("1778457600", TimeFormat::epochSeconds, kKst), 1778457600000);  // the zone does not matter
    for (const char* s : {"", "-", "1.", "1e9", "0x10", "1778457600 s", "1234567890123"})
        EXPECT_FALSE(parse(s, TimeFormat::epochSeconds)) << s;
    EXPECT_FALSE(parse("1234567890123456", TimeFormat::epochMillis));
}

TEST(TimeParse, ImpossibleDatesAreRejectedNotRolledOver) {
    for (const char* s : {"2026-02-29 00:00", "2026-02-30 00:00", "2026-13-01 00:00", "2026-00-10 00:00",
                          "2026-04-31 00:00", "2026-05-00 00:00", "2026-05-32 00:00", "2026-05-11 24:00",
                          "2026-05-11 23:60", "2026-05-11 23:59:61", "1900-02-29 00:00"})
        EXPECT_FALSE(parse(s, TimeFormat::localDateTime)) << s;
    EXPECT_FALSE(parse("2026-02-29T00:00:00Z", TimeFormat::isoOffset));
    EXPECT_FALSE(parse("2/30/2026 1:00", TimeFormat::usSlash));
    EXPECT_FALSE(parse("30/2/2026 1:00", TimeFormat::dmySlash));
    EXPECT_FALSE(parse("202602300000", TimeFormat::compact));
    EXPECT_FALSE(parse("202605112400", TimeFormat::compact));
    EXPECT_EQ(parse("2028-02-29 00:00", TimeFormat::localDateTime), 1835395200000);  // leap years are fine
    EXPECT_EQ(parse("2000-02-29 00:00", TimeFormat::localDateTime), 951782400000);
    // A leap second lands on the next minute's :00.
    EXPECT_EQ(parse("2016-12-31T23:59:60Z", TimeFormat::isoOffset), 1483228800000);
}

TEST(TimeParse, FormatNamesAndFlagsRoundTrip) {
    EXPECT_STREQ(timeFormatName(TimeFormat::isoOffset), "ISO 8601 with offset");
    EXPECT_STREQ(timeFormatName(TimeFormat::localDateTime), "local date-time (YYYY-MM-DD HH:MM)");
    EXPECT_STREQ(timeFormatName(TimeFormat::usSlash), "US M/D/YYYY H:MM");
    EXPECT_STREQ(timeFormatName(TimeFormat::dmySlash), "D/M/YYYY H:MM");
    EXPECT_STREQ(timeFormatName(TimeFormat::compact), "compact YYYYMMDDHHMM");
    EXPECT_STREQ(timeFormatName(TimeFormat::epochSeconds), "epoch seconds");
    EXPECT_STREQ(timeFormatName(TimeFormat::epochMillis), "epoch milliseconds");
    const char* flags[] = {"iso", "local", "us", "dmy", "compact", "epoch-s", "epoch-ms"};
    for (int k = 0; k < kTimeFormatCount; ++k) {
        EXPECT_EQ(timeFormatFromName(flags[k]), static_cast<TimeFormat>(k)) << flags[k];
        EXPECT_STREQ(timeFormatFlag(static_cast<TimeFormat>(k)), flags[k]);
    }
    EXPECT_FALSE(timeFormatFromName("ISO8601"));
    EXPECT_FALSE(timeFormatFromName(""));
    EXPECT_TRUE(formatHasOffset(TimeFormat::isoOffset));
    EXPECT_TRUE(formatHasOffset(TimeFormat::epochSeconds));
    EXPECT_TRUE(formatHasOffset(TimeFormat::epochMillis));
    EXPECT_FALSE(formatHasOffset(TimeFormat::localDateTime));
    EXPECT_FALSE(formatHasOffset(TimeFormat::usSlash));
    EXPECT_FALSE(formatHasOffset(TimeFormat::dmySlash));
    EXPECT_FALSE(formatHasOffset(TimeFormat::compact));
}

// ---- detection ----------------------------------------------------------------------------------------------------

TEST(TimeParseDetect, EachFormatFromSamples) {
    EXPECT_EQ(detect({"2026-05-11T09:00:00+09:00", "2026-05-11T09:01:00.5+09:00", "2026-05-11T00:02:00Z"}),
              TimeFormat::isoOffset);
    EXPECT_EQ(detect({"2026-05-11 09:00:00", "2026-05-11 09:01:00", "2026-05-11 09:02:00"}),
              TimeFormat::localDateTime);
    EXPECT_EQ(detect({"2026-05-11 오전 9:00:00", "2026-05-11 오전 11:59:00", "2026-05-11 오후 12:00:00"}),
              TimeFormat::localDateTime);
    EXPECT_EQ(detect({"5/11/2026 9:00", "5/11/2026 9:01", "5/13/2026 9:02"}), TimeFormat::usSlash);
    EXPECT_EQ(detect({"11.05.2026 09:00", "11.05.2026 09:01"}), TimeFormat::dmySlash);  // dots: day first only
    EXPECT_EQ(detect({"202605110900", "202605110901", "202605110902"}), TimeFormat::compact);
    EXPECT_EQ(detect({"1778457600", "1778457660", "1778457720.5"}), TimeFormat::epochSeconds);
    EXPECT_EQ(detect({"1778457600000", "1778457660000", "1778457720000"}), TimeFormat::epochMillis);
}

TEST(TimeParseDetect, DayFirstOnlyWithADayAboveTwelve) {
    EXPECT_EQ(detect({"11/05/2026 09:00", "12/05/2026 09:00"}), TimeFormat::usSlash);  // ambiguous: US
    EXPECT_EQ(detect({"11/05/2026 09:00", "12/05/2026 09:00", "13/05/2026 09:00"}), TimeFormat::dmySlash);
    // One day-first proof among many ambiguous rows is enough; a US proof (second field > 12) keeps US.
    std::vector<std::string> rows;
    for (int d = 1; d <= 12; ++d) rows.push_back(std::to_string(d) + "/05/2026 09:00");
    rows.push_back("25/05/2026 09:00");
    std::vector<std::string_view> views(rows.begin(), rows.end());
    EXPECT_EQ(detectTimeFormat(views), TimeFormat::dmySlash);
    EXPECT_EQ(detect({"05/11/2026 09:00", "05/25/2026 09:00"}), TimeFormat::usSlash);
}

TEST(TimeParseDetect, PlainSensorValuesAreNeverTimes) {
    std::vector<std::string> numbers;
    for (int v = 0; v <= 1000; ++v) numbers.push_back(std::to_string(v));
    std::vector<std::string_view> all(numbers.begin(), numbers.end());
    EXPECT_FALSE(detectTimeFormat(all));
    for (std::string_view v : all) EXPECT_FALSE(detectTimeFormat({v})) << v;
    EXPECT_FALSE(detect({"3.5"}));
    EXPECT_FALSE(detect({"3.5", "4.25", "-7", "42", "0.001"}));
    EXPECT_FALSE(detect({"123456789", "98765432"}));  // before 1990 as seconds
    EXPECT_FALSE(detect({"99999999999"}));            // neither seconds (year 5138) nor millis (1973)
    EXPECT_FALSE(detect({"ok", "warn", "ok"}));
}

TEST(TimeParseDetect, NinetyPercentRuleAndEmptyCells) {
    // 9 of 10 parse: enough. 8 of 10: not.
    EXPECT_EQ(detect({"1778457600", "1778457601", "1778457602", "1778457603", "1778457604", "1778457605",
                      "1778457606", "1778457607", "1778457608", "n/a"}),
              TimeFormat::epochSeconds);
    EXPECT_FALSE(detect({"1778457600", "1778457601", "1778457602", "1778457603", "1778457604", "1778457605",
                         "1778457606", "1778457607", "n/a", "n/a"}));
    EXPECT_EQ(detect({"", "2026-05-11 09:00", "  ", "2026-05-11 09:01"}), TimeFormat::localDateTime);
    EXPECT_FALSE(detect({"", " "}));
    EXPECT_FALSE(detectTimeFormat({}));
}

// ---- column names -------------------------------------------------------------------------------------------------

TEST(TimeParse, TimeColumnNames) {
    for (const char* s : {"time", "Time", "TIMESTAMP", "datetime", "Date Time", "date_time", "date", "ts",
                          "measured_at", "recordedAt", "created at", "time (UTC)", "timestamp_kst", "Local Time",
                          "utc_time", "측정시간", "측정일시", "측정 일시", "등록일시", "수집시간", "시간", "일시",
                          "날짜", "측정일시(KST)", "epoch_ms"})
        EXPECT_TRUE(looksLikeTimeColumnName(s)) << s;
    for (const char* s : {"temperature", "heat", "at", "AT", "status", "counts", "pm25", "sensor_id", "value",
                          "time_zone", "온도", "습도", "", "utc"})
        EXPECT_FALSE(looksLikeTimeColumnName(s)) << s;
}

// ---- time zones ---------------------------------------------------------------------------------------------------

TEST(TimeZone, ParsesFixedOffsetSpellings) {
    struct Case { const char* spec; int offsetMinutes; };
    for (Case c : {Case{"+09:00", 540}, {"+0900", 540}, {"+9", 540}, {"-05", -300}, {"-05:00", -300}, {"UTC", 0},
                   {"utc", 0}, {"Z", 0}, {"GMT", 0}, {"UTC+9", 540}, {"UTC-03:30", -210}, {"GMT+5:45", 345},
                   {"UTC+0530", 330}, {"KST", 540}, {"JST", 540}, {" +09:00 ", 540}, {"+14:00", 840}}) {
        std::optional<TimeZone> z = TimeZone::parseFixed(c.spec);
        ASSERT_TRUE(z) << c.spec;
        EXPECT_EQ(z->offsetAtUtc(0), c.offsetMinutes) << c.spec;
        EXPECT_EQ(z->offsetAtUtc(kNewYorkSpring2026), c.offsetMinutes) << c.spec;
        EXPECT_TRUE(z->isFixed());
    }
    for (const char* s : {"", "+", "9", "+9:0", "+09:60", "+19:00", "UTC+", "UTC9", "EST", "Asia/Seoul", "+09:00x",
                          "+123456"})
        EXPECT_FALSE(TimeZone::parseFixed(s)) << s;
    EXPECT_EQ(TimeZone::parseFixed("+09:00")->name(), "UTC+09:00");
    EXPECT_EQ(TimeZone::parseFixed("UTC-3:30")->name(), "UTC-03:30");
    EXPECT_EQ(TimeZone::parseFixed("KST")->name(), "KST");
    EXPECT_EQ(TimeZone::parseFixed("Z")->name(), "UTC");
    EXPECT_EQ(TimeZone().name(), "UTC");
    // A fixed zone reads local times at its offset.
    TimeZone minus330 = *TimeZone::parseFixed("UTC-03:30");
    EXPECT_EQ(minus330.localToUtc(0), 210 * 60000);
    EXPECT_EQ(parseTime("2026-05-11 09:05", TimeFormat::localDateTime, *TimeZone::parseFixed("+0900")), 1778457900000);
}

namespace {
// Offsets just before and at each 2026 transition, and local times in the gap and the overlap.
void expectNewYork2026(const TimeZone& ny) {
    EXPECT_EQ(ny.offsetAtUtc(kNewYorkSpring2026 - 1), -300);
    EXPECT_EQ(ny.offsetAtUtc(kNewYorkSpring2026), -240);
    EXPECT_EQ(ny.offsetAtUtc(kNewYorkFall2026 - 1), -240);
    EXPECT_EQ(ny.offsetAtUtc(kNewYorkFall2026), -300);
    auto local = [&](const char* s) { return parseTime(s, TimeFormat::localDateTime, ny); };
    EXPECT_EQ(local("2026-03-08 01:59"), kNewYorkSpring2026 - 60000);
    EXPECT_EQ(local("2026-03-08 02:30"), 1772955000000);  // does not exist: read as EST → 07:30Z (03:30 EDT)
    EXPECT_EQ(local("2026-03-08 03:00"), kNewYorkSpring2026);
    EXPECT_EQ(local("2026-11-01 00:59"), kNewYorkFall2026 - 61 * 60000);  // EDT
    EXPECT_EQ(local("2026-11-01 01:30"), 1793511000000);  // twice: the first (EDT) → 05:30Z
    EXPECT_EQ(local("2026-11-01 02:00"), kNewYorkFall2026 + kHourMs);
    EXPECT_EQ(local("2026-07-01 12:00"), 1782921600000);
}

void expectBerlin2026(const TimeZone& berlin) {
    EXPECT_EQ(berlin.offsetAtUtc(kBerlinSpring2026 - 1), 60);
    EXPECT_EQ(berlin.offsetAtUtc(kBerlinSpring2026), 120);
    EXPECT_EQ(berlin.offsetAtUtc(kBerlinFall2026 - 1), 120);
    EXPECT_EQ(berlin.offsetAtUtc(kBerlinFall2026), 60);
    auto local = [&](const char* s) { return parseTime(s, TimeFormat::localDateTime, berlin); };
    EXPECT_EQ(local("2026-03-29 02:30"), 1774747800000);  // gap: CET → 01:30Z
    EXPECT_EQ(local("2026-10-25 02:30"), 1792888200000);  // overlap: CEST first → 00:30Z
    EXPECT_EQ(local("2026-10-25 03:00"), kBerlinFall2026 + kHourMs);
}

std::optional<TimeZone> systemZone(const char* path, const char* name) {
    std::string bytes = readFile(path);
    if (bytes.empty()) return std::nullopt;
    Result<TimeZone> z = TimeZone::fromTzif(bytes, name);
    EXPECT_TRUE(z.ok()) << (z.ok() ? "" : z.error().describe());
    if (!z.ok()) return std::nullopt;
    return z.value();
}

const TzifSpec kSlimNewYork = {'2', {}, {}, {-18000}, "EST5EDT,M3.2.0,M11.1.0"};
}  // namespace

TEST(TimeZone, SystemTzifNewYorkAndBerlin) {
    std::optional<TimeZone> ny = systemZone("/usr/share/zoneinfo/America/New_York", "America/New_York");
    std::optional<TimeZone> berlin = systemZone("/usr/share/zoneinfo/Europe/Berlin", "Europe/Berlin");
    if (!ny || !berlin) GTEST_SKIP() << "no /usr/share/zoneinfo on this machine";
    EXPECT_EQ(ny->name(), "America/New_York");
    expectNewYork2026(*ny);
    expectBerlin2026(*berlin);
    EXPECT_EQ(ny->offsetAtUtc(0), -300);  // 1970-01-01: EST
}

TEST(TimeZone, FooterRuleGivesTheSameOffsetsAsTheListedTransitions) {
    // A "slim" file lists no transitions after 2007; the footer rule must continue them.
    Result<TimeZone> slim = TimeZone::fromTzif(tzif(kSlimNewYork), "slim New York");
    ASSERT_TRUE(slim.ok()) << slim.error().describe();
    expectNewYork2026(slim.value());
    std::optional<TimeZone> fat = systemZone("/usr/share/zoneinfo/America/New_York", "America/New_York");
    if (!fat) GTEST_SKIP() << "no /usr/share/zoneinfo on this machine";
    const int64_t from2008 = 1199145600000, to2037 = 2145916800000;
    for (int64_t t = from2008; t < to2037; t += kHourMs / 2) {
        ASSERT_EQ(slim->offsetAtUtc(t), fat->offsetAtUtc(t)) << t;
        ASSERT_EQ(slim->localToUtc(t), fat->localToUtc(t)) << t;
    }
}

TEST(TimeZone, SouthernHemisphereFooterRule) {
    // Sydney: DST ends 2026-04-05 03:00 AEDT (04-04T16:00Z) and starts 2026-10-04 02:00 AEST (10-03T16:00Z).
    Result<TimeZone> z = TimeZone::fromTzif(tzif({'2', {}, {}, {36000}, "AEST-10AEDT,M10.1.0,M4.1.0/3"}), "Sydney");
    ASSERT_TRUE(z.ok()) << z.error().describe();
    EXPECT_EQ(z->offsetAtUtc(1775318400000 - 1), 660);
    EXPECT_EQ(z->offsetAtUtc(1775318400000), 600);
    EXPECT_EQ(z->offsetAtUtc(1791043200000 - 1), 600);
    EXPECT_EQ(z->offsetAtUtc(1791043200000), 660);
    // A rule-less footer ("<+09>-9") keeps the last offset.
    Result<TimeZone> seoul = TimeZone::fromTzif(tzif({'2', {0}, {1}, {30600, 32400}, "<+09>-9"}), "Seoul");
    ASSERT_TRUE(seoul.ok()) << seoul.error().describe();
    EXPECT_EQ(seoul->offsetAtUtc(-1), 510);
    EXPECT_EQ(seoul->offsetAtUtc(kNewYorkFall2026), 540);
}

TEST(TimeZone, VersionOneTzif) {
    Result<TimeZone> z = TimeZone::fromTzif(
        tzif({0, {kNewYorkSpring2026 / 1000, kNewYorkFall2026 / 1000}, {1, 0}, {-18000, -14400}, ""}), "v1");
    ASSERT_TRUE(z.ok()) << z.error().describe();
    EXPECT_EQ(z->transitionCount(), 2u);
    EXPECT_EQ(z->offsetAtUtc(kNewYorkSpring2026 - 1), -300);
    EXPECT_EQ(z->offsetAtUtc(kNewYorkSpring2026), -240);
    EXPECT_EQ(z->offsetAtUtc(kNewYorkFall2026), -300);
    EXPECT_EQ(z->localToUtc(1772937000000), 1772955000000);  // 2026-03-08 02:30 local → 07:30Z
}

TEST(TimeZone, DamagedTzifFilesAreErrorsThatSayWhy) {
    auto error = [](const std::string& bytes) {
        Result<TimeZone> z = TimeZone::fromTzif(bytes, "zone.tzif");
        return z.ok() ? std::string("(accepted)") : z.error().describe();
    };
    std::string good = tzif(kSlimNewYork);
    ASSERT_EQ(error(good), "(accepted)");
    EXPECT_NE(error("").find("not a time-zone file"), std::string::npos);
    EXPECT_NE(error("hello, this is not a zone file at all, just text").find("not a time-zone file"),
              std::string::npos);
    EXPECT_NE(error(good.substr(0, 60)).find("second (64-bit) header"), std::string::npos);
    std::string withTransitions = tzif({'2', {kNewYorkSpring2026 / 1000}, {1}, {-18000, -14400}, ""});
    EXPECT_NE(error(withTransitions.substr(0, withTransitions.size() - 10)).find("truncated"), std::string::npos);
    EXPECT_NE(error(tzif({'2', {100}, {7}, {-18000}, ""})).find("type that does not exist"), std::string::npos);
    EXPECT_NE(error(tzif({'2', {200, 100}, {0, 0}, {-18000}, ""})).find("ascending"), std::string::npos);
    EXPECT_NE(error(tzif({'2', {}, {}, {}, ""})).find("no local time types"), std::string::npos);
    EXPECT_NE(error(tzif({'2', {}, {}, {-18000}, "EST5EDT,M13.2.0,M11.1.0"})).find("footer TZ string"),
              std::string::npos);
    EXPECT_NE(error(good + "junk").find("footer"), std::string::npos);
    std::string badVersion = good;
    badVersion[4] = '1';
    EXPECT_NE(error(badVersion).find("version"), std::string::npos);
    EXPECT_EQ(error(badVersion).rfind("zone.tzif", 0), 0u);  // the file is named
    std::string hugeCount = good;
    hugeCount[32] = '\x7f';  // timecnt of the 32-bit block
    EXPECT_NE(error(hugeCount).find("truncated"), std::string::npos);
}

TEST(TimeZone, TransitionListBehavesLikeTheTzif) {
    // What a browser would compute for New York in 2026, given out of order.
    TimeZone list = TimeZone::fromTransitions("America/New_York", -300,
                                              {{kNewYorkFall2026, -300}, {kNewYorkSpring2026, -240}});
    EXPECT_EQ(list.name(), "America/New_York");
    expectNewYork2026(list);
    Result<TimeZone> slim = TimeZone::fromTzif(tzif(kSlimNewYork), "slim New York");
    ASSERT_TRUE(slim.ok());
    const int64_t from2026 = 1767225600000, to2027 = 1798761600000;
    for (int64_t t = from2026; t < to2027; t += kHourMs / 4) {
        ASSERT_EQ(list.offsetAtUtc(t), slim->offsetAtUtc(t)) << t;
        ASSERT_EQ(list.localToUtc(t), slim->localToUtc(t)) << t;
    }
    // Repeated or no-op entries change nothing.
    TimeZone noisy = TimeZone::fromTransitions("x", -300, {{0, -300}, {kNewYorkSpring2026, -240},
                                                           {kNewYorkSpring2026, -240}, {kNewYorkFall2026, -300}});
    EXPECT_EQ(noisy.transitionCount(), 2u);
    expectNewYork2026(noisy);
}
