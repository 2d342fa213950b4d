// time_util.cpp — calendar arithmetic (days-from-civil) and strict ISO 8601 parsing without locale or libc time.
#include "time_util.hpp"

#include <algorithm>
#include <cstdio>

namespace bk {

namespace {
constexpr int64_t kMsPerDay = 86400000;

int64_t floorDiv(int64_t a, int64_t b) { return (a >= 0) ? a / b : -((-a + b - 1) / b); }

bool digits(std::string_view s, size_t at, size_t count, int& out) {
    if (at + count > s.size()) return false;
    int v = 0;
    for (size_t k = at; k < at + count; ++k) {
        if (s[k] < '0' || s[k] > '9') return false;
        v = v * 10 + (s[k] - '0');
    }
    out = v;
    return true;
}

unsigned daysInMonth(int year, unsigned month) {
    static const unsigned d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : d[month - 1];
}

const char* const kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
}  // namespace

// The era-based algorithm: each 400-year era has the same number of days (146097).
int64_t daysFromCivil(int year, unsigned month, unsigned day) {
    int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
    int64_t era = floorDiv(y, 400);
    int64_t yoe = y - era * 400;
    int64_t mp = (month + 9) % 12;  // March = 0
    int64_t doy = (153 * mp + 2) / 5 + day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civilFromDays(int64_t z, int& year, unsigned& month, unsigned& day) {
    z += 719468;
    int64_t era = floorDiv(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
    month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
    year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

std::optional<int64_t> parseIsoTimeMs(std::string_view s) {
    int year, month, day, hour, minute, second = 0, millis = 0;
    if (!digits(s, 0, 4, year) || s.size() < 16 || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-' ||
        !digits(s, 8, 2, day) || (s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2, hour) || s[13] != ':' ||
        !digits(s, 14, 2, minute))
        return std::nullopt;
    size_t i = 16;
    if (i < s.size() && s[i] == ':') {
        if (!digits(s, i + 1, 2, second)) return std::nullopt;
        i += 3;
        if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
            size_t start = ++i;
            int scale = 100;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
                millis += (s[i] - '0') * scale;
                scale /= 10;
                ++i;
            }
            if (i == start) return std::nullopt;
        }
    }
    if (month < 1 || month > 12 || day < 1 || static_cast<unsigned>(day) > daysInMonth(year, month) || hour > 23 ||
        minute > 59 || second > 60)
        return std::nullopt;
    int offsetMinutes;
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) {
        offsetMinutes = 0;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        int oh, om;
        if (!digits(s, i + 1, 2, oh)) return std::nullopt;
        size_t j = i + 3;
        if (j < s.size() && s[j] == ':') ++j;
        if (!digits(s, j, 2, om) || j + 2 != s.size() || oh > 23 || om > 59) return std::nullopt;
        offsetMinutes = (oh * 60 + om) * (s[i] == '-' ? -1 : 1);
    } else {
        return std::nullopt;  // no offset: ambiguous, refuse rather than guess
    }
    int64_t days = daysFromCivil(year, month, day);
    int64_t secs = days * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
    return secs * 1000 + millis;
}

LocalTime toLocalTime(int64_t timeMs, int offsetMinutes) {
    int64_t local = timeMs + static_cast<int64_t>(offsetMinutes) * 60000;
    int64_t days = floorDiv(local, kMsPerDay);
    int64_t msOfDay = local - days * kMsPerDay;
    LocalTime t;
    civilFromDays(days, t.year, t.month, t.day);
    t.hour = static_cast<int>(msOfDay / 3600000);
    t.minute = static_cast<int>(msOfDay / 60000 % 60);
    t.second = static_cast<int>(msOfDay / 1000 % 60);
    t.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 (day 0) was a Thursday (4)
    return t;
}

std::string formatIsoTime(int64_t timeMs, int offsetMinutes) {
    LocalTime t = toLocalTime(timeMs, offsetMinutes);
    int off = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
    // Milliseconds only when there are any, so whole-second times stay short.
    int ms = int(((timeMs % 1000) + 1000) % 1000);
    char frac[8] = "";
    if (ms) std::snprintf(frac, sizeof frac, ".%03d", ms);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d%s%c%02d:%02d", t.year, t.month, t.day, t.hour,
                  t.minute, t.second, frac, offsetMinutes < 0 ? '-' : '+', off / 60, off % 60);
    return buf;
}

std::string formatLocalDate(int64_t timeMs, int offsetMinutes) {
    LocalTime t = toLocalTime(timeMs, offsetMinutes);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s %04d-%02u-%02u", kWeekdays[t.weekday], t.year, t.month, t.day);
    return buf;
}

std::string formatLocalClock(int64_t timeMs, int offsetMinutes, bool withSeconds) {
    LocalTime t = toLocalTime(timeMs, offsetMinutes);
    char buf[16];
    if (withSeconds) std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", t.hour, t.minute, t.second);
    else std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
    return buf;
}

int64_t startOfLocalDayMs(int64_t timeMs, int offsetMinutes) {
    int64_t off = static_cast<int64_t>(offsetMinutes) * 60000;
    return floorDiv(timeMs + off, kMsPerDay) * kMsPerDay - off;
}

int offsetAtMs(int64_t utcMs, const std::vector<OffsetChange>& changes, int fixedMinutes) {
    auto after = std::upper_bound(changes.begin(), changes.end(), utcMs,
                                  [](int64_t t, const OffsetChange& c) { return t < c.utcMs; });
    if (after == changes.begin()) return changes.empty() ? fixedMinutes : changes.front().fromMinutes;
    return std::prev(after)->toMinutes;
}

// A change applies to the wall times from utcMs + max(from, to) on: below that a wall time is before the change, in
// the skipped hour or in the first reading of the repeated one, all read with the offset before it. No offset is
// beyond ±18 hours, so every change more than that before wallMs applies and only the few near it need a look; the
// first that does not apply ends the search (as TimeZone keeps its local starts in order).
int64_t localToUtcMs(int64_t wallMs, const std::vector<OffsetChange>& changes, int fixedMinutes) {
    constexpr int64_t kMaxOffsetMs = 18 * 3600000;
    auto after = std::lower_bound(changes.begin(), changes.end(), wallMs - kMaxOffsetMs,
                                  [](const OffsetChange& c, int64_t t) { return c.utcMs < t; });
    while (after != changes.end() && after->utcMs + int64_t(std::max(after->fromMinutes, after->toMinutes)) * 60000 <= wallMs)
        ++after;
    int offset = after == changes.begin() ? (changes.empty() ? fixedMinutes : changes.front().fromMinutes)
                                          : std::prev(after)->toMinutes;
    return wallMs - int64_t(offset) * 60000;
}

namespace {
int64_t wallMidnightMs(int64_t timeMs, const std::vector<OffsetChange>& changes, int fixedMinutes) {
    int64_t wall = timeMs + int64_t(offsetAtMs(timeMs, changes, fixedMinutes)) * 60000;
    return floorDiv(wall, kMsPerDay) * kMsPerDay;
}
}  // namespace

int64_t startOfLocalDayMs(int64_t timeMs, const std::vector<OffsetChange>& changes, int fixedMinutes) {
    return localToUtcMs(wallMidnightMs(timeMs, changes, fixedMinutes), changes, fixedMinutes);
}

int64_t startOfNextLocalDayMs(int64_t timeMs, const std::vector<OffsetChange>& changes, int fixedMinutes) {
    int64_t nextWall = wallMidnightMs(timeMs, changes, fixedMinutes) + kMsPerDay;
    int64_t next = localToUtcMs(nextWall, changes, fixedMinutes);
    // Only when clocks go back across midnight can the first reading of the next midnight lie behind timeMs (in the
    // repeated hour): then the day ends at its second reading, with the offset now in force.
    if (next <= timeMs) next = nextWall - int64_t(offsetAtMs(timeMs, changes, fixedMinutes)) * 60000;
    return next;
}

}  // namespace bk
