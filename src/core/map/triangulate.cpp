// triangulate.cpp — ear clipping (holes bridged in; a vertex grid for large polygons) and polyline stroking.
#include "triangulate.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

namespace bk {

double signedArea(const std::vector<Vec2>& ring) {
    double a = 0;
    for (size_t i = 0, n = ring.size(); i < n; ++i) {
        const Vec2& p = ring[i];
        const Vec2& q = ring[(i + 1) % n];
        a += p.x * q.y - q.x * p.y;
    }
    return a / 2;
}

namespace {

double cross(Vec2 o, Vec2 a, Vec2 b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

bool pointInTriangle(Vec2 p, Vec2 a, Vec2 b, Vec2 c) {
    double d1 = cross(a, b, p), d2 = cross(b, c, p), d3 = cross(c, a, p);
    bool hasNeg = d1 < 0 || d2 < 0 || d3 < 0, hasPos = d1 > 0 || d2 > 0 || d3 > 0;
    return !(hasNeg && hasPos);
}

// Merges each hole into the outer polygon through a bridge from the hole's rightmost point to a visible outer
// vertex, producing one (weakly simple) polygon as a list of indices into the concatenated rings.
std::vector<uint32_t> bridgeHoles(const std::vector<std::vector<Vec2>>& rings, const std::vector<Vec2>& pts) {
    std::vector<uint32_t> poly;
    uint32_t base = 0;
    // Outer ring counter-clockwise.
    std::vector<uint32_t> outer(rings[0].size());
    for (uint32_t i = 0; i < outer.size(); ++i) outer[i] = i;
    if (signedArea(rings[0]) < 0) std::reverse(outer.begin(), outer.end());
    poly = outer;
    base = static_cast<uint32_t>(rings[0].size());

    // Holes, rightmost first, clockwise.
    struct Hole { std::vector<uint32_t> idx; double maxX; };
    std::vector<Hole> holes;
    for (size_t h = 1; h < rings.size(); ++h) {
        Hole hole;
        hole.maxX = -1e300;
        for (uint32_t i = 0; i < rings[h].size(); ++i) {
            hole.idx.push_back(base + i);
            hole.maxX = std::max(hole.maxX, rings[h][i].x);
        }
        if (signedArea(rings[h]) > 0) std::reverse(hole.idx.begin(), hole.idx.end());
        base += static_cast<uint32_t>(rings[h].size());
        if (hole.idx.size() >= 3) holes.push_back(std::move(hole));
    }
    std::sort(holes.begin(), holes.end(), [](const Hole& a, const Hole& b) { return a.maxX > b.maxX; });

    for (const Hole& hole : holes) {
        size_t hi = 0;
        for (size_t i = 1; i < hole.idx.size(); ++i)
            if (pts[hole.idx[i]].x > pts[hole.idx[hi]].x) hi = i;
        Vec2 hp = pts[hole.idx[hi]];
        // Nearest polygon vertex to the right of the hole point whose bridge crosses no polygon edge (the first in
        // polygon order among equally near ones). Candidates are tried nearest first, so a long outer ring is
        // tested edge by edge for one or two of them, not for every vertex that came nearer than the last.
        std::vector<std::pair<double, size_t>> candidates;
        for (size_t i = 0; i < poly.size(); ++i) {
            Vec2 p = pts[poly[i]];
            if (p.x >= hp.x) candidates.push_back({(p.x - hp.x) * (p.x - hp.x) + (p.y - hp.y) * (p.y - hp.y), i});
        }
        std::sort(candidates.begin(), candidates.end());
        size_t best = poly.size();
        for (const auto& [d, i] : candidates) {
            Vec2 p = pts[poly[i]];
            bool blocked = false;
            for (size_t j = 0; j < poly.size() && !blocked; ++j) {
                Vec2 a = pts[poly[j]], b = pts[poly[(j + 1) % poly.size()]];
                if (poly[j] == poly[i] || poly[(j + 1) % poly.size()] == poly[i]) continue;
                double d1 = cross(hp, p, a), d2 = cross(hp, p, b), d3 = cross(a, b, hp), d4 = cross(a, b, p);
                blocked = ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0));
            }
            if (!blocked) { best = i; break; }
        }
        if (best == poly.size()) continue;  // no visible vertex: leave this hole out rather than fail
        std::vector<uint32_t> merged(poly.begin(), poly.begin() + best + 1);
        for (size_t k = 0; k <= hole.idx.size(); ++k) merged.push_back(hole.idx[(hi + k) % hole.idx.size()]);
        merged.push_back(poly[best]);
        merged.insert(merged.end(), poly.begin() + best + 1, poly.end());
        poly.swap(merged);
    }
    return poly;
}

// The vertices not yet clipped, by grid cell: the ear test looks at the cells under the ear's box (a cell wider on
// every side, against rounding) instead of at every vertex, which gives the same answer. A sea closed from a detailed
// coast has thousands of vertices; testing every one made ear clipping O(n²).
class VertexGrid {
public:
    VertexGrid(const std::vector<Vec2>& pts, const std::vector<uint32_t>& poly) : pts_(pts), left_(pts.size(), 0) {
        for (uint32_t i : poly) {
            lo_ = {std::min(lo_.x, pts[i].x), std::min(lo_.y, pts[i].y)};
            hi_ = {std::max(hi_.x, pts[i].x), std::max(hi_.y, pts[i].y)};
        }
        side_ = std::max(1, int(std::sqrt(double(poly.size()) / 2)));
        cellW_ = std::max(hi_.x - lo_.x, 1e-300) / side_;
        cellH_ = std::max(hi_.y - lo_.y, 1e-300) / side_;
        cells_.resize(size_t(side_) * size_t(side_));
        for (uint32_t i : poly)
            if (left_[i]++ == 0) cells_[cellOf(pts[i])].push_back(i);
    }
    void remove(uint32_t i) {  // one occurrence (a bridge's ends occur twice in the polygon)
        if (--left_[i] > 0) return;
        auto& c = cells_[cellOf(pts_[i])];
        c.erase(std::find(c.begin(), c.end(), i));
    }
    // Calls f(index) for every vertex left in the cells under the box of triangle abc; stops when f returns false.
    template <class F> void forEachNear(Vec2 a, Vec2 b, Vec2 c, F&& f) const {
        const int x0 = col(std::min({a.x, b.x, c.x})) - 1, x1 = col(std::max({a.x, b.x, c.x})) + 1;
        const int y0 = row(std::min({a.y, b.y, c.y})) - 1, y1 = row(std::max({a.y, b.y, c.y})) + 1;
        for (int y = std::max(y0, 0); y <= std::min(y1, side_ - 1); ++y)
            for (int x = std::max(x0, 0); x <= std::min(x1, side_ - 1); ++x)
                for (uint32_t i : cells_[size_t(y) * size_t(side_) + size_t(x)])
                    if (!f(i)) return;
    }

private:
    int cell(double t) const { return t >= 0 ? (t < side_ ? int(t) : side_) : -1; }  // -1 … side_ (never cast NaN)
    int col(double x) const { return cell((x - lo_.x) / cellW_); }
    int row(double y) const { return cell((y - lo_.y) / cellH_); }
    size_t cellOf(Vec2 p) const {
        return size_t(std::clamp(row(p.y), 0, side_ - 1)) * size_t(side_) + size_t(std::clamp(col(p.x), 0, side_ - 1));
    }
    const std::vector<Vec2>& pts_;
    std::vector<uint32_t> left_;  // occurrences of each vertex in the polygon still to clip
    std::vector<std::vector<uint32_t>> cells_;
    Vec2 lo_{1e300, 1e300}, hi_{-1e300, -1e300};
    int side_ = 1;
    double cellW_ = 1, cellH_ = 1;
};

}  // namespace

bool triangulatePolygon(const std::vector<std::vector<Vec2>>& rings, std::vector<uint32_t>& out) {
    if (rings.empty() || rings[0].size() < 3) return false;
    std::vector<Vec2> pts;
    for (const auto& r : rings) pts.insert(pts.end(), r.begin(), r.end());
    std::vector<uint32_t> poly = bridgeHoles(rings, pts);
    // Small polygons (nearly every building and block) test every vertex; large ones ask the grid.
    std::unique_ptr<VertexGrid> grid;
    if (poly.size() > 64) grid = std::make_unique<VertexGrid>(pts, poly);

    size_t guard = poly.size() * poly.size() + 16;
    size_t i = 0;
    while (poly.size() > 3 && guard-- > 0) {
        size_t n = poly.size();
        uint32_t ia = poly[(i + n - 1) % n], ib = poly[i % n], ic = poly[(i + 1) % n];
        Vec2 a = pts[ia], b = pts[ib], c = pts[ic];
        bool ear = cross(a, b, c) > 0;
        auto clear = [&](uint32_t ip) {  // false: ip lies in the triangle, so b is no ear
            if (ip == ia || ip == ib || ip == ic) return true;
            Vec2 p = pts[ip];
            if ((p.x == a.x && p.y == a.y) || (p.x == b.x && p.y == b.y) || (p.x == c.x && p.y == c.y)) return true;
            return ear = !pointInTriangle(p, a, b, c);
        };
        if (ear && grid)
            grid->forEachNear(a, b, c, clear);
        else
            for (size_t k = 0; ear && k < n; ++k) clear(poly[k]);
        if (ear) {
            out.insert(out.end(), {ia, ib, ic});
            if (grid) grid->remove(ib);
            poly.erase(poly.begin() + static_cast<long>(i % n));
            i = i % poly.size();
        } else {
            i = (i + 1) % n;
        }
    }
    if (poly.size() == 3) {
        if (cross(pts[poly[0]], pts[poly[1]], pts[poly[2]]) != 0) out.insert(out.end(), {poly[0], poly[1], poly[2]});
        return true;
    }
    return false;
}

void strokePolyline(const std::vector<Vec2>& line, bool closed, std::vector<StrokeVertex>& verts,
                    std::vector<uint32_t>& idx, uint32_t baseIndex) {
    // Drop consecutive duplicates: they have no direction. (Squared lengths and sqrt, not hypot: the coordinates are
    // local metres, far from overflow, and hypot's care costs a third of the stroking in wasm.)
    auto far = [](Vec2 a, Vec2 b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) > 1e-12; };
    std::vector<Vec2> p;
    p.reserve(line.size());
    for (const Vec2& v : line)
        if (p.empty() || far(v, p.back())) p.push_back(v);
    if (closed && p.size() > 2 && !far(p.front(), p.back())) p.pop_back();
    size_t n = p.size();
    if (n < 2) return;

    // Each segment's unit normal, once (segment i runs from point i to i + 1; a closed line's last one back to 0).
    const size_t segs = closed ? n : n - 1;
    std::vector<Vec2> normals(segs);
    for (size_t i = 0; i < segs; ++i) {
        const Vec2 a = p[i], b = p[(i + 1) % n];
        const double dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
        normals[i] = {-dy / len, dx / len};
    }
    uint32_t first = baseIndex + static_cast<uint32_t>(verts.size());
    for (size_t i = 0; i < n; ++i) {
        bool hasPrev = closed || i > 0, hasNext = closed || i + 1 < n;
        Vec2 n0 = hasPrev ? normals[(i + segs - 1) % segs] : normals[0];
        Vec2 n1 = hasNext ? normals[i % segs] : n0;
        Vec2 m{n0.x + n1.x, n0.y + n1.y};
        double ml = std::sqrt(m.x * m.x + m.y * m.y);
        Vec2 miter = ml < 1e-9 ? n1 : Vec2{m.x / ml, m.y / ml};
        double scale = 1.0 / std::max(0.5, miter.x * n1.x + miter.y * n1.y);  // miter limit 2
        Vec2 off{miter.x * scale, miter.y * scale};
        verts.push_back({p[i], off});
        verts.push_back({p[i], {-off.x, -off.y}});
    }
    for (size_t i = 0; i < segs; ++i) {
        uint32_t a = first + uint32_t(2 * i), b = first + uint32_t(2 * ((i + 1) % n));
        idx.insert(idx.end(), {a, a + 1, b, b, a + 1, b + 1});
    }
}

}  // namespace bk
