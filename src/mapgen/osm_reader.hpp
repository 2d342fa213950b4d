// osm_reader.hpp — an OpenStreetMap file (XML, PBF, .osm.gz, .osm.bz2) → OsmInput, through libosmium, on one thread.
#pragma once

#include "load_error.hpp"
#include "osm_input.hpp"

#include <memory>
#include <string>

namespace bk {

// Reads every tagged node, every way whose nodes are all in the file, and the areas (closed ways and multipolygon
// relations) that libosmium's assembler builds from them. The format comes from the content (gzip, bzip2, PBF, XML).
// In steps, so that a page can show progress between them: `step(ms)` works about that long and says whether it
// has finished; `finish()` does what is left and gives the result. Nothing here starts a thread.
class OsmReader {
public:
    // `maxBytes`: the most the file may take once decompressed (0: no limit).
    OsmReader(std::string bytes, std::string displayName, size_t maxBytes = 0);
    ~OsmReader();
    bool step(double budgetMs);
    double progress() const;   // 0 … 1
    Result<OsmInput> finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The whole file at once. `format` names it (a file name or a suffix); the content decides.
Result<OsmInput> readOsmBytes(const std::string& bytes, const std::string& format, const std::string& displayName);
Result<OsmInput> readOsmFile(const std::string& path);

}  // namespace bk
