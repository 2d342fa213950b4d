// core_bench.cpp — native Google Benchmark of the core on the scale dataset (100,000 sensors × 96 readings):
// loading the binary recording, sampling every sensor at one time (a frame's work), a seek to a random time, and
// import throughput. Run by `./build-wasm.sh bench`; figures, not assertions.
#include "binary_format.hpp"
#include "derived_events.hpp"
#include "glyph_scene.hpp"
#include "importer.hpp"
#include "map_binary.hpp"
#include "map_data.hpp"
#include "map_mesh.hpp"
#include "quality.hpp"
#include "street_graph.hpp"
#include "replay_stats.hpp"
#include "sampler.hpp"
#include "scale_data.hpp"
#include "viewer.hpp"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::string& scaleBytes() {
    static const std::string bytes = bk::writeBinaryRecording(bk::generateScaleDataset({}));
    return bytes;
}

const bk::Dataset& scaleDataset() {
    static const bk::Dataset d = bk::loadBinaryRecording(scaleBytes(), "scale.bkr").value();
    return d;
}

void LoadBinary10M(benchmark::State& state) {
    const std::string& bytes = scaleBytes();
    for (auto _ : state) {
        auto d = bk::loadBinaryRecording(bytes, "scale.bkr");
        benchmark::DoNotOptimize(d.value().values.data());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(bytes.size()));
    state.counters["readings"] = double(scaleDataset().readingCount());
}
BENCHMARK(LoadBinary10M)->Unit(benchmark::kMillisecond);

void SampleAll100k(benchmark::State& state) {
    const bk::Dataset& d = scaleDataset();
    bk::Sampler sampler(&d);
    std::vector<float> values;
    int64_t t = d.startMs, step = (d.endMs - d.startMs) / 5000;
    for (auto _ : state) {
        sampler.sampleSensors(t, values);
        benchmark::DoNotOptimize(values.data());
        t = t + step > d.endMs ? d.startMs : t + step;
    }
    state.counters["sensors"] = double(d.sensors.size());
}
BENCHMARK(SampleAll100k)->Unit(benchmark::kMicrosecond);

// Times spread over the recording, the same sequence in every benchmark (xorshift64).
struct RandomTimes {
    explicit RandomTimes(const bk::Dataset& d) : startMs(d.startMs), spanMs(uint64_t(d.endMs - d.startMs)) {}
    int64_t next() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return startMs + int64_t(x % spanMs);
    }
    int64_t startMs;
    uint64_t spanMs;
    uint64_t x = 88172645463325252ull;
};

void SeekRandom100k(benchmark::State& state) {
    const bk::Dataset& d = scaleDataset();
    bk::Sampler sampler(&d);
    std::vector<float> values;
    RandomTimes times(d);
    for (auto _ : state) {
        int64_t t = times.next();
        sampler.sampleSensors(t, values);  // a jump: every sensor found at the new time
        benchmark::DoNotOptimize(values.data());
    }
}
BENCHMARK(SeekRandom100k)->Unit(benchmark::kMicrosecond);

// What a seek costs the viewer besides sampling: the day's KPIs (bins full, parking, PM2.5 max so far today,
// events, active alarms) and the glyph instances, at a random time.
void KpisRandom100k(benchmark::State& state) {
    const bk::Dataset& d = scaleDataset();
    bk::Sampler sampler(&d);
    const bk::KpiIndex index(d);  // built once per dataset, as the viewer does
    std::vector<float> values;
    RandomTimes times(d);
    for (auto _ : state) {
        int64_t t = times.next();
        state.PauseTiming();
        sampler.sampleSensors(t, values);
        state.ResumeTiming();
        bk::Kpis k = bk::computeKpis(d, sampler, t, index, &values);
        benchmark::DoNotOptimize(k);
    }
}
BENCHMARK(KpisRandom100k)->Unit(benchmark::kMicrosecond);

void KpiIndexBuild100k(benchmark::State& state) {
    const bk::Dataset& d = scaleDataset();
    for (auto _ : state) {
        bk::KpiIndex index(d);
        benchmark::DoNotOptimize(index.pm25.grids.data());
    }
}
BENCHMARK(KpiIndexBuild100k)->Unit(benchmark::kMillisecond);

void GlyphsRandom100k(benchmark::State& state) {
    const bk::Dataset& d = scaleDataset();
    bk::Sampler sampler(&d);
    std::vector<float> values;
    std::vector<bk::Vec2> positions(d.sensors.size());
    for (size_t i = 0; i < positions.size(); ++i) positions[i] = {d.sensors[i].position.lon, d.sensors[i].position.lat};
    const std::vector<bk::GlyphStyle> styles = bk::glyphStyles(d);
    std::vector<bk::GlyphInstance> glyphs;
    std::vector<uint32_t> sensorOfGlyph;
    RandomTimes times(d);
    for (auto _ : state) {
        int64_t t = times.next();
        state.PauseTiming();
        sampler.sampleSensors(t, values);
        state.ResumeTiming();
        bk::buildGlyphs(styles, positions, values, ~0u, -1, -1, glyphs, sensorOfGlyph);
        benchmark::DoNotOptimize(glyphs.data());
    }
}
BENCHMARK(GlyphsRandom100k)->Unit(benchmark::kMicrosecond);

void ImportCsv(benchmark::State& state) {
    static std::string csv;
    if (csv.empty()) {
        bk::ScaleCsvOptions opt;
        opt.targetBytes = 32u << 20;
        bk::generateScaleCsv(opt, [&](std::string_view piece) { csv.append(piece); });
    }
    for (auto _ : state) {
        bk::ImportOptions opt;
        opt.timeZone = "+09:00";
        bk::Importer importer(opt);
        importer.begin("scale.csv");
        for (size_t at = 0; at < csv.size(); at += 4u << 20) importer.feed(std::string_view(csv).substr(at, 4u << 20));
        importer.end();
        auto r = importer.finish();
        benchmark::DoNotOptimize(r.dataset.has_value());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(csv.size()));
}
BENCHMARK(ImportCsv)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

namespace {
// The shipped OpenStreetMap basemap: parse map.geojson, build the GPU mesh (fills, strokes, steps, label chains)
// and the routable street graph — what the page does once per dataset.
const std::string& mapText() {
    static const std::string text = [] {
        std::ifstream in(std::string(BUKCHON_SOURCE_DIR) + "/assets/bukchon/map.geojson", std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }();
    return text;
}

void MapLoad(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(bk::loadMap(mapText(), "map.geojson"));
    state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(mapText().size()));
}
BENCHMARK(MapLoad)->Unit(benchmark::kMillisecond);

// The same map as the page loads it: the binary twin (map.bkm).
void MapLoadBinary(benchmark::State& state) {
    static const std::string bytes = bk::writeBinaryMap(bk::loadMap(mapText(), "map.geojson").value());
    for (auto _ : state) benchmark::DoNotOptimize(bk::loadMap(bytes, "map.bkm"));
    state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(bytes.size()));
}
BENCHMARK(MapLoadBinary)->Unit(benchmark::kMillisecond);

void MapMeshBuild(benchmark::State& state) {
    bk::MapData map = bk::loadMap(mapText(), "map.geojson").value();
    bk::Projection proj({37.581, 126.9855});
    size_t vertices = 0, triangles = 0;
    for (auto _ : state) {
        bk::MapMesh mesh = bk::buildMapMesh(map, proj);
        vertices = mesh.vertices.size();
        triangles = mesh.indices.size() / 3;
        benchmark::DoNotOptimize(mesh);
    }
    state.counters["vertices"] = double(vertices);
    state.counters["triangles"] = double(triangles);
}
BENCHMARK(MapMeshBuild)->Unit(benchmark::kMillisecond);

void StreetGraphBuild(benchmark::State& state) {
    bk::MapData map = bk::loadMap(mapText(), "map.geojson").value();
    bk::Projection proj({37.581, 126.9855});
    for (auto _ : state) benchmark::DoNotOptimize(bk::StreetGraph::build(map, proj));
}
BENCHMARK(StreetGraphBuild)->Unit(benchmark::kMillisecond);
}  // namespace

// The default page's commit, as its first load runs it: the shipped week and map in their binary forms, staged and
// installed (parse, projection, mesh, street graph and collection plan, KPI index, quality, styles) — the CPU
// between bk:fetched and bk:data in the page (docs/performance.md).
void CommitBukchon(benchmark::State& state) {
    auto read = [](const char* rel) {
        std::ifstream in(std::string(BUKCHON_SOURCE_DIR) + rel, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    };
    static const std::string recording = read("/assets/bukchon/recording.bkr"), map = read("/assets/bukchon/map.bkm");
    for (auto _ : state) {
        bk::Viewer viewer;
        viewer.stageFile("recording", "recording.bkr", recording);
        viewer.stageFile("map", "map.bkm", map);
        if (!viewer.commitStaged()) { state.SkipWithError(viewer.error().c_str()); return; }
        benchmark::DoNotOptimize(viewer.hasData());
    }
}
BENCHMARK(CommitBukchon)->Unit(benchmark::kMillisecond);

// The events found in the readings at load (derived_events.hpp), over a million sensors of the six types, a day at
// 15 minutes each (96M readings): one pass over every series, with the quality check's gaps given. The figure is
// ns per reading; the counter says how many events were found.
void DeriveEvents1M(benchmark::State& state) {
    static const bk::Dataset d = bk::generateScaleDataset({11, 1000000, 96, 900});
    static const bk::QualityReport quality = bk::checkQuality(d);
    size_t found = 0;
    for (auto _ : state) {
        std::vector<bk::Event> events = bk::deriveEvents(d, quality);
        found = events.size();
        benchmark::DoNotOptimize(events.data());
    }
    state.counters["events"] = double(found);
    state.counters["ns_per_reading"] =
        benchmark::Counter(double(d.readingCount()) * double(state.iterations()), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.counters["readings"] = double(d.readingCount());
}
BENCHMARK(DeriveEvents1M)->Unit(benchmark::kMillisecond)->Iterations(3);

// The viewer's whole CPU frame at 100,000 sensors, as the page runs it (update at 3600× then the frame's draw
// lists), without GL: the native twin of the page's getState().frame.workMsP50, phase by phase.
void ViewerFrame100k(benchmark::State& state) {
    bk::Viewer viewer;
    viewer.stageFile("recording", "scale.bkr", scaleBytes());
    if (!viewer.commitStaged()) { state.SkipWithError(viewer.error().c_str()); return; }
    if (state.range(0) == 0) viewer.setDetailLimit(0);  // every glyph (detail=glyphs)
    viewer.push(bk::Intent::number(bk::Intent::setSpeed, 3600));
    viewer.push(bk::Intent::number(bk::Intent::setLoop, 1));
    viewer.push(bk::Intent::of(bk::Intent::play));
    double t = 0;
    for (int k = 0; k < 30; ++k) viewer.update(16.7, 1280, 800, 1, 1);  // warm-up
    viewer.frameStats().clear();
    for (auto _ : state) {
        auto start = std::chrono::steady_clock::now();
        viewer.update(16.7, 1280, 800, 1, 1);
        benchmark::DoNotOptimize(viewer.frame(t += 0.0167).panes[0].glyphs);
        viewer.frameStats().add(16.7, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    for (size_t k = 0; k < bk::FrameStats::kPhases; ++k)
        if (double ms = viewer.frameStats().phasePercentile(bk::FramePhase(k), 50); ms > 0)
            state.counters[std::string(bk::framePhaseName(bk::FramePhase(k))) + "Ms"] = ms;
}
BENCHMARK(ViewerFrame100k)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

// A seek as the page's API runs it: the command, the state it returns (getState() after the call).
void SeekWithState100k(benchmark::State& state) {
    bk::Viewer viewer;
    viewer.stageFile("recording", "scale.bkr", scaleBytes());
    if (!viewer.commitStaged()) { state.SkipWithError(viewer.error().c_str()); return; }
    viewer.update(16.7, 1280, 800, 1, 1);
    RandomTimes times(scaleDataset());
    double seekMs = 0, stateMs = 0;
    for (auto _ : state) {
        const auto a = std::chrono::steady_clock::now();
        viewer.push(bk::Intent::number(bk::Intent::seek, double(times.next())));
        benchmark::DoNotOptimize(viewer.stateJson());  // applies the seek: samples every sensor, KPIs, light
        auto b = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(viewer.stateJson());  // the JSON alone
        auto c = std::chrono::steady_clock::now();
        seekMs += std::chrono::duration<double, std::milli>(b - a).count();
        stateMs += std::chrono::duration<double, std::milli>(c - b).count();
    }
    state.counters["withStateMs"] = seekMs / double(state.iterations());
    state.counters["stateAloneMs"] = stateMs / double(state.iterations());
}
BENCHMARK(SeekWithState100k)->Unit(benchmark::kMillisecond);
