// quantity.hpp — what a metric measures (PM2.5, noise, a bin's fill …), recognised from its name, unit and levels, so
// that an imported log gets the glyphs, bands and KPIs the Bukchon sensors have.
//
// A recognised metric is stored under its canonical name ("pm25", "noise", "fill" …), so a recording needs no field of
// its own: loading reads the quantity back from the name. docs/import.md lists the names and units recognised.
#pragma once

#include "sensors.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bk {

enum class Quantity { none, pm25, pm10, noise, fill, occupancy, footfall, temperature, humidity };
constexpr int kQuantityCount = 9;

struct QuantityInfo {
    Quantity quantity;
    const char* metric;      // canonical metric name, also the flag value ("pm25")
    SensorType type;         // the glyph it gets (temperature and humidity: a neutral disc on their own scale)
    const char* unit;        // shown when the log gives none
    double scaleMin, scaleMax;        // colour and size scale
    double physicalMin, physicalMax;  // what the quantity can be at all (readings outside are impossible)
    int priority;            // which of a sensor's metrics drives its glyph by default: lowest wins
};
const QuantityInfo& quantityInfo(Quantity q);
// By canonical metric name or flag value ("pm25", "pm10", "noise", "fill", "occupancy"/"occupied", "footfall",
// "temperature", "humidity", "none"); nullopt otherwise.
std::optional<Quantity> quantityFromFlag(std::string_view name);
// The quantity of a stored metric (its canonical name); none for any other name.
Quantity quantityOfMetric(std::string_view metric);

struct QuantityMatch {
    Quantity quantity = Quantity::none;
    std::string how;         // "name", "unit" or "levels": what gave it away, for the report
};
// Recognises a column from its metric name (English and Korean), its unit (µg/m³ and ㎍/㎥ with 2.5 or 10 in the
// name, dB, °C, %RH) and its categorical levels (GREEN < YELLOW < RED on a fill or status column, free/occupied).
QuantityMatch detectQuantity(std::string_view metric, std::string_view unit, const std::vector<std::string>& levels);

}  // namespace bk
