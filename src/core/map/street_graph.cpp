// street_graph.cpp — graph building with snapping and junction detection, Dijkstra, nearest-neighbour + 2-opt.
#include "street_graph.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <unordered_map>

namespace bk {

namespace {
double dist(Vec2 a, Vec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Closest point to p on segment ab, as a parameter t in [0, 1].
double projectT(Vec2 p, Vec2 a, Vec2 b) {
    double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    if (len2 <= 0) return 0;
    return std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
}

bool segmentsCross(Vec2 a, Vec2 b, Vec2 c, Vec2 d, Vec2& at) {
    double r1 = b.x - a.x, r2 = b.y - a.y, s1 = d.x - c.x, s2 = d.y - c.y;
    double den = r1 * s2 - r2 * s1;
    if (std::fabs(den) < 1e-12) return false;
    double t = ((c.x - a.x) * s2 - (c.y - a.y) * s1) / den;
    double u = ((c.x - a.x) * r2 - (c.y - a.y) * r1) / den;
    if (t <= 1e-6 || t >= 1 - 1e-6 || u <= 1e-6 || u >= 1 - 1e-6) return false;
    at = {a.x + t * r1, a.y + t * r2};
    return true;
}
}  // namespace

int StreetGraph::addNode(Vec2 p) {
    nodes_.push_back(p);
    adjacency_.emplace_back();
    return int(nodes_.size() - 1);
}

void StreetGraph::addEdge(int a, int b, bool driveAB, bool driveBA) {
    if (a == b) return;
    for (Edge& e : adjacency_[size_t(a)])
        if (e.to == b) {  // two ways between the same nodes: one edge, open to whoever either lets through
            e.drive = e.drive || driveAB;
            for (Edge& r : adjacency_[size_t(b)])
                if (r.to == a) r.drive = r.drive || driveBA;
            return;
        }
    double len = dist(nodes_[size_t(a)], nodes_[size_t(b)]) * metresPerUnit_;
    adjacency_[size_t(a)].push_back({b, len, driveAB});
    adjacency_[size_t(b)].push_back({a, len, driveBA});
}

void StreetGraph::splitEdge(int a, int b, int mid) {
    bool ab = false, ba = false;
    auto drop = [&](int from, int to, bool& drive) {
        auto& adj = adjacency_[size_t(from)];
        for (const Edge& e : adj)
            if (e.to == to) drive = e.drive;
        adj.erase(std::remove_if(adj.begin(), adj.end(), [&](const Edge& e) { return e.to == to; }), adj.end());
    };
    drop(a, b, ab);
    drop(b, a, ba);
    addEdge(a, mid, ab, ba);
    addEdge(mid, b, ab, ba);
}

size_t StreetGraph::edgeCount() const {
    size_t n = 0;
    for (const auto& adj : adjacency_) n += adj.size();
    return n / 2;
}

StreetGraph StreetGraph::build(const MapData& map, const Projection& proj, double snapM) {
    StreetGraph g;
    g.metresPerUnit_ = proj.groundMetresPerUnit();
    if (map.noded) {
        // Shared positions are junctions (OSM's shared nodes); nothing else joins. Linear in the vertices.
        std::unordered_map<uint64_t, int> index;
        auto nodeAt = [&](const LatLon& p) {
            uint64_t key = uint64_t(std::llround((p.lat + 90) * 1e7)) * 3600000000ull + uint64_t(std::llround((p.lon + 180) * 1e7));
            auto [it, fresh] = index.try_emplace(key, int(g.nodes_.size()));
            if (fresh) g.addNode(proj.toLocal(p));
            return it->second;
        };
        for (const MapFeature& f : map.features) {
            if (f.kind != MapKind::road && f.kind != MapKind::path) continue;
            bool drivable = isDrivableClass(f.cls) && !f.noVehicles;
            for (const Ring& line : f.lines)
                for (size_t k = 1; k < line.size(); ++k)
                    g.addEdge(nodeAt(line[k - 1]), nodeAt(line[k]), drivable && f.oneway >= 0, drivable && f.oneway <= 0);
        }
        return g;
    }
    const double snap = snapM / g.metresPerUnit_;

    // 1. Every road/path segment, in local units.
    struct Cut { double t; Vec2 at; };
    struct Seg { Vec2 a, b; std::vector<Cut> cuts; };
    std::vector<Seg> segs;
    for (const MapFeature& f : map.features) {
        if (f.kind != MapKind::road && f.kind != MapKind::path) continue;
        for (const Ring& line : f.lines)
            for (size_t k = 1; k < line.size(); ++k) {
                Vec2 a = proj.toLocal(line[k - 1]), b = proj.toLocal(line[k]);
                if (dist(a, b) > 1e-9) segs.push_back({a, b, {}});
            }
    }
    // 2. Junctions, found in one pass over segment pairs: crossings split both segments; an end lying within
    //    `snap` of another segment's interior splits that segment (a T-junction).
    auto endOnto = [&](Vec2 p, Seg& s) {
        double t = projectT(p, s.a, s.b);
        Vec2 q{s.a.x + (s.b.x - s.a.x) * t, s.a.y + (s.b.y - s.a.y) * t};
        if (t > 0 && t < 1 && dist(q, p) <= snap) s.cuts.push_back({t, p});
    };
    for (size_t i = 0; i < segs.size(); ++i)
        for (size_t j = i + 1; j < segs.size(); ++j) {
            Seg& s = segs[i];
            Seg& u = segs[j];
            Vec2 x;
            if (segmentsCross(s.a, s.b, u.a, u.b, x)) {
                s.cuts.push_back({projectT(x, s.a, s.b), x});
                u.cuts.push_back({projectT(x, u.a, u.b), x});
            }
            endOnto(u.a, s);
            endOnto(u.b, s);
            endOnto(s.a, u);
            endOnto(s.b, u);
        }
    // 3. Nodes: points closer than `snap` merge (a grid of snap-sized cells makes the lookup constant time).
    std::unordered_map<int64_t, std::vector<int>> grid;
    auto cellOf = [&](double v) { return int64_t(std::floor(v / snap)); };
    auto key = [](int64_t cx, int64_t cy) { return (cx * 73856093) ^ (cy * 19349663); };
    auto nodeNear = [&](Vec2 p) {
        int64_t cx = cellOf(p.x), cy = cellOf(p.y);
        for (int64_t dx = -1; dx <= 1; ++dx)
            for (int64_t dy = -1; dy <= 1; ++dy) {
                auto it = grid.find(key(cx + dx, cy + dy));
                if (it == grid.end()) continue;
                for (int n : it->second)
                    if (dist(g.nodes_[size_t(n)], p) <= snap) return n;
            }
        int n = g.addNode(p);
        grid[key(cx, cy)].push_back(n);
        return n;
    };
    // 4. Edges along each segment through its cuts, in order.
    for (Seg& s : segs) {
        std::sort(s.cuts.begin(), s.cuts.end(), [](const Cut& a, const Cut& b) { return a.t < b.t; });
        int prev = nodeNear(s.a);
        for (const Cut& c : s.cuts) {
            int n = nodeNear(c.at);
            g.addEdge(prev, n);
            prev = n;
        }
        g.addEdge(prev, nodeNear(s.b));
    }
    return g;
}

int StreetGraph::attach(Vec2 p, Travel travel) {
    double best = std::numeric_limits<double>::infinity();
    int ba = -1, bb = -1;
    double bt = 0;
    for (size_t a = 0; a < nodes_.size(); ++a)
        for (const Edge& e : adjacency_[a]) {
            if (size_t(e.to) < a) continue;
            if (travel == Travel::drive) {
                bool back = false;
                for (const Edge& r : adjacency_[size_t(e.to)])
                    if (r.to == int(a)) back = r.drive;
                if (!e.drive && !back) continue;
            }
            double t = projectT(p, nodes_[a], nodes_[size_t(e.to)]);
            Vec2 q{nodes_[a].x + (nodes_[size_t(e.to)].x - nodes_[a].x) * t, nodes_[a].y + (nodes_[size_t(e.to)].y - nodes_[a].y) * t};
            const double dx = p.x - q.x, dy = p.y - q.y, d = dx * dx + dy * dy;  // squared: the nearest is the same
            if (d < best) { best = d; ba = int(a); bb = e.to; bt = t; }
        }
    if (ba < 0) return -1;
    if (bt <= 1e-9) return ba;
    if (bt >= 1 - 1e-9) return bb;
    Vec2 A = nodes_[size_t(ba)], B = nodes_[size_t(bb)];
    int m = addNode({A.x + (B.x - A.x) * bt, A.y + (B.y - A.y) * bt});
    splitEdge(ba, bb, m);
    return m;
}

std::vector<double> StreetGraph::dijkstra(int from, Travel travel, bool reverse, std::vector<int>* previous,
                                          const std::function<bool(int)>& stopAt, int* stoppedAt) const {
    std::vector<double> d(nodes_.size(), std::numeric_limits<double>::infinity());
    if (previous) previous->assign(nodes_.size(), -1);
    if (from < 0 || size_t(from) >= nodes_.size()) return d;
    // Going backwards (distances *to* a node), edge u→v is usable when v→u is: read it from v's list.
    auto usable = [&](int u, const Edge& e) {
        if (travel == Travel::foot) return true;
        if (!reverse) return e.drive;
        for (const Edge& r : adjacency_[size_t(e.to)])
            if (r.to == u) return r.drive;
        return false;
    };
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> q;
    d[size_t(from)] = 0;
    q.push({0, from});
    while (!q.empty()) {
        auto [du, u] = q.top();
        q.pop();
        if (du > d[size_t(u)]) continue;
        if (stopAt && stopAt(u)) {  // settled: nothing unsettled is nearer
            if (stoppedAt) *stoppedAt = u;
            return d;
        }
        for (const Edge& e : adjacency_[size_t(u)])
            if (du + e.lengthM < d[size_t(e.to)] && usable(u, e)) {
                d[size_t(e.to)] = du + e.lengthM;
                if (previous) (*previous)[size_t(e.to)] = u;
                q.push({d[size_t(e.to)], e.to});
            }
    }
    return d;
}

std::vector<double> StreetGraph::distancesFrom(int from, Travel travel) const { return dijkstra(from, travel, false, nullptr); }
std::vector<double> StreetGraph::distancesTo(int to, Travel travel) const { return dijkstra(to, travel, true, nullptr); }

StreetGraph::Tree StreetGraph::shortestPaths(int from, Travel travel) const {
    Tree t;
    t.distanceM = dijkstra(from, travel, false, &t.previous);
    return t;
}

std::vector<int> StreetGraph::Tree::pathTo(int to) const {
    if (to < 0 || size_t(to) >= distanceM.size() || !std::isfinite(distanceM[size_t(to)])) return {};
    std::vector<int> out;
    for (int u = to; u != -1; u = previous[size_t(u)]) out.push_back(u);
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<int> StreetGraph::path(int from, int to, Travel travel) const { return shortestPaths(from, travel).pathTo(to); }

int StreetGraph::nearest(int from, Travel travel, const std::function<bool(int)>& accept, double* distanceM) const {
    int found = -1;
    std::vector<double> d = dijkstra(from, travel, false, nullptr, accept, &found);
    if (found >= 0 && distanceM) *distanceM = d[size_t(found)];
    return found;
}

int StreetGraph::components() const {
    std::vector<int> seen(nodes_.size(), 0);
    int count = 0;
    for (size_t s = 0; s < nodes_.size(); ++s) {
        if (seen[s]) continue;
        ++count;
        std::vector<size_t> stack{s};
        seen[s] = 1;
        while (!stack.empty()) {
            size_t u = stack.back();
            stack.pop_back();
            for (const Edge& e : adjacency_[u])
                if (!seen[size_t(e.to)]) { seen[size_t(e.to)] = 1; stack.push_back(size_t(e.to)); }
        }
    }
    return count;
}

double tourLength(const std::vector<std::vector<double>>& d, const std::vector<int>& tour) {
    double len = 0;
    for (size_t i = 0; i < tour.size(); ++i) len += d[size_t(tour[i])][size_t(tour[(i + 1) % tour.size()])];
    return len;
}

std::vector<int> planTour(const std::vector<std::vector<double>>& d, int start) {
    size_t n = d.size();
    std::vector<int> tour{start};
    std::vector<bool> used(n, false);
    used[size_t(start)] = true;
    for (size_t k = 1; k < n; ++k) {
        int last = tour.back(), best = -1;
        for (size_t j = 0; j < n; ++j)
            if (!used[j] && (best < 0 || d[size_t(last)][j] < d[size_t(last)][size_t(best)])) best = int(j);
        used[size_t(best)] = true;
        tour.push_back(best);
    }
    // 2-opt: reverse any stretch whose reversal shortens the closed tour; the start stays first. With oneway
    // streets the matrix is asymmetric and a reversed stretch is driven the other way: its cost is recounted.
    bool symmetric = true;
    for (size_t i = 0; i < n && symmetric; ++i)
        for (size_t j = i + 1; j < n; ++j)
            if (std::fabs(d[i][j] - d[j][i]) > 1e-6) { symmetric = false; break; }
    auto inner = [&](size_t i, size_t j, bool reversed) {  // the stretch tour[i..j] driven as is or reversed
        double len = 0;
        for (size_t k = i; k < j; ++k)
            len += reversed ? d[size_t(tour[k + 1])][size_t(tour[k])] : d[size_t(tour[k])][size_t(tour[k + 1])];
        return len;
    };
    for (bool improved = true; improved;) {
        improved = false;
        for (size_t i = 1; i + 1 < tour.size(); ++i)
            for (size_t j = i + 1; j < tour.size(); ++j) {
                int a = tour[i - 1], b = tour[i], c = tour[j], e = tour[(j + 1) % tour.size()];
                double delta = d[size_t(a)][size_t(c)] + d[size_t(b)][size_t(e)] - d[size_t(a)][size_t(b)] - d[size_t(c)][size_t(e)];
                if (!symmetric) delta += inner(i, j, true) - inner(i, j, false);
                if (delta < -1e-9) {
                    std::reverse(tour.begin() + long(i), tour.begin() + long(j) + 1);
                    improved = true;
                }
            }
    }
    return tour;
}

}  // namespace bk
