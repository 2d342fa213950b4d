// map_mesh.cpp — basemap styling by kind and draw order, triangulation of areas, stroking of lines, label anchors.
#include "map_mesh.hpp"

#include "triangulate.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace bk {

namespace {

// Draw order, bottom to top: the sea (water of class "sea", closed from the coastline by bukchon-map), big areas
// under small ones, then tunnels (dimmed), path casings and fills, road casings and fills (all casings of a group
// before its fills, so junctions merge cleanly), steps' treads, walls.
// The cells per side of the grid each layer is cut into for culling (see MeshRange): 8 keeps a street-level view
// to a few cells and the ranges to a few hundred.
constexpr int kMeshGrid = 8;

enum Layer {
    kSea = 0, kPalace, kArea, kBlock, kPlaza, kPark, kGrass, kWood, kSand, kAreaDetail, kAreaEdge, kTunnel,
    kPathCasing, kPathFill, kSteps, kRoadCasing, kRoadFill, kMajorCasing, kMajorFill, kWall, kEdge, kLayerCount
};

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

    // Fills a polygon whose rings are already projected.
    void fillLocal(const std::vector<std::vector<Vec2>>& rings, ColorPair color, Layer layer) {
        std::vector<uint32_t> tri;
        if (!triangulatePolygon(rings, tri)) ++dropped;
        uint32_t base = static_cast<uint32_t>(verts[layer].size());
        for (const auto& r : rings)
            for (const Vec2& p : r) verts[layer].push_back({float(p.x), float(p.y), 0, 0, 0, 0, color.day, color.night});
        for (uint32_t i : tri) idx[layer].push_back(base + i);
    }

    // Fills a polygon and returns its projected rings (an outline drawn over it reuses them).
    std::vector<std::vector<Vec2>> fill(const std::vector<Ring>& polygon, ColorPair color, Layer layer) {
        std::vector<std::vector<Vec2>> rings;
        rings.reserve(polygon.size());
        for (const Ring& r : polygon) rings.push_back(project(r));
        fillLocal(rings, color, layer);
        return rings;
    }

    // A line's stroke geometry (centre and miter offset per vertex, triangles), made once and drawn at any width:
    // a street's casing and fill share it.
    struct Outline {
        std::vector<StrokeVertex> vertices;
        std::vector<uint32_t> indices;  // from 0
    };
    static Outline outline(const std::vector<Vec2>& line, bool closed) {
        Outline o;
        strokePolyline(line, closed, o.vertices, o.indices, 0);
        return o;
    }
    void draw(const Outline& o, double widthGroundM, float minWidthPx, ColorPair color, Layer layer) {
        const uint32_t base = static_cast<uint32_t>(verts[layer].size());
        const float half = float(widthGroundM * unitsPerGroundMetre / 2);
        for (const StrokeVertex& v : o.vertices)
            verts[layer].push_back({float(v.center.x), float(v.center.y), float(v.offset.x), float(v.offset.y), half,
                                    minWidthPx / 2, color.day, color.night});
        for (uint32_t i : o.indices) idx[layer].push_back(base + i);
    }

    void strokeLocal(const std::vector<Vec2>& line, bool closed, double widthGroundM, float minWidthPx, ColorPair color,
                     Layer layer) {
        draw(outline(line, closed), widthGroundM, minWidthPx, color, layer);
    }

    void stroke(const Ring& line, bool closed, double widthGroundM, float minWidthPx, ColorPair color, Layer layer) {
        strokeLocal(project(line), closed, widthGroundM, minWidthPx, color, layer);
    }

    // Steps read as steps: treads across the line every `pitchM` ground metres.
    void treads(const std::vector<Vec2>& pts, double widthM, double pitchM, ColorPair color, Layer layer) {
        const double pitch = pitchM * unitsPerGroundMetre, half = widthM * unitsPerGroundMetre / 2;
        double carry = pitch / 2;
        for (size_t i = 1; i < pts.size(); ++i) {
            Vec2 a = pts[i - 1], b = pts[i];
            double len = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
            if (len <= 0) continue;
            Vec2 d{(b.x - a.x) / len, (b.y - a.y) / len}, n{-d.y, d.x};
            for (double t = carry; t < len; t += pitch) {
                Vec2 c{a.x + d.x * t, a.y + d.y * t};
                strokeLocal({{c.x - n.x * half, c.y - n.y * half}, {c.x + n.x * half, c.y + n.y * half}}, false, 0.3,
                            0.9f, color, layer);
            }
            carry = std::fmod(carry - len, pitch);
            if (carry < 0) carry += pitch;
        }
    }
};

// How a street is drawn: its group, the casing's and the fill's legible minimum widths (CSS px).
struct StreetStyle { Layer casing, fillLayer; float casingPx, fillPx; double casingExtraM; int rank; };

StreetStyle streetStyle(const MapFeature& f) {
    const std::string& c = f.cls;
    auto is = [&](std::initializer_list<const char*> l) {
        for (const char* x : l)
            if (c == x) return true;
        return false;
    };
    if (is({"motorway", "trunk", "primary", "secondary", "motorway_link", "trunk_link", "primary_link", "secondary_link"}))
        return {kMajorCasing, kMajorFill, 6.0f, 4.4f, 2.6, c.find("_link") != std::string::npos ? 2 : 0};
    if (is({"tertiary", "tertiary_link"})) return {kRoadCasing, kRoadFill, 4.8f, 3.4f, 2.0, 1};
    if (is({"residential", "unclassified", "living_street", "road", "busway"})) return {kRoadCasing, kRoadFill, 3.8f, 2.5f, 1.6, 2};
    if (is({"service", "track"})) return {kRoadCasing, kRoadFill, 2.8f, 1.7f, 1.2, 3};
    if (is({"pedestrian"})) return {kPathCasing, kPathFill, 3.0f, 2.0f, 1.0, 2};
    if (f.kind == MapKind::road) return {kRoadCasing, kRoadFill, 4.5f, 3.0f, 2.0, 2};  // v1 roads (no class)
    if (c.empty()) return {kPathCasing, kPathFill, 2.5f, 1.5f, 1.2, 3};                 // v1 paths
    return {kPathCasing, kPathFill, 2.3f, 1.3f, 0.9, 4};                                 // footway, path, steps …
}

// Joins a street's ways end to end into chains (same name, shared end positions), so its name can run along it.
// Ends are indexed by position (to the centimetre), so a long street of many ways chains in linear time.
std::vector<std::vector<Vec2>> chainLines(std::vector<std::vector<Vec2>> parts) {
    auto key = [](Vec2 p) { return gridKey(std::llround(p.x * 100), std::llround(p.y * 100)); };
    std::unordered_multimap<unsigned long long, size_t> ends;
    for (size_t i = 0; i < parts.size(); ++i) {
        ends.emplace(key(parts[i].front()), i);
        ends.emplace(key(parts[i].back()), i);
    }
    std::vector<bool> used(parts.size(), false);
    // Extends `chain` at its back with unused parts meeting it there, reversing a part that meets it by its end.
    auto growBack = [&](std::vector<Vec2>& chain) {
        for (bool grew = true; grew;) {
            grew = false;
            auto range = ends.equal_range(key(chain.back()));
            for (auto it = range.first; it != range.second; ++it) {
                size_t j = it->second;
                if (used[j]) continue;
                used[j] = true;
                const auto& p = parts[j];
                if (key(p.front()) == key(chain.back())) chain.insert(chain.end(), p.begin() + 1, p.end());
                else chain.insert(chain.end(), p.rbegin() + 1, p.rend());
                grew = true;
                break;
            }
        }
    };
    std::vector<std::vector<Vec2>> out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (used[i]) continue;
        used[i] = true;
        std::vector<Vec2> chain = parts[i];
        growBack(chain);
        std::reverse(chain.begin(), chain.end());  // then the other way from the first part's start
        growBack(chain);
        out.push_back(std::move(chain));
    }
    return out;
}

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
        case MapKind::poi: return 40;
        case MapKind::water: case MapKind::garden: case MapKind::wood: return 35;
        default: return 30;
    }
}

}  // namespace

MapPalette nightPalette() {
    MapPalette n;
    n.background = rgba(20, 26, 40);
    n.park = rgba(27, 42, 44);
    n.grass = rgba(28, 41, 44);
    n.wood = rgba(25, 38, 40);
    n.sand = rgba(38, 40, 52);
    n.plaza = rgba(34, 40, 56);
    n.block = rgba(33, 39, 55);
    n.majorCasing = rgba(10, 14, 24);
    n.majorRoad = rgba(98, 104, 124);
    n.footway = rgba(66, 74, 96);
    n.footwayCasing = rgba(20, 25, 38);
    n.steps = rgba(120, 124, 140);
    n.tunnel = rgba(40, 46, 62);
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
    auto pair = [&](uint32_t MapPalette::*slot) { return ColorPair{day.*slot, night.*slot}; };
    MapMesh mesh;
    struct NamedStreet { std::string en, ko, local; int rank; std::vector<std::vector<Vec2>> parts; };
    std::vector<NamedStreet> named;
    std::unordered_map<std::string, size_t> namedIndex;  // "en␟ko␟local" → index in `named`
    for (const MapFeature& f : map.features) {
        for (const auto& poly : f.polygons) {
            switch (f.kind) {
                case MapKind::park: b.fill(poly, pair(&MapPalette::park), kPark); break;
                case MapKind::grass: b.fill(poly, pair(&MapPalette::grass), kGrass); break;
                case MapKind::garden: b.fill(poly, pair(&MapPalette::grass), kGrass); break;
                case MapKind::wood: b.fill(poly, pair(&MapPalette::wood), kWood); break;
                case MapKind::sand: b.fill(poly, pair(&MapPalette::sand), kSand); break;
                case MapKind::plaza: case MapKind::parking: b.fill(poly, pair(&MapPalette::plaza), kPlaza); break;
                case MapKind::block:
                    b.fill(poly, pair(&MapPalette::block), kBlock);
                    break;
                case MapKind::palace:
                    for (const auto& r : b.fill(poly, pair(&MapPalette::palace), kPalace))
                        b.strokeLocal(r, true, 2.5, 1.5f, pair(&MapPalette::palaceEdge), kAreaEdge);
                    break;
                case MapKind::water:
                    b.fill(poly, pair(&MapPalette::water), f.cls == "sea" ? kSea : kAreaDetail);
                    break;
                case MapKind::hanok:
                    b.strokeLocal(b.fill(poly, pair(&MapPalette::hanok), kAreaDetail)[0], true, 0.8, 1.0f,
                                  pair(&MapPalette::hanokEdge), kAreaEdge);
                    break;
                case MapKind::building:
                case MapKind::landmark:
                    b.strokeLocal(b.fill(poly, pair(&MapPalette::building), kAreaDetail)[0], true, 0.6, 1.0f,
                                  pair(&MapPalette::buildingEdge), kAreaEdge);
                    break;
                case MapKind::district: break;  // named areas: labels only, no fill
                default: b.fill(poly, pair(&MapPalette::other), kArea); break;
            }
        }
        const bool street = f.kind == MapKind::road || f.kind == MapKind::path;
        const bool isNamed = street && !f.tunnel && !(f.nameEn.empty() && f.nameKo.empty() && f.name.empty());
        std::vector<std::vector<Vec2>> streetParts;  // a named street's lines, projected once for its label too
        for (const Ring& line : f.lines) {
            if (street) {
                std::vector<Vec2> pts = b.project(line);
                StreetStyle st = streetStyle(f);
                double w = f.widthM > 0 ? f.widthM : f.kind == MapKind::road ? 10 : 3.5;
                bool isFoot = st.rank >= 4;
                ColorPair fillC = pair(st.fillLayer == kMajorFill ? &MapPalette::majorRoad
                                       : f.kind == MapKind::road ? &MapPalette::road
                                       : isFoot ? &MapPalette::footway : &MapPalette::path);
                ColorPair casingC = pair(st.casing == kMajorCasing ? &MapPalette::majorCasing
                                         : isFoot ? &MapPalette::footwayCasing : &MapPalette::roadCasing);
                if (f.tunnel) {  // no casing; a thin line a shade off the ground, under the streets
                    b.strokeLocal(pts, false, w * 0.6, std::max(1.0f, st.fillPx * 0.6f), pair(&MapPalette::tunnel), kTunnel);
                    continue;
                }
                ++mesh.streetLines;
                const Builder::Outline o = Builder::outline(pts, false);
                b.draw(o, w + st.casingExtraM, st.casingPx, casingC, st.casing);
                b.draw(o, w, st.fillPx, fillC, st.fillLayer);
                if (f.cls == "steps") b.treads(pts, w, 0.9, pair(&MapPalette::steps), kSteps);
                if (isNamed) streetParts.push_back(std::move(pts));
            } else if (f.kind == MapKind::wall) {
                bool city = f.cls == "city_wall";
                b.stroke(line, false, f.widthM > 0 ? f.widthM : 1.5, city ? 2.0f : 1.2f, pair(&MapPalette::wall), kWall);
            } else if (f.kind == MapKind::water) {
                b.stroke(line, false, f.widthM > 0 ? f.widthM : 2, 1.2f, pair(&MapPalette::water), kAreaDetail);
            } else {
                double w = f.widthM > 0 ? f.widthM : 3.5;
                const Builder::Outline o = Builder::outline(b.project(line), false);
                b.draw(o, w + 1.2, 2.5f, pair(&MapPalette::roadCasing), kPathCasing);
                b.draw(o, w, 1.5f, pair(&MapPalette::path), kPathFill);
            }
        }
        // Street names run along their streets (placed per frame); ways of one name are chained first.
        if (isNamed) {
            int rank = streetStyle(f).rank;
            std::string key = f.nameEn + '\x1f' + f.nameKo + '\x1f' + f.name;
            auto [it, fresh] = namedIndex.try_emplace(std::move(key), named.size());
            if (fresh) named.push_back({f.nameEn, f.nameKo, f.name, rank, {}});
            NamedStreet* ns = &named[it->second];
            ns->rank = std::min(ns->rank, rank);
            for (std::vector<Vec2>& pts : streetParts) ns->parts.push_back(std::move(pts));
        }
        if (street) continue;

        // One label per named feature, anchored where a reader expects it.
        if (f.nameEn.empty() && f.nameKo.empty() && !(f.kind == MapKind::poi && !f.name.empty())) continue;
        if (f.kind == MapKind::wall || f.kind == MapKind::block) continue;
        MapLabel label{{}, f.nameEn, f.nameKo, f.name, f.kind, f.cls, labelPriority(f.kind)};
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

    // The data's edge fades into the paper (at least 28 CSS px, 40 m when zoomed in) instead of cutting the
    // streets off: an extract reads as a map sheet, not as a hole in the world.
    if (!b.bounds.empty()) {
        const Bounds e = b.bounds;
        const Vec2 corner[4] = {{e.min.x, e.min.y}, {e.max.x, e.min.y}, {e.max.x, e.max.y}, {e.min.x, e.max.y}};
        const Vec2 inward[4] = {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}};
        const float half = float(40 * b.unitsPerGroundMetre);
        auto& v = b.verts[kEdge];
        auto& ix = b.idx[kEdge];
        const uint32_t paperDay = day.background & 0x00ffffffu, paperNight = night.background & 0x00ffffffu;
        for (int k = 0; k < 4; ++k) {
            v.push_back({float(corner[k].x), float(corner[k].y), 0, 0, 0, 0, day.background, night.background});
            v.push_back({float(corner[k].x), float(corner[k].y), float(inward[k].x), float(inward[k].y), half, 28.0f,
                         paperDay, paperNight});  // transparent: alpha 0
        }
        for (uint32_t k = 0; k < 4; ++k) {
            uint32_t o0 = 2 * k, i0 = 2 * k + 1, o1 = 2 * ((k + 1) % 4), i1 = 2 * ((k + 1) % 4) + 1;
            ix.insert(ix.end(), {o0, o1, i1, o0, i1, i0});
        }
    }

    // Each layer's triangles go to the grid cell of their centroid, in their order; one range per non-empty cell.
    const Bounds all = b.bounds;
    const Vec2 span = all.empty() ? Vec2{1, 1} : all.size();
    // (clamped as a double: a centroid far outside a tiny span is beyond int's range, and converting it is undefined;
    // fuzz_map found one, seed regression-mesh-cell.geojson)
    auto cellIndex = [](double t) { return t > 0 ? int(std::min(t * kMeshGrid, double(kMeshGrid - 1))) : 0; };
    auto cellOf = [&](const MapVertex* v[3]) {
        double cx = (v[0]->x + v[1]->x + v[2]->x) / 3, cy = (v[0]->y + v[1]->y + v[2]->y) / 3;
        return cellIndex((cy - all.min.y) / std::max(span.y, 1e-9)) * kMeshGrid + cellIndex((cx - all.min.x) / std::max(span.x, 1e-9));
    };
    std::vector<std::vector<uint32_t>> cells(kMeshGrid * kMeshGrid);
    for (int layer = 0; layer < kLayerCount; ++layer) {
        const uint32_t base = static_cast<uint32_t>(mesh.vertices.size());
        mesh.vertices.insert(mesh.vertices.end(), b.verts[layer].begin(), b.verts[layer].end());
        const std::vector<uint32_t>& idx = b.idx[layer];
        for (auto& c : cells) c.clear();
        for (size_t t = 0; t + 2 < idx.size(); t += 3) {
            const MapVertex* v[3] = {&b.verts[layer][idx[t]], &b.verts[layer][idx[t + 1]], &b.verts[layer][idx[t + 2]]};
            auto& c = cells[size_t(cellOf(v))];
            for (int k = 0; k < 3; ++k) c.push_back(idx[t + k]);
        }
        // Treads from street level, footway casings once a footway is wider than its minimum.
        const float from = layer == kSteps ? 1.2f : layer == kPathCasing ? 0.8f : 0.0f;
        for (const auto& c : cells) {
            if (c.empty()) continue;
            MeshRange r;
            r.first = static_cast<uint32_t>(mesh.indices.size());
            r.count = static_cast<uint32_t>(c.size());
            r.minPxPerMetre = from;
            float maxOffset2 = 0;
            for (uint32_t i : c) {
                const MapVertex& v = b.verts[layer][i];
                mesh.indices.push_back(base + i);
                r.box.add({v.x, v.y});
                r.maxHalfWidth = std::max(r.maxHalfWidth, v.halfWidth);
                r.maxHalfPx = std::max(r.maxHalfPx, v.minHalfPx);
                maxOffset2 = std::max(maxOffset2, v.offsetX * v.offsetX + v.offsetY * v.offsetY);
            }
            r.maxOffset = std::sqrt(maxOffset2);
            mesh.ranges.push_back(r);
        }
    }
    const double metresPerUnit = proj.groundMetresPerUnit();
    for (NamedStreet& n : named) {
        StreetLabel sl{chainLines(std::move(n.parts)), n.en, n.ko, n.local, n.rank, 0};
        for (const auto& c : sl.chains) {
            double len = 0;
            for (size_t i = 1; i < c.size(); ++i) len += std::hypot(c[i].x - c[i - 1].x, c[i].y - c[i - 1].y);
            sl.lengthM = std::max(sl.lengthM, len * metresPerUnit);
        }
        mesh.streets.push_back(std::move(sl));
    }
    std::stable_sort(mesh.streets.begin(), mesh.streets.end(), [](const StreetLabel& a, const StreetLabel& c) {
        return a.rank != c.rank ? a.rank < c.rank : a.lengthM > c.lengthM;
    });
    std::stable_sort(mesh.labels.begin(), mesh.labels.end(),
                     [](const MapLabel& a, const MapLabel& c) { return a.priority > c.priority; });
    mesh.bounds = b.bounds;
    mesh.droppedPolygons = b.dropped;
    return mesh;
}

}  // namespace bk

namespace bk {

void visibleRuns(const std::vector<MeshRange>& ranges, const Bounds& view, double cssPxPerUnit, float pxPerMetre,
                 std::vector<DrawRun>& out) {
    out.clear();
    for (const MeshRange& r : ranges) {
        if (pxPerMetre < r.minPxPerMetre || !r.count) continue;
        if (!r.box.empty()) {
            const double reach = r.maxOffset * std::max(double(r.maxHalfWidth), r.maxHalfPx / std::max(cssPxPerUnit, 1e-12));
            if (r.box.max.x + reach < view.min.x || r.box.min.x - reach > view.max.x ||
                r.box.max.y + reach < view.min.y || r.box.min.y - reach > view.max.y)
                continue;
        }
        if (!out.empty() && out.back().first + out.back().count == r.first) out.back().count += r.count;
        else out.push_back({r.first, r.count});
    }
}

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
