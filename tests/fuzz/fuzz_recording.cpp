// fuzz_recording.cpp — libFuzzer target: the recording loader, then sampling, KPIs and the collection plan over
// whatever it accepted (a recording that loads must also replay).
#include "collection.hpp"
#include "dataset.hpp"
#include "replay_stats.hpp"
#include "sampler.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {
std::vector<bk::Sensor> fixedSensors() {
    const char* text = R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.985, 37.582]}, "properties": {"id": "A", "type": "bin"}},
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.986, 37.581]}, "properties": {"id": "B", "type": "parking", "capacity": 10}},
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.984, 37.583]}, "properties": {"id": "C", "type": "air"}}]})";
    return bk::loadSensors(text, "sensors.geojson").value();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::vector<bk::Sensor> sensors = fixedSensors();
    auto d = bk::loadRecording(std::string_view(reinterpret_cast<const char*>(data), size), "recording.json", sensors);
    if (!d.ok()) {
        (void)d.error().describe();
        return 0;
    }
    bk::Sampler sampler(&d.value());
    std::vector<float> values;
    for (int64_t t : {d->startMs - 1, d->startMs, (d->startMs + d->endMs) / 2, d->endMs, d->endMs + 1}) {
        sampler.sampleSensors(t, values);
        (void)bk::computeKpis(d.value(), sampler, t);
    }
    bk::Projection proj({37.58, 126.98});
    std::vector<bk::Vec2> pos;
    for (const bk::Sensor& s : d->sensors) pos.push_back(proj.toLocal(s.position));
    if (d->readingCount() < 20000) (void)bk::planCollection(d.value(), bk::MapData{}, proj, pos);
    return 0;
}
