// metric_choice.cpp — the metrics a dataset offers and the switch between them (see metric_choice.hpp).
#include "metric_choice.hpp"

#include "quantity.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace bk {

std::vector<std::pair<std::string, size_t>> metricChoices(const Dataset& d) {
    std::vector<std::pair<std::string, size_t>> out;
    std::vector<size_t> perSensor(d.sensors.size(), 0);
    for (const Series& s : d.series) {
        ++perSensor[s.sensor];
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& m) { return m.first == s.metric; });
        if (it == out.end()) out.push_back({s.metric, 1});
        else ++it->second;  // a sensor has one series per metric
    }
    if (std::none_of(perSensor.begin(), perSensor.end(), [](size_t n) { return n > 1; })) return {};
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return quantityInfo(quantityOfMetric(a.first)).priority < quantityInfo(quantityOfMetric(b.first)).priority;
    });
    return out;
}

MetricDefaults metricDefaults(const Dataset& d) {
    MetricDefaults m;
    for (const Sensor& s : d.sensors) {
        m.types.push_back(s.type);
        m.scales.push_back({s.scaleMin, s.scaleMax});
    }
    m.primary = d.primarySeries;
    return m;
}

bool chooseMetric(Dataset& d, const MetricDefaults& defaults, const std::string& metric) {
    std::vector<int32_t> chosen(d.sensors.size(), -1);
    double lo = INFINITY, hi = -INFINITY;
    bool any = false;
    for (size_t i = 0; i < d.series.size() && !metric.empty(); ++i) {
        const Series& s = d.series[i];
        if (s.metric != metric) continue;
        chosen[s.sensor] = int32_t(i);
        any = true;
        for (uint32_t k = 0; k < s.count; ++k) {
            float v = d.values[s.offset + k];
            if (!std::isnan(v)) lo = std::min(lo, double(v)), hi = std::max(hi, double(v));
        }
    }
    if (!metric.empty() && !any) return false;
    const Quantity q = quantityOfMetric(metric);
    const QuantityInfo& info = quantityInfo(q);
    for (size_t i = 0; i < d.sensors.size(); ++i) {
        Sensor& sensor = d.sensors[i];
        int32_t si = chosen[i];
        if (si < 0 || si == defaults.primary[i]) {  // its own default (also when the choice is what it shows anyway)
            sensor.type = defaults.types[i];
            std::tie(sensor.scaleMin, sensor.scaleMax) = defaults.scales[i];
            d.primarySeries[i] = defaults.primary[i];
            continue;
        }
        const Series& s = d.series[size_t(si)];
        d.primarySeries[i] = si;
        sensor.type = q == Quantity::none ? SensorType::other : info.type;
        sensor.scaleMin = sensor.scaleMax = 0;  // the type's own scale …
        if (!s.levels.empty()) sensor.scaleMin = 0, sensor.scaleMax = double(s.levels.size() - 1);
        else if (q == Quantity::pm10) sensor.scaleMin = info.scaleMin, sensor.scaleMax = info.scaleMax;
        else if (sensor.type == SensorType::other && hi >= lo)  // … or the metric's range across sensors
            sensor.scaleMin = lo, sensor.scaleMax = hi > lo ? hi : lo + std::max(1.0, std::fabs(lo) * 1e-3);
    }
    return true;
}

}  // namespace bk
