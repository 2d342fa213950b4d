// city_blocks.hpp — the city blocks: faces of the planar street graph (noded at crossings), tiny and sliver faces out.
#pragma once

#include "geo.hpp"
#include "map_data.hpp"

#include <vector>

namespace bk {

struct BlockOptions {
    double minAreaM2 = 120;        // smaller faces are junction islands and traffic-calming loops, not blocks
    double minMeanWidthM = 2.2;    // area / perimeter below this: a sliver between a street and its sidewalk
    double maxAreaM2 = 300000;     // larger: not a block but the edge of the data or a palace's grounds
    double maxOpenShare = 0.5;     // faces lying more than half inside open areas (parks, water …) are not fabric
};

struct BlockStats { size_t faces = 0, tiny = 0, slivers = 0, open = 0, huge = 0; };

// `streets`: polylines in lon/lat that bound blocks (already clipped to the box). The box's outline closes the
// faces at its edge. `openAreas`: polygons (outer ring first) whose inside is not built fabric.
// Returns simple rings (counter-clockwise in lon/lat, not repeated at the end), in a deterministic order.
std::vector<Ring> computeCityBlocks(const std::vector<Ring>& streets, LatLon boxMin, LatLon boxMax,
                                    const std::vector<std::vector<Ring>>& openAreas, const BlockOptions& options = {},
                                    BlockStats* stats = nullptr);

}  // namespace bk
