// collection.cpp — trips from collection events, routes by nearest neighbour + 2-opt over street distances, and
// the fixed-round what-if replayed from each bin's inferred inflow.
#include "collection.hpp"

#include "time_util.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace bk {

namespace {
constexpr double kTruckKmh = 15;
constexpr double kStopMs = 90000;
constexpr double kWalkKmh = 4;

// Shortest-path trees of the truck, one per stop node, kept across trips (a bin is a stop on many trips). Bounded,
// so a city's thousands of bins do not keep thousands of trees: past the bound a tree is built and dropped.
class TruckTrees {
public:
    explicit TruckTrees(const StreetGraph& g) : g_(g) {}
    const StreetGraph::Tree& from(int node) {
        auto it = kept_.find(node);
        if (it != kept_.end()) return it->second;
        if (kept_.size() < 256) return kept_.emplace(node, g_.shortestPaths(node, Travel::drive)).first->second;
        spare_ = g_.shortestPaths(node, Travel::drive);
        return spare_;
    }

private:
    const StreetGraph& g_;
    std::map<int, StreetGraph::Tree> kept_;
    StreetGraph::Tree spare_;
};

// Routes through `stops` (graph nodes; stops[0] is the depot) by truck and returns the tour's length and street
// polyline.
double routeThrough(const StreetGraph& g, TruckTrees& trees, const std::vector<int>& stops, std::vector<int>* order,
                    std::vector<Vec2>* line) {
    size_t n = stops.size();
    std::vector<std::vector<double>> dm(n, std::vector<double>(n, 0));
    for (size_t i = 0; i < n; ++i) {
        const std::vector<double>& d = trees.from(stops[i]).distanceM;
        for (size_t j = 0; j < n; ++j) dm[i][j] = std::isfinite(d[size_t(stops[j])]) ? d[size_t(stops[j])] : 1e9;
    }
    std::vector<int> tour = planTour(dm, 0);
    if (order) *order = tour;
    if (line) {
        line->clear();
        for (size_t k = 0; k < tour.size(); ++k) {
            std::vector<int> p = trees.from(stops[size_t(tour[k])]).pathTo(stops[size_t(tour[(k + 1) % tour.size()])]);
            for (size_t i = line->empty() ? 0 : 1; i < p.size(); ++i) line->push_back(g.node(p[i]));
        }
    }
    return tourLength(dm, tour);
}

int countCrossings(const std::vector<float>& level, double threshold, const std::vector<int64_t>& times,
                   std::vector<int64_t>& at) {
    int n = 0;
    for (size_t i = 1; i < level.size(); ++i)
        if (level[i] >= threshold && level[i - 1] < threshold) { ++n; at.push_back(times[i]); }
    return n;
}
}  // namespace

double CollectionTrip::durationMs() const {
    return lengthM / (kTruckKmh / 3.6) * 1000.0 + kStopMs * double(bins.size()) + walkM / (kWalkKmh / 3.6) * 1000.0;
}

bool CollectionTrip::truckAt(int64_t t, Vec2& out) const {
    if (t < startMs || double(t - startMs) > durationMs() || polyline.size() < 2) return false;
    // Simple but honest enough: constant progress along the line over the trip.
    double total = 0;
    for (size_t i = 1; i < polyline.size(); ++i) total += std::hypot(polyline[i].x - polyline[i - 1].x, polyline[i].y - polyline[i - 1].y);
    double target = total * double(t - startMs) / durationMs(), acc = 0;
    for (size_t i = 1; i < polyline.size(); ++i) {
        double seg = std::hypot(polyline[i].x - polyline[i - 1].x, polyline[i].y - polyline[i - 1].y);
        if (acc + seg >= target && seg > 0) {
            double f = (target - acc) / seg;
            out = {polyline[i - 1].x + (polyline[i].x - polyline[i - 1].x) * f, polyline[i - 1].y + (polyline[i].y - polyline[i - 1].y) * f};
            return true;
        }
        acc += seg;
    }
    out = polyline.back();
    return true;
}

void CollectionPlan::totalsForDay(const Dataset& d, int64_t t, PolicyTotals& fd, PolicyTotals& fx) const {
    fd = fx = PolicyTotals{};
    int64_t day = d.localDayStartMs(t);
    for (const CollectionTrip& trip : trips)
        if (trip.startMs >= day && trip.startMs <= t) {
            ++fd.trips;
            fd.binVisits += int(trip.bins.size());
            fd.km += trip.lengthM / 1000;
            fd.walkKm += trip.walkM / 1000;
        }
    for (int64_t r : fixedRoundTimes)
        if (r >= day && r <= t) {
            ++fx.trips;
            fx.km += fixedTourM / 1000;
            fx.walkKm += fixedWalkM / 1000;
        }
    int bins = 0;
    for (const Sensor& s : d.sensors) bins += s.type == SensorType::bin;
    fx.binVisits = fx.trips * bins;
    for (int64_t o : recordedOverflowTimes) fd.overflows += o >= day && o <= t;
    for (int64_t o : fixedOverflowTimes) fx.overflows += o >= day && o <= t;
}

CollectionPlan planCollection(const Dataset& d, const MapData& map, const Projection& proj,
                              const std::vector<Vec2>& positions, const CollectionModel& model) {
    CollectionPlan plan;
    // Bins and their fill / compaction series.
    std::vector<uint32_t> bins;
    std::map<uint32_t, int> fillSeries, compactSeries;
    for (size_t si = 0; si < d.series.size(); ++si) {
        const Series& s = d.series[si];
        if (d.sensors[s.sensor].type != SensorType::bin) continue;
        if (s.metric == "fill") fillSeries[s.sensor] = int(si);
        if (s.metric == "compactions") compactSeries[s.sensor] = int(si);
    }
    for (auto& [b, si] : fillSeries) bins.push_back(b);
    plan.fillSeriesOf.assign(d.sensors.size(), -1);
    for (auto& [b, si] : fillSeries) plan.fillSeriesOf[b] = si;
    // Route planning is for a district's bins (tens to hundreds): its distance table and 2-opt are quadratic, so a
    // city-wide scale dataset gets no plan (the panel stays hidden) rather than gigabytes of table.
    if (bins.empty() || bins.size() > kMaxPlannedBins) return plan;
    plan.available = true;

    // Depot: the map's "depot" point, else the bins' centre.
    bool haveDepot = false;
    for (const MapFeature& f : map.features)
        if (f.kind == MapKind::depot && !f.points.empty()) { plan.depot = proj.toLocal(f.points[0]); haveDepot = true; break; }
    if (!haveDepot) {
        Bounds b;
        for (uint32_t bin : bins) b.add(positions[bin]);
        plan.depot = b.center();
    }

    // Routing. The v1 junction search is quadratic: on a big hand-drawn map, fall back to straight lines. Noded
    // maps (OpenStreetMap) build in linear time whatever their size.
    size_t segments = 0;
    for (const MapFeature& f : map.features)
        if (f.kind == MapKind::road || f.kind == MapKind::path)
            for (const Ring& r : f.lines) segments += r.size();
    StreetGraph g = (map.noded || segments <= 3000) ? StreetGraph::build(map, proj) : StreetGraph{};
    std::vector<int> node(d.sensors.size(), -1);
    plan.walkM.assign(d.sensors.size(), 0);
    int depotNode = g.nodeCount() ? g.attach(plan.depot, Travel::drive) : -1;
    if (depotNode >= 0) {
        // The bin stands on the nearest street or path; the crew walks there from the nearest point the truck
        // reaches (no walk when the bin is on a drivable street).
        std::vector<int> at(d.sensors.size(), -1);
        plan.routable = true;
        for (uint32_t b : bins) plan.routable = plan.routable && (at[b] = g.attach(positions[b], Travel::foot)) >= 0;
        // Where the truck can go and come back from: a stop must be reachable from the depot and the depot from it.
        std::vector<double> out = g.distancesFrom(depotNode, Travel::drive), back = g.distancesTo(depotNode, Travel::drive);
        for (size_t k = 0; k < bins.size() && plan.routable; ++k) {
            uint32_t b = bins[k];
            double walk = 0;
            int access = g.nearest(at[b], Travel::foot, [&](int v) {
                return std::isfinite(out[size_t(v)]) && std::isfinite(back[size_t(v)]);
            }, &walk);
            if (access < 0) { plan.routable = false; break; }
            node[b] = access;
            plan.walkM[b] = walk;
        }
    }
    TruckTrees trees(g);  // after every attach: the graph no longer changes
    auto walkOf = [&](const std::vector<uint32_t>& stopsBins) {
        double m = 0;
        for (uint32_t b : stopsBins) m += 2 * plan.walkM[b];  // there and back with the bag
        return plan.routable ? m : 0.0;
    };
    auto route = [&](const std::vector<uint32_t>& stopsBins, std::vector<uint32_t>* ordered, std::vector<Vec2>* line) {
        if (!plan.routable) {  // straight lines when there is no street network: still a fair comparison
            std::vector<Vec2> pts{plan.depot};
            for (uint32_t b : stopsBins) pts.push_back(positions[b]);
            size_t n = pts.size();
            std::vector<std::vector<double>> dm(n, std::vector<double>(n));
            for (size_t i = 0; i < n; ++i)
                for (size_t j = 0; j < n; ++j) dm[i][j] = std::hypot(pts[i].x - pts[j].x, pts[i].y - pts[j].y) * proj.groundMetresPerUnit();
            std::vector<int> tour = planTour(dm, 0);
            if (ordered) for (size_t k = 1; k < tour.size(); ++k) ordered->push_back(stopsBins[size_t(tour[k] - 1)]);
            if (line) { for (int k : tour) line->push_back(pts[size_t(k)]); line->push_back(pts[0]); }
            return tourLength(dm, tour);
        }
        std::vector<int> stops{depotNode};
        for (uint32_t b : stopsBins) stops.push_back(node[b]);
        std::vector<int> order;
        double len = routeThrough(g, trees, stops, &order, line);
        if (ordered) for (size_t k = 1; k < order.size(); ++k) ordered->push_back(stopsBins[size_t(order[k] - 1)]);
        return len;
    };

    // Fill-driven trips: the recorded collection events, grouped by time.
    std::map<int64_t, std::vector<uint32_t>> rounds;
    for (const Event& e : d.events)
        if (e.kind == "collection" && d.sensors[e.sensor].type == SensorType::bin) rounds[e.timeMs].push_back(e.sensor);
    for (auto& [time, visited] : rounds) {
        CollectionTrip trip;
        trip.startMs = time;
        trip.lengthM = route(visited, &trip.bins, &trip.polyline);
        trip.walkM = walkOf(visited);
        plan.trips.push_back(std::move(trip));
        plan.fillDrivenWeek.trips++;
        plan.fillDrivenWeek.binVisits += int(visited.size());
        plan.fillDrivenWeek.km += plan.trips.back().lengthM / 1000;
        plan.fillDrivenWeek.walkKm += plan.trips.back().walkM / 1000;
    }
    plan.fixedTourM = route(bins, nullptr, &plan.fixedPolyline);
    plan.fixedWalkM = walkOf(bins);

    // Fixed rounds over the recording. A round at 09:00 is at 09:00 on the wall clock, also on the days the clocks
    // change (the day's wall midnight is its start read at the offset then: a day may begin at 01:00 after a change).
    for (int64_t day = d.localDayStartMs(d.startMs); day < d.endMs; day = d.nextLocalDayStartMs(day)) {
        const int64_t wallMidnight = startOfLocalDayMs(day + int64_t(d.offsetAt(day)) * 60000, 0);
        for (int minute : model.fixedRoundMinutes) {
            int64_t t = d.wallToUtcMs(wallMidnight + int64_t(minute) * 60000);
            if (t >= d.startMs && t < d.endMs) plan.fixedRoundTimes.push_back(t);
        }
    }
    plan.fixedWeek.trips = int(plan.fixedRoundTimes.size());
    plan.fixedWeek.binVisits = plan.fixedWeek.trips * int(bins.size());
    plan.fixedWeek.km = plan.fixedWeek.trips * plan.fixedTourM / 1000;
    plan.fixedWeek.walkKm = plan.fixedWeek.trips * plan.fixedWalkM / 1000;
    for (int64_t t : plan.fixedRoundTimes) {
        CollectionTrip trip;
        trip.startMs = t;
        trip.bins = bins;
        trip.lengthM = plan.fixedTourM;
        trip.walkM = plan.fixedWalkM;
        trip.polyline = plan.fixedPolyline;
        plan.fixedTrips.push_back(std::move(trip));
    }
    plan.fixedLevels.assign(d.sensors.size(), {});

    // Overflows: recorded (fill-driven) and what-if (fixed). The what-if replays each bin's inflow, inferred from
    // its fill series: the rise between readings, except across a compaction or collection, where the previous
    // rise is carried over.
    for (uint32_t b : bins) {
        const Series& fs = d.series[size_t(fillSeries[b])];
        if (!fs.regular || fs.count < 2) continue;
        std::vector<int64_t> times(fs.count);
        std::vector<float> recorded(fs.count);
        for (uint32_t i = 0; i < fs.count; ++i) { times[i] = fs.timeAt(d.timesMs, i); recorded[i] = d.values[fs.offset + i]; }
        countCrossings(recorded, model.overflowPct, times, plan.recordedOverflowTimes);
        auto compactions = [&](uint32_t i) {
            auto it = compactSeries.find(b);
            if (it == compactSeries.end()) return 0.0f;
            const Series& cs = d.series[size_t(it->second)];
            return i < cs.count ? d.values[cs.offset + i] : 0.0f;
        };
        std::vector<bool> collectedBefore(fs.count, false);
        for (const Event& e : d.events)
            if (e.sensor == b && e.kind == "collection" && e.timeMs >= fs.startMs) {
                uint64_t i = uint64_t((e.timeMs - fs.startMs + fs.stepMs - 1) / fs.stepMs);
                if (i < fs.count) collectedBefore[i] = true;
            }
        double level = std::isnan(recorded[0]) ? 0 : recorded[0], lastInflow = 0;
        int pressed = 0;
        bool full = false;
        size_t round = 0;
        std::vector<float>& levels = plan.fixedLevels[b];
        levels.assign(fs.count, std::numeric_limits<float>::quiet_NaN());
        levels[0] = float(level);
        for (uint32_t i = 1; i < fs.count; ++i) {
            float a = recorded[i - 1], c = recorded[i];
            bool clean = !std::isnan(a) && !std::isnan(c) && c >= a && compactions(i) == compactions(i - 1) &&
                         !collectedBefore[i] && c < model.overflowPct;
            double inflow = clean ? double(c - a) : lastInflow;
            if (clean) lastInflow = inflow;
            while (round < plan.fixedRoundTimes.size() && plan.fixedRoundTimes[round] <= times[i]) {
                if (plan.fixedRoundTimes[round] > times[i - 1]) { level = 0; pressed = 0; full = false; }
                ++round;
            }
            level += inflow;
            if (level >= model.compactAtPct && pressed < model.maxCompactions) { ++pressed; level = model.compactedBasePct + model.compactedStepPct * pressed; }
            if (level >= model.overflowPct) {
                level = 100;
                if (!full) plan.fixedOverflowTimes.push_back(times[i]);
                full = true;
            }
            levels[i] = float(level);
        }
    }
    plan.fillDrivenWeek.overflows = int(plan.recordedOverflowTimes.size());
    plan.fixedWeek.overflows = int(plan.fixedOverflowTimes.size());
    return plan;
}

float CollectionPlan::fixedLevelAt(const Dataset& d, uint32_t sensor, int64_t t) const {
    const float none = std::numeric_limits<float>::quiet_NaN();
    if (sensor >= fixedLevels.size() || fixedLevels[sensor].empty()) return none;
    const Series& fs = d.series[size_t(fillSeriesOf[sensor])];
    const std::vector<float>& levels = fixedLevels[sensor];
    if (t < fs.startMs || fs.stepMs <= 0) return none;
    const int64_t i = std::min<int64_t>((t - fs.startMs) / fs.stepMs, int64_t(levels.size()) - 1);
    const float a = levels[size_t(i)];
    if (size_t(i) + 1 >= levels.size()) return a;
    const float b = levels[size_t(i) + 1];
    if (std::isnan(b) || b < a) return a;
    const double f = double(t - fs.startMs - i * fs.stepMs) / double(fs.stepMs);
    return float(a + (b - a) * f);
}

WeekSaving weekSaving(const CollectionPlan& c) {
    WeekSaving w;
    if (c.fixedWeek.binVisits <= 0) return w;
    w.known = true;
    w.noneFull = c.fillDrivenWeek.binVisits == 0;
    w.visitsPct = int(std::lround(100.0 * (1.0 - double(c.fillDrivenWeek.binVisits) / double(c.fixedWeek.binVisits))));
    w.kmPct = int(std::lround(100.0 * (1.0 - c.fillDrivenWeek.km / std::max(1e-9, c.fixedWeek.km))));
    return w;
}

}  // namespace bk
