// rehearsal.cpp — the generated neighbourhood of the start-up rehearsal, and the throw-away commit that runs it.
#include "rehearsal.hpp"

#include "binary_format.hpp"
#include "map_binary.hpp"
#include "viewer.hpp"

#include <cmath>
#include <string>

namespace bk {

namespace {

constexpr int kStreets = 7;          // per direction
constexpr double kSpacingM = 80;     // between streets
constexpr double kLat0 = 37.58, kLon0 = 126.98;
constexpr int64_t kStartMs = 1778425200000;  // a local midnight at +09:00
constexpr int64_t kStepMs = 300000;
constexpr uint32_t kReadings = 288;          // one day

// Metres east and north of the city's corner → a position.
LatLon at(double eastM, double northM) {
    const double metresPerDegLat = 111320.0, metresPerDegLon = metresPerDegLat * std::cos(kLat0 * kPi / 180);
    return {kLat0 + northM / metresPerDegLat, kLon0 + eastM / metresPerDegLon};
}

Ring rect(double x0, double y0, double x1, double y1, bool clockwise = false) {
    Ring r{at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)};
    if (clockwise) r = {at(x0, y0), at(x0, y1), at(x1, y1), at(x1, y0), at(x0, y0)};
    return r;
}

Ring circle(double cx, double cy, double radiusM, int vertices) {
    Ring r;
    for (int k = 0; k <= vertices; ++k) {
        const double a = 2 * kPi * (k % vertices) / vertices, wobble = 1 + 0.08 * std::sin(5 * a);
        r.push_back(at(cx + radiusM * wobble * std::cos(a), cy + radiusM * wobble * std::sin(a)));
    }
    return r;
}

MapFeature feature(MapKind kind, std::string cls, std::string name) {
    MapFeature f;
    f.kind = kind;
    f.cls = std::move(cls);
    f.name = f.nameKo = name;
    f.nameEn = std::move(name);
    return f;
}

const char* streetClass(int k) {
    static const char* classes[] = {"service", "residential", "tertiary", "primary", "tertiary", "residential", "service"};
    return classes[k % kStreets];
}

MapData rehearsalMap() {
    MapData m;
    m.name = m.nameKo = "Rehearsal";
    m.attribution = "generated";
    m.noded = true;
    const double side = kSpacingM * (kStreets - 1);
    // Streets: each way runs between two neighbouring junctions, so a street is a chain of ways (as OSM maps them).
    for (int k = 0; k < kStreets; ++k)
        for (int s = 0; s + 1 < kStreets; ++s) {
            const double a = k * kSpacingM, b0 = s * kSpacingM, b1 = (s + 1) * kSpacingM;
            MapFeature across = feature(MapKind::road, streetClass(k), "Rehearsal-ro " + std::to_string(k));
            across.lines.push_back({at(b0, a), at((b0 + b1) / 2, a + 1), at(b1, a)});
            across.oneway = k == 1 ? 1 : 0;
            m.features.push_back(std::move(across));
            MapFeature up = feature(MapKind::road, streetClass(k + 2), "Rehearsal-gil " + std::to_string(k));
            up.lines.push_back({at(a, b0), at(a + 1, (b0 + b1) / 2), at(a, b1)});
            m.features.push_back(std::move(up));
        }
    // Blocks between the streets (every third with a courtyard), four houses in each.
    for (int i = 0; i + 1 < kStreets; ++i)
        for (int j = 0; j + 1 < kStreets; ++j) {
            const double x0 = i * kSpacingM + 8, y0 = j * kSpacingM + 8, x1 = x0 + kSpacingM - 16, y1 = y0 + kSpacingM - 16;
            MapFeature block = feature(MapKind::block, "", "");
            Ring outer{at(x0 + 4, y0), at(x1 - 4, y0), at(x1, y0 + 4), at(x1, y1 - 4), at(x1 - 4, y1), at(x0 + 4, y1),
                       at(x0, y1 - 4), at(x0, y0 + 4), at(x0 + 4, y0)};
            std::vector<Ring> polygon{outer};
            if ((i + j) % 3 == 0) polygon.push_back(rect(x0 + 24, y0 + 24, x1 - 24, y1 - 24, true));
            block.polygons.push_back(std::move(polygon));
            m.features.push_back(std::move(block));
            for (int h = 0; h < 4; ++h) {
                const double hx = x0 + 4 + (h % 2) * 28, hy = y0 + 4 + (h / 2) * 28;
                MapFeature house = feature(h % 2 ? MapKind::hanok : MapKind::building, "", "");
                house.polygons.push_back({rect(hx, hy, hx + 14, hy + 10)});
                m.features.push_back(std::move(house));
            }
        }
    // Footways across blocks, junction to junction, and a flight of steps; a wall.
    for (int k = 0; k < 3; ++k) {
        MapFeature path = feature(MapKind::path, k == 2 ? "steps" : "footway", k ? "" : "Rehearsal path");
        const double y = k * kSpacingM;
        path.lines.push_back({at(0, y), at(kSpacingM / 2 + 6, y + kSpacingM / 2), at(kSpacingM, y + kSpacingM)});
        m.features.push_back(std::move(path));
    }
    MapFeature wall = feature(MapKind::wall, "city_wall", "");
    wall.lines.push_back({at(-10, -10), at(side + 10, -10), at(side + 10, side / 2)});
    m.features.push_back(std::move(wall));
    // A park large enough for the triangulator's grid, a pond with an island, a plaza.
    MapFeature park = feature(MapKind::park, "park", "Rehearsal Park");
    park.polygons.push_back({circle(side + 60, side / 2, 50, 96)});
    m.features.push_back(std::move(park));
    MapFeature pond = feature(MapKind::water, "pond", "");
    pond.polygons.push_back({circle(-60, side / 2, 30, 24), circle(-60, side / 2, 8, 8)});
    m.features.push_back(std::move(pond));
    MapFeature plaza = feature(MapKind::plaza, "pedestrian", "");
    plaza.polygons.push_back({rect(side / 2 - 10, side + 10, side / 2 + 10, side + 30)});
    m.features.push_back(std::move(plaza));
    // Labels, places of interest and the truck's depot.
    for (int k = 0; k < 3; ++k) {
        MapFeature place = feature(MapKind::district, "neighbourhood", "Rehearsal-dong " + std::to_string(k));
        place.points.push_back(at(k * 2 * kSpacingM + 40, side / 2 + 40));
        m.features.push_back(std::move(place));
        MapFeature poi = feature(MapKind::poi, k ? "cafe" : "museum", "Rehearsal " + std::to_string(k));
        poi.points.push_back(at(k * kSpacingM + 40, 40));
        m.features.push_back(std::move(poi));
    }
    MapFeature depot = feature(MapKind::depot, "", "Depot");
    depot.points.push_back(at(0, 0));
    m.features.push_back(std::move(depot));
    return m;
}

struct SensorPlan {
    SensorType type;
    const char* metrics[2];
    double eastM, northM;
};

Dataset rehearsalData() {
    static const SensorPlan plans[] = {
        {SensorType::bin, {"fill", "compactions"}, 80, 120},   {SensorType::bin, {"fill", "compactions"}, 240, 164},
        {SensorType::bin, {"fill", "compactions"}, 400, 40},   {SensorType::bin, {"fill", "compactions"}, 160, 400},
        {SensorType::parking, {"occupied", nullptr}, 120, 240}, {SensorType::parking, {"occupied", nullptr}, 320, 320},
        {SensorType::noise, {"noise", nullptr}, 200, 80},      {SensorType::noise, {"noise", nullptr}, 40, 300},
        {SensorType::footfall, {"footfall", nullptr}, 280, 240}, {SensorType::footfall, {"footfall", nullptr}, 360, 200},
        {SensorType::air, {"pm25", "pm10"}, 240, 400},         {SensorType::fire, {"smoke", "temperature"}, 440, 440},
    };
    Dataset d;
    d.title = d.titleKo = "Rehearsal";
    d.source = d.sourceKo = "generated";
    d.simulated = true;
    d.utcOffsetMinutes = 540;
    for (const SensorPlan& p : plans) {
        const uint32_t index = uint32_t(d.sensors.size());
        Sensor s;
        s.type = p.type;
        s.typeName = sensorTypeInfo(p.type).name;
        s.id = s.typeName + "-" + std::to_string(index);
        s.nameEn = s.nameKo = s.id;
        s.position = at(p.eastM, p.northM);
        s.capacity = p.type == SensorType::parking ? 20 : 0;
        d.sensors.push_back(s);
        for (const char* metric : p.metrics) {
            if (!metric) continue;
            Series series;
            series.sensor = index;
            series.metric = metric;
            series.unit = sensorTypeInfo(p.type).unit;
            const bool counted = std::string(metric) == "occupied" || std::string(metric) == "compactions";
            series.interpolation = counted ? Interpolation::step : Interpolation::linear;
            series.startMs = kStartMs;
            series.stepMs = kStepMs;
            series.offset = uint32_t(d.values.size());
            series.count = kReadings;
            for (uint32_t i = 0; i < kReadings; ++i) {
                const double phase = double(i) / kReadings, wave = 0.5 + 0.5 * std::sin(2 * kPi * phase + index);
                double v = 0;
                switch (p.type) {
                case SensorType::bin:  // fills through the day, emptied every 96 readings (8 hours)
                    v = series.metric == "fill" ? 10 + 85 * double((i + 17 * index) % 96) / 96 : double(i / 40);
                    break;
                case SensorType::parking: v = std::round(20 * wave); break;
                case SensorType::noise: v = 45 + 25 * wave; break;
                case SensorType::footfall: v = std::round(400 * wave); break;
                case SensorType::air: v = (series.metric == "pm25" ? 12 : 30) + 40 * wave; break;
                default: v = series.metric == "smoke" ? 0.1 * wave : 18 + 6 * wave; break;
                }
                if (i == 100 + index) v = std::nan("");  // a gap, as real feeds have
                d.values.push_back(float(v));
            }
            d.series.push_back(std::move(series));
        }
        if (p.type == SensorType::bin)
            for (uint32_t i = 0; i < kReadings; ++i)
                if ((i + 17 * index) % 96 == 95) d.events.push_back({kStartMs + int64_t(i) * kStepMs, index, "collection", 95, ""});
        if (p.type == SensorType::noise) d.events.push_back({kStartMs + 2 * 3600000, index, "noise_violation", 68, ""});
        if (p.type == SensorType::parking) d.events.push_back({kStartMs + 9 * 3600000, index, "illegal_stop", 1, ""});
    }
    finishDataset(d, kStartMs, kStartMs + int64_t(kReadings) * kStepMs);
    return d;
}

}  // namespace

RehearsalCity rehearsalCity() { return {rehearsalMap(), rehearsalData()}; }

bool rehearseCommit() {
    const RehearsalCity city = rehearsalCity();
    Viewer viewer;
    viewer.stageFile("map", "rehearsal.bkm", writeBinaryMap(city.map));
    viewer.stageFile("recording", "rehearsal.bkr", writeBinaryRecording(city.data));
    if (!viewer.commitStaged()) return false;
    viewer.update(16, 1280, 720, 1, 1);
    viewer.viewState();
    return true;
}

}  // namespace bk
