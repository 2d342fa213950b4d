// map_writer.cpp — writes MapData as the viewer's map.geojson, byte for byte the same for the same map.
#include "map_writer.hpp"

#include "recording_writer.hpp"

#include <cmath>
#include <cstdio>

namespace bk {

namespace {

// Seven decimals: OpenStreetMap's own precision (about a centimetre), so positions trace back exactly.
void appendCoord(std::string& out, double v) {
    char buf[32];
    double r = std::round(v * 1e7) / 1e7;
    if (r == 0) r = 0;  // no "-0"
    int n = std::snprintf(buf, sizeof buf, "%.7f", r);
    while (n > 1 && buf[n - 1] == '0') --n;  // trailing zeros say nothing
    if (n > 1 && buf[n - 1] == '.') --n;
    out.append(buf, size_t(n));
}

void appendPosition(std::string& out, const LatLon& p) {
    out += '[';
    appendCoord(out, p.lon);
    out += ',';
    appendCoord(out, p.lat);
    out += ']';
}

void appendRing(std::string& out, const Ring& ring, bool close) {
    out += '[';
    for (size_t i = 0; i < ring.size(); ++i) {
        if (i) out += ',';
        appendPosition(out, ring[i]);
    }
    if (close && !ring.empty()) {
        out += ',';
        appendPosition(out, ring.front());
    }
    out += ']';
}

void appendPolygon(std::string& out, const std::vector<Ring>& poly) {
    out += '[';
    for (size_t i = 0; i < poly.size(); ++i) {
        if (i) out += ',';
        appendRing(out, poly[i], true);
    }
    out += ']';
}

void appendGeometry(std::string& out, const MapFeature& f) {
    auto many = [&](const char* one, const char* multi, size_t n, auto&& each) {
        out += "{\"type\":\"";
        out += n == 1 ? one : multi;
        out += "\",\"coordinates\":";
        if (n != 1) out += '[';
        for (size_t i = 0; i < n; ++i) {
            if (i) out += ',';
            each(i);
        }
        if (n != 1) out += ']';
        out += '}';
    };
    if (!f.polygons.empty())
        many("Polygon", "MultiPolygon", f.polygons.size(), [&](size_t i) { appendPolygon(out, f.polygons[i]); });
    else if (!f.lines.empty())
        many("LineString", "MultiLineString", f.lines.size(), [&](size_t i) { appendRing(out, f.lines[i], false); });
    else
        many("Point", "MultiPoint", f.points.size(), [&](size_t i) { appendPosition(out, f.points[i]); });
}

void appendProperty(std::string& out, const char* key, std::string_view value) {
    if (value.empty()) return;
    out += ",\"";
    out += key;
    out += "\":";
    appendJsonString(out, value);
}

}  // namespace

std::string writeMapGeoJson(const MapData& map) {
    std::string out;
    out.reserve(64 + map.features.size() * 256);
    out += "{\"type\":\"FeatureCollection\"";
    appendProperty(out, "name", map.name);
    appendProperty(out, "name_ko", map.nameKo);
    appendProperty(out, "attribution", map.attribution);
    appendProperty(out, "license", map.license);
    appendProperty(out, "source", map.source);
    if (map.noded) out += ",\"topology\":\"noded\"";
    out += ",\"features\":[\n";
    bool first = true;
    for (const MapFeature& f : map.features) {
        if (f.polygons.empty() && f.lines.empty() && f.points.empty()) continue;
        if (!first) out += ",\n";
        first = false;
        out += "{\"type\":\"Feature\",\"properties\":{\"kind\":\"";
        out += mapKindName(f.kind);
        out += '"';
        appendProperty(out, "class", f.cls);
        appendProperty(out, "name", f.name);
        appendProperty(out, "name_en", f.nameEn);
        appendProperty(out, "name_ko", f.nameKo);
        if (!f.names.empty()) {
            out += ",\"names\":{";
            for (size_t i = 0; i < f.names.size(); ++i) {
                if (i) out += ',';
                appendJsonString(out, f.names[i].first);
                out += ':';
                appendJsonString(out, f.names[i].second);
            }
            out += '}';
        }
        if (f.widthM > 0) {
            char buf[32];
            std::snprintf(buf, sizeof buf, ",\"width_m\":%g", std::round(f.widthM * 10) / 10);
            out += buf;
        }
        if (f.oneway) out += f.oneway > 0 ? ",\"oneway\":1" : ",\"oneway\":-1";
        if (f.tunnel) out += ",\"tunnel\":true";
        if (f.bridge) out += ",\"bridge\":true";
        if (f.noVehicles) out += ",\"motor_vehicle\":\"no\"";
        if (f.layer) out += ",\"layer\":" + std::to_string(f.layer);
        appendProperty(out, "osm_id", f.osmId);
        out += "},\"geometry\":";
        appendGeometry(out, f);
        out += '}';
    }
    out += "\n]}\n";
    return out;
}

}  // namespace bk
