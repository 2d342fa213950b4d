// param_rules.cpp — the value rules URL parameters and embed commands share (see param_rules.hpp).
#include "param_rules.hpp"

#include "ui_mode.hpp"

#include <cmath>
#include <cstdlib>

namespace bk::rules {

const char* layerName(size_t bit) {
    if (bit < size_t(kSensorTypeCount)) return sensorTypeInfo(SensorType(bit)).name;
    return bit == size_t(kSensorTypeCount) ? "route" : "";
}

int layerBit(std::string_view name) {
    for (size_t bit = 0; bit < kLayerCount; ++bit)
        if (name == layerName(bit)) return int(bit);
    return -1;
}

bool isLayerName(std::string_view name) { return layerBit(name) >= 0; }

const std::string& layerList() {
    static const std::string list = [] {
        std::string l;
        for (size_t bit = 0; bit < kLayerCount; ++bit) l += (bit ? ", " : "") + std::string(layerName(bit));
        return l;
    }();
    return list;
}

namespace {
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isLetter(char c) { return isLower(c) || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
}  // namespace

bool isLanguageCode(std::string_view code) {
    size_t i = 0;
    while (i < code.size() && isLower(code[i])) ++i;
    if (i < 2 || i > 3) return false;
    if (i == code.size()) return true;
    if (code[i] != '-') return false;
    size_t region = code.size() - i - 1;
    if (region < 2 || region > 4) return false;
    for (++i; i < code.size(); ++i)
        if (!isLetter(code[i])) return false;
    return true;
}

bool isUiMode(std::string_view mode) { return parseUiMode(mode).has_value(); }
bool isPalette(std::string_view name) { return name == "default" || name == "colourblind"; }
bool isDetailMode(std::string_view mode) { return mode == "auto" || mode == "glyphs"; }

bool hasControlCharacter(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F) return true;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
    }
    return false;
}

bool isPlainText(std::string_view text, size_t maxBytes) {
    return !text.empty() && text.size() <= maxBytes && !hasControlCharacter(text);
}

bool inViewRange(double lat, double lon, double zoom) {
    return std::isfinite(lat) && std::isfinite(lon) && std::isfinite(zoom) && lat >= -kMaxLatitude &&
           lat <= kMaxLatitude && lon >= -kMaxLongitude && lon <= kMaxLongitude && zoom >= kMinZoom && zoom <= kMaxZoom;
}

std::optional<double> parseFiniteNumber(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    // Check the shape first: strtod alone would also take "0x1p3", "nan", "inf" and a prefix of "12abc".
    size_t i = 0, n = s.size();
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    size_t intDigits = 0, fracDigits = 0;
    while (i < n && isDigit(s[i])) ++i, ++intDigits;
    if (i < n && s[i] == '.')
        for (++i; i < n && isDigit(s[i]); ++i) ++fracDigits;
    if (intDigits + fracDigits == 0) return std::nullopt;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        size_t expDigits = 0;
        while (i < n && isDigit(s[i])) ++i, ++expDigits;
        if (expDigits == 0) return std::nullopt;
    }
    if (i != n) return std::nullopt;
    std::string text(s);  // strtod needs the terminating NUL
    double value = std::strtod(text.c_str(), nullptr);
    if (!std::isfinite(value)) return std::nullopt;
    return value;
}

std::string showText(std::string_view s) {
    constexpr size_t kMaxCharacters = 60;
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    size_t characters = 0, i = 0;
    while (i < s.size()) {
        if (characters == kMaxCharacters) return out + "\xE2\x80\xA6";  // …
        auto c = static_cast<unsigned char>(s[i]);
        size_t length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + length > s.size()) length = 1;
        unsigned code = c;
        if (length == 2) code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
        if (code < 0x20 || (code >= 0x7F && code <= 0x9F) || (length == 1 && c >= 0x80)) {
            out += "\\x";
            out += kHex[code >> 4];
            out += kHex[code & 15];
        } else {
            out.append(s.data() + i, length);
        }
        i += length;
        ++characters;
    }
    return out;
}

std::string showJson(const nlohmann::ordered_json& value) {
    return showText(value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

nlohmann::ordered_json jsonNumber(double value) {
    constexpr double kExact = 9007199254740992.0;  // 2^53: every whole double below it is exact
    if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) <= kExact)
        return static_cast<int64_t>(value);
    return value;
}

}  // namespace bk::rules
