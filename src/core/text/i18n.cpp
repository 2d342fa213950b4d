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
    for (auto it = strings->begin(); it != strings->end(); ++it) {
        if (!it->is_string()) {
            r.fail(rp["strings"][it.key().c_str()], "expected a string, got " + describeJsonType(*it));
            return r.error();
        }
        s.strings_[it.key()] = it->get<std::string>();
    }
    auto list = [&](const char* key, size_t n, std::vector<std::string>& out) {
        const Json* a = r.array(root, rp, key, true);
        if (!a) return;
        if (a->size() != n) { r.fail(rp[key], "expected " + std::to_string(n) + " names, got " + std::to_string(a->size())); return; }
        for (size_t i = 0; i < n; ++i) {
            if (!(*a)[i].is_string()) { r.fail(rp[key][i], "expected a string"); return; }
            out.push_back((*a)[i].get<std::string>());
        }
    };
    list("weekdays", 7, s.weekdays_);
    list("months", 12, s.months_);
    if (auto f = r.string(root, rp, "dateFormat", false)) s.dateFormat_ = *f;
    if (!r.ok()) return r.error();
    return s;
}

std::string Strings::allText() const {
    std::string out;
    for (const auto& [key, value] : strings_) out += value;
    for (const auto& w : weekdays_) out += w;
    for (const auto& m : months_) out += m;
    return out + dateFormat_;
}

const char* Strings::get(const char* key) const {
    auto it = strings_.find(key);
    return it == strings_.end() ? key : it->second.c_str();
}

std::string Strings::format(const char* key, std::initializer_list<std::pair<const char*, std::string>> args) const {
    return fillPlaceholders(get(key), args);
}

std::string Strings::weekdayShort(int64_t t, int offset) const {
    LocalTime lt = toLocalTime(t, offset);
    return weekdays_.size() == 7 ? weekdays_[size_t(lt.weekday)] : formatLocalDate(t, offset).substr(0, 3);
}

std::string Strings::date(int64_t t, int offset) const {
    if (weekdays_.size() != 7 || months_.size() != 12) return formatLocalDate(t, offset);
    LocalTime lt = toLocalTime(t, offset);
    return fillPlaceholders(dateFormat_, {{"weekday", weekdays_[size_t(lt.weekday)]}, {"day", std::to_string(lt.day)},
                                          {"month", months_[lt.month - 1]}, {"year", std::to_string(lt.year)}});
}

}  // namespace bk
