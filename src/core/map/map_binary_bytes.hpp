// map_binary_bytes.hpp — the binary map's bytes in and out, shared by its writer and its readers (map_binary.cpp:
// version 3; map_binary_v2.cpp: versions 1 and 2): varints, the checked Reader, lazily named fields, a feature's
// eight fixed bytes. Internal to src/core/map; the format is in docs/formats.md ("Binary map").
#pragma once

#include "load_error.hpp"
#include "map_data.hpp"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace bk::bkm {

constexpr int kKindCount = int(MapKind::poi) + 1;

struct Writer {
    std::string out;
    template <class T> void put(T v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void uvarint(uint64_t z) {
        while (z >= 0x80) {
            out += char(uint8_t(z) | 0x80);
            z >>= 7;
        }
        out += char(uint8_t(z));
    }
    void varint(int64_t d) { uvarint(zigzag(d)); }
    static uint64_t zigzag(int64_t d) { return (uint64_t(d) << 1) ^ uint64_t(d >> 63); }
};

// A part of the file ("header.flags", "features[12].lines"), spelled out only when an error names it: the reader
// would otherwise build a string for every field it reads.
struct Field {
    const char* part;
    int64_t index = -1;       // features[index], strings[index]
    const char* member = "";  // ".lines"
    Field(const char* p) : part(p) {}
    Field(const std::string& p) : part(p.c_str()) {}  // (a parameter only: it keeps the string's pointer)
    Field(const char* p, int64_t i, const char* m = "") : part(p), index(i), member(m) {}
    Field with(const char* m) const { return {part, index, m}; }
    std::string name() const { return part + (index >= 0 ? "[" + std::to_string(index) + "]" : std::string()) + member; }
};

// Reads [at, end) of the file; errors carry the byte. Version 3 reads each section with its own Reader.
class Reader {
public:
    Reader(std::string_view bytes, const std::string& file) : p_(reinterpret_cast<const uint8_t*>(bytes.data())),
                                                               n_(bytes.size()), file_(file) {}
    bool ok() const { return error_.message.empty(); }
    const LoadError& error() const { return error_; }
    size_t at() const { return at_; }
    size_t left() const { return n_ - at_; }
    void seek(size_t at) { at_ = at; }
    void section(size_t begin, size_t end) { at_ = begin; n_ = end; }

    bool fail(const Field& field, const std::string& what) {
        if (ok()) error_ = LoadError{file_, 0, 0, field.name(), what + " (byte " + std::to_string(at_) + ")"};
        return false;
    }
    template <class T> bool get(T& v, const Field& field) {
        if (!ok()) return false;
        if (n_ - at_ < sizeof v) return fail(field, "the file ends early: it is truncated");
        std::memcpy(&v, p_ + at_, sizeof v);
        at_ += sizeof v;
        return true;
    }
    // A count of items of at least `minBytes` each: never more than the bytes left could hold.
    bool count(uint32_t& c, size_t minBytes, const Field& field) {
        if (!get(c, field)) return false;
        if (size_t(c) * minBytes > n_ - at_) return fail(field, "a count of " + std::to_string(c) + " runs past the end of the file");
        return true;
    }
    bool str(std::string& s, const Field& field) {
        uint32_t len = 0;
        if (!count(len, 1, field)) return false;
        s.assign(reinterpret_cast<const char*>(p_ + at_), len);
        at_ += len;
        return true;
    }
    bool bytes(std::string& s, size_t len) {
        s.append(reinterpret_cast<const char*>(p_ + at_), len);
        at_ += len;
        return true;
    }
    // A LEB128 varint of at most `maxBytes` bytes.
    bool uvarint(uint64_t& v, int maxBytes, const Field& field, const char* what) {
        uint64_t z = 0;
        for (int i = 0; i < maxBytes; ++i) {
            if (at_ >= n_) return fail(field, "the file ends early: it is truncated");
            const uint8_t b = p_[at_++];
            z |= uint64_t(b & 0x7f) << (7 * i);
            if (!(b & 0x80)) {
                v = z;
                return true;
            }
        }
        return fail(field, std::string(what) + " is longer than " + std::to_string(maxBytes) + " bytes");
    }
    // A zigzag varint of at most 5 bytes: a coordinate's difference from the previous one (2 × 180° × 10⁷ < 2³³).
    bool difference(int64_t& v, const Field& field) {
        uint64_t z = 0;
        if (!uvarint(z, 5, field, "a position's difference")) return false;
        v = int64_t(z >> 1) ^ -int64_t(z & 1);
        return true;
    }
    // Versions 1 and 2: a ring's count and positions inline, lon × 10⁷ and lat × 10⁷ (v1: two i32; v2: two
    // zigzag varint differences from the previous position).
    bool packed = true;
    bool posV1V2(LatLon& p, const Field& field) {
        int64_t lon = 0, lat = 0;
        if (packed) {
            int64_t dLon = 0, dLat = 0;
            if (!difference(dLon, field) || !difference(dLat, field)) return false;
            lon = lastLon_ + dLon;
            lat = lastLat_ + dLat;
            lastLon_ = lon;
            lastLat_ = lat;
        } else {
            int32_t lon32 = 0, lat32 = 0;
            if (!get(lon32, field) || !get(lat32, field)) return false;
            lon = lon32;
            lat = lat32;
        }
        if (std::llabs(lon) > 1800000000 || std::llabs(lat) > 900000000)
            return fail(field, "position out of range (longitude −180…180, latitude −90…90)");
        p = {double(lat) / 1e7, double(lon) / 1e7};
        return true;
    }
    bool ring(Ring& r, size_t minPoints, const Field& field) {
        uint32_t c = 0;
        if (!count(c, packed ? 2 : 8, field)) return false;
        if (c < minPoints) return fail(field, "expected at least " + std::to_string(minPoints) + " positions, got " + std::to_string(c));
        r.resize(c);
        for (uint32_t i = 0; i < c; ++i)
            if (!posV1V2(r[i], field)) return false;
        return true;
    }

private:
    const uint8_t* p_;
    int64_t lastLon_ = 0, lastLat_ = 0;
    size_t n_, at_ = 0;
    std::string file_;
    LoadError error_;
};

// The fixed fields every version stores alike (kind, oneway, layer, flags, width), checked.
inline bool readFixedFields(Reader& r, MapFeature& f, const Field& field) {
    uint8_t kind = 0, fl = 0;
    int8_t oneway = 0, layer = 0;
    float width = 0;
    const size_t at = r.at();
    r.get(kind, field.with(".kind"));
    r.get(oneway, field.with(".oneway"));
    r.get(layer, field.with(".layer"));
    r.get(fl, field.with(".flags"));
    r.get(width, field.with(".width_m"));
    if (!r.ok()) return false;
    r.seek(at);  // errors name the record's first byte
    if (kind >= kKindCount) return r.fail(field.with(".kind"), "unknown kind " + std::to_string(kind));
    if (oneway < -1 || oneway > 1 || layer < -9 || layer > 9 || !(width >= 0 && width <= 200))
        return r.fail(field, "oneway, layer or width out of range");
    r.seek(at + 8);
    f.kind = MapKind(kind);
    f.oneway = oneway;
    f.layer = layer;
    f.tunnel = fl & 1;
    f.bridge = fl & 2;
    f.noVehicles = fl & 4;
    f.widthM = width;
    return true;
}

inline void putFixedFields(Writer& w, const MapFeature& f) {
    w.put<uint8_t>(uint8_t(f.kind));
    w.put<int8_t>(int8_t(f.oneway));
    w.put<int8_t>(int8_t(f.layer));
    w.put<uint8_t>(uint8_t((f.tunnel ? 1 : 0) | (f.bridge ? 2 : 0) | (f.noVehicles ? 4 : 0)));
    w.put<float>(float(f.widthM));
}

// A map of version 1 or 2 whose header (magic, version, size, checksum) is checked: the rest of it (map_binary_v2.cpp).
Result<MapData> readRecords(Reader& r, size_t size);

}  // namespace bk::bkm
