// converter.hpp — every converter behind one interface: files and options in, the viewer's own formats and a report out.
//
// A converter is named by the file-kind table (src/core/formats/file_kinds.hpp): "json" (a JSON dataset: map.geojson →
// .bkm, sensors.geojson + recording.json → .bkr, through the JSON readers), "import" (logs → a binary recording, .bkr,
// through the importer; workbooks too), "osm" (an OpenStreetMap extract → a binary map, .bkm, through src/mapgen). The page
// runs them in the tools module (src/platform/tools_bridge.cpp, fetched on first use), the CLIs natively; both call
// exactly this, so the same file gives the same bytes. A conversion runs in steps: `step(ms)` works about that long
// and says whether it has finished, so a page can draw its progress bar between steps on one thread.
#pragma once

#include "map_builder.hpp"
#include "time_zone.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bk {

struct ConvertFile {
    std::string name;
    std::string bytes;
};

struct Converted {
    std::string recording;   // a binary recording (.bkr, sensors inside), or empty
    std::string map;         // a binary map (.bkm), or empty
    std::string mapGeoJson;  // the same map as map.geojson (the CLI writes it; the page does not need it)
    std::string report;      // JSON: what the converter did (the importer's report; the map's counts)
    std::string text;        // the same in plain text, for the CLIs
    std::string error;       // non-empty: nothing was converted; names the file, and what was expected
};

class Conversion {
public:
    virtual ~Conversion() = default;
    virtual bool step(double budgetMs) = 0;   // true when finished (or failed)
    virtual double progress() const = 0;      // 0 … 1
    virtual std::string stage() const = 0;    // what it is doing now, for the progress bar ("reading", "building")
    virtual Converted finish() = 0;           // does what is left; call once
};

// Options (JSON object), by converter:
//   json:   {"kinds": ["map" | "sensors" | "recording", …]: each file's, in order (else the file-kind table's guess)}
//   import: {"timeZone": "+09:00" | "UTC" | {"name", "initial", "transitions": [[utcMs, offsetMin], …]}, "title",
//            "zoneByPosition": true when that zone is the one the sensors stand in (the page's second reading),
//            "sheet": a workbook's sheet by name (default: the first with data)}
//   osm:    {"bbox": [west, south, east, north] | "around": the sensors' [west, south, east, north] (cut with a
//            margin: a quarter of the larger side, at least 300 m), "name", "nameKo", "languages": ["ja", …], "date": "2026-07",
//            "blocks": true, "extras": [{"kind": "depot"|"label", "at": [lon, lat], "en", "ko"}]}
// What a converter may ask of its host while it runs: the zone where sensors stand (the page's lookup by position)
// for logs whose times have no zone (ImportOptions::zoneAt).
struct ConvertHooks {
    std::function<std::optional<TimeZone>(double lat, double lon)> zoneAt;
};
// Unknown converter names give a Conversion whose finish() reports the error.
std::unique_ptr<Conversion> startConversion(std::string_view converter, std::vector<ConvertFile> files,
                                            const nlohmann::json& options, const ConvertHooks& hooks = {});
// A zone as the import's "timeZone" option writes it: an offset ("+09:00") or {"name", "initial", "transitions"}.
std::optional<TimeZone> zoneFromJson(const nlohmann::json& zone);

// Runs a conversion to the end (the CLIs and tests).
Converted convertAll(std::string_view converter, std::vector<ConvertFile> files, const nlohmann::json& options);

// The OpenStreetMap converter with its options as the CLI builds them (bukchon-map); `maxBytes`: the most the file
// may take decompressed (0: no limit; the page's converter has one).
std::unique_ptr<Conversion> startOsmConversion(ConvertFile file, MapBuildOptions options, size_t maxBytes = 0);
MapBuildOptions mapBuildOptionsFromJson(const nlohmann::json& options);

}  // namespace bk
