// metric_choice.hpp — which metric drives the map when sensors measure many things (PM2.5, PM10, noise, temperature …
// on one pole): the metrics a dataset offers, and the switch that makes one of them drive every glyph that has it.
#pragma once

#include "dataset.hpp"

#include <string>
#include <utility>
#include <vector>

namespace bk {

// The metrics that can drive the map, each with the number of sensors that have it: only datasets where some sensor
// has more than one metric offer a choice (else empty). Quantities first in their order (PM2.5, PM10, noise …),
// then the rest as they first appear.
std::vector<std::pair<std::string, size_t>> metricChoices(const Dataset& d);

// What a dataset draws before any choice: per sensor its type, scale and driving series.
struct MetricDefaults {
    std::vector<SensorType> types;
    std::vector<std::pair<double, double>> scales;
    std::vector<int32_t> primary;
};
MetricDefaults metricDefaults(const Dataset& d);

// Makes `metric` drive the glyph of every sensor that has a series of it, with that quantity's glyph (noise rings for
// noise, air bands for PM2.5 …; a neutral disc over the metric's range across sensors for others); the other sensors
// keep their defaults. An empty metric restores the defaults. False (nothing changed) when no sensor has `metric`.
bool chooseMetric(Dataset& d, const MetricDefaults& defaults, const std::string& metric);

}  // namespace bk
