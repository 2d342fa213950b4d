// street_graph.cpp — graph building with snapping and junction detection, Dijkstra, nearest-neighbour + 2-opt.
#include "street_graph.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

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
    auto nodeNear = [&](Vec2 p) {
        for (size_t i = 0; i < g.nodes_.size(); ++i)
            if (dist(g.nodes_[i], p) <= snap) return int(i);
        return g.addNode(p);
    };
    for (const MapFeature& f : map.features) {
        if (f.kind != MapKind::road && f.kind != MapKind::path) continue;
        for (const Ring& line : f.lines) {
            int prev = -1;
            for (const LatLon& ll : line) {
                int n = nodeNear(proj.toLocal(ll));
                if (prev >= 0) g.addEdge(prev, n);
                prev = n;
            }
        }
    }
    // Junctions: segments that cross, and nodes lying on another segment (T-junctions). Repeat until stable.
    // Every split adds a node at least `snap` from the existing ends, so this terminates; the guard is a second
    // line of defence against pathological (fuzzed) geometry.
    size_t guard = 20 * (g.nodes_.size() + 16);
    for (bool changed = true; changed && guard-- > 0;) {
        changed = false;
        for (size_t a = 0; a < g.nodes_.size() && !changed; ++a) {
            for (const Edge e : std::vector<Edge>(g.adjacency_[a])) {
                int b = e.to;
                if (size_t(b) < a) continue;
                Vec2 A = g.nodes_[a], B = g.nodes_[size_t(b)];
                for (size_t n = 0; n < g.nodes_.size() && !changed; ++n) {
                    if (n == a || int(n) == b) continue;
                    double t = projectT(g.nodes_[n], A, B);
                    Vec2 q{A.x + (B.x - A.x) * t, A.y + (B.y - A.y) * t};
                    if (t > 0 && t < 1 && dist(q, g.nodes_[n]) <= snap) {
                        g.splitEdge(int(a), b, int(n));
                        changed = true;
                    }
                }
                for (size_t c = 0; c < g.nodes_.size() && !changed; ++c) {
                    for (const Edge e2 : g.adjacency_[c]) {
                        int d = e2.to;
                        if (size_t(d) < c || int(c) == b || d == b || c == a || size_t(d) == a) continue;
                        Vec2 x;
                        if (segmentsCross(A, B, g.nodes_[c], g.nodes_[size_t(d)], x) && dist(x, A) > snap &&
                            dist(x, B) > snap && dist(x, g.nodes_[c]) > snap && dist(x, g.nodes_[size_t(d)]) > snap) {
                            int m = g.addNode(x);
                            g.splitEdge(int(a), b, m);
                            g.splitEdge(int(c), d, m);
                            changed = true;
                            break;
                        }
                    }
                }
                if (changed) break;
            }
        }
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
