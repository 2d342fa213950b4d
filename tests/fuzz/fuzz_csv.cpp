// fuzz_csv.cpp — libFuzzer target: the importer (encoding, delimiter, header and column detection, time parsing,
// rows, join) on arbitrary bytes, fed in uneven chunks; whatever it accepts must also write out and load back.
#include "importer.hpp"
#include "recording_writer.hpp"
#include "sampler.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view all(reinterpret_cast<const char*>(data), size);
    // The first byte picks options and the chunking, so option paths are fuzzed too.
    uint8_t knobs = size ? data[0] : 0;
    bk::ImportOptions opt;
    // Korea's one offset, or (odd sizes) New York's 2025–2026 changes: a recording with a time zone must write back too.
    if ((knobs & 1) && size % 2 == 0) opt.timeZone = "+09:00";
    if ((knobs & 1) && size % 2 == 1)
        opt.zone = bk::TimeZone::fromTransitions("America/New_York", -300, {{1741503600000, -240}, {1762063200000, -300},
                                                                            {1772953200000, -240}, {1793512800000, -300}});
    if (knobs & 2) opt.shape = "wide";
    if (knobs & 4) opt.levels["status"] = {"GREEN", "YELLOW", "RED"};
    if (knobs & 8) opt.encoding = bk::TextEncoding::cp949;
    bk::Importer importer(opt);
    // A fixed sites table, so rows without positions can join.
    importer.add("sites.csv", "id,lat,lon\nA,37.58,126.98\nB,37.59,126.99\n1,37.57,126.97\n");
    importer.begin("log.csv");
    size_t chunk = 1 + (knobs >> 4) * 37;
    for (size_t at = 0; at < all.size(); at += chunk) importer.feed(all.substr(at, chunk));
    importer.end();
    bk::ImportResult r = importer.finish();
    (void)r.report.text();
    if (size % 4 == 0) (void)r.report.json();  // the same report data; a quarter of inputs keeps the run fast
    if (!r.dataset) return 0;
    bk::Sampler sampler(&*r.dataset);
    std::vector<float> values;
    sampler.sampleSensors(r.dataset->startMs, values);
    sampler.sampleSensors(r.dataset->endMs, values);
    if (r.dataset->readingCount() < 5000) {
        auto sensors = bk::loadSensors(bk::writeSensorsGeoJson(r.dataset->sensors), "sensors.geojson");
        if (!sensors) __builtin_trap();  // what the importer writes must load
        auto back = bk::loadRecording(bk::writeRecordingJson(*r.dataset), "recording.json", sensors.value());
        if (!back) __builtin_trap();
    }
    return 0;
}
