// map_mesh.hpp — turns MapData into one GPU-ready triangle mesh (fills, casings, strokes in draw order) + labels.
#pragma once

#include "geo.hpp"
#include "map_data.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace bk {

// 32 bytes. Position is the centreline/fill point in local mercator units; a stroke vertex is pushed along
// `offset` by max(halfWidth, minHalfPx / pixelsPerUnit) in the vertex shader, so streets keep their real
// width when zoomed in and never thin below a legible pixel width when zoomed out.
struct MapVertex {
    float x, y;
    float offsetX, offsetY;
    float halfWidth;      // local units
    float minHalfPx;      // CSS pixels (scaled by devicePixelRatio in the shader)
    uint32_t rgba;        // day colour, 0xAABBGGRR (little-endian bytes r,g,b,a)
    uint32_t rgbaNight;   // night colour; the shader blends by how dark it is at replay time
};

struct MapLabel {
    Vec2 position;        // local units
    std::string nameEn, nameKo, name;   // name: the local name as mapped (fallback when neither is there)
    MapKind kind = MapKind::other;
    std::string cls;      // POIs: their class (subway_entrance, bus_stop, viewpoint …)
    int priority = 0;     // higher wins when labels collide
};

// A named street as one or more chains of its ways (ways of the same name joined end to end), for names that
// follow the line. Local units.
struct StreetLabel {
    std::vector<std::vector<Vec2>> chains;
    std::string nameEn, nameKo, name;
    int rank = 0;         // 0 = primary … higher = minor: decides who is named first and from which zoom
    double lengthM = 0;   // the longest chain, ground metres
};

// A run of indices drawn only from a zoom on (CSS px per ground metre): detail that is sub-pixel noise further out
// (steps' treads, footway casings) costs fill on a weak GPU and says nothing. Each layer is cut into the cells of
// a grid over the map, one range per cell, so a zoomed-in view submits only the cells it sees (a software
// rasterizer pays for every triangle submitted, on screen or not).
struct MeshRange {
    uint32_t first = 0, count = 0;
    float minPxPerMetre = 0;
    Bounds box;              // local units: its vertices' centre points (empty: always drawn)
    float maxHalfWidth = 0;  // local units: the widest stroke's half width on the ground
    float maxHalfPx = 0;     // CSS px: the widest stroke's legible minimum half width
    float maxOffset = 0;     // the longest offset vector (a miter join reaches beyond 1)
};

// What to draw for a view: the runs of `ranges` shown from this zoom whose box, grown by their strokes' reach at
// this scale, meets `view` (local units); ranges next to each other in the index buffer are merged into one run.
struct DrawRun { uint32_t first = 0, count = 0; };
void visibleRuns(const std::vector<MeshRange>& ranges, const Bounds& view, double cssPxPerUnit, float pxPerMetre,
                 std::vector<DrawRun>& out);

struct MapMesh {
    std::vector<MapVertex> vertices;
    std::vector<uint32_t> indices;
    std::vector<MeshRange> ranges;       // cover `indices` in draw order; empty: draw everything
    std::vector<MapLabel> labels;
    std::vector<StreetLabel> streets;   // sorted by rank, then length (longest first)
    Bounds bounds;        // local units, of all geometry
    size_t droppedPolygons = 0;  // degenerate polygons that could not be triangulated
    size_t streetLines = 0;      // road and path lines drawn (not tunnels)
};

constexpr uint32_t rgba(uint8_t r, uint8_t g, uint8_t b, uint8_t a = 255) {
    return uint32_t(r) | uint32_t(g) << 8 | uint32_t(b) << 16 | uint32_t(a) << 24;
}

// The basemap palettes: hanji-paper warm greys by day, deep ink-blue at night, so the sensors carry the colour.
struct MapPalette {
    uint32_t background = rgba(239, 234, 224);
    uint32_t park = rgba(214, 222, 200);
    uint32_t grass = rgba(218, 225, 203);
    uint32_t wood = rgba(200, 212, 188);
    uint32_t sand = rgba(236, 226, 204);
    uint32_t plaza = rgba(233, 228, 219);
    uint32_t palace = rgba(228, 219, 199);
    uint32_t palaceEdge = rgba(176, 160, 132);
    uint32_t water = rgba(196, 214, 220);
    uint32_t hanok = rgba(216, 204, 186);
    uint32_t hanokEdge = rgba(188, 172, 150);
    uint32_t block = rgba(221, 210, 192);
    uint32_t building = rgba(224, 218, 208);
    uint32_t buildingEdge = rgba(200, 192, 180);
    uint32_t roadCasing = rgba(196, 186, 170);
    uint32_t majorCasing = rgba(184, 170, 148);
    uint32_t road = rgba(252, 250, 245);
    uint32_t majorRoad = rgba(255, 251, 240);
    uint32_t path = rgba(247, 243, 235);
    uint32_t footway = rgba(249, 246, 239);
    uint32_t footwayCasing = rgba(208, 198, 182);
    uint32_t steps = rgba(166, 150, 126);
    uint32_t tunnel = rgba(222, 214, 200);
    uint32_t wall = rgba(150, 132, 108);
    uint32_t other = rgba(220, 214, 204);
};
MapPalette nightPalette();

MapMesh buildMapMesh(const MapData& map, const Projection& projection, const MapPalette& day = {},
                     const MapPalette& night = nightPalette());

// Overlay lines (e.g. the collection route) in local units: a paper casing under a coloured line, each `widthM`
// ground metres wide and at least `minPx` CSS px. `metresPerUnit` is Projection::groundMetresPerUnit().
MapMesh buildOverlayLines(const std::vector<std::vector<Vec2>>& lines, double widthM, float minPx, uint32_t dayRgba,
                          uint32_t nightRgba, double metresPerUnit);

// The neutral basemap for data that comes without a map: lines of latitude and longitude around `area` (local
// units) at a round spacing (1, 2 or 5 × 10^k degrees, about eight across the area), every fifth line stronger.
// `stepDegrees` receives the spacing (for the attribution line).
MapMesh buildGraticule(const Bounds& area, const Projection& projection, double* stepDegrees = nullptr);

}  // namespace bk
