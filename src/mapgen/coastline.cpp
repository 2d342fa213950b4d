// coastline.cpp — joins coastline ways into chains, cuts them at the box, closes the sea along the box's outline.
//
// Sections: [1] joining ways into chains  [2] cutting a chain at the box  [3] closing the sea along the outline
// [4] rings inside the box (islands, enclosed sea)  [5] the whole.
//
// The box's outline is walked counter-clockwise (in lon/lat: south side eastward, east side northward …) and a
// position on it is a number s in [0, 4): 0 the south-west corner, 1 the south-east, 2 the north-east, 3 the
// north-west. Walking a coastline forward, the sea is on the right; so where a piece enters the box, the outline
// counter-clockwise from there is sea up to the next point where a piece leaves, and land from there to the next
// entry. Entries and exits must therefore alternate around the outline; if they do not, the data contradicts itself.
#include "coastline.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace bk {

namespace {

// ---- [1] joining ways into chains -------------------------------------------------------------------------

struct Chain {
    std::vector<int64_t> ids;
    Ring points;
    bool closed() const { return ids.size() > 1 && ids.front() == ids.back(); }
};

// Ways meet end to start at a shared node. A way that meets its neighbour end to end points the other way, so one
// of the two has the land on the wrong side; it is not turned round (which one is wrong is not known): both chains
// keep an open end there, which makes the data broken if the end lies inside the box.
std::vector<Chain> joinWays(std::vector<const OsmWay*> ways) {
    std::stable_sort(ways.begin(), ways.end(), [](const OsmWay* a, const OsmWay* b) { return a->id < b->id; });
    std::map<int64_t, std::vector<size_t>> byFirst, byLast;
    for (size_t i = 0; i < ways.size(); ++i) {
        byFirst[ways[i]->nodeIds.front()].push_back(i);
        byLast[ways[i]->nodeIds.back()].push_back(i);
    }
    std::vector<bool> used(ways.size(), false);
    auto take = [&](const std::map<int64_t, std::vector<size_t>>& index, int64_t node) -> const OsmWay* {
        auto it = index.find(node);
        if (it == index.end()) return nullptr;
        for (size_t j : it->second)
            if (!used[j]) { used[j] = true; return ways[j]; }
        return nullptr;
    };
    std::vector<Chain> chains;
    for (size_t i = 0; i < ways.size(); ++i) {
        if (used[i] || ways[i]->nodeIds.size() < 2) continue;
        used[i] = true;
        Chain c{ways[i]->nodeIds, ways[i]->points};
        while (!c.closed()) {  // forward: ways starting where the chain ends
            const OsmWay* w = take(byFirst, c.ids.back());
            if (!w) break;
            c.ids.insert(c.ids.end(), w->nodeIds.begin() + 1, w->nodeIds.end());
            c.points.insert(c.points.end(), w->points.begin() + 1, w->points.end());
        }
        while (!c.closed()) {  // backward: ways ending where the chain starts
            const OsmWay* w = take(byLast, c.ids.front());
            if (!w) break;
            c.ids.insert(c.ids.begin(), w->nodeIds.begin(), w->nodeIds.end() - 1);
            c.points.insert(c.points.begin(), w->points.begin(), w->points.end() - 1);
        }
        chains.push_back(std::move(c));
    }
    return chains;
}

// ---- [2] cutting a chain at the box -----------------------------------------------------------------------

struct Box {
    LatLon lo, hi;
    bool strictlyInside(LatLon p) const { return p.lat > lo.lat && p.lat < hi.lat && p.lon > lo.lon && p.lon < hi.lon; }
    bool outside(LatLon p) const { return p.lat < lo.lat || p.lat > hi.lat || p.lon < lo.lon || p.lon > hi.lon; }
    bool onOutline(LatLon p) const {
        bool within = p.lat >= lo.lat && p.lat <= hi.lat && p.lon >= lo.lon && p.lon <= hi.lon;
        return within && !strictlyInside(p);
    }
    // The position on the outline, counter-clockwise from the south-west corner (see the file's head).
    double along(LatLon p) const {
        const double w = hi.lon - lo.lon, h = hi.lat - lo.lat;
        if (p.lat == lo.lat) return (p.lon - lo.lon) / w;
        if (p.lon == hi.lon) return 1 + (p.lat - lo.lat) / h;
        if (p.lat == hi.lat) return 2 + (hi.lon - p.lon) / w;
        return 3 + (hi.lat - p.lat) / h;
    }
    LatLon corner(int k) const {
        switch (k & 3) {
            case 0: return lo;
            case 1: return {lo.lat, hi.lon};
            case 2: return hi;
            default: return {hi.lat, lo.lon};
        }
    }
};

bool same(LatLon a, LatLon b) { return a.lat == b.lat && a.lon == b.lon; }

// Positions within 1e-9° (0.1 mm) of a side are put on it, so that a node the box was drawn through is on the
// outline exactly, not a hair inside (which would read as a chain ending inside the box).
LatLon snapToOutline(LatLon p, const Box& box) {
    const double eps = 1e-9;
    auto snap = [&](double& v, double side) { if (std::fabs(v - side) < eps) v = side; };
    snap(p.lat, box.lo.lat);
    snap(p.lat, box.hi.lat);
    snap(p.lon, box.lo.lon);
    snap(p.lon, box.hi.lon);
    return p;
}

// The stretches of a chain inside the box, in the chain's direction: their ends are on the outline unless the chain
// itself ends inside the box. Liang–Barsky per segment, like the streets' clipLine (map_builder.cpp), except that a
// cut lands exactly on its side and a segment touching the box in one point makes no stretch: the walk along the
// outline needs both.
std::vector<Ring> cutAtBox(const Ring& line, const Box& box) {
    std::vector<Ring> pieces;
    Ring cur;
    auto finish = [&] {
        if (cur.size() >= 2) pieces.push_back(std::move(cur));
        cur.clear();
    };
    for (size_t i = 0; i + 1 < line.size(); ++i) {
        const LatLon a = line[i], b = line[i + 1];
        const double dx = b.lon - a.lon, dy = b.lat - a.lat;
        double t0 = 0, t1 = 1;
        int side0 = -1, side1 = -1;  // 0 west, 1 east, 2 south, 3 north
        bool visible = true;
        auto edge = [&](double p, double q, int side) {
            if (p == 0) { if (q < 0) visible = false; return; }
            double r = q / p;
            if (p < 0) { if (r > t1) visible = false; else if (r > t0) { t0 = r; side0 = side; } }
            else { if (r < t0) visible = false; else if (r < t1) { t1 = r; side1 = side; } }
        };
        edge(-dx, a.lon - box.lo.lon, 0);
        edge(dx, box.hi.lon - a.lon, 1);
        edge(-dy, a.lat - box.lo.lat, 2);
        edge(dy, box.hi.lat - a.lat, 3);
        if (!visible || t1 <= t0) { finish(); continue; }
        auto onSide = [&](double t, int side) {
            LatLon x{a.lat + dy * t, a.lon + dx * t};
            x.lat = std::clamp(x.lat, box.lo.lat, box.hi.lat);
            x.lon = std::clamp(x.lon, box.lo.lon, box.hi.lon);
            if (side == 0) x.lon = box.lo.lon;
            if (side == 1) x.lon = box.hi.lon;
            if (side == 2) x.lat = box.lo.lat;
            if (side == 3) x.lat = box.hi.lat;
            return x;
        };
        if (cur.empty()) cur.push_back(t0 > 0 ? onSide(t0, side0) : a);  // after a gap, t0 > 0: entering
        const LatLon q = t1 < 1 ? onSide(t1, side1) : b;
        if (!same(q, cur.back())) cur.push_back(q);
        if (t1 < 1) finish();
    }
    finish();
    return pieces;
}

double signedAreaLonLat(const Ring& r) {
    double a = 0;
    for (size_t i = 0, n = r.size(); i < n; ++i) {
        const LatLon &p = r[i], &q = r[(i + 1) % n];
        a += p.lon * q.lat - q.lon * p.lat;
    }
    return a / 2;
}

bool ringContains(const Ring& r, LatLon p) {
    bool in = false;
    for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
        if ((r[i].lat > p.lat) != (r[j].lat > p.lat) &&
            p.lon < (r[j].lon - r[i].lon) * (p.lat - r[i].lat) / (r[j].lat - r[i].lat) + r[i].lon)
            in = !in;
    return in;
}

// ---- [3] closing the sea along the outline ----------------------------------------------------------------

// Each sea polygon is bounded by pieces walked backwards (sea on the left) and by the outline walked
// counter-clockwise from a piece's entry to the next exit. Returns false when entries and exits do not alternate.
bool closeAlongOutline(const std::vector<Ring>& pieces, const Box& box, std::vector<Ring>& seaRings) {
    struct End { double s; size_t piece; bool entry; };
    std::vector<End> ends;
    for (size_t i = 0; i < pieces.size(); ++i) {
        ends.push_back({box.along(pieces[i].front()), i, true});
        ends.push_back({box.along(pieces[i].back()), i, false});
    }
    // Two pieces meeting at one point of the outline (rare: a coastline touching the box from inside is not cut
    // there, positions on a side being exact) are taken exit first.
    std::sort(ends.begin(), ends.end(), [](const End& a, const End& b) {
        return a.s != b.s ? a.s < b.s : a.entry != b.entry ? !a.entry : a.piece < b.piece;
    });
    const size_t n = ends.size();
    std::vector<size_t> nextExit(pieces.size());  // piece → the piece whose exit follows its entry
    for (size_t k = 0; k < n; ++k) {
        const End &e = ends[k], &f = ends[(k + 1) % n];
        if (e.entry == f.entry) return false;
        if (e.entry) nextExit[e.piece] = f.piece;
    }
    std::vector<bool> done(pieces.size(), false);
    for (size_t start = 0; start < pieces.size(); ++start) {
        if (done[start]) continue;
        Ring ring;
        auto add = [&](LatLon p) {
            if (ring.empty() || !same(p, ring.back())) ring.push_back(p);
        };
        size_t cur = start;
        do {
            done[cur] = true;
            const Ring& pts = pieces[cur];
            for (auto it = pts.rbegin(); it != pts.rend(); ++it) add(*it);
            const size_t next = nextExit[cur];
            double from = box.along(pts.front()), to = box.along(pieces[next].back());
            if (to < from) to += 4;
            for (int c = int(std::floor(from)) + 1; c < to; ++c) add(box.corner(c));
            cur = next;
        } while (cur != start && !done[cur]);
        if (cur != start) return false;  // a cycle that does not come back to where it began: contradictory ends
        if (ring.size() > 1 && same(ring.front(), ring.back())) ring.pop_back();
        if (ring.size() >= 3) seaRings.push_back(std::move(ring));
    }
    return true;
}

// ---- [4] rings inside the box (islands, enclosed sea) ------------------------------------------------------

// Closed chains wholly inside the box, each with the smallest ring holding it.
struct Rings {
    std::vector<Ring> rings;    // not repeated at the end
    std::vector<double> area;   // signed, lon/lat: positive (counter-clockwise) an island, negative an enclosed sea
    std::vector<LatLon> probe;  // a position of the ring strictly inside the box (rings may touch the outline)
    std::vector<long> parent;   // the smallest ring holding this one, or -1
};

Rings nestRings(std::vector<Ring> rings, const Box& box) {
    Rings r;
    const size_t n = rings.size();
    r.area.resize(n);
    r.probe.resize(n);
    r.parent.assign(n, -1);
    for (size_t i = 0; i < n; ++i) {
        r.area[i] = signedAreaLonLat(rings[i]);
        r.probe[i] = rings[i][0];
        for (const LatLon& p : rings[i])
            if (box.strictlyInside(p)) { r.probe[i] = p; break; }
    }
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j) {
            const double aj = std::fabs(r.area[j]);
            if (j == i || aj <= std::fabs(r.area[i]) || !ringContains(rings[j], r.probe[i])) continue;
            if (r.parent[i] < 0 || aj < std::fabs(r.area[size_t(r.parent[i])])) r.parent[i] = long(j);
        }
    r.rings = std::move(rings);
    return r;
}

// Adds the rings to `polygons`, whose entries so far are the sea reaching the outline (or the whole box): an island
// becomes a hole in the sea around it, an enclosed sea a polygon of its own. Returns how many rings contradict what
// is around them (an island in land, a sea in sea: one of the two runs the wrong way).
size_t placeRings(const Rings& r, std::vector<std::vector<Ring>>& polygons) {
    const size_t n = r.rings.size(), top = polygons.size();
    std::vector<long> polygonOf(n, -1);  // an enclosed sea's polygon
    std::vector<size_t> order(n);        // larger first: a ring's polygon exists before its islands look for it
    for (size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return std::fabs(r.area[a]) > std::fabs(r.area[b]); });
    size_t problems = 0;
    for (size_t i : order) {
        if (r.area[i] == 0) continue;
        long holder = -1;  // the polygon of sea holding the ring, if any
        if (r.parent[i] >= 0) holder = polygonOf[size_t(r.parent[i])];
        else
            for (size_t k = 0; k < top && holder < 0; ++k)
                if (ringContains(polygons[k][0], r.probe[i])) holder = long(k);
        const bool inSea = r.parent[i] >= 0 ? r.area[size_t(r.parent[i])] < 0 : holder >= 0;
        const bool island = r.area[i] > 0;
        if (island != inSea) { ++problems; continue; }
        Ring ring = r.rings[i];
        std::reverse(ring.begin(), ring.end());  // islands become clockwise holes, enclosed seas counter-clockwise
        if (!island) {
            polygonOf[i] = long(polygons.size());
            polygons.push_back({std::move(ring)});
        } else if (holder >= 0) {
            polygons[size_t(holder)].push_back(std::move(ring));
        }
    }
    return problems;
}

}  // namespace

bool polygonContains(const std::vector<Ring>& polygon, LatLon p) {
    bool in = false;
    for (const Ring& r : polygon)
        if (r.size() >= 3 && ringContains(r, p)) in = !in;
    return in;
}

// ---- [5] the whole ----------------------------------------------------------------------------------------

SeaResult seaFromCoastline(const std::vector<const OsmWay*>& ways, LatLon boxMin, LatLon boxMax) {
    SeaResult out;
    const Box box{boxMin, boxMax};
    if (ways.empty() || !(box.hi.lat > box.lo.lat) || !(box.hi.lon > box.lo.lon)) return out;
    std::vector<Chain> chains = joinWays(ways);
    out.chains = chains.size();

    std::vector<Ring> pieces;   // stretches crossing the box, ends on the outline
    std::vector<Ring> inside;   // closed chains wholly inside the box (not repeated at the end)
    std::vector<Ring> around;   // closed chains wholly outside it: one may hold the whole box
    for (Chain& c : chains) {
        for (LatLon& p : c.points) p = snapToOutline(p, box);
        Ring line = c.points;
        if (c.closed()) {
            // A ring starts where it is outside the box, so that no piece is split at the ring's first node.
            Ring ring(line.begin(), line.end() - 1);
            auto outside = std::find_if(ring.begin(), ring.end(), [&](LatLon p) { return box.outside(p); });
            if (outside == ring.end()) {
                if (ring.size() >= 3) inside.push_back(std::move(ring));
                continue;
            }
            std::rotate(ring.begin(), outside, ring.end());
            line = ring;
            line.push_back(ring.front());
        }
        std::vector<Ring> cut = cutAtBox(line, box);
        if (cut.empty() && c.closed()) around.push_back(Ring(c.points.begin(), c.points.end() - 1));
        for (Ring& p : cut) {
            out.problems += !box.onOutline(p.front());  // the chain ends inside the box: a gap in the data
            out.problems += !box.onOutline(p.back());
            pieces.push_back(std::move(p));
        }
    }
    if (out.problems) return out;
    Rings rings = nestRings(std::move(inside), box);

    // The sea reaching the outline; or, with no piece crossing the box, the whole box if it is sea: the innermost
    // ring around the box says so, else the outermost rings in it (islands stand in sea).
    std::vector<std::vector<Ring>> polygons;
    if (!pieces.empty()) {
        std::vector<Ring> top;
        if (!closeAlongOutline(pieces, box, top)) { ++out.problems; return out; }
        for (Ring& r : top) polygons.push_back({std::move(r)});
    } else {
        const LatLon mid{(box.lo.lat + box.hi.lat) / 2, (box.lo.lon + box.hi.lon) / 2};
        int sea = 0;  // 1: the box is sea, -1: land, 0: nothing says
        double innermost = 0;
        for (const Ring& r : around) {
            const double a = signedAreaLonLat(r);
            if (r.size() < 3 || !ringContains(r, mid) || (innermost > 0 && std::fabs(a) >= innermost)) continue;
            innermost = std::fabs(a);
            sea = a > 0 ? -1 : 1;  // the box on an island is land; in an enclosed sea, sea
        }
        for (size_t i = 0; i < rings.rings.size() && sea == 0; ++i)
            if (rings.parent[i] < 0 && rings.area[i] != 0) sea = rings.area[i] > 0 ? 1 : -1;
        if (sea > 0) polygons.push_back({{box.corner(0), box.corner(1), box.corner(2), box.corner(3)}});
    }
    out.problems += placeRings(rings, polygons);
    if (out.problems) return out;

    out.polygons = std::move(polygons);
    for (Ring& p : pieces) out.coastInBox.push_back(std::move(p));
    for (const Ring& r : rings.rings) {
        out.coastInBox.push_back(r);
        out.coastInBox.back().push_back(r.front());
    }
    return out;
}

}  // namespace bk
