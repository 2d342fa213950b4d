// time_parse.cpp — one hand-written scanner per time format, format detection over samples, time column names.
//
// [SECTION] names
// [SECTION] scanning pieces (digits, clock, AM/PM and 오전/오후, offsets)
// [SECTION] one parser per format
// [SECTION] detection
// [SECTION] column names
#include "time_parse.hpp"

#include "time_util.hpp"

namespace bk {

// ---- [SECTION] names ----------------------------------------------------------------------------------------------

namespace {
struct FormatNames {
    TimeFormat format;
    const char* flag;
    const char* text;
};
constexpr FormatNames kFormatNames[kTimeFormatCount] = {
    {TimeFormat::isoOffset, "iso", "ISO 8601 with offset"},
    {TimeFormat::localDateTime, "local", "local date-time (YYYY-MM-DD HH:MM)"},
    {TimeFormat::usSlash, "us", "US M/D/YYYY H:MM"},
    {TimeFormat::dmySlash, "dmy", "D/M/YYYY H:MM"},
    {TimeFormat::compact, "compact", "compact YYYYMMDDHHMM"},
    {TimeFormat::epochSeconds, "epoch-s", "epoch seconds"},
    {TimeFormat::epochMillis, "epoch-ms", "epoch milliseconds"},
};
}  // namespace

const char* timeFormatName(TimeFormat f) {
    auto k = static_cast<unsigned>(f);
    return k < kTimeFormatCount ? kFormatNames[k].text : "unknown time format";
}

const char* timeFormatFlag(TimeFormat f) {
    auto k = static_cast<unsigned>(f);
    return k < kTimeFormatCount ? kFormatNames[k].flag : "";
}

std::optional<TimeFormat> timeFormatFromName(std::string_view name) {
    for (const FormatNames& n : kFormatNames)
        if (name == n.flag) return n.format;
    return std::nullopt;
}

bool formatHasOffset(TimeFormat f) {
    return f == TimeFormat::isoOffset || f == TimeFormat::epochSeconds || f == TimeFormat::epochMillis;
}

// ---- [SECTION] scanning pieces ------------------------------------------------------------------------------------

namespace {
constexpr int64_t kMsPerMinute = 60000;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

// The broken-down value as written; checked and converted once in toUtcMs.
struct Fields {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
    bool hasOffset = false;
    int offsetMinutes = 0;
};

struct Cursor {
    const char* p;
    const char* end;

    bool atEnd() const { return p == end; }
    bool peek(char c) const { return p != end && *p == c; }
    bool eat(char c) {
        if (!peek(c)) return false;
        ++p;
        return true;
    }
    bool eatAny(const char* set, char& which) {
        if (p == end) return false;
        for (const char* s = set; *s; ++s)
            if (*p == *s) {
                which = *p++;
                return true;
            }
        return false;
    }
    // Bytes compared as written; ASCII letters in `lowercase` also match their upper case.
    bool eatWord(std::string_view lowercase) {
        if (static_cast<size_t>(end - p) < lowercase.size()) return false;
        for (size_t i = 0; i < lowercase.size(); ++i)
            if (lower(p[i]) != lowercase[i]) return false;
        p += lowercase.size();
        return true;
    }
    int skipSpaces() {
        int n = 0;
        while (p != end && isSpace(*p)) ++p, ++n;
        return n;
    }
    // minDigits..maxDigits decimal digits (greedy up to maxDigits); on failure nothing is consumed or written.
    bool digits(int minDigits, int maxDigits, int& out) {
        const char* q = p;
        int v = 0;
        while (q != end && q - p < maxDigits && *q >= '0' && *q <= '9') v = v * 10 + (*q++ - '0');
        if (q - p < minDigits) return false;
        p = q;
        out = v;
        return true;
    }
};

enum class Meridiem { none, am, pm };

// "AM", "pm", "a.m.", "오전", "오후".
Meridiem meridiem(Cursor& c) {
    if (c.eatWord("오전")) return Meridiem::am;
    if (c.eatWord("오후")) return Meridiem::pm;
    Cursor save = c;
    char which;
    if (c.eatAny("aApP", which)) {
        c.eat('.');
        if (c.eat('m') || c.eat('M')) {
            c.eat('.');
            return which == 'a' || which == 'A' ? Meridiem::am : Meridiem::pm;
        }
    }
    c = save;
    return Meridiem::none;
}

// Fraction of a second after '.' or ',': milliseconds from the first three digits, the rest cut.
bool fraction(Cursor& c, int& millis) {
    if (!c.eat('.') && !c.eat(',')) return true;
    int n = 0, scale = 100;
    millis = 0;
    while (!c.atEnd() && *c.p >= '0' && *c.p <= '9') millis += (*c.p++ - '0') * scale, scale /= 10, ++n;
    return n > 0;
}

// [AM|PM|오전|오후 ]H:MM[:SS[.fff]][ AM|PM|오전|오후]; a 12-hour clock reads 12 AM as 00 and 12 PM as 12.
bool clock(Cursor& c, Fields& f, bool twelveHourAllowed) {
    Meridiem m = twelveHourAllowed ? meridiem(c) : Meridiem::none;
    if (m != Meridiem::none) c.skipSpaces();
    if (!c.digits(1, 2, f.hour) || !c.eat(':') || !c.digits(2, 2, f.minute)) return false;
    if (c.eat(':') && (!c.digits(2, 2, f.second) || !fraction(c, f.millis))) return false;
    if (twelveHourAllowed && m == Meridiem::none) {
        Cursor save = c;
        c.skipSpaces();
        m = meridiem(c);
        if (m == Meridiem::none) c = save;
    }
    if (m == Meridiem::none) return true;
    if (f.hour < 1 || f.hour > 12) return false;
    f.hour = f.hour % 12 + (m == Meridiem::pm ? 12 : 0);
    return true;
}

// After a date: the end (a date alone is midnight), or 'T' / spaces and a clock.
bool optionalClock(Cursor& c, Fields& f, bool twelveHourAllowed) {
    if (c.atEnd()) return true;
    if (!c.eat('T') && !c.eat('t') && c.skipSpaces() == 0) return false;
    return clock(c, f, twelveHourAllowed);
}

// Z, UTC, GMT, ±HH, ±HHMM, ±HH:MM (UTC/GMT may carry a numeric offset too: "UTC+09:00").
bool offset(Cursor& c, Fields& f) {
    if (c.eat('Z') || c.eat('z')) {
        f.hasOffset = true;
        return true;
    }
    bool named = c.eatWord("utc") || c.eatWord("gmt");
    char sign;
    if (!c.eatAny("+-", sign)) {
        f.hasOffset = named;
        return named;
    }
    int hours, minutes = 0;
    if (!c.digits(2, 2, hours)) return false;
    if (c.eat(':')) {
        if (!c.digits(2, 2, minutes)) return false;
    } else {
        c.digits(2, 2, minutes);  // ±HHMM, or ±HH alone; stray digits fail the end-of-text check
    }
    if (hours > 23 || minutes > 59) return false;
    f.hasOffset = true;
    f.offsetMinutes = (hours * 60 + minutes) * (sign == '-' ? -1 : 1);
    return true;
}

// Checks the calendar (Feb 30 and hour 24 are errors, not roll-overs) and converts.
std::optional<int64_t> toUtcMs(const Fields& f, const TimeZone& zone) {
    if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > 31 || f.hour > 23 || f.minute > 59 || f.second > 60)
        return std::nullopt;
    int64_t days = daysFromCivil(f.year, f.month, f.day);
    if (f.day > 28) {  // a day past the month's end rolls over in daysFromCivil: catch it by converting back
        int y;
        unsigned m, d;
        civilFromDays(days, y, m, d);
        if (d != static_cast<unsigned>(f.day)) return std::nullopt;
    }
    int64_t localMs = (days * 86400 + f.hour * 3600 + f.minute * 60 + f.second) * 1000 + f.millis;
    return f.hasOffset ? localMs - f.offsetMinutes * kMsPerMinute : zone.localToUtc(localMs);
}

// ---- [SECTION] one parser per format ------------------------------------------------------------------------------

bool parseIsoOffset(Cursor& c, Fields& f) {
    if (!c.digits(4, 4, f.year) || !c.eat('-') || !c.digits(2, 2, f.month) || !c.eat('-') || !c.digits(2, 2, f.day))
        return false;
    if (!c.eat('T') && !c.eat('t') && c.skipSpaces() == 0) return false;
    if (!clock(c, f, false)) return false;
    c.skipSpaces();
    return offset(c, f);
}

bool parseLocal(Cursor& c, Fields& f) {
    char sep;
    if (!c.digits(4, 4, f.year) || !c.eatAny("-/.", sep)) return false;
    c.skipSpaces();  // "2026. 5. 11." (Korean locale text)
    if (!c.digits(1, 2, f.month) || !c.eat(sep)) return false;
    c.skipSpaces();
    if (!c.digits(1, 2, f.day)) return false;
    if (sep == '.') c.eat('.');
    return optionalClock(c, f, true);
}

bool parseSlashed(Cursor& c, Fields& f, bool monthFirst) {
    char sep;
    int first, second;
    if (!c.digits(1, 2, first) || !c.eatAny(monthFirst ? "/-" : "/-.", sep)) return false;
    if (sep == '.') c.skipSpaces();
    if (!c.digits(1, 2, second) || !c.eat(sep)) return false;
    if (sep == '.') c.skipSpaces();
    if (!c.digits(4, 4, f.year)) return false;
    (monthFirst ? f.month : f.day) = first;
    (monthFirst ? f.day : f.month) = second;
    c.eat(',');  // "5/11/2026, 9:05:00 AM" (en-US locale text)
    return optionalClock(c, f, true);
}

// YYYYMMDD[[T]HH[MM[SS]]]: the date alone is midnight; YYYYMMDDHH is how Korean hourly exports (AirKorea) write
// the hour, with 24 for the end of the day. Years before 1900 are refused so that epoch seconds (17…, 18…) never read
// as compact dates.
bool parseCompact(Cursor& c, Fields& f, bool& endOfDay) {
    int date;
    if (!c.digits(8, 8, date)) return false;
    f.year = date / 10000, f.month = date / 100 % 100, f.day = date % 100;
    if (f.year < 1900) return false;
    if (c.atEnd()) return true;
    if (!c.eat('T')) c.eat('t');
    if (!c.digits(2, 2, f.hour)) return false;
    if (c.atEnd()) {
        endOfDay = f.hour == 24;
        if (endOfDay) f.hour = 0;
        return true;
    }
    if (!c.digits(2, 2, f.minute)) return false;
    return c.atEnd() || c.digits(2, 2, f.second);
}

// [-]digits[.digits] in `unitMs` (1000 for seconds, 1 for milliseconds); sub-millisecond digits are cut.
bool parseEpoch(Cursor& c, int64_t unitMs, int maxIntegerDigits, int64_t& outMs) {
    bool negative = c.eat('-');
    int64_t whole = 0;
    int n = 0;
    while (!c.atEnd() && *c.p >= '0' && *c.p <= '9') {
        if (++n > maxIntegerDigits) return false;
        whole = whole * 10 + (*c.p++ - '0');
    }
    if (n == 0) return false;
    int64_t ms = whole * unitMs;
    if (c.eat('.')) {
        int64_t scale = unitMs / 10;
        int k = 0;
        while (!c.atEnd() && *c.p >= '0' && *c.p <= '9') ms += (*c.p++ - '0') * scale, scale /= 10, ++k;
        if (k == 0) return false;
    }
    outMs = negative ? -ms : ms;
    return true;
}
}  // namespace

std::optional<int64_t> parseTime(std::string_view text, TimeFormat format, const TimeZone& zone) {
    std::string_view s = trim(text);
    Cursor c{s.data(), s.data() + s.size()};
    Fields f;
    bool ok = false, endOfDay = false;
    switch (format) {
    case TimeFormat::isoOffset: ok = parseIsoOffset(c, f); break;
    case TimeFormat::localDateTime: ok = parseLocal(c, f); break;
    case TimeFormat::usSlash: ok = parseSlashed(c, f, true); break;
    case TimeFormat::dmySlash: ok = parseSlashed(c, f, false); break;
    case TimeFormat::compact: ok = parseCompact(c, f, endOfDay); break;
    case TimeFormat::epochSeconds:
    case TimeFormat::epochMillis: {
        bool seconds = format == TimeFormat::epochSeconds;
        int64_t ms;
        if (parseEpoch(c, seconds ? 1000 : 1, seconds ? 12 : 15, ms) && c.atEnd()) return ms;
        return std::nullopt;
    }
    }
    if (!ok || !c.atEnd()) return std::nullopt;
    if (!endOfDay) return toUtcMs(f, zone);
    auto midnight = toUtcMs(f, TimeZone());  // hour 24: the next day's 00:00, local
    if (!midnight) return std::nullopt;
    return zone.localToUtc(*midnight + 86400000);
}

bool isDateOnly(std::string_view text, TimeFormat format) {
    std::string_view s = trim(text);
    if (formatHasOffset(format) || !parseTime(s, format, TimeZone())) return false;
    if (format == TimeFormat::compact) return s.size() == 8;
    for (char ch : s)
        if (ch == ':' || ch == 'T' || ch == 't' || ch == 'M' || ch == 'm') return false;
    return s.find("오") == std::string_view::npos;  // 오전/오후 without a clock does not parse anyway
}

std::optional<int64_t> parseTimeOfDay(std::string_view text) {
    std::string_view s = trim(text);
    Cursor c{s.data(), s.data() + s.size()};
    auto one = [&](Cursor& k) -> std::optional<int64_t> {
        Fields f;
        Cursor save = k;
        if (clock(k, f, true)) {  // H:MM[:SS][ AM|PM], 오전/오후
            if (f.hour > 24 || f.minute > 59 || f.second > 59 || (f.hour == 24 && (f.minute || f.second || f.millis)))
                return std::nullopt;
            return ((f.hour * 60 + f.minute) * 60 + f.second) * int64_t(1000) + f.millis;
        }
        k = save;
        Meridiem m = meridiem(k);
        if (m != Meridiem::none) k.skipSpaces();
        int hour;
        if (!k.digits(1, 2, hour)) return std::nullopt;
        k.skipSpaces();
        if (!k.eatWord("시") && !k.eatWord("h")) k.eatWord("時");
        if (m == Meridiem::none) {
            Cursor save2 = k;
            k.skipSpaces();
            m = meridiem(k);
            if (m == Meridiem::none) k = save2;
        }
        if (m != Meridiem::none) {
            if (hour < 1 || hour > 12) return std::nullopt;
            hour = hour % 12 + (m == Meridiem::pm ? 12 : 0);
        }
        if (hour > 24) return std::nullopt;
        return hour * int64_t(3600000);
    };
    auto start = one(c);
    if (!start) return std::nullopt;
    c.skipSpaces();
    if (c.atEnd()) return start;
    // A range ("00~01", "00-01", "00:00~01:00", "0시~1시"): the reading covers the hour that starts at its start.
    char sep;
    if (!c.eatAny("~-", sep) && !c.eatWord("～") && !c.eatWord("–")) return std::nullopt;
    c.skipSpaces();
    auto stop = one(c);
    c.skipSpaces();
    if (!stop || !c.atEnd() || *stop < *start || *start >= 24 * int64_t(3600000)) {
        // An hour range may end at the next day's first hour ("23~00", "23~24").
        if (!(stop && c.atEnd() && *stop == 0 && *start >= 23 * int64_t(3600000))) return std::nullopt;
    }
    return start;
}

// ---- [SECTION] detection ------------------------------------------------------------------------------------------

std::optional<int> trailingUtcOffsetMinutes(std::string_view v) {
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '"')) v.remove_suffix(1);
    if (v.size() < 11) return std::nullopt;  // a date alone has no offset
    if (v.back() == 'Z' || v.back() == 'z') return 0;
    size_t at = v.find_last_of("+-");
    if (at == std::string_view::npos || at < 10) return std::nullopt;  // the date's own dashes are not an offset
    auto zone = TimeZone::parseFixed(v.substr(at));
    if (!zone) return std::nullopt;
    return zone->offsetAtUtc(0);
}

std::optional<TimeFormat> detectTimeFormat(const std::vector<std::string_view>& samples) {
    constexpr int64_t kPlausibleFromMs = 631152000000;   // 1990-01-01T00:00Z
    constexpr int64_t kPlausibleToMs = 4102444800000;    // 2100-01-01T00:00Z
    const TimeZone utc;  // any zone will do: only whether a value parses matters here
    int parsed[kTimeFormatCount] = {};
    int nonEmpty = 0;
    for (std::string_view sample : samples) {
        if (trim(sample).empty()) continue;
        ++nonEmpty;
        for (int k = 0; k < kTimeFormatCount; ++k) {
            auto format = static_cast<TimeFormat>(k);
            std::optional<int64_t> t = parseTime(sample, format, utc);
            bool epoch = format == TimeFormat::epochSeconds || format == TimeFormat::epochMillis;
            if (t && (!epoch || (*t >= kPlausibleFromMs && *t < kPlausibleToMs))) ++parsed[k];
        }
    }
    int best = 0;
    for (int k = 1; k < kTimeFormatCount; ++k)
        if (parsed[k] > parsed[best]) best = k;  // strictly more: ties keep the earlier format
    if (nonEmpty == 0 || parsed[best] * 10 < nonEmpty * 9) return std::nullopt;
    return static_cast<TimeFormat>(best);
}

// ---- [SECTION] column names ---------------------------------------------------------------------------------------

namespace {
// Lower-case ASCII without spaces, separators or anything in brackets: "Hour (KST)" → "hour".
std::string_view compactName(std::string_view name, char (&buf)[96]) {
    size_t n = 0;
    int depth = 0;
    for (char ch : name) {
        if (ch == '(' || ch == '[') ++depth;
        else if (ch == ')' || ch == ']') depth = depth > 0 ? depth - 1 : 0;
        else if (depth > 0 || isSpace(ch) || ch == '_' || ch == '-' || ch == '.' || ch == ':' || ch == '/') continue;
        else if (n == sizeof buf) return {};
        else buf[n++] = lower(ch);
    }
    return std::string_view(buf, n);
}
}  // namespace

bool looksLikeHourColumnName(std::string_view name) {
    char buf[96];
    std::string_view s = compactName(name, buf);
    static constexpr std::string_view kNames[] = {
        "hour", "hr", "hh", "hours", "hourofday", "timeofday", "clock", "time", "localtime", "timekst", "hourkst",
        "시", "시간", "시각", "시간대", "측정시간", "측정시각", "측정시", "관측시간", "관측시각", "수집시간", "기록시간",
    };
    for (std::string_view k : kNames)
        if (s == k) return true;
    return false;
}

bool looksLikeTimeColumnName(std::string_view name) {
    // Lower-case ASCII, drop separators and anything in brackets ("time (KST)"), and note where the last word starts
    // (after a separator or at a camel-case hump) so that "measured_at" / "createdAt" can match but "heat" cannot.
    char buf[96];
    size_t n = 0, lastWord = 0;
    int depth = 0;
    bool newWord = true;
    char previous = 0;
    for (char ch : name) {
        if (ch == '(' || ch == '[') {
            ++depth;
        } else if (ch == ')' || ch == ']') {
            depth = depth > 0 ? depth - 1 : 0;
            newWord = true;
        } else if (depth > 0) {
            continue;
        } else if (isSpace(ch) || ch == '_' || ch == '-' || ch == '.' || ch == ':' || ch == '/') {
            newWord = true;
        } else {
            if (n == sizeof buf) return false;
            if (newWord || (ch >= 'A' && ch <= 'Z' && previous >= 'a' && previous <= 'z')) lastWord = n;
            newWord = false;
            buf[n++] = lower(ch);
            previous = ch;
        }
    }
    std::string_view s(buf, n);
    if (lastWord > 0 && s.substr(lastWord) == "at") return true;  // measured_at, recordedAt, created at
    // One zone qualifier before or after: "utc_time", "timestamp_kst", "local time".
    for (std::string_view q : {"utc", "kst", "gmt", "local"}) {
        if (s.size() > q.size() && s.substr(s.size() - q.size()) == q) s.remove_suffix(q.size());
        else if (s.size() > q.size() && s.substr(0, q.size()) == q) s.remove_prefix(q.size());
        else continue;
        break;
    }
    static constexpr std::string_view kNames[] = {
        "time", "timestamp", "datetime", "date", "ts", "dateandtime", "timestampms", "timems", "epoch", "epochms",
        "unixtime", "measurementtime", "measuretime", "measuredtime", "sampletime", "readingtime", "recordtime",
        "recordedtime", "eventtime", "logtime", "obstime", "observationtime", "collectiontime", "datadate",
        "측정시간", "측정일시", "측정시각", "측정일자", "측정날짜", "등록일시", "등록시간", "수집시간", "수집일시",
        "수집시각", "기록시간", "기록일시", "관측시간", "관측일시", "관측시각", "발생일시", "생성일시", "날짜시간",
        "시간", "일시", "시각", "일자", "날짜", "타임스탬프",
    };
    for (std::string_view k : kNames)
        if (s == k) return true;
    return false;
}

}  // namespace bk
