// fuzz_sensors.cpp — libFuzzer target: the sensor-site GeoJSON loader.
#include "sensors.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto sensors = bk::loadSensors(std::string_view(reinterpret_cast<const char*>(data), size), "sensors.geojson");
    if (!sensors.ok()) (void)sensors.error().describe();
    return 0;
}
