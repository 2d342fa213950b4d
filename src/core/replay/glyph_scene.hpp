// glyph_scene.hpp — per-frame sensor glyph state (position, shape, colour, gauge) derived from sampled values.
#pragma once

#include "dataset.hpp"
#include "geo.hpp"

#include <cstdint>
#include <vector>

namespace bk {

// 24 bytes per instance, uploaded once per frame as the instanced vertex stream.
struct GlyphInstance {
    float x, y;        // local units
    float gauge;       // 0..1: fill level, occupancy, loudness … (the glyph's inner meter)
    float radiusPx;    // CSS pixels
    uint32_t rgba;     // main colour (0xAABBGGRR)
    uint16_t shape;    // SensorType
    uint16_t flags;    // GlyphFlag bits
};

enum GlyphFlag : uint16_t { kNoData = 1, kAlert = 2, kSelected = 4, kHovered = 8, kQualityIssue = 16 };

// What drawing a sensor needs from it, 24 bytes instead of a whole Sensor: a frame walks 100,000 of these.
// Colours follow the quantity: Korean PM2.5 or PM10 bands for air, and for levels named as colours (GREEN, YELLOW,
// RED) those colours in the calm palette, in the levels' order.
enum class Bands : uint8_t { standard, pm10, namedLevels };
struct GlyphStyle {
    SensorType type = SensorType::other;
    Bands bands = Bands::standard;
    uint8_t levelCount = 0;      // namedLevels: the colour of level k is levelRgba[k]
    uint32_t levelRgba[4] = {};
    bool qualityIssue = false;   // the sensor's data has gaps, stuck stretches or impossible readings (quality.hpp)
    double lo = 0, hi = 1;   // the value scale mapped to 0..1: the sensor's own min/max, parking capacity, or the type's
    float full = 99.5f;      // a bin's fill counted as full (the dataset's binFullPct): red, and an alert
};
GlyphStyle glyphStyleOf(const Sensor& sensor);
// The full style of sensor i: its type's scale and the bands of the series that drives its glyph.
GlyphStyle glyphStyleOf(const Dataset& dataset, size_t sensor);
std::vector<GlyphStyle> glyphStyles(const Dataset& dataset);  // one per sensor, built once per dataset (and metric)

// Value → 0..1 on the sensor's scale (its own min/max, parking capacity, or the type's default).
float normalisedValue(const Sensor& sensor, float value);
float normalisedValue(const GlyphStyle& style, float value);
// The colour-blind-safe palette (Okabe–Ito hues) instead of the default one; a display setting.
void setColourBlindSafe(bool on);
bool colourBlindSafe();
// Colour of a value for its type (Korean PM2.5 bands for air, fill thresholds for bins …).
uint32_t colorForValue(const Sensor& sensor, float value);
uint32_t colorForValue(const GlyphStyle& style, float value);
// Korean air-quality bands, as the glyphs colour them: PM2.5 good ≤ 15, moderate ≤ 35, bad ≤ 75, very bad above;
// PM10 good ≤ 30, moderate ≤ 80, bad ≤ 150, very bad above. 0 good … 3 very bad; -1 for NaN. (Filters use them too.)
int koreanPmBand(bool pm10, float microgramsPerM3);
// Whether a value is an alert for its type (bin full, fire ≥ 57 °C, PM2.5 > 75 µg/m³, noise > 70 dB).
bool isAlert(const Sensor& sensor, float value);
bool isAlert(SensorType type, float value);
bool isAlert(const GlyphStyle& style, float value);  // with the style's bands (PM10 > 150, a RED level)

// Bit per SensorType: which layers are shown; one more bit for the collection route and truck.
constexpr int kRouteLayerBit = kSensorTypeCount;
constexpr uint32_t kAllLayers = (1u << (kSensorTypeCount + 1)) - 1;
constexpr uint16_t kTruckShape = 16;        // GlyphInstance::shape of the collection truck
constexpr uint32_t kNoSensor = 0xFFFFFFFFu; // sensorOfGlyph entry for glyphs that are not sensors
inline bool layerVisible(uint32_t mask, SensorType t) { return (mask >> int(t)) & 1u; }

// Fills `out` with one glyph per sensor whose layer is visible, and `sensorOfGlyph` with the sensor behind each.
// `pass` (optional, one per sensor): the filters' verdict (filters.hpp); a sensor that fails is not drawn, unless
// it is the selected one (its card is open: its glyph says where it is).
void buildGlyphs(const std::vector<GlyphStyle>& styles, const std::vector<Vec2>& positions, const std::vector<float>& values,
                 uint32_t layerMask, int selected, int hovered, std::vector<GlyphInstance>& out,
                 std::vector<uint32_t>& sensorOfGlyph, const std::vector<uint8_t>* pass = nullptr);

// A glyph's radius in CSS px for its type and gauge (noise grows with loudness).
float glyphRadiusPx(SensorType type, float gauge);
// Whether the look (colour and alert) of a style is a step function of the value whose every step is one interval
// of values: then two values with the same look have it for every value between them (incremental_scene.hpp).
bool lookIsBanded(const GlyphStyle& style);

// The glyph under screen point (x,y) within `slopPx`, nearest first, or -1.
int pickGlyph(const std::vector<GlyphInstance>& glyphs, const Camera& camera, double x, double y, double pxScale,
              double slopPx);

}  // namespace bk
