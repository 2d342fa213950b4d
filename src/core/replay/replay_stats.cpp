// replay_stats.cpp — KPI, statistics and chart extraction over the columnar Dataset.
#include "replay_stats.hpp"

#include "event_kinds.hpp"

#include "time_util.hpp"

#include <algorithm>
#include <limits>
#include <unordered_set>
#include <cmath>

namespace bk {

std::pair<size_t, size_t> eventRange(const Dataset& d, int64_t fromMs, int64_t toMs) {
    auto byTime = [](const Event& e, int64_t t) { return e.timeMs < t; };
    size_t a = size_t(std::lower_bound(d.events.begin(), d.events.end(), fromMs, byTime) - d.events.begin());
    size_t b = size_t(std::lower_bound(d.events.begin(), d.events.end(), toMs, byTime) - d.events.begin());
    return {a, std::max(a, b)};
}

bool alarmActive(const Dataset& d, uint32_t sensor, int64_t t) {
    bool active = false;
    auto [a, b] = eventRange(d, d.startMs, t + 1);
    for (size_t i = a; i < b; ++i) {
        const Event& e = d.events[i];
        if (e.sensor != sensor) continue;
        if (e.kind == "fire_alarm") active = true;
        else if (e.kind == "alarm_cleared") active = false;
    }
    return active;
}

namespace {
// By the metric, not the sensor type: a pole that measures PM2.5 and noise counts in both, whichever drives its glyph.
bool isPm25(const Dataset&, const Series& s) { return s.metric == "pm25"; }
}  // namespace

void MaxIndex::add(const Dataset& d, const Series& s) {
    if (s.count == 0) return;
    any = true;
    if (StepGrid<float>* grid = gridFor(grids, s, std::numeric_limits<float>::quiet_NaN())) {
        const size_t first = grid->indexOf(s.startMs);
        for (uint32_t i = 0; i < s.count; ++i) {
            float v = d.values[s.offset + i];
            float& m = grid->at[first + i];
            if (!std::isnan(v) && (std::isnan(m) || v > m)) m = v;
        }
    } else {
        for (uint32_t i = 0; i < s.count; ++i) {
            float v = d.values[s.offset + i];
            if (!std::isnan(v)) irregular.emplace_back(s.timeAt(d.timesMs, i), v);
        }
    }
}

void MaxIndex::finish() {
    std::sort(irregular.begin(), irregular.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
}

double MaxIndex::max(int64_t from, int64_t to) const {
    float best = std::numeric_limits<float>::quiet_NaN();
    auto take = [&](float v) { if (!std::isnan(v) && (std::isnan(best) || v > best)) best = v; };
    for (const StepGrid<float>& g : grids) {
        const int64_t n = int64_t(g.at.size());
        if (to < from || to < g.startMs || n == 0) continue;
        int64_t first = from <= g.startMs ? 0 : (from - g.startMs + g.stepMs - 1) / g.stepMs;
        int64_t last = std::min(n - 1, (to - g.startMs) / g.stepMs);
        for (int64_t i = first; i <= last; ++i) take(g.at[size_t(i)]);
    }
    auto byTime = [](const std::pair<int64_t, float>& p, int64_t t) { return p.first < t; };
    for (auto it = std::lower_bound(irregular.begin(), irregular.end(), from, byTime);
         it != irregular.end() && it->first <= to; ++it)
        take(it->second);
    return std::isnan(best) ? -1.0 : double(best);
}

namespace {
// Local hour of day at t (0–23).
int localHour(int64_t t, int offsetMinutes) {
    int64_t local = t + int64_t(offsetMinutes) * 60000;
    return int(((local % 86400000) + 86400000) % 86400000 / 3600000);
}
int64_t hourStart(int64_t t) { return t - (((t % 3600000) + 3600000) % 3600000); }
}  // namespace

KpiIndex::KpiIndex(const Dataset& d, const EventRules& rules) {
    for (uint32_t k = 0; k < d.series.size(); ++k) {
        const Series& s = d.series[k];
        if (isPm25(d, s)) pm25.add(d, s), pm25Series.push_back(k);
        else if (s.metric == "pm10") pm10.add(d, s), pm10Series.push_back(k);
        else if (s.metric == "noise") noise.add(d, s), ++noiseSeries, noiseSeriesOf.push_back(k);
    }
    pm25.finish();
    pm10.finish();
    noise.finish();
    hasPm25 = pm25.any;
    for (uint32_t i = 0; i < d.sensors.size(); ++i) {
        const Sensor& sensor = d.sensors[i];
        sensorsOfType[int(sensor.type)]++;
        if (sensor.type == SensorType::bin) {
            bins.push_back(i);
            const int32_t si = d.primarySeries[i];
            binLevelled.push_back(si >= 0 && !d.series[size_t(si)].levels.empty());
        }
        else if (sensor.type == SensorType::parking && sensor.capacity > 0) lots.emplace_back(i, sensor.capacity);
        if (sensor.type == SensorType::bin || (sensor.type == SensorType::parking && sensor.capacity > 0)) valued.push_back(i);
    }
    for (size_t i = 0; i < d.events.size(); ++i) {
        const Event& e = d.events[i];
        if (d.sensors[e.sensor].type == SensorType::fire && (e.kind == "fire_alarm" || e.kind == "alarm_cleared"))
            fireEvents.push_back(uint32_t(i));
        recordedEvents = recordedEvents || !e.derived;
        collectionEvents = collectionEvents || e.kind == event_kind::collection;
    }
    // From the readings, for logs that carry no events: when each bin first reached its top on each local day, and
    // each sensor-hour over the noise limit (rules: 55 dB from 6 to 22 h, 45 dB at night) or in PM2.5's "bad" band or
    // worse (rules: > 35), as the events found in the data count them.
    for (uint32_t k = 0; k < d.series.size(); ++k) {
        const Series& s = d.series[k];
        const SensorType type = d.sensors[s.sensor].type;
        const bool bin = type == SensorType::bin && d.primarySeries[s.sensor] == int32_t(k);
        const bool loud = s.metric == "noise", dusty = isPm25(d, s);
        if (!bin && !loud && !dusty) continue;
        if (bin && !s.levels.empty()) {
            if (binLevels.empty()) binLevels = s.levels;
            else if (binLevels != s.levels) binLevelsDiffer = true;
        }
        const float top = s.levels.empty() ? float(d.binFullPct) : float(s.levels.size() - 1);
        int64_t lastDay = INT64_MIN, lastHour = INT64_MIN;
        for (uint32_t i = 0; i < s.count; ++i) {
            const float v = d.values[s.offset + i];
            if (std::isnan(v)) continue;
            const int64_t t = s.timeAt(d.timesMs, i);
            if (bin && v >= top) {
                int64_t day = d.localDayStartMs(t);
                if (day != lastDay) binTopTimes.add(t, s.sensor), lastDay = day;
            }
            const bool over = loud ? v > rules.noiseLimitAt(localHour(t, d.offsetAt(t))) : dusty && v > rules.pm25Bands[1];
            if (over && hourStart(t) != lastHour) {
                lastHour = hourStart(t);
                (loud ? noiseOverHours : airBadHours).add(lastHour, s.sensor);
            }
        }
    }
    for (TimedSensors* list : {&binTopTimes, &noiseOverHours, &airBadHours}) list->finish();
    const bool byLevel = !binLevels.empty() && !binLevelsDiffer && binLevels.size() <= size_t(BinStates::kLevels);
    binStates.build(d, bins, binLevelled, byLevel ? int(binLevels.size()) : 0);
    occupancy.build(d, lots);
    for (uint32_t i : valued) {
        const bool bin = d.sensors[i].type == SensorType::bin;
        if (bin ? !binStates.available() : !occupancy.available()) sampledForKpis.push_back(i);
    }
}

void TimedSensors::finish() {
    std::sort(pending_.begin(), pending_.end());
    times_.clear();
    first_.clear();
    sensors_.clear();
    sensors_.reserve(pending_.size());
    for (const auto& [t, sensor] : pending_) {
        if (times_.empty() || times_.back() != t) {
            times_.push_back(t);
            first_.push_back(uint32_t(sensors_.size()));
        }
        sensors_.push_back(sensor);
    }
    first_.push_back(uint32_t(sensors_.size()));
    std::vector<std::pair<int64_t, uint32_t>>().swap(pending_);
    times_.shrink_to_fit();
    first_.shrink_to_fit();
}

int TimedSensors::count(int64_t from, int64_t to, const std::vector<uint8_t>* pass) const {
    const size_t a = size_t(std::lower_bound(times_.begin(), times_.end(), from) - times_.begin());
    const size_t b = size_t(std::upper_bound(times_.begin(), times_.end(), to) - times_.begin());
    if (a >= b) return 0;
    const uint32_t begin = first_[a], end = first_[b];
    if (!pass) return int(end - begin);
    int n = 0;
    for (uint32_t k = begin; k < end; ++k) n += (*pass)[sensors_[k]] != 0;
    return n;
}

double KpiIndex::pm25Max(int64_t from, int64_t to) const { return pm25.max(from, to); }

namespace {
// The highest reading in [from, to] of the series whose sensor passes; -1 without any.
double maxOfPassing(const Dataset& d, const std::vector<uint32_t>& series, const std::vector<uint8_t>& pass,
                    int64_t from, int64_t to) {
    double best = -1;
    for (uint32_t k : series) {
        if (!pass[d.series[k].sensor]) continue;
        DayStats st = seriesStats(d, k, from, to);
        if (st.count) best = std::max(best, double(st.max));
    }
    return best;
}
}  // namespace


Kpis computeKpis(const Dataset& d, Sampler& sampler, int64_t t, const std::vector<float>* primaryValues) {
    return computeKpis(d, sampler, t, KpiIndex(d), primaryValues);
}

Kpis computeKpis(const Dataset& d, Sampler& sampler, int64_t t, const KpiIndex& index, const std::vector<float>* primaryValues,
                 const std::vector<uint8_t>* pass, bool recorded) {
    Kpis k;
    if (primaryValues && primaryValues->size() != d.sensors.size()) primaryValues = nullptr;
    if (pass && pass->size() != d.sensors.size()) pass = nullptr;
    auto counted = [&](uint32_t sensor) { return !pass || (*pass)[sensor]; };
    k.filtered = pass != nullptr;
    k.sensorsTotal = int(d.sensors.size());
    k.sensorsCounted = pass ? int(std::count(pass->begin(), pass->end(), uint8_t(1))) : k.sensorsTotal;
    auto valueOf = [&](size_t sensor, int32_t si) {
        return primaryValues ? (*primaryValues)[sensor] : sampler.valueAt(uint32_t(si), t);
    };
    int64_t dayStart = d.localDayStartMs(t);
    double occupied = 0, capacity = 0;
    const bool byLevel = !index.binLevels.empty() && !index.binLevelsDiffer && index.binLevels.size() <= 4;
    if (byLevel) k.binLevelCount = int(index.binLevels.size());
    const bool binTimeline = !pass && recorded && index.binStates.available();
    if (binTimeline) {  // the same counts as sampling every bin, from the times bins change state
        k.binsTotal = int(index.bins.size());
        k.binsOver80 = index.binStates.over80(t);
        for (int level = 0; level < k.binLevelCount; ++level) k.binsAtLevel[level] = index.binStates.atLevel(level, t);
    }
    for (size_t b = 0; !binTimeline && b < index.bins.size(); ++b) {
        const uint32_t i = index.bins[b];
        if (!counted(i)) continue;
        ++k.binsTotal;
        int32_t si = d.primarySeries[i];
        if (si < 0) continue;
        float v = valueOf(i, si);
        if (std::isnan(v)) continue;
        if (index.binLevelled[b]) {
            long level = std::lround(v);
            if (byLevel && level >= 0 && level < k.binLevelCount) ++k.binsAtLevel[level];
        } else if (v >= 80) ++k.binsOver80;
    }
    k.parkingSensors = index.sensorsOfType[int(SensorType::parking)];
    k.noiseSensors = index.noiseSeries;
    k.fireSensors = index.sensorsOfType[int(SensorType::fire)];
    if (pass) {
        k.parkingSensors = k.fireSensors = k.noiseSensors = 0;
        for (uint32_t i = 0; i < d.sensors.size(); ++i)
            if ((*pass)[i]) {
                k.parkingSensors += d.sensors[i].type == SensorType::parking;
                k.fireSensors += d.sensors[i].type == SensorType::fire;
            }
        for (uint32_t s : index.noiseSeriesOf) k.noiseSensors += (*pass)[d.series[s].sensor];
    }
    // A maximum so far today: from the index, or over the passing sensors' readings.
    auto maxToday = [&](const MaxIndex& all, const std::vector<uint32_t>& series) {
        return pass ? maxOfPassing(d, series, *pass, dayStart, t) : all.max(dayStart, t);
    };
    k.fromReadings = !index.recordedEvents;
    k.collectionsCounted = index.collectionEvents;
    if (k.fromReadings) {  // a log that records no events: "today" from the readings themselves
        if (k.binsTotal) k.binsFullToday = index.binTopTimes.count(dayStart, t, pass);
        if (index.noise.any && k.noiseSensors) {
            k.noiseMaxToday = maxToday(index.noise, index.noiseSeriesOf);
            k.noiseHoursOverToday = index.noiseOverHours.count(dayStart, t, pass);
        }
        if (index.pm25.any) k.airHoursOverToday = index.airBadHours.count(dayStart, t, pass);
    }
    if (index.pm10.any) k.pm10MaxToday = maxToday(index.pm10, index.pm10Series);
    const bool lotTimeline = !pass && recorded && index.occupancy.available();
    if (lotTimeline) {
        k.lotsTotal = int(index.lots.size());
        if (!index.occupancy.at(t, occupied, capacity)) occupied = capacity = 0;
    }
    for (auto [i, lotCapacity] : index.lots) {
        if (lotTimeline) break;
        if (!counted(i)) continue;
        ++k.lotsTotal;
        int32_t si = d.primarySeries[i];
        if (si < 0) continue;
        float v = valueOf(i, si);
        if (!std::isnan(v)) {
            occupied += std::min<double>(v, lotCapacity);
            capacity += lotCapacity;
        }
    }
    if (capacity > 0) k.parkingOccupancyPct = 100.0 * occupied / capacity;
    k.pm25MaxToday = maxToday(index.pm25, index.pm25Series);
    auto [a, b] = eventRange(d, dayStart, t + 1);
    for (size_t i = a; i < b; ++i) {
        if (!counted(d.events[i].sensor)) continue;
        const std::string& kind = d.events[i].kind;
        k.overflowsToday += kind == event_kind::overflow;
        k.illegalStopsToday += kind == event_kind::illegalStop;
        k.noiseViolationsToday += kind == event_kind::noiseViolation;
        k.collectionsToday += kind == event_kind::collection;
    }
    // Active alarms in one pass over the fire events so far (per sensor it would be sensors × events: a city-sized
    // trap).
    std::unordered_set<uint32_t> active;
    for (uint32_t i : index.fireEvents) {
        const Event& e = d.events[i];
        if (e.timeMs > t) break;
        if (e.timeMs < d.startMs || !counted(e.sensor)) continue;  // as eventRange(startMs, t]
        if (e.kind == "fire_alarm") active.insert(e.sensor);
        else active.erase(e.sensor);
    }
    k.activeAlarms = int(active.size());
    return k;
}

namespace {
// Index range [first, last) of readings with time in [from, to].
std::pair<uint32_t, uint32_t> readingRange(const Dataset& d, const Series& s, int64_t from, int64_t to) {
    if (s.count == 0 || to < from) return {0, 0};
    if (s.regular) {
        int64_t first = from <= s.startMs ? 0 : (from - s.startMs + s.stepMs - 1) / s.stepMs;
        int64_t last = to < s.startMs ? -1 : (to - s.startMs) / s.stepMs;
        first = std::clamp<int64_t>(first, 0, s.count);
        last = std::clamp<int64_t>(last + 1, 0, s.count);
        return {uint32_t(first), uint32_t(std::max(first, last))};
    }
    const int64_t* t = d.timesMs.data() + s.timeOffset;
    uint32_t first = uint32_t(std::lower_bound(t, t + s.count, from) - t);
    uint32_t last = uint32_t(std::upper_bound(t, t + s.count, to) - t);
    return {first, std::max(first, last)};
}
}  // namespace

DayStats seriesStats(const Dataset& d, uint32_t si, int64_t from, int64_t to) {
    const Series& s = d.series[si];
    auto [a, b] = readingRange(d, s, from, to);
    DayStats st;
    double sum = 0;
    for (uint32_t i = a; i < b; ++i) {
        float v = d.values[s.offset + i];
        if (std::isnan(v)) continue;
        if (st.count == 0) st.min = st.max = v;
        st.min = std::min(st.min, v);
        st.max = std::max(st.max, v);
        sum += v;
        ++st.count;
    }
    if (st.count) st.mean = float(sum / st.count);
    return st;
}

std::vector<ChartPoint> chartWindow(const Dataset& d, uint32_t si, int64_t from, int64_t to, size_t maxPoints) {
    const Series& s = d.series[si];
    auto [a, b] = readingRange(d, s, from, to);
    std::vector<ChartPoint> out;
    size_t n = b - a;
    if (n == 0 || maxPoints < 2) return out;
    if (n <= maxPoints) {
        for (uint32_t i = a; i < b; ++i) out.push_back({s.timeAt(d.timesMs, i), d.values[s.offset + i]});
        return out;
    }
    // Buckets of readings; each contributes its min and max in time order, so spikes stay visible.
    size_t buckets = maxPoints / 2;
    for (size_t k = 0; k < buckets; ++k) {
        uint32_t lo = a + uint32_t(n * k / buckets), hi = a + uint32_t(n * (k + 1) / buckets);
        uint32_t iMin = lo, iMax = lo;
        for (uint32_t i = lo; i < hi; ++i) {
            float v = d.values[s.offset + i];
            if (std::isnan(v)) continue;
            if (std::isnan(d.values[s.offset + iMin]) || v < d.values[s.offset + iMin]) iMin = i;
            if (std::isnan(d.values[s.offset + iMax]) || v > d.values[s.offset + iMax]) iMax = i;
        }
        uint32_t first = std::min(iMin, iMax), second = std::max(iMin, iMax);
        out.push_back({s.timeAt(d.timesMs, first), d.values[s.offset + first]});
        if (second != first) out.push_back({s.timeAt(d.timesMs, second), d.values[s.offset + second]});
    }
    return out;
}

}  // namespace bk
