// importer.hpp — turns messy sensor logs (CSV in any common encoding, or GeoJSON points) into a Dataset, with a report.
//
// One code path for the command line (`bukchon-import`) and the page (drag and drop). Tables are pushed in chunks
// (a 1 GB log streams through; memory grows with the readings kept, not with the file). Each input is either a
// *readings* table (has a time column) or a *sites* table (positions, no time), decided by its columns.
// Workbooks (.xlsx, .ods) are read into one sheet's rows and go the same way as a CSV (workbook.hpp).
// Shapes: long (time, id, value…[, metric]), wide (time, one column per sensor), readings that carry their own
// position (time, id, lat, lon, value…), and sites in a separate file joined by id. docs/import.md has the rules.
#pragma once

#include "dataset.hpp"
#include "load_error.hpp"
#include "text_decode.hpp"
#include "time_parse.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bk {

struct ImportOptions {
    // Column choices (names as in the header, or 1-based numbers); empty = detect.
    std::string timeColumn, idColumn, latColumn, lonColumn, metricColumn, nameColumn, typeColumn, unitColumn;
    std::string hourColumn;                    // the time of day, when the time column holds dates alone
    std::vector<std::string> valueColumns;
    std::string shape;                         // "long", "wide" or empty (detect)
    std::optional<TimeFormat> timeFormat;
    std::string timeZone;                      // "+09:00", "UTC", … (see TimeZone::parseFixed); empty = detect/UTC
    std::optional<TimeZone> zone;              // a resolved zone (an IANA zone read by the caller) wins over timeZone
    // With neither: the zone where the sensors stand, for wall-clock times (the page asks the browser's lookup by
    // position; nullopt when it knows none). Unset: such times are read as UTC, and a note says so.
    std::function<std::optional<TimeZone>(double lat, double lon)> zoneAt;
    bool zoneByPosition = false;               // the zone given was found where the sensors stand (report: "position")
    std::optional<TextEncoding> encoding;
    char delimiter = 0;                        // 0 = detect
    std::string sensorType;                    // every sensor's type ("bin", "noise", …); empty = from data / metric
    std::string metric;                        // metric name for a wide table's values (default "value")
    // Explicit ordered levels for categorical columns: column or metric name → levels, lowest first.
    std::map<std::string, std::vector<std::string>> levels;
    // What a metric measures, overriding recognition: metric name → "pm25", "pm10", "noise", "fill", "occupancy",
    // "footfall", "temperature", "humidity" or "none" (see quantity.hpp).
    std::map<std::string, std::string> quantities;
    std::string sheet;                         // a workbook's sheet by name (.xlsx, .ods); empty = the first with data
    std::string title, source;
    bool simulated = false;
    size_t maxReasons = 20;                    // rejected rows listed in the report (all are counted)
};

struct RejectedRow {
    int64_t line = 0;
    std::string column;   // the column at fault ("" for the whole row)
    std::string value;    // the offending text, shortened
    std::string why;
    std::string describe(const std::string& file) const;  // `readings.csv line 7, column "fill": "abc" — not a number`
};

struct ImportReport {
    struct Input {
        std::string file, role;        // role: "readings" or "sites"
        std::string encoding, shape;
        char delimiter = ',';
        bool header = true;
        std::vector<std::pair<std::string, std::string>> columns;  // role → column name ("time" → "측정시간")
        std::string timeFormat, timeZone;
        int64_t rowsRead = 0, rowsAccepted = 0, rowsRejected = 0;
        int64_t rowsSkipped = 0;       // exact duplicates of a row kept (the same sensor, time and values)
        size_t invalidText = 0;        // bytes that were not valid in the encoding (shown as U+FFFD)
    };
    std::vector<Input> inputs;
    std::vector<RejectedRow> rejected;     // the first maxReasons, in file order
    std::vector<std::string> rejectedFile; // the file of each entry in `rejected`
    std::vector<std::string> notes;        // things a user should know that did not reject rows
    std::vector<std::pair<std::string, std::vector<std::string>>> categorical;  // metric → levels
    std::vector<std::pair<std::string, std::string>> quantities;  // metric → "pm25 (air, by name)": what was recognised
    std::string quality;                   // "2 gaps, 0 stuck stretches, 1 impossible reading" (quality.hpp)
    std::array<size_t, 3> qualityCounts{}; // gaps, stuck stretches, impossible readings
    size_t qualityIssues = 0;
    std::vector<std::string> qualityLines; // the first maxReasons issues, described
    int64_t readings = 0;
    int64_t rejectedTotal = 0;             // rows (or readings) not imported, all counted
    int64_t skippedDuplicates = 0;         // rows skipped as exact duplicates of a row kept (every file's rowsSkipped)
    // Readings placed at another instant than the zone's first reading of their wall time, and why: the second pass of
    // the hour repeated when clocks go back; read at standard time after a time in the skipped hour.
    int64_t movedRepeatedHour = 0, movedStandardTime = 0;
    int64_t repeatedTimes = 0;             // of those: readings dropped when joined, at a time their series already
                                           // has (one note says which series)
    size_t sensors = 0, series = 0;
    int64_t firstMs = 0, lastMs = 0;
    std::string timeZone;                  // the zone's name ("America/New_York"), "" for a fixed offset
    // Where the zone of wall-clock times came from: "option" (given), "values" (their UTC offset), "encoding" (a
    // Korean CP949 file), "position" (where the sensors stand: zoneAt, at zonePosition), "none" (read as UTC), or ""
    // (every time carried its offset, or no readings).
    std::string zoneFrom;
    std::array<double, 2> zonePosition{};  // lat, lon the zone was looked up at (zoneFrom "position")
    std::string zoneSuggested;             // zoneFrom "none": the zone where the sensors stand, when zoneAt knows it
    int utcOffsetMinutes = 0;              // at firstMs
    int endUtcOffsetMinutes = 0;           // at lastMs
    int changesInSpan = 0;                 // how often the clocks change between them (daylight saving)
    std::vector<int> offsetsInSpan;        // the offsets in force between them, each once, in order of appearance
    std::string fatal;                     // why nothing usable remains (empty when the import worked)

    std::string zoneSummary() const;       // "America/New_York: UTC-05:00 / -04:00 (daylight saving, 1 change)"
    std::string text() const;              // the report as plain text (the CLI prints it; tests compare lines)
    std::string json() const;              // the same for the page
};

struct ImportResult {
    std::optional<Dataset> dataset;        // absent when report.fatal is set
    ImportReport report;
};

class Importer {
public:
    explicit Importer(ImportOptions options);
    ~Importer();
    Importer(const Importer&) = delete;
    Importer& operator=(const Importer&) = delete;

    // Streams one input file. Inputs may come in any order; roles are decided from their columns.
    void begin(const std::string& fileName);
    void feed(std::string_view bytes);
    void end();
    // A whole file at once (GeoJSON inputs must come this way; a workbook streamed in is kept until end()).
    void add(const std::string& fileName, std::string_view bytes);

    ImportResult finish();

private:
    struct State;
    std::unique_ptr<State> s_;
};


}  // namespace bk
