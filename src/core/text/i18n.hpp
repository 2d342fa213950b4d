// i18n.hpp — UI strings, date and number formatting for one language, from assets/i18n/<lang>.json.
#pragma once

#include "load_error.hpp"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bk {

class Strings {
public:
    // Parses a language file (see docs/api.md, "Languages"). Every string must be a string; weekdays 7, months 12.
    static Result<Strings> load(std::string_view json, const std::string& fileName);

    const std::string& code() const { return code_; }   // "en", "ko", …
    // The text for `key`, or the key itself when missing (a visible, testable gap rather than an empty label).
    const char* get(const char* key) const;
    // get(key) with "{name}" placeholders replaced.
    std::string format(const char* key, std::initializer_list<std::pair<const char*, std::string>> args) const;
    // "Sat 16 May 2026" / "2026년 5월 16일 (토)" at a UTC offset.
    std::string date(int64_t timeMs, int offsetMinutes) const;
    std::string weekdayShort(int64_t timeMs, int offsetMinutes) const;
    bool has(const char* key) const { return strings_.count(key) != 0; }
    const std::unordered_map<std::string, std::string>& all() const { return strings_; }
    // Every string, weekday and month name, run together: the characters this language draws (fonts).
    std::string allText() const;

private:
    std::string code_;
    std::unordered_map<std::string, std::string> strings_;
    std::vector<std::string> weekdays_, months_;
    std::string dateFormat_ = "{year}-{month}-{day}";
};

// Replaces "{name}" placeholders in `pattern`.
std::string fillPlaceholders(std::string pattern, std::initializer_list<std::pair<const char*, std::string>> args);

}  // namespace bk
