// import_join.cpp — the importer's last passes, when every file is in: join (levels, quantities, sensors and their
// sites, series sorted and stored), derive (swapped positions, scales, the clock's zone) and report.
#include "import_state.hpp"

#include "dataset.hpp"
#include "quality.hpp"
#include "quantity.hpp"
#include "sensors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bk {

using namespace importer_detail;

// Why no reading has a position, naming only what is really missing: the position columns a file has but left
// empty, or the columns each readings file does have.
static std::string noPositions(const ImportReport& report) {
    std::string empty, without;
    for (const ImportReport::Input& in : report.inputs) {
        if (in.role != "readings") continue;
        std::string lat, lon, all;
        for (const auto& [role, name] : in.columns) {
            if (role == "lat") lat = name;
            if (role == "lon") lon = name;
            all += (all.empty() ? "\"" : ", \"") + name + "\"";
        }
        if (!lat.empty()) empty += (empty.empty() ? "" : "; ") + ("\"" + lat + "\" and \"" + lon + "\" in " + in.file);
        else without += (without.empty() ? "" : "; ") + in.file + " (" + all + ")";
    }
    if (!empty.empty())
        return "the readings have no positions: their latitude and longitude columns (" + empty + ") are blank or 0,0 "
               "on every row; fill them in, or add a sites file with id, lat, lon";
    return "the readings have no positions: no latitude and longitude columns in " + without + " and no sites file; "
           "add lat/lon columns (lat, latitude, 위도 / lon, lng, 경도, or --lat-col/--lon-col) or a sites file with id, lat, lon";
}

ImportResult Importer::State::finish() {
    ImportResult result;
    if (!report.fatal.empty()) { result.report = std::move(report); return result; }
    static_cast<FileFields&>(*this) = FileFields{};  // no file is current: whatever is rejected now names its own
    JoinPlan plan = planJoin();
    Dataset d = joinSeries(plan);
    derive(d, plan);
    reportOn(d, plan);
    if (report.fatal.empty()) result.dataset = std::move(d);
    result.report = std::move(report);
    return result;
}

// Join, first: which columns are sensor attributes, the order of categorical levels, and what each metric measures.
JoinPlan Importer::State::planJoin() {
    JoinPlan p;
    // A categorical column with one value per sensor over the whole log (a model, a stream type) says what the
    // sensor is, not what it measured: an attribute on its card, not a series. Only when some sensor has several
    // readings of it (a snapshot of one row per sensor proves nothing) and other columns remain to replay.
    {
        std::unordered_map<std::string, bool> constant;  // metric → every sensor's readings of it are one value
        std::unordered_map<std::string, size_t> longest;
        for (const SeriesAcc& acc : series) {
            if (!metrics[acc.metric].categorical) continue;
            bool same = std::all_of(acc.values.begin(), acc.values.end(), [&](float v) { return v == acc.values[0]; });
            auto [it, fresh] = constant.emplace(acc.metric, same);
            if (!fresh) it->second = it->second && same;
            longest[acc.metric] = std::max(longest[acc.metric], acc.values.size());
        }
        for (const auto& [name, same] : constant)
            if (same && longest[name] >= 3 && opt.levels.count(name) == 0 && opt.quantities.count(name) == 0 &&
                detectQuantity(name, metrics[name].unit, metrics[name].seen).quantity == Quantity::none)
                p.attributeMetrics.insert(name);
        if (p.attributeMetrics.size() == metrics.size()) p.attributeMetrics.clear();
        for (const std::string& name : metricOrder)
            if (p.attributeMetrics.count(name))
                report.notes.push_back("column \"" + name + "\" has one value per sensor (\"" + metrics[name].seen[0] +
                                       (metrics[name].seen.size() > 1 ? "\", …" : "\"") +
                                       "): kept as a sensor attribute shown on its card, not replayed as a series");
    }
    for (SeriesAcc& acc : series)
        if (p.attributeMetrics.count(acc.metric) && !acc.values.empty())
            p.attributesOf[acc.sensor].push_back({acc.metric, metrics[acc.metric].seen[size_t(acc.values[0])]});

    // Categorical levels: a known order, or alphabetical; remap the first-appearance indices.
    for (const std::string& name : metricOrder) {
        MetricInfo& m = metrics[name];
        if (!m.categorical || p.attributeMetrics.count(name)) continue;
        if (m.fixed.empty()) {
            std::vector<std::string> ordered = orderLevels(m.seen);
            std::vector<float> map(m.seen.size());
            for (size_t i = 0; i < m.seen.size(); ++i)
                map[i] = float(std::find(ordered.begin(), ordered.end(), m.seen[i]) - ordered.begin());
            p.remap[name] = std::move(map);
            m.fixed = std::move(ordered);
        }
        report.categorical.push_back({name, m.fixed});
    }

    // What each metric measures (by --quantity, else its name, unit and levels), and per sensor the one that gives it
    // its glyph: the lowest priority (PM2.5 before PM10 before noise …) among its metrics.
    for (const std::string& name : metricOrder) {
        if (p.attributeMetrics.count(name)) continue;
        const MetricInfo& m = metrics[name];
        QuantityMatch q;
        auto given = opt.quantities.find(name);
        if (given != opt.quantities.end()) q = QuantityMatch{*quantityFromFlag(given->second), "--quantity"};
        else q = detectQuantity(name, m.unit, m.fixed);
        p.quantityOf[name] = q;
        if (q.quantity == Quantity::none) continue;
        const QuantityInfo& info = quantityInfo(q.quantity);
        report.quantities.push_back({name, std::string(info.metric) + " (" + sensorTypeInfo(info.type).name + ", by " + q.how + ")"});
    }
    for (const SeriesAcc& acc : series) {
        Quantity q = p.quantityOf[acc.metric].quantity;
        if (q == Quantity::none) continue;
        auto [it, fresh] = p.sensorQuantity.emplace(acc.sensor, q);
        if (!fresh && quantityInfo(q).priority < quantityInfo(it->second).priority) it->second = q;
    }

    return p;
}

// The dataset's sensor for `id` (added at first sight, from its sites-file row or its readings' rows), or -1 with the
// series' readings rejected when it has no position.
int Importer::State::sensorFor(Dataset& d, JoinPlan& p, const std::string& id, const SeriesAcc& acc) {
    auto found = p.sensorIndex.find(id);
    if (found != p.sensorIndex.end()) return int(found->second);
    const SiteInfo* site = nullptr;
    auto fromSites = sites.find(id);
    auto fromRows = readingSites.find(id);
    if (fromSites != sites.end()) site = &fromSites->second;
    else if (fromRows != readingSites.end() && !std::isnan(fromRows->second.lat)) site = &fromRows->second;
    if (!site) {
        std::string why = sites.empty() ? "sensor has no position (no lat/lon on its rows and no sites file)"
                                        : "unknown sensor id (not in " + siteFiles.front() + ")";
        int64_t n = int64_t(acc.count);
        reject(acc.file, acc.firstLine, "", id, why + "; " + std::to_string(n) + " reading" + (n == 1 ? "" : "s") + " dropped");
        rejectedTotal += n - 1;
        return -1;
    }
    Sensor s;
    s.id = id;
    std::string typeName = !opt.sensorType.empty() ? opt.sensorType : site->type;
    if (fromRows != readingSites.end() && typeName.empty()) typeName = fromRows->second.type;
    if (auto q = p.sensorQuantity.find(id); typeName.empty() && q != p.sensorQuantity.end())
        typeName = sensorTypeInfo(quantityInfo(q->second).type).name;
    s.typeName = typeName.empty() ? "other" : typeName;
    s.type = sensorTypeFromName(s.typeName);
    std::string name = site->name;
    if (name.empty() && fromRows != readingSites.end()) name = fromRows->second.name;
    // A name in Hangul is the Korean name; anything else the English one.
    bool hangul = name.find("\xEA") != std::string::npos || name.find("\xEB") != std::string::npos ||
                  name.find("\xEC") != std::string::npos || name.find("\xED") != std::string::npos;
    (hangul ? s.nameKo : s.nameEn) = name;
    s.position = {site->lat, site->lon};
    s.unit = plainUnit(site->unit);
    if (auto a = p.attributesOf.find(id); a != p.attributesOf.end()) s.attributes = a->second;
    if (fromRows != readingSites.end() && fromRows->second.moved)
        report.notes.push_back("sensor \"" + id + "\" reports different positions; the first is used");
    uint32_t index = uint32_t(d.sensors.size());
    d.sensors.push_back(std::move(s));
    p.sensorIndex.emplace(id, index);
    return int(index);
}

// One series into the dataset: sorted (readings at a time already taken dropped and counted), levels in their
// order, under its canonical metric name, regular when evenly spaced (gaps become NaN).
void Importer::State::storeSeries(Dataset& d, JoinPlan& p, SeriesAcc& acc, uint32_t sensor) {
    acc.materialize();
    size_t n = acc.times.size();
    if (!acc.sorted) {
        std::vector<uint32_t> order(n);
        for (uint32_t i = 0; i < n; ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return acc.times[a] < acc.times[b]; });
        std::vector<int64_t> t;
        std::vector<float> v;
        t.reserve(n);
        v.reserve(n);
        int64_t dups = 0;
        for (uint32_t i : order) {
            if (!t.empty() && t.back() == acc.times[i]) { ++dups; continue; }
            t.push_back(acc.times[i]);
            v.push_back(acc.values[i]);
        }
        if (dups) {
            rejectedTotal += dups;
            report.repeatedTimes += dups;
            p.repeated.push_back({acc.sensor + " (" + acc.metric + ")", dups});
        }
        acc.times = std::move(t);
        acc.values = std::move(v);
        n = acc.times.size();
    }
    if (auto r = p.remap.find(acc.metric); r != p.remap.end())
        for (float& v : acc.values) v = r->second[size_t(v)];
    Series s;
    s.sensor = sensor;
    s.metric = acc.metric;
    const MetricInfo& m = metrics[acc.metric];
    s.unit = plainUnit(m.unit);
    // A recognised metric is stored under its canonical name (the second of a sensor's noise columns keeps its own).
    // Levels keep their name: "fill" means a percentage to the collection planner, not GREEN < YELLOW < RED.
    if (Quantity q = p.quantityOf[acc.metric].quantity; q != Quantity::none && !m.categorical) {
        const QuantityInfo& info = quantityInfo(q);
        if (p.canonicalTaken.insert(acc.sensor + '\x1f' + info.metric).second) {
            s.metric = info.metric;
            if (s.unit.empty()) s.unit = info.unit;
        }
    }
    s.levels = m.categorical ? m.fixed : std::vector<std::string>{};
    s.interpolation = m.categorical ? Interpolation::step : Interpolation::linear;
    s.offset = uint32_t(d.values.size());
    int64_t step = 0;
    for (size_t i = 1; i < n; ++i) {
        int64_t gap = acc.times[i] - acc.times[i - 1];
        if (step == 0 || gap < step) step = gap;
    }
    // (The recording format caps a regular step at 366 days; sparser series keep their times.)
    bool regular = n >= 2 && step > 0 && step <= int64_t(86400) * 366 * 1000;
    size_t slots = 0;
    if (regular) {
        for (size_t i = 1; i < n && regular; ++i) if ((acc.times[i] - acc.times[i - 1]) % step != 0) regular = false;
        if (regular) {
            slots = size_t((acc.times[n - 1] - acc.times[0]) / step) + 1;
            regular = slots <= n + n / 3;  // at most a quarter of the slots empty
        }
    }
    if (regular) {
        s.regular = true;
        s.startMs = acc.times[0];
        s.stepMs = step;
        s.count = uint32_t(slots);
        d.values.resize(d.values.size() + slots, std::numeric_limits<float>::quiet_NaN());
        for (size_t i = 0; i < n; ++i) d.values[s.offset + size_t((acc.times[i] - acc.times[0]) / step)] = acc.values[i];
    } else {
        s.regular = false;
        s.timeOffset = uint32_t(d.timesMs.size());
        s.count = uint32_t(n);
        d.timesMs.insert(d.timesMs.end(), acc.times.begin(), acc.times.end());
        d.values.insert(d.values.end(), acc.values.begin(), acc.values.end());
    }
    auto& range = p.ranges.emplace(s.metric, std::make_pair(1e300, -1e300)).first->second;
    for (float v : acc.values) { range.first = std::min(range.first, double(v)); range.second = std::max(range.second, double(v)); }
    report.readings += int64_t(n);
    d.series.push_back(std::move(s));
    std::vector<int64_t>().swap(acc.times);
    std::vector<float>().swap(acc.values);
}

// Join: each series with its sensor (its site from a sites file or its rows), sorted, its repeated times dropped,
// stored regular when evenly spaced (gaps become NaN); sites without readings; why nothing remains, if nothing does.
Dataset Importer::State::joinSeries(JoinPlan& p) {
    Dataset d;
    bool anyPositions = false;
    for (auto& [id, site] : readingSites) if (!std::isnan(site.lat)) anyPositions = true;
    if (!sites.empty()) anyPositions = true;

    d.simulated = opt.simulated;
    if (!anyPositions && !series.empty()) report.fatal = noPositions(report);

    // Series: sorted, duplicates after sorting dropped, regular when evenly spaced (gaps become NaN).
    for (SeriesAcc& acc : series) {
        if (!report.fatal.empty()) break;
        int sensor = sensorFor(d, p, acc.sensor, acc);
        if (sensor < 0) continue;
        if (p.attributeMetrics.count(acc.metric)) {
            std::vector<int64_t>().swap(acc.times);
            std::vector<float>().swap(acc.values);
            continue;
        }
        storeSeries(d, p, acc, uint32_t(sensor));
    }
    // Sites without readings still appear (their glyph shows no data).
    size_t idle = 0;
    for (const std::string& id : siteOrder) {
        if (p.sensorIndex.count(id) || !report.fatal.empty()) continue;
        SeriesAcc none{id, "", sites[id].file, {}, {}, true, sites[id].line};
        if (sensorFor(d, p, id, none) >= 0) ++idle;
    }
    if (idle) report.notes.push_back(std::to_string(idle) + " site" + (idle == 1 ? " has" : "s have") + " no readings");

    if (report.fatal.empty() && d.series.empty()) {
        bool anyInput = std::any_of(report.inputs.begin(), report.inputs.end(), [](const ImportReport::Input& i) { return i.role == "readings"; });
        report.fatal = anyInput ? "no usable readings: every row was rejected (see the reasons)" :
                                  "no readings table: expected a CSV or GeoJSON with a time column";
    }
    return d;
}

// Derive what the joined data says: positions written swapped, scales for sensors without a type, the clock's zone.
void Importer::State::derive(Dataset& d, JoinPlan& p) {
    // Scales for sensors without a type of their own: the range of their metric across all sensors.
    // Positions swapped but each still possible (New York's 40.71, -74.01 written as -74.01, 40.71): far from where
    // the other sensors are, and among them once swapped. Needs a few sensors to know where "among them" is.
    if (d.sensors.size() >= 3) {
        std::vector<double> lats, lons;
        for (const Sensor& s : d.sensors) lats.push_back(s.position.lat), lons.push_back(s.position.lon);
        auto middle = [](std::vector<double>& v) {
            std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
            return v[v.size() / 2];
        };
        const double midLat = middle(lats), midLon = middle(lons);
        auto km = [&](double lat, double lon) {  // equirectangular: plenty at the 50 km this asks about
            const double x = (lon - midLon) * std::cos(midLat * M_PI / 180) * 111.32, y = (lat - midLat) * 110.57;
            return std::sqrt(x * x + y * y);
        };
        std::vector<std::string> swapped;
        for (Sensor& s : d.sensors)
            if (km(s.position.lat, s.position.lon) > 50 && std::fabs(s.position.lon) <= 90 && km(s.position.lon, s.position.lat) < 50) {
                std::swap(s.position.lat, s.position.lon);
                swapped.push_back(s.id);
            }
        if (!swapped.empty()) {
            const std::string list = firstFew(swapped, swapped.size());
            report.notes.push_back("latitude and longitude read swapped for " + std::to_string(swapped.size()) +
                                   (swapped.size() == 1 ? " sensor (" : " sensors (") + list +
                                   "): far from the others as written, among them swapped");
        }
    }
    finishDataset(d);
    for (size_t i = 0; i < d.sensors.size(); ++i) {
        Sensor& sensor = d.sensors[i];
        int32_t primary = d.primarySeries[i];
        if (primary < 0) continue;
        const Series& s = d.series[size_t(primary)];
        if (!s.levels.empty()) { sensor.scaleMin = 0; sensor.scaleMax = double(s.levels.size() - 1); }
        else if (sensor.type == SensorType::other) {
            auto r = p.ranges[s.metric];
            sensor.scaleMin = r.first;
            // A flat series still needs a range (wide enough to survive printing with 10 digits).
            sensor.scaleMax = r.second > r.first ? r.second : r.first + std::max(1.0, std::fabs(r.first) * 1e-3);
        }
        if (sensor.unit.empty()) sensor.unit = s.unit;
    }
    // The clock follows the zone: its name and the changes that matter for the span (a day either side, where the
    // first and last local days begin and end), not one offset for the whole log.
    constexpr int64_t kDayMs = 86400000;
    d.utcOffsetMinutes = zone.offsetAtUtc(d.startMs);
    d.timeZoneName = zone.isNamed() ? zone.name() : "";
    d.offsetChanges = zone.changesBetween(d.startMs - kDayMs, d.endMs + kDayMs);

}

// Report: title and source, the counts, the zone in the span, repeated times, and the data's quality.
void Importer::State::reportOn(Dataset& d, JoinPlan& p) {
    std::string names;
    for (const auto& i : report.inputs) if (i.role == "readings" || i.role == "sites") names += (names.empty() ? "" : ", ") + i.file;
    d.title = opt.title.empty() ? "Imported: " + names : opt.title;
    d.source = opt.source.empty() ? names : opt.source;
    report.sensors = d.sensors.size();
    report.series = d.series.size();
    report.firstMs = d.startMs;
    report.lastMs = d.endMs;
    report.timeZone = d.timeZoneName;
    report.utcOffsetMinutes = d.offsetAt(d.startMs);
    report.endUtcOffsetMinutes = d.offsetAt(d.endMs);
    report.offsetsInSpan = {report.utcOffsetMinutes};
    for (const OffsetChange& c : d.offsetChanges) {
        if (c.utcMs <= d.startMs || c.utcMs > d.endMs) continue;
        ++report.changesInSpan;
        if (std::find(report.offsetsInSpan.begin(), report.offsetsInSpan.end(), c.toMinutes) == report.offsetsInSpan.end())
            report.offsetsInSpan.push_back(c.toMinutes);
    }
    if (!p.repeated.empty()) {  // one line however many sensors: a count, then the first few
        std::string note = std::to_string(report.repeatedTimes) +
                           (report.repeatedTimes == 1 ? " reading repeats the time of another reading of its sensor and "
                                                        "metric and was dropped (the first was kept): "
                                                      : " readings repeat the time of another reading of their sensor and "
                                                        "metric and were dropped (the first was kept): ");
        const size_t shown = std::min<size_t>(p.repeated.size(), 3);
        for (size_t i = 0; i < shown; ++i)
            note += (i ? ", " : "") + p.repeated[i].first + " " + std::to_string(p.repeated[i].second);
        if (p.repeated.size() > shown)
            note += " and " + std::to_string(p.repeated.size() - shown) + " more series";
        report.notes.push_back(std::move(note));
    }
    // Read as UTC for want of a zone, but the sensors stand somewhere the lookup knows (their positions came after
    // the readings, from a sites file): say where, so the page (or the user) reads them again there.
    if (report.zoneFrom == "none" && opt.zoneAt && !d.sensors.empty()) {
        std::vector<double> lat, lon;
        for (const Sensor& sensor : d.sensors) { lat.push_back(sensor.position.lat); lon.push_back(sensor.position.lon); }
        auto median = [](std::vector<double>& v) {
            std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
            return v[v.size() / 2];
        };
        const double la = median(lat), lo = median(lon);
        if (std::optional<TimeZone> there = opt.zoneAt(la, lo); there && there->name() != zone.name()) {
            report.zoneSuggested = there->name();
            report.notes.push_back("the sensors stand in " + there->name() + ": --timezone " + there->name() +
                                   " (or that zone in the import panel) reads their times there");
        }
    }
    report.rejectedTotal = rejectedTotal;
    if (report.fatal.empty()) {  // what the log gets wrong, beyond rows that could not be read (quality.hpp)
        QualityReport q = checkQuality(d);
        report.quality = q.summary();
        report.qualityIssues = q.issues.size();
        report.qualityCounts = {q.gaps, q.stuck, q.impossible};
        for (size_t i = 0; i < q.issues.size() && i < opt.maxReasons; ++i) report.qualityLines.push_back(q.describe(d, q.issues[i]));
    }
}

}  // namespace bk
