// docs_examples_test.cpp — the examples in docs/formats.md are real: they load, and join into a dataset.
#include "dataset.hpp"
#include "manifest.hpp"
#include "map_data.hpp"
#include "sampler.hpp"
#include "sensors.hpp"
#include "test_util.hpp"
#include "time_util.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace bk;

namespace {
std::vector<std::string> jsonBlocks(const std::string& markdown) {
    std::vector<std::string> blocks;
    const std::string open = "```json\n", close = "```";
    for (size_t at = markdown.find(open); at != std::string::npos; at = markdown.find(open, at)) {
        size_t start = at + open.size(), end = markdown.find(close, start);
        blocks.push_back(markdown.substr(start, end - start));
        at = end;
    }
    return blocks;
}
}  // namespace

TEST(DocsExamples, FormatsExamplesLoadAndJoin) {
    auto blocks = jsonBlocks(readRepoFile("docs/formats.md"));
    ASSERT_EQ(blocks.size(), 5u)
        << "docs/formats.md should show a map, a sensors file, a recording, one with a time zone and a manifest";
    auto manifest = parseManifest(blocks[4], "city.json");
    ASSERT_TRUE(manifest.ok()) << manifest.error().describe();
    EXPECT_EQ(manifest->size(), 3u);
    auto map = loadMap(blocks[0], "map.geojson");
    ASSERT_TRUE(map.ok()) << map.error().describe();
    EXPECT_EQ(map->features.size(), 4u);
    auto sensors = loadSensors(blocks[1], "sensors.geojson");
    ASSERT_TRUE(sensors.ok()) << sensors.error().describe();
    auto rec = loadRecording(blocks[2], "recording.json", sensors.value());
    ASSERT_TRUE(rec.ok()) << rec.error().describe();
    EXPECT_EQ(rec->readingCount(), 9u);
    EXPECT_EQ(rec->events.size(), 1u);
    // The gap is a gap; the lot's count holds between readings.
    Sampler s(&rec.value());
    EXPECT_TRUE(std::isnan(s.valueAt(0, *parseIsoTimeMs("2026-05-11T06:15:00+09:00"))));
    EXPECT_FLOAT_EQ(s.valueAt(1, *parseIsoTimeMs("2026-05-11T06:20:59+09:00")), 30);
    // The time zone example: New York's spring change, a 23-hour day.
    auto ny = loadRecording(blocks[3], "recording.json", sensors.value());
    ASSERT_TRUE(ny.ok()) << ny.error().describe();
    EXPECT_EQ(ny->timeZoneName, "America/New_York");
    EXPECT_EQ(ny->offsetAt(ny->startMs), -300);
    EXPECT_EQ(ny->offsetAt(ny->endMs), -240);
    int64_t springDay = ny->localDayStartMs(*parseIsoTimeMs("2026-03-08T09:00:00-04:00"));
    EXPECT_EQ(springDay, *parseIsoTimeMs("2026-03-08T00:00:00-05:00"));
    EXPECT_EQ(ny->nextLocalDayStartMs(springDay) - springDay, 23 * 3600000);
}
