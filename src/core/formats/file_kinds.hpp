// file_kinds.hpp — the one table of file kinds: how each kind is recognised, which converter takes it, what it gives.
//
// Shaped like the command table (src/core/embed/commands.hpp): the page asks it which dropped or downloaded file is
// what (bk_classify_file → web/viewer-files.js), the tools module runs the converter it names, and the CLIs use it to
// refuse a file meant for another tool. The viewer installs only its own binary formats (.bkr, .bkm); everything else,
// their JSON forms too, goes through a converter first (src/convert/, docs/formats.md "File kinds").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bk {

struct FileKind {
    const char* name;        // "recording", "map", "sensors", "table", "osm", "spreadsheet"
    const char* converter;   // "": the viewer reads it as it is; else the tools module's converter ("json", "import", "osm")
    const char* ownMagic;    // the first bytes of the viewer's own binary form of this kind ("BKRB"): that needs no converter
    const char* gives;       // what the viewer installs: "recording", "map", "sensors" (after the converter, if any)
    const char* suffixes;    // the file picker's accept list for it
    double pageLimitBytes;   // the most a browser tab takes of it (the CLIs have no limit)
    const char* cli;         // the command-line tool that does the same job, for messages
    const char* what;        // one line for the help and messages
};

const std::vector<FileKind>& fileKinds();
const FileKind* findFileKind(std::string_view name);

// Which kind a file is, from its name and its first bytes (a few KB are enough): content first (magic numbers,
// PBF's OSMHeader, XML's <osm>, a zip's workbook, JSON's format markers and keys), then the name. Never null:
// anything that is not recognised is a "table", a log for the importer, which says what it could not read.
const FileKind& classifyFile(std::string_view fileName, std::string_view head);

// The converter a file of this kind goes through (converterFor(kind, first bytes)): "" for the viewer's own binary
// form (its magic), else the kind's converter (a recording.json: "json"; a CSV log: "import").
const char* converterFor(const FileKind& kind, std::string_view head);

// The size rule for a file of this kind in a page: "" or "big.osm.pbf is 180.0 MB; a browser tab converts
// OpenStreetMap files up to 100 MB: … bukchon-map …".
std::string pageSizeProblem(const FileKind& kind, std::string_view fileName, double bytes);

// The table as JSON for the page: [{"name", "converter", "magic", "gives", "suffixes", "limit", "cli", "what"}, …].
std::string fileKindsJson();

}  // namespace bk
