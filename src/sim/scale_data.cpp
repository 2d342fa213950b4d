// scale_data.cpp — the big-log generator: integer arithmetic and a seeded PRNG, formatted by hand for speed.
#include "scale_data.hpp"

#include "rng.hpp"
#include "sensors.hpp"
#include "time_util.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace bk {

uint64_t generateScaleCsv(const ScaleCsvOptions& opt, const std::function<void(std::string_view)>& sink) {
    Rng rng(opt.seed);
    struct Site { char id[12]; char lat[12]; char lon[12]; int phase, rate; };
    std::vector<Site> sites(opt.sensors);
    for (uint32_t i = 0; i < opt.sensors; ++i) {
        Site& s = sites[i];
        std::snprintf(s.id, sizeof s.id, "S%06u", i);
        // Spread over a ~10 km square around Seoul City Hall.
        std::snprintf(s.lat, sizeof s.lat, "%.6f", 37.52 + rng.uniform() * 0.09);
        std::snprintf(s.lon, sizeof s.lon, "%.6f", 126.93 + rng.uniform() * 0.11);
        s.phase = int(rng.next() % 1000);
        s.rate = 3 + int(rng.next() % 17);
    }
    std::string out = "time,sensor_id,lat,lon,fill,status\n";
    uint64_t bytes = 0, rows = 0;
    const int64_t start = *parseIsoTimeMs("2026-05-11T00:00:00Z");
    for (int64_t step = 0; bytes + out.size() < opt.targetBytes; ++step) {
        LocalTime t = toLocalTime(start + step * opt.stepSeconds * 1000, 0);
        char when[24];
        std::snprintf(when, sizeof when, "%04d-%02u-%02u %02d:%02d:%02d", t.year, t.month, t.day, t.hour, t.minute, t.second);
        for (uint32_t i = 0; i < opt.sensors && bytes + out.size() < opt.targetBytes; ++i) {
            const Site& s = sites[i];
            int fill10 = int((s.phase + step * s.rate) % 1000) + int(rng.next() % 21) - 10;  // tenths of a percent
            if (fill10 < 0) fill10 = 0;
            if (fill10 > 999) fill10 = 999;
            const char* status = fill10 < 500 ? "GREEN" : fill10 < 800 ? "YELLOW" : "RED";
            char row[96];
            int n = std::snprintf(row, sizeof row, "%s,%s,%s,%s,%d.%d,%s\n", when, s.id, s.lat, s.lon, fill10 / 10,
                                  fill10 % 10, status);
            out.append(row, size_t(n));
            ++rows;
            if (out.size() >= (1 << 20)) {
                bytes += out.size();
                sink(out);
                out.clear();
            }
        }
    }
    if (!out.empty()) sink(out);
    return rows;
}

Dataset generateScaleDataset(const ScaleDatasetOptions& opt) {
    Rng rng(opt.seed);
    Dataset d;
    d.title = "Scale benchmark: " + std::to_string(opt.sensors) + " synthetic sensors";
    d.source = "SYNTHETIC benchmark data from bukchon-gen (seed " + std::to_string(opt.seed) + "), not measurements";
    d.simulated = true;
    d.utcOffsetMinutes = kKstOffsetMinutes;
    const int64_t start = *parseIsoTimeMs("2026-05-11T00:00:00+09:00");
    const SensorType types[6] = {SensorType::bin, SensorType::parking, SensorType::noise,
                                 SensorType::footfall, SensorType::air, SensorType::fire};
    d.sensors.reserve(opt.sensors);
    d.series.reserve(opt.sensors);
    d.values.reserve(size_t(opt.sensors) * opt.readings);
    for (uint32_t i = 0; i < opt.sensors; ++i) {
        Sensor s;
        char id[16];
        std::snprintf(id, sizeof id, "X%06u", i);
        s.id = id;
        s.type = types[rng.next() % 6];
        s.typeName = sensorTypeInfo(s.type).name;
        s.position = {37.50 + rng.uniform() * 0.10, 126.92 + rng.uniform() * 0.14};
        if (s.type == SensorType::parking) s.capacity = double(5 + rng.next() % 40);
        const SensorTypeInfo& info = sensorTypeInfo(s.type);
        Series series;
        series.sensor = i;
        series.metric = info.primaryMetric;
        series.unit = info.unit;
        series.startMs = start;
        series.stepMs = int64_t(opt.stepSeconds) * 1000;
        series.offset = uint32_t(d.values.size());
        series.count = opt.readings;
        // Values live in the lower two thirds of the type's scale (a fire sensor reads room temperature, not 80 °C),
        // so alerts stay the exception, as in life.
        double lo = info.scaleMin, hi = info.scaleMin + (info.scaleMax - info.scaleMin) * (s.type == SensorType::fire ? 0.45 : 0.8);
        double v = lo + (hi - lo) * rng.uniform();
        for (uint32_t k = 0; k < opt.readings; ++k) {
            // A random walk pulled towards a daily rhythm (high in the afternoon), kept in the type's range.
            double hour = double(k) * opt.stepSeconds / 3600.0;
            double rhythm = lo + (hi - lo) * (0.25 + 0.45 * (hour > 8 && hour < 20 ? 1.0 - (hour - 14) * (hour - 14) / 36.0 : 0.0));
            v += (rhythm - v) * 0.25 + (hi - lo) * 0.06 * rng.normal();
            if (v < lo) v = lo;
            if (v > hi) v = hi;
            d.values.push_back(float(v));
        }
        d.series.push_back(std::move(series));
        d.sensors.push_back(std::move(s));
    }
    finishDataset(d, start, start + int64_t(opt.readings) * opt.stepSeconds * 1000);
    return d;
}

}  // namespace bk
