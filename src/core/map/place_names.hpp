// place_names.hpp — the map's place names in other languages (OpenStreetMap's name:xx), by the local name a label shows.
//
// A label shows its name in the UI language where the map has one, else in English, else as mapped (the local
// name): a Japanese delegate reads 北村路 over 북촌로. The names come from the map itself (a feature's `names`, which the
// converter keeps for every UI language) and, for the shipped Bukchon map, from a file per language fetched with the
// language (assets/bukchon/names/xx.json, cut by cmake/place_names.mjs), so an English page carries none of them.
#pragma once

#include "map_data.hpp"

#include <string>
#include <string_view>
#include <map>

namespace bk {

// The name a label is known by in every language: Korean where the map has it, else the local name, else English.
const std::string& localName(const std::string& nameEn, const std::string& nameKo, const std::string& name);

class PlaceNames {
public:
    void clear() { names_.clear(); }
    // Every feature's other-language names.
    void addFromMap(const MapData& map);
    // Names for a language as "<local name>\x1F<name>" records, each ended by \x1E (the page reads the names file,
    // {"<local name>": "<name>", …}, and hands it over so); an incomplete record is skipped.
    void add(const std::string& language, std::string_view records);
    // The name in `language` of the place locally called `local`, or null.
    const std::string* find(const std::string& language, const std::string& local) const;

private:
    std::map<std::string, std::string> names_;  // "<language>\x1F<local name>" → name (one map: the viewer's first
                                                // load already carries std::map<string, string>'s code)
};

}  // namespace bk
