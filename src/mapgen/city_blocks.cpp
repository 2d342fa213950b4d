// city_blocks.cpp — noding (crossings and T-junctions split segments), dangle pruning, a left-turn face walk, filters.
//
// Why our own: the faces of a street network are a few hundred lines on top of data we already hold; GEOS's
// polygonizer would do it, but Debian's libgeos is C++ API-unstable and the rest of the pipeline needs none of it.
#include "city_blocks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <unordered_map>

namespace bk {

namespace {

struct Frame {  // local metres around the box's centre (equirectangular: plenty for a district)
    double lat0, lon0, kx, ky;
    Vec2 to(LatLon p) const { return {(p.lon - lon0) * kx, (p.lat - lat0) * ky}; }
    LatLon back(Vec2 v) const { return {lat0 + v.y / ky, lon0 + v.x / kx}; }
};

double signedArea(const std::vector<Vec2>& r) {
    double a = 0;
    for (size_t i = 0, n = r.size(); i < n; ++i) a += r[i].x * r[(i + 1) % n].y - r[(i + 1) % n].x * r[i].y;
    return a / 2;
}

double perimeter(const std::vector<Vec2>& r) {
    double p = 0;
    for (size_t i = 0, n = r.size(); i < n; ++i) p += std::hypot(r[(i + 1) % n].x - r[i].x, r[(i + 1) % n].y - r[i].y);
    return p;
}

bool inside(const std::vector<Vec2>& ring, Vec2 p) {
    bool in = false;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Vec2 &a = ring[i], &b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
    }
    return in;
}

struct LocalPolygon {
    std::vector<std::vector<Vec2>> rings;  // outer, holes
    Vec2 lo{1e300, 1e300}, hi{-1e300, -1e300};
    bool contains(Vec2 p) const {
        if (p.x < lo.x || p.y < lo.y || p.x > hi.x || p.y > hi.y || !inside(rings[0], p)) return false;
        for (size_t k = 1; k < rings.size(); ++k)
            if (inside(rings[k], p)) return false;
        return true;
    }
};

class Noder {
public:
    explicit Noder(const Frame& f) : frame_(f) {}

    int node(Vec2 p, LatLon original) {
        unsigned long long key = gridKey(std::llround(p.x * 100), std::llround(p.y * 100));
        auto [it, fresh] = index_.try_emplace(key, int(points.size()));
        if (fresh) {
            points.push_back(p);
            positions.push_back(original);
        }
        return it->second;
    }
    int node(Vec2 p) { return node(p, frame_.back(p)); }

    std::vector<Vec2> points;
    std::vector<LatLon> positions;

private:
    const Frame& frame_;
    std::unordered_map<unsigned long long, int> index_;
};

}  // namespace

std::vector<Ring> computeCityBlocks(const std::vector<Ring>& streets, LatLon boxMin, LatLon boxMax,
                                    const std::vector<std::vector<Ring>>& openAreas, const BlockOptions& opt,
                                    BlockStats* stats) {
    const double lat0 = (boxMin.lat + boxMax.lat) / 2, lon0 = (boxMin.lon + boxMax.lon) / 2;
    const Frame frame{lat0, lon0, 111320.0 * std::cos(lat0 * kPi / 180), 110574.0};
    Noder noder(frame);

    // 1. Segments between nodes (shared OSM nodes give identical positions, hence one node).
    struct Seg { int a, b; std::vector<std::pair<double, int>> cuts; };
    std::vector<Seg> segs;
    auto addLine = [&](const Ring& line, bool closed) {
        for (size_t i = 0; i + 1 < line.size() + (closed ? 1 : 0); ++i) {
            const LatLon &p = line[i], &q = line[(i + 1) % line.size()];
            int a = noder.node(frame.to(p), p), b = noder.node(frame.to(q), q);
            if (a != b) segs.push_back({a, b, {}});
        }
    };
    for (const Ring& s : streets) addLine(s, false);
    // The box's outline closes the blocks cut by its edge, when streets reach it; a network lying wholly inside
    // the box would otherwise make the box itself one big face.
    bool reachesEdge = false;
    for (const Ring& s : streets)
        for (const LatLon& p : {s.front(), s.back()})
            reachesEdge = reachesEdge || p.lat == boxMin.lat || p.lat == boxMax.lat || p.lon == boxMin.lon || p.lon == boxMax.lon;
    if (reachesEdge) addLine({boxMin, {boxMin.lat, boxMax.lon}, boxMax, {boxMax.lat, boxMin.lon}}, true);

    // 2. Noding: every crossing and every end lying on another segment splits it (a grid keeps it near-linear).
    const double cell = 40;
    std::unordered_map<unsigned long long, std::vector<uint32_t>> grid;
    for (uint32_t i = 0; i < segs.size(); ++i) {
        Vec2 a = noder.points[size_t(segs[i].a)], b = noder.points[size_t(segs[i].b)];
        int64_t x0 = int64_t(std::floor(std::min(a.x, b.x) / cell)), x1 = int64_t(std::floor(std::max(a.x, b.x) / cell));
        int64_t y0 = int64_t(std::floor(std::min(a.y, b.y) / cell)), y1 = int64_t(std::floor(std::max(a.y, b.y) / cell));
        for (int64_t x = x0; x <= x1; ++x)
            for (int64_t y = y0; y <= y1; ++y) grid[gridKey(x, y)].push_back(i);
    }
    std::vector<unsigned long long> keys;
    for (const auto& kv : grid) keys.push_back(kv.first);
    std::sort(keys.begin(), keys.end());  // a fixed order, so node numbering (and the output) is deterministic
    for (unsigned long long key : keys) {
        const std::vector<uint32_t>& in = grid[key];
        for (size_t m = 0; m < in.size(); ++m)
            for (size_t n = m + 1; n < in.size(); ++n) {
                Seg &s = segs[in[m]], &u = segs[in[n]];
                Vec2 a = noder.points[size_t(s.a)], b = noder.points[size_t(s.b)];
                Vec2 c = noder.points[size_t(u.a)], d = noder.points[size_t(u.b)];
                double r1 = b.x - a.x, r2 = b.y - a.y, s1 = d.x - c.x, s2 = d.y - c.y;
                double den = r1 * s2 - r2 * s1;
                if (std::fabs(den) < 1e-12 * (r1 * r1 + r2 * r2 + s1 * s1 + s2 * s2)) {
                    // Parallel. Overlapping on one line (a street along the box's edge): each cut at the other's ends.
                    double len = std::hypot(r1, r2);
                    if (len <= 0 || std::fabs((c.x - a.x) * r2 - (c.y - a.y) * r1) / len > 0.01) continue;
                    auto cutAt = [&](Seg& seg, Vec2 p0, Vec2 p1, int end, Vec2 e) {
                        double dx = p1.x - p0.x, dy = p1.y - p0.y, t = ((e.x - p0.x) * dx + (e.y - p0.y) * dy) / (dx * dx + dy * dy);
                        if (t > 1e-9 && t < 1 - 1e-9 && end != seg.a && end != seg.b) seg.cuts.push_back({t, end});
                    };
                    cutAt(s, a, b, u.a, c);
                    cutAt(s, a, b, u.b, d);
                    cutAt(u, c, d, s.a, a);
                    cutAt(u, c, d, s.b, b);
                    continue;
                }
                double t = ((c.x - a.x) * s2 - (c.y - a.y) * s1) / den;
                double v = ((c.x - a.x) * r2 - (c.y - a.y) * r1) / den;
                // Within a centimetre of an end counts as that end (a clipped street meeting the box's edge).
                const double et = 0.01 / std::hypot(r1, r2), ev = 0.01 / std::hypot(s1, s2);
                if (t < -et || t > 1 + et || v < -ev || v > 1 + ev) continue;
                int k = t <= et ? s.a : t >= 1 - et ? s.b : v <= ev ? u.a : v >= 1 - ev ? u.b : noder.node({a.x + t * r1, a.y + t * r2});
                if (k != s.a && k != s.b) s.cuts.push_back({t, k});
                if (k != u.a && k != u.b) u.cuts.push_back({v, k});
            }
    }

    // 3. The undirected graph, without repeated edges.
    std::vector<std::vector<int>> adj(noder.points.size());
    std::map<std::pair<int, int>, bool> seen;
    auto edge = [&](int a, int b) {
        if (a == b || !seen.emplace(std::minmax(a, b), true).second) return;
        adj[size_t(a)].push_back(b);
        adj[size_t(b)].push_back(a);
    };
    for (Seg& s : segs) {
        std::sort(s.cuts.begin(), s.cuts.end());
        int prev = s.a;
        for (const auto& [t, k] : s.cuts) { edge(prev, k); prev = k; }
        edge(prev, s.b);
    }

    // 4. Dead ends bound nothing: prune them until every node has two or more neighbours.
    std::vector<int> stack;
    for (size_t i = 0; i < adj.size(); ++i)
        if (adj[i].size() == 1) stack.push_back(int(i));
    while (!stack.empty()) {
        int v = stack.back();
        stack.pop_back();
        if (adj[size_t(v)].size() != 1) continue;
        int w = adj[size_t(v)][0];
        adj[size_t(v)].clear();
        auto& wa = adj[size_t(w)];
        wa.erase(std::find(wa.begin(), wa.end(), v));
        if (wa.size() == 1) stack.push_back(w);
    }

    // 5. Face walk: neighbours sorted counter-clockwise; from u→v take the neighbour before u (the sharpest left),
    //    which keeps each face on the left, so inner faces come out counter-clockwise (positive area).
    for (size_t v = 0; v < adj.size(); ++v) {
        Vec2 p = noder.points[v];
        std::sort(adj[v].begin(), adj[v].end(), [&](int a, int b) {
            Vec2 qa = noder.points[size_t(a)], qb = noder.points[size_t(b)];
            return std::atan2(qa.y - p.y, qa.x - p.x) < std::atan2(qb.y - p.y, qb.x - p.x);
        });
    }
    std::vector<LocalPolygon> open;
    for (const auto& poly : openAreas) {
        LocalPolygon lp;
        for (const Ring& r : poly) {
            std::vector<Vec2> ring;
            for (const LatLon& q : r) {
                ring.push_back(frame.to(q));
                lp.lo = {std::min(lp.lo.x, ring.back().x), std::min(lp.lo.y, ring.back().y)};
                lp.hi = {std::max(lp.hi.x, ring.back().x), std::max(lp.hi.y, ring.back().y)};
            }
            if (ring.size() >= 3) lp.rings.push_back(std::move(ring));
        }
        if (!lp.rings.empty()) open.push_back(std::move(lp));
    }
    // Open areas by 100 m cell, so a sample tests only the areas around it (a city has thousands of parks).
    const double openCell = 100;
    std::unordered_map<unsigned long long, std::vector<uint32_t>> openGrid;
    auto cellKey = [&](double x, double y) {
        return gridKey(int64_t(std::floor(x / openCell)), int64_t(std::floor(y / openCell)));
    };
    for (uint32_t k = 0; k < open.size(); ++k)
        for (double x = std::floor(open[k].lo.x / openCell) * openCell; x <= open[k].hi.x; x += openCell)
            for (double y = std::floor(open[k].lo.y / openCell) * openCell; y <= open[k].hi.y; y += openCell)
                openGrid[cellKey(x + openCell / 2, y + openCell / 2)].push_back(k);
    auto inOpenArea = [&](Vec2 q) {
        auto it = openGrid.find(cellKey(q.x, q.y));
        if (it == openGrid.end()) return false;
        for (uint32_t k : it->second)
            if (open[k].contains(q)) return true;
        return false;
    };
    BlockStats st;
    std::vector<Ring> out;
    std::map<std::pair<int, int>, bool> walked;
    for (size_t u0 = 0; u0 < adj.size(); ++u0)
        for (int v0 : adj[u0]) {
            if (walked.count({int(u0), v0})) continue;
            std::vector<int> face;
            int u = int(u0), v = v0;
            bool ok = true;
            while (!walked.count({u, v})) {
                walked[{u, v}] = true;
                face.push_back(u);
                const auto& around = adj[size_t(v)];
                size_t i = size_t(std::find(around.begin(), around.end(), u) - around.begin());
                int w = around[(i + around.size() - 1) % around.size()];
                u = v;
                v = w;
                if (face.size() > 200000) { ok = false; break; }
            }
            if (!ok || face.size() < 3) continue;
            std::vector<Vec2> ring;
            for (int k : face) ring.push_back(noder.points[size_t(k)]);
            double area = signedArea(ring);
            if (area <= 0) continue;  // the outside of a connected piece
            ++st.faces;
            if (area < opt.minAreaM2) { ++st.tiny; continue; }
            if (area > opt.maxAreaM2) { ++st.huge; continue; }
            if (area / perimeter(ring) < opt.minMeanWidthM) { ++st.slivers; continue; }
            // Open share: samples on a grid inside the face, tested against the open areas.
            Vec2 lo{1e300, 1e300}, hi{-1e300, -1e300};
            for (const Vec2& q : ring) {
                lo = {std::min(lo.x, q.x), std::min(lo.y, q.y)};
                hi = {std::max(hi.x, q.x), std::max(hi.y, q.y)};
            }
            double step = std::max(2.0, std::sqrt(area) / 6);
            int samples = 0, inOpen = 0;
            for (double y = lo.y + step / 2; y < hi.y; y += step)
                for (double x = lo.x + step / 2; x < hi.x; x += step) {
                    Vec2 q{x, y};
                    if (!inside(ring, q)) continue;
                    ++samples;
                    inOpen += inOpenArea(q);
                }
            if (samples && double(inOpen) > opt.maxOpenShare * samples) { ++st.open; continue; }
            Ring r;
            for (int k : face) r.push_back(noder.positions[size_t(k)]);
            out.push_back(std::move(r));
        }
    if (stats) *stats = st;
    return out;
}

}  // namespace bk
