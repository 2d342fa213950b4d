// event_rules.hpp — the thresholds behind the events found in the data (derived_events.hpp) and the KPIs that count
// the same moments (noise hours over the limit), and their one-line text form.
//
// Text form (URL `events=`, `setEventRules()`, docs/import.md "Events found in the data"): `key=value` pairs
// separated by commas, each key at most once; keys not given keep their default.
//   bin.full=85          a bin is full from this fill (%). Not given: the fill the data's bins are emptied at,
//                        at least 80 (binFullLevel)
//   bin.emptied=25       a fall in fill of at least this many points between two readings is an emptying
//   noise.day=55         the noise limit by day, dB
//   noise.night=45       … and by night
//   day=6-22             the local hours of the day limit: from 6:00 to 22:00 (night the rest)
//   noise.minutes=10     over the limit this long (or two readings in a row) before it is an event
//   pm25=15/35/75        PM2.5 bands, µg/m³: good up to 15, moderate to 35, bad to 75, very bad above
//   pm10=30/80/150       PM10 bands likewise
//   smoke=4              a fire sensor's smoke (%/m) from which it is an alarm
//   heat=57              a fire sensor's temperature (°C) from which it is an alarm
// e.g. `noise.night=50,day=7-22,pm25=15/25/50`. "" is every default (the Korean standards).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bk {

struct EventRules {
    double binFullPct = 80;          // fill reaching this (or a level series its top level): "bin_full"
    bool binFullGiven = false;       // binFullPct was set (bin.full=): full there, not at the data's emptying level
    double binEmptiedDropPct = 25;   // a fall in fill of at least this between two readings: "collection"
    double noiseDayDb = 55, noiseNightDb = 45;  // Korean residential standard (the simulation's too)
    int dayStartHour = 6, nightStartHour = 22;  // local time
    int64_t noiseMinMs = 10 * 60000;            // over the limit this long (or two readings) before it counts
    double pm25Bands[3] = {15, 35, 75};         // Korean bands: good | moderate | bad | very bad (µg/m³)
    double pm10Bands[3] = {30, 80, 150};
    double smokeAlarmPctPerM = 4;               // a fire sensor's smoke at or over this: "fire_alarm"
    double fireAlarmC = 57;                     // a fire sensor's temperature at or over this (a heat detector)

    // The noise limit in force at a local hour (0–23).
    double noiseLimitAt(int localHour) const {
        const bool day = dayStartHour <= nightStartHour ? localHour >= dayStartHour && localHour < nightStartHour
                                                        : localHour >= dayStartHour || localHour < nightStartHour;
        return day ? noiseDayDb : noiseNightDb;
    }
};

struct EventRulesParse {
    EventRules rules;
    std::string error;  // "" when usable: `noise.night: expected decibels from 20 to 140, got "loud"`
    bool ok() const { return error.empty(); }
};

constexpr size_t kMaxEventRulesTextBytes = 512;

// Reads the text form over the defaults. A bad pair is an error for the whole text: thresholds half applied would
// count different moments than the ones asked for.
EventRulesParse parseEventRules(std::string_view text);
// Canonical text: only the keys that differ from the defaults, in the order above; parseEventRules gives it back.
std::string formatEventRules(const EventRules& rules);

}  // namespace bk
