// i18n.cpp — language files: checked like every other input, with file/line/field errors.
#include "i18n.hpp"

#include "json_reader.hpp"
#include "time_util.hpp"

namespace bk {

std::string fillPlaceholders(std::string s, std::initializer_list<std::pair<const char*, std::string>> args) {
    for (const auto& [name, value] : args) {
        const std::string token = std::string("{") + name + "}";
        for (size_t at = s.find(token); at != std::string::npos; at = s.find(token, at + value.size()))
            s.replace(at, token.size(), value);
    }
    return s;
}

const char* pluralName(Plural p) {
    static const char* const kNames[kPluralCategories] = {"zero", "one", "two", "few", "many", "other"};
    return kNames[size_t(p)];
}

namespace {
int pluralIndex(std::string_view name) {
    for (size_t i = 0; i < kPluralCategories; ++i)
        if (name == pluralName(Plural(i))) return int(i);
    return -1;
}
}  // namespace

Result<Strings> Strings::load(std::string_view text, const std::string& fileName) {
    JsonReader r(text, fileName);
    Json root;
    if (!r.parse(root)) return r.error();
    JsonPath rp;
    Strings s;
    auto code = r.string(root, rp, "lang", true);
    const Json* strings = r.object(root, rp, "strings", true);
    if (!code || !strings) return r.error();
    s.code_ = *code;
    if (auto dir = r.string(root, rp, "dir", false)) {
        if (*dir != "ltr" && *dir != "rtl") {
            r.fail(rp["dir"], "expected \"ltr\" or \"rtl\", got \"" + *dir + "\"");
            return r.error();
        }
        s.rtl_ = *dir == "rtl";
    }
    for (auto it = strings->begin(); it != strings->end(); ++it) {
        if (it->is_string()) {
            s.strings_[it.key()] = it->get<std::string>();
            continue;
        }
        if (!it->is_object()) {
            r.fail(rp["strings"][it.key().c_str()], "expected a string or plural forms {\"one\": …, \"other\": …}, got " +
                                                        describeJsonType(*it));
            return r.error();
        }
        std::array<std::string, kPluralCategories> forms;
        for (auto f = it->begin(); f != it->end(); ++f) {
            const int k = pluralIndex(f.key());
            if (k < 0 || !f->is_string()) {
                r.fail(rp["strings"][it.key().c_str()][f.key().c_str()],
                       k < 0 ? "expected a plural category (zero, one, two, few, many, other)" : "expected a string");
                return r.error();
            }
            forms[size_t(k)] = f->get<std::string>();
        }
        if (forms[size_t(Plural::other)].empty()) {
            r.fail(rp["strings"][it.key().c_str()], "expected an \"other\" form (the one every language has)");
            return r.error();
        }
        s.plurals_[it.key()] = std::move(forms);
    }
    auto list = [&](const char* key, size_t n, std::vector<std::string>& out) {
        const Json* a = r.array(root, rp, key, false);
        if (!a) return;
        if (a->size() != n) { r.fail(rp[key], "expected " + std::to_string(n) + " names, got " + std::to_string(a->size())); return; }
        for (size_t i = 0; i < n; ++i) {
            if (!(*a)[i].is_string()) { r.fail(rp[key][i], "expected a string"); return; }
            out.push_back((*a)[i].get<std::string>());
        }
    };
    list("weekdays", 7, s.weekdays_);
    list("months", 12, s.months_);
    std::vector<std::string> categories;
    list("plurals", 200, categories);
    for (size_t i = 0; i < categories.size() && r.ok(); ++i) {
        const int k = pluralIndex(categories[i]);
        if (k < 0) r.fail(rp["plurals"][i], "expected a plural category (zero, one, two, few, many, other)");
        s.pluralTable_.push_back(uint8_t(k));
    }
    if (auto f = r.string(root, rp, "dateFormat", false)) s.dateFormat_ = *f;
    if (const Json* n = root.contains("numbers") ? r.object(root, rp, "numbers", false) : nullptr) {
        JsonPath np = rp["numbers"];
        if (auto d = r.string(*n, np, "decimal", false)) s.numbers_.decimal = *d;
        if (auto g = r.string(*n, np, "group", false)) s.numbers_.group = *g;
        std::vector<std::string> digits;
        if (const Json* a = r.array(*n, np, "digits", false)) {
            if (a->size() != 10) r.fail(np["digits"], "expected 10 digits, 0 to 9");
            for (size_t i = 0; i < a->size() && i < 10 && r.ok(); ++i) {
                if (!(*a)[i].is_string()) r.fail(np["digits"][i], "expected a string");
                else s.numbers_.digits[i] = (*a)[i].get<std::string>();
            }
        }
    }
    if (!r.ok()) return r.error();
    return s;
}

std::string Strings::allText() const {
    std::string out;
    for (const auto& [key, value] : strings_) out += value;
    for (const auto& [key, forms] : plurals_)
        for (const std::string& f : forms) out += f;
    for (const auto& w : weekdays_) out += w;
    for (const auto& m : months_) out += m;
    for (const auto& d : numbers_.digits) out += d;
    return out + dateFormat_ + numbers_.decimal + numbers_.group;
}

const char* Strings::get(const char* key) const {
    if (auto it = strings_.find(key); it != strings_.end()) return it->second.c_str();
    if (auto it = plurals_.find(key); it != plurals_.end()) return it->second[size_t(Plural::other)].c_str();
    return key;
}

Plural Strings::pluralOf(uint64_t n) const {
    if (pluralTable_.size() == 200) return Plural(pluralTable_[size_t(n < 200 ? n : 100 + n % 100)]);
    return n == 1 ? Plural::one : Plural::other;
}

std::string Strings::format(const char* key, std::initializer_list<std::pair<const char*, std::string>> args) const {
    auto it = plurals_.find(key);
    if (it == plurals_.end()) return fillPlaceholders(get(key), args);
    uint64_t n = 0;
    for (const auto& [name, value] : args)
        if (std::string_view(name) == "count")
            for (char c : value)
                if (c >= '0' && c <= '9') n = n * 10 + uint64_t(c - '0');
    const std::string& form = it->second[size_t(pluralOf(n))];
    return fillPlaceholders(form.empty() ? it->second[size_t(Plural::other)] : form, args);
}

std::string Strings::weekdayShort(int64_t t, int offset) const {
    LocalTime lt = toLocalTime(t, offset);
    return weekdays_.size() == 7 ? weekdays_[size_t(lt.weekday)] : formatLocalDate(t, offset).substr(0, 3);
}

std::string Strings::date(int64_t t, int offset) const {
    if (weekdays_.size() != 7 || months_.size() != 12) return formatLocalDate(t, offset);
    LocalTime lt = toLocalTime(t, offset);
    return fillPlaceholders(dateFormat_, {{"weekday", weekdays_[size_t(lt.weekday)]},
                                          {"day", localNumber(std::to_string(lt.day))},
                                          {"month", months_[lt.month - 1]}, {"year", localNumber(std::to_string(lt.year))}});
}

}  // namespace bk
