// triangulate.hpp — polygon triangulation (ear clipping, holes bridged in) and polyline stroking into triangles.
#pragma once

#include "geo.hpp"

#include <cstdint>
#include <vector>

namespace bk {

// Triangulates a simple polygon given as an outer ring plus optional holes (any winding, no repeated closing
// point). Appends indices into `points` order: outer ring first, then each hole in turn. Returns false if the
// polygon is degenerate (fewer than 3 distinct points or no ear found); whatever was triangulated stays.
bool triangulatePolygon(const std::vector<std::vector<Vec2>>& rings, std::vector<uint32_t>& outIndices);

// Signed area (positive = counter-clockwise with y up).
double signedArea(const std::vector<Vec2>& ring);

// One vertex of a stroked line: the centreline point and the unit-width offset direction (miter) to push it by.
struct StrokeVertex { Vec2 center; Vec2 offset; };

// Strokes a polyline into a triangle list: 2 vertices per point, miter joins (limited to 2× width, else bevel-like
// clamp), butt ends. `closed` joins the last point back to the first.
void strokePolyline(const std::vector<Vec2>& line, bool closed, std::vector<StrokeVertex>& outVertices,
                    std::vector<uint32_t>& outIndices, uint32_t baseIndex);

}  // namespace bk
