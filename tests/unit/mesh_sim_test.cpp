// mesh_sim_test.cpp — triangulation and stroking, glyph colours, and the simulator's determinism and invariants.
#include "glyph_scene.hpp"
#include "sampler.hpp"
#include "map_mesh.hpp"
#include "simulate.hpp"
#include "test_util.hpp"
#include "time_util.hpp"
#include "triangulate.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace bk;

namespace {
double trianglesArea(const std::vector<Vec2>& pts, const std::vector<uint32_t>& idx) {
    double a = 0;
    for (size_t i = 0; i + 2 < idx.size(); i += 3) a += std::fabs(signedArea({pts[idx[i]], pts[idx[i + 1]], pts[idx[i + 2]]}));
    return a;
}
}  // namespace

TEST(Triangulate, ConcavePolygonCoversItsArea) {
    std::vector<Vec2> l = {{0, 0}, {4, 0}, {4, 1}, {1, 1}, {1, 3}, {0, 3}};  // an L
    std::vector<uint32_t> idx;
    ASSERT_TRUE(triangulatePolygon({l}, idx));
    EXPECT_EQ(idx.size(), 12u);
    EXPECT_NEAR(trianglesArea(l, idx), 6.0, 1e-9);
}

TEST(Triangulate, HoleIsLeftOut) {
    std::vector<Vec2> outer = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    std::vector<Vec2> hole = {{4, 4}, {6, 4}, {6, 6}, {4, 6}};
    std::vector<uint32_t> idx;
    ASSERT_TRUE(triangulatePolygon({outer, hole}, idx));
    std::vector<Vec2> all = outer;
    all.insert(all.end(), hole.begin(), hole.end());
    EXPECT_NEAR(trianglesArea(all, idx), 96.0, 1e-9);
}

TEST(Triangulate, ClockwiseInputWorksToo) {
    std::vector<Vec2> cw = {{0, 0}, {0, 2}, {2, 2}, {2, 0}};
    std::vector<uint32_t> idx;
    ASSERT_TRUE(triangulatePolygon({cw}, idx));
    EXPECT_NEAR(trianglesArea(cw, idx), 4.0, 1e-9);
}

TEST(Stroke, StraightLineMakesAQuadPerSegment) {
    std::vector<StrokeVertex> v;
    std::vector<uint32_t> idx;
    strokePolyline({{0, 0}, {10, 0}, {10, 0}, {20, 0}}, false, v, idx, 0);
    EXPECT_EQ(v.size(), 6u);   // duplicate point dropped
    EXPECT_EQ(idx.size(), 12u);
    EXPECT_NEAR(v[0].offset.y, 1.0, 1e-12);
    EXPECT_NEAR(v[1].offset.y, -1.0, 1e-12);
}

TEST(Stroke, RightAngleMiterKeepsTheWidth) {
    std::vector<StrokeVertex> v;
    std::vector<uint32_t> idx;
    strokePolyline({{0, 0}, {10, 0}, {10, 10}}, false, v, idx, 0);
    // At the corner, the miter is √2 long so both legs keep width 1.
    EXPECT_NEAR(std::hypot(v[2].offset.x, v[2].offset.y), std::sqrt(2.0), 1e-9);
}

TEST(MapMesh, ShippedMapTriangulatesEverything) {
    auto map = loadMap(readRepoFile("assets/bukchon/map.geojson"), "map.geojson");
    ASSERT_TRUE(map.ok()) << map.error().describe();
    MapMesh mesh = buildMapMesh(map.value(), Projection({37.581, 126.9855}));
    EXPECT_EQ(mesh.droppedPolygons, 0u);
    EXPECT_GT(mesh.indices.size(), 300u);
    EXPECT_EQ(mesh.indices.size() % 3, 0u);
    for (uint32_t i : mesh.indices) ASSERT_LT(i, mesh.vertices.size());
    EXPECT_FALSE(mesh.labels.empty());
    EXPECT_GT(mesh.bounds.size().x, 1500);  // the Bukchon extent is ≈ 1.85 km wide (≈ 2.3 km mercator)
}

TEST(MapMesh, CellRangesCoverEveryTriangleOnceAndBoundTheirVertices) {
    auto map = loadMap(readRepoFile("assets/bukchon/map.geojson"), "map.geojson");
    ASSERT_TRUE(map.ok());
    MapMesh mesh = buildMapMesh(map.value(), Projection({37.581, 126.9855}));
    ASSERT_GT(mesh.ranges.size(), 20u);  // layers × cells
    uint32_t next = 0;
    for (const MeshRange& r : mesh.ranges) {
        EXPECT_EQ(r.first, next);  // contiguous, in draw order
        EXPECT_EQ(r.count % 3, 0u);
        next = r.first + r.count;
        for (uint32_t k = r.first; k < r.first + r.count; ++k) {
            const MapVertex& v = mesh.vertices[mesh.indices[k]];
            ASSERT_TRUE(v.x >= r.box.min.x && v.x <= r.box.max.x && v.y >= r.box.min.y && v.y <= r.box.max.y);
            ASSERT_LE(std::hypot(v.offsetX, v.offsetY), r.maxOffset + 1e-6);
        }
    }
    EXPECT_EQ(next, mesh.indices.size());
}

TEST(MapMesh, AStreetLevelViewSubmitsAFewCellsAndLosesNothingInView) {
    auto map = loadMap(readRepoFile("assets/bukchon/map.geojson"), "map.geojson");
    ASSERT_TRUE(map.ok());
    Projection proj({37.581, 126.9855});
    MapMesh mesh = buildMapMesh(map.value(), proj);
    const double cssPxPerUnit = 2.0 * proj.groundMetresPerUnit();  // 2 CSS px per metre: street level
    const float pxPerMetre = 2.0f;
    Bounds view;  // 1280 × 720 CSS px around the centre of the quarter
    Vec2 c = proj.toLocal({37.5815, 126.9855});
    view.add({c.x - 640 / cssPxPerUnit, c.y - 360 / cssPxPerUnit});
    view.add({c.x + 640 / cssPxPerUnit, c.y + 360 / cssPxPerUnit});
    std::vector<DrawRun> runs;
    visibleRuns(mesh.ranges, view, cssPxPerUnit, pxPerMetre, runs);
    size_t submitted = 0;
    std::vector<bool> drawn(mesh.indices.size(), false);
    for (const DrawRun& r : runs) {
        submitted += r.count;
        for (uint32_t k = r.first; k < r.first + r.count; ++k) drawn[k] = true;
    }
    EXPECT_LT(submitted, mesh.indices.size() / 3);  // most of the map is out of view
    size_t inView = 0;
    for (size_t k = 0; k < mesh.indices.size(); ++k) {
        const MapVertex& v = mesh.vertices[mesh.indices[k]];
        bool in = v.x >= view.min.x && v.x <= view.max.x && v.y >= view.min.y && v.y <= view.max.y;
        if (!in) continue;
        ++inView;
        ASSERT_TRUE(drawn[k - k % 3]) << "a triangle with a vertex in view was culled";
    }
    EXPECT_GT(inView, 1000u);
    // Zoomed out, every range (from its zoom on) is drawn, in as few runs as the zoom-gated ranges allow.
    Bounds everything = mesh.bounds;
    visibleRuns(mesh.ranges, everything, 0.3 * proj.groundMetresPerUnit(), 0.3f, runs);
    EXPECT_LE(runs.size(), 3u);
}

TEST(MapMesh, AStrokeWhoseWidthReachesIntoViewIsKept) {
    // A line 5 units left of the view, drawn at least 10 CSS px wide: at 1 CSS px per unit it reaches in.
    MeshRange r{0, 6, 0, {}, 0.1f, 10.0f, 1.0f};
    r.box.add({-5, 0});
    r.box.add({-5, 10});
    Bounds view;
    view.add({0, 0});
    view.add({100, 100});
    std::vector<DrawRun> runs;
    visibleRuns({r}, view, 1.0, 1.0f, runs);
    EXPECT_EQ(runs.size(), 1u);
    visibleRuns({r}, view, 4.0, 1.0f, runs);  // 4 px per unit: 2.5 units of reach, short of the view
    EXPECT_TRUE(runs.empty());
    visibleRuns({r}, view, 1.0, 0.0f, runs);  // and a range is shown only from its zoom on
    EXPECT_EQ(runs.size(), 1u);
    r.minPxPerMetre = 0.5f;
    visibleRuns({r}, view, 1.0, 0.2f, runs);
    EXPECT_TRUE(runs.empty());
}

TEST(Glyphs, AirUsesKoreanPm25Bands) {
    Sensor air;
    air.type = SensorType::air;
    EXPECT_NE(colorForValue(air, 10), colorForValue(air, 30));
    EXPECT_NE(colorForValue(air, 30), colorForValue(air, 60));
    EXPECT_NE(colorForValue(air, 60), colorForValue(air, 90));
    EXPECT_EQ(colorForValue(air, 16), colorForValue(air, 35));
    EXPECT_TRUE(isAlert(air, 76));
    EXPECT_FALSE(isAlert(air, 75));
}

TEST(Glyphs, ParkingScaleUsesCapacity) {
    Sensor lot;
    lot.type = SensorType::parking;
    lot.capacity = 40;
    EXPECT_FLOAT_EQ(normalisedValue(lot, 10), 0.25f);
    EXPECT_FLOAT_EQ(normalisedValue(lot, 80), 1.0f);
    EXPECT_FLOAT_EQ(normalisedValue(lot, NAN), 0.0f);
}

class Simulator : public ::testing::Test {
protected:
    void SetUp() override {
        auto s = loadSensors(readRepoFile("assets/bukchon/sensors.geojson"), "sensors.geojson");
        ASSERT_TRUE(s.ok()) << s.error().describe();
        sensors = s.value();
    }
    std::vector<Sensor> sensors;
};

TEST_F(Simulator, SameSeedSameBytesAndTheShippedFileIsUpToDate) {
    SimOptions opt;
    std::string a = simulateRecording(sensors, opt, nullptr);
    std::string b = simulateRecording(sensors, opt, nullptr);
    EXPECT_EQ(a, b);
    EXPECT_TRUE(a == readRepoFile("assets/bukchon/recording.json"))
        << "assets/bukchon/recording.json is stale: regenerate it with bukchon-simulate (see docs/simulation.md)";
    opt.seed += 1;
    EXPECT_NE(simulateRecording(sensors, opt, nullptr), a);
}

TEST_F(Simulator, ReadingsStayPhysical) {
    std::string json = simulateRecording(sensors, SimOptions{}, nullptr);
    auto d = loadRecording(json, "sim.json", sensors);
    ASSERT_TRUE(d.ok()) << d.error().describe();
    for (const Series& s : d->series) {
        const Sensor& sensor = d->sensors[s.sensor];
        for (uint32_t i = 0; i < s.count; ++i) {
            float v = d->values[s.offset + i];
            ASSERT_FALSE(std::isnan(v));
            if (s.metric == "fill") { ASSERT_GE(v, 0); ASSERT_LE(v, 100); }
            if (s.metric == "occupied") { ASSERT_GE(v, 0); ASSERT_LE(v, sensor.capacity); }
            if (s.metric == "pm25") ASSERT_GT(v, 0);
        }
    }
    for (size_t i = 1; i < d->events.size(); ++i) ASSERT_LE(d->events[i - 1].timeMs, d->events[i].timeMs);
}

TEST_F(Simulator, CollectionEmptiesTheBinAndTheWeekHasItsAlarms) {
    std::string json = simulateRecording(sensors, SimOptions{}, nullptr);
    auto d = loadRecording(json, "sim.json", sensors);
    ASSERT_TRUE(d.ok());
    Sampler sampler(&d.value());
    int collections = 0, alarms = 0, falseAlarms = 0;
    for (const Event& e : d->events) {
        if (e.kind == "collection") {
            ++collections;
            int si = d->primarySeries[e.sensor];
            EXPECT_GE(e.value, 30);                              // fill-driven: never a near-empty bin
            EXPECT_LT(sampler.valueAt(uint32_t(si), e.timeMs), 15);  // … and emptied
        }
        alarms += e.kind == "fire_alarm";
        falseAlarms += e.kind == "false_alarm";
    }
    EXPECT_GT(collections, 10);
    EXPECT_EQ(alarms, 1);
    EXPECT_EQ(falseAlarms, 1);
}

// ---- street graph and smart collection ------------------------------------------------------------------------
#include "collection.hpp"
#include "street_graph.hpp"

TEST(StreetGraph, JunctionsJoinCrossingAndTouchingStreets) {
    // A plus sign and a street ending 5 m short of the vertical one.
    MapData map;
    Projection proj({37.58, 126.98});
    auto road = [&](std::vector<Vec2> pts) {
        MapFeature f;
        f.kind = MapKind::road;
        Ring r;
        for (Vec2 p : pts) r.push_back(proj.toLatLon({p.x / proj.groundMetresPerUnit(), p.y / proj.groundMetresPerUnit()}));
        f.lines.push_back(r);
        map.features.push_back(f);
    };
    road({{-100, 0}, {100, 0}});
    road({{0, -100}, {0, 100}});
    road({{5, 50}, {80, 50}});
    StreetGraph g = StreetGraph::build(map, proj, 10);
    EXPECT_EQ(g.components(), 1);
    EXPECT_EQ(g.nodeCount(), 7u);  // 6 ends + the crossing; the T-end snaps onto the vertical line's segment
    int a = g.attach({-100 / proj.groundMetresPerUnit(), 0});
    int b = g.attach({80 / proj.groundMetresPerUnit(), 50 / proj.groundMetresPerUnit()});
    double d = g.distancesFrom(a)[size_t(b)];
    EXPECT_NEAR(d, 100 + 50 + 75, 6);  // along the streets, not as the crow flies
    EXPECT_FALSE(g.path(a, b).empty());
}

TEST(Tour, TwoOptUntanglesACrossedTour) {
    // Four corners of a square: the best closed tour is the perimeter (4), never the diagonals.
    std::vector<Vec2> p = {{0, 0}, {1, 1}, {1, 0}, {0, 1}};
    std::vector<std::vector<double>> d(4, std::vector<double>(4));
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) d[i][j] = std::hypot(p[i].x - p[j].x, p[i].y - p[j].y);
    std::vector<int> tour = planTour(d, 0);
    ASSERT_EQ(tour.size(), 4u);
    EXPECT_EQ(tour[0], 0);
    EXPECT_NEAR(tourLength(d, tour), 4.0, 1e-9);
}

TEST_F(Simulator, FillDrivenCollectionBeatsFixedRoundsOnTheBukchonStreets) {
    auto map = loadMap(readRepoFile("assets/bukchon/map.geojson"), "map.geojson");
    ASSERT_TRUE(map.ok());
    auto d = loadRecording(readRepoFile("assets/bukchon/recording.json"), "recording.json", sensors);
    ASSERT_TRUE(d.ok());
    Projection proj({37.581, 126.9855});
    std::vector<Vec2> pos;
    for (const Sensor& s : d->sensors) pos.push_back(proj.toLocal(s.position));
    CollectionPlan plan = planCollection(d.value(), map.value(), proj, pos);
    ASSERT_TRUE(plan.available);
    EXPECT_TRUE(plan.routable) << "the depot and every bin are on one street network";
    EXPECT_EQ(plan.fixedWeek.trips, 14);  // two rounds a day for a week
    EXPECT_GT(plan.fixedTourM, 2000);      // a round of 12 bins on foot-scale streets: kilometres, not metres
    EXPECT_LT(plan.fixedTourM, 12000);
    EXPECT_LT(plan.fillDrivenWeek.binVisits, plan.fixedWeek.binVisits);
    EXPECT_LT(plan.fillDrivenWeek.km, plan.fixedWeek.km);
    for (const CollectionTrip& t : plan.trips) {
        EXPECT_FALSE(t.bins.empty());
        EXPECT_GT(t.lengthM, 0);
        EXPECT_GE(t.polyline.size(), 2u);
    }
    // The what-if has a bin overflow on the busy weekend when it is only emptied twice a day.
    EXPECT_GE(plan.fixedWeek.overflows, plan.fillDrivenWeek.overflows);
    PolicyTotals fd, fx;
    plan.totalsForDay(d.value(), *parseIsoTimeMs("2026-05-16T23:59:00+09:00"), fd, fx);
    EXPECT_EQ(fx.trips, 2);
    EXPECT_GT(fd.trips, 0);
}

TEST_F(Simulator, TheFixedRoundWhatIfHasLevelsAndTripsToShowOnTheMap) {
    auto map = loadMap(readRepoFile("assets/bukchon/map.geojson"), "map.geojson");
    auto d = loadRecording(readRepoFile("assets/bukchon/recording.json"), "recording.json", sensors);
    ASSERT_TRUE(map.ok() && d.ok());
    Projection proj({37.581, 126.9855});
    std::vector<Vec2> pos;
    for (const Sensor& s : d->sensors) pos.push_back(proj.toLocal(s.position));
    CollectionPlan plan = planCollection(d.value(), map.value(), proj, pos);
    ASSERT_EQ(plan.fixedTrips.size(), plan.fixedRoundTimes.size());
    EXPECT_EQ(plan.fixedTrips[0].lengthM, plan.fixedTourM);
    int bins = 0;
    for (size_t b = 0; b < d->sensors.size(); ++b) {
        if (plan.fillSeriesOf[b] < 0) {
            EXPECT_TRUE(std::isnan(plan.fixedLevelAt(d.value(), uint32_t(b), d->startMs + 3600000)));
            continue;
        }
        ++bins;
        // Just before a round the level is what it had grown to; just after, the round has emptied the bin.
        const int64_t round = plan.fixedRoundTimes[2];
        const Series& fs = d->series[size_t(plan.fillSeriesOf[b])];
        float before = plan.fixedLevelAt(d.value(), uint32_t(b), round - fs.stepMs);
        float after = plan.fixedLevelAt(d.value(), uint32_t(b), round + fs.stepMs);
        EXPECT_GE(before, 0);
        EXPECT_LE(before, 100);
        EXPECT_LE(after, before) << d->sensors[b].id;
        EXPECT_LT(after, 30) << d->sensors[b].id;  // one step of inflow after being emptied
    }
    EXPECT_EQ(bins, 12);
}

TEST_F(Simulator, FixedRoundsKeepTheirWallClockTimesWhenTheClocksChange) {
    auto map = loadMap(readRepoFile("assets/bukchon/map.geojson"), "map.geojson");
    auto d = loadRecording(readRepoFile("assets/bukchon/recording.json"), "recording.json", sensors);
    ASSERT_TRUE(map.ok() && d.ok());
    // As if Seoul put its clocks forward mid-week (it had summer time in 1987 and 1988): 02:00 → 03:00 on the 14th.
    d->offsetChanges = {{*parseIsoTimeMs("2026-05-13T17:00:00Z"), 540, 600}};
    Projection proj({37.581, 126.9855});
    std::vector<Vec2> pos;
    for (const Sensor& s : d->sensors) pos.push_back(proj.toLocal(s.position));
    CollectionPlan plan = planCollection(d.value(), map.value(), proj, pos);
    EXPECT_EQ(plan.fixedWeek.trips, 14);
    for (int64_t t : plan.fixedRoundTimes) {
        LocalTime wall = toLocalTime(t, d->offsetAt(t));
        EXPECT_TRUE((wall.hour == 6 || wall.hour == 15) && wall.minute == 0) << formatIsoTime(t, d->offsetAt(t));
    }
}

TEST(StreetGraph, FuzzedGeometryTerminates) {
    // Found by fuzz_map: far-apart, nearly parallel segments made the junction search split forever.
    auto map = loadMap(readRepoFile("tests/fuzz/corpus/map/regression-street-graph-loop.geojson"), "map.geojson");
    ASSERT_TRUE(map.ok()) << map.error().describe();
    StreetGraph g = StreetGraph::build(map.value(), Projection({37.58, 126.98}));
    EXPECT_GE(g.components(), 1);
    EXPECT_LT(g.nodeCount(), 100u);
}

TEST(StreetGraph, FuzzedGeometryStaysFast) {
    // Found by fuzz_map: ~100 crossing segments took > 10 s when every split restarted the junction search.
    auto map = loadMap(readRepoFile("tests/fuzz/corpus/map/regression-street-graph-slow.geojson"), "map.geojson");
    ASSERT_TRUE(map.ok()) << map.error().describe();
    StreetGraph g = StreetGraph::build(map.value(), Projection({37.58, 126.98}));  // one pass: milliseconds
    EXPECT_GT(g.nodeCount(), 0u);
}
