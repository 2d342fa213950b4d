// time_util.hpp — ISO 8601 timestamps ↔ epoch milliseconds, and calendar formatting at a fixed UTC offset.
//
// Seoul has kept UTC+09:00 with no daylight saving since 1988, so KST display needs only a fixed offset, not a
// time-zone database. Recordings carry explicit offsets, so parsing never guesses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bk {

constexpr int kKstOffsetMinutes = 9 * 60;

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
int64_t daysFromCivil(int year, unsigned month, unsigned day);
void civilFromDays(int64_t days, int& year, unsigned& month, unsigned& day);

// Parses "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)". The offset is required: a time without one is ambiguous.
std::optional<int64_t> parseIsoTimeMs(std::string_view text);

// A point in time broken down in local time at `offsetMinutes` from UTC.
struct LocalTime {
    int year = 1970;
    unsigned month = 1, day = 1;
    int hour = 0, minute = 0, second = 0;
    int weekday = 4;  // 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday)
};
LocalTime toLocalTime(int64_t timeMs, int offsetMinutes);

// "2026-05-04T13:45:00+09:00"
std::string formatIsoTime(int64_t timeMs, int offsetMinutes);
// "Mon 2026-05-04" and "13:45:07"
std::string formatLocalDate(int64_t timeMs, int offsetMinutes);
std::string formatLocalClock(int64_t timeMs, int offsetMinutes, bool withSeconds);

// Start of the local day containing timeMs.
int64_t startOfLocalDayMs(int64_t timeMs, int offsetMinutes);

}  // namespace bk
