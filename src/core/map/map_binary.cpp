// map_binary.cpp — the binary map (.bkm, "BKMB" v3 columnar; v1 and v2 still read): writer and checked reader; the
// layout is in docs/formats.md ("Binary map").
//
// Version 3 (written): header · strings · features · other names · shapes · positions. Bytes in and out (varints,
// the checked Reader) are in map_binary_bytes.hpp, the reader of versions 1 and 2 in map_binary_v2.cpp.
//
// Version 3 keeps like with like, so gzip finds its repeats: fixed 44-byte feature records whose strings are
// references into one table of distinct strings (in order of first use, each front-coded against the one before),
// the counts of rings and positions in a column of u32, and every position of the map in one stream at the file's
// own number of decimals (the fewest that give every position back exactly): a new position as zigzag varint
// differences from the previous one, a repeated one (half of a city's: junctions, block corners on streets) by its
// number among the new ones.
#include "map_binary.hpp"

#include "binary_format.hpp"
#include "map_binary_bytes.hpp"

#include <cmath>
#include <cstring>
#include <unordered_map>

namespace bk {

using bkm::Field;
using bkm::putFixedFields;
using bkm::readFixedFields;
using bkm::Reader;
using bkm::Writer;

namespace {

constexpr char kMagic[4] = {'B', 'K', 'M', 'B'};
constexpr size_t kHeaderBytes = 32;     // versions 1 and 2
constexpr size_t kHeaderBytesV3 = 96;
constexpr uint16_t kVersion = 3;        // written
constexpr uint16_t kOldestVersion = 1;  // still read (1: i32 positions; 2: varint differences, records interleaved)
constexpr size_t kFeatureBytes = 44;    // a version 3 feature record
constexpr uint32_t kNextString = 0xFFFFFFFF;  // a v3 string reference: the table's next string, used here first
constexpr int kMaxDecimals = 7;         // OpenStreetMap's precision, and what the GeoJSON writer keeps
constexpr double kPowersOfTen[kMaxDecimals + 1] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7};

// ---- version 3: columnar sections ------------------------------------------------------------------------------

enum Section { kStrings, kFeatures, kNames, kShapes, kPositions, kSectionCount };
const char* const kSectionNames[kSectionCount] = {"strings", "features", "names", "shapes", "positions"};

// The fewest decimals (0–7) at which every coordinate of the map comes back as the same double; 7 when none do
// (what the GeoJSON writer keeps, so the twin still loads to the same map).
int positionDecimals(const MapData& map) {
    int d = 0;
    auto fits = [](double v, int decimals) {
        return double(std::llround(v * kPowersOfTen[decimals])) / kPowersOfTen[decimals] == v;
    };
    auto see = [&](const LatLon& p) {
        while (d < kMaxDecimals && !(fits(p.lon, d) && fits(p.lat, d))) ++d;
    };
    for (const MapFeature& f : map.features) {
        for (const auto& poly : f.polygons)
            for (const Ring& r : poly)
                for (const LatLon& p : r) see(p);
        for (const Ring& l : f.lines)
            for (const LatLon& p : l) see(p);
        for (const LatLon& p : f.points) see(p);
    }
    return d;
}

// The writer's string table: each distinct string once, in order of first use.
struct StringTable {
    std::unordered_map<std::string, uint32_t> index;  // string → its 1-based number
    std::vector<const std::string*> order;
    uint32_t ref(const std::string& s) {
        if (s.empty()) return 0;
        auto [it, fresh] = index.emplace(s, uint32_t(index.size() + 1));
        if (!fresh) return it->second;
        order.push_back(&it->first);
        return kNextString;
    }
};

}  // namespace

bool looksLikeBinaryMap(std::string_view bytes) { return bytes.size() >= 4 && std::memcmp(bytes.data(), kMagic, 4) == 0; }

std::string writeBinaryMap(const MapData& map) {
    const int decimals = positionDecimals(map);
    const double scale = kPowersOfTen[decimals];
    StringTable table;
    Writer features, names, shapes, positions;
    uint32_t nameCount = 0, shapeCount = 0, positionCount = 0;
    // Positions: new ones as differences from the previous position, repeats (a junction's node, a block's corner
    // on a street) by their number among the new ones, as a difference from the last repeat's (docs/formats.md).
    int64_t lastLon = 0, lastLat = 0, lastRepeat = -1;
    std::unordered_map<uint64_t, int64_t> numbers;  // a position (lon, lat as 32-bit integers) → its number
    auto pos = [&](const LatLon& p) {
        using W = Writer;
        const int64_t lon = std::llround(p.lon * scale), lat = std::llround(p.lat * scale);
        const uint64_t key = (uint64_t(uint32_t(int32_t(lon))) << 32) | uint32_t(int32_t(lat));
        auto [it, fresh] = numbers.emplace(key, int64_t(numbers.size()));
        if (fresh) {
            positions.uvarint(W::zigzag(lon - lastLon) << 1);
            positions.varint(lat - lastLat);
        } else {
            positions.uvarint(W::zigzag(it->second - (lastRepeat + 1)) << 1 | 1);
            lastRepeat = it->second;
        }
        lastLon = lon;
        lastLat = lat;
        ++positionCount;
    };
    auto ring = [&](const Ring& r) {
        shapes.put<uint32_t>(uint32_t(r.size()));
        ++shapeCount;
        for (const LatLon& p : r) pos(p);
    };
    uint32_t mapStrings[5];
    int i = 0;
    for (const std::string* s : {&map.name, &map.nameKo, &map.attribution, &map.license, &map.source})
        mapStrings[i++] = table.ref(*s);
    for (const MapFeature& f : map.features) {
        putFixedFields(features, f);
        for (const std::string* s : {&f.cls, &f.name, &f.nameEn, &f.nameKo, &f.osmId}) features.put<uint32_t>(table.ref(*s));
        features.put<uint32_t>(uint32_t(f.names.size()));
        features.put<uint32_t>(uint32_t(f.polygons.size()));
        features.put<uint32_t>(uint32_t(f.lines.size()));
        features.put<uint32_t>(uint32_t(f.points.size()));
        for (const auto& [lang, name] : f.names) {
            names.put<uint32_t>(table.ref(lang));
            names.put<uint32_t>(table.ref(name));
            ++nameCount;
        }
        for (const auto& poly : f.polygons) {
            shapes.put<uint32_t>(uint32_t(poly.size()));
            ++shapeCount;
            for (const Ring& r : poly) ring(r);
        }
        for (const Ring& l : f.lines) ring(l);
        for (const LatLon& p : f.points) pos(p);
    }
    // Strings front-coded: the bytes shared with the previous string, then the rest (osm ids share their prefix).
    Writer strings;
    const std::string empty;
    const std::string* previous = &empty;
    for (const std::string* s : table.order) {
        size_t shared = 0;
        while (shared < s->size() && shared < previous->size() && (*s)[shared] == (*previous)[shared]) ++shared;
        strings.uvarint(shared);
        strings.uvarint(s->size() - shared);
        strings.out.append(*s, shared, std::string::npos);
        previous = s;
    }

    Writer w;
    w.out.append(kMagic, 4);
    w.put<uint16_t>(kVersion);
    w.put<uint16_t>(uint16_t(kHeaderBytesV3));
    w.put<uint64_t>(0);  // file bytes, set below
    w.put<uint64_t>(0);  // checksum, set below
    w.put<uint32_t>(uint32_t(map.features.size()));
    w.put<uint32_t>(map.noded ? 1u : 0u);
    w.put<uint8_t>(uint8_t(decimals));
    w.out.append(3, '\0');
    for (uint32_t ref : mapStrings) w.put<uint32_t>(ref);
    for (uint32_t n : {uint32_t(table.order.size()), nameCount, shapeCount, positionCount}) w.put<uint32_t>(n);
    const Writer* sections[kSectionCount] = {&strings, &features, &names, &shapes, &positions};
    size_t offset = kHeaderBytesV3;
    for (const Writer* s : sections) {
        w.put<uint32_t>(uint32_t(offset));
        offset += s->out.size();
    }
    w.put<uint32_t>(0);
    for (const Writer* s : sections) w.out += s->out;
    uint64_t size = w.out.size();
    std::memcpy(&w.out[8], &size, 8);
    uint64_t sum = binaryChecksum(reinterpret_cast<const uint8_t*>(w.out.data()) + 24, w.out.size() - 24);
    std::memcpy(&w.out[16], &sum, 8);
    return w.out;
}

namespace {

// Version 3's reader: the header's counts and offsets, the string table, then the features, taking their other
// names, shapes and positions from the other sections in step.
class ColumnReader {
public:
    ColumnReader(std::string_view bytes, const std::string& file)
        : bytes_(bytes), head_(bytes, file), strings_(bytes, file), features_(bytes, file), names_(bytes, file),
          shapes_(bytes, file), positions_(bytes, file) {}

    Result<MapData> read() {
        MapData map;
        if (!readHeader(map) || !readStrings()) return error();
        head_.seek(36);
        for (std::string* s : {&map.name, &map.nameKo, &map.attribution, &map.license, &map.source})
            if (!string(head_, *s, "header.strings")) return error();
        map.features.resize(featureCount_);
        for (uint32_t k = 0; k < featureCount_; ++k)
            if (!readFeature(map.features[k], Field("features", k))) return error();
        if (used_ != table_.size())
            strings_.fail("strings", std::to_string(table_.size() - used_) + " of " + std::to_string(table_.size()) +
                                         " strings are never used");
        for (auto [r, s] : {std::pair{&names_, kNames}, {&shapes_, kShapes}, {&positions_, kPositions}})
            if (r->left() != 0) r->fail(kSectionNames[s], "bytes left after the last feature's");
        if (positionsRead_ != positionCount_)
            head_.fail("header.positionCount", "the header says " + std::to_string(positionCount_) +
                                                   " positions, the features have " + std::to_string(positionsRead_));
        if (!error().message.empty()) return error();
        return map;
    }

private:
    LoadError error() const {
        for (const Reader* r : {&head_, &strings_, &features_, &names_, &shapes_, &positions_})
            if (!r->ok()) return r->error();
        return {};
    }

    bool readHeader(MapData& map) {
        uint16_t headerBytes = 0;
        uint32_t flags = 0, stringCount = 0, nameCount = 0, shapeCount = 0, reserved = 0;
        uint8_t decimals = 0;
        uint32_t offsets[kSectionCount + 1];
        head_.seek(6);
        head_.get(headerBytes, "header.headerBytes");
        if (head_.ok() && bytes_.size() < kHeaderBytesV3) return head_.fail("header", "the file ends early: it is truncated");
        if (headerBytes != kHeaderBytesV3)
            return head_.fail("header.headerBytes", "expected a " + std::to_string(kHeaderBytesV3) + "-byte header, got " +
                                                        std::to_string(headerBytes));
        head_.seek(24);
        head_.get(featureCount_, "header.featureCount");
        head_.get(flags, "header.flags");
        head_.get(decimals, "header.decimals");
        if (head_.ok() && decimals > kMaxDecimals)
            return head_.fail("header.decimals", "expected 0…7 decimals, got " + std::to_string(decimals));
        decimals_ = decimals;
        map.noded = flags & 1;
        head_.seek(56);
        head_.get(stringCount, "header.stringCount");
        head_.get(nameCount, "header.nameCount");
        head_.get(shapeCount, "header.shapeCount");
        head_.get(positionCount_, "header.positionCount");
        for (int s = 0; s < kSectionCount; ++s) head_.get(offsets[s], std::string("header.offsets.") + kSectionNames[s]);
        head_.get(reserved, "header");
        if (!head_.ok()) return false;
        offsets[kSectionCount] = uint32_t(bytes_.size());
        // Sections follow each other in this order from the header to the end of the file.
        if (offsets[0] != kHeaderBytesV3) {
            head_.seek(72);
            return head_.fail("header.offsets.strings", "expected the strings at byte 96, got " + std::to_string(offsets[0]));
        }
        for (int s = 1; s < kSectionCount; ++s)
            if (offsets[s] < offsets[s - 1] || offsets[s] > bytes_.size()) {
                head_.seek(72 + 4 * size_t(s));
                return head_.fail(std::string("header.offsets.") + kSectionNames[s],
                                  "offset " + std::to_string(offsets[s]) + " is outside " + std::to_string(offsets[s - 1]) + "…" +
                                      std::to_string(bytes_.size()));
            }
        auto sized = [&](Section s, uint64_t count, size_t itemBytes, const char* what) {
            const uint64_t bytes = offsets[s + 1] - offsets[s];
            if (count * itemBytes == bytes) return true;
            head_.seek(offsets[s]);
            return head_.fail(kSectionNames[s], std::to_string(count) + " " + what + " take " + std::to_string(count * itemBytes) +
                                                    " bytes, the section has " + std::to_string(bytes));
        };
        if (!sized(kFeatures, featureCount_, kFeatureBytes, "features") || !sized(kNames, nameCount, 8, "names") ||
            !sized(kShapes, shapeCount, 4, "shape counts"))
            return false;
        // Each string takes at least 2 bytes, each position 1 (a repeat can be a one-byte varint).
        auto fits = [&](Section s, uint64_t count, const char* field) {
            if (count * (s == kStrings ? 2 : 1) <= offsets[s + 1] - offsets[s]) return true;
            head_.seek(56 + (s == kStrings ? 0 : 12));
            return head_.fail(field, "a count of " + std::to_string(count) + " runs past the end of the " + kSectionNames[s]);
        };
        if (!fits(kStrings, stringCount, "header.stringCount") || !fits(kPositions, positionCount_, "header.positionCount"))
            return false;
        stringCount_ = stringCount;
        distinct_.reserve(positionCount_);
        Reader* readers[kSectionCount] = {&strings_, &features_, &names_, &shapes_, &positions_};
        for (int s = 0; s < kSectionCount; ++s) readers[s]->section(offsets[s], offsets[s + 1]);
        return true;
    }

    bool readStrings() {
        table_.reserve(stringCount_);
        for (uint32_t i = 0; i < stringCount_; ++i) {
            const Field field("strings", i);
            uint64_t shared = 0, rest = 0;
            if (!strings_.uvarint(shared, 5, field, "a length") || !strings_.uvarint(rest, 5, field, "a length")) return false;
            if (shared > (i ? table_.back().size() : 0))
                return strings_.fail(field, "shares " + std::to_string(shared) + " bytes with a string of " +
                                                std::to_string(i ? table_.back().size() : 0));
            if (rest > strings_.left()) return strings_.fail(field, "a length of " + std::to_string(rest) + " runs past the end of the strings");
            if (shared + rest == 0) return strings_.fail(field, "an empty string (the empty string is reference 0)");
            std::string s = i ? table_.back().substr(0, shared) : std::string();
            strings_.bytes(s, rest);
            table_.push_back(std::move(s));
        }
        if (strings_.left() != 0) return strings_.fail("strings", "bytes left after the last string");
        return true;
    }

    // A string reference: 0 the empty string, kNextString the table's next unused string, otherwise a string
    // already used (1-based).
    bool string(Reader& r, std::string& out, const Field& field) {
        uint32_t ref = 0;
        if (!r.get(ref, field)) return false;
        if (ref == 0) return true;
        if (ref == kNextString) {
            if (used_ == table_.size()) {
                r.seek(r.at() - 4);
                return r.fail(field, "refers to the next string, but all " + std::to_string(table_.size()) + " are used");
            }
            out = table_[used_++];
            return true;
        }
        if (ref > used_) {
            r.seek(r.at() - 4);
            return r.fail(field, "string reference " + std::to_string(ref) + " is not one of the " + std::to_string(used_) +
                                     " strings used so far");
        }
        out = table_[ref - 1];
        return true;
    }

    // A count from the shapes section: at least `least`, and never more than the section or the positions can hold.
    bool shapeCount(uint32_t& n, uint32_t least, size_t bytesEach, const Reader& target, const Field& field) {
        if (!shapes_.get(n, field)) return false;
        if (n < least || uint64_t(n) * bytesEach > target.left()) {
            shapes_.seek(shapes_.at() - 4);
            return shapes_.fail(field, n < least ? "expected at least " + std::to_string(least) + ", got " + std::to_string(n)
                                                 : "a count of " + std::to_string(n) + " runs past the end of the " +
                                                       (&target == &positions_ ? "positions" : "shapes"));
        }
        return true;
    }

    // A position: a varint whose low bit says which kind. 0: a new position, the rest of it and a second varint the
    // zigzag differences of longitude and latitude from the previous position. 1: a repeat of a position already
    // read as new, the rest of it the zigzag difference of its number (in the order new positions came) from the
    // last repeat's number + 1.
    bool position(LatLon& p, const Field& field) {
        uint64_t z = 0;
        if (!positions_.uvarint(z, 5, field, "a position's difference")) return false;
        const int64_t d = int64_t(z >> 2) ^ -int64_t((z >> 1) & 1);
        if (z & 1) {
            const int64_t n = lastRepeat_ + 1 + d;
            if (n < 0 || n >= int64_t(distinct_.size())) {
                positions_.seek(positions_.at() - 1);
                return positions_.fail(field, "repeats position " + std::to_string(n) + " of the " +
                                                  std::to_string(distinct_.size()) + " read so far");
            }
            lastRepeat_ = n;
            last_ = distinct_[size_t(n)];
        } else {
            int64_t dLat = 0;
            if (!positions_.difference(dLat, field)) return false;
            const std::pair<int64_t, int64_t> next{last_.first + d, last_.second + dLat};
            const double scale = kPowersOfTen[decimals_];
            if (std::llabs(next.first) > int64_t(180 * scale) || std::llabs(next.second) > int64_t(90 * scale))
                return positions_.fail(field, "position out of range (longitude −180…180, latitude −90…90)");
            last_ = next;
            distinct_.push_back(next);
        }
        // IEEE division: the very double strtod makes of the position's decimal text.
        p = {double(last_.second) / kPowersOfTen[decimals_], double(last_.first) / kPowersOfTen[decimals_]};
        return true;
    }

    bool positions(Ring& r, uint32_t n, const Field& field) {
        r.resize(n);
        for (uint32_t i = 0; i < n; ++i)
            if (!position(r[i], field)) return false;
        positionsRead_ += n;
        return true;
    }

    bool readFeature(MapFeature& f, const Field& field) {
        if (!readFixedFields(features_, f, field)) return false;
        for (std::string* s : {&f.cls, &f.name, &f.nameEn, &f.nameKo, &f.osmId})
            if (!string(features_, *s, field.with(".names"))) return false;
        uint32_t names = 0, polygons = 0, lines = 0, points = 0;
        features_.get(names, field.with(".names"));
        features_.get(polygons, field.with(".polygons"));
        features_.get(lines, field.with(".lines"));
        features_.get(points, field.with(".points"));
        if (!features_.ok()) return false;
        // Each count against what its section has left (a name pair 8 bytes, a polygon 8, a line 4, a point 2);
        // `back`: how far before the record's end the count is.
        auto tooMany = [&](uint32_t n, uint64_t bytesEach, const Reader& target, size_t back, const char* part) {
            if (n * bytesEach <= target.left()) return false;
            features_.seek(features_.at() - back);
            features_.fail(field.with(part), "a count of " + std::to_string(n) + " runs past the end of the " +
                                                   (&target == &names_ ? "names" : &target == &shapes_ ? "shapes" : "positions"));
            return true;
        };
        if (tooMany(names, 8, names_, 16, ".names") || tooMany(polygons, 8, shapes_, 12, ".polygons") ||
            tooMany(lines, 4, shapes_, 8, ".lines") || tooMany(points, 1, positions_, 4, ".points"))
            return false;
        for (uint32_t i = 0; i < names; ++i) {
            std::string lang, name;
            if (!string(names_, lang, field.with(".names")) || !string(names_, name, field.with(".names"))) return false;
            f.names.emplace_back(std::move(lang), std::move(name));
        }
        f.polygons.resize(polygons);
        for (auto& poly : f.polygons) {
            uint32_t rings = 0;
            if (!shapeCount(rings, 1, 4, shapes_, field.with(".polygons"))) return false;
            poly.resize(rings);
            for (Ring& r : poly) {
                uint32_t n = 0;
                if (!shapeCount(n, 3, 1, positions_, field.with(".polygons")) || !positions(r, n, field.with(".polygons"))) return false;
            }
        }
        f.lines.resize(lines);
        for (Ring& l : f.lines) {
            uint32_t n = 0;
            if (!shapeCount(n, 2, 1, positions_, field.with(".lines")) || !positions(l, n, field.with(".lines"))) return false;
        }
        return positions(f.points, points, field.with(".points"));
    }

    std::string_view bytes_;
    Reader head_, strings_, features_, names_, shapes_, positions_;
    uint32_t featureCount_ = 0, stringCount_ = 0, positionCount_ = 0;
    uint64_t positionsRead_ = 0;
    int decimals_ = 0;
    std::vector<std::pair<int64_t, int64_t>> distinct_;  // the positions read as new, in order (lon, lat × 10^d)
    std::pair<int64_t, int64_t> last_{0, 0};              // the previous position
    int64_t lastRepeat_ = -1;                             // the number of the last repeated position
    std::vector<std::string> table_;
    size_t used_ = 0;  // strings of the table referred to so far (they are used in order)
};

}  // namespace

Result<MapData> loadBinaryMap(std::string_view bytes, const std::string& fileName) {
    Reader r(bytes, fileName);
    auto fail = [&](const char* field, const std::string& what) { r.fail(field, what); return r.error(); };
    if (bytes.size() < kHeaderBytes || !looksLikeBinaryMap(bytes)) return fail("header", "not a binary map (expected \"BKMB\")");
    r.seek(4);
    uint16_t version = 0, reserved = 0;
    uint64_t fileBytes = 0, checksum = 0;
    r.get(version, "header.version");
    r.get(reserved, "header");
    r.get(fileBytes, "header.fileBytes");
    r.get(checksum, "header.checksum");
    if (version < kOldestVersion || version > kVersion)
        return fail("header.version", "version " + std::to_string(version) + " is not supported (this viewer reads 1, 2 and 3)");
    if (fileBytes != bytes.size())
        return fail("header.fileBytes", "the file is " + std::to_string(bytes.size()) + " bytes, its header says " +
                                            std::to_string(fileBytes) + ": it is truncated or padded");
    if (binaryChecksum(reinterpret_cast<const uint8_t*>(bytes.data()) + 24, bytes.size() - 24) != checksum)
        return fail("header.checksum", "checksum mismatch: the file is damaged");
    if (version >= 3) return ColumnReader(bytes, fileName).read();
    r.packed = version >= 2;
    return bkm::readRecords(r, bytes.size());
}

}  // namespace bk
