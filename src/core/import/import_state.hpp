// import_state.hpp — internal to the importer: the state its files share (the file being read, its columns, and the
// readings, metrics and sites gathered so far), with the steps that work on it.
//
// The passes live in: importer.cpp (read: public API, file start and decoding, rows), import_detect.cpp (detect:
// header, roles, shape, time format, value kinds), import_join.cpp (join, derive, report).
#pragma once

#include "csv_reader.hpp"
#include "import_columns.hpp"
#include "importer.hpp"
#include "quantity.hpp"
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


// What the join's first step decides for the rest of it (import_join.cpp).
struct JoinPlan {
    std::unordered_set<std::string> attributeMetrics;  // categorical columns with one value per sensor: card attributes
    std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>> attributesOf;  // sensor id → …
    std::unordered_map<std::string, std::vector<float>> remap;  // metric → first-appearance level index → ordered
    std::unordered_map<std::string, QuantityMatch> quantityOf;  // metric → what it measures
    std::unordered_map<std::string, Quantity> sensorQuantity;   // sensor id → the quantity that gives its glyph
    std::unordered_set<std::string> canonicalTaken;  // sensor + '\x1f' + canonical metric: one series each
    std::unordered_map<std::string, uint32_t> sensorIndex;     // sensor id → index in the dataset
    std::unordered_map<std::string, std::pair<double, double>> ranges;  // metric → data range
    std::vector<std::pair<std::string, int64_t>> repeated;  // "sensor (metric)" → readings dropped at a repeated time
};

// What the importer knows about the file being read. Reset in one place (Importer::State::startFile) by assigning a
// fresh one; nothing of it outlives its file except what endFileChecks writes into the report.
struct FileFields {
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
    bool idFromPosition = false;
    bool koreanEncoding = false;      // the file is CP949: its wall-clock times are Korea's when nothing better says      // no id column: each position is a sensor, named "lat,lon" as written
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
    // Wall-clock times in the hour the zone skips: the file is read in standard time from the first (fromWallClock).
    int64_t skippedWallTimes = 0, skippedFirst = 0;
    int64_t repeatedHourReadings = 0, repeatedHourFirst = 0;  // read at the second instant of a wall time (addReading)
    bool standardTime = false;
    int standardOffset = 0;           // minutes, the offset before the change whose skipped hour the file has
    std::string lastKey, keyBuffer, timeText;
    size_t lastAcc = 0;

};

}  // namespace importer_detail

struct Importer::State : importer_detail::FileFields {
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

    // The passes, in order. A file goes through detect (its sample: header, roles, shape, formats) and read (its
    // rows into readings and sites); when every file is in, finish runs join (levels, quantities, sensors, series),
    // derive (what the joined data says: swapped positions, scales, the clock's zone) and report.

    // ---- read (importer.cpp): files and rows
    // Counts a rejected row (or reading) and lists the first opt.maxReasons, naming `inFile`.
    void reject(const std::string& inFile, int64_t line, const std::string& column, std::string_view value, std::string why);
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
    int64_t fromWallClock(int64_t wall, std::optional<int64_t>& later);
    bool addReading(const std::string& sensor, const std::string& metric, int64_t t, std::optional<int64_t> later,
                    float value, int64_t line, const std::string& column, std::string_view timeText);
    void siteRow(const std::vector<std::string_view>& f, int64_t line);
    void noteReadingSite(const std::string& id, double lat, double lon, int64_t line, std::string_view name,
                         std::string_view type);
    void addGeoJson(const std::string& name, std::string_view bytes);
    void endFileChecks();

    // ---- read a workbook (import_workbook.cpp): its sheet as CSV text through the same path
    void readWorkbookFile(std::string_view bytes);

    // ---- detect (import_detect.cpp): one file's sample
    void analyse();                           // the detect steps below, then the sample's rows through read
    bool detectHeader();                      // in->header, and each column's name
    bool assignRoles();                       // by name, by option, date + hour, by values; false: the file failed
    bool rolesFromValues();                   // id and position columns the names did not settle (notes say why)
    bool detectReadings();                    // time format and zone, value columns and kinds, shape
    void listColumns();                       // the report's column list
    void zoneFromPosition();                  // wall-clock times, no zone given: opt.zoneAt at the sensors' middle
    int findColumn(const std::string& spec);  // index; -1 when spec is empty, -2 when named but not there
    bool findDateAndHour();                   // a date-only column and a time-of-day column: marks both
    std::vector<std::string_view> columnSample(size_t c) const;  // up to kSampleRows non-missing values

    // ---- join, derive, report (import_join.cpp)
    ImportResult finish();                    // the steps below, in order
    importer_detail::JoinPlan planJoin();
    Dataset joinSeries(importer_detail::JoinPlan& p);
    int sensorFor(Dataset& d, importer_detail::JoinPlan& p, const std::string& id, const importer_detail::SeriesAcc& acc);
    void storeSeries(Dataset& d, importer_detail::JoinPlan& p, importer_detail::SeriesAcc& acc, uint32_t sensor);
    void derive(Dataset& d, importer_detail::JoinPlan& p);
    void reportOn(Dataset& d, importer_detail::JoinPlan& p);
};

}  // namespace bk
