// rehearsal_test.cpp — the start-up rehearsal's city reaches the commit's costly paths, and its commit succeeds.
#include "rehearsal.hpp"

#include "binary_format.hpp"
#include "map_binary.hpp"
#include "viewer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

using namespace bk;

namespace {
size_t maxRingVertices(const MapData& m) {
    size_t most = 0;
    for (const MapFeature& f : m.features)
        for (const auto& polygon : f.polygons)
            for (const Ring& r : polygon) most = std::max(most, r.size());
    return most;
}
}  // namespace

// The rehearsal only helps if it runs what the real commit runs: the triangulator's hole bridging and its grid for
// large areas, treads for steps, every sensor type's KPIs, the truck's routing to bins on streets.
TEST(Rehearsal, TheCityReachesEveryCostlyPathOfTheCommit) {
    const RehearsalCity city = rehearsalCity();
    bool holes = false, steps = false, depot = false, oneway = false;
    std::set<std::string> classes;
    for (const MapFeature& f : city.map.features) {
        for (const auto& polygon : f.polygons) holes = holes || polygon.size() > 1;
        steps = steps || f.cls == "steps";
        depot = depot || f.kind == MapKind::depot;
        oneway = oneway || f.oneway != 0;
        if (f.kind == MapKind::road) classes.insert(f.cls);
    }
    EXPECT_TRUE(holes);
    EXPECT_TRUE(steps);
    EXPECT_TRUE(depot);
    EXPECT_TRUE(oneway);
    EXPECT_GT(maxRingVertices(city.map), 64u);  // triangulate.cpp's VertexGrid threshold
    EXPECT_GE(classes.size(), 4u);
    EXPECT_GT(city.map.features.size(), 250u);
    std::set<SensorType> types;
    for (const Sensor& s : city.data.sensors) types.insert(s.type);
    EXPECT_EQ(types.size(), 6u);
    size_t collections = 0;
    for (const Event& e : city.data.events) collections += e.kind == "collection";
    EXPECT_GT(collections, 4u);
    EXPECT_GT(city.data.readingCount(), 5000u);
}

TEST(Rehearsal, ItsCommitSucceedsWithARoutedCollectionPlan) {
    const RehearsalCity city = rehearsalCity();
    Viewer viewer;
    viewer.stageFile("map", "rehearsal.bkm", writeBinaryMap(city.map));
    viewer.stageFile("recording", "rehearsal.bkr", writeBinaryRecording(city.data));
    ASSERT_TRUE(viewer.commitStaged()) << viewer.error();
    const auto state = nlohmann::json::parse(viewer.stateJson());
    EXPECT_TRUE(state["collection"]["streetRouted"].get<bool>());
    EXPECT_GT(state["collection"]["week"]["fixed"]["km"].get<double>(), 0);
    EXPECT_GT(state["map"]["streets"].get<int>(), 0);
    // The commit's phases are timed in the state (the bench's breakdown of bk:fetched → bk:data).
    for (const char* phase : {"readMap", "readRecording", "mesh", "collection", "kpiIndex", "quality"})
        EXPECT_TRUE(state["commitMs"].contains(phase)) << phase;
    EXPECT_TRUE(rehearseCommit());
}
