// messy_dataset.hpp — a seeded dataset as messy as real exports: every type, regular and irregular series, step and
// linear, gaps, repeated timestamps, readings exactly on thresholds, named levels (out of range too), sensors
// without series. Shared by the tests that check a fast path against the plain one.
#pragma once

#include "dataset.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace bk {

inline Dataset messyDataset(uint32_t sensors, uint32_t seed, bool levelledBins = false) {
    std::mt19937 rng(seed);
    auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    Dataset d;
    const SensorType types[7] = {SensorType::bin, SensorType::parking, SensorType::noise, SensorType::footfall,
                                 SensorType::air, SensorType::fire, SensorType::other};
    const int64_t t0 = 1'700'000'000'000;
    for (uint32_t i = 0; i < sensors; ++i) {
        Sensor s;
        s.id = "S" + std::to_string(i);
        s.type = types[i % 7];
        s.position = {37.5 + uniform(0, 0.01), 126.98 + uniform(0, 0.01)};
        if (s.type == SensorType::parking) s.capacity = double(1 + rng() % 30);
        if (s.type == SensorType::other && i % 2) s.scaleMin = -5, s.scaleMax = 40;
        d.sensors.push_back(s);
        if (i % 9 == 4) continue;  // a sensor without any series
        Series series;
        series.sensor = i;
        const SensorTypeInfo& info = sensorTypeInfo(s.type);
        series.metric = s.type == SensorType::air && i % 2 ? "pm10" : info.primaryMetric;
        series.offset = uint32_t(d.values.size());
        series.count = 20 + rng() % 40;
        series.interpolation = i % 4 == 1 ? Interpolation::step : Interpolation::linear;
        // Named levels: some "other" sensors; with levelledBins, every third bin too (all alike, as a fleet's are).
        const bool binLevels = levelledBins && s.type == SensorType::bin && i % 3 == 0;
        const bool levels = (s.type == SensorType::other && i % 3 == 0) || binLevels;
        if (levels) {
            series.levels = i % 2 || binLevels ? std::vector<std::string>{"GREEN", "YELLOW", "RED"}
                                               : std::vector<std::string>{"RED", "GREEN", "RED"};  // a colour twice
            series.interpolation = i % 6 == 0 ? Interpolation::linear : Interpolation::step;
        }
        const int64_t start = t0 + int64_t(rng() % 3'600'000);  // some start after others
        if (i % 2) {
            series.regular = true;
            series.startMs = start;
            series.stepMs = 60'000 * int64_t(1 + rng() % 15);
        } else {
            series.regular = false;
            series.timeOffset = uint32_t(d.timesMs.size());
            int64_t t = start;
            for (uint32_t k = 0; k < series.count; ++k) {
                d.timesMs.push_back(t);
                t += rng() % 7 == 0 ? 0 : int64_t(1000 + rng() % 1'800'000);  // repeated timestamps too
            }
        }
        const double lo = info.scaleMin, hi = info.scaleMax;
        double v = uniform(lo, hi);
        for (uint32_t k = 0; k < series.count; ++k) {
            v = std::clamp(v + (hi - lo) * 0.2 * (uniform(0, 1) - 0.5), lo, hi);
            float x = float(v);
            if (rng() % 5 == 0) x = float(std::round(v));                       // integer readings
            if (s.type == SensorType::bin && !levels && rng() % 6 == 0) x = rng() % 2 ? 80.0f : 99.5f;  // on a threshold
            if (s.type == SensorType::noise && rng() % 6 == 0) x = rng() % 2 ? 65.0f : 70.0f;
            if (s.type == SensorType::fire && rng() % 4 == 0) x = 57.0f;
            if (levels) x = float(int(rng() % 5) - 1);                          // -1 … 3: two out of range
            if (rng() % 15 == 0) x = std::numeric_limits<float>::quiet_NaN();  // a gap
            d.values.push_back(x);
        }
        d.series.push_back(std::move(series));
    }
    finishDataset(d);
    return d;
}

}  // namespace bk
