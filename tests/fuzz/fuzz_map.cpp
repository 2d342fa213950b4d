// fuzz_map.cpp — libFuzzer target: the basemap GeoJSON loader, then the mesh and street graph built from it.
#include "map_data.hpp"
#include "map_mesh.hpp"
#include "street_graph.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto map = bk::loadMap(text, "map.geojson");
    if (!map.ok()) {
        (void)map.error().describe();
        return 0;
    }
    bk::Projection proj({37.58, 126.98});
    bk::MapMesh mesh = bk::buildMapMesh(map.value(), proj);
    for (uint32_t i : mesh.indices)
        if (i >= mesh.vertices.size()) __builtin_trap();  // an index past the vertices would crash the GPU upload
    if (size < 4096) (void)bk::StreetGraph::build(map.value(), proj).components();
    return 0;
}
