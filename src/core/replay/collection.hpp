// collection.hpp — smart collection: the fill-driven truck trips of the recording on the street graph, and the
// same bins under fixed rounds (a what-if), compared in trips, kilometres and overflows.
#pragma once

#include "dataset.hpp"
#include "map_data.hpp"
#include "street_graph.hpp"

#include <cstdint>
#include <vector>

namespace bk {

struct CollectionTrip {
    int64_t startMs = 0;
    std::vector<uint32_t> bins;        // sensor indices, in visiting order
    double lengthM = 0;                // driven
    double walkM = 0;                  // on foot, to bins on pedestrian alleys and back
    std::vector<Vec2> polyline;        // depot → bins → depot along streets (local units)
    double durationMs() const;         // driving at 15 km/h, 90 s per bin, walking at 4 km/h
    // The truck's position at time t during the trip (false outside it).
    bool truckAt(int64_t timeMs, Vec2& out) const;
};

struct PolicyTotals {
    int trips = 0;
    int binVisits = 0;
    double km = 0;                     // driven
    double walkKm = 0;                 // walked from the truck to bins it cannot reach, and back
    int overflows = 0;
};

struct CollectionModel {                 // the what-if's assumptions (docs/simulation.md)
    std::vector<int> fixedRoundMinutes{6 * 60, 15 * 60};  // fixed rounds: every bin, twice a day
    double compactAtPct = 85;            // CleanCUBE-like: the compactor presses at 85% …
    int maxCompactions = 5;              // … up to five times before the bin is effectively full
    double compactedBasePct = 22, compactedStepPct = 13;  // level after the n-th press: base + n × step
    double overflowPct = 99.5;
};

struct CollectionPlan {
    bool available = false;              // bins with fill series exist
    bool routable = false;               // a street network joins depot and bins
    Vec2 depot;
    std::vector<CollectionTrip> trips;   // fill-driven, as recorded (collection events grouped by time)
    double fixedTourM = 0;               // one fixed round: every bin
    double fixedWalkM = 0;
    std::vector<double> walkM;           // per sensor: a bin's walk from the truck's nearest stop (0: at the kerb)
    std::vector<Vec2> fixedPolyline;
    PolicyTotals fillDrivenWeek, fixedWeek;
    // Totals for the local day containing t, up to t.
    void totalsForDay(const Dataset& d, int64_t timeMs, PolicyTotals& fillDriven, PolicyTotals& fixed) const;

    // Per bin and step, for the what-if (kept to answer per-day questions quickly).
    std::vector<int64_t> fixedOverflowTimes;
    std::vector<int64_t> recordedOverflowTimes;
    std::vector<int64_t> fixedRoundTimes;
    // The what-if on the map (a compare view's "fixed rounds" pane): each round as a trip over the one tour, and each
    // bin's level under fixed rounds, one per reading of its fill series (empty for sensors that are not bins).
    std::vector<CollectionTrip> fixedTrips;
    std::vector<int32_t> fillSeriesOf;          // per sensor: its fill series, or -1
    std::vector<std::vector<float>> fixedLevels;
    // A bin's level at t under fixed rounds (NaN: not a planned bin, or before its first reading). Rises between
    // readings are interpolated; a fall (a round, a press) happens at the reading, as the recorded series shows it.
    float fixedLevelAt(const Dataset& d, uint32_t sensor, int64_t timeMs) const;
};

// What emptying bins when full saved over the recording against fixed rounds, as the collection card and the tour's
// last caption say it: `noneFull` when fixed rounds visited bins and no bin ever filled enough to call the truck
// ("100 % fewer" would claim a saving where bins simply never filled); `known` false when there were no rounds.
struct WeekSaving {
    bool known = false, noneFull = false;
    int visitsPct = 0, kmPct = 0;  // rounded; negative when emptying when full cost more
};
WeekSaving weekSaving(const CollectionPlan& plan);

// Above this many bins no plan is made (route planning is quadratic in the bins).
constexpr size_t kMaxPlannedBins = 2000;

CollectionPlan planCollection(const Dataset& d, const MapData& map, const Projection& projection,
                              const std::vector<Vec2>& sensorPositions, const CollectionModel& model = {});

}  // namespace bk
