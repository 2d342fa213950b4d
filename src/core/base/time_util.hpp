// time_util.hpp — ISO 8601 timestamps ↔ epoch milliseconds, calendar formatting at a UTC offset, and local days
// where the offset changes (daylight saving).
//
// Seoul has kept UTC+09:00 with no daylight saving since 1988, so KST display needs only a fixed offset, not a
// time-zone database. Other cities' clocks change: a recording then carries the few offset changes of its span
// (OffsetChange), and local days are found with them. Recordings carry explicit offsets, so parsing never guesses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// A change of a place's UTC offset: at `utcMs` the clocks go from `fromMinutes` to `toMinutes`.
struct OffsetChange {
    int64_t utcMs = 0;
    int fromMinutes = 0, toMinutes = 0;
    bool operator==(const OffsetChange& o) const {
        return utcMs == o.utcMs && fromMinutes == o.fromMinutes && toMinutes == o.toMinutes;
    }
};
// With `changes` sorted by time: the offset in force at utcMs (the first change's `fromMinutes` before it,
// `fixedMinutes` when there are none).
int offsetAtMs(int64_t utcMs, const std::vector<OffsetChange>& changes, int fixedMinutes);
// A wall-clock time (ms since 1970 as if it were UTC) → UTC. A wall time skipped or repeated by a change is read
// with the offset before it, as TimeZone::localToUtc does (New York 2026-03-08 02:30 → 03:30 EDT).
int64_t localToUtcMs(int64_t wallMs, const std::vector<OffsetChange>& changes, int fixedMinutes);
// Local midnights where the offset changes: a day is 23 or 25 hours long on the days the clocks change, so a loop
// over days steps with startOfNextLocalDayMs, never with += 24 h. A midnight that does not exist (a zone that
// springs forward at 00:00) starts its day at the change. startOfNextLocalDayMs is always after timeMs.
int64_t startOfLocalDayMs(int64_t timeMs, const std::vector<OffsetChange>& changes, int fixedMinutes);
int64_t startOfNextLocalDayMs(int64_t timeMs, const std::vector<OffsetChange>& changes, int fixedMinutes);

}  // namespace bk
