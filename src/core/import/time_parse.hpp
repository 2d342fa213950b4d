// time_parse.hpp — reading the time column of messy sensor CSVs: the formats, detecting which one, parsing a value.
//
// Parsing is strict per format (an impossible date is an error, not a rolled-over one) and cheap: no allocation, no
// regex, no locale, so it can run over millions of rows. Times without an offset are read in a caller-given TimeZone.
#pragma once

#include "time_zone.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace bk {

// All formats take surrounding spaces. Dates are checked (no month 13, Feb 30, hour 24, minute 60); a second of 60
// (a leap second) is accepted and lands on the next minute's :00. Fractions of a second beyond milliseconds are cut.
enum class TimeFormat {
    isoOffset,     // 2026-05-11T09:00:00+09:00, …Z, fractional seconds, also with a space instead of T, offset ±HH:MM,
                   // ±HHMM or ±HH, optionally after a space; " UTC"/" GMT" count as Z
    localDateTime, // no offset: YYYY-MM-DD[T ]HH:MM[:SS[.fff]], also YYYY/MM/DD and YYYY.MM.DD separators, 1-digit
                   // month, day and hour, the date alone (midnight), Korean Excel exports "2026-05-11 오전 9:05:00" /
                   // "오후", Korean locale text "2026. 5. 11. 오후 3:04:05", and "AM"/"PM" suffix or prefix
    usSlash,       // M/D/YYYY[,] H:MM[:SS] [AM|PM] (US; month first), 1- or 2-digit fields, '/' or '-', or the date
                   // alone
    dmySlash,      // D/M/YYYY H:MM[:SS] [AM|PM] (day first), '/', '-' or '.' ("11.05.2026 09:00"), or the date alone.
                   // Detection picks it only when it reads more samples than usSlash: a first field > 12, or '.'
    compact,       // YYYYMMDDHHMM or YYYYMMDDHHMMSS, also with a T before the time (ISO basic); YYYYMMDD alone
                   // (midnight); YYYYMMDDHH (Korean hourly exports; hour 24 is the next day's 00:00). Years from 1900
    epochSeconds,  // integer or decimal seconds since 1970 (≈ 9–10 digits)
    epochMillis,   // 13 digits (a decimal part, as float columns write it, is cut)
};
constexpr int kTimeFormatCount = 7;

// Human text for reports: "ISO 8601 with offset", "local date-time (YYYY-MM-DD HH:MM)", "US M/D/YYYY H:MM",
// "D/M/YYYY H:MM", "compact YYYYMMDDHHMM", "epoch seconds", "epoch milliseconds".
const char* timeFormatName(TimeFormat f);
// CLI flag values: "iso", "local", "us", "dmy", "compact", "epoch-s", "epoch-ms".
std::optional<TimeFormat> timeFormatFromName(std::string_view name);
const char* timeFormatFlag(TimeFormat f);  // the inverse of timeFormatFromName
// isoOffset, epoch*: the value pins the instant; the others need a time zone.
bool formatHasOffset(TimeFormat f);
// The UTC offset (minutes) an ISO 8601 value ends with: "…+09:00" → 540, "…Z" → 0; nullopt when there is none.
std::optional<int> trailingUtcOffsetMinutes(std::string_view isoValue);

// Parses one value as `format`; times without an offset are read in `zone`. nullopt if it does not parse or the
// date is impossible.
std::optional<int64_t> parseTime(std::string_view text, TimeFormat format, const TimeZone& zone);

// True when `text` is a date with no time of day in `format` ("2026-05-11", "5/11/2026", "2026. 5. 11.",
// "20260511"): a log that writes the hour in a column of its own.
bool isDateOnly(std::string_view text, TimeFormat format);
// The time of day in a column of its own, as ms after midnight (0…24 h): an hour "9", "09", "9시", "9 PM",
// "24" (the end of the day, as Korean hourly exports write it: the next day's 00:00), a clock "09:30", "09:30:00",
// "오후 9:30", or an hour range "00~01", "00-01", "00:00~01:00", "0시~1시", "23~24" (read as its start, the hour the
// reading covers). nullopt otherwise.
std::optional<int64_t> parseTimeOfDay(std::string_view text);
// True if a column name looks like an hour or time-of-day column: hour, hr, time of day, 시, 시간, 시각, 시간대,
// 측정시간, … (case, spaces and a bracketed unit do not matter).
bool looksLikeHourColumnName(std::string_view name);

// Picks the format that parses the most non-empty samples (ties: the order of the enum, so dmySlash only wins when it
// reads more than usSlash); nullopt when none parses at least 90% of them, or all are empty. Epoch values count only
// when plausible (1990–2100), so plain sensor values like 42 or 3.5 are never mistaken for times.
std::optional<TimeFormat> detectTimeFormat(const std::vector<std::string_view>& samples);

// True if a column name looks like a time column (English and Korean): time, timestamp, datetime, date, ts,
// measured_at / recordedAt / any "…_at", 측정시간, 측정일시, 등록일시, 수집시간, 시간, 일시, 날짜, …; case, spaces,
// underscores, hyphens, a unit in brackets ("time (UTC)") and a utc/kst/local prefix or suffix do not matter.
bool looksLikeTimeColumnName(std::string_view name);

}  // namespace bk
