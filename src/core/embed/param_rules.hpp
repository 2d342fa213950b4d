// param_rules.hpp — the value rules URL parameters and embed commands share: ranges, names, patterns, quoting.
//
// The page's URL (launch_params) and a parent frame's postMessage commands (embed_command) reach the same viewer
// methods, so they accept the same values; keeping the rules here means the two cannot drift apart.
#pragma once

#include "clock.hpp"
#include "sensors.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bk::rules {

constexpr double kMinSpeed = Clock::kMinSpeed, kMaxSpeed = Clock::kMaxSpeed;
constexpr double kMaxLatitude = 85.06;                 // web-map (Web Mercator) limit, rounded
constexpr double kMaxLongitude = 180;
constexpr double kMinZoom = 0, kMaxZoom = 22;
constexpr double kMinIdleSeconds = 1, kMaxIdleSeconds = 86400;
constexpr size_t kMaxIdBytes = 256;                    // sensor ids, postMessage ids
constexpr size_t kMaxUrlBytes = 2048;                  // data and story URLs
constexpr size_t kLayerCount = kSensorTypeCount + 1;

// Layers in the bit order of the layer mask: the sensor types (their names in files), then the collection route.
const char* layerName(size_t bit);
int layerBit(std::string_view name);   // -1: not a layer
bool isLayerName(std::string_view name);
const std::string& layerList();        // "bin, parking, noise, footfall, air, fire, other, route"

// ^[a-z]{2,3}(-[A-Za-z]{2,4})?$ : "en", "ko", "pt-BR", "zh-Hant"
bool isLanguageCode(std::string_view code);
bool isUiMode(std::string_view mode);      // full, minimal, none
bool isPalette(std::string_view name);     // default, colourblind
bool isDetailMode(std::string_view mode);  // auto, glyphs

// C0 controls, DEL and the C1 controls (U+0080…U+009F, UTF-8 C2 80…C2 9F).
bool hasControlCharacter(std::string_view utf8);
// 1 to maxBytes bytes and no control character: sensor ids, URLs.
bool isPlainText(std::string_view text, size_t maxBytes);

bool inViewRange(double lat, double lon, double zoom);

// A decimal number as a person writes it: [+-]digits[.digits][e[+-]digits], no hex, no "NaN"/"Infinity"; spaces
// around it are allowed (as JavaScript's Number() allows them). nullopt if it is not that or overflows (1e400).
std::optional<double> parseFiniteNumber(std::string_view text);

// A value quoted in a message: at most 60 characters then "…", control characters written \xNN.
std::string showText(std::string_view utf8);
// A JSON value quoted in a message: its JSON text, shortened the same way.
std::string showJson(const nlohmann::ordered_json& value);

// Whole numbers up to 2^53 as JSON integers (1778907600000, not 1778907600000.0); other values as they are.
nlohmann::ordered_json jsonNumber(double value);

}  // namespace bk::rules
