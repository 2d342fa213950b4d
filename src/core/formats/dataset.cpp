// dataset.cpp — recording loader: validates format, version, series and events, and builds the columnar Dataset.
#include "dataset.hpp"

#include "json_reader.hpp"
#include "quantity.hpp"
#include "time_util.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace bk {

int Dataset::findSensor(std::string_view id) const {
    for (size_t i = 0; i < sensors.size(); ++i)
        if (sensors[i].id == id) return static_cast<int>(i);
    return -1;
}

namespace {

constexpr const char* kFormatName = "bukchon-recording";
constexpr int kFormatVersion = 1;

std::optional<int64_t> readTime(JsonReader& r, const Json& v, const JsonPath& path) {
    if (!r.ok()) return std::nullopt;
    if (!v.is_string()) {
        r.fail(path, "expected an ISO 8601 time such as \"2026-05-04T09:00:00+09:00\", got " + describeJsonType(v));
        return std::nullopt;
    }
    auto t = parseIsoTimeMs(v.get<std::string>());
    if (!t) r.fail(path, "expected an ISO 8601 time with offset such as \"2026-05-04T09:00:00+09:00\", got \"" +
                             v.get<std::string>() + "\"");
    return t;
}

// An offset "+09:00" at `key` of `object`.
std::optional<int> readOffset(JsonReader& r, const Json& object, const JsonPath& path, const char* key, bool required) {
    auto text = r.string(object, path, key, required);
    if (!text) return std::nullopt;
    // Reuse the timestamp parser: "+09:00" is the tail of a full time.
    auto t = parseIsoTimeMs("1970-01-01T00:00:00" + *text);
    if (!t) {
        r.fail(path[key], "expected an offset such as \"+09:00\", got \"" + *text + "\"");
        return std::nullopt;
    }
    return static_cast<int>(-*t / 60000);
}

// "time_zone": {"name": "America/New_York", "changes": [{"at": "2026-03-08T07:00:00Z", "from": "-05:00",
// "to": "-04:00"}, …]}. Whether the changes fit together is checked once the span is known (offsetChangesProblem).
void readTimeZone(JsonReader& r, const Json& root, const JsonPath& rp, Dataset& d) {
    const Json* zone = r.object(root, rp, "time_zone", false);
    if (!zone) return;
    JsonPath zp = rp["time_zone"];
    d.timeZoneName = r.string(*zone, zp, "name", false).value_or("");
    const Json* changes = r.array(*zone, zp, "changes", true);
    if (!changes) return;
    const JsonPath changesPath = zp["changes"];  // a path points at its parent: keep the parent alive
    for (size_t i = 0; i < changes->size() && r.ok(); ++i) {
        const Json& c = (*changes)[i];
        const JsonPath cp = changesPath[i];
        if (!c.is_object()) {
            r.fail(cp, "expected a change {\"at\": time, \"from\": offset, \"to\": offset}, got " + describeJsonType(c));
            return;
        }
        const Json* at = r.member(c, cp, "at", true);
        auto from = readOffset(r, c, cp, "from", true);
        auto to = readOffset(r, c, cp, "to", true);
        if (!at || !from || !to) return;
        auto t = readTime(r, *at, cp["at"]);
        if (!t) return;
        d.offsetChanges.push_back({*t, *from, *to});
    }
}

class RecordingBuilder {
public:
    RecordingBuilder(JsonReader& r, Dataset& d) : r_(r), d_(d) {
        for (size_t i = 0; i < d_.sensors.size(); ++i) index_[d_.sensors[i].id] = static_cast<uint32_t>(i);
    }

    std::optional<uint32_t> sensorRef(const Json& obj, const JsonPath& path) {
        auto id = r_.string(obj, path, "sensor", true);
        if (!id) return std::nullopt;
        auto it = index_.find(*id);
        if (it == index_.end()) {
            r_.fail(path["sensor"], "unknown sensor id \"" + *id + "\" (not in the sensors file)");
            return std::nullopt;
        }
        return it->second;
    }

    void series(const Json& s, const JsonPath& sp) {
        if (!s.is_object()) { r_.fail(sp, "expected a series object, got " + describeJsonType(s)); return; }
        Series out;
        auto sensor = sensorRef(s, sp);
        auto metric = r_.string(s, sp, "metric", true);
        const Json* values = r_.array(s, sp, "values", true);
        if (!sensor || !metric || !values) return;
        out.sensor = *sensor;
        out.metric = *metric;
        out.unit = r_.string(s, sp, "unit", false).value_or("");
        if (auto interp = r_.string(s, sp, "interpolation", false)) {
            if (*interp == "step") out.interpolation = Interpolation::step;
            else if (*interp != "linear") {
                r_.fail(sp["interpolation"], "expected \"linear\" or \"step\", got \"" + *interp + "\"");
                return;
            }
        }
        if (const Json* levels = r_.member(s, sp, "levels", false)) {
            if (!levels->is_array() || levels->empty()) {
                r_.fail(sp["levels"], "expected a list of level names, lowest first, got " + describeJsonType(*levels));
                return;
            }
            for (size_t i = 0; i < levels->size(); ++i) {
                if (!(*levels)[i].is_string()) {
                    r_.fail(sp["levels"][i], "expected a level name (a string), got " + describeJsonType((*levels)[i]));
                    return;
                }
                out.levels.push_back((*levels)[i].get<std::string>());
            }
            if (!s.contains("interpolation")) out.interpolation = Interpolation::step;
        }
        if (values->empty()) { r_.fail(sp["values"], "expected at least one value"); return; }
        if (d_.values.size() + values->size() > std::numeric_limits<uint32_t>::max()) {
            r_.fail(sp["values"], "too many readings in one recording (more than 4 billion)");
            return;
        }
        out.offset = static_cast<uint32_t>(d_.values.size());
        out.count = static_cast<uint32_t>(values->size());

        const Json* times = r_.member(s, sp, "times", false);
        if (times) {
            out.regular = false;
            out.timeOffset = static_cast<uint32_t>(d_.timesMs.size());
            out.interpolation = s.contains("interpolation") ? out.interpolation : Interpolation::step;
            if (!times->is_array()) { r_.fail(sp["times"], "expected an array of times, got " + describeJsonType(*times)); return; }
            if (times->size() != values->size()) {
                r_.fail(sp["times"], "expected as many times as values (" + std::to_string(values->size()) + "), got " +
                                         std::to_string(times->size()));
                return;
            }
            int64_t prev = std::numeric_limits<int64_t>::min();
            for (size_t i = 0; i < times->size(); ++i) {
                auto t = readTime(r_, (*times)[i], sp["times"][i]);
                if (!t) return;
                if (*t <= prev) { r_.fail(sp["times"][i], "time goes backwards or repeats; times must increase"); return; }
                prev = *t;
                d_.timesMs.push_back(*t);
            }
        } else {
            const Json* start = r_.member(s, sp, "start", true);
            auto stepS = r_.number(s, sp, "step_s", true);
            if (!start || !stepS) return;
            auto t0 = readTime(r_, *start, sp["start"]);
            if (!t0) return;
            if (*stepS <= 0 || *stepS > 86400 * 366) { r_.fail(sp["step_s"], "expected a step in seconds greater than 0"); return; }
            out.startMs = *t0;
            out.stepMs = static_cast<int64_t>(std::llround(*stepS * 1000));
        }
        JsonPath vp = sp["values"];
        for (size_t i = 0; i < values->size(); ++i) {
            const Json& v = (*values)[i];
            if (v.is_null()) { d_.values.push_back(std::numeric_limits<float>::quiet_NaN()); continue; }
            auto num = r_.finiteNumber(v, vp[i], "a number or null");
            if (!num) return;
            if (std::fabs(*num) > 3.0e38) { r_.fail(vp[i], "number too large for a reading"); return; }
            if (!out.levels.empty() && (*num < 0 || *num >= double(out.levels.size()) || *num != std::floor(*num))) {
                r_.fail(vp[i], "expected a level index 0…" + std::to_string(out.levels.size() - 1) + " or null, got " + v.dump());
                return;
            }
            d_.values.push_back(static_cast<float>(*num));
        }
        d_.series.push_back(std::move(out));
    }

    void event(const Json& e, const JsonPath& ep) {
        if (!e.is_object()) { r_.fail(ep, "expected an event object, got " + describeJsonType(e)); return; }
        const Json* time = r_.member(e, ep, "time", true);
        auto sensor = sensorRef(e, ep);
        auto kind = r_.string(e, ep, "kind", true);
        if (!time || !sensor || !kind) return;
        auto t = readTime(r_, *time, ep["time"]);
        if (!t) return;
        Event ev;
        ev.timeMs = *t;
        ev.sensor = *sensor;
        ev.kind = *kind;
        ev.value = r_.number(e, ep, "value", false).value_or(0);
        ev.note = r_.string(e, ep, "note", false).value_or("");
        if (r_.ok()) d_.events.push_back(std::move(ev));
    }

private:
    JsonReader& r_;
    Dataset& d_;
    std::unordered_map<std::string, uint32_t> index_;
};

void choosePrimarySeries(Dataset& d) {
    d.primarySeries.assign(d.sensors.size(), -1);
    for (size_t i = 0; i < d.series.size(); ++i) {
        const Series& s = d.series[i];
        const char* primary = sensorTypeInfo(d.sensors[s.sensor].type).primaryMetric;
        int32_t& slot = d.primarySeries[s.sensor];
        // The type's primary metric wins; then the quantity first in line (PM2.5, PM10, noise …, quantity.hpp); then
        // a sensor's first series drives its glyph.
        auto rank = [&](const Series& x) {
            return x.metric == primary ? -1 : quantityInfo(quantityOfMetric(x.metric)).priority;
        };
        if (slot < 0 || rank(s) < rank(d.series[size_t(slot)])) slot = static_cast<int32_t>(i);
    }
}

}  // namespace

Result<Dataset> loadRecording(std::string_view text, const std::string& fileName, std::vector<Sensor> sensors) {
    JsonReader r(text, fileName);
    Json root;
    if (!r.parse(root)) return r.error();
    JsonPath rp;
    if (!root.is_object()) return LoadError{fileName, 1, 1, "", "expected a recording object, got " + describeJsonType(root)};
    auto format = r.string(root, rp, "format", true);
    if (format && *format != kFormatName)
        r.fail(rp["format"], std::string("expected \"") + kFormatName + "\", got \"" + *format + "\"");
    auto version = r.number(root, rp, "version", true);
    if (version && *version != kFormatVersion)
        r.fail(rp["version"], "this viewer reads version " + std::to_string(kFormatVersion) + ", got " +
                                  root["version"].dump());
    if (!r.ok()) return r.error();

    Dataset d;
    d.sensors = std::move(sensors);
    d.title = r.string(root, rp, "title", false).value_or("");
    d.source = r.string(root, rp, "source", false).value_or("");
    d.titleKo = r.string(root, rp, "title_ko", false).value_or("");
    d.sourceKo = r.string(root, rp, "source_ko", false).value_or("");
    if (const Json* sim = r.member(root, rp, "simulated", false)) {
        if (!sim->is_boolean()) r.fail(rp["simulated"], "expected true or false, got " + describeJsonType(*sim));
        else d.simulated = sim->get<bool>();
    }
    if (auto off = readOffset(r, root, rp, "utc_offset", false)) d.utcOffsetMinutes = *off;
    readTimeZone(r, root, rp, d);

    RecordingBuilder builder(r, d);
    const Json* series = r.array(root, rp, "series", true);
    if (series)
        for (size_t i = 0; i < series->size() && r.ok(); ++i) builder.series((*series)[i], rp["series"][i]);
    if (const Json* events = r.array(root, rp, "events", false))
        for (size_t i = 0; i < events->size() && r.ok(); ++i) builder.event((*events)[i], rp["events"][i]);
    if (!r.ok()) return r.error();
    if (d.series.empty() && d.events.empty()) return LoadError{fileName, 0, 0, "series", "the recording has no readings"};

    std::optional<int64_t> declaredStart, declaredEnd;
    // Declared bounds win (a recording may cover whole days beyond its last reading).
    if (const Json* start = r.member(root, rp, "start", false)) declaredStart = readTime(r, *start, rp["start"]);
    if (const Json* end = r.member(root, rp, "end", false)) declaredEnd = readTime(r, *end, rp["end"]);
    if (const Json* open = r.member(root, rp, "open_at", false)) d.openAtMs = readTime(r, *open, rp["open_at"]);
    if (!r.ok()) return r.error();
    if (declaredStart && declaredEnd && *declaredEnd <= *declaredStart)
        return LoadError{fileName, locateJsonPath(text, rp["end"]).line, 0, "end", "the recording must end after it starts"};
    finishDataset(d, declaredStart, declaredEnd);
    if (d.endMs <= d.startMs) return LoadError{fileName, locateJsonPath(text, rp["end"]).line, 0, "end",
                                               "the recording must end after it starts"};
    if (d.openAtMs && (*d.openAtMs < d.startMs || *d.openAtMs > d.endMs))
        return LoadError{fileName, locateJsonPath(text, rp["open_at"]).line, 0, "open_at",
                         "the moment to open on must lie in the recording, " + formatIsoTime(d.startMs, d.offsetAt(d.startMs)) +
                             " to " + formatIsoTime(d.endMs, d.offsetAt(d.endMs))};
    // Without "utc_offset", the zone's offset at the start is the recording's.
    if (!root.contains("utc_offset") && !d.offsetChanges.empty()) d.utcOffsetMinutes = d.offsetAt(d.startMs);
    int where = -1;
    if (std::string why = offsetChangesProblem(d, where); !why.empty()) {
        const JsonPath zone = rp["time_zone"], changes = zone["changes"];
        const JsonPath at = where < 0 ? rp["utc_offset"] : changes[size_t(where)];
        return LoadError{fileName, locateJsonPath(text, at).line, 0, at.readable(), why};
    }
    return d;
}

std::string offsetChangesProblem(const Dataset& d, int& where) {
    auto offsetText = [](int minutes) { return formatIsoTime(0, minutes).substr(19); };  // "-05:00"
    auto inRange = [](int minutes) { return minutes >= -16 * 60 && minutes <= 16 * 60; };  // (no abs: a file may say INT_MIN)
    for (size_t i = 0; i < d.offsetChanges.size(); ++i) {
        const OffsetChange& c = d.offsetChanges[i];
        where = int(i);
        if (!inRange(c.fromMinutes) || !inRange(c.toMinutes)) return "expected offsets within ±16:00";
        if (c.fromMinutes == c.toMinutes) return "expected a change to another offset, got " + offsetText(c.toMinutes) + " to itself";
        if (c.utcMs < -(int64_t(1) << 50) || c.utcMs > int64_t(1) << 50) return "time out of range";
        if (i == 0) continue;
        const OffsetChange& prev = d.offsetChanges[i - 1];
        if (c.utcMs <= prev.utcMs) return "changes must be in time order, each after the one before";
        if (c.fromMinutes != prev.toMinutes)
            return "expected the change to start from " + offsetText(prev.toMinutes) + " (where the one before ended), got " +
                   offsetText(c.fromMinutes);
    }
    where = -1;
    if (int atStart = d.offsetAt(d.startMs); atStart != d.utcOffsetMinutes)
        return "the offset at the recording's start is " + offsetText(d.utcOffsetMinutes) + ", but the time zone's changes give " +
               offsetText(atStart) + " then";
    return "";
}

void sortEventsByTime(std::vector<Event>& events) {
    auto earlier = [](const Event& a, const Event& b) { return a.timeMs < b.timeMs; };
    if (std::is_sorted(events.begin(), events.end(), earlier)) return;
    // Keys sorted, then each event moved once: a city's millions of events (two strings each) are not shuffled
    // through a merge sort. (time, position) pairs sort stably.
    std::vector<std::pair<int64_t, uint32_t>> keys(events.size());
    for (size_t i = 0; i < events.size(); ++i) keys[i] = {events[i].timeMs, uint32_t(i)};
    std::sort(keys.begin(), keys.end());
    std::vector<Event> sorted;
    sorted.reserve(events.size());
    for (const auto& k : keys) sorted.push_back(std::move(events[k.second]));
    events.swap(sorted);
}

void finishDataset(Dataset& d, std::optional<int64_t> declaredStart, std::optional<int64_t> declaredEnd) {
    sortEventsByTime(d.events);
    int64_t lo = std::numeric_limits<int64_t>::max(), hi = std::numeric_limits<int64_t>::min();
    for (const Series& s : d.series) {
        lo = std::min(lo, s.firstMs(d.timesMs));
        hi = std::max(hi, s.lastMs(d.timesMs));
    }
    for (const Event& e : d.events) {
        lo = std::min(lo, e.timeMs);
        hi = std::max(hi, e.timeMs);
    }
    if (declaredStart) lo = *declaredStart;
    if (declaredEnd) hi = *declaredEnd;
    if (d.series.empty() && d.events.empty() && !declaredStart && !declaredEnd) lo = hi = 0;
    // A single instant still needs a span to replay: one minute after it.
    if (hi == lo && !declaredStart && !declaredEnd) hi = lo + 60000;
    d.startMs = lo;
    d.endMs = hi;
    choosePrimarySeries(d);
}

}  // namespace bk
