// filters.hpp — filters on what the data says: per layer a value range or threshold, a named PM band, "only in
// alert" or "hide"; parsed from and formatted to one text form, and evaluated per sensor at replay time.
//
// Text form (URL `filter=`, `setFilter()`, docs/api.md "Filters"): clauses separated by commas, each
// `layer:condition`, where layer is a sensor type name (bin, parking, noise, footfall, air, fire, other) or `*`
// for every type, and condition is one of
//   metric>=80  metric>55  metric<=10  metric<3  metric=2      a threshold on a metric's value at t
//   metric=20..80                                              a range, both ends included
//   pm25>=bad  pm10<moderate …                                 a Korean PM band (good, moderate, bad, verybad)
//   alert                                                      only sensors in alert (glyph_scene's isAlert)
//   hide                                                       none of this layer
// e.g. `bin:fill>=80,noise:noise>55,air:pm25>=bad,*:alert,parking:hide`.
//
// Rules (tests/unit/filters_test.cpp): a clause concerns the sensors of its layer and leaves the others alone; a
// sensor it concerns passes only when the condition holds at t (no reading: it does not); all clauses must pass.
// A metric the loaded data does not have for that layer is a note, not an error: the data may change.
#pragma once

#include "dataset.hpp"
#include "glyph_scene.hpp"
#include "sampler.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bk {

enum class FilterOp : uint8_t { ge, gt, le, lt, eq, range, alert, hide };

// The names of glyph_scene's koreanPmBand values in the text form.
const char* pmBandName(int band);  // "good", "moderate", "bad", "verybad"

struct FilterClause {
    int layer = -1;            // SensorType, or -1 for every type ("*")
    std::string metric;        // value clauses; "" for alert and hide
    FilterOp op = FilterOp::ge;
    double value = 0, upTo = 0;  // threshold, or the range value..upTo
    int band = -1;             // ≥ 0: value is compared by its PM band (koreanPmBand) with this one

    bool operator==(const FilterClause& o) const {
        return layer == o.layer && metric == o.metric && op == o.op && value == o.value && upTo == o.upTo && band == o.band;
    }
};

struct FilterSet {
    std::vector<FilterClause> clauses;
    bool empty() const { return clauses.empty(); }
    bool operator==(const FilterSet& o) const { return clauses == o.clauses; }
};

constexpr size_t kMaxFilterClauses = 16;
constexpr size_t kMaxFilterTextBytes = 1024;

struct FilterParse {
    FilterSet filters;
    std::string error;  // "" when usable: `clause 2 "noise:noise>>55": expected a number after >, got ">55"`
    bool ok() const { return error.empty(); }
};
// "" (or only spaces and commas) is no filter. A repeated clause is kept once.
FilterParse parseFilters(std::string_view text);

// Canonical text: no spaces, numbers in their shortest form, `*` for every type; parseFilters gives it back.
std::string formatClause(const FilterClause& clause);
std::string formatFilters(const FilterSet& filters);
const char* filterLayerName(int layer);  // "bin" … or "*"

// Does a value pass a clause, for a sensor drawn with `style`? (alert uses the style's bands; hide never passes.)
bool clausePasses(const FilterClause& clause, const GlyphStyle& style, float value);

// What evaluating a FilterSet on one dataset needs, found once per dataset, metric choice and filter: for each
// clause and each sensor it concerns, the series that holds the clause's metric (the driving series when it is that
// one, so the frame's values are reused).
class FilterPlan {
public:
    FilterPlan() = default;
    FilterPlan(const Dataset& dataset, const FilterSet& filters);
    bool active() const { return !filters_.empty(); }
    // pass[i] = 1 when sensor i passes every clause at timeMs. `primaryValues`: each sensor's driving value at
    // timeMs (the frame's); other metrics are sampled with `sampler`. Returns how many pass.
    size_t evaluate(const Dataset& dataset, const std::vector<GlyphStyle>& styles, const std::vector<float>& primaryValues,
                    Sampler& sampler, int64_t timeMs, std::vector<uint8_t>& pass) const;
    // Per clause: why it may show nothing in this data (`no air sensor has "pm10"`), or "".
    const std::vector<std::string>& notes() const { return notes_; }

private:
    FilterSet filters_;
    // Per clause, per sensor: -2 not concerned, -1 concerned but without the metric, else the series index.
    std::vector<std::vector<int32_t>> seriesOf_;
    std::vector<std::string> notes_;
};

// Filters a presenter reaches for without typing, per sensor type (the legend's menu): the clause and the i18n key
// of its label. Only those whose metric the data has for the type are offered (alert only for types that have one).
struct FilterPreset {
    const char* clause;   // "bin:fill>=80"
    const char* label;    // "filter.preset.binsFull"
};
std::vector<FilterPreset> filterPresets(const Dataset& dataset, SensorType type);

}  // namespace bk
