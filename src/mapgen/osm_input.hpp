// osm_input.hpp — OpenStreetMap objects as plain data (tags, positions, assembled areas): what the map builder reads.
//
// The reader (osm_reader.cpp, libosmium) fills it; tests fill it by hand or from small OSM XML files. Nothing here
// knows about libosmium, so the builder is plain C++ that could run anywhere the core runs.
#pragma once

#include "geo.hpp"
#include "map_data.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bk {

struct OsmTags {
    std::vector<std::pair<std::string, std::string>> list;   // in the order OSM gives them
    std::string_view get(std::string_view key) const {
        for (const auto& [k, v] : list)
            if (k == key) return v;
        return {};
    }
    bool has(std::string_view key) const { return !get(key).empty(); }
    bool is(std::string_view key, std::string_view value) const { return get(key) == value; }
};

struct OsmNode {           // a node with tags (a point of interest, a place name, a gate …)
    int64_t id = 0;
    LatLon at;
    OsmTags tags;
};

struct OsmWay {            // a way with its node ids and positions (ways whose nodes are missing are left out)
    int64_t id = 0;
    OsmTags tags;
    std::vector<int64_t> nodeIds;
    std::vector<LatLon> points;
    bool closed() const { return nodeIds.size() > 3 && nodeIds.front() == nodeIds.back(); }
};

struct OsmArea {           // a closed way or a multipolygon relation, assembled into polygons with holes
    int64_t id = 0;        // the way's or the relation's id
    bool fromRelation = false;
    OsmTags tags;
    std::vector<std::vector<Ring>> polygons;   // each: outer ring, then its inner rings (rings not repeated at the end)
};

struct OsmInput {
    std::vector<OsmNode> nodes;
    std::vector<OsmWay> ways;
    std::vector<OsmArea> areas;
    bool hasBounds = false;           // the positions' bounds (every node of every way and tagged node)
    LatLon boundsMin, boundsMax;
    std::string snapshot;             // the newest object timestamp, ISO date (empty if the file has none)
};

}  // namespace bk
