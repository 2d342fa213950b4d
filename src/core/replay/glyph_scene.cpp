// glyph_scene.cpp — colour scales and thresholds per sensor type, glyph building and picking.
#include "glyph_scene.hpp"

#include "map_mesh.hpp"

#include <algorithm>
#include <cmath>

namespace bk {

namespace {

// Obangsaek-inspired accents, tuned for contrast on the paper basemap and for colour-vision deficiency
// (the gauges also encode value by length, never by colour alone).
constexpr uint32_t kGood = rgba(47, 128, 110);     // blue-green
constexpr uint32_t kFair = rgba(214, 160, 41);     // yellow
constexpr uint32_t kPoor = rgba(217, 110, 48);     // orange
constexpr uint32_t kBad = rgba(192, 57, 43);       // red
constexpr uint32_t kInk = rgba(46, 52, 64);        // black-ink
constexpr uint32_t kNoDataColor = rgba(150, 146, 138);

bool gColourBlindSafe = false;

// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
constexpr uint32_t kCvdGood = rgba(0, 114, 178), kCvdFair = rgba(86, 180, 233), kCvdPoor = rgba(230, 159, 0),
                   kCvdBad = rgba(213, 94, 0), kCvdGreen = rgba(0, 158, 115);

uint32_t byThresholds(float v, float t1, float t2, float t3) {
    if (v <= t1) return gColourBlindSafe ? kCvdGood : kGood;
    if (v <= t2) return gColourBlindSafe ? kCvdFair : kFair;
    if (v <= t3) return gColourBlindSafe ? kCvdPoor : kPoor;
    return gColourBlindSafe ? kCvdBad : kBad;
}

float baseRadius(SensorType type) {
    switch (type) {
        case SensorType::parking: return 13;
        case SensorType::footfall: return 10;
        case SensorType::fire: return 10;
        default: return 11;
    }
}

}  // namespace

void setColourBlindSafe(bool on) { gColourBlindSafe = on; }
bool colourBlindSafe() { return gColourBlindSafe; }

GlyphStyle glyphStyleOf(const Sensor& s) {
    const SensorTypeInfo& info = sensorTypeInfo(s.type);
    double lo = info.scaleMin, hi = info.scaleMax;
    if (s.scaleMax > s.scaleMin) { lo = s.scaleMin; hi = s.scaleMax; }
    else if (s.type == SensorType::parking) { lo = 0; hi = s.capacity > 0 ? s.capacity : 3; }  // 0: a no-parking stretch
    GlyphStyle style;
    style.type = s.type;
    style.lo = lo;
    style.hi = hi;
    return style;
}

GlyphStyle glyphStyleOf(const Dataset& d, size_t i) {
    GlyphStyle style = glyphStyleOf(d.sensors[i]);
    style.full = float(d.binFullPct);
    int32_t p = i < d.primarySeries.size() ? d.primarySeries[i] : -1;
    if (p < 0) return style;
    const Series& series = d.series[size_t(p)];
    if (style.type == SensorType::air && series.metric == "pm10") {
        style.bands = Bands::pm10;
        if (!(d.sensors[i].scaleMax > d.sensors[i].scaleMin)) style.lo = 0, style.hi = 150;
    }
    // Levels named as colours are drawn in them (only when every level is a colour word, at most four).
    if (!series.levels.empty() && series.levels.size() <= 4) {
        uint32_t colours[4];
        bool all = true;
        for (size_t k = 0; k < series.levels.size() && all; ++k) {
            std::string l = series.levels[k];
            for (char& c : l) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
            if (l == "green" || l == "초록") colours[k] = gColourBlindSafe ? kCvdGood : kGood;
            else if (l == "yellow" || l == "노랑") colours[k] = gColourBlindSafe ? kCvdFair : kFair;
            else if (l == "orange" || l == "주황") colours[k] = gColourBlindSafe ? kCvdPoor : kPoor;
            else if (l == "red" || l == "빨강") colours[k] = gColourBlindSafe ? kCvdBad : kBad;
            else all = false;
        }
        if (all) {
            style.bands = Bands::namedLevels;
            style.levelCount = uint8_t(series.levels.size());
            std::copy(colours, colours + series.levels.size(), style.levelRgba);
        }
    }
    return style;
}

std::vector<GlyphStyle> glyphStyles(const Dataset& d) {
    std::vector<GlyphStyle> styles;
    styles.reserve(d.sensors.size());
    for (size_t i = 0; i < d.sensors.size(); ++i) styles.push_back(glyphStyleOf(d, i));
    return styles;
}

float normalisedValue(const GlyphStyle& s, float v) {
    if (std::isnan(v)) return 0;
    return static_cast<float>(std::clamp((v - s.lo) / (s.hi - s.lo), 0.0, 1.0));
}

float normalisedValue(const Sensor& s, float v) { return normalisedValue(glyphStyleOf(s), v); }

int koreanPmBand(bool pm10, float v) {
    if (std::isnan(v)) return -1;
    const float good = pm10 ? 30 : 15, moderate = pm10 ? 80 : 35, bad = pm10 ? 150 : 75;
    return v <= good ? 0 : v <= moderate ? 1 : v <= bad ? 2 : 3;
}

uint32_t colorForValue(const Sensor& s, float v) { return colorForValue(glyphStyleOf(s), v); }

uint32_t colorForValue(const GlyphStyle& s, float v) {
    if (std::isnan(v)) return kNoDataColor;
    if (s.bands == Bands::namedLevels) {
        long k = std::lround(v);
        return k >= 0 && k < s.levelCount ? s.levelRgba[k] : kNoDataColor;
    }
    // Korean PM bands (koreanPmBand): good blue, moderate green, bad orange, very bad red.
    static const uint32_t kPmColours[4] = {rgba(52, 113, 190), kGood, kPoor, kBad};
    static const uint32_t kCvdPmColours[4] = {kCvdGood, kCvdGreen, kCvdPoor, kCvdBad};
    if (s.bands == Bands::pm10 || s.type == SensorType::air)
        return (gColourBlindSafe ? kCvdPmColours : kPmColours)[koreanPmBand(s.bands == Bands::pm10, v)];
    switch (s.type) {
        case SensorType::bin: return byThresholds(v, 50, 80, s.full);
        case SensorType::parking: return byThresholds(normalisedValue(s, v), 0.6f, 0.85f, 0.97f);
        case SensorType::noise: return byThresholds(v, 45, 55, 65);
        case SensorType::footfall: return rgba(201, 146, 30);
        case SensorType::fire: return v >= 57 ? (gColourBlindSafe ? kCvdBad : kBad) : kInk;
        default: {
            // Other sensors (imported data): one calm sequential ramp, pale to deep blue-green, over the sensor's
            // range (the importer sets it from the data; categorical levels lowest → highest). Monotone in lightness,
            // so it reads the same for colour-blind viewers.
            float t = normalisedValue(s, v);
            const float stops[3][3] = {{178, 214, 204}, {64, 150, 160}, {28, 62, 110}};
            int k = t < 0.5f ? 0 : 1;
            float u = t < 0.5f ? t * 2 : (t - 0.5f) * 2;
            auto mix = [&](int c) { return uint8_t(stops[k][c] + (stops[k + 1][c] - stops[k][c]) * u + 0.5f); };
            return rgba(mix(0), mix(1), mix(2));
        }
    }
}

bool isAlert(const Sensor& s, float v) { return isAlert(s.type, v); }

bool isAlert(const GlyphStyle& s, float v) {
    if (std::isnan(v)) return false;
    if (s.bands == Bands::pm10) return v > 150;
    if (s.bands == Bands::namedLevels) {  // red is the alert
        long k = std::lround(v);
        return k >= 0 && k < s.levelCount && (s.levelRgba[k] == kBad || s.levelRgba[k] == kCvdBad);
    }
    if (s.type == SensorType::bin) return v >= s.full;
    return isAlert(s.type, v);
}

bool isAlert(SensorType type, float v) {
    if (std::isnan(v)) return false;
    switch (type) {
        case SensorType::bin: return v >= 99.5f;
        case SensorType::noise: return v > 70;
        case SensorType::air: return v > 75;
        case SensorType::fire: return v >= 57;
        default: return false;
    }
}

void buildGlyphs(const std::vector<GlyphStyle>& styles, const std::vector<Vec2>& positions, const std::vector<float>& values,
                 uint32_t layerMask, int selected, int hovered, std::vector<GlyphInstance>& out,
                 std::vector<uint32_t>& sensorOfGlyph, const std::vector<uint8_t>* pass) {
    out.clear();
    sensorOfGlyph.clear();
    out.reserve(styles.size());  // a million sensors: no doubling on the way (24 MB, not up to 48)
    sensorOfGlyph.reserve(styles.size());
    if (pass && pass->size() != styles.size()) pass = nullptr;
    for (size_t i = 0; i < styles.size(); ++i) {
        const GlyphStyle& s = styles[i];
        if (!layerVisible(layerMask, s.type)) continue;
        if (pass && !(*pass)[i] && int(i) != selected) continue;
        float v = i < values.size() ? values[i] : NAN;
        out.emplace_back();
        sensorOfGlyph.push_back(uint32_t(i));
        GlyphInstance& g = out.back();
        g.x = float(positions[i].x);
        g.y = float(positions[i].y);
        g.gauge = normalisedValue(s, v);
        g.rgba = colorForValue(s, v);
        g.shape = static_cast<uint16_t>(s.type);
        g.flags = 0;
        if (std::isnan(v)) g.flags |= kNoData;
        if (isAlert(s, v)) g.flags |= kAlert;
        if (s.qualityIssue) g.flags |= kQualityIssue;
        if (int(i) == selected) g.flags |= kSelected;
        if (int(i) == hovered) g.flags |= kHovered;
        g.radiusPx = glyphRadiusPx(s.type, g.gauge);
    }
}

float glyphRadiusPx(SensorType type, float gauge) {
    float r = baseRadius(type);
    // Loudness reads as size; the other types keep a constant size and show value in the gauge.
    if (type == SensorType::noise) r *= 0.75f + 0.6f * gauge;
    return r;
}

bool lookIsBanded(const GlyphStyle& s) {
    if (s.bands == Bands::namedLevels) return false;  // levels may repeat a colour, and out of range is "no data"
    if (s.bands == Bands::pm10 || s.type == SensorType::air) return true;
    return s.type != SensorType::other;  // other: a continuous ramp
}

int pickGlyph(const std::vector<GlyphInstance>& glyphs, const Camera& cam, double x, double y, double pxScale,
              double slopPx) {
    int best = -1;
    double bestD = 1e300;
    for (size_t i = 0; i < glyphs.size(); ++i) {
        Vec2 s = cam.worldToScreen({glyphs[i].x, glyphs[i].y});
        double d = std::hypot(s.x - x, s.y - y);
        if (d <= (glyphs[i].radiusPx + slopPx) * pxScale && d < bestD) {
            bestD = d;
            best = static_cast<int>(i);
        }
    }
    return best;
}

}  // namespace bk
