// import_columns.hpp — internal to the importer: text helpers for table cells and the roles a column can play.
#pragma once

#include "sensors.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bk::importer_detail {

// ---- text helpers

std::string_view trim(std::string_view s);   // without surrounding spaces, tabs and line ends
std::string lower(std::string_view s);       // ASCII letters in lower case
// Column names compared without case, spaces, underscores, hyphens, dots or a trailing "(unit)" / "[unit]".
std::string normalizeName(std::string_view name);
// Only a trailing unit is a unit: "fill (%)" → metric "fill", unit "%"; "PM2.5 [µg/m³]" → "PM2.5", "µg/m³";
// "noise, dB" → "noise", "dB"; "진동(x) (g)" → "진동(x)", "g" (a qualifier before the unit stays in the name).
void splitUnit(std::string_view header, std::string& name, std::string& unit);
// Units written with CJK compatibility signs, as Korean exports do, in the common spelling: ㎍/㎥ → µg/m³, ℃ → °C,
// ㏈ → dB, ％ → %. One spelling for one unit, and one the page's fonts always have.
std::string plainUnit(std::string_view unit);
std::string shorten(std::string_view s, size_t max = 40);  // at most `max` bytes (whole UTF-8 characters) + "…"
bool isMissing(std::string_view v);
// A note's list of many: the first `shown` names, then "and N more" for the rest of `total` (names may hold fewer).
std::string firstFew(const std::vector<std::string>& names, size_t total, size_t shown = 3);          // empty, NA, n/a, NaN, null, none, -, --, ?
// A number, optionally followed by a unit ("52 dB", "45%", "12.5µg/m³"); decimal point only, no thousands separators.
std::optional<double> parseNumber(std::string_view v, std::string* unitOut = nullptr);

// ---- column roles

// `hour`: the time of day when the time column holds dates alone (a date column and an hour column).
enum class Role { none, time, id, lat, lon, name, metric, value, type, unit, hour };

Role roleFromName(std::string_view header);  // from a header cell ("위도" → lat); none when it names no role

// Categorical levels in a known order (green < yellow < red, 좋음 < 보통 < 나쁨, …), else alphabetical.
std::vector<std::string> orderLevels(const std::vector<std::string>& seen);

}  // namespace bk::importer_detail
