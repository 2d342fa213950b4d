// launch_params.hpp — reads a page's URL query (lang, t, speed, view, …) into typed viewer options and problems.
//
// The page hands over location.search as it is; decoding (exactly as the browser's URLSearchParams does), the value
// rules (docs/api.md, "URL parameters") and the message for every value that cannot be used are decided here, so
// they are unit-tested and fuzzed. JavaScript only applies the options and shows the problems.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bk {

constexpr size_t kMaxQueryBytes = 65536;

// application/x-www-form-urlencoded as the WHATWG URL standard reads it (URLSearchParams): one leading '?' dropped,
// pieces split on '&' (empty ones skipped), name and value split at the first '=', '+' read as a space, %XX decoded
// (either case; a '%' not followed by two hex digits stays as it is), then UTF-8 decoded with every ill-formed
// sequence replaced by U+FFFD, as the browser does. Names and values are always valid UTF-8. Pairs keep their order.
std::vector<std::pair<std::string, std::string>> decodeQuery(std::string_view query);

struct MapView {
    double lat = 0, lon = 0, zoom = 0;
};

// The options createViewer() takes, each present only when the query gave a usable value (first occurrence of a key
// wins, as URLSearchParams.get does; unknown keys are left to the page). JSON names in the comments where they differ.
struct LaunchParams {
    std::optional<std::string> lang;
    std::optional<int64_t> timeMs;                    // "t": epoch ms
    std::optional<double> speed;                      // replay seconds per real second
    std::optional<bool> play, loop, kiosk;
    std::optional<bool> authoring;                   // the presenter's buttons (Story, Export video) in a kiosk or embed
    std::optional<std::vector<std::string>> layers;   // known names only, no duplicates
    std::optional<std::string> sensor;
    std::optional<MapView> view;
    std::optional<std::string> ui, palette, detail;   // palette "cb" is stored as "colourblind"
    std::optional<std::string> metric;                // the metric that drives the map (setMetric)
    std::optional<std::string> compare;               // "time" or "policy": a compare view (compare())
    std::optional<int64_t> time2Ms;                   // "t2": the compare view's second moment, epoch ms
    std::optional<std::string> filter;                // filters in canonical text form (setFilter)
    std::optional<std::string> events;                // event thresholds in canonical text form (setEventRules)
    std::optional<bool> story;                        // story=1 / story=0 …
    std::optional<std::string> storyUrl;              // … or story=<url>: then "story" is this string
    std::optional<double> kioskIdleSeconds;           // "idle"
    std::optional<std::string> data;                  // JSON adds "dataFromUrl": true
    std::optional<std::string> timezone;              // "tz"
    std::optional<std::vector<std::string>> parents;  // origins as browsers write them (event.origin)
    // One message per parameter that could not be used (fully or partly), ready to show, e.g.
    // "URL parameter speed=abc: expected a number from 0.1 to 100000 (replay seconds per real second)".
    std::vector<std::string> problems;
};

LaunchParams parseLaunchParams(std::string_view query);

// {"options":{"lang":"ko","t":1778907600000,…},"problems":["URL parameter …"]}; always valid JSON.
std::string launchParamsJson(const LaunchParams& params);

}  // namespace bk
