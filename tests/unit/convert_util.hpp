// convert_util.hpp — tests' way to load logs and JSON datasets into a Viewer as the page does: the converter first, then
// the viewer.
#pragma once

#include "converter.hpp"
#include "viewer.hpp"

#include <gtest/gtest.h>

// Imports `files` (name, bytes) with `options` (converter.hpp: "timeZone" …) and stages the recording and its report;
// the caller commits. Returns the converter's error ("" when the recording was made).
inline std::string stageImported(bk::Viewer& v, std::vector<bk::ConvertFile> files, const nlohmann::json& options) {
    bk::Converted c = bk::convertAll("import", std::move(files), options);
    if (!c.error.empty()) return c.error;
    v.stageFile("recording", "import.bkr", std::move(c.recording));
    v.stageFile("report", "import-report.json", std::move(c.report));
    return "";
}

// A file of a JSON dataset: its kind ("map", "sensors", "recording"), name and text.
struct JsonFile {
    std::string kind, name, bytes;
};

// Converts a JSON dataset as the page does (the "json" converter), stages the binaries it gives and commits. A
// converter's error reaches the viewer as the page's does (failLoad: the data shown stays). True when committed.
inline bool loadJson(bk::Viewer& v, std::vector<JsonFile> files) {
    std::vector<bk::ConvertFile> in;
    nlohmann::json kinds = nlohmann::json::array();
    for (JsonFile& f : files) {
        kinds.push_back(f.kind);
        in.push_back({f.name, std::move(f.bytes)});
    }
    bk::Converted c = bk::convertAll("json", std::move(in), {{"kinds", kinds}});
    if (!c.error.empty()) {
        v.failLoad(c.error);
        return false;
    }
    if (!c.map.empty()) v.stageFile("map", "map.bkm", std::move(c.map));
    if (!c.recording.empty()) v.stageFile("recording", "recording.bkr", std::move(c.recording));
    return v.commitStaged();
}
