// map_mesh.cpp — basemap styling by kind and draw order, triangulation of areas, stroking of lines, label anchors.
#include "map_mesh.hpp"

#include "triangulate.hpp"

#include <algorithm>
#include <cmath>

namespace bk {

namespace {

// Draw order: areas first (big to small), then line casings, then line fills, so junctions merge cleanly.
enum Layer { kArea = 0, kAreaDetail, kAreaEdge, kCasing, kLineFill, kWall, kLayerCount };

struct ColorPair { uint32_t day, night; };

struct Builder {
    const Projection& proj;
    double unitsPerGroundMetre;
    std::vector<MapVertex> verts[kLayerCount];
    std::vector<uint32_t> idx[kLayerCount];
    Bounds bounds;
    size_t dropped = 0;

    std::vector<Vec2> project(const Ring& ring) {
        std::vector<Vec2> out;
        out.reserve(ring.size());
        for (const LatLon& p : ring) {
            out.push_back(proj.toLocal(p));
            bounds.add(out.back());
        }
        return out;
    }

    void fill(const std::vector<Ring>& polygon, ColorPair color, Layer layer) {
        std::vector<std::vector<Vec2>> rings;
        for (const Ring& r : polygon) rings.push_back(project(r));
        std::vector<uint32_t> tri;
        if (!triangulatePolygon(rings, tri)) ++dropped;
        uint32_t base = static_cast<uint32_t>(verts[layer].size());
        for (const auto& r : rings)
            for (const Vec2& p : r) verts[layer].push_back({float(p.x), float(p.y), 0, 0, 0, 0, color.day, color.night});
        for (uint32_t i : tri) idx[layer].push_back(base + i);
    }

    void stroke(const Ring& line, bool closed, double widthGroundM, float minWidthPx, ColorPair color, Layer layer) {
        std::vector<StrokeVertex> sv;
        std::vector<uint32_t> si;
        uint32_t base = static_cast<uint32_t>(verts[layer].size());
        strokePolyline(project(line), closed, sv, si, base);
        float half = float(widthGroundM * unitsPerGroundMetre / 2);
        for (const StrokeVertex& v : sv)
            verts[layer].push_back({float(v.center.x), float(v.center.y), float(v.offset.x), float(v.offset.y), half,
                                    minWidthPx / 2, color.day, color.night});
        idx[layer].insert(idx[layer].end(), si.begin(), si.end());
    }
};

Vec2 centroidOf(const std::vector<Vec2>& ring) {
    // Area-weighted centroid; falls back to the vertex mean for degenerate rings.
    double a = signedArea(ring), cx = 0, cy = 0;
    if (std::fabs(a) < 1e-9) {
        for (const Vec2& p : ring) { cx += p.x; cy += p.y; }
        return {cx / ring.size(), cy / ring.size()};
    }
    for (size_t i = 0, n = ring.size(); i < n; ++i) {
        const Vec2& p = ring[i];
        const Vec2& q = ring[(i + 1) % n];
        double f = p.x * q.y - q.x * p.y;
        cx += (p.x + q.x) * f;
        cy += (p.y + q.y) * f;
    }
    return {cx / (6 * a), cy / (6 * a)};
}

int labelPriority(MapKind kind) {
    switch (kind) {
        case MapKind::palace: return 90;
        case MapKind::landmark: return 80;
        case MapKind::district: return 70;
        case MapKind::road: return 60;
        case MapKind::park: return 50;
        default: return 30;
    }
}

}  // namespace

MapPalette nightPalette() {
    MapPalette n;
    n.background = rgba(20, 26, 40);
    n.park = rgba(27, 42, 44);
    n.palace = rgba(31, 36, 52);
    n.palaceEdge = rgba(74, 80, 102);
    n.water = rgba(22, 42, 62);
    n.hanok = rgba(37, 42, 58);
    n.hanokEdge = rgba(58, 63, 84);
    n.building = rgba(40, 45, 60);
    n.buildingEdge = rgba(60, 65, 82);
    n.roadCasing = rgba(14, 18, 30);
    n.road = rgba(86, 95, 118);
    n.path = rgba(62, 70, 92);
    n.wall = rgba(104, 96, 84);
    n.other = rgba(40, 45, 58);
    return n;
}

MapMesh buildMapMesh(const MapData& map, const Projection& proj, const MapPalette& day, const MapPalette& night) {
    Builder b{proj, 1.0 / proj.groundMetresPerUnit(), {}, {}, {}, 0};
    // Every style slot as a day/night pair.
    auto pair = [&](uint32_t MapPalette::*slot) { return ColorPair{day.*slot, night.*slot}; };
    struct { ColorPair park, palace, palaceEdge, water, hanok, hanokEdge, building, buildingEdge, roadCasing, road, path, wall, other; } pal{
        pair(&MapPalette::park), pair(&MapPalette::palace), pair(&MapPalette::palaceEdge), pair(&MapPalette::water),
        pair(&MapPalette::hanok), pair(&MapPalette::hanokEdge), pair(&MapPalette::building),
        pair(&MapPalette::buildingEdge), pair(&MapPalette::roadCasing), pair(&MapPalette::road), pair(&MapPalette::path),
        pair(&MapPalette::wall), pair(&MapPalette::other)};
    MapMesh mesh;
    for (const MapFeature& f : map.features) {
        for (const auto& poly : f.polygons) {
            switch (f.kind) {
                case MapKind::park: b.fill(poly, pal.park, kArea); break;
                case MapKind::palace:
                    b.fill(poly, pal.palace, kArea);
                    b.stroke(poly[0], true, 2.5, 1.5f, pal.palaceEdge, kAreaEdge);
                    break;
                case MapKind::water: b.fill(poly, pal.water, kAreaDetail); break;
                case MapKind::hanok:
                    b.fill(poly, pal.hanok, kAreaDetail);
                    b.stroke(poly[0], true, 0.8, 1.0f, pal.hanokEdge, kAreaEdge);
                    break;
                case MapKind::building:
                case MapKind::landmark:
                    b.fill(poly, pal.building, kAreaDetail);
                    b.stroke(poly[0], true, 0.6, 1.0f, pal.buildingEdge, kAreaEdge);
                    break;
                case MapKind::district: break;  // named areas: labels only, no fill
                default: b.fill(poly, pal.other, kAreaDetail); break;
            }
        }
        for (const Ring& line : f.lines) {
            if (f.kind == MapKind::road) {
                double w = f.widthM > 0 ? f.widthM : 10;
                b.stroke(line, false, w + 2.0, 4.5f, pal.roadCasing, kCasing);
                b.stroke(line, false, w, 3.0f, pal.road, kLineFill);
            } else if (f.kind == MapKind::wall) {
                b.stroke(line, false, f.widthM > 0 ? f.widthM : 1.5, 1.5f, pal.wall, kWall);
            } else {
                double w = f.widthM > 0 ? f.widthM : 3.5;
                b.stroke(line, false, w + 1.2, 2.5f, pal.roadCasing, kCasing);
                b.stroke(line, false, w, 1.5f, pal.path, kLineFill);
            }
        }

        // One label per named feature, anchored where a reader expects it.
        if (f.nameEn.empty() && f.nameKo.empty()) continue;
        MapLabel label{{}, f.nameEn, f.nameKo, f.kind, labelPriority(f.kind)};
        if (!f.points.empty()) {
            label.position = proj.toLocal(f.points[0]);
            b.bounds.add(label.position);
        } else if (!f.polygons.empty()) {
            // The largest polygon's centroid.
            double best = -1;
            for (const auto& poly : f.polygons) {
                std::vector<Vec2> ring;
                for (const LatLon& p : poly[0]) ring.push_back(proj.toLocal(p));
                double a = std::fabs(signedArea(ring));
                if (a > best) { best = a; label.position = centroidOf(ring); }
            }
        } else if (!f.lines.empty()) {
            // Midpoint (by length) of the longest part: where a street name sits on a paper map.
            double bestLen = -1;
            for (const Ring& line : f.lines) {
                std::vector<Vec2> pts;
                for (const LatLon& p : line) pts.push_back(proj.toLocal(p));
                double len = 0;
                for (size_t i = 1; i < pts.size(); ++i) len += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
                if (len <= bestLen) continue;
                bestLen = len;
                double half = len / 2, acc = 0;
                for (size_t i = 1; i < pts.size(); ++i) {
                    double seg = std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
                    if (acc + seg >= half && seg > 0) {
                        double t = (half - acc) / seg;
                        label.position = {pts[i - 1].x + (pts[i].x - pts[i - 1].x) * t,
                                          pts[i - 1].y + (pts[i].y - pts[i - 1].y) * t};
                        break;
                    }
                    acc += seg;
                }
            }
        }
        mesh.labels.push_back(std::move(label));
    }

    for (int layer = 0; layer < kLayerCount; ++layer) {
        uint32_t base = static_cast<uint32_t>(mesh.vertices.size());
        mesh.vertices.insert(mesh.vertices.end(), b.verts[layer].begin(), b.verts[layer].end());
        for (uint32_t i : b.idx[layer]) mesh.indices.push_back(base + i);
    }
    std::stable_sort(mesh.labels.begin(), mesh.labels.end(),
                     [](const MapLabel& a, const MapLabel& c) { return a.priority > c.priority; });
    mesh.bounds = b.bounds;
    mesh.droppedPolygons = b.dropped;
    return mesh;
}

}  // namespace bk

namespace bk {

MapMesh buildOverlayLines(const std::vector<std::vector<Vec2>>& lines, double widthM, float minPx, uint32_t day,
                          uint32_t night, double metresPerUnit) {
    MapMesh mesh;
    const uint32_t casingDay = rgba(253, 251, 246), casingNight = rgba(14, 18, 30);
    for (int pass = 0; pass < 2; ++pass) {  // casings first, then the lines over all of them
        for (const auto& line : lines) {
            std::vector<StrokeVertex> sv;
            std::vector<uint32_t> si;
            uint32_t base = uint32_t(mesh.vertices.size());
            strokePolyline(line, false, sv, si, base);
            double w = pass == 0 ? widthM * 1.8 : widthM;
            float px = pass == 0 ? minPx + 3 : minPx;
            float half = float(w / metresPerUnit / 2);
            for (const StrokeVertex& v : sv) {
                mesh.vertices.push_back({float(v.center.x), float(v.center.y), float(v.offset.x), float(v.offset.y), half,
                                         px / 2, pass == 0 ? casingDay : day, pass == 0 ? casingNight : night});
                mesh.bounds.add(v.center);
            }
            mesh.indices.insert(mesh.indices.end(), si.begin(), si.end());
        }
    }
    return mesh;
}

MapMesh buildGraticule(const Bounds& area, const Projection& proj, double* stepDegrees) {
    MapMesh mesh;
    if (area.empty()) return mesh;
    LatLon a = proj.toLatLon(area.min), b = proj.toLatLon(area.max);
    double span = std::max({std::fabs(b.lon - a.lon), std::fabs(b.lat - a.lat), 1e-5});
    // A round step giving about eight lines across the data.
    double raw = span / 8, mag = std::pow(10.0, std::floor(std::log10(raw))), step = mag;
    for (double m : {1.0, 2.0, 5.0, 10.0}) if (m * mag <= raw * 1.5) step = m * mag;
    if (stepDegrees) *stepDegrees = step;
    // One span of margin on every side, so panning a little still shows the grid.
    double lat0 = std::max(-85.0, std::min(a.lat, b.lat) - span), lat1 = std::min(85.0, std::max(a.lat, b.lat) + span);
    double lon0 = std::max(-180.0, std::min(a.lon, b.lon) - span), lon1 = std::min(180.0, std::max(a.lon, b.lon) + span);
    long i0 = long(std::floor(lat0 / step)), i1 = long(std::ceil(lat1 / step));
    long j0 = long(std::floor(lon0 / step)), j1 = long(std::ceil(lon1 / step));
    if (i1 - i0 > 200 || j1 - j0 > 200) return mesh;
    const double metresPerUnit = proj.groundMetresPerUnit();
    auto line = [&](LatLon p, LatLon q, bool major) {
        std::vector<StrokeVertex> sv;
        std::vector<uint32_t> si;
        uint32_t base = uint32_t(mesh.vertices.size());
        std::vector<Vec2> pts;
        const int pieces = 16;  // meridians are straight in Mercator; parallels too; pieces keep floats local
        for (int k = 0; k <= pieces; ++k) {
            double t = double(k) / pieces;
            pts.push_back(proj.toLocal({p.lat + (q.lat - p.lat) * t, p.lon + (q.lon - p.lon) * t}));
        }
        strokePolyline(pts, false, sv, si, base);
        float half = float(0.5 / metresPerUnit / 2);
        uint32_t day = major ? rgba(196, 186, 168) : rgba(219, 212, 198), night = major ? rgba(70, 78, 100) : rgba(46, 52, 70);
        for (const StrokeVertex& v : sv) {
            mesh.vertices.push_back({float(v.center.x), float(v.center.y), float(v.offset.x), float(v.offset.y), half,
                                     (major ? 1.4f : 0.9f) / 2, day, night});
            mesh.bounds.add(v.center);
        }
        mesh.indices.insert(mesh.indices.end(), si.begin(), si.end());
    };
    for (int pass = 0; pass < 2; ++pass)  // minor lines first, major ones over them
        for (long i = i0; i <= i1; ++i) {
            bool major = i % 5 == 0;
            if (major != (pass == 1)) continue;
            line({double(i) * step, double(j0) * step}, {double(i) * step, double(j1) * step}, major);
        }
    for (int pass = 0; pass < 2; ++pass)
        for (long j = j0; j <= j1; ++j) {
            bool major = j % 5 == 0;
            if (major != (pass == 1)) continue;
            line({double(i0) * step, double(j) * step}, {double(i1) * step, double(j) * step}, major);
        }
    return mesh;
}

}  // namespace bk
