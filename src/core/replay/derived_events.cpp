// derived_events.cpp — one pass over each series: the moments a presenter would jump to, by what the series measures.
#include "derived_events.hpp"

#include "event_kinds.hpp"
#include "quantity.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace bk {

namespace {

// A reading as the note shows it, whole or with one decimal: integer formatting, since a city-sized dataset finds
// millions of events and snprintf was nine tenths of the pass (bench DeriveEvents1M).
std::string num(double v, bool oneDecimal = false) {
    const long long scaled = std::llround(oneDecimal ? v * 10 : v);
    std::string out = std::to_string((scaled < 0 ? -scaled : scaled) / (oneDecimal ? 10 : 1));
    if (scaled < 0) out.insert(out.begin(), '-');
    if (oneDecimal) out += '.', out += char('0' + (scaled < 0 ? -scaled : scaled) % 10);
    return out;
}

int bandOf(double v, const double (&bands)[3]) {
    int b = 0;
    while (b < 3 && v > bands[b]) ++b;
    return b;
}

const char* const kBandNames[4] = {"good", "moderate", "bad", "very bad"};

}  // namespace

std::vector<Event> deriveEvents(const Dataset& d, const QualityReport& quality, const EventRules& rules) {
    std::vector<std::string_view> recorded;  // the kinds the recording has (a handful)
    for (const Event& e : d.events)
        if (!e.derived && std::find(recorded.begin(), recorded.end(), e.kind) == recorded.end()) recorded.push_back(e.kind);
    std::vector<Event> out;
    auto emit = [&](int64_t t, uint32_t sensor, std::string_view kind, double value, std::string note) {
        if (std::find(recorded.begin(), recorded.end(), kind) != recorded.end()) return;
        Event e;
        e.timeMs = t;
        e.sensor = sensor;
        e.kind = std::string(kind);
        e.value = value;
        e.note = std::move(note);
        e.derived = true;
        out.push_back(std::move(e));
    };
    // A fire sensor raises one alarm at a time, whichever of its series shows it first.
    std::vector<char> fireActive(d.sensors.size(), 0);
    std::vector<char> hasSmoke(d.sensors.size(), 0);
    for (const Series& s : d.series)
        if (s.metric == "smoke") hasSmoke[s.sensor] = 1;

    for (const Series& s : d.series) {
        const Sensor& sensor = d.sensors[s.sensor];
        const Quantity q = quantityOfMetric(s.metric);
        const bool levels = !s.levels.empty();
        const double top = levels ? double(s.levels.size() - 1) : 0;
        const bool fire = sensor.type == SensorType::fire &&
                          (s.metric == "smoke" || (s.metric == "temperature" && !hasSmoke[s.sensor]) || levels);
        // Occupancy's "full": the lot's capacity, 100 for a percentage, the top level of a level series.
        double capacity = sensor.capacity > 0 ? sensor.capacity : s.unit == "%" ? 100 : levels ? top : 0;
        if (q == Quantity::none && !fire) continue;
        if (q == Quantity::occupancy && capacity <= 0) continue;
        bool armed = true;           // may fire again (re-armed once the reading goes back)
        int band = -1;               // air: the band in force
        int64_t overSince = -1;      // noise: the first reading of the stretch over the limit
        double overLimit = 0;
        bool overCounted = false;
        int overReadings = 0;
        int pendingBand = -1;        // air: the last reading's band, its time and value
        int64_t pendingMs = 0;
        double pendingValue = 0;
        double prev = NAN;
        for (uint32_t i = 0; i < s.count; ++i) {
            const double v = d.values[s.offset + i];
            if (std::isnan(v)) continue;
            const int64_t t = s.timeAt(d.timesMs, i);
            if (fire) {
                const double alarmAt = levels ? top : s.metric == "smoke" ? rules.smokeAlarmPctPerM : rules.fireAlarmC;
                if (v >= alarmAt && !fireActive[s.sensor]) {
                    fireActive[s.sensor] = 1;
                    emit(t, s.sensor, event_kind::fireAlarm, v,
                         levels ? s.levels.back() : (s.metric == "smoke" ? "smoke " + num(v, true) + " %/m" : num(v) + " °C"));
                } else if (fireActive[s.sensor] && v < (levels ? top : alarmAt * 0.5)) {
                    fireActive[s.sensor] = 0;
                    emit(t, s.sensor, event_kind::alarmCleared, v, "readings back to normal");
                }
                prev = v;
                continue;
            }
            switch (q) {
                case Quantity::fill: {
                    const double full = levels ? top : rules.binFullPct;
                    if (!std::isnan(prev) && (levels ? v == 0 && prev > 0 : prev - v >= rules.binEmptiedDropPct)) {
                        emit(t, s.sensor, event_kind::collection, prev,
                             levels ? s.levels[size_t(prev)] + " → " + s.levels[0] : "fill " + num(prev) + " % → " + num(v) + " %");
                        armed = true;
                    }
                    if (v >= full && armed && (std::isnan(prev) || prev < full)) {
                        emit(t, s.sensor, event_kind::binFull, v, levels ? s.levels.back() : "fill " + num(v) + " %");
                        armed = false;
                    } else if (v < full - (levels ? 0.5 : 10)) {
                        armed = true;
                    }
                    break;
                }
                case Quantity::occupancy:
                    if (v >= capacity && armed) {
                        emit(t, s.sensor, event_kind::lotFull, v, num(v) + " of " + num(capacity) + " spaces taken");
                        armed = false;
                    } else if (v < capacity && !armed) {
                        emit(t, s.sensor, event_kind::lotFree, v, num(v) + " of " + num(capacity) + " spaces taken");
                        armed = true;
                    }
                    break;
                case Quantity::noise: {
                    const int64_t localMs = t + int64_t(d.offsetAt(t)) * 60000;
                    const int hour = int(((localMs / 3600000) % 24 + 24) % 24);
                    const double limit = rules.noiseLimitAt(hour);
                    if (v > limit) {
                        if (overSince < 0) overSince = t, overLimit = limit, overCounted = false, overReadings = 0;
                        ++overReadings;
                        if (!overCounted && (t - overSince >= rules.noiseMinMs || overReadings >= 2)) {
                            overCounted = true;
                            emit(overSince, s.sensor, event_kind::noiseViolation, v,
                                 "over the " + num(overLimit) + " dB limit (" + num(v) + " dB)");
                        }
                    } else {
                        overSince = -1;
                    }
                    break;
                }
                case Quantity::pm25:
                case Quantity::pm10: {
                    // A band is entered when two readings in a row are in it (or worse): one spike is not the air
                    // turning; and left only well inside the better one (10 % under its edge): no flapping.
                    const auto& bands = q == Quantity::pm25 ? rules.pm25Bands : rules.pm10Bands;
                    const int now = bandOf(v, bands);
                    if (band < 0) {
                        band = now;
                    } else if (now > band && pendingBand > band) {
                        const int entered = std::min(now, pendingBand);
                        band = entered;
                        emit(pendingMs, s.sensor, entered >= 2 ? event_kind::airBad : event_kind::airWorse, pendingValue,
                             (q == Quantity::pm25 ? "PM2.5 " : "PM10 ") + num(pendingValue) + " µg/m³: " +
                                 kBandNames[entered]);
                    } else if (now < band && v < bands[band - 1] * 0.9) {
                        band = now;
                    }
                    pendingBand = now, pendingMs = t, pendingValue = v;
                    break;
                }
                default: break;
            }
            prev = v;
        }
    }
    // A sensor gone quiet: the quality view's gaps, one per sensor and stretch.
    for (const QualityIssue& g : quality.issues)
        if (g.kind == QualityKind::gap)
            emit(g.fromMs, g.sensor, event_kind::sensorSilent, double(g.toMs - g.fromMs) / 3600000.0,
                 "no reading for " + num(double(g.toMs - g.fromMs) / 3600000.0, true) + " h");
    sortEventsByTime(out);
    return out;
}

double binFullLevel(const Dataset& d, const EventRules& rules) {
    if (rules.binFullGiven) return rules.binFullPct;  // the city said where full is
    std::vector<float> emptiedAt;
    for (size_t i = 0; i < d.sensors.size(); ++i) {
        const int32_t p = i < d.primarySeries.size() ? d.primarySeries[i] : -1;
        if (d.sensors[i].type != SensorType::bin || p < 0 || !d.series[size_t(p)].levels.empty()) continue;
        const Series& s = d.series[size_t(p)];
        float prev = NAN;
        for (uint32_t k = 0; k < s.count; ++k) {
            const float v = d.values[s.offset + k];
            if (std::isnan(v)) continue;
            if (prev - v >= rules.binEmptiedDropPct) emptiedAt.push_back(prev);
            prev = v;
        }
    }
    if (emptiedAt.size() < 3) return 99.5;
    std::nth_element(emptiedAt.begin(), emptiedAt.begin() + std::ptrdiff_t(emptiedAt.size() / 2), emptiedAt.end());
    return std::clamp(double(emptiedAt[emptiedAt.size() / 2]), rules.binFullPct, 99.5);
}

void addDerivedEvents(Dataset& d, const QualityReport& quality, const EventRules& rules) {
    d.binFullPct = binFullLevel(d, rules);
    std::vector<Event> derived = deriveEvents(d, quality, rules);
    if (derived.empty()) return;
    d.events.insert(d.events.end(), std::make_move_iterator(derived.begin()), std::make_move_iterator(derived.end()));
    sortEventsByTime(d.events);  // stable: the recorded events stay first at equal times
}

}  // namespace bk
