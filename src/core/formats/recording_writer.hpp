// recording_writer.hpp — writes a Dataset back out as the viewer's files: sensors.geojson and recording.json (v1).
//
// Used by `bukchon-import`; what it writes loads through loadSensors + loadRecording to the same Dataset (tested).
#pragma once

#include "dataset.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace bk {

// Appends `s` as a JSON string literal (quotes, escapes; UTF-8 passes through).
void appendJsonString(std::string& out, std::string_view s);

std::string writeSensorsGeoJson(const std::vector<Sensor>& sensors);
std::string writeRecordingJson(const Dataset& d);
// The same text in pieces of about 1 MiB (a big import is written to disk without the whole text in memory).
using TextSink = std::function<void(std::string_view)>;
void writeRecordingJson(const Dataset& d, const TextSink& sink);

}  // namespace bk
