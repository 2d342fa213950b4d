// geojson_common.cpp — FeatureCollection traversal and position validation for the GeoJSON loaders.
#include "geojson_common.hpp"

namespace bk {

std::optional<LatLon> readPosition(JsonReader& reader, const Json& value, const JsonPath& path) {
    if (!reader.ok()) return std::nullopt;
    if (!value.is_array() || value.size() < 2) {
        reader.fail(path, "expected a position [longitude, latitude], got " + describeJsonType(value));
        return std::nullopt;
    }
    auto lon = reader.finiteNumber(value[0], path[size_t(0)], "a longitude (number)");
    auto lat = reader.finiteNumber(value[1], path[size_t(1)], "a latitude (number)");
    if (!lon || !lat) return std::nullopt;
    if (*lon < -180 || *lon > 180) {
        reader.fail(path[size_t(0)], "longitude " + value[0].dump() + " is outside -180…180 (GeoJSON is [lon, lat])");
        return std::nullopt;
    }
    if (*lat < -90 || *lat > 90) {
        reader.fail(path[size_t(1)], "latitude " + value[1].dump() + " is outside -90…90 (GeoJSON is [lon, lat])");
        return std::nullopt;
    }
    return LatLon{*lat, *lon};
}

bool forEachFeature(JsonReader& reader, const Json& root, const FeatureVisitor& onFeature) {
    JsonPath rootPath;
    if (!root.is_object()) return reader.fail(rootPath, "expected a GeoJSON FeatureCollection object, got " +
                                                            describeJsonType(root));
    auto type = reader.string(root, rootPath, "type", true);
    if (!type) return false;
    if (*type != "FeatureCollection")
        return reader.fail(rootPath["type"], "expected \"FeatureCollection\", got \"" + *type + "\"");
    const Json* features = reader.array(root, rootPath, "features", true);
    if (!features) return false;
    JsonPath featuresPath = rootPath["features"];
    for (size_t i = 0; i < features->size() && reader.ok(); ++i) {
        const Json& f = (*features)[i];
        JsonPath fp = featuresPath[i];
        if (!f.is_object()) return reader.fail(fp, "expected a Feature object, got " + describeJsonType(f));
        auto ftype = reader.string(f, fp, "type", true);
        if (!ftype) return false;
        if (*ftype != "Feature") return reader.fail(fp["type"], "expected \"Feature\", got \"" + *ftype + "\"");
        const Json* geometry = reader.object(f, fp, "geometry", true);
        if (!geometry) return false;
        const Json* props = reader.member(f, fp, "properties", false);
        if (props && !props->is_null() && !props->is_object())
            return reader.fail(fp["properties"], "expected an object, got " + describeJsonType(*props));
        onFeature(f, fp, *geometry, fp["geometry"], props && props->is_object() ? props : nullptr);
    }
    return reader.ok();
}

}  // namespace bk
