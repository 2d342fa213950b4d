// incremental_scene_test.cpp — the incremental frame (the sampler's segments, GlyphScene, DotMatrix) gives bit for
// bit what building everything anew gives, frame after frame, on messy data: every type, regular and irregular
// series, step and linear, gaps, readings exactly on thresholds, named levels that repeat a colour, sensors without
// series; with play, seeks back and forth, hover, selection, filters, layers, zoom and a truck.
#include "density_grid.hpp"
#include "glyph_scene.hpp"
#include "incremental_scene.hpp"
#include "messy_dataset.hpp"
#include "sampler.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>

using namespace bk;

namespace {

std::vector<Vec2> positionsOf(const Dataset& d, Camera& cam) {
    std::vector<Vec2> out;
    for (const Sensor& s : d.sensors)
        out.push_back({(s.position.lon - 126.98) * 1e5, (s.position.lat - 37.5) * 1e5});  // ~1 unit per metre
    cam.setViewport(640, 480);
    cam.setLimits({{-1e6, -1e6}, {1e6, 1e6}}, 1e6);
    cam.setCenter({500, 500});
    cam.setPixelsPerUnit(0.6);
    return out;
}

bool sameBits(const std::vector<float>& a, const std::vector<float>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
}
bool sameGlyphs(const std::vector<GlyphInstance>& a, const std::vector<GlyphInstance>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(GlyphInstance)) == 0);
}

// The same glyphs but for gauges and radii (which a lazy update leaves for later).
bool sameLooks(const std::vector<GlyphInstance>& a, const std::vector<GlyphInstance>& b) {
    if (a.size() != b.size()) return false;
    for (size_t k = 0; k < a.size(); ++k)
        if (a[k].x != b[k].x || a[k].y != b[k].y || a[k].rgba != b[k].rgba || a[k].shape != b[k].shape || a[k].flags != b[k].flags)
            return false;
    return true;
}

}  // namespace

TEST(IncrementalScene, SegmentsSampleExactlyWhatTheLookupGives) {
    const Dataset d = messyDataset(600, 3);
    Sampler fast(&d);
    std::vector<float> values, expected(d.sensors.size());
    std::mt19937 rng(5);
    int64_t t = d.startMs - 120'000;
    for (int frame = 0; frame < 400; ++frame) {
        if (frame % 50 == 49) t = d.startMs + int64_t(rng() % uint64_t(d.endMs - d.startMs + 1));  // a seek
        else if (frame % 70 == 69) t -= 600'000;                                                   // back a little
        else t += int64_t(rng() % 90'000);
        // Every third frame only some sensors (a state read samples the KPIs' bins and lots): the rest keep theirs.
        std::vector<uint32_t> only;
        if (frame % 3 == 1)
            for (uint32_t k = 0; k < d.sensors.size(); ++k)
                if (rng() % 3 == 0) only.push_back(k);
        const std::vector<float> before = values;
        if (frame % 3 == 1 && !values.empty()) fast.sampleSensors(t, values, only);
        else fast.sampleSensors(t, values);
        for (size_t k = 0; k < d.sensors.size(); ++k)
            expected[k] = d.primarySeries[k] < 0 ? std::numeric_limits<float>::quiet_NaN()
                                                 : sampleSeries(d, uint32_t(d.primarySeries[k]), t);
        if (frame % 3 == 1 && !before.empty()) {
            size_t next = 0;
            for (size_t k = 0; k < values.size(); ++k) {
                const bool listed = next < only.size() && only[next] == k;
                next += listed;
                if (!listed)
                    ASSERT_TRUE(std::memcmp(&values[k], &before[k], sizeof(float)) == 0) << "frame " << frame << " sensor " << k;
                else
                    ASSERT_TRUE(std::memcmp(&values[k], &expected[k], sizeof(float)) == 0 || (std::isnan(values[k]) && std::isnan(expected[k])))
                        << "frame " << frame << " sensor " << k << ": " << values[k] << " vs " << expected[k];
            }
            continue;
        }
        for (size_t k = 0; k < values.size(); ++k)
            ASSERT_TRUE(std::memcmp(&values[k], &expected[k], sizeof(float)) == 0 ||
                        (std::isnan(values[k]) && std::isnan(expected[k])))
                << "frame " << frame << " sensor " << k << ": " << values[k] << " vs " << expected[k];
    }
}

TEST(IncrementalScene, FramesMatchBuildingEverythingAnew) {
    const Dataset d = messyDataset(1500, 9);
    const std::vector<GlyphStyle> styles = glyphStyles(d);
    Camera cam;
    const std::vector<Vec2> positions = positionsOf(d, cam);
    Sampler sampler(&d);
    GlyphScene scene;
    DotMatrix dots;
    std::vector<float> values;
    std::vector<GlyphInstance> glyphs, refGlyphs, keep, refKeep;
    std::vector<uint32_t> sensorOfGlyph, refSensorOfGlyph;
    DensityGrid grid, refGrid;
    std::vector<uint8_t> pass;
    std::mt19937 rng(17);
    GlyphInputs in;
    in.styles = &styles;
    in.positions = &positions;
    int64_t t = d.startMs;
    size_t lodFrames = 0, changes = 0, skipped = 0;
    for (int frame = 0; frame < 900; ++frame) {
        // What a user does between frames.
        const int what = int(rng() % 100);
        if (what < 3) t = d.startMs + int64_t(rng() % uint64_t(d.endMs - d.startMs + 1));
        else if (what < 5) t -= int64_t(rng() % 3'600'000);
        else t += int64_t(rng() % 120'000);
        if (what >= 10 && what < 16) in.hovered = rng() % 3 == 0 ? -1 : int(rng() % d.sensors.size());
        if (what == 16) in.selected = rng() % 2 ? -1 : int(rng() % d.sensors.size());
        if (what == 17) in.layerMask ^= 1u << (rng() % kSensorTypeCount);
        if (what == 18) cam.panByPixels(double(rng() % 40) - 20, 3);
        if (what == 19) in.shrink = rng() % 2 ? 1.0f : 0.5f + float(rng() % 50) / 100.0f;
        if (what == 20) {  // filters on, changing, or off
            if (rng() % 3 == 0) pass.clear();
            else {
                pass.assign(d.sensors.size(), 1);
                for (auto& p : pass) p = rng() % 4 != 0;
            }
        }
        if (what == 21 && !pass.empty()) pass[rng() % pass.size()] ^= 1;
        if (what == 22) in.valuesSampled = !in.valuesSampled;
        if (what == 23) ++in.stylesVersion;
        in.pass = pass.empty() ? nullptr : &pass;

        if (what >= 24 && what < 28) {  // a state read between frames samples another moment (a seek's KPIs)
            const int64_t other = what == 24 ? d.startMs + int64_t(rng() % uint64_t(d.endMs - d.startMs + 1)) : t + int64_t(rng() % 600'000);
            if (what == 25) {  // … or only some sensors (the KPIs' bins and lots)
                std::vector<uint32_t> only;
                for (uint32_t k = 0; k < d.sensors.size(); k += 1 + rng() % 4) only.push_back(k);
                sampler.sampleSensors(other, values, only);
            } else {
                sampler.sampleSensors(other, values);
            }
        }
        sampler.sampleSensors(t, values);
        if (!in.valuesSampled)  // some values replaced after sampling (the what-if's bin levels)
            for (size_t k = 0; k < values.size(); k += 7) values[k] = float((t / 60000 + int64_t(k)) % 101);
        in.lazyGauges = frame % 2 == 0;  // as the viewer: gauges only for the glyphs drawn
        scene.update(in, values, sampler, glyphs, sensorOfGlyph);
        buildGlyphs(styles, positions, values, in.layerMask, in.selected, in.hovered, refGlyphs, refSensorOfGlyph, in.pass);
        if (in.shrink < 1.0f)
            for (GlyphInstance& g : refGlyphs) g.radiusPx *= in.shrink;
        ASSERT_TRUE(sameLooks(glyphs, refGlyphs)) << "frame " << frame;  // colours and flags: always this frame's
        ASSERT_EQ(sensorOfGlyph, refSensorOfGlyph) << "frame " << frame;
        changes += scene.rebuilt() ? 0 : scene.changes().size();
        skipped += scene.rebuilt() ? 0 : glyphs.size() - scene.recoloured();
        if (frame % 3 == 0) {  // a truck, appended by the caller
            GlyphInstance truck{float(400 + frame), 500, 0, 11, 0xff00ff00u, kTruckShape, 0};
            glyphs.push_back(truck);
            refGlyphs.push_back(truck);
        }
        // Dot matrix: a low limit so both branches run (and 30 % of frames stay glyphs).
        const size_t limit = frame % 10 < 3 ? 5000 : 40;
        const bool lod = dots.update(glyphs, scene, cam, 640, 480, 7, limit, 12, grid, keep);
        const bool refLod = buildDensityGrid(refGlyphs, cam, 640, 480, 7, limit, 12, refGrid, refKeep);
        ASSERT_EQ(lod, refLod) << "frame " << frame;
        if (lod) {  // the kept glyphs' gauges, settled one by one
            const std::vector<uint32_t>& kept = dots.keptGlyphs();
            ASSERT_LE(kept.size(), keep.size());
            for (size_t k = 0; k < kept.size(); ++k) scene.settleGauge(sensorOfGlyph[kept[k]], values[sensorOfGlyph[kept[k]]], keep[k]);
            ASSERT_TRUE(sameGlyphs(keep, refKeep)) << "frame " << frame;
        } else {  // every glyph drawn: every gauge settled
            ASSERT_TRUE(keep.empty());
            scene.settleGauges(values, sensorOfGlyph, glyphs);
            ASSERT_TRUE(scene.gaugesSettled());
            ASSERT_TRUE(sameGlyphs(glyphs, refGlyphs)) << "frame " << frame;
        }
        ASSERT_EQ(grid.binned, refGrid.binned) << "frame " << frame;
        if (lod) {
            ++lodFrames;
            ASSERT_EQ(grid.cols, refGrid.cols);
            ASSERT_EQ(grid.rows, refGrid.rows);
            ASSERT_EQ(grid.rgba, refGrid.rgba) << "frame " << frame;
        }
    }
    EXPECT_GT(lodFrames, 400u);
    EXPECT_GT(changes, 1000u);   // the incremental path did real work …
    EXPECT_GT(skipped, 100000u); // … and skipped most of it
}
