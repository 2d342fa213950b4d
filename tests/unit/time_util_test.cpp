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
