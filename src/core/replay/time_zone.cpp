// time_zone.cpp — TimeZone: fixed offsets, transition lists, RFC 8536 TZif files and their POSIX TZ footer rule.
//
// [SECTION] lookup (offsetAtUtc, localToUtc)
// [SECTION] fixed offsets ("+09:00", "UTC-3", "KST")
// [SECTION] POSIX TZ rule ("EST5EDT,M3.2.0,M11.1.0"), expanded into transitions
// [SECTION] TZif reader
#include "time_zone.hpp"

#include "text_decode.hpp"
#include "time_util.hpp"

#include <algorithm>
#include <cstdio>

namespace bk {

namespace {
constexpr int64_t kMsPerMinute = 60000;
constexpr int kMaxFixedOffsetMinutes = 18 * 60;
constexpr int kLastRuleYear = 2100;           // footer rules are expanded up to here
constexpr int64_t kMaxAbsSeconds = 10000000000000;  // ~ year 300000; keeps ms and offset sums far from overflow

int64_t floorDiv(int64_t a, int64_t b) { return (a >= 0) ? a / b : -((-a + b - 1) / b); }

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

std::string offsetName(int offsetMinutes) {
    if (offsetMinutes == 0) return "UTC";
    int a = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
    char buf[16];
    std::snprintf(buf, sizeof buf, "UTC%c%02d:%02d", offsetMinutes < 0 ? '-' : '+', a / 60, a % 60);
    return buf;
}

int roundSecondsToMinutes(int64_t seconds) { return static_cast<int>(floorDiv(seconds + 30, 60)); }
}  // namespace

// ---- [SECTION] lookup ---------------------------------------------------------------------------------------------

TimeZone::TimeZone() : name_("UTC") {}

void TimeZone::addTransition(int64_t utcMs, int offsetMinutes) {
    int current = offsetMinutes_.empty() ? initialOffsetMinutes_ : offsetMinutes_.back();
    if (offsetMinutes == current) return;
    if (!utcMs_.empty() && utcMs <= utcMs_.back()) {
        offsetMinutes_.back() = offsetMinutes;  // same instant (or out of order): the later entry wins
        int before = offsetMinutes_.size() > 1 ? offsetMinutes_[offsetMinutes_.size() - 2] : initialOffsetMinutes_;
        if (before == offsetMinutes) {
            utcMs_.pop_back();
            offsetMinutes_.pop_back();
        }
        return;
    }
    utcMs_.push_back(utcMs);
    offsetMinutes_.push_back(offsetMinutes);
}

// A local time L is read with the new offset only once it is past both readings of the transition instant, i.e.
// L >= utc + max(before, after). Below that, L is before the change, in the skipped hour or in the repeated one, and
// the offset before the transition applies (see localToUtc in the header).
void TimeZone::indexLocalTimes() {
    localStartMs_.resize(utcMs_.size());
    int before = initialOffsetMinutes_;
    for (size_t i = 0; i < utcMs_.size(); ++i) {
        int64_t start = utcMs_[i] + std::max(before, offsetMinutes_[i]) * kMsPerMinute;
        localStartMs_[i] = i > 0 ? std::max(start, localStartMs_[i - 1]) : start;  // stays sorted for the search
        before = offsetMinutes_[i];
    }
}

int TimeZone::offsetAtUtc(int64_t utcMs) const {
    size_t k = std::upper_bound(utcMs_.begin(), utcMs_.end(), utcMs) - utcMs_.begin();
    return k == 0 ? initialOffsetMinutes_ : offsetMinutes_[k - 1];
}

std::vector<OffsetChange> TimeZone::changesBetween(int64_t fromMs, int64_t toMs) const {
    std::vector<OffsetChange> out;
    size_t k = std::lower_bound(utcMs_.begin(), utcMs_.end(), fromMs) - utcMs_.begin();
    for (; k < utcMs_.size() && utcMs_[k] <= toMs; ++k)
        out.push_back({utcMs_[k], k == 0 ? initialOffsetMinutes_ : offsetMinutes_[k - 1], offsetMinutes_[k]});
    return out;
}

int64_t TimeZone::localToUtc(int64_t localMs) const {
    size_t k = std::upper_bound(localStartMs_.begin(), localStartMs_.end(), localMs) - localStartMs_.begin();
    int offset = k == 0 ? initialOffsetMinutes_ : offsetMinutes_[k - 1];
    return localMs - offset * kMsPerMinute;
}

TimeZone::WallTime TimeZone::readWallClock(int64_t localMs) const {
    WallTime w;
    w.utc = localToUtc(localMs);
    if (utcMs_.empty()) return w;
    const int offset = offsetAtUtc(w.utc);
    if (w.utc + offset * kMsPerMinute != localMs) {  // read with the offset before a change that had already happened
        w.skipped = true;
        w.offsetBefore = int((localMs - w.utc) / kMsPerMinute);
        return w;
    }
    size_t k = std::upper_bound(utcMs_.begin(), utcMs_.end(), w.utc) - utcMs_.begin();
    if (k < utcMs_.size() && offsetMinutes_[k] < offset) {  // the next change turns clocks back: maybe a second time
        const int64_t later = localMs - offsetMinutes_[k] * kMsPerMinute;
        if (later >= utcMs_[k] && offsetAtUtc(later) == offsetMinutes_[k]) w.later = later;
    }
    return w;
}

TimeZone TimeZone::fromTransitions(std::string name, int initialOffsetMinutes,
                                   std::vector<std::pair<int64_t, int>> transitions) {
    std::stable_sort(transitions.begin(), transitions.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    TimeZone zone;
    zone.name_ = std::move(name);
    zone.named_ = true;
    zone.initialOffsetMinutes_ = initialOffsetMinutes;
    for (const auto& [utcMs, offset] : transitions) zone.addTransition(utcMs, offset);
    zone.indexLocalTimes();
    return zone;
}

// ---- [SECTION] fixed offsets --------------------------------------------------------------------------------------

TimeZone TimeZone::fixed(int offsetMinutes, std::string name) {
    TimeZone zone;
    zone.initialOffsetMinutes_ = offsetMinutes;
    zone.name_ = name.empty() ? offsetName(offsetMinutes) : std::move(name);
    return zone;
}

std::optional<TimeZone> TimeZone::parseFixed(std::string_view spec) {
    std::string_view s = trim(spec);
    struct Named { const char* name; int offsetMinutes; };
    static const Named kNamed[] = {{"Z", 0}, {"UTC", 0}, {"GMT", 0}, {"UT", 0}, {"KST", 9 * 60}, {"JST", 9 * 60}};
    for (const Named& n : kNamed)
        if (s.size() == std::char_traits<char>::length(n.name) && startsWithNoCase(s, n.name))
            return fixed(n.offsetMinutes, n.offsetMinutes == 0 ? "UTC" : n.name);
    if (startsWithNoCase(s, "UTC") || startsWithNoCase(s, "GMT")) s.remove_prefix(3);
    if (s.empty() || (s[0] != '+' && s[0] != '-')) return std::nullopt;
    int sign = s[0] == '-' ? -1 : 1;
    size_t i = 1, n = 0;
    int v = 0;
    while (i + n < s.size() && s[i + n] >= '0' && s[i + n] <= '9' && n < 5) v = v * 10 + (s[i + n++] - '0');
    int hours, minutes = 0;
    if (n == 1 || n == 2) hours = v;  // "+9", "+09", optionally ":30"
    else if (n == 3 || n == 4) hours = v / 100, minutes = v % 100;  // "+930", "+0930"
    else return std::nullopt;
    i += n;
    if (n <= 2 && i < s.size() && s[i] == ':') {
        if (i + 3 != s.size() || s[i + 1] < '0' || s[i + 1] > '9' || s[i + 2] < '0' || s[i + 2] > '9')
            return std::nullopt;
        minutes = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
        i += 3;
    }
    int total = hours * 60 + minutes;
    if (i != s.size() || minutes > 59 || total > kMaxFixedOffsetMinutes) return std::nullopt;
    return fixed(sign * total);
}

// ---- [SECTION] POSIX TZ rule --------------------------------------------------------------------------------------
// RFC 8536 section 3.3: the footer says how offsets continue after the last transition, e.g.
// "CET-1CEST,M3.5.0,M10.5.0/3" (the sign is west-positive; rule times may run from -167 to 167 hours).

namespace {
struct PosixDate {
    char kind = 'M';  // 'J': day 1..365 without Feb 29; 'N': day 0..365 with it; 'M': month.week.weekday
    int day = 0, month = 0, week = 0, weekday = 0;
    int timeSeconds = 2 * 3600;
};

struct PosixTz {
    int stdOffsetSeconds = 0;  // east-positive, as in TZif
    bool hasDst = false;
    int dstOffsetSeconds = 0;
    PosixDate start, end;
};

struct Scanner {
    std::string_view s;
    size_t i = 0;
    bool atEnd() const { return i >= s.size(); }
    bool peek(char c) const { return i < s.size() && s[i] == c; }
    bool eat(char c) {
        if (!peek(c)) return false;
        ++i;
        return true;
    }
    bool number(int maxDigits, int& out) {
        size_t n = 0;
        out = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && n < static_cast<size_t>(maxDigits))
            out = out * 10 + (s[i++] - '0'), ++n;
        return n > 0;
    }
};

bool zoneAbbreviation(Scanner& sc) {
    if (sc.eat('<')) {
        size_t start = sc.i;
        while (!sc.atEnd() && !sc.peek('>')) ++sc.i;
        return sc.i > start && sc.eat('>');
    }
    size_t start = sc.i;
    while (!sc.atEnd() && upper(sc.s[sc.i]) >= 'A' && upper(sc.s[sc.i]) <= 'Z') ++sc.i;
    return sc.i - start >= 3;
}

// [+-]hh[:mm[:ss]] as signed seconds.
bool hms(Scanner& sc, int maxHours, int& seconds) {
    int sign = 1;
    if (sc.eat('-')) sign = -1;
    else sc.eat('+');
    int h, m = 0, s = 0;
    if (!sc.number(3, h) || h > maxHours) return false;
    if (sc.eat(':') && (!sc.number(2, m) || m > 59 || (sc.eat(':') && (!sc.number(2, s) || s > 59)))) return false;
    seconds = sign * (h * 3600 + m * 60 + s);
    return true;
}

bool posixDate(Scanner& sc, PosixDate& d) {
    if (sc.eat('J')) {
        d.kind = 'J';
        if (!sc.number(3, d.day) || d.day < 1 || d.day > 365) return false;
    } else if (sc.eat('M')) {
        d.kind = 'M';
        if (!sc.number(2, d.month) || d.month < 1 || d.month > 12 || !sc.eat('.') || !sc.number(1, d.week) ||
            d.week < 1 || d.week > 5 || !sc.eat('.') || !sc.number(1, d.weekday) || d.weekday > 6)
            return false;
    } else {
        d.kind = 'N';
        if (!sc.number(3, d.day) || d.day > 365) return false;
    }
    return !sc.eat('/') || hms(sc, 167, d.timeSeconds);
}

bool parsePosixTz(std::string_view text, PosixTz& tz) {
    Scanner sc{text};
    int seconds;
    if (!zoneAbbreviation(sc) || !hms(sc, 24, seconds)) return false;
    tz.stdOffsetSeconds = -seconds;
    if (sc.atEnd()) return true;
    tz.hasDst = true;
    if (!zoneAbbreviation(sc)) return false;
    tz.dstOffsetSeconds = tz.stdOffsetSeconds + 3600;
    if (!sc.peek(',')) {
        if (!hms(sc, 24, seconds)) return false;
        tz.dstOffsetSeconds = -seconds;
    }
    // A DST name without a rule leaves the dates to the implementation; RFC 8536 files always carry one.
    return sc.eat(',') && posixDate(sc, tz.start) && sc.eat(',') && posixDate(sc, tz.end) && sc.atEnd();
}

// Days since 1970 of the rule's date in `year`.
int64_t ruleDay(const PosixDate& d, int year) {
    int64_t jan1 = daysFromCivil(year, 1, 1);
    if (d.kind == 'N') return jan1 + d.day;
    if (d.kind == 'J') {
        bool leap = daysFromCivil(year, 3, 1) - jan1 == 60;
        return jan1 + d.day - 1 + (leap && d.day >= 60 ? 1 : 0);
    }
    int64_t first = daysFromCivil(year, d.month, 1);
    int64_t next = d.month == 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, d.month + 1, 1);
    int firstWeekday = static_cast<int>(((first % 7) + 11) % 7);  // 1970-01-01 was a Thursday (4)
    int64_t day = first + (d.weekday - firstWeekday + 7) % 7 + (d.week - 1) * 7;
    while (day >= next) day -= 7;  // week 5 = the last such weekday
    return day;
}

// The rule's transitions (utcMs, offsetMinutes) from `firstYear` to kLastRuleYear, in time order.
std::vector<std::pair<int64_t, int>> ruleTransitions(const PosixTz& rule, int firstYear) {
    int stdMinutes = roundSecondsToMinutes(rule.stdOffsetSeconds);
    int dstMinutes = roundSecondsToMinutes(rule.dstOffsetSeconds);
    std::vector<std::pair<int64_t, int>> out;
    for (int year = firstYear; year <= kLastRuleYear; ++year) {
        // The start is given in standard time, the end in daylight time.
        int64_t startS = ruleDay(rule.start, year) * 86400 + rule.start.timeSeconds - rule.stdOffsetSeconds;
        int64_t endS = ruleDay(rule.end, year) * 86400 + rule.end.timeSeconds - rule.dstOffsetSeconds;
        std::pair<int64_t, int> a{startS * 1000, dstMinutes}, b{endS * 1000, stdMinutes};
        if (b.first < a.first) std::swap(a, b);  // southern hemisphere: DST ends early in the year
        out.push_back(a);
        out.push_back(b);
    }
    return out;
}
}  // namespace

// ---- [SECTION] TZif reader ----------------------------------------------------------------------------------------

namespace {
struct TzifCounts {
    uint32_t isut, isstd, leap, time, type, chars;
    uint64_t dataSize(int timeBytes) const {
        return uint64_t(time) * timeBytes + time + uint64_t(type) * 6 + chars + uint64_t(leap) * (timeBytes + 4) +
               isstd + isut;
    }
};

uint32_t be32(const char* p) {
    auto b = reinterpret_cast<const unsigned char*>(p);
    return uint32_t(b[0]) << 24 | uint32_t(b[1]) << 16 | uint32_t(b[2]) << 8 | uint32_t(b[3]);
}
int64_t be64(const char* p) { return static_cast<int64_t>(uint64_t(be32(p)) << 32 | be32(p + 4)); }

TzifCounts counts(const char* header) {
    return {be32(header + 20), be32(header + 24), be32(header + 28), be32(header + 32), be32(header + 36),
            be32(header + 40)};
}
}  // namespace

Result<TimeZone> TimeZone::fromTzif(std::string_view bytes, const std::string& name) {
    auto fail = [&](std::string message) { return LoadError{name, 0, 0, "", std::move(message)}; };
    constexpr size_t kHeader = 44;
    if (bytes.size() < kHeader || bytes.substr(0, 4) != "TZif")
        return fail("not a time-zone file (it does not start with a 44-byte \"TZif\" header)");
    char version = bytes[4];
    if (version != 0 && (version < '2' || version > '9'))
        return fail("unknown version byte " + std::to_string(static_cast<unsigned char>(version)));
    TzifCounts c = counts(bytes.data());
    size_t pos = kHeader;
    int timeBytes = 4;
    auto truncated = [&](const TzifCounts& k) {
        return fail("truncated: the header announces " + std::to_string(k.time) + " transitions and " +
                    std::to_string(k.type) + " types, but the file ends after " + std::to_string(bytes.size()) +
                    " bytes");
    };
    if (c.dataSize(4) > bytes.size() - pos) return truncated(c);
    if (version != 0) {  // skip the 32-bit block; read the 64-bit one after the second header
        pos += c.dataSize(4);
        if (bytes.size() - pos < kHeader || bytes.substr(pos, 4) != "TZif")
            return fail("the second (64-bit) header is missing or damaged");
        c = counts(bytes.data() + pos);
        pos += kHeader;
        timeBytes = 8;
        if (c.dataSize(8) > bytes.size() - pos) return truncated(c);
    }
    if (c.type == 0) return fail("no local time types");
    if ((c.isstd != 0 && c.isstd != c.type) || (c.isut != 0 && c.isut != c.type))
        return fail("indicator counts do not match the number of types (damaged header)");
    if (c.leap != 0) return fail("leap-second zones (\"right/…\") are not supported; use the plain zone file");

    const char* times = bytes.data() + pos;
    const char* typeIndex = times + size_t(c.time) * timeBytes;
    const char* types = typeIndex + c.time;
    std::vector<int> typeOffsets(c.type);
    for (uint32_t t = 0; t < c.type; ++t) {
        auto utoff = static_cast<int32_t>(be32(types + t * 6));
        auto isdst = static_cast<unsigned char>(types[t * 6 + 4]);
        if (utoff < -89999 || utoff > 93599 || isdst > 1)
            return fail("local time type " + std::to_string(t) + " is damaged (offset " + std::to_string(utoff) +
                        " s, daylight flag " + std::to_string(isdst) + ")");
        typeOffsets[t] = roundSecondsToMinutes(utoff);
    }
    TimeZone zone;
    zone.name_ = name;
    zone.named_ = true;
    zone.initialOffsetMinutes_ = typeOffsets[0];  // RFC 8536: type 0 applies before the first transition
    int64_t previous = INT64_MIN;
    for (uint32_t k = 0; k < c.time; ++k) {
        int64_t t = timeBytes == 8 ? be64(times + k * 8) : static_cast<int32_t>(be32(times + k * 4));
        auto type = static_cast<unsigned char>(typeIndex[k]);
        if (type >= c.type) return fail("transition " + std::to_string(k) + " names a type that does not exist");
        if (t <= previous) return fail("transition times are not in ascending order (at " + std::to_string(k) + ")");
        previous = t;
        zone.addTransition(std::clamp(t, -kMaxAbsSeconds, kMaxAbsSeconds) * 1000, typeOffsets[type]);
    }
    pos += c.dataSize(timeBytes);

    if (version != 0 && pos < bytes.size()) {
        size_t close = bytes.find('\n', pos + 1);
        if (bytes[pos] != '\n' || close == std::string_view::npos || close + 1 != bytes.size())
            return fail("the footer after the 64-bit data is damaged (expected a TZ string between newlines)");
        std::string_view footer = bytes.substr(pos + 1, close - pos - 1);
        PosixTz rule;
        if (!footer.empty() && !parsePosixTz(footer, rule))
            return fail("the footer TZ string \"" + std::string(footer) + "\" is not understood");
        if (!footer.empty() && rule.hasDst) {
            int64_t lastMs = zone.utcMs_.empty() ? INT64_MIN : zone.utcMs_.back();
            int firstYear = 1900;
            unsigned month, day;
            if (!zone.utcMs_.empty()) civilFromDays(floorDiv(lastMs, 86400000), firstYear, month, day);
            firstYear = std::max(firstYear, 1900);  // a damaged file must not make this loop run for millennia
            for (const auto& [utcMs, offset] : ruleTransitions(rule, firstYear))
                if (utcMs > lastMs) zone.addTransition(utcMs, offset);
        }
    }
    zone.indexLocalTimes();
    return zone;
}

}  // namespace bk
