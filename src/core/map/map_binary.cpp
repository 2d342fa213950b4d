// map_binary.cpp — the binary map (.bkm, "BKMB" v2, v1 still read): writer and checked reader; the layout is in
// docs/formats.md.
//
// Layout (little-endian, read front to back): header (32 bytes) · the map's five strings · features.
//   string  = u32 length, UTF-8 bytes
//   feature = u8 kind, i8 oneway, i8 layer, u8 flags (1 tunnel, 2 bridge, 4 no vehicles), f32 width_m,
//             strings class, name, name_en, name_ko, osm_id, u32 n + n × (language, name),
//             u32 polygons + each (u32 rings + each (u32 n + n positions)), u32 lines + each (u32 n + n positions),
//             u32 points + n positions
//   position = lon × 10⁷ and lat × 10⁷ as integers (the seven decimals the GeoJSON carries: the same doubles back):
//              v1 two i32; v2 two zigzag varints, each the difference from the file's previous position (0, 0
//              before the first), so neighbouring vertices take 2–3 bytes a coordinate and gzip well.
#include "map_binary.hpp"

#include "binary_format.hpp"

#include <cmath>
#include <cstring>

namespace bk {

namespace {

constexpr char kMagic[4] = {'B', 'K', 'M', 'B'};
constexpr size_t kHeaderBytes = 32;
constexpr uint16_t kVersion = 2;        // written
constexpr uint16_t kOldestVersion = 1;  // still read (i32 positions)
constexpr int kKindCount = int(MapKind::poi) + 1;

struct Writer {
    std::string out;
    template <class T> void put(T v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void str(const std::string& s) {
        put<uint32_t>(uint32_t(s.size()));
        out += s;
    }
    int64_t lastLon = 0, lastLat = 0;  // the previous position written (v2's differences)
    void varint(int64_t d) {
        uint64_t z = (uint64_t(d) << 1) ^ uint64_t(d >> 63);
        while (z >= 0x80) {
            out += char(uint8_t(z) | 0x80);
            z >>= 7;
        }
        out += char(uint8_t(z));
    }
    void pos(const LatLon& p) {
        const int64_t lon = int32_t(std::llround(p.lon * 1e7)), lat = int32_t(std::llround(p.lat * 1e7));
        varint(lon - lastLon);
        varint(lat - lastLat);
        lastLon = lon;
        lastLat = lat;
    }
    void ring(const Ring& r) {
        put<uint32_t>(uint32_t(r.size()));
        for (const LatLon& p : r) pos(p);
    }
};

class Reader {
public:
    Reader(std::string_view bytes, const std::string& file) : p_(reinterpret_cast<const uint8_t*>(bytes.data())),
                                                               n_(bytes.size()), file_(file) {}
    bool ok() const { return error_.message.empty(); }
    const LoadError& error() const { return error_; }
    size_t at() const { return at_; }
    void seek(size_t at) { at_ = at; }

    bool fail(const std::string& field, const std::string& what) {
        if (ok()) error_ = LoadError{file_, 0, 0, field, what + " (byte " + std::to_string(at_) + ")"};
        return false;
    }
    template <class T> bool get(T& v, const std::string& field) {
        if (!ok()) return false;
        if (n_ - at_ < sizeof v) return fail(field, "the file ends early: it is truncated");
        std::memcpy(&v, p_ + at_, sizeof v);
        at_ += sizeof v;
        return true;
    }
    // A count of items of at least `minBytes` each: never more than the bytes left could hold.
    bool count(uint32_t& c, size_t minBytes, const std::string& field) {
        if (!get(c, field)) return false;
        if (size_t(c) * minBytes > n_ - at_) return fail(field, "a count of " + std::to_string(c) + " runs past the end of the file");
        return true;
    }
    bool str(std::string& s, const std::string& field) {
        uint32_t len = 0;
        if (!count(len, 1, field)) return false;
        s.assign(reinterpret_cast<const char*>(p_ + at_), len);
        at_ += len;
        return true;
    }
    bool packed = true;  // v2 positions (varint differences); v1: two i32
    bool pos(LatLon& p, const std::string& field) {
        int64_t lon = 0, lat = 0;
        if (packed) {
            int64_t dLon = 0, dLat = 0;
            if (!varint(dLon, field) || !varint(dLat, field)) return false;
            lon = lastLon_ + dLon;
            lat = lastLat_ + dLat;
            if (std::llabs(lon) > 1800000000 || std::llabs(lat) > 900000000)
                return fail(field, "position out of range (longitude −180…180, latitude −90…90)");
            lastLon_ = lon;
            lastLat_ = lat;
        } else {
            int32_t lon32 = 0, lat32 = 0;
            if (!get(lon32, field) || !get(lat32, field)) return false;
            lon = lon32;
            lat = lat32;
        }
        p = {double(lat) / 1e7, double(lon) / 1e7};
        if (std::fabs(p.lat) > 90 || std::fabs(p.lon) > 180)
            return fail(field, "position out of range (longitude −180…180, latitude −90…90)");
        return true;
    }
    bool ring(Ring& r, size_t minPoints, const std::string& field) {
        uint32_t c = 0;
        if (!count(c, packed ? 2 : 8, field)) return false;
        if (c < minPoints) return fail(field, "expected at least " + std::to_string(minPoints) + " positions, got " + std::to_string(c));
        r.resize(c);
        for (uint32_t i = 0; i < c; ++i)
            if (!pos(r[i], field)) return false;
        return true;
    }

private:
    // A zigzag varint (at most 10 bytes; a v2 coordinate's difference fits in 5).
    bool varint(int64_t& v, const std::string& field) {
        uint64_t z = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (at_ >= n_) return fail(field, "the file ends early: it is truncated");
            const uint8_t b = p_[at_++];
            z |= uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                v = int64_t(z >> 1) ^ -int64_t(z & 1);
                return true;
            }
        }
        return fail(field, "a position's difference is longer than 5 bytes");
    }

    const uint8_t* p_;
    int64_t lastLon_ = 0, lastLat_ = 0;
    size_t n_, at_ = 0;
    std::string file_;
    LoadError error_;
};

}  // namespace

bool looksLikeBinaryMap(std::string_view bytes) { return bytes.size() >= 4 && std::memcmp(bytes.data(), kMagic, 4) == 0; }

std::string writeBinaryMap(const MapData& map) {
    Writer w;
    w.out.append(kMagic, 4);
    w.put<uint16_t>(kVersion);
    w.put<uint16_t>(0);
    w.put<uint64_t>(0);  // file bytes, set below
    w.put<uint64_t>(0);  // checksum, set below
    w.put<uint32_t>(uint32_t(map.features.size()));
    w.put<uint32_t>(map.noded ? 1u : 0u);
    for (const std::string* s : {&map.name, &map.nameKo, &map.attribution, &map.license, &map.source}) w.str(*s);
    for (const MapFeature& f : map.features) {
        w.put<uint8_t>(uint8_t(f.kind));
        w.put<int8_t>(int8_t(f.oneway));
        w.put<int8_t>(int8_t(f.layer));
        w.put<uint8_t>(uint8_t((f.tunnel ? 1 : 0) | (f.bridge ? 2 : 0) | (f.noVehicles ? 4 : 0)));
        w.put<float>(float(f.widthM));
        for (const std::string* s : {&f.cls, &f.name, &f.nameEn, &f.nameKo, &f.osmId}) w.str(*s);
        w.put<uint32_t>(uint32_t(f.names.size()));
        for (const auto& [lang, name] : f.names) { w.str(lang); w.str(name); }
        w.put<uint32_t>(uint32_t(f.polygons.size()));
        for (const auto& poly : f.polygons) {
            w.put<uint32_t>(uint32_t(poly.size()));
            for (const Ring& r : poly) w.ring(r);
        }
        w.put<uint32_t>(uint32_t(f.lines.size()));
        for (const Ring& l : f.lines) w.ring(l);
        w.ring(f.points);
    }
    uint64_t size = w.out.size();
    std::memcpy(&w.out[8], &size, 8);
    uint64_t sum = binaryChecksum(reinterpret_cast<const uint8_t*>(w.out.data()) + 24, w.out.size() - 24);
    std::memcpy(&w.out[16], &sum, 8);
    return w.out;
}

Result<MapData> loadBinaryMap(std::string_view bytes, const std::string& fileName) {
    Reader r(bytes, fileName);
    auto fail = [&](const char* field, const std::string& what) { r.fail(field, what); return r.error(); };
    if (bytes.size() < kHeaderBytes || !looksLikeBinaryMap(bytes)) return fail("header", "not a binary map (expected \"BKMB\")");
    r.seek(4);
    uint16_t version = 0, reserved = 0;
    uint64_t fileBytes = 0, checksum = 0;
    uint32_t features = 0, flags = 0;
    r.get(version, "header.version");
    r.get(reserved, "header");
    r.get(fileBytes, "header.fileBytes");
    r.get(checksum, "header.checksum");
    if (version < kOldestVersion || version > kVersion)
        return fail("header.version", "version " + std::to_string(version) + " is not supported (this viewer reads 1 and 2)");
    r.packed = version >= 2;
    if (fileBytes != bytes.size())
        return fail("header.fileBytes", "the file is " + std::to_string(bytes.size()) + " bytes, its header says " +
                                            std::to_string(fileBytes) + ": it is truncated or padded");
    if (binaryChecksum(reinterpret_cast<const uint8_t*>(bytes.data()) + 24, bytes.size() - 24) != checksum)
        return fail("header.checksum", "checksum mismatch: the file is damaged");
    MapData map;
    r.count(features, 44, "header.featureCount");  // a feature takes at least 44 bytes (4 + 4 + 5 strings + 4 counts)
    r.get(flags, "header.flags");
    map.noded = flags & 1;
    for (std::string* s : {&map.name, &map.nameKo, &map.attribution, &map.license, &map.source}) r.str(*s, "header.strings");
    if (!r.ok()) return r.error();
    map.features.reserve(features);
    for (uint32_t k = 0; k < features && r.ok(); ++k) {
        const std::string field = "features[" + std::to_string(k) + "]";
        MapFeature f;
        uint8_t kind = 0, fl = 0;
        int8_t oneway = 0, layer = 0;
        float width = 0;
        r.get(kind, field + ".kind");
        r.get(oneway, field + ".oneway");
        r.get(layer, field + ".layer");
        r.get(fl, field + ".flags");
        r.get(width, field + ".width_m");
        if (!r.ok()) break;
        if (kind >= kKindCount) return fail("kind", field + ": unknown kind " + std::to_string(kind));
        if (oneway < -1 || oneway > 1 || layer < -9 || layer > 9 || !(width >= 0 && width <= 200))
            return fail("properties", field + ": oneway, layer or width out of range");
        f.kind = MapKind(kind);
        f.oneway = oneway;
        f.layer = layer;
        f.tunnel = fl & 1;
        f.bridge = fl & 2;
        f.noVehicles = fl & 4;
        f.widthM = width;
        for (std::string* s : {&f.cls, &f.name, &f.nameEn, &f.nameKo, &f.osmId}) r.str(*s, field + ".names");
        uint32_t n = 0;
        if (r.count(n, 8, field + ".names"))
            for (uint32_t i = 0; i < n && r.ok(); ++i) {
                std::string lang, name;
                r.str(lang, field + ".names");
                r.str(name, field + ".names");
                f.names.emplace_back(std::move(lang), std::move(name));
            }
        if (r.count(n, 4, field + ".polygons"))
            for (uint32_t i = 0; i < n && r.ok(); ++i) {
                uint32_t rings = 0;
                if (!r.count(rings, 4, field + ".polygons") || rings == 0) {
                    r.fail(field + ".polygons", "a polygon needs an outer ring");
                    break;
                }
                std::vector<Ring> poly(rings);
                for (uint32_t j = 0; j < rings && r.ok(); ++j) r.ring(poly[j], 3, field + ".polygons");
                f.polygons.push_back(std::move(poly));
            }
        if (r.count(n, 4, field + ".lines"))
            for (uint32_t i = 0; i < n && r.ok(); ++i) {
                Ring line;
                r.ring(line, 2, field + ".lines");
                f.lines.push_back(std::move(line));
            }
        r.ring(f.points, 0, field + ".points");
        map.features.push_back(std::move(f));
    }
    if (!r.ok()) return r.error();
    if (r.at() != bytes.size()) return fail("features", "bytes left after the last feature");
    return map;
}

}  // namespace bk
