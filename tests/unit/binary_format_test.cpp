// binary_format_test.cpp — the binary recording: exact round trips (the shipped week, categorical and irregular
// series, values that cannot be packed), version 1 files still loading, and every damaged file refused with a
// message that names the part and the byte.
#include "binary_format.hpp"
#include "dataset.hpp"
#include "importer.hpp"
#include "recording_writer.hpp"
#include "sensors.hpp"
#include "test_util.hpp"
#include "time_util.hpp"
#include "time_zone.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

using namespace bk;

namespace {

Dataset shippedWeek() {
    auto sensors = loadSensors(readRepoFile("assets/bukchon/sensors.geojson"), "sensors.geojson");
    auto d = loadRecording(readRepoFile("assets/bukchon/recording.json"), "recording.json", sensors.value());
    return std::move(d.value());
}

void expectSame(const Dataset& a, const Dataset& b) {
    ASSERT_EQ(a.sensors.size(), b.sensors.size());
    for (size_t i = 0; i < a.sensors.size(); ++i) {
        EXPECT_EQ(a.sensors[i].id, b.sensors[i].id);
        EXPECT_EQ(a.sensors[i].type, b.sensors[i].type);
        EXPECT_EQ(a.sensors[i].nameKo, b.sensors[i].nameKo);
        EXPECT_EQ(a.sensors[i].position.lat, b.sensors[i].position.lat);
        EXPECT_EQ(a.sensors[i].capacity, b.sensors[i].capacity);
    }
    ASSERT_EQ(a.series.size(), b.series.size());
    for (size_t i = 0; i < a.series.size(); ++i) {
        EXPECT_EQ(a.series[i].metric, b.series[i].metric);
        EXPECT_EQ(a.series[i].regular, b.series[i].regular);
        EXPECT_EQ(a.series[i].startMs, b.series[i].startMs);
        EXPECT_EQ(a.series[i].stepMs, b.series[i].stepMs);
        EXPECT_EQ(a.series[i].levels, b.series[i].levels);
        EXPECT_EQ(a.series[i].interpolation, b.series[i].interpolation);
    }
    ASSERT_EQ(a.values.size(), b.values.size());
    EXPECT_EQ(std::memcmp(a.values.data(), b.values.data(), a.values.size() * 4), 0);  // NaN gaps included
    EXPECT_EQ(a.timesMs, b.timesMs);
    ASSERT_EQ(a.events.size(), b.events.size());
    for (size_t i = 0; i < a.events.size(); ++i) {
        EXPECT_EQ(a.events[i].timeMs, b.events[i].timeMs);
        EXPECT_EQ(a.events[i].kind, b.events[i].kind);
        EXPECT_EQ(a.events[i].note, b.events[i].note);
    }
    EXPECT_EQ(a.primarySeries, b.primarySeries);
    EXPECT_EQ(a.startMs, b.startMs);
    EXPECT_EQ(a.endMs, b.endMs);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.simulated, b.simulated);
}

// Rewrites a header field and the checksum, as a bad writer would.
template <class T>
std::string patched(std::string bytes, size_t at, T value) {
    std::memcpy(&bytes[at], &value, sizeof value);
    uint64_t sum = binaryChecksum(reinterpret_cast<const uint8_t*>(bytes.data()) + 24, bytes.size() - 24);
    std::memcpy(&bytes[16], &sum, 8);
    return bytes;
}

}  // namespace

// The default page loads the week as binary (no JSON parse before the first frame); it must be the JSON's twin.
TEST(BinaryFormat, ShippedBinaryWeekIsTheJsonWeek) {
    EXPECT_TRUE(writeBinaryRecording(shippedWeek()) == readRepoFile("assets/bukchon/recording.bkr"))
        << "assets/bukchon/recording.bkr is stale: regenerate it with bukchon-convert (see docs/simulation.md)";
}

TEST(BinaryFormat, ShippedWeekRoundTripsExactly) {
    Dataset week = shippedWeek();
    std::string bytes = writeBinaryRecording(week);
    EXPECT_TRUE(looksLikeBinaryRecording(bytes));
    // About one byte a reading (version 2 packs the week's decimals as varint differences) plus the tables; version
    // 1 took 4.1.
    EXPECT_LT(double(bytes.size()) / double(week.readingCount()), 1.3);
    auto back = loadBinaryRecording(bytes, "week.bkr");
    ASSERT_TRUE(back) << back.error().describe();
    expectSame(week, back.value());
}

TEST(BinaryFormat, CategoricalAndIrregularSeriesRoundTrip) {
    Importer importer({});
    importer.add("log.csv", "time,id,lat,lon,v,status\n2026-05-11T09:00:00.250Z,A,37.58,126.98,1.5,GREEN\n"
                            "2026-05-11T09:07:00Z,A,37.58,126.98,,RED\n2026-05-11T09:09:00Z,A,37.58,126.98,4,RED\n");
    auto r = importer.finish();
    ASSERT_TRUE(r.dataset);
    auto back = loadBinaryRecording(writeBinaryRecording(*r.dataset), "x.bkr");
    ASSERT_TRUE(back) << back.error().describe();
    expectSame(*r.dataset, back.value());
}

TEST(BinaryFormat, DamagedFilesAreRefusedWithThePartAndByte) {
    std::string good = writeBinaryRecording(shippedWeek());
    auto message = [](const std::string& bytes) {
        auto r = loadBinaryRecording(bytes, "week.bkr");
        return r ? std::string("loaded") : r.error().describe();
    };
    EXPECT_EQ(message(good.substr(0, 100)), "week.bkr header: expected a binary recording header of 176 bytes, the file has 100 (at byte 0)");
    EXPECT_EQ(message("XXXX" + good.substr(4)), "week.bkr header.magic: expected \"BKRB\" (a binary recording) (at byte 0)");
    EXPECT_EQ(message(good.substr(0, good.size() - 8)),
              "week.bkr header.fileBytes: the file should have " + std::to_string(good.size()) + " bytes, it has " +
                  std::to_string(good.size() - 8) + " (truncated?) (at byte 8)");
    std::string flipped = good;
    flipped[good.size() / 2] ^= 0x10;
    EXPECT_EQ(message(flipped), "week.bkr header.checksum: checksum mismatch: the file is damaged (at byte 16)");
    EXPECT_EQ(message(patched<uint16_t>(good, 4, 7)), "week.bkr header.version: this viewer reads versions 1–2, got 7 (at byte 4)");
    EXPECT_EQ(message(patched<uint64_t>(good, 120, uint64_t(1) << 40)), "week.bkr header.values: section outside the file (at byte 120)");
    EXPECT_EQ(message(patched<uint64_t>(good, 40, ~uint64_t(0))),
              "week.bkr header.valueCount: too many readings in one recording (more than 4 billion) (at byte 40)");
    // A series pointing at a sensor that does not exist.
    uint64_t seriesOff;
    std::memcpy(&seriesOff, &good[104], 8);
    EXPECT_EQ(message(patched<uint32_t>(good, size_t(seriesOff), 999)), "week.bkr series[0].sensor: sensor index 999 out of range (at byte " +
                                                                           std::to_string(seriesOff) + ")");
    // Packed values: more readings than the section has bytes (refused before anything is allocated: found by
    // fuzz_binary as a 2.6 GB allocation), a run's decimals, its count, a value past the section.
    uint64_t valuesOff;
    std::memcpy(&valuesOff, &good[120], 8);
    const std::string at = " (at byte " + std::to_string(valuesOff) + ")";
    uint64_t timesOff;
    std::memcpy(&timesOff, &good[128], 8);
    EXPECT_EQ(message(patched<uint64_t>(good, 40, uint64_t(1) << 31)),
              "week.bkr header.valueCount: 2147483648 readings cannot fit in a values section of " + std::to_string(timesOff - valuesOff) +
                  " bytes (at byte 40)");
    EXPECT_EQ(message(patched<uint8_t>(good, size_t(valuesOff), 7)),
              "week.bkr values (the run from value 0): expected 0…6 decimals or 255 (raw), got 7" + at);
    EXPECT_EQ(message(patched<uint32_t>(good, size_t(valuesOff) + 1, 0xFFFFFFFF)),
              "week.bkr values (the run from value 0): expected a count of 1…233856" + at);
    // (the times section moved up to 233,864 bytes after the values start: room for a byte a reading, but the
    // week's varints take 235,047, so a value runs into it)
    const std::string cut = message(patched<uint64_t>(good, 128, valuesOff + 233864));
    EXPECT_EQ(cut.rfind("week.bkr values[", 0), 0u) << cut;
    EXPECT_NE(cut.find("]: a packed value runs past the values section"), std::string::npos) << cut;
}

// What fixed point cannot give back bit for bit (tiny, huge, −0) is kept as f32, and still checked.
TEST(BinaryFormat, ValuesThatAreNotDecimalsStayExact) {
    Importer importer({});
    importer.add("log.csv", "time,id,lat,lon,v\n2026-05-11T09:00:00Z,A,37.58,126.98,1e-9\n2026-05-11T09:05:00Z,A,37.58,126.98,-0\n"
                            "2026-05-11T09:10:00Z,A,37.58,126.98,3.4e38\n2026-05-11T09:15:00Z,A,37.58,126.98,0.1\n");
    auto r = importer.finish();
    ASSERT_TRUE(r.dataset) << r.report.text();
    std::string bytes = writeBinaryRecording(*r.dataset);
    auto back = loadBinaryRecording(bytes, "x.bkr");
    ASSERT_TRUE(back) << back.error().describe();
    expectSame(*r.dataset, back.value());
    EXPECT_TRUE(std::signbit(back.value().values[1]));
    // The run is raw: decimals 255, count 4, then the f32 values. An infinite one is refused.
    uint64_t valuesOff;
    std::memcpy(&valuesOff, &bytes[120], 8);
    ASSERT_EQ(uint8_t(bytes[size_t(valuesOff)]), 255);
    EXPECT_EQ(loadBinaryRecording(patched<float>(bytes, size_t(valuesOff) + 2 + 8, INFINITY), "x.bkr").error().describe(),
              "x.bkr values[2]: expected a finite number or NaN (a gap) (at byte " + std::to_string(valuesOff + 10) + ")");
}

// Files written before version 2 (f32 values) load as they did, to the same dataset as their version 2 rewrite.
TEST(BinaryFormat, VersionOneFilesStillLoad) {
    for (const char* file : {"tests/fuzz/corpus/binary/tiny.bkr", "tests/fuzz/corpus/binary/new-york.bkr"}) {
        std::string v1 = readRepoFile(file);
        uint16_t version;
        std::memcpy(&version, &v1[4], 2);
        ASSERT_EQ(version, 1) << file;
        auto old = loadBinaryRecording(v1, file);
        ASSERT_TRUE(old) << old.error().describe();
        std::string v2 = writeBinaryRecording(old.value());
        std::memcpy(&version, &v2[4], 2);
        EXPECT_EQ(version, kBinaryVersion);
        auto again = loadBinaryRecording(v2, file);
        ASSERT_TRUE(again) << again.error().describe();
        expectSame(old.value(), again.value());
    }
}

namespace {
// A New York log across both 2026 changes, imported as the page does it (the zone's transitions).
Dataset newYorkSeasons() {
    ImportOptions opt;
    opt.zone = TimeZone::fromTransitions("America/New_York", -300, {{*parseIsoTimeMs("2026-03-08T07:00:00Z"), -240},
                                                                   {*parseIsoTimeMs("2026-11-01T06:00:00Z"), -300}});
    Importer importer(opt);
    importer.add("ny.csv", "time,id,lat,lon,v\n2026-01-10 09:00,A,40.7,-74.0,1\n2026-06-20 09:00,A,40.7,-74.0,2\n"
                           "2026-11-20 09:00,A,40.7,-74.0,3\n");
    auto r = importer.finish();
    EXPECT_TRUE(r.dataset) << r.report.text();
    return r.dataset ? std::move(*r.dataset) : Dataset{};
}
uint16_t headerBytesOf(const std::string& file) {
    uint16_t n;
    std::memcpy(&n, &file[6], 2);
    return n;
}
}  // namespace

TEST(BinaryFormat, ATimeZoneRoundTripsInTheLongerHeader) {
    Dataset ny = newYorkSeasons();
    ASSERT_EQ(ny.offsetChanges.size(), 2u);
    std::string bytes = writeBinaryRecording(ny);
    EXPECT_EQ(headerBytesOf(bytes), 200);
    auto back = loadBinaryRecording(bytes, "ny.bkr");
    ASSERT_TRUE(back) << back.error().describe();
    expectSame(ny, back.value());
    EXPECT_EQ(back->timeZoneName, "America/New_York");
    EXPECT_EQ(back->offsetChanges, ny.offsetChanges);
    EXPECT_EQ(back->offsetAt(*parseIsoTimeMs("2026-06-20T13:00:00Z")), -240);
    EXPECT_EQ(back->offsetAt(*parseIsoTimeMs("2026-11-20T14:00:00Z")), -300);
    // Without a zone the header stays the 176 bytes every earlier file has (the shipped week is one: it loads).
    EXPECT_EQ(headerBytesOf(writeBinaryRecording(shippedWeek())), 176);
    EXPECT_EQ(headerBytesOf(readRepoFile("assets/bukchon/recording.bkr")), 176);
}

TEST(BinaryFormat, TheRecordingsOpeningMomentRoundTripsInTheLongestHeader) {
    // open_at travels in the .bkr (the page converts JSON into it: the viewer reads nothing else), and back to JSON.
    Dataset week = shippedWeek();
    week.openAtMs = *parseIsoTimeMs("2026-05-13T08:15:00+09:00");
    std::string bytes = writeBinaryRecording(week);
    EXPECT_EQ(headerBytesOf(bytes), 208);
    auto back = loadBinaryRecording(bytes, "week.bkr");
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_EQ(back->openAtMs, week.openAtMs);
    EXPECT_EQ(back->timeZoneName, "");
    EXPECT_TRUE(back->offsetChanges.empty());
    EXPECT_EQ(writeBinaryRecording(back.value()), bytes);
    EXPECT_NE(writeRecordingJson(back.value()).find("\"open_at\": \"2026-05-13T08:15:00+09:00\""), std::string::npos);
    auto outside = loadBinaryRecording(patched<int64_t>(bytes, 200, back->endMs + 1), "week.bkr");
    ASSERT_FALSE(outside);
    EXPECT_NE(outside.error().describe().find("week.bkr header.open_at: the moment to open on must lie in the recording"),
              std::string::npos) << outside.error().describe();
}

TEST(BinaryFormat, ADamagedTimeZoneIsRefusedWithThePartAndByte) {
    std::string good = writeBinaryRecording(newYorkSeasons());
    auto message = [](const std::string& bytes) {
        auto r = loadBinaryRecording(bytes, "ny.bkr");
        return r ? std::string("loaded") : r.error().describe();
    };
    EXPECT_EQ(message(patched<uint16_t>(good, 6, 190)),
              "ny.bkr header.headerBytes: expected a header of 176, 200 (with a time zone) or 208 bytes (with an opening moment), "
              "got 190 (at byte 6)");
    EXPECT_EQ(message(patched<uint32_t>(good, 184, 1000)), "ny.bkr header.changes: section outside the file (at byte 192)");
    EXPECT_EQ(message(patched<uint32_t>(good, 180, 1u << 30)), "ny.bkr header.time_zone: string outside the string table (at byte 176)");
    uint64_t changesOff;
    std::memcpy(&changesOff, &good[192], 8);
    EXPECT_EQ(message(patched<int32_t>(good, size_t(changesOff) + 16 + 8, -180)),
              "ny.bkr changes[1]: expected the change to start from -04:00 (where the one before ended), got -03:00 (at byte " +
                  std::to_string(changesOff + 16) + ")");
    EXPECT_EQ(message(patched<int64_t>(good, size_t(changesOff) + 16, 0)),
              "ny.bkr changes[1]: changes must be in time order, each after the one before (at byte " + std::to_string(changesOff + 16) + ")");
    EXPECT_EQ(message(patched<int32_t>(good, 72, -240)),
              "ny.bkr header.utcOffset: the offset at the recording's start is -04:00, but the time zone's changes give -05:00 then (at byte 72)");
}

TEST(BinaryFormat, ChecksumSeesEveryByteAndLength) {
    std::string a(1000, 'x');
    uint64_t base = binaryChecksum(reinterpret_cast<const uint8_t*>(a.data()), a.size());
    for (size_t i = 0; i < a.size(); i += 37) {
        std::string b = a;
        b[i] ^= 1;
        EXPECT_NE(binaryChecksum(reinterpret_cast<const uint8_t*>(b.data()), b.size()), base) << i;
    }
    EXPECT_NE(binaryChecksum(reinterpret_cast<const uint8_t*>(a.data()), a.size() - 1), base);
}
