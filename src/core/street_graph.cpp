// street_graph.cpp — graph building with snapping and junction detection, Dijkstra, nearest-neighbour + 2-opt.
#include "street_graph.hpp"

#include <algorithm>
#include <cmath>
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

void StreetGraph::addEdge(int a, int b) {
    if (a == b) return;
    for (const Edge& e : adjacency_[size_t(a)])
        if (e.to == b) return;
    double len = dist(nodes_[size_t(a)], nodes_[size_t(b)]) * metresPerUnit_;
    adjacency_[size_t(a)].push_back({b, len});
    adjacency_[size_t(b)].push_back({a, len});
}

void StreetGraph::splitEdge(int a, int b, int mid) {
    auto drop = [&](int from, int to) {
        auto& adj = adjacency_[size_t(from)];
        adj.erase(std::remove_if(adj.begin(), adj.end(), [&](const Edge& e) { return e.to == to; }), adj.end());
    };
    drop(a, b);
    drop(b, a);
    addEdge(a, mid);
    addEdge(mid, b);
}

size_t StreetGraph::edgeCount() const {
    size_t n = 0;
    for (const auto& adj : adjacency_) n += adj.size();
    return n / 2;
}

StreetGraph StreetGraph::build(const MapData& map, const Projection& proj, double snapM) {
    StreetGraph g;
    g.metresPerUnit_ = proj.groundMetresPerUnit();
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

int StreetGraph::attach(Vec2 p) {
    double best = std::numeric_limits<double>::infinity();
    int ba = -1, bb = -1;
    double bt = 0;
    for (size_t a = 0; a < nodes_.size(); ++a)
        for (const Edge& e : adjacency_[a]) {
            if (size_t(e.to) < a) continue;
            double t = projectT(p, nodes_[a], nodes_[size_t(e.to)]);
            Vec2 q{nodes_[a].x + (nodes_[size_t(e.to)].x - nodes_[a].x) * t, nodes_[a].y + (nodes_[size_t(e.to)].y - nodes_[a].y) * t};
            double d = dist(p, q);
            if (d < best) { best = d; ba = int(a); bb = e.to; bt = t; }
        }
    if (ba < 0) return nodes_.empty() ? -1 : 0;
    if (bt <= 1e-9) return ba;
    if (bt >= 1 - 1e-9) return bb;
    Vec2 A = nodes_[size_t(ba)], B = nodes_[size_t(bb)];
    int m = addNode({A.x + (B.x - A.x) * bt, A.y + (B.y - A.y) * bt});
    splitEdge(ba, bb, m);
    return m;
}

std::vector<double> StreetGraph::distancesFrom(int from) const {
    std::vector<double> d(nodes_.size(), std::numeric_limits<double>::infinity());
    if (from < 0 || size_t(from) >= nodes_.size()) return d;
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> q;
    d[size_t(from)] = 0;
    q.push({0, from});
    while (!q.empty()) {
        auto [du, u] = q.top();
        q.pop();
        if (du > d[size_t(u)]) continue;
        for (const Edge& e : adjacency_[size_t(u)])
            if (du + e.lengthM < d[size_t(e.to)]) {
                d[size_t(e.to)] = du + e.lengthM;
                q.push({d[size_t(e.to)], e.to});
            }
    }
    return d;
}

std::vector<int> StreetGraph::path(int from, int to) const {
    std::vector<double> d = distancesFrom(to);  // distances to `to`; walk downhill from `from`
    if (from < 0 || size_t(from) >= nodes_.size() || !std::isfinite(d[size_t(from)])) return {};
    std::vector<int> out{from};
    for (int u = from; u != to;) {
        int next = -1;
        for (const Edge& e : adjacency_[size_t(u)])
            if (std::fabs(d[size_t(e.to)] + e.lengthM - d[size_t(u)]) < 1e-6) { next = e.to; break; }
        if (next < 0) return {};
        out.push_back(next);
        u = next;
    }
    return out;
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
    // 2-opt: reverse any stretch whose reversal shortens the closed tour; the start stays first.
    for (bool improved = true; improved;) {
        improved = false;
        for (size_t i = 1; i + 1 < tour.size(); ++i)
            for (size_t j = i + 1; j < tour.size(); ++j) {
                int a = tour[i - 1], b = tour[i], c = tour[j], e = tour[(j + 1) % tour.size()];
                double delta = d[size_t(a)][size_t(c)] + d[size_t(b)][size_t(e)] - d[size_t(a)][size_t(b)] - d[size_t(c)][size_t(e)];
                if (delta < -1e-9) {
                    std::reverse(tour.begin() + long(i), tour.begin() + long(j) + 1);
                    improved = true;
                }
            }
    }
    return tour;
}

}  // namespace bk
