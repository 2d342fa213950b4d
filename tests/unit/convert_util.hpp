// convert_util.hpp — tests' way to load logs into a Viewer as the page does: the converter first, then the viewer.
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
