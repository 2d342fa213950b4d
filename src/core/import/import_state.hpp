// import_state.hpp — internal to the importer: the state its files share (the file being read, its columns, and the
// readings, metrics and sites gathered so far), with the steps that work on it.
//
// The steps live in: importer.cpp (public API, file start and decoding, rows), import_detect.cpp (header, roles,
// shape, time format, value kinds), import_join.cpp (finish: levels, join with sites, series, scales).
#pragma once

#include "csv_reader.hpp"
#include "import_columns.hpp"
#include "importer.hpp"
#include "text_decode.hpp"
#include "time_parse.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace bk {
namespace importer_detail {

struct Column {
    std::string header;
    Role role = Role::none;
    std::string metric, unit;    // value columns
    bool categorical = false;
    bool ignored = false;
};

struct MetricInfo {
    std::string unit;
    bool categorical = false;
    std::vector<std::string> seen;                 // levels in order of first appearance
    std::unordered_map<std::string, int> index;    // level → position in `seen`
    std::vector<std::string> fixed;                // explicit levels (--levels): indices are final
};

struct SeriesAcc {
    std::string sensor, metric, file;
    std::vector<int64_t> times;   // all times: only once they stopped running at a fixed step (see push)
    std::vector<float> values;
    bool sorted = true;
    int64_t firstLine = 0;
    // While times run at a fixed step from the first, only first/step/count are kept: 4 bytes a reading instead
    // of 12, which is what keeps a big regular log small in memory.
    int64_t firstTime = 0, step = 0, lastTime = 0;
    size_t count = 0;
    bool evenlySpaced = true;

    void push(int64_t t, float v) {
        if (evenlySpaced) {
            if (count == 1) step = t - firstTime;
            if (count == 0) firstTime = t;
            else if (step <= 0 || t != firstTime + step * int64_t(count)) { materialize(); evenlySpaced = false; }
        }
        if (!evenlySpaced) times.push_back(t);
        values.push_back(v);
        lastTime = t;
        ++count;
    }
    // Writes out the implicit times (the join calls this for one series at a time).
    void materialize() {
        if (!evenlySpaced || !times.empty()) return;
        times.reserve(values.capacity());
        for (size_t i = 0; i < count; ++i) times.push_back(firstTime + step * int64_t(i));
    }
};

struct SiteInfo {
    double lat = NAN, lon = NAN;
    std::string name, type, unit, file;
    int64_t line = 0;
    bool moved = false;
};

constexpr size_t kHeadBytes = 64 * 1024;   // bytes read before the encoding and delimiter are chosen
constexpr size_t kSampleRows = 500;        // rows per column looked at to detect formats and kinds

}  // namespace importer_detail

struct Importer::State {
    ImportOptions opt;
    ImportReport report;
    std::unordered_map<std::string, importer_detail::MetricInfo> metrics;
    std::vector<std::string> metricOrder;
    std::unordered_map<std::string, size_t> seriesIndex;   // sensor + '\x1f' + metric → acc
    std::vector<importer_detail::SeriesAcc> series;
    std::unordered_map<std::string, importer_detail::SiteInfo> readingSites;  // positions/names from readings rows
    std::vector<std::string> readingSiteOrder;
    std::unordered_map<std::string, importer_detail::SiteInfo> sites;         // from sites files
    std::vector<std::string> siteOrder;
    std::vector<std::string> siteFiles;
    bool haveTimeZone = false;
    TimeZone zone = TimeZone::fixed(0, "UTC");
    int64_t rejectedTotal = 0;

    // Current file
    std::string file;
    std::string raw;                  // undecoded head
    bool workbook = false;            // the file is a workbook: its bytes are kept until end() reads it
    std::string workbookBytes;
    std::unique_ptr<TextDecoder> decoder;
    std::string decoded;
    std::unique_ptr<CsvReader> csv;
    std::vector<std::vector<std::string>> sample;
    std::vector<int64_t> sampleLines;
    bool analysed = false, fileFailed = false;
    ImportReport::Input* in = nullptr;
    std::vector<importer_detail::Column> cols;
    int hourCol = -1;                 // the time of day beside a date-only time column (-1: none)
    int timeCol = -1, idCol = -1, latCol = -1, lonCol = -1, nameCol = -1, metricCol = -1, typeCol = -1, unitCol = -1;
    std::vector<int> valueCols;
    bool wide = false, sitesFile = false;
    TimeFormat timeFormat = TimeFormat::isoOffset;
    int64_t outOfOrderNoted = 0;                // series of this file whose time went backwards
    std::vector<std::string> outOfOrderFirst;   // the first three of them, for the file's one note
    // Rows repeated exactly (the same sensor, time and values as the row kept): skipped and counted, not listed.
    int64_t exactDuplicateRows = 0;
    bool lastReadingRepeated = false;   // addReading's last refusal was a repeat of the kept reading, not a conflict
    // Sensors that had 0,0 as their position in this file (read as unknown), in order of first sight.
    std::vector<std::string> zeroPositionSensors;
    std::unordered_set<std::string> zeroPositionSeen;
    // Sensors whose positions came with latitude and longitude the wrong way round in this file (read swapped).
    std::vector<std::string> swappedSensors;
    std::unordered_set<std::string> swappedSeen;
    std::string lastKey, keyBuffer, timeText;
    size_t lastAcc = 0;

    // ---- importer.cpp: files and rows
    void reject(int64_t line, const std::string& column, std::string_view value, std::string why);
    void startFile(const std::string& name);
    void noteZeroPosition(const std::string& id);
    void swapIfReversed(const std::string& id, std::optional<double>& la, std::optional<double>& lo);
    void failFile(const std::string& why);
    void startDecoding();
    bool onRecord(const std::vector<std::string_view>& fields, int64_t line);
    void row(const std::vector<std::string_view>& f, int64_t line);
    void rowBody(const std::vector<std::string_view>& f, int64_t line);
    // Column c of row f, trimmed; empty when there is no such column or the row is too short.
    std::string_view field(const std::vector<std::string_view>& f, int c) const;
    // False (and the row rejected) when column c is in use but row f is too short to have it.
    bool needed(const std::vector<std::string_view>& f, int64_t line, int c, const char* what);
    bool valueOf(const std::string& metric, const std::string& unit, const importer_detail::Column& col,
                 std::string_view v, int64_t line, float& out);
    bool addReading(const std::string& sensor, const std::string& metric, int64_t t, float value, int64_t line,
                    const std::string& column, std::string_view timeText);
    void siteRow(const std::vector<std::string_view>& f, int64_t line);
    void noteReadingSite(const std::string& id, double lat, double lon, int64_t line, std::string_view name,
                         std::string_view type);
    void addGeoJson(const std::string& name, std::string_view bytes);
    void endFileChecks();

    // ---- import_workbook.cpp
    void readWorkbookFile(std::string_view bytes);

    // ---- import_detect.cpp
    int findColumn(const std::string& spec);  // index; -1 when spec is empty, -2 when named but not there
    bool findDateAndHour();                   // a date-only column and a time-of-day column: marks both
    std::vector<std::string_view> columnSample(size_t c) const;  // up to kSampleRows non-missing values
    void analyse();

    // ---- import_join.cpp
    ImportResult finish();
};

}  // namespace bk
