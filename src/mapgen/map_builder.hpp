// map_builder.hpp — OpenStreetMap objects → the viewer's map (streets by class, areas, walls, POIs, places, blocks).
//
// Sections in map_builder.cpp: [1] what each OSM object becomes  [2] clipping to the box  [3] assembling the map.
// City blocks (the faces of the street network) are computed in city_blocks.cpp, the sea from the coastline in
// coastline.cpp. Formats: docs/formats.md.
#pragma once

#include "map_data.hpp"
#include "osm_input.hpp"

#include <string>
#include <vector>

namespace bk {

struct MapBuildOptions {
    bool hasBbox = false;                 // clip to this box (lon/lat); otherwise the data's own bounds
    LatLon bboxMin, bboxMax;
    std::string name, nameKo;             // the map's title (shown beside the attribution)
    std::string sourceNote;               // e.g. the extract's file name; the snapshot date is added when known
    std::string snapshot;                 // the data's date ("2026-07"), for extracts whose objects carry no timestamps
    std::vector<MapFeature> extras;       // features given on the command line: the depot, a palace's label
    bool blocks = true;                   // compute city blocks
    // Extra name languages to keep besides name, name:en and name:ko: by default the viewer's other UI languages,
    // whose labels show them (src/core/map/place_names.hpp); empty keeps none.
    std::vector<std::string> languages = {"zh", "ja", "ru", "es", "fr", "ar", "id", "vi", "th", "mn", "ne"};
};

struct MapBuildStats {
    size_t roads = 0, paths = 0, areas = 0, walls = 0, pois = 0, places = 0, blocks = 0;
    size_t droppedTinyFaces = 0, droppedSliverFaces = 0, droppedOpenFaces = 0;
    size_t skippedWays = 0;               // tagged ways that are none of the above (power lines, tree rows …)
    size_t coastlineWays = 0;             // natural=coastline ways read (the sea is drawn from them: coastline.hpp)
    size_t seaPolygons = 0;               // sea polygons drawn in the box
    // Why no sea was drawn although the box has coastline: chain ends inside the box (a gap or a way pointing the
    // wrong way), pieces or rings whose sea sides contradict each other. 0 when the sea was drawn or there is none.
    size_t coastlineProblems = 0;
    // Lines, rings and polygons that positions at six decimals (about 10 cm) collapsed, dropped.
    size_t droppedByRounding = 0;
};

MapData buildMapFromOsm(const OsmInput& input, const MapBuildOptions& options, MapBuildStats* stats = nullptr);

// The road or path class's width on the ground in metres (OSM `width`, else lanes, else the class's usual width).
double streetWidthM(const OsmTags& tags);

}  // namespace bk
