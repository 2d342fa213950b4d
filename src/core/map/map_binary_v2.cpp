// map_binary_v2.cpp — reads binary maps of versions 1 and 2 (one record per feature: fixed fields, strings and
// positions together; v1 positions two i32 × 10⁷, v2 varint differences), which still load (decision 78).
#include "map_binary_bytes.hpp"

namespace bk::bkm {

// Header (32 bytes) · the map's five strings · each feature's fixed fields, strings, other names, polygons, lines,
// points.
Result<MapData> readRecords(Reader& r, size_t size) {
    MapData map;
    uint32_t features = 0, flags = 0;
    r.seek(24);
    r.count(features, 44, "header.featureCount");  // a feature takes at least 44 bytes (4 + 4 + 5 strings + 4 counts)
    r.get(flags, "header.flags");
    map.noded = flags & 1;
    for (std::string* s : {&map.name, &map.nameKo, &map.attribution, &map.license, &map.source}) r.str(*s, "header.strings");
    if (!r.ok()) return r.error();
    map.features.reserve(features);
    for (uint32_t k = 0; k < features && r.ok(); ++k) {
        const Field field("features", k);
        MapFeature f;
        if (!readFixedFields(r, f, field)) break;
        for (std::string* s : {&f.cls, &f.name, &f.nameEn, &f.nameKo, &f.osmId}) r.str(*s, field.with(".names"));
        uint32_t n = 0;
        if (r.count(n, 8, field.with(".names")))
            for (uint32_t i = 0; i < n && r.ok(); ++i) {
                std::string lang, name;
                r.str(lang, field.with(".names"));
                r.str(name, field.with(".names"));
                f.names.emplace_back(std::move(lang), std::move(name));
            }
        if (r.count(n, 4, field.with(".polygons")))
            for (uint32_t i = 0; i < n && r.ok(); ++i) {
                uint32_t rings = 0;
                if (!r.count(rings, 4, field.with(".polygons")) || rings == 0) {
                    r.fail(field.with(".polygons"), "a polygon needs an outer ring");
                    break;
                }
                std::vector<Ring> poly(rings);
                for (uint32_t j = 0; j < rings && r.ok(); ++j) r.ring(poly[j], 3, field.with(".polygons"));
                f.polygons.push_back(std::move(poly));
            }
        if (r.count(n, 4, field.with(".lines")))
            for (uint32_t i = 0; i < n && r.ok(); ++i) {
                Ring line;
                r.ring(line, 2, field.with(".lines"));
                f.lines.push_back(std::move(line));
            }
        r.ring(f.points, 0, field.with(".points"));
        map.features.push_back(std::move(f));
    }
    if (!r.ok()) return r.error();
    if (r.at() != size) {
        r.fail("features", "bytes left after the last feature");
        return r.error();
    }
    return map;
}

}  // namespace bk::bkm
