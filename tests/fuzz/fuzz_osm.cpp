// fuzz_osm.cpp — libFuzzer target: a file dropped on the page, as the page takes it: the file-kind table classifies
// it, then the OpenStreetMap converter (libosmium's decoders on one thread, in steps, and the map builder with its
// sea) runs on it; whatever the bytes, the result is a map that loads or an error that names the file.
#include "converter.hpp"
#include "file_kinds.hpp"
#include "map_binary.hpp"
#include "map_data.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    const bk::FileKind& kind = bk::classifyFile("drop.osm", bytes.substr(0, 4096));
    if (!bk::findFileKind(kind.name)) __builtin_trap();   // the table's own kinds only
    nlohmann::json options = {{"around", {126.97, 37.57, 127.0, 37.59}}};
    auto conversion = bk::startConversion("osm", {{"drop.osm", std::move(bytes)}}, options);
    for (int steps = 0; !conversion->step(1.0) && steps < 100000; ++steps) {
        const double p = conversion->progress();
        if (!(p >= 0 && p <= 1)) __builtin_trap();
    }
    bk::Converted c = conversion->finish();
    if (c.error.empty()) {
        if (!bk::looksLikeBinaryMap(c.map) || !bk::loadMap(c.map, "drop.bkm").ok()) __builtin_trap();  // it must load
    } else if (c.error.find("drop.osm") == std::string::npos) {
        __builtin_trap();   // an error names the file
    }
    return 0;
}
