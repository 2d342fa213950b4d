// coastline.hpp — the sea inside the map's box, built from OSM `natural=coastline` ways (land on each way's left).
//
// Ways are joined into chains by shared end nodes (never reversed: a way's direction says where the land is). Each
// chain is cut at the box; the pieces are closed along the box's outline, and closed rings inside the box become
// islands (counter-clockwise) or enclosed sea (clockwise). Data that cannot be closed consistently gives no sea at
// all, only a count of what was wrong: the map then shows land, as before, rather than a guessed sea.
#pragma once

#include "map_data.hpp"
#include "osm_input.hpp"

#include <vector>

namespace bk {

struct SeaResult {
    // Sea polygons: outer ring (counter-clockwise in lon/lat) then islands (clockwise); rings not repeated at the
    // end. Empty when the box has no coastline, when none of it tells which side is sea, or when `problems` > 0.
    std::vector<std::vector<Ring>> polygons;
    // The coastline cut at the box, in its own direction (land on the left): lines that bound the city blocks.
    std::vector<Ring> coastInBox;
    size_t chains = 0;      // coastline chains after joining the ways
    size_t problems = 0;    // chain ends inside the box, pieces whose sea sides contradict, islands in land …
};

// `ways`: the coastline ways (any order). `boxMin`/`boxMax`: the map's box in lat/lon.
SeaResult seaFromCoastline(const std::vector<const OsmWay*>& ways, LatLon boxMin, LatLon boxMax);

// Is `p` inside the polygon (outer ring, then holes)? Even-odd rule, lon/lat.
bool polygonContains(const std::vector<Ring>& polygon, LatLon p);

}  // namespace bk
