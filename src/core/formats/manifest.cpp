// manifest.cpp — reads a dataset manifest (manifest.hpp) with the line of every mistake.
#include "manifest.hpp"

#include "json_reader.hpp"

namespace bk {

Result<std::map<std::string, std::string>> parseManifest(std::string_view text, const std::string& fileName) {
    static const char* const kKinds[] = {"map", "sensors", "recording", "readings", "sites"};
    JsonReader reader(text, fileName);
    Json doc;
    if (!reader.parse(doc)) return reader.error();
    const JsonPath root;
    if (!doc.is_object()) {
        reader.fail(root, "expected a manifest object such as {\"sensors\": \"sensors.geojson\", \"recording\": "
                          "\"recording.json\"}");
        return reader.error();
    }
    std::map<std::string, std::string> files;
    for (const char* kind : kKinds)
        if (auto url = reader.string(doc, root, kind, false)) files[kind] = *url;
    if (!reader.ok()) return reader.error();
    if (files.empty()) {
        reader.fail(root, "names no file: expected some of map, sensors, recording, readings, sites");
        return reader.error();
    }
    return files;
}

}  // namespace bk
