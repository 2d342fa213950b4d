// time_util_test.cpp — ISO 8601 parsing (strict, offset required) and KST formatting.
#include "time_util.hpp"

#include <gtest/gtest.h>

using namespace bk;

TEST(TimeUtil, ParsesOffsetsAndZulu) {
    EXPECT_EQ(parseIsoTimeMs("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(parseIsoTimeMs("1970-01-01T09:00:00+09:00"), 0);
    EXPECT_EQ(parseIsoTimeMs("1970-01-01T00:00:00.250Z"), 250);
    EXPECT_EQ(parseIsoTimeMs("2026-05-11T00:00:00+09:00"), int64_t(1778425200) * 1000);
    EXPECT_EQ(parseIsoTimeMs("2026-05-10T15:00Z"), int64_t(1778425200) * 1000);
}

TEST(TimeUtil, RejectsAmbiguousOrInvalidTimes) {
    EXPECT_FALSE(parseIsoTimeMs("2026-05-11T00:00:00"));   // no offset
    EXPECT_FALSE(parseIsoTimeMs("2026-02-30T00:00:00Z"));  // no such day
    EXPECT_FALSE(parseIsoTimeMs("2026-05-11T24:00:00Z"));
    EXPECT_FALSE(parseIsoTimeMs("yesterday"));
    EXPECT_FALSE(parseIsoTimeMs(""));
    EXPECT_FALSE(parseIsoTimeMs("2026-05-11T00:00:00+09:00 trailing"));
}

TEST(TimeUtil, FormatsInKstWithWeekday) {
    int64_t t = *parseIsoTimeMs("2026-05-11T13:45:07+09:00");
    EXPECT_EQ(formatLocalDate(t, kKstOffsetMinutes), "Mon 2026-05-11");
    EXPECT_EQ(formatLocalClock(t, kKstOffsetMinutes, true), "13:45:07");
    EXPECT_EQ(formatIsoTime(t, kKstOffsetMinutes), "2026-05-11T13:45:07+09:00");
    // Late evening UTC is already the next day in Seoul.
    int64_t utcEvening = *parseIsoTimeMs("2026-05-10T20:00:00Z");
    EXPECT_EQ(formatLocalDate(utcEvening, kKstOffsetMinutes), "Mon 2026-05-11");
    EXPECT_EQ(startOfLocalDayMs(t, kKstOffsetMinutes), *parseIsoTimeMs("2026-05-11T00:00:00+09:00"));
}

TEST(TimeUtil, CivilRoundTripAcrossCenturies) {
    for (int64_t d = -800000; d <= 800000; d += 997) {
        int y; unsigned m, day;
        civilFromDays(d, y, m, day);
        EXPECT_EQ(daysFromCivil(y, m, day), d);
    }
}

// ---- local days where the clocks change ------------------------------------------------------------------------

namespace {
int64_t at(const char* iso) { return *parseIsoTimeMs(iso); }
// New York in 2026: EDT from 03-08 07:00Z, EST again from 11-01 06:00Z.
const std::vector<OffsetChange> kNewYork = {{at("2026-03-08T07:00:00Z"), -300, -240}, {at("2026-11-01T06:00:00Z"), -240, -300}};
// Lisbon: WEST (+01:00) from 03-29 01:00Z, WET (+00:00) from 10-25 01:00Z.
const std::vector<OffsetChange> kLisbon = {{at("2026-03-29T01:00:00Z"), 0, 60}, {at("2026-10-25T01:00:00Z"), 60, 0}};
}  // namespace

TEST(TimeUtil, OffsetAtFollowsTheChanges) {
    EXPECT_EQ(offsetAtMs(at("2026-01-15T12:00:00Z"), kNewYork, 0), -300);
    EXPECT_EQ(offsetAtMs(at("2026-03-08T06:59:59Z"), kNewYork, 0), -300);
    EXPECT_EQ(offsetAtMs(at("2026-03-08T07:00:00Z"), kNewYork, 0), -240);
    EXPECT_EQ(offsetAtMs(at("2026-06-20T12:00:00Z"), kNewYork, 0), -240);
    EXPECT_EQ(offsetAtMs(at("2026-11-01T06:00:00Z"), kNewYork, 0), -300);
    EXPECT_EQ(offsetAtMs(at("2026-06-20T12:00:00Z"), {}, 540), 540);  // no changes: the fixed offset
    // Wall times the change skips or repeats read with the offset before it (as TimeZone::localToUtc).
    EXPECT_EQ(localToUtcMs(at("2026-03-08T02:30:00Z"), kNewYork, 0), at("2026-03-08T07:30:00Z"));
    EXPECT_EQ(localToUtcMs(at("2026-11-01T01:30:00Z"), kNewYork, 0), at("2026-11-01T05:30:00Z"));
    EXPECT_EQ(localToUtcMs(at("2026-06-20T09:00:00Z"), kNewYork, 0), at("2026-06-20T13:00:00Z"));
}

TEST(TimeUtil, LocalDaysAre23And25HoursLongWhenTheClocksChange) {
    struct Case { const std::vector<OffsetChange>* zone; const char *inDay, *midnight, *nextMidnight; int64_t hours; };
    const Case cases[] = {
        {&kNewYork, "2026-03-07T20:00:00-05:00", "2026-03-07T00:00:00-05:00", "2026-03-08T00:00:00-05:00", 24},
        {&kNewYork, "2026-03-08T12:00:00-04:00", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 23},
        {&kNewYork, "2026-06-20T23:59:00-04:00", "2026-06-20T00:00:00-04:00", "2026-06-21T00:00:00-04:00", 24},
        {&kNewYork, "2026-11-01T01:30:00-05:00", "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 25},
        {&kLisbon, "2026-03-29T10:00:00+01:00", "2026-03-29T00:00:00+00:00", "2026-03-30T00:00:00+01:00", 23},
        {&kLisbon, "2026-10-25T01:30:00+00:00", "2026-10-25T00:00:00+01:00", "2026-10-26T00:00:00+00:00", 25},
        {&kLisbon, "2026-12-24T23:00:00+00:00", "2026-12-24T00:00:00+00:00", "2026-12-25T00:00:00+00:00", 24},
    };
    for (const Case& c : cases) {
        int64_t t = at(c.inDay);
        EXPECT_EQ(startOfLocalDayMs(t, *c.zone, 0), at(c.midnight)) << c.inDay;
        EXPECT_EQ(startOfNextLocalDayMs(t, *c.zone, 0), at(c.nextMidnight)) << c.inDay;
        EXPECT_EQ(at(c.nextMidnight) - at(c.midnight), c.hours * 3600000) << c.inDay;
    }
    // A loop over days meets every midnight across both changes: 365 days, each starting at 00:00 on the wall.
    int days = 0;
    const int64_t end = at("2027-01-01T00:00:00-05:00");
    for (int64_t day = startOfLocalDayMs(at("2026-01-01T12:00:00-05:00"), kNewYork, 0); day < end;
         day = startOfNextLocalDayMs(day, kNewYork, 0), ++days) {
        LocalTime wall = toLocalTime(day, offsetAtMs(day, kNewYork, 0));
        ASSERT_EQ(wall.hour * 60 + wall.minute, 0) << formatIsoTime(day, offsetAtMs(day, kNewYork, 0));
    }
    EXPECT_EQ(days, 365);
}

TEST(TimeUtil, AMidnightTheClocksSkipStartsTheDayAtTheChange) {
    // A zone that springs forward at 00:00 (as Havana and Santiago have): 00:00–00:59 does not exist that day.
    const std::vector<OffsetChange> atMidnight = {{at("2026-03-08T05:00:00Z"), -300, -240}};
    EXPECT_EQ(startOfLocalDayMs(at("2026-03-08T12:00:00-04:00"), atMidnight, 0), at("2026-03-08T05:00:00Z"));
    EXPECT_EQ(startOfNextLocalDayMs(at("2026-03-07T12:00:00-05:00"), atMidnight, 0), at("2026-03-08T05:00:00Z"));
    // Falling back across midnight repeats 23:30–00:30: the next day is always after the time asked about.
    const std::vector<OffsetChange> backAcross = {{at("2026-11-01T04:30:00Z"), -240, -300}};
    int64_t secondPass = at("2026-10-31T23:40:00-05:00");  // after the change
    EXPECT_GT(startOfNextLocalDayMs(secondPass, backAcross, 0), secondPass);
    EXPECT_EQ(startOfNextLocalDayMs(secondPass, backAcross, 0), at("2026-11-01T00:00:00-05:00"));
}
