// binary_format.cpp — writer and checked reader of the binary recording; the byte layout is in docs/formats.md.
//
// Layout (all little-endian, sections 8-byte aligned):
//   header (176 bytes, 200 with a time zone, 208 with an opening moment) · strings (UTF-8, back to back) · sensors (80 B each)
//   · series (64 B each) · level names (8 B string refs) · values · times (i64 ms) · events (40 B each)
//   · offset changes (16 B each, only with the 200-byte header)
// Values are f32 in version 1; version 2 (written now) packs them in runs of decimal fixed point, each value a
// varint of its difference from the one before, so the week gzips to half (readers take both).
// A string is referenced by {u32 offset into strings, u32 length}. The header says its own size: a file without a
// time zone keeps the first 176-byte header, byte for byte what earlier writers wrote and earlier viewers read.
#include "binary_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>
#include <limits>
#include <optional>
#include <unordered_set>

namespace bk {
namespace {

constexpr char kMagic[4] = {'B', 'K', 'R', 'B'};
constexpr size_t kHeaderBytes = 176, kZoneHeaderBytes = 200, kOpenAtHeaderBytes = 208, kSensorBytes = 80, kSeriesBytes = 64, kEventBytes = 40,
                 kRefBytes = 8, kChangeBytes = 16;

// Offsets of the header fields.
enum : size_t {
    hVersion = 4, hHeaderBytes = 6, hFileBytes = 8, hChecksum = 16, hSensorCount = 24, hSeriesCount = 28,
    hEventCount = 32, hLevelCount = 36, hValueCount = 40, hTimeCount = 48, hStartMs = 56, hEndMs = 64, hUtcOffset = 72,
    hFlags = 76, hStringsOffset = 80, hStringsBytes = 88, hSensorsOffset = 96, hSeriesOffset = 104, hLevelsOffset = 112,
    hValuesOffset = 120, hTimesOffset = 128, hEventsOffset = 136, hTitle = 144, hTitleKo = 152, hSource = 160,
    hSourceKo = 168,
    // The 200-byte header only: the zone's name, then its offset changes {i64 utcMs, i32 from, i32 to minutes}.
    hZoneName = 176, hChangeCount = 184, hChangesOffset = 192,
    // The 208-byte header only (the zone's fields may be empty): where the replay opens (the recording's "open_at").
    hOpenAt = 200,
};
constexpr uint32_t kSimulatedFlag = 1, kOpenAtFlag = 2;

template <class T>
void put(std::string& out, size_t at, T v) { std::memcpy(&out[at], &v, sizeof v); }
template <class T>
T get(const uint8_t* p, size_t at) {
    T v;
    std::memcpy(&v, p + at, sizeof v);
    return v;
}

size_t align8(size_t n) { return (n + 7) & ~size_t(7); }

// ---- version 2's packed values ----------------------------------------------------------------------------------
// A run: u8 decimals (0…6; kRawRun: f32 values follow), varint n, then n values. A fixed-point value is the varint
// zigzag(q − previous q) + 1 with q = value × 10^decimals (previous q starts at 0 in each run); 0 is a gap (NaN).
// value = float(double(q) / 10^decimals): the writer packs a series this way only when that gives back every value
// bit for bit, and otherwise writes it raw.
constexpr uint8_t kRawRun = 255, kMaxDecimals = 6;
constexpr double kPow10[kMaxDecimals + 1] = {1, 10, 100, 1000, 10000, 100000, 1000000};
constexpr int64_t kMaxFixed = int64_t(1) << 53;  // |q| bound: exact in a double

float fixedToFloat(int64_t q, uint8_t decimals) { return float(double(q) / kPow10[decimals]); }

bool isGap(float v) {
    const float gap = std::numeric_limits<float>::quiet_NaN();
    return std::memcmp(&v, &gap, 4) == 0;  // the gap the loaders write; any other NaN is kept as it is (raw)
}

void putVarint(std::string& out, uint64_t v) {
    while (v >= 0x80) {
        out += char(uint8_t(v) | 0x80);
        v >>= 7;
    }
    out += char(uint8_t(v));
}

// The fewest decimals that give back every value of `v[0…n)` exactly, or kRawRun.
uint8_t decimalsFor(const float* v, size_t n) {
    for (uint8_t k = 0; k <= kMaxDecimals; ++k) {
        bool exact = true;
        for (size_t i = 0; i < n && exact; ++i) {
            if (isGap(v[i])) continue;
            double scaled = double(v[i]) * kPow10[k];
            if (!(std::fabs(scaled) < double(kMaxFixed))) return kRawRun;  // NaN, inf or too large: raw
            float back = fixedToFloat(std::llround(scaled), k);
            exact = std::memcmp(&back, &v[i], 4) == 0;  // bit for bit (−0 stays raw)
        }
        if (exact) return k;
    }
    return kRawRun;
}

void putRun(std::string& out, const float* v, size_t n) {
    const uint8_t k = decimalsFor(v, n);
    out += char(k);
    putVarint(out, n);
    if (k == kRawRun) {
        out.append(reinterpret_cast<const char*>(v), n * 4);
        return;
    }
    int64_t previous = 0;
    for (size_t i = 0; i < n; ++i) {
        if (isGap(v[i])) {
            out += char(0);
            continue;
        }
        int64_t q = std::llround(double(v[i]) * kPow10[k]), delta = q - previous;
        previous = q;
        putVarint(out, ((uint64_t(delta) << 1) ^ uint64_t(delta >> 63)) + 1);
    }
}

// Every value in runs: one per series in the order of their values, raw runs for values no series covers.
std::string packValues(const Dataset& d) {
    std::vector<const Series*> order;
    for (const Series& s : d.series) order.push_back(&s);
    std::sort(order.begin(), order.end(), [](const Series* a, const Series* b) { return a->offset < b->offset; });
    std::string out;
    size_t at = 0;
    for (const Series* s : order) {
        if (s->offset < at) continue;  // shares values with the one before (no writer does this; keep them as they are)
        if (s->offset > at) putRun(out, d.values.data() + at, s->offset - at);
        size_t end = std::min(d.values.size(), size_t(s->offset) + s->count);
        if (end > s->offset) putRun(out, d.values.data() + s->offset, end - s->offset);
        at = std::max(at, end);
    }
    if (at < d.values.size()) putRun(out, d.values.data() + at, d.values.size() - at);
    return out;
}

struct StringTable {
    std::string bytes;
    void ref(std::string& out, size_t at, const std::string& s) {
        put<uint32_t>(out, at, uint32_t(bytes.size()));
        put<uint32_t>(out, at + 4, uint32_t(s.size()));
        bytes += s;
    }
};

}  // namespace

uint64_t binaryChecksum(const uint8_t* data, size_t size) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ uint64_t(size);
    size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        uint64_t w;
        std::memcpy(&w, data + i, 8);
        h = (h ^ w) * 0x100000001B3ull;
        h ^= h >> 29;
    }
    uint64_t tail = 0;
    for (size_t k = 0; i + k < size; ++k) tail |= uint64_t(data[i + k]) << (8 * k);
    h = (h ^ tail) * 0x100000001B3ull;
    h ^= h >> 32;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
}

bool looksLikeBinaryRecording(std::string_view bytes) {
    return bytes.size() >= 4 && std::memcmp(bytes.data(), kMagic, 4) == 0;
}

std::string writeBinaryRecording(const Dataset& d) {
    // Fixed-size tables first (their string refs fill the string table), then the layout.
    StringTable strings;
    const bool zone = !d.timeZoneName.empty() || !d.offsetChanges.empty() || d.openAtMs;
    const size_t headerBytes = d.openAtMs ? kOpenAtHeaderBytes : zone ? kZoneHeaderBytes : kHeaderBytes;
    // The recording's own events: those derived at load (derived_events.hpp) are found again by the next load.
    std::vector<const Event*> recorded;
    for (const Event& e : d.events)
        if (!e.derived) recorded.push_back(&e);
    std::string header(headerBytes, '\0'), sensors(d.sensors.size() * kSensorBytes, '\0'),
        series(d.series.size() * kSeriesBytes, '\0'), events(recorded.size() * kEventBytes, '\0'), levels;
    strings.ref(header, hTitle, d.title);
    strings.ref(header, hTitleKo, d.titleKo);
    strings.ref(header, hSource, d.source);
    strings.ref(header, hSourceKo, d.sourceKo);
    if (zone) strings.ref(header, hZoneName, d.timeZoneName);
    for (size_t i = 0; i < d.sensors.size(); ++i) {
        const Sensor& s = d.sensors[i];
        size_t at = i * kSensorBytes;
        strings.ref(sensors, at, s.id);
        strings.ref(sensors, at + 8, s.typeName.empty() ? std::string(sensorTypeInfo(s.type).name) : s.typeName);
        strings.ref(sensors, at + 16, s.nameEn);
        strings.ref(sensors, at + 24, s.nameKo);
        strings.ref(sensors, at + 32, s.unit);
        put<double>(sensors, at + 40, s.position.lat);
        put<double>(sensors, at + 48, s.position.lon);
        put<double>(sensors, at + 56, s.capacity);
        put<double>(sensors, at + 64, s.scaleMin);
        put<double>(sensors, at + 72, s.scaleMax);
    }
    uint32_t levelCount = 0;
    for (size_t i = 0; i < d.series.size(); ++i) {
        const Series& s = d.series[i];
        size_t at = i * kSeriesBytes;
        put<uint32_t>(series, at, s.sensor);
        put<uint32_t>(series, at + 4, s.count);
        strings.ref(series, at + 8, s.metric);
        strings.ref(series, at + 16, s.unit);
        put<uint32_t>(series, at + 24, s.offset);
        put<uint32_t>(series, at + 28, s.timeOffset);
        put<uint32_t>(series, at + 32, levelCount);
        put<uint32_t>(series, at + 36, uint32_t(s.levels.size()));
        series[at + 40] = char(s.interpolation == Interpolation::step ? 1 : 0);
        series[at + 41] = char(s.regular ? 1 : 0);
        put<int64_t>(series, at + 48, s.startMs);
        put<int64_t>(series, at + 56, s.stepMs);
        for (const std::string& level : s.levels) {
            levels.resize(levels.size() + kRefBytes);
            strings.ref(levels, levels.size() - kRefBytes, level);
            ++levelCount;
        }
    }
    for (size_t i = 0; i < recorded.size(); ++i) {
        const Event& e = *recorded[i];
        size_t at = i * kEventBytes;
        put<int64_t>(events, at, e.timeMs);
        put<uint32_t>(events, at + 8, e.sensor);
        strings.ref(events, at + 16, e.kind);
        strings.ref(events, at + 24, e.note);
        put<double>(events, at + 32, e.value);
    }

    std::string changes(d.offsetChanges.size() * kChangeBytes, '\0');
    for (size_t i = 0; i < d.offsetChanges.size(); ++i) {
        put<int64_t>(changes, i * kChangeBytes, d.offsetChanges[i].utcMs);
        put<int32_t>(changes, i * kChangeBytes + 8, d.offsetChanges[i].fromMinutes);
        put<int32_t>(changes, i * kChangeBytes + 12, d.offsetChanges[i].toMinutes);
    }

    size_t at = headerBytes;
    auto section = [&](size_t field, size_t bytes) {
        put<uint64_t>(header, field, uint64_t(at));
        at = align8(at + bytes);
    };
    put<uint64_t>(header, hStringsBytes, strings.bytes.size());
    section(hStringsOffset, strings.bytes.size());
    section(hSensorsOffset, sensors.size());
    section(hSeriesOffset, series.size());
    section(hLevelsOffset, levels.size());
    const std::string packed = packValues(d);
    section(hValuesOffset, packed.size());
    section(hTimesOffset, d.timesMs.size() * 8);
    section(hEventsOffset, events.size());
    if (zone) section(hChangesOffset, changes.size());
    const size_t fileBytes = at;

    std::memcpy(&header[0], kMagic, 4);
    put<uint16_t>(header, hVersion, kBinaryVersion);
    put<uint16_t>(header, hHeaderBytes, uint16_t(headerBytes));
    put<uint64_t>(header, hFileBytes, fileBytes);
    put<uint32_t>(header, hSensorCount, uint32_t(d.sensors.size()));
    put<uint32_t>(header, hSeriesCount, uint32_t(d.series.size()));
    put<uint32_t>(header, hEventCount, uint32_t(recorded.size()));
    put<uint32_t>(header, hLevelCount, levelCount);
    put<uint64_t>(header, hValueCount, d.values.size());
    put<uint64_t>(header, hTimeCount, d.timesMs.size());
    put<int64_t>(header, hStartMs, d.startMs);
    put<int64_t>(header, hEndMs, d.endMs);
    put<int32_t>(header, hUtcOffset, d.utcOffsetMinutes);
    put<uint32_t>(header, hFlags, (d.simulated ? kSimulatedFlag : 0u) | (d.openAtMs ? kOpenAtFlag : 0u));
    if (zone) put<uint32_t>(header, hChangeCount, uint32_t(d.offsetChanges.size()));
    if (d.openAtMs) put<int64_t>(header, hOpenAt, *d.openAtMs);

    std::string out(fileBytes, '\0');
    std::memcpy(&out[0], header.data(), header.size());
    auto place = [&](size_t field, const void* data, size_t bytes) {
        if (bytes) std::memcpy(&out[size_t(get<uint64_t>(reinterpret_cast<const uint8_t*>(header.data()), field))], data, bytes);
    };
    place(hStringsOffset, strings.bytes.data(), strings.bytes.size());
    place(hSensorsOffset, sensors.data(), sensors.size());
    place(hSeriesOffset, series.data(), series.size());
    place(hLevelsOffset, levels.data(), levels.size());
    place(hValuesOffset, packed.data(), packed.size());
    place(hTimesOffset, d.timesMs.data(), d.timesMs.size() * 8);
    place(hEventsOffset, events.data(), events.size());
    if (zone) place(hChangesOffset, changes.data(), changes.size());
    uint64_t sum = binaryChecksum(reinterpret_cast<const uint8_t*>(out.data()) + 24, fileBytes - 24);
    put<uint64_t>(out, hChecksum, sum);
    return out;
}

namespace {

class Reader {
public:
    Reader(std::string_view bytes, const std::string& file)
        : p_(reinterpret_cast<const uint8_t*>(bytes.data())), n_(bytes.size()), file_(file) {}

    size_t headerBytes = kHeaderBytes;  // once read: sections start after it

    LoadError error(const std::string& field, size_t at, const std::string& message) const {
        return LoadError{file_, 0, 0, field, message + " (at byte " + std::to_string(at) + ")"};
    }
    template <class T>
    T at(size_t offset) const { return get<T>(p_, offset); }

    // A section of `count` records of `size` bytes at the header's `field`: inside the file, no overflow.
    bool section(size_t field, uint64_t count, size_t size, size_t align, uint64_t fileBytes, size_t& offset,
                 std::string& why) const {
        uint64_t off = at<uint64_t>(field);
        if (count > (std::numeric_limits<uint64_t>::max() / 2) / size) { why = "count too large"; return false; }
        uint64_t bytes = count * size;
        if (off < headerBytes || off > fileBytes || bytes > fileBytes - off) { why = "section outside the file"; return false; }
        if (off % align) { why = "section not aligned"; return false; }
        offset = size_t(off);
        return true;
    }
    // A string reference: inside the string table.
    bool str(size_t refAt, size_t stringsOff, uint64_t stringsBytes, std::string& out) const {
        uint32_t off = at<uint32_t>(refAt), len = at<uint32_t>(refAt + 4);
        if (uint64_t(off) + len > stringsBytes) return false;
        out.assign(reinterpret_cast<const char*>(p_ + stringsOff + off), len);
        return true;
    }

    // Version 2's runs in [from, to) into `values` (all of them, exactly): an error names the run or value and
    // its byte.
    std::optional<LoadError> unpackValues(size_t from, size_t to, std::vector<float>& values) const {
        size_t at = from, filled = 0;
        auto varint = [&](uint64_t& v) {
            v = 0;
            for (int shift = 0; shift < 64 && at < to; shift += 7) {
                uint8_t b = p_[at++];
                v |= uint64_t(b & 0x7f) << shift;
                if (!(b & 0x80)) return true;
            }
            return false;
        };
        while (filled < values.size()) {
            const size_t runAt = at;
            const std::string run = "values (the run from value " + std::to_string(filled) + ")";
            if (at >= to) return error(run, at, "the values end before every reading has one");
            const uint8_t decimals = p_[at++];
            uint64_t n = 0;
            if (decimals > kMaxDecimals && decimals != kRawRun) return error(run, runAt, "expected 0…6 decimals or 255 (raw), got " + std::to_string(decimals));
            if (!varint(n) || n == 0 || n > values.size() - filled) return error(run, runAt, "expected a count of 1…" + std::to_string(values.size() - filled));
            if (decimals == kRawRun) {
                if (n * 4 > to - at) return error(run, runAt, "raw values outside the values section");
                std::memcpy(&values[filled], p_ + at, size_t(n) * 4);
                for (size_t i = filled; i < filled + n; ++i)
                    if (std::isinf(values[i]))
                        return error("values[" + std::to_string(i) + "]", at + (i - filled) * 4, "expected a finite number or NaN (a gap)");
                at += size_t(n) * 4;
                filled += size_t(n);
                continue;
            }
            int64_t q = 0;
            for (uint64_t i = 0; i < n; ++i, ++filled) {
                const size_t valueAt = at;
                uint64_t code = 0;
                if (!varint(code)) return error("values[" + std::to_string(filled) + "]", valueAt, "a packed value runs past the values section");
                if (code == 0) {
                    values[filled] = std::numeric_limits<float>::quiet_NaN();
                    continue;
                }
                const uint64_t z = code - 1;
                const int64_t delta = int64_t(z >> 1) ^ -int64_t(z & 1);
                if (delta > kMaxFixed || delta < -kMaxFixed || q + delta > kMaxFixed || q + delta < -kMaxFixed)
                    return error("values[" + std::to_string(filled) + "]", valueAt, "value out of range");
                q += delta;
                values[filled] = fixedToFloat(q, decimals);
            }
        }
        for (; at < to; ++at)  // what follows the last run is the padding to the next section
            if (to - at >= 8 || p_[at] != 0) return error("values", at, "unexpected bytes after the last run");
        return std::nullopt;
    }

    const uint8_t* p_;
    size_t n_;
    const std::string& file_;
};

}  // namespace

Result<Dataset> loadBinaryRecording(std::string_view bytes, const std::string& file) {
    Reader r(bytes, file);
    if (bytes.size() < kHeaderBytes) return r.error("header", 0, "expected a binary recording header of " + std::to_string(kHeaderBytes) +
                                                                 " bytes, the file has " + std::to_string(bytes.size()));
    if (!looksLikeBinaryRecording(bytes)) return r.error("header.magic", 0, "expected \"BKRB\" (a binary recording)");
    const uint16_t version = r.at<uint16_t>(hVersion);
    if (version < kOldestBinaryVersion || version > kBinaryVersion)
        return r.error("header.version", hVersion, "this viewer reads versions " + std::to_string(kOldestBinaryVersion) + "–" +
                                                       std::to_string(kBinaryVersion) + ", got " + std::to_string(version));
    const bool packedValues = version >= 2;
    r.headerBytes = r.at<uint16_t>(hHeaderBytes);
    if (r.headerBytes != kHeaderBytes && r.headerBytes != kZoneHeaderBytes && r.headerBytes != kOpenAtHeaderBytes)
        return r.error("header.headerBytes", hHeaderBytes, "expected a header of " + std::to_string(kHeaderBytes) + ", " +
                                                               std::to_string(kZoneHeaderBytes) + " (with a time zone) or " +
                                                               std::to_string(kOpenAtHeaderBytes) + " bytes (with an opening moment), got " +
                                                               std::to_string(r.headerBytes));
    if (bytes.size() < r.headerBytes)
        return r.error("header", 0, "expected a binary recording header of " + std::to_string(r.headerBytes) +
                                        " bytes, the file has " + std::to_string(bytes.size()));
    const bool zone = r.headerBytes >= kZoneHeaderBytes;
    const uint64_t fileBytes = r.at<uint64_t>(hFileBytes);
    if (fileBytes != bytes.size())
        return r.error("header.fileBytes", hFileBytes, "the file should have " + std::to_string(fileBytes) + " bytes, it has " +
                                                           std::to_string(bytes.size()) + (fileBytes > bytes.size() ? " (truncated?)" : ""));
    if (binaryChecksum(r.p_ + 24, size_t(fileBytes) - 24) != r.at<uint64_t>(hChecksum))
        return r.error("header.checksum", hChecksum, "checksum mismatch: the file is damaged");

    const uint32_t sensorCount = r.at<uint32_t>(hSensorCount), seriesCount = r.at<uint32_t>(hSeriesCount),
                   eventCount = r.at<uint32_t>(hEventCount), levelCount = r.at<uint32_t>(hLevelCount);
    const uint64_t valueCount = r.at<uint64_t>(hValueCount), timeCount = r.at<uint64_t>(hTimeCount),
                   stringsBytes = r.at<uint64_t>(hStringsBytes);
    if (valueCount > std::numeric_limits<uint32_t>::max() || timeCount > std::numeric_limits<uint32_t>::max())
        return r.error("header.valueCount", hValueCount, "too many readings in one recording (more than 4 billion)");
    const uint32_t changeCount = zone ? r.at<uint32_t>(hChangeCount) : 0;
    size_t strOff, senOff, serOff, lvlOff, valOff, timOff, evOff, chgOff = 0;
    std::string why;
    struct S { size_t field; uint64_t count; size_t size, align; size_t* out; const char* name; };
    const S sections[] = {{hStringsOffset, stringsBytes, 1, 1, &strOff, "header.strings"},
                          {hSensorsOffset, sensorCount, kSensorBytes, 8, &senOff, "header.sensors"},
                          {hSeriesOffset, seriesCount, kSeriesBytes, 8, &serOff, "header.series"},
                          {hLevelsOffset, levelCount, kRefBytes, 4, &lvlOff, "header.levels"},
                          {hValuesOffset, packedValues ? 0 : valueCount, 4, 4, &valOff, "header.values"},
                          {hTimesOffset, timeCount, 8, 8, &timOff, "header.times"},
                          {hEventsOffset, eventCount, kEventBytes, 8, &evOff, "header.events"}};
    for (const S& s : sections)
        if (!r.section(s.field, s.count, s.size, s.align, fileBytes, *s.out, why)) return r.error(s.name, s.field, why);
    if (zone && !r.section(hChangesOffset, changeCount, kChangeBytes, 8, fileBytes, chgOff, why))
        return r.error("header.changes", hChangesOffset, why);

    Dataset d;
    // String references read into `out`; a record's field name is only spelled out when something is wrong (a
    // city-scale file has 100,000 sensors: no string building per record on the good path).
    auto text = [&](size_t refAt, std::string& out) { return r.str(refAt, strOff, stringsBytes, out); };
    auto name = [](const char* table, uint32_t i, const char* member) {
        return std::string(table) + "[" + std::to_string(i) + "]" + member;
    };
    auto badString = [&](std::string field, size_t at) { return r.error(field, at, "string outside the string table"); };
    {
        const size_t refs[4] = {hTitle, hTitleKo, hSource, hSourceKo};
        std::string* outs[4] = {&d.title, &d.titleKo, &d.source, &d.sourceKo};
        const char* names[4] = {"header.title", "header.title_ko", "header.source", "header.source_ko"};
        for (int k = 0; k < 4; ++k)
            if (!text(refs[k], *outs[k])) return badString(names[k], refs[k]);
    }
    d.simulated = (r.at<uint32_t>(hFlags) & kSimulatedFlag) != 0;
    if (r.headerBytes == kOpenAtHeaderBytes && (r.at<uint32_t>(hFlags) & kOpenAtFlag) != 0) d.openAtMs = r.at<int64_t>(hOpenAt);
    d.utcOffsetMinutes = r.at<int32_t>(hUtcOffset);
    if (d.utcOffsetMinutes < -16 * 60 || d.utcOffsetMinutes > 16 * 60)
        return r.error("header.utcOffset", hUtcOffset, "expected a UTC offset within ±16 hours");
    if (zone) {
        if (!text(hZoneName, d.timeZoneName)) return badString("header.time_zone", hZoneName);
        d.offsetChanges.resize(changeCount);
        for (uint32_t i = 0; i < changeCount; ++i) {
            size_t at = chgOff + size_t(i) * kChangeBytes;
            d.offsetChanges[i] = {r.at<int64_t>(at), r.at<int32_t>(at + 8), r.at<int32_t>(at + 12)};
        }
    }

    d.sensors.resize(sensorCount);
    std::unordered_set<std::string> ids;
    for (uint32_t i = 0; i < sensorCount; ++i) {
        size_t at = senOff + size_t(i) * kSensorBytes;
        Sensor& s = d.sensors[i];
        std::string* strings[5] = {&s.id, &s.typeName, &s.nameEn, &s.nameKo, &s.unit};
        const char* members[5] = {".id", ".type", ".name_en", ".name_ko", ".unit"};
        for (int k = 0; k < 5; ++k)
            if (!text(at + 8 * size_t(k), *strings[k])) return badString(name("sensors", i, members[k]), at + 8 * size_t(k));
        s.type = sensorTypeFromName(s.typeName);
        s.position = {r.at<double>(at + 40), r.at<double>(at + 48)};
        s.capacity = r.at<double>(at + 56);
        s.scaleMin = r.at<double>(at + 64);
        s.scaleMax = r.at<double>(at + 72);
        if (!(std::fabs(s.position.lat) <= 90) || !(std::fabs(s.position.lon) <= 180))
            return r.error(name("sensors", i, ".position"), at + 40, "expected latitude −90…90 and longitude −180…180");
        if (!std::isfinite(s.capacity) || !std::isfinite(s.scaleMin) || !std::isfinite(s.scaleMax))
            return r.error(name("sensors", i, ""), at + 56, "expected finite capacity, min and max");
        if (s.id.empty()) return r.error(name("sensors", i, ".id"), at, "expected a sensor id");
        if (!ids.insert(s.id).second) return r.error(name("sensors", i, ".id"), at, "duplicate sensor id \"" + s.id + "\"");
    }

    // Readings: bulk copies (version 1) or one pass over the packed runs (version 2), which end where the times
    // section starts.
    if (packedValues) {  // (every packed reading takes a byte at least: a count the section cannot hold is refused unallocated)
        if (timOff < valOff) return r.error("header.values", hValuesOffset, "the values section must come before the times");
        if (valueCount > timOff - valOff)
            return r.error("header.valueCount", hValueCount, std::to_string(valueCount) + " readings cannot fit in a values section of " +
                                                                 std::to_string(timOff - valOff) + " bytes");
    }
    d.values.resize(size_t(valueCount));
    if (packedValues) {
        if (auto problem = r.unpackValues(valOff, timOff, d.values)) return *problem;
    } else if (valueCount) {
        std::memcpy(d.values.data(), r.p_ + valOff, size_t(valueCount) * 4);
    }
    d.timesMs.resize(size_t(timeCount));
    if (timeCount) std::memcpy(d.timesMs.data(), r.p_ + timOff, size_t(timeCount) * 8);
    for (size_t i = 0; i < d.values.size(); ++i)
        if (std::isinf(d.values[i]))
            return r.error("values[" + std::to_string(i) + "]", valOff + i * 4, "expected a finite number or NaN (a gap)");

    d.series.resize(seriesCount);
    for (uint32_t i = 0; i < seriesCount; ++i) {
        size_t at = serOff + size_t(i) * kSeriesBytes;
        Series& s = d.series[i];
        s.sensor = r.at<uint32_t>(at);
        s.count = r.at<uint32_t>(at + 4);
        if (!text(at + 8, s.metric)) return badString(name("series", i, ".metric"), at + 8);
        if (!text(at + 16, s.unit)) return badString(name("series", i, ".unit"), at + 16);
        s.offset = r.at<uint32_t>(at + 24);
        s.timeOffset = r.at<uint32_t>(at + 28);
        uint32_t levelsFirst = r.at<uint32_t>(at + 32), levels = r.at<uint32_t>(at + 36);
        s.interpolation = r.p_[at + 40] ? Interpolation::step : Interpolation::linear;
        s.regular = r.p_[at + 41] != 0;
        s.startMs = r.at<int64_t>(at + 48);
        s.stepMs = r.at<int64_t>(at + 56);
        if (s.sensor >= sensorCount) return r.error(name("series", i, ".sensor"), at, "sensor index " + std::to_string(s.sensor) + " out of range");
        if (s.count == 0) return r.error(name("series", i, ".count"), at + 4, "expected at least one value");
        if (uint64_t(s.offset) + s.count > valueCount) return r.error(name("series", i, ".count"), at + 24, "values outside the values section");
        if (s.regular) {
            if (s.stepMs <= 0 || s.stepMs > int64_t(86400) * 366 * 1000) return r.error(name("series", i, ".step"), at + 56, "expected a step greater than 0");
            if (std::llabs(s.startMs) > int64_t(1) << 50 || s.stepMs * int64_t(s.count) > int64_t(1) << 50)
                return r.error(name("series", i, ".start"), at + 48, "time out of range");
        } else {
            if (uint64_t(s.timeOffset) + s.count > timeCount) return r.error(name("series", i, ".count"), at + 28, "times outside the times section");
            for (uint32_t k = 0; k < s.count; ++k) {
                int64_t t = d.timesMs[s.timeOffset + k];
                if (std::llabs(t) > int64_t(1) << 50) return r.error(name("series", i, ".times"), timOff + (s.timeOffset + k) * 8, "time out of range");
                if (k && t <= d.timesMs[s.timeOffset + k - 1])
                    return r.error(name("series", i, ".times") + "[" + std::to_string(k) + "]", timOff + (s.timeOffset + k) * 8,
                                   "time goes backwards or repeats; times must increase");
            }
        }
        if (levels) {
            if (uint64_t(levelsFirst) + levels > levelCount) return r.error(name("series", i, ".levels"), at + 32, "levels outside the level table");
            for (uint32_t l = 0; l < levels; ++l) {
                std::string level;
                if (!r.str(lvlOff + (size_t(levelsFirst) + l) * kRefBytes, strOff, stringsBytes, level))
                    return r.error(name("series", i, ".levels"), at + 32, "string outside the string table");
                s.levels.push_back(std::move(level));
            }
            for (uint32_t k = 0; k < s.count; ++k) {
                float v = d.values[s.offset + k];
                if (!std::isnan(v) && (v < 0 || v >= float(levels) || v != std::floor(v)))
                    return r.error(name("series", i, ".values"), valOff + (s.offset + k) * size_t(4), "expected a level index 0…" + std::to_string(levels - 1));
            }
        }
    }

    d.events.resize(eventCount);
    for (uint32_t i = 0; i < eventCount; ++i) {
        size_t at = evOff + size_t(i) * kEventBytes;
        Event& e = d.events[i];
        e.timeMs = r.at<int64_t>(at);
        e.sensor = r.at<uint32_t>(at + 8);
        if (!text(at + 16, e.kind)) return badString(name("events", i, ".kind"), at + 16);
        if (!text(at + 24, e.note)) return badString(name("events", i, ".note"), at + 24);
        e.value = r.at<double>(at + 32);
        if (e.sensor >= sensorCount) return r.error(name("events", i, ".sensor"), at + 8, "sensor index out of range");
        if (std::llabs(e.timeMs) > int64_t(1) << 50 || !std::isfinite(e.value)) return r.error(name("events", i, ""), at, "time or value out of range");
    }
    int64_t start = r.at<int64_t>(hStartMs), end = r.at<int64_t>(hEndMs);
    if (end <= start || std::llabs(start) > int64_t(1) << 50 || std::llabs(end) > int64_t(1) << 50)
        return r.error("header.end", hEndMs, "the recording must end after it starts");
    if (d.series.empty() && d.events.empty()) return r.error("header.series", hSeriesCount, "the recording has no readings");
    finishDataset(d, start, end);
    if (d.openAtMs && (*d.openAtMs < d.startMs || *d.openAtMs > d.endMs))
        return r.error("header.open_at", hOpenAt, "the moment to open on must lie in the recording");
    int where = -1;
    if (std::string problem = offsetChangesProblem(d, where); !problem.empty())
        return where < 0 ? r.error("header.utcOffset", hUtcOffset, problem)
                         : r.error(name("changes", uint32_t(where), ""), chgOff + size_t(where) * kChangeBytes, problem);
    return d;
}

}  // namespace bk
