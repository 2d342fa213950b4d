// place_names.cpp — other-language place names from the map's features and from names files, by local name.
#include "place_names.hpp"

#include <algorithm>

namespace bk {

const std::string& localName(const std::string& nameEn, const std::string& nameKo, const std::string& name) {
    return !nameKo.empty() ? nameKo : !name.empty() ? name : nameEn;
}

void PlaceNames::addFromMap(const MapData& map) {
    for (const MapFeature& f : map.features) {
        const std::string& local = localName(f.nameEn, f.nameKo, f.name);
        if (local.empty()) continue;
        for (const auto& [language, name] : f.names) names_.emplace(language + '\x1F' + local, name);
    }
}

void PlaceNames::add(const std::string& language, std::string_view records) {
    while (!records.empty()) {
        size_t end = records.find('\x1E');
        if (end == std::string_view::npos) end = records.size();
        const std::string_view record = records.substr(0, end);
        const size_t gap = record.find('\x1F');
        if (gap != std::string_view::npos && gap > 0 && gap + 1 < record.size())
            names_[language + '\x1F' + std::string(record.substr(0, gap))] = std::string(record.substr(gap + 1));
        records.remove_prefix(std::min(records.size(), end + 1));
    }
}

const std::string* PlaceNames::find(const std::string& language, const std::string& local) const {
    auto it = names_.find(language + '\x1F' + local);
    return it == names_.end() ? nullptr : &it->second;
}

}  // namespace bk
