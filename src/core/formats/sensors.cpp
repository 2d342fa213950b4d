// sensors.cpp — the sensor type table and the GeoJSON sensor-site loader.
#include "sensors.hpp"

#include "geojson_common.hpp"

#include <unordered_set>

namespace bk {

namespace {
// Scales follow the trial's services: CleanCUBE fill level, lot occupancy, S-DoT noise range (35–85 dB),
// Korean PM2.5 bands (bad above 35, very bad above 75 µg/m³), hanok fire sensors' temperature.
const SensorTypeInfo kTypes[kSensorTypeCount] = {
    {SensorType::bin, "bin", "fill", "%", 0, 100},
    {SensorType::parking, "parking", "occupied", "spaces", 0, 20},
    {SensorType::noise, "noise", "noise", "dB", 35, 85},
    {SensorType::footfall, "footfall", "footfall", "people/h", 0, 1500},
    {SensorType::air, "air", "pm25", "µg/m³", 0, 75},
    {SensorType::fire, "fire", "temperature", "°C", 10, 70},
    {SensorType::other, "other", "value", "", 0, 100},
};
}  // namespace

const SensorTypeInfo& sensorTypeInfo(SensorType type) { return kTypes[static_cast<int>(type)]; }

SensorType sensorTypeFromName(std::string_view name) {
    for (const auto& t : kTypes)
        if (name == t.name) return t.type;
    return SensorType::other;
}

Result<std::vector<Sensor>> loadSensors(std::string_view text, const std::string& fileName) {
    JsonReader reader(text, fileName);
    Json root;
    if (!reader.parse(root)) return reader.error();
    std::vector<Sensor> sensors;
    std::unordered_set<std::string> seen;
    forEachFeature(reader, root, [&](const Json&, const JsonPath& fp, const Json& g, const JsonPath& gp, const Json* props) {
        if (!props) { reader.fail(fp, "missing \"properties\" with the sensor's id and type"); return; }
        JsonPath pp = fp["properties"];
        auto gtype = reader.string(g, gp, "type", true);
        if (!gtype) return;
        if (*gtype != "Point") { reader.fail(gp["type"], "expected a Point for a sensor site, got \"" + *gtype + "\""); return; }
        const Json* coords = reader.member(g, gp, "coordinates", true);
        if (!coords) return;
        auto pos = readPosition(reader, *coords, gp["coordinates"]);
        auto id = reader.string(*props, pp, "id", true);
        auto type = reader.string(*props, pp, "type", true);
        if (!pos || !id || !type) return;
        if (id->empty()) { reader.fail(pp["id"], "expected a non-empty sensor id"); return; }
        if (!seen.insert(*id).second) { reader.fail(pp["id"], "duplicate sensor id \"" + *id + "\""); return; }
        Sensor s;
        s.id = *id;
        s.typeName = *type;
        s.type = sensorTypeFromName(*type);
        s.position = *pos;
        s.nameEn = reader.string(*props, pp, "name_en", false).value_or(s.id);
        s.nameKo = reader.string(*props, pp, "name_ko", false).value_or("");
        s.unit = reader.string(*props, pp, "unit", false).value_or("");
        if (auto cap = reader.number(*props, pp, "capacity", false)) {
            if (*cap < 0) { reader.fail(pp["capacity"], "expected a capacity of 0 or more"); return; }
            s.capacity = *cap;
        }
        auto lo = reader.number(*props, pp, "min", false);
        auto hi = reader.number(*props, pp, "max", false);
        if (lo && hi && *hi <= *lo) { reader.fail(pp["max"], "expected max to be greater than min"); return; }
        if (lo && hi) { s.scaleMin = *lo; s.scaleMax = *hi; }
        if (const Json* attrs = reader.object(*props, pp, "attributes", false)) {
            for (auto it = attrs->begin(); it != attrs->end(); ++it) {
                if (!it.value().is_string()) {
                    reader.fail(pp["attributes"][it.key().c_str()], "expected a text value, got " + describeJsonType(it.value()));
                    return;
                }
                s.attributes.push_back({it.key(), it.value().get<std::string>()});
            }
        }
        if (reader.ok()) sensors.push_back(std::move(s));
    });
    if (!reader.ok()) return reader.error();
    return sensors;
}

}  // namespace bk
