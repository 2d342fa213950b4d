// osm_reader.cpp — reads OSM XML / PBF (and .gz/.bz2 forms) with libosmium into OsmInput, on one thread, in steps.
#include "osm_reader.hpp"

#include <osmium/area/assembler.hpp>
#include <osmium/area/multipolygon_manager.hpp>
#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/bzip2_compression.hpp>
#include <osmium/io/detail/pbf_decoder.hpp>
#include <osmium/io/detail/protobuf_tags.hpp>
#include <osmium/io/detail/xml_input_format.hpp>
#include <osmium/io/gzip_compression.hpp>
#include <osmium/relations/relations_manager.hpp>
#include <osmium/visitor.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iterator>
#include <optional>

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


// ---- the reader: one thread, in steps --------------------------------------------------------------------------
// libosmium's Reader runs its parser and decompressors on threads, which a page without cross-origin isolation
// cannot have. So the file is read here on the calling thread with libosmium's own pieces: its buffer
// decompressors (gzip, bzip2), its PBF blob decoder (PBFDataBlobDecoder, the code the Reader's pool runs) and its
// expat-based XML parser, fed from queues that are filled before it runs. Two passes, as osmium::relations does:
// the multipolygon relations first, then everything (decision 74).

namespace {

using osmium::io::detail::future_buffer_queue_type;
using osmium::io::detail::future_string_queue_type;

enum class Encoding { xml, pbf, unknown };

Encoding encodingOf(std::string_view b) {
    if (b.size() > 8 && b.substr(4, 16).find("OSMHeader") != std::string_view::npos) return Encoding::pbf;
    size_t i = 0;
    if (b.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < b.size() && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) ++i;
    return i < b.size() && b[i] == '<' ? Encoding::xml : Encoding::unknown;
}

uint32_t bigEndian32(const char* d) {
    return uint32_t(uint8_t(d[0])) << 24 | uint32_t(uint8_t(d[1])) << 16 | uint32_t(uint8_t(d[2])) << 8 | uint8_t(d[3]);
}

// The PBF's blobs, one at a time: {type, blob bytes}; an empty type at the end.
class PbfBlobs {
public:
    explicit PbfBlobs(const std::string& bytes) : bytes_(bytes) {}
    size_t offset() const { return at_; }
    bool next(std::string& type, std::string& blob) {
        if (at_ == bytes_.size()) return false;
        if (bytes_.size() - at_ < 4) throw osmium::pbf_error{"the file ends inside a blob header's size"};
        const uint32_t headerSize = bigEndian32(bytes_.data() + at_);
        if (headerSize > 64 * 1024 || headerSize > bytes_.size() - at_ - 4) throw osmium::pbf_error{"invalid BlobHeader size"};
        protozero::pbf_message<osmium::io::detail::FileFormat::BlobHeader> header{
            protozero::data_view{bytes_.data() + at_ + 4, headerSize}};
        size_t dataSize = 0;
        type.clear();
        while (header.next()) {
            using Tag = osmium::io::detail::FileFormat::BlobHeader;
            if (header.tag() == Tag::required_string_type) type = header.get_string();
            else if (header.tag() == Tag::required_int32_datasize) dataSize = size_t(header.get_int32());
            else header.skip();
        }
        const size_t start = at_ + 4 + headerSize;
        if (dataSize == 0 || dataSize > osmium::io::detail::max_uncompressed_blob_size || dataSize > bytes_.size() - start)
            throw osmium::pbf_error{"a blob's size is missing or runs past the end of the file (a cut download?)"};
        blob.assign(bytes_, start, dataSize);
        at_ = start + dataSize;
        return true;
    }

private:
    const std::string& bytes_;
    size_t at_ = 0;
};

// Every buffer of an XML document, for the entities asked, through libosmium's XML parser run on this thread.
std::vector<osmium::memory::Buffer> parseXml(const std::string& text, osmium::osm_entity_bits::type entities) {
    future_string_queue_type input{0, "xml_in"};    // unbounded: filled before the parser runs, so it never waits
    future_buffer_queue_type output{0, "xml_out"};
    constexpr size_t kChunk = 1 << 20;
    for (size_t at = 0; at < text.size(); at += kChunk)
        osmium::io::detail::add_to_queue(input, text.substr(at, kChunk));
    osmium::io::detail::add_end_of_data_to_queue(input);
    std::promise<osmium::io::Header> header;
    // The parser keeps a reference to a thread pool it never uses (only the PBF parser submits work to one); a
    // pool's constructor starts threads, so the reference is to storage where no pool is ever built.
    alignas(osmium::thread::Pool) static unsigned char noPool[sizeof(osmium::thread::Pool)];
    osmium::io::detail::parser_arguments args{*reinterpret_cast<osmium::thread::Pool*>(noPool), -1, input, output, header,
                                              nullptr, entities, osmium::io::read_meta::yes,
                                              osmium::io::buffers_type::any, false};
    osmium::io::detail::XMLParser parser{args};
    parser.parse();   // exceptions go into the output queue, in order
    std::vector<osmium::memory::Buffer> buffers;
    osmium::io::detail::queue_wrapper<osmium::memory::Buffer> results{output};
    while (!results.has_reached_end_of_data()) {
        osmium::memory::Buffer b = results.pop();   // rethrows the parser's error
        if (b) buffers.push_back(std::move(b));
    }
    return buffers;
}

// A decoded buffer and the buffers nested in it (libosmium's decoders grow a full buffer by nesting the full one
// inside a new one), each visited once, in the order of the data: the nested ones first, as osmium::io::Reader does.
template <typename F>
void eachBuffer(osmium::memory::Buffer& buffer, F&& visit) {
    while (buffer.has_nested_buffers()) {
        std::unique_ptr<osmium::memory::Buffer> nested = buffer.get_last_nested();
        visit(*nested);
    }
    visit(buffer);
}

LoadError readError(const std::string& name, std::string what) {
    LoadError err;
    err.file = name;
    err.message = "could not read it as OpenStreetMap data (XML or PBF, optionally .gz/.bz2): " + std::move(what);
    if (err.message.find("out of order") != std::string::npos)
        err.message += " (objects must come nodes, then ways, then relations, each by id: `osmium sort IN -o OUT` fixes that)";
    return err;
}

}  // namespace

struct OsmReader::Impl {
    using Manager = osmium::area::MultipolygonManager<osmium::area::Assembler>;
    using Index = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;

    std::string name;
    std::string bytes;          // the file as given, then as decompressed
    Encoding encoding = Encoding::unknown;
    std::unique_ptr<osmium::io::Decompressor> decompressor;
    std::string decompressed;
    size_t compressedSize = 0;
    enum class Stage { decompress, relations, prepare, objects, done } stage = Stage::decompress;
    std::unique_ptr<PbfBlobs> blobs;
    OsmInput out;
    std::unique_ptr<Manager> manager;
    Index index;
    std::unique_ptr<osmium::handler::NodeLocationsForWays<Index>> locations;
    std::unique_ptr<Collector> collector;
    std::optional<LoadError> error;
    size_t maxBytes = 0;

    Impl(std::string file, std::string displayName, size_t limit) : name(std::move(displayName)), bytes(std::move(file)), maxBytes(limit) {
        osmium::area::Assembler::config_type config;
        osmium::TagsFilter filter{false};
        for (const char* key : kAreaKeys) filter.add_rule(true, osmium::TagMatcher{key});
        filter.add_rule(true, osmium::TagMatcher{"highway", "pedestrian"});
        filter.add_rule(true, osmium::TagMatcher{"highway", "footway"});
        manager = std::make_unique<Manager>(config, filter);
        locations = std::make_unique<osmium::handler::NodeLocationsForWays<Index>>(index);
        locations->ignore_errors();  // ways reaching past the extract: the reader keeps the runs it has (Collector::way)
        collector = std::make_unique<Collector>(out);
        compressedSize = bytes.size();
        const std::string_view head(bytes.data(), std::min<size_t>(bytes.size(), 4));
        if (head.substr(0, 2) == "\x1F\x8B") decompressor = std::make_unique<osmium::io::GzipBufferDecompressor>(bytes.data(), bytes.size());
        else if (head.substr(0, 3) == "BZh") decompressor = std::make_unique<osmium::io::Bzip2BufferDecompressor>(bytes.data(), bytes.size());
    }

    void secondPass(osmium::memory::Buffer& buffer) {   // not const: the ways get their nodes' positions
        auto handler = manager->handler([this](osmium::memory::Buffer&& areas) { osmium::apply(areas, *collector); });
        for (osmium::memory::Item& item : buffer) osmium::apply_item(item, *locations, *collector, handler);
    }

    // One pass over the file for `entities`, each decoded buffer to `visit`: XML at once (its parser runs to the
    // end), PBF a blob at a time until `late()`. True when the pass has read the whole file.
    template <typename Visit, typename Late>
    bool pass(osmium::osm_entity_bits::type entities, osmium::io::read_meta meta, Visit& visit, Late& late) {
        if (encoding == Encoding::xml) {
            for (osmium::memory::Buffer& b : parseXml(bytes, entities)) eachBuffer(b, visit);
            return true;
        }
        std::string type, blob;
        while (!late()) {
            if (!blobs->next(type, blob)) return true;
            if (type != "OSMData") continue;
            osmium::memory::Buffer b = osmium::io::detail::PBFDataBlobDecoder{std::move(blob), entities, meta}();
            eachBuffer(b, visit);
        }
        return false;
    }

    // Some work, about `budgetMs` of it; false when something went wrong (error holds why).
    void step(double budgetMs) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(int64_t(budgetMs * 1000));
        auto late = [&] { return std::chrono::steady_clock::now() >= until; };
        if (stage == Stage::decompress) {
            if (decompressor) {
                while (!late()) {
                    std::string chunk = decompressor->read();
                    if (chunk.empty()) { decompressor.reset(); break; }
                    decompressed += chunk;
                    if (maxBytes && decompressed.size() > maxBytes) {
                        char msg[200];
                        std::snprintf(msg, sizeof msg, "it is more than %.0f MB once decompressed, more than a browser tab "
                                      "converts: cut it to your sensors' area (osmium extract), or convert it with bukchon-map",
                                      double(maxBytes) / 1e6);
                        error = LoadError{name, 0, 0, "", msg};
                        return;
                    }
                }
                if (decompressor) return;
                bytes = std::move(decompressed);
                decompressed = std::string();
            }
            encoding = encodingOf(bytes);
            if (encoding == Encoding::unknown) {
                error = readError(name, "it is neither XML (<osm …>) nor PBF (an OSMHeader blob first)");
                return;
            }
            if (encoding == Encoding::pbf) {
                blobs = std::make_unique<PbfBlobs>(bytes);
                std::string type, blob;
                if (!blobs->next(type, blob) || type != "OSMHeader") throw osmium::pbf_error{"the first blob is not an OSMHeader"};
                osmium::io::detail::decode_header(blob);   // checks the features it needs are ones libosmium reads
            }
            stage = Stage::relations;
        }
        auto relations = [this](osmium::memory::Buffer& b) {
            for (const osmium::Relation& r : b.select<osmium::Relation>()) manager->relation(r);
        };
        auto objects = [this](osmium::memory::Buffer& b) { secondPass(b); };
        if (stage == Stage::relations) {
            if (!pass(osmium::osm_entity_bits::relation, osmium::io::read_meta::no, relations, late)) return;
            stage = Stage::prepare;
        }
        if (stage == Stage::prepare) {
            manager->prepare_for_lookup();
            if (encoding == Encoding::pbf) {
                blobs = std::make_unique<PbfBlobs>(bytes);
                std::string type, blob;
                blobs->next(type, blob);  // the header, read above
            }
            stage = Stage::objects;
            if (late()) return;
        }
        if (stage == Stage::objects) {
            if (pass(osmium::osm_entity_bits::object, osmium::io::read_meta::yes, objects, late)) stage = Stage::done;
            if (stage == Stage::done) {
                auto handler = manager->handler([this](osmium::memory::Buffer&& areas) { osmium::apply(areas, *collector); });
                handler.flush();
                bytes = std::string();
            }
        }
    }

    double progress() const {
        if (stage == Stage::done) return 1;
        if (stage == Stage::decompress)
            return decompressor ? 0.1 * std::min(1.0, double(decompressed.size()) / double(std::max<size_t>(1, compressedSize * 8))) : 0.1;
        const double read = blobs ? double(blobs->offset()) / double(std::max<size_t>(1, bytes.size())) : 0;
        if (stage == Stage::relations) return 0.1 + 0.2 * read;
        if (stage == Stage::prepare) return 0.3;
        return 0.3 + 0.7 * read;
    }
};

OsmReader::OsmReader(std::string bytes, std::string displayName, size_t maxBytes)
    : impl_(std::make_unique<Impl>(std::move(bytes), std::move(displayName), maxBytes)) {}
OsmReader::~OsmReader() = default;

bool OsmReader::step(double budgetMs) {
    if (impl_->error || impl_->stage == Impl::Stage::done) return true;
    try {
        impl_->step(budgetMs);
    } catch (const std::exception& e) {
        impl_->error = readError(impl_->name, e.what());
    }
    return impl_->error || impl_->stage == Impl::Stage::done;
}

double OsmReader::progress() const { return impl_->progress(); }

Result<OsmInput> OsmReader::finish() {
    while (!step(1e9)) {}
    if (impl_->error) return *impl_->error;
    OsmInput out = std::move(impl_->out);
    if (out.ways.empty() && out.nodes.empty()) {
        LoadError err;
        err.file = impl_->name;
        err.message = "no OpenStreetMap ways or tagged nodes in it";
        return err;
    }
    // Areas come out of the assembler in the order their last member was seen: sort them for a stable output.
    std::stable_sort(out.areas.begin(), out.areas.end(), [](const OsmArea& a, const OsmArea& b) {
        return a.fromRelation != b.fromRelation ? !a.fromRelation : a.id < b.id;
    });
    return out;
}

Result<OsmInput> readOsmBytes(const std::string& bytes, const std::string& format, const std::string& displayName) {
    (void)format;  // the content says what it is (gzip, bzip2, PBF or XML); the name is only for messages
    return OsmReader(bytes, displayName.empty() ? format : displayName).finish();
}

Result<OsmInput> readOsmFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return LoadError{path, 0, 0, "", "cannot open it"};
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return OsmReader(std::move(bytes), path).finish();
}

}  // namespace bk
