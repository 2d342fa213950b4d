// osm_reader.cpp — reads OSM XML / PBF (and .gz/.bz2 forms) with libosmium into OsmInput; areas assembled by osmium.
#include "osm_reader.hpp"

#include <osmium/area/assembler.hpp>
#include <osmium/area/multipolygon_manager.hpp>
#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/relations/relations_manager.hpp>
#include <osmium/visitor.hpp>

#include <algorithm>
#include <exception>

namespace bk {

namespace {

// Keys that can make a closed way or a multipolygon an area worth drawing. The builder decides what each becomes.
const char* const kAreaKeys[] = {"landuse", "natural", "leisure", "amenity", "building", "area", "water",
                                 "historic", "tourism", "place", "area:highway", "waterway"};

OsmTags tagsOf(const osmium::TagList& tags) {
    OsmTags out;
    for (const osmium::Tag& t : tags) out.list.emplace_back(t.key(), t.value());
    return out;
}

class Collector : public osmium::handler::Handler {
public:
    explicit Collector(OsmInput& out) : out_(out) {}

    void node(const osmium::Node& n) {
        if (!n.location().valid()) return;
        see(n.location(), n.timestamp());
        if (n.tags().empty()) return;
        out_.nodes.push_back({n.id(), {n.location().lat(), n.location().lon()}, tagsOf(n.tags())});
    }

    void way(const osmium::Way& w) {
        see(osmium::Location{}, w.timestamp());
        if (w.tags().empty()) return;
        // A way cut by the extract (`osmium extract -s simple`, an Overpass box) has nodes without positions: each
        // run of nodes that are there is kept, the missing stretches are not guessed.
        OsmWay way{w.id(), tagsOf(w.tags()), {}, {}};
        auto flush = [&] {
            if (way.nodeIds.size() >= 2) out_.ways.push_back(way);
            way.nodeIds.clear();
            way.points.clear();
        };
        for (const osmium::NodeRef& r : w.nodes()) {
            if (!r.location().valid()) { flush(); continue; }
            if (!way.nodeIds.empty() && way.nodeIds.back() == r.ref()) continue;  // repeated node: one position
            way.nodeIds.push_back(r.ref());
            way.points.push_back({r.location().lat(), r.location().lon()});
        }
        flush();
    }

    void area(const osmium::Area& a) {
        OsmArea area{a.orig_id(), !a.from_way(), tagsOf(a.tags()), {}};
        for (const osmium::OuterRing& outer : a.outer_rings()) {
            std::vector<Ring> poly;
            auto ring = [](const osmium::NodeRefList& refs) {
                Ring r;
                for (const osmium::NodeRef& n : refs) r.push_back({n.location().lat(), n.location().lon()});
                if (r.size() > 1) r.pop_back();  // closed: the last position repeats the first
                return r;
            };
            poly.push_back(ring(outer));
            for (const osmium::InnerRing& inner : a.inner_rings(outer)) poly.push_back(ring(inner));
            if (poly[0].size() >= 3) area.polygons.push_back(std::move(poly));
        }
        if (!area.polygons.empty()) out_.areas.push_back(std::move(area));
    }

private:
    void see(osmium::Location l, osmium::Timestamp t) {
        if (l.valid()) {
            LatLon p{l.lat(), l.lon()};
            if (!out_.hasBounds) { out_.boundsMin = out_.boundsMax = p; out_.hasBounds = true; }
            out_.boundsMin = {std::min(out_.boundsMin.lat, p.lat), std::min(out_.boundsMin.lon, p.lon)};
            out_.boundsMax = {std::max(out_.boundsMax.lat, p.lat), std::max(out_.boundsMax.lon, p.lon)};
        }
        if (t.valid() && t.seconds_since_epoch() > 1) {
            std::string iso = t.to_iso().substr(0, 10);
            if (iso > out_.snapshot) out_.snapshot = iso;
        }
    }
    OsmInput& out_;
};

}  // namespace

Result<OsmInput> readOsmFile(const std::string& path) {
    OsmInput out;
    try {
        osmium::io::File file{path};
        osmium::area::Assembler::config_type config;
        osmium::TagsFilter filter{false};
        for (const char* key : kAreaKeys) filter.add_rule(true, osmium::TagMatcher{key});
        filter.add_rule(true, osmium::TagMatcher{"highway", "pedestrian"});
        filter.add_rule(true, osmium::TagMatcher{"highway", "footway"});
        osmium::area::MultipolygonManager<osmium::area::Assembler> manager{config, filter};
        osmium::relations::read_relations(file, manager);

        using Index = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
        Index index;
        osmium::handler::NodeLocationsForWays<Index> locations{index};
        locations.ignore_errors();  // ways reaching past the extract: the reader keeps the runs it has (Collector::way)
        Collector collector{out};
        osmium::io::Reader reader{file, osmium::osm_entity_bits::object};
        osmium::apply(reader, locations, collector, manager.handler([&collector](osmium::memory::Buffer&& buffer) {
            osmium::apply(buffer, collector);
        }));
        reader.close();
    } catch (const std::exception& e) {
        LoadError err;
        err.file = path;
        err.message = std::string("could not read it as OpenStreetMap data (XML or PBF, optionally .gz/.bz2): ") + e.what();
        if (err.message.find("out of order") != std::string::npos)
            err.message += " (objects must come nodes, then ways, then relations, each by id: `osmium sort IN -o OUT` fixes that)";
        return err;
    }
    if (out.ways.empty() && out.nodes.empty()) {
        LoadError err;
        err.file = path;
        err.message = "no OpenStreetMap ways or tagged nodes in it";
        return err;
    }
    // Areas come out of the assembler in the order their last member was seen: sort them for a stable output.
    std::stable_sort(out.areas.begin(), out.areas.end(), [](const OsmArea& a, const OsmArea& b) {
        return a.fromRelation != b.fromRelation ? !a.fromRelation : a.id < b.id;
    });
    return out;
}

}  // namespace bk
