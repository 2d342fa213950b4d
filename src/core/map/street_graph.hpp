// street_graph.hpp — the map's roads and paths as a routable graph (junctions found by snapping), shortest paths.
#pragma once

#include "geo.hpp"
#include "map_data.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace bk {

// Who travels: on foot every street and path is open both ways; a truck keeps to drivable roads and their oneway.
enum class Travel { foot, drive };

class StreetGraph {
public:
    // Builds from road/path lines. A "noded" map (OpenStreetMap) joins streets only where they share a position, so
    // a bridge over a street stays apart from it; road classes and oneway decide where a truck may go.
    // Otherwise (v1, hand-drawn): vertices closer than `snapM` ground metres merge; a line ending within `snapM`
    // of another line's segment joins it there; crossing segments join at the crossing; every line is drivable.
    static StreetGraph build(const MapData& map, const Projection& projection, double snapM = 10.0);

    // Adds a node on the nearest street usable by `travel` to `p` (local units) and returns it; -1 if none.
    int attach(Vec2 p, Travel travel = Travel::foot);

    // Shortest path lengths (ground metres) from `from` to every node; +inf where unreachable.
    std::vector<double> distancesFrom(int from, Travel travel = Travel::foot) const;
    // Shortest path lengths from every node to `to` (differs from distancesFrom where streets are oneway).
    std::vector<double> distancesTo(int to, Travel travel = Travel::foot) const;
    // The node sequence of a shortest path, or empty if unreachable.
    std::vector<int> path(int from, int to, Travel travel = Travel::foot) const;

    // All shortest paths from one node: lengths and, per node, the node before it (-1 at the root and where
    // unreachable). Routing reuses one tree for a stop's distances and for its legs' polylines.
    struct Tree {
        std::vector<double> distanceM;
        std::vector<int> previous;
        std::vector<int> pathTo(int to) const;  // root … to, or empty if unreachable
    };
    Tree shortestPaths(int from, Travel travel = Travel::foot) const;
    // The node nearest to `from` (by path) that `accept`s, and its distance; -1 if none is reachable.
    int nearest(int from, Travel travel, const std::function<bool(int)>& accept, double* distanceM) const;

    size_t nodeCount() const { return nodes_.size(); }
    size_t edgeCount() const;
    Vec2 node(int i) const { return nodes_[size_t(i)]; }
    // Number of connected components on foot (1 for a well-joined network).
    int components() const;

private:
    struct Edge { int to; double lengthM; bool drive; };   // drive: a truck may go from this node to `to`
    int addNode(Vec2 p);
    void addEdge(int a, int b, bool driveAB = true, bool driveBA = true);
    void splitEdge(int a, int b, int mid);
    // `stopAt`: ends the search at the first settled node it accepts (written to `stoppedAt`).
    std::vector<double> dijkstra(int from, Travel travel, bool reverse, std::vector<int>* previous,
                                 const std::function<bool(int)>& stopAt = {}, int* stoppedAt = nullptr) const;

    std::vector<Vec2> nodes_;
    std::vector<std::vector<Edge>> adjacency_;
    double metresPerUnit_ = 1;
};

// A closed tour through `stops` starting and ending at `start`, using a distance matrix (asymmetric where streets
// are oneway): nearest neighbour, then 2-opt until no reversal shortens it. Returns indices into the matrix, start first (not repeated).
std::vector<int> planTour(const std::vector<std::vector<double>>& distances, int start);
double tourLength(const std::vector<std::vector<double>>& distances, const std::vector<int>& tour);

}  // namespace bk
