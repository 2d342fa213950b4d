// sensors.hpp — sensor sites as read from a GeoJSON file of Points, and what each sensor type measures.
#pragma once

#include "geo.hpp"
#include "load_error.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bk {

enum class SensorType { bin, parking, noise, footfall, air, fire, other };
constexpr int kSensorTypeCount = 7;

// How a type is shown: its primary metric (the one that drives the glyph), unit and value scale.
struct SensorTypeInfo {
    SensorType type;
    const char* name;           // as written in files: "bin" (display names: assets/i18n, "type.bin")
    const char* primaryMetric;  // "fill"
    const char* unit;           // "%"
    float scaleMin, scaleMax;   // value mapped to 0..1 for colour and size
};
const SensorTypeInfo& sensorTypeInfo(SensorType type);
SensorType sensorTypeFromName(std::string_view name);  // unknown → other

struct Sensor {
    std::string id;
    SensorType type = SensorType::other;
    std::string typeName;       // as written (kept for unknown types)
    std::string nameEn, nameKo;
    LatLon position;
    std::string unit;           // overrides the type's unit when set
    double capacity = 0;        // parking: spaces (0 = not given)
    double scaleMin = 0, scaleMax = 0;  // override of the type's scale when scaleMax > scaleMin
    // What a sensor is rather than what it measures (a model, a stream type, an install date): name → value, in
    // the order given. Shown on its card.
    std::vector<std::pair<std::string, std::string>> attributes;
};

// Parses a GeoJSON FeatureCollection of Point features with properties id, type, name_en, name_ko and optional
// unit, capacity, min, max and attributes (an object of text values). Ids must be unique.
Result<std::vector<Sensor>> loadSensors(std::string_view text, const std::string& fileName);

}  // namespace bk
