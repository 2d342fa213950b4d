// i18n.hpp — UI strings, plural forms, dates and numbers for one language, from assets/i18n/<lang>.json and the
// locale's own tables (the browser's Intl, handed over with the strings: docs/translations.md).
#pragma once

#include "load_error.hpp"
#include "number_signs.hpp"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bk {

// CLDR plural categories, in the order of their names: "zero", "one", "two", "few", "many", "other".
enum class Plural : uint8_t { zero, one, two, few, many, other };
constexpr size_t kPluralCategories = 6;
const char* pluralName(Plural p);

class Strings {
public:
    // Parses a language file (docs/translations.md, "The file"). A string is text, or an object of plural forms by
    // CLDR category ("one", "other", …; "other" always there). Optional, written by the page from the browser's
    // Intl: "plurals" (the category of 0 … 199), "weekdays" (7, Sunday first), "months" (12), "dateFormat"
    // ("{weekday} {day} {month} {year}" in the locale's order), "numbers" ({decimal, group, digits}).
    static Result<Strings> load(std::string_view json, const std::string& fileName);

    const std::string& code() const { return code_; }   // "en", "ko", …
    bool rightToLeft() const { return rtl_; }           // "dir": "rtl"
    // The text for `key` (a plural one's "other" form), or the key itself when missing (a visible, testable gap).
    const char* get(const char* key) const;
    // get(key) with "{name}" placeholders replaced; a plural string takes the form for its "count" argument's
    // number (digits read from the text given, so "1,234" counts as 1234).
    std::string format(const char* key, std::initializer_list<std::pair<const char*, std::string>> args) const;
    // The language's plural category of a count: the page's Intl table, else English's rule (1 is "one").
    Plural pluralOf(uint64_t n) const;
    // "Sat 16 May 2026" / "2026년 5월 16일 (토)" at a UTC offset; ISO-like without the locale's tables.
    std::string date(int64_t timeMs, int offsetMinutes) const;
    std::string weekdayShort(int64_t timeMs, int offsetMinutes) const;
    // A number as the locale writes it: its decimal sign, grouping and digits (the text's ASCII digits, '.' and ','
    // as produced by formatCount and printf).
    std::string localNumber(std::string_view ascii) const { return bk::localNumber(numbers_, ascii); }
    const NumberSigns& numbers() const { return numbers_; }
    bool has(const char* key) const { return strings_.count(key) != 0 || plurals_.count(key) != 0; }
    const std::unordered_map<std::string, std::string>& all() const { return strings_; }
    const std::unordered_map<std::string, std::array<std::string, kPluralCategories>>& plurals() const { return plurals_; }
    // Every string, plural form, weekday and month name and digit, run together: the characters it draws (fonts).
    std::string allText() const;

private:
    std::string code_;
    bool rtl_ = false;
    std::unordered_map<std::string, std::string> strings_;
    std::unordered_map<std::string, std::array<std::string, kPluralCategories>> plurals_;  // "" where not given
    std::vector<uint8_t> pluralTable_;  // category of 0 … 199 (Plural), from Intl.PluralRules
    std::vector<std::string> weekdays_, months_;
    std::string dateFormat_ = "{year}-{month}-{day}";
    NumberSigns numbers_;
};

// Replaces "{name}" placeholders in `pattern`.
std::string fillPlaceholders(std::string pattern, std::initializer_list<std::pair<const char*, std::string>> args);

}  // namespace bk
