// file_kinds.cpp — the file-kind table and the one classifier every way in uses (page, tools module, CLIs).
#include "file_kinds.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace bk {

namespace {

constexpr double MB = 1024.0 * 1024.0;

// The viewer's own formats and their JSON forms are limited by the viewer's rule (Viewer::fileSizeProblem: the heap a
// tab gives a dataset); an OpenStreetMap file is decoded into several times its size (node positions, areas), so a tab takes
// less of it. Logs go through the importer, which keeps about 1.5× a file's bytes at its peak; a workbook unpacks to ten
// times its size or more, and its sheet is held as cells while it is read.
const std::vector<FileKind> kKinds = {
    {"recording", "json", "BKRB", "recording", ".bkr,.json", 1024 * MB, "bukchon-convert",
     "a recording: binary (.bkr, sensors inside), or JSON (recording.json, converted with its sensors)"},
    {"map", "json", "BKMB", "map", ".bkm,.geojson,.json", 256 * MB, "bukchon-map",
     "a map: binary (.bkm), or map.geojson (converted)"},
    {"sensors", "json", "", "recording", ".geojson,.json", 256 * MB, "bukchon-convert",
     "the sensors (sensors.geojson): converted with their recording.json into a recording"},
    {"osm", "osm", "", "map", ".osm,.pbf,.osm.pbf,.gz,.bz2,.xml", 100 * MB, "bukchon-map",
     "an OpenStreetMap extract (XML or PBF, optionally .gz or .bz2): converted into the map"},
    {"spreadsheet", "import", "", "recording", ".xlsx,.xlsm,.ods,.xls", 100 * MB, "bukchon-import",
     "a spreadsheet workbook (.xlsx, .ods): one sheet imported as a log (the first with data); an old .xls is refused "
     "with what to do"},
    {"table", "import", "", "recording", ".csv,.tsv,.txt,.json,.geojson", 1024 * MB, "bukchon-import",
     "a log to import (CSV, TSV, text, JSON rows or GeoJSON points with times): converted into a recording"},
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool endsWith(const std::string& s, const char* suffix) {
    const std::string_view t(suffix);
    return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

std::string_view trimmedStart(std::string_view head) {
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    while (!head.empty() && (head[0] == ' ' || head[0] == '\n' || head[0] == '\r' || head[0] == '\t')) head.remove_prefix(1);
    return head;
}

const FileKind& kind(const char* name) { return *findFileKind(name); }

}  // namespace

const std::vector<FileKind>& fileKinds() { return kKinds; }

const FileKind* findFileKind(std::string_view name) {
    for (const FileKind& k : kKinds)
        if (name == k.name) return &k;
    return nullptr;
}

const FileKind& classifyFile(std::string_view fileName, std::string_view head) {
    const std::string name = lower(fileName);
    // Magic numbers: the viewer's binaries, compressed or binary OpenStreetMap, zip workbooks (.xlsx, .ods), old Excel and
    // encrypted Office files (OLE). Any zip goes to the importer, whose workbook reader says what it is not.
    if (head.substr(0, 4) == "BKRB") return kind("recording");
    if (head.substr(0, 4) == "BKMB") return kind("map");
    if (head.size() > 8 && head.substr(4, 16).find("OSMHeader") != std::string_view::npos) return kind("osm");
    const bool gzip = head.substr(0, 2) == "\x1F\x8B", bzip2 = head.substr(0, 3) == "BZh";
    if (gzip || bzip2) return kind("osm");   // only OpenStreetMap extracts come compressed; its reader says if not
    if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4) || head.substr(0, 4) == "\xD0\xCF\x11\xE0" ||
        endsWith(name, ".xlsx") || endsWith(name, ".xlsm") || endsWith(name, ".xls") || endsWith(name, ".ods"))
        return kind("spreadsheet");
    const std::string_view start = trimmedStart(head);
    if (!start.empty() && start[0] == '<') return kind("osm");   // XML: an .osm extract (its reader checks the root)
    if (endsWith(name, ".osm") || endsWith(name, ".pbf")) return kind("osm");
    if (endsWith(name, ".csv") || endsWith(name, ".tsv") || endsWith(name, ".txt")) return kind("table");
    if (start.empty() || (start[0] != '{' && start[0] != '[')) return kind("table");  // not JSON: a table
    if (start[0] == '[') return kind("table");   // JSON rows
    const bool recordingMarker = head.find("\"bukchon-recording\"") != std::string_view::npos;
    // JSON objects whose rows carry a time are readings to import (GeoJSON points with times, JSON Lines).
    if (!recordingMarker)
        for (const char* key : {"\"time\"", "\"timestamp\"", "\"datetime\"", "\"measured_at\"", "\"측정시간\"", "\"date\""})
            if (head.find(key) != std::string_view::npos) return kind("table");
    if (name.find("recording") != std::string::npos || recordingMarker) return kind("recording");
    if (name.find("sensor") != std::string::npos) return kind("sensors");
    if (name.find("map") != std::string::npos) return kind("map");
    // GeoJSON points with ids are sensors; other GeoJSON is a map.
    const bool points = head.find("\"Point\"") != std::string_view::npos && head.find("\"id\"") != std::string_view::npos;
    return kind(points ? "sensors" : "map");
}

const char* converterFor(const FileKind& k, std::string_view head) {
    const std::string_view magic(k.ownMagic);
    return !magic.empty() && head.substr(0, magic.size()) == magic ? "" : k.converter;
}

std::string pageSizeProblem(const FileKind& k, std::string_view fileName, double bytes) {
    if (k.pageLimitBytes <= 0 || bytes <= k.pageLimitBytes) return "";
    char msg[400];
    std::snprintf(msg, sizeof msg,
                  "%.*s is %.1f MB; a browser tab takes %s files up to %.0f MB: cut it smaller, or use %s on a computer "
                  "(docs/your-city.md)",
                  int(fileName.size()), fileName.data(), bytes / MB,
                  std::string_view(k.name) == "osm" ? "OpenStreetMap" : k.name, k.pageLimitBytes / MB, k.cli);
    return msg;
}

std::string fileKindsJson() {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const FileKind& k : kKinds)
        out.push_back({{"name", k.name}, {"converter", k.converter}, {"magic", k.ownMagic}, {"gives", k.gives},
                       {"suffixes", k.suffixes}, {"limit", k.pageLimitBytes}, {"cli", k.cli}, {"what", k.what}});
    return out.dump();
}

}  // namespace bk
