// panel_facts.hpp — what the panels say, without a language or a GPU: the KPI tiles, a reading with its unit, a
// count with thousands grouped. The ImGui panels (src/ui/) and the page's accessible twin (the state's "twin",
// web/viewer-a11y.js) read the same facts, so the canvas and the HTML never disagree.
#pragma once

#include "dataset.hpp"
#include "replay_stats.hpp"

#include <string>
#include <utility>
#include <vector>

namespace bk {

// A UI string to be said in the current language: its key in assets/i18n/*.json and the values of its {fields}.
struct UiText {
    std::string key;
    std::vector<std::pair<std::string, std::string>> args;
};

// One number of the KPI panel: "3/12" over "Bins ≥ 80% now".
struct KpiTile {
    enum class Tone { ink, blue, green, orange, red };  // the number's colour: ink, or what it warns of
    std::string value;
    UiText label;
    Tone tone = Tone::ink;
};
// Only the numbers the data supports: a bin log has no illegal stops, a log without events counts from readings.
std::vector<KpiTile> kpiTiles(const Kpis& k, const Dataset& d);
const char* toneName(KpiTile::Tone tone);  // "ink", "blue", … (the state JSON)
// Whether the data is Bukchon's (its map or recording says so): other cities' data gets neutral titles.
bool isBukchonData(const std::string& mapName, const std::string& datasetTitle);

// A reading as the panels write it: `text` when it needs no words ("62 %", "18.1 °C", "YELLOW"), else `say`
// ("12 / 20 spaces", "no data").
struct ValueText {
    std::string text;
    UiText say;
};
ValueText valueText(const Sensor& sensor, float value, const Series* series = nullptr);
// Another metric of a sensor, now: {"18.1", "°C"}, {"GREEN", ""}, {"–", …}; counts have no unit.
std::pair<std::string, std::string> readingText(const Series& series, float value);

// A count with thousands grouped: 100000 → "100,000" (both languages use the comma).
std::string formatCount(long long n);

}  // namespace bk
