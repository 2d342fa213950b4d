// time_zone.hpp — UTC offsets over time: a fixed offset, an RFC 8536 TZif file, or a list of offset transitions.
//
// No OS time-zone database and no <chrono> zones: the browser build has neither. Whoever has the zone data (a TZif
// file the caller read, or transitions a browser computed with Intl) hands it over; this class only does the lookup.
#pragma once

#include "load_error.hpp"
#include "time_util.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bk {

class TimeZone {
public:
    TimeZone();  // UTC

    // `name` defaults to "UTC" or "UTC+09:00".
    static TimeZone fixed(int offsetMinutes, std::string name = "");
    // "+09:00", "+0900", "+9", "-05", "UTC", "Z", "GMT", "UTC+9", "GMT-03:30", "KST" (+9), "JST" (+9); case and
    // surrounding spaces do not matter. Offsets up to ±18:00. nullopt otherwise.
    static std::optional<TimeZone> parseFixed(std::string_view spec);
    // RFC 8536 TZif, version 1 (32-bit times) or 2+ (the 64-bit section). The footer TZ string (e.g.
    // "EST5EDT,M3.2.0,M11.1.0") is expanded into transitions up to the end of 2100, so "slim" files, which stop listing
    // transitions in 2007, still give the right DST; after the last transition its offset stays. Leap-second ("right/")
    // files are refused: their times are not POSIX times. Offsets are rounded to whole minutes (only pre-1900 local
    // mean times have seconds). Errors name what is wrong, with `name` as the file.
    static Result<TimeZone> fromTzif(std::string_view bytes, const std::string& name);
    // Transitions (utcMs at which offsetMinutes starts); sorted here if they are not. `initialOffsetMinutes` applies
    // before the first.
    static TimeZone fromTransitions(std::string name, int initialOffsetMinutes,
                                    std::vector<std::pair<int64_t, int>> transitions);

    const std::string& name() const { return name_; }
    // True for a zone of the world (a TZif file or transitions, "America/New_York"), false for a fixed offset.
    bool isNamed() const { return named_; }
    bool isFixed() const { return utcMs_.empty(); }
    size_t transitionCount() const { return utcMs_.size(); }
    int offsetAtUtc(int64_t utcMs) const;
    // The changes at instants in [fromMs, toMs], in time order: what a recording of that span keeps of its zone.
    std::vector<OffsetChange> changesBetween(int64_t fromMs, int64_t toMs) const;
    // Local wall-clock time (ms since 1970 as if it were UTC) → UTC ms. A wall time that does not exist (the hour
    // skipped when clocks go forward) or exists twice (the hour repeated when they go back) is read with the offset
    // in force before the transition: New York 2026-03-08 02:30 → 07:30Z (= 03:30 EDT); 2026-11-01 01:30 → the
    // first one, 05:30Z (EDT). That is also what Python's fold=0 and JavaScript's Date do.
    int64_t localToUtc(int64_t localMs) const;
    // A wall-clock time as a log that follows the zone wrote it: `utc` as localToUtc reads it; `later`, for a wall
    // time that exists twice (the hour repeated when clocks go back), its second instant; `skipped` for one that does
    // not exist (the hour skipped when they go forward), with `offsetBefore` the offset in force before that change.
    struct WallTime {
        int64_t utc = 0;
        std::optional<int64_t> later;
        bool skipped = false;
        int offsetBefore = 0;
    };
    WallTime readWallClock(int64_t localMs) const;

private:
    void addTransition(int64_t utcMs, int offsetMinutes);  // drops no-op changes; a later equal time replaces
    void indexLocalTimes();                                // fills localStartMs_ after the last addTransition

    std::string name_;
    bool named_ = false;
    int initialOffsetMinutes_ = 0;
    std::vector<int64_t> utcMs_;        // transition instants, ascending
    std::vector<int> offsetMinutes_;    // offset from utcMs_[i] on
    std::vector<int64_t> localStartMs_; // first local time read with offsetMinutes_[i] (see localToUtc), ascending
};

}  // namespace bk
