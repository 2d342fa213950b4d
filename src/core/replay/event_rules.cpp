// event_rules.cpp — the event thresholds' text form: one table of keys, read over the defaults and written back.
#include "event_rules.hpp"

#include "text_form.hpp"

#include <cmath>
#include <iterator>

namespace bk {

namespace {

using text_form::formatNumber;
using text_form::parseNumber;
using text_form::quoted;
using text_form::trim;

enum class Shape { number, hours, bands };

struct Key {
    const char* name;
    Shape shape;
    double lo, hi;        // each number within [lo, hi]
    const char* expected; // what the message says a value must be
};

// The order of the text form's canonical output.
const Key kKeys[] = {
    {"bin.full",      Shape::number, 1, 99.5, "a fill in % from 1 to 99.5"},
    {"bin.emptied",   Shape::number, 1, 100,  "a fall in fill of 1 to 100 points"},
    {"noise.day",     Shape::number, 20, 140, "decibels from 20 to 140"},
    {"noise.night",   Shape::number, 20, 140, "decibels from 20 to 140"},
    {"day",           Shape::hours,  0, 23,   "the day's hours as START-END, each 0 to 23 and not equal (\"6-22\")"},
    {"noise.minutes", Shape::number, 0, 1440, "minutes from 0 to 1440"},
    {"pm25",          Shape::bands,  0, 1000, "three rising limits in µg/m³ as A/B/C (\"15/35/75\")"},
    {"pm10",          Shape::bands,  0, 1000, "three rising limits in µg/m³ as A/B/C (\"30/80/150\")"},
    {"smoke",         Shape::number, 0.01, 100, "smoke in %/m from 0.01 to 100"},
    {"heat",          Shape::number, 20, 200, "a temperature in °C from 20 to 200"},
};

// The doubles behind key k in `r`: one, or three bands.
struct Slots {
    double* at[3] = {};
    int count = 0;
};

Slots slotsOf(EventRules& r, size_t k) {
    switch (k) {
        case 0: return {{&r.binFullPct}, 1};
        case 1: return {{&r.binEmptiedDropPct}, 1};
        case 2: return {{&r.noiseDayDb}, 1};
        case 3: return {{&r.noiseNightDb}, 1};
        case 6: return {{&r.pm25Bands[0], &r.pm25Bands[1], &r.pm25Bands[2]}, 3};
        case 7: return {{&r.pm10Bands[0], &r.pm10Bands[1], &r.pm10Bands[2]}, 3};
        case 8: return {{&r.smokeAlarmPctPerM}, 1};
        case 9: return {{&r.fireAlarmC}, 1};
        default: return {};  // day (two ints) and noise.minutes (ms) are read and written by hand
    }
}

// "6-22" → {6, 22}; "15/35/75" → three numbers. Returns how many were read, or -1.
int readNumbers(std::string_view v, char separator, double (&out)[3]) {
    int n = 0;
    while (n < 3) {
        const size_t cut = v.find(separator);
        if (!parseNumber(v.substr(0, cut), out[n])) return -1;
        ++n;
        if (cut == std::string_view::npos) return n;
        v.remove_prefix(cut + 1);
    }
    return -1;  // a fourth piece
}

}  // namespace

EventRulesParse parseEventRules(std::string_view text) {
    EventRulesParse out;
    if (text.size() > kMaxEventRulesTextBytes) {
        out.error = "expected at most " + std::to_string(kMaxEventRulesTextBytes) + " bytes of rules, got " +
                    std::to_string(text.size());
        return out;
    }
    bool seen[std::size(kKeys)] = {};
    for (size_t start = 0; start <= text.size();) {
        const size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view pair = trim(text.substr(start, comma - start));
        start = comma + 1;
        if (pair.empty()) continue;
        const size_t eq = pair.find('=');
        const std::string_view name = trim(pair.substr(0, std::min(eq, pair.size())));
        size_t k = 0;
        while (k < std::size(kKeys) && name != kKeys[k].name) ++k;
        if (eq == std::string_view::npos || k == std::size(kKeys)) {
            std::string names;
            for (const Key& key : kKeys) names += (names.empty() ? "" : ", ") + std::string(key.name);
            out.error = quoted(pair) + ": expected key=value with a key among " + names;
            return out;
        }
        const Key& key = kKeys[k];
        const std::string_view value = trim(pair.substr(eq + 1));
        auto fail = [&] {
            out.error = std::string(key.name) + ": expected " + key.expected + ", got " + quoted(value);
            return out;
        };
        if (seen[k]) {
            out.error = std::string(key.name) + ": given twice (keep one)";
            return out;
        }
        seen[k] = true;
        double v[3];
        const int n = readNumbers(value, key.shape == Shape::hours ? '-' : '/', v);
        const int want = key.shape == Shape::number ? 1 : key.shape == Shape::hours ? 2 : 3;
        if (n != want) return fail();
        for (int i = 0; i < n; ++i)
            if (v[i] < key.lo || v[i] > key.hi || (key.shape == Shape::hours && v[i] != std::floor(v[i]))) return fail();
        if (key.shape == Shape::hours) {
            if (v[0] == v[1]) return fail();
            out.rules.dayStartHour = int(v[0]);
            out.rules.nightStartHour = int(v[1]);
        } else if (k == 5) {
            out.rules.noiseMinMs = int64_t(std::llround(v[0] * 60000));
        } else {
            if (key.shape == Shape::bands && !(v[0] < v[1] && v[1] < v[2])) return fail();
            Slots slots = slotsOf(out.rules, k);
            for (int i = 0; i < slots.count; ++i) *slots.at[i] = v[i];
            out.rules.binFullGiven = out.rules.binFullGiven || k == 0;
        }
    }
    return out;
}

std::string formatEventRules(const EventRules& rules) {
    EventRules defaults, given = rules;
    std::string out;
    auto add = [&](size_t k, const std::string& value) { out += (out.empty() ? "" : ",") + std::string(kKeys[k].name) + "=" + value; };
    for (size_t k = 0; k < std::size(kKeys); ++k) {
        if (k == 4) {
            if (rules.dayStartHour != defaults.dayStartHour || rules.nightStartHour != defaults.nightStartHour)
                add(k, std::to_string(rules.dayStartHour) + "-" + std::to_string(rules.nightStartHour));
        } else if (k == 5) {
            if (rules.noiseMinMs != defaults.noiseMinMs) add(k, formatNumber(double(rules.noiseMinMs) / 60000));
        } else if (k == 0 && rules.binFullGiven) {
            add(k, formatNumber(rules.binFullPct));
        } else if (k != 0) {
            const Slots mine = slotsOf(given, k), base = slotsOf(defaults, k);
            bool differs = false;
            for (int i = 0; i < mine.count; ++i) differs = differs || *mine.at[i] != *base.at[i];
            if (!differs) continue;
            std::string value;
            for (int i = 0; i < mine.count; ++i) value += (i ? "/" : "") + formatNumber(*mine.at[i]);
            add(k, value);
        }
    }
    return out;
}

}  // namespace bk
