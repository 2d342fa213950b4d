// street_graph.hpp — the map's roads and paths as a routable graph (junctions found by snapping), shortest paths.
#pragma once

#include "geo.hpp"
#include "map_data.hpp"

#include <cstdint>
#include <vector>

namespace bk {

class StreetGraph {
public:
    // Builds from road/path lines. Vertices closer than `snapM` ground metres merge; a line ending within `snapM` of
    // another line's segment joins it there (T-junctions); crossing segments join at the crossing.
    static StreetGraph build(const MapData& map, const Projection& projection, double snapM = 10.0);

    // Adds a node on the nearest street to `p` (local units) and returns it; -1 if the graph is empty.
    int attach(Vec2 p);

    // Shortest path lengths (ground metres) from `from` to every node; +inf where unreachable.
    std::vector<double> distancesFrom(int from) const;
    // The node sequence of a shortest path, or empty if unreachable.
    std::vector<int> path(int from, int to) const;

    size_t nodeCount() const { return nodes_.size(); }
    size_t edgeCount() const;
    Vec2 node(int i) const { return nodes_[size_t(i)]; }
    // Number of connected components (1 for a well-joined network).
    int components() const;

private:
    struct Edge { int to; double lengthM; };
    int addNode(Vec2 p);
    void addEdge(int a, int b);
    void splitEdge(int a, int b, int mid);

    std::vector<Vec2> nodes_;
    std::vector<std::vector<Edge>> adjacency_;
    double metresPerUnit_ = 1;
};

// A closed tour through `stops` starting and ending at `start`, using a symmetric distance matrix: nearest
// neighbour, then 2-opt until no swap shortens it. Returns indices into the matrix, start first (not repeated).
std::vector<int> planTour(const std::vector<std::vector<double>>& distances, int start);
double tourLength(const std::vector<std::vector<double>>& distances, const std::vector<int>& tour);

}  // namespace bk
