// importer.cpp — the importer: per-file detection (encoding, delimiter, header, columns, time format), row intake,
// and the join into a Dataset with its report.
//
// Sections: [1] text helpers  [2] column roles  [3] per-file state and detection  [4] rows  [5] finish  [6] report
#include "importer.hpp"

#include "csv_reader.hpp"
#include "geojson_common.hpp"
#include "json_reader.hpp"
#include "sensors.hpp"
#include "time_util.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace bk {
namespace {

// ---- [1] text helpers -----------------------------------------------------------------------------------------

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

// Column names compared without case, spaces, underscores, hyphens, dots or a trailing "(unit)" / "[unit]".
std::string normalizeName(std::string_view name) {
    name = trim(name);
    size_t paren = name.find_first_of("([");
    if (paren != std::string_view::npos && paren > 0) name = trim(name.substr(0, paren));
    std::string out;
    for (char c : name) {
        if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '/') continue;
        out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    return out;
}

// "fill (%)" → metric "fill", unit "%"; "PM2.5 [µg/m³]" → "PM2.5", "µg/m³".
void splitUnit(std::string_view header, std::string& name, std::string& unit) {
    header = trim(header);
    size_t open = header.find_first_of("([");
    if (open != std::string_view::npos && open > 0 && (header.back() == ')' || header.back() == ']')) {
        name = std::string(trim(header.substr(0, open)));
        unit = std::string(trim(header.substr(open + 1, header.size() - open - 2)));
    } else {
        name = std::string(header);
        unit.clear();
    }
}

std::string shorten(std::string_view s, size_t max = 40) {
    if (s.size() <= max) return std::string(s);
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
    return std::string(s.substr(0, cut)) + "…";
}

bool isMissing(std::string_view v) {
    if (v.empty()) return true;
    std::string l = lower(v);
    return l == "na" || l == "n/a" || l == "nan" || l == "null" || l == "none" || l == "-" || l == "--" || l == "?";
}

// A number, optionally followed by a unit ("52 dB", "45%", "12.5µg/m³"); decimal point only, no thousands separators.
std::optional<double> parseNumber(std::string_view v, std::string* unitOut = nullptr) {
    v = trim(v);
    if (v.empty() || v.size() > 60) return std::nullopt;
    char buf[64];
    std::memcpy(buf, v.data(), v.size());
    buf[v.size()] = 0;
    const char* first = buf;
    if (!((*first >= '0' && *first <= '9') || *first == '-' || *first == '+' || *first == '.')) return std::nullopt;
    for (const char* q = buf; *q; ++q)
        if (*q == 'x' || *q == 'X' || *q == 'p' || *q == 'P' || *q == 'n' || *q == 'N' || *q == 'i' || *q == 'I')
            if (q == buf || (q[-1] >= '0' && q[-1] <= '9') || q[-1] == '.' || q[-1] == '-' || q[-1] == '+') {
                if (*q == 'x' || *q == 'X' || *q == 'p' || *q == 'P') return std::nullopt;  // no hex floats
            }
    char* end = nullptr;
    double d = std::strtod(buf, &end);
    if (end == buf || !std::isfinite(d)) return std::nullopt;
    std::string_view rest = trim(std::string_view(end));
    if (!rest.empty()) {
        // Only a unit may follow: letters, %, °, µ/³/² (UTF-8), '/'.
        for (unsigned char c : rest)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%' || c == '/' || c >= 0x80)) return std::nullopt;
        if (unitOut) *unitOut = std::string(rest);
    }
    if (std::fabs(d) > 3.0e38) return std::nullopt;
    return d;
}

bool nameIn(const std::string& n, std::initializer_list<const char*> names) {
    for (const char* x : names) if (n == x) return true;
    return false;
}

// ---- [2] column roles -------------------------------------------------------------------------------------------

enum class Role { none, time, id, lat, lon, name, metric, value, type, unit };

Role roleFromName(std::string_view header) {
    std::string n = normalizeName(header);
    if (nameIn(n, {"lat", "latitude", "위도", "gpslat", "y좌표"})) return Role::lat;
    if (nameIn(n, {"lon", "lng", "long", "longitude", "경도", "gpslon", "gpslng", "x좌표"})) return Role::lon;
    if (nameIn(n, {"id", "sensorid", "sensor", "deviceid", "device", "serial", "serialno", "serialnumber", "sn", "시리얼",
                   "시리얼번호", "센서id", "센서번호", "기기id", "기기번호", "장비번호", "장비id", "장치id", "stationid",
                   "station", "nodeid", "node", "siteid", "site", "binid", "uid"}))
        return Role::id;
    if (nameIn(n, {"name", "sitename", "location", "place", "이름", "명칭", "장소", "위치", "설치장소", "설치위치", "측정소",
                   "측정소명", "stationname", "devicename", "sensorname"}))
        return Role::name;
    if (nameIn(n, {"metric", "variable", "parameter", "measure", "measurement", "quantity", "항목", "측정항목"}))
        return Role::metric;
    if (nameIn(n, {"value", "reading", "val", "값", "측정값"})) return Role::value;
    if (nameIn(n, {"type", "sensortype", "kind", "category", "종류", "유형", "센서종류"})) return Role::type;
    if (nameIn(n, {"unit", "units", "단위"})) return Role::unit;
    if (looksLikeTimeColumnName(header)) return Role::time;
    return Role::none;
}

// A metric name the viewer has a glyph for: fill level → bin, PM2.5 → air, … (only when nothing names the type).
struct KnownMetric { const char* metric; SensorType type; };
std::optional<KnownMetric> knownMetric(std::string_view metric) {
    std::string n = normalizeName(metric);
    if (nameIn(n, {"fill", "filllevel", "fillpct", "fillpercent", "적재량", "적재율", "fullness"})) return KnownMetric{"fill", SensorType::bin};
    if (nameIn(n, {"occupied", "occupancy", "주차대수", "점유"})) return KnownMetric{"occupied", SensorType::parking};
    if (nameIn(n, {"noise", "db", "dba", "laeq", "소음", "소음도"})) return KnownMetric{"noise", SensorType::noise};
    if (nameIn(n, {"footfall", "pedestrians", "people", "유동인구", "보행량", "보행자수"})) return KnownMetric{"footfall", SensorType::footfall};
    if (nameIn(n, {"pm25", "pm2,5", "초미세먼지"})) return KnownMetric{"pm25", SensorType::air};
    return std::nullopt;
}

// Ordered vocabularies for categorical values (compared in lower case): the first list holding every level wins.
const std::vector<std::vector<const char*>>& knownOrders() {
    static const std::vector<std::vector<const char*>> orders = {
        {"green", "yellow", "orange", "red"},
        {"good", "moderate", "unhealthy", "very unhealthy", "hazardous"},
        {"good", "moderate", "bad", "very bad"},
        {"좋음", "보통", "나쁨", "매우나쁨"},
        {"좋음", "보통", "나쁨", "매우 나쁨"},
        {"low", "medium", "high", "critical"},
        {"normal", "warning", "alarm"},
        {"normal", "warning", "critical"},
        {"ok", "warning", "alarm"},
        {"정상", "주의", "경고", "위험"},
        {"empty", "half", "full"},
        {"free", "occupied"},
        {"vacant", "occupied"},
        {"off", "on"},
        {"false", "true"},
        {"no", "yes"},
        {"closed", "open"},
        {"빈자리", "주차"},
    };
    return orders;
}

std::vector<std::string> orderLevels(const std::vector<std::string>& seen) {
    for (const auto& order : knownOrders()) {
        bool all = true;
        for (const std::string& s : seen) {
            std::string l = lower(s);
            if (std::none_of(order.begin(), order.end(), [&](const char* o) { return l == o; })) { all = false; break; }
        }
        if (!all) continue;
        std::vector<std::string> out;
        for (const char* o : order)
            for (const std::string& s : seen) if (lower(s) == o) out.push_back(s);
        return out;
    }
    std::vector<std::string> out = seen;
    std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return lower(a) < lower(b); });
    return out;
}

// ---- [3] per-file state and detection --------------------------------------------------------------------------

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
    std::vector<int64_t> times;
    std::vector<float> values;
    bool sorted = true;
    int64_t firstLine = 0;
};

struct SiteInfo {
    double lat = NAN, lon = NAN;
    std::string name, type, unit, file;
    int64_t line = 0;
    bool moved = false;
};

constexpr size_t kHeadBytes = 64 * 1024;
constexpr size_t kSampleRows = 500;

}  // namespace

struct Importer::State {
    ImportOptions opt;
    ImportReport report;
    std::unordered_map<std::string, MetricInfo> metrics;
    std::vector<std::string> metricOrder;
    std::unordered_map<std::string, size_t> seriesIndex;   // sensor + '\x1f' + metric → acc
    std::vector<SeriesAcc> series;
    std::unordered_map<std::string, SiteInfo> readingSites; // positions/names from readings rows
    std::vector<std::string> readingSiteOrder;
    std::unordered_map<std::string, SiteInfo> sites;        // from sites files
    std::vector<std::string> siteOrder;
    std::vector<std::string> siteFiles;
    bool haveTimeZone = false;
    TimeZone zone = TimeZone::fixed(0, "UTC");
    int64_t rejectedTotal = 0;

    // Current file
    std::string file;
    std::string raw;                  // undecoded head
    std::unique_ptr<TextDecoder> decoder;
    std::string decoded;
    std::unique_ptr<CsvReader> csv;
    std::vector<std::vector<std::string>> sample;
    std::vector<int64_t> sampleLines;
    bool analysed = false, fileFailed = false;
    ImportReport::Input* in = nullptr;
    std::vector<Column> cols;
    int timeCol = -1, idCol = -1, latCol = -1, lonCol = -1, nameCol = -1, metricCol = -1, typeCol = -1, unitCol = -1;
    std::vector<int> valueCols;
    bool wide = false, sitesFile = false;
    TimeFormat timeFormat = TimeFormat::isoOffset;
    int64_t outOfOrderNoted = 0;
    std::string lastKey;
    size_t lastAcc = 0;

    void reject(int64_t line, const std::string& column, std::string_view value, std::string why) {
        ++rejectedTotal;
        if (report.rejected.size() < opt.maxReasons) {
            report.rejected.push_back({line, column, shorten(value), std::move(why)});
            report.rejectedFile.push_back(file);
        }
    }

    void startFile(const std::string& name) {
        file = name;
        raw.clear();
        decoded.clear();
        decoder.reset();
        csv.reset();
        sample.clear();
        sampleLines.clear();
        analysed = fileFailed = false;
        cols.clear();
        valueCols.clear();
        timeCol = idCol = latCol = lonCol = nameCol = metricCol = typeCol = unitCol = -1;
        wide = sitesFile = false;
        outOfOrderNoted = 0;
        lastKey.clear();
        report.inputs.emplace_back();
        in = &report.inputs.back();
        in->file = name;
    }

    void failFile(const std::string& why) {
        fileFailed = true;
        report.notes.push_back(file + ": " + why);
        in->role = "unusable";
    }

    // The head is in: choose the encoding and delimiter, and start the CSV reader (which fills the sample first).
    void startDecoding() {
        TextEncoding enc = opt.encoding ? *opt.encoding : detectEncoding(raw);
        decoder = std::make_unique<TextDecoder>(enc);
        in->encoding = encodingName(enc);
        std::string text;
        decoder->feed(raw, text);
        raw.clear();
        raw.shrink_to_fit();
        if (trim(text).empty() && text.size() < kHeadBytes) {
            // Checked again at the end: a file of only blank lines is empty too.
        }
        // Binary garbage: too many replacement characters or control bytes for text in any supported encoding.
        size_t bad = decoder->invalidCount(), total = 0;
        for (unsigned char c : text) {
            if ((c & 0xC0) != 0x80) ++total;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ++bad;
        }
        if (total > 0 && bad * 20 > total) {
            failFile("does not look like a text table (" + std::to_string(bad * 100 / total) +
                     "% of the first characters are not text in " + in->encoding + ")");
            return;
        }
        char d = opt.delimiter ? opt.delimiter : detectDelimiter(text);
        in->delimiter = d;
        if (enc == TextEncoding::cp949 && !haveTimeZone && opt.timeZone.empty() && !opt.zone) {
            haveTimeZone = true;
            zone = TimeZone::fixed(540, "+09:00");
            report.notes.push_back(file + ": the file is in CP949 (Korean), so local times are read in Korea's time "
                                          "zone (+09:00); --timezone overrides this");
        }
        csv = std::make_unique<CsvReader>(d, [this](const std::vector<std::string_view>& f, int64_t line) {
            return onRecord(f, line);
        });
        csv->feed(text);
    }

    bool onRecord(const std::vector<std::string_view>& fields, int64_t line) {
        if (fileFailed) return false;
        if (!analysed) {
            if (fields.size() == 1 && trim(fields[0]).empty()) return true;
            sample.emplace_back(fields.begin(), fields.end());
            sampleLines.push_back(line);
            return true;
        }
        row(fields, line);
        return true;
    }

    int findColumn(const std::string& spec) {
        if (spec.empty()) return -1;
        for (size_t i = 0; i < cols.size(); ++i) if (cols[i].header == spec) return int(i);
        for (size_t i = 0; i < cols.size(); ++i) if (normalizeName(cols[i].header) == normalizeName(spec)) return int(i);
        char* end = nullptr;
        long n = std::strtol(spec.c_str(), &end, 10);
        if (end && *end == 0 && n >= 1 && size_t(n) <= cols.size()) return int(n - 1);
        return -2;  // named but not there
    }

    // Reads the sample: header, roles, shape, time format, value kinds. Then replays the sample as rows.
    void analyse() {
        analysed = true;
        if (fileFailed) return;
        if (sample.empty()) { failFile("the file is empty (no rows)"); return; }
        size_t width = 0;
        for (auto& r : sample) width = std::max(width, r.size());

        // Header: a first row whose fields name known roles, or text above columns that are numbers or times.
        const auto& first = sample[0];
        bool header = false;
        for (const auto& f : first) if (roleFromName(f) != Role::none) header = true;
        if (!header && sample.size() > 1) {
            for (size_t c = 0; c < first.size() && !header; ++c) {
                std::string_view f = trim(first[c]);
                if (f.empty() || parseNumber(f)) continue;
                std::vector<std::string_view> below;
                for (size_t r = 1; r < sample.size() && below.size() < 50; ++r)
                    if (c < sample[r].size() && !trim(sample[r][c]).empty()) below.push_back(trim(sample[r][c]));
                size_t nums = 0;
                for (auto b : below) if (parseNumber(b)) ++nums;
                bool timesBelow = !below.empty() && detectTimeFormat(below).has_value() &&
                                  !detectTimeFormat(std::vector<std::string_view>{f}).has_value();
                if ((!below.empty() && nums == below.size()) || timesBelow) header = true;
            }
        }
        in->header = header;
        cols.resize(width);
        for (size_t c = 0; c < width; ++c) {
            cols[c].header = header && c < first.size() ? std::string(trim(first[c])) : "column " + std::to_string(c + 1);
            if (cols[c].header.empty()) cols[c].header = "column " + std::to_string(c + 1);
            cols[c].role = header ? roleFromName(cols[c].header) : Role::none;
        }
        size_t firstData = header ? 1 : 0;
        auto columnSample = [&](size_t c) {
            std::vector<std::string_view> out;
            for (size_t r = firstData; r < sample.size() && out.size() < kSampleRows; ++r)
                if (c < sample[r].size() && !isMissing(trim(sample[r][c]))) out.push_back(trim(sample[r][c]));
            return out;
        };

        // A sites table (positions by name, no time column by name or by values) takes no column overrides: those
        // describe the readings.
        bool latByName = false, lonByName = false, timeByName = false;
        for (const Column& col : cols) {
            latByName |= col.role == Role::lat;
            lonByName |= col.role == Role::lon;
            timeByName |= col.role == Role::time;
        }
        bool timeByValues = false;
        if (!timeByName)
            for (size_t c = 0; c < cols.size() && !timeByValues; ++c) {
                if (cols[c].role != Role::none) continue;
                auto f = detectTimeFormat(columnSample(c));
                timeByValues = f && *f != TimeFormat::epochSeconds && *f != TimeFormat::epochMillis;
            }
        bool sitesLike = header && latByName && lonByName && !timeByName && !timeByValues;
        // Overrides first; a named column that is not there is an error for this file.
        struct Pick { const std::string* spec; Role role; const char* flag; };
        const Pick picks[] = {{&opt.timeColumn, Role::time, "--time-col"}, {&opt.idColumn, Role::id, "--id-col"},
                              {&opt.latColumn, Role::lat, "--lat-col"},    {&opt.lonColumn, Role::lon, "--lon-col"},
                              {&opt.nameColumn, Role::name, "--name-col"}, {&opt.metricColumn, Role::metric, "--metric-col"},
                              {&opt.typeColumn, Role::type, "--type-col"}, {&opt.unitColumn, Role::unit, "--unit-col"}};
        for (const Pick& p : picks) {
            if (sitesLike) break;
            int c = findColumn(*p.spec);
            if (c == -1) continue;
            if (c == -2) {
                std::string list;
                for (const Column& col : cols) list += (list.empty() ? "" : ", ") + ("\"" + col.header + "\"");
                failFile(std::string(p.flag) + " \"" + *p.spec + "\": no such column (the columns are " + list + ")");
                return;
            }
            for (auto& col : cols) if (col.role == p.role) col.role = Role::none;
            cols[size_t(c)].role = p.role;
        }
        // One column per role: the first keeps it.
        auto firstOf = [&](Role r) {
            int found = -1;
            for (size_t c = 0; c < cols.size(); ++c)
                if (cols[c].role == r) { if (found < 0) found = int(c); else cols[c].role = Role::none; }
            return found;
        };
        timeCol = firstOf(Role::time);
        // No time column by name: the first column whose values read as times (not epoch numbers: those need a name).
        if (timeCol < 0 && opt.timeColumn.empty()) {
            for (size_t c = 0; c < cols.size() && timeCol < 0; ++c) {
                if (cols[c].role != Role::none) continue;
                auto s = columnSample(c);
                auto f = detectTimeFormat(s);
                if (f && *f != TimeFormat::epochSeconds && *f != TimeFormat::epochMillis) { cols[c].role = Role::time; timeCol = int(c); }
            }
        }
        idCol = firstOf(Role::id);
        latCol = firstOf(Role::lat);
        lonCol = firstOf(Role::lon);
        nameCol = firstOf(Role::name);
        metricCol = firstOf(Role::metric);
        typeCol = firstOf(Role::type);
        unitCol = firstOf(Role::unit);
        if (idCol < 0 && nameCol >= 0) { idCol = nameCol; cols[size_t(idCol)].role = Role::id; nameCol = -1; }
        if ((latCol < 0) != (lonCol < 0)) {
            failFile(std::string("has a ") + (latCol < 0 ? "longitude" : "latitude") + " column but no " +
                     (latCol < 0 ? "latitude (lat, latitude, 위도)" : "longitude (lon, lng, longitude, 경도)") + " column");
            return;
        }

        if (timeCol < 0) {
            // No times: a sites table (id + position), or unusable.
            if (idCol >= 0 && latCol >= 0) { sitesFile = true; }
            else {
                failFile("has no time column (expected a column named time, timestamp, date, 측정시간, 등록일시 … or "
                         "--time-col) and is not a sites table (id, lat, lon)");
                return;
            }
        }
        if (sitesFile) {
            in->role = "sites";
            in->shape = "sites";
            siteFiles.push_back(file);
        } else {
            in->role = "readings";
            // Time format and zone.
            auto s = columnSample(size_t(timeCol));
            std::optional<TimeFormat> f = opt.timeFormat ? opt.timeFormat : detectTimeFormat(s);
            if (!f) {
                failFile("column \"" + cols[size_t(timeCol)].header + "\": no time format fits its values (first: \"" +
                         (s.empty() ? std::string() : shorten(s[0])) + "\"); --time-format chooses one");
                return;
            }
            timeFormat = *f;
            in->timeFormat = timeFormatName(timeFormat);
            if (formatHasOffset(timeFormat)) in->timeZone = "from the values";
            else {
                if (!haveTimeZone) {
                    haveTimeZone = true;
                    report.notes.push_back(file + ": times have no UTC offset and no time zone was given, so they are "
                                                  "read as UTC; --timezone (or the page's time zone) sets the city's");
                }
                in->timeZone = zone.name();
            }
            // Value columns: named ones, or everything without a role.
            if (!opt.valueColumns.empty()) {
                for (const std::string& v : opt.valueColumns) {
                    int c = findColumn(v);
                    if (c < 0) { failFile("--value-col \"" + v + "\": no such column"); return; }
                    if (cols[size_t(c)].role == Role::none || cols[size_t(c)].role == Role::value) {
                        cols[size_t(c)].role = Role::value;
                        valueCols.push_back(c);
                    }
                }
            } else {
                for (size_t c = 0; c < cols.size(); ++c)
                    if (cols[c].role == Role::none || cols[c].role == Role::value) valueCols.push_back(int(c));
            }
            wide = opt.shape == "wide" || (opt.shape.empty() && idCol < 0);
            if (opt.shape == "long" && idCol < 0) {
                failFile("is read as a long table, which needs an id column (id, sensor, serial, 시리얼 … or --id-col)");
                return;
            }
            if (metricCol >= 0 && !wide) {
                // Metric named per row: one value column (the one called value, else the first numeric one).
                int keep = -1;
                for (int c : valueCols) if (cols[size_t(c)].role == Role::value) { keep = c; break; }
                if (keep < 0 && !valueCols.empty()) keep = valueCols[0];
                for (int c : valueCols) if (c != keep) { cols[size_t(c)].ignored = true; }
                valueCols.assign(keep >= 0 ? 1 : 0, keep);
            }
            // Value kinds: numbers, or categorical levels; text with many distinct values is description, not data.
            std::vector<int> kept;
            for (int c : valueCols) {
                Column& col = cols[size_t(c)];
                auto s = columnSample(size_t(c));
                size_t nums = 0;
                std::string unit;
                for (auto v : s) if (parseNumber(v, &unit)) ++nums;
                if (wide) { col.metric = opt.metric.empty() ? "value" : opt.metric; col.unit = unit; }
                else {
                    splitUnit(col.header, col.metric, col.unit);
                    if (col.unit.empty()) col.unit = unit;
                }
                bool explicitLevels = opt.levels.count(col.header) || opt.levels.count(col.metric);
                if (s.empty()) { col.ignored = true; continue; }
                std::vector<std::string_view> distinct;  // distinct non-numeric values
                for (auto v : s)
                    if (!parseNumber(v) && std::find(distinct.begin(), distinct.end(), v) == distinct.end()) distinct.push_back(v);
                // Numbers: most values are, or some are and the rest is too varied to be levels (junk in a number column).
                if (!explicitLevels && (nums * 2 >= s.size() || (nums > 0 && distinct.size() > 12))) { kept.push_back(c); continue; }
                if (!explicitLevels && distinct.size() > 12 && metricCol < 0) {
                    col.ignored = true;
                    report.notes.push_back(file + ": column \"" + col.header + "\" ignored: text with many different "
                                                  "values (not numbers, not a short list of levels)");
                    continue;
                }
                col.categorical = true;
                kept.push_back(c);
            }
            valueCols = kept;
            if (valueCols.empty()) { failFile("has no value columns (numbers or levels) besides time, id and position"); return; }
            in->shape = wide ? "wide (one column per sensor)" : (latCol >= 0 ? "long, with positions on each row" : "long");
        }

        // The report's column list.
        auto add = [&](const char* role, int c) { if (c >= 0) in->columns.push_back({role, cols[size_t(c)].header}); };
        add("time", timeCol);
        add("id", idCol);
        add("lat", latCol);
        add("lon", lonCol);
        add("name", nameCol);
        add("metric", metricCol);
        add("type", typeCol);
        add("unit", unitCol);
        for (int c : valueCols)
            in->columns.push_back({wide ? "sensor" : cols[size_t(c)].categorical ? "levels" : "value", cols[size_t(c)].header});

        for (size_t r = firstData; r < sample.size(); ++r) {
            std::vector<std::string_view> f(sample[r].begin(), sample[r].end());
            row(f, sampleLines[r]);
        }
        in->rowsRead = int64_t(sample.size() - firstData);
        sample.clear();
        sampleLines.clear();
    }

    // ---- [4] rows --------------------------------------------------------------------------------------------------

    // A row is accepted when at least one of its readings is (a rejected value in it is still listed), rejected
    // when none is.
    void row(const std::vector<std::string_view>& f, int64_t line) {
        if (f.size() == 1 && trim(f[0]).empty()) return;
        if (sample.empty()) ++in->rowsRead;  // (sample rows are counted in analyse)
        int64_t acceptedBefore = in->rowsAccepted, rejectedBefore = rejectedTotal;
        rowBody(f, line);
        if (in->rowsAccepted == acceptedBefore && rejectedTotal > rejectedBefore) ++in->rowsRejected;
    }

    void rowBody(const std::vector<std::string_view>& f, int64_t line) {
        auto field = [&](int c) { return c >= 0 && size_t(c) < f.size() ? trim(f[size_t(c)]) : std::string_view(); };
        auto needed = [&](int c, const char* what) {
            if (c >= 0 && size_t(c) >= f.size()) {
                reject(line, cols[size_t(c)].header, "", "missing " + std::string(what) + " (the row has " +
                                                            std::to_string(f.size()) + " fields, expected " +
                                                            std::to_string(cols.size()) + ")");
                return false;
            }
            return true;
        };
        if (sitesFile) { siteRow(f, line, field, needed); return; }

        if (!needed(timeCol, "time") || !needed(idCol, "sensor id")) return;
        std::string_view tText = field(timeCol);
        if (tText.empty()) { reject(line, cols[size_t(timeCol)].header, "", "no time"); return; }
        auto t = parseTime(tText, timeFormat, zone);
        if (!t) {
            reject(line, cols[size_t(timeCol)].header, tText, std::string("not a time in the column's format (") +
                                                                   timeFormatName(timeFormat) + ")");
            return;
        }
        std::string id;
        if (!wide) {
            id = std::string(field(idCol));
            if (id.empty()) { reject(line, cols[size_t(idCol)].header, "", "no sensor id"); return; }
            double lat = NAN, lon = NAN;
            if (latCol >= 0) {
                if (!needed(latCol, "latitude") || !needed(lonCol, "longitude")) return;
                auto la = parseNumber(field(latCol)), lo = parseNumber(field(lonCol));
                if (!la || *la < -90 || *la > 90) { reject(line, cols[size_t(latCol)].header, field(latCol), "not a latitude (a number from -90 to 90)"); return; }
                if (!lo || *lo < -180 || *lo > 180) { reject(line, cols[size_t(lonCol)].header, field(lonCol), "not a longitude (a number from -180 to 180)"); return; }
                lat = *la;
                lon = *lo;
            }
            noteReadingSite(id, lat, lon, line, field(nameCol), field(typeCol));
        }
        bool any = false;
        for (int c : valueCols) {
            Column& col = cols[size_t(c)];
            std::string_view v = field(c);
            if (size_t(c) >= f.size() || isMissing(v)) {
                if (!wide && valueCols.size() == 1) {
                    reject(line, col.header, v, size_t(c) >= f.size() ? "missing value (the row has " + std::to_string(f.size()) +
                                                                           " fields, expected " + std::to_string(cols.size()) + ")"
                                                                     : "no value");
                    return;
                }
                continue;
            }
            std::string metric = col.metric, unit = col.unit;
            if (metricCol >= 0) {
                metric = std::string(field(metricCol));
                if (metric.empty()) { reject(line, cols[size_t(metricCol)].header, "", "no metric name"); return; }
                if (unitCol >= 0) unit = std::string(field(unitCol));
            }
            const std::string& sensorId = wide ? col.header : id;
            float value;
            if (!valueOf(metric, unit, col, v, line, value)) { if (!wide && valueCols.size() == 1) return; continue; }
            if (!addReading(sensorId, metric, *t, value, line, cols[size_t(timeCol)].header, tText)) { if (!wide && valueCols.size() == 1) return; continue; }
            any = true;
        }
        if (any) ++in->rowsAccepted;
    }

    bool valueOf(const std::string& metric, const std::string& unit, const Column& col, std::string_view v, int64_t line, float& out) {
        auto it = metrics.find(metric);
        if (it == metrics.end()) {
            it = metrics.emplace(metric, MetricInfo{}).first;
            metricOrder.push_back(metric);
            MetricInfo& m = it->second;
            m.unit = unit;
            m.categorical = col.categorical;
            auto fixed = opt.levels.find(col.header);
            if (fixed == opt.levels.end()) fixed = opt.levels.find(metric);
            if (fixed != opt.levels.end()) { m.categorical = true; m.fixed = fixed->second; }
        }
        MetricInfo& m = it->second;
        if (!m.categorical) {
            auto n = parseNumber(v);
            if (!n) { reject(line, col.header, v, "not a number (the column holds numbers)"); return false; }
            out = float(*n);
            return true;
        }
        if (!m.fixed.empty()) {
            for (size_t i = 0; i < m.fixed.size(); ++i)
                if (m.fixed[i] == v || lower(m.fixed[i]) == lower(v)) { out = float(i); return true; }
            std::string list;
            for (auto& l : m.fixed) list += (list.empty() ? "" : ", ") + l;
            reject(line, col.header, v, "not one of the given levels (" + list + ")");
            return false;
        }
        std::string key(v);
        auto li = m.index.find(key);
        if (li == m.index.end()) {
            if (m.seen.size() >= 64) { reject(line, col.header, v, "too many different levels (more than 64)"); return false; }
            li = m.index.emplace(key, int(m.seen.size())).first;
            m.seen.push_back(key);
        }
        out = float(li->second);
        return true;
    }

    bool addReading(const std::string& sensor, const std::string& metric, int64_t t, float value, int64_t line,
                    const std::string& column, std::string_view timeText) {
        std::string key = sensor + '\x1f' + metric;
        size_t a;
        if (key == lastKey) a = lastAcc;
        else {
            auto it = seriesIndex.find(key);
            if (it == seriesIndex.end()) {
                it = seriesIndex.emplace(key, series.size()).first;
                series.push_back(SeriesAcc{sensor, metric, file, {}, {}, true, line});
            }
            a = it->second;
            lastKey = std::move(key);
            lastAcc = a;
        }
        SeriesAcc& s = series[a];
        if (!s.times.empty()) {
            int64_t last = s.times.back();
            if (t == last) {
                reject(line, column, timeText, "duplicate time for sensor \"" + sensor + "\" (" + metric + "); the first reading is kept");
                return false;
            }
            if (t < last) {
                if (s.sorted && outOfOrderNoted < 3)
                    report.notes.push_back(file + " line " + std::to_string(line) + ": time goes backwards for sensor \"" +
                                           sensor + "\" (" + metric + "); its readings are sorted by time");
                if (s.sorted) ++outOfOrderNoted;
                s.sorted = false;
            }
        }
        s.times.push_back(t);
        s.values.push_back(value);
        return true;
    }

    template <class Field, class Needed>
    void siteRow(const std::vector<std::string_view>& f, int64_t line, Field field, Needed needed) {
        if (!needed(idCol, "sensor id") || !needed(latCol, "latitude") || !needed(lonCol, "longitude")) return;
        std::string id(field(idCol));
        if (id.empty()) { reject(line, cols[size_t(idCol)].header, "", "no sensor id"); return; }
        auto la = parseNumber(field(latCol)), lo = parseNumber(field(lonCol));
        if (!la || *la < -90 || *la > 90) { reject(line, cols[size_t(latCol)].header, field(latCol), "not a latitude (a number from -90 to 90)"); return; }
        if (!lo || *lo < -180 || *lo > 180) { reject(line, cols[size_t(lonCol)].header, field(lonCol), "not a longitude (a number from -180 to 180)"); return; }
        if (sites.count(id)) { reject(line, cols[size_t(idCol)].header, id, "duplicate sensor id (the first row is kept)"); return; }
        SiteInfo site;
        site.lat = *la;
        site.lon = *lo;
        site.name = std::string(field(nameCol));
        site.type = std::string(field(typeCol));
        site.unit = std::string(field(unitCol));
        site.file = file;
        site.line = line;
        sites.emplace(id, std::move(site));
        siteOrder.push_back(id);
        ++in->rowsAccepted;
    }

    void noteReadingSite(const std::string& id, double lat, double lon, int64_t line, std::string_view name, std::string_view type) {
        auto it = readingSites.find(id);
        if (it == readingSites.end()) {
            SiteInfo s;
            s.lat = lat;
            s.lon = lon;
            s.name = std::string(name);
            s.type = std::string(type);
            s.file = file;
            s.line = line;
            readingSites.emplace(id, std::move(s));
            readingSiteOrder.push_back(id);
            return;
        }
        SiteInfo& s = it->second;
        if (std::isnan(s.lat) && !std::isnan(lat)) { s.lat = lat; s.lon = lon; }
        else if (!std::isnan(lat) && (std::fabs(s.lat - lat) > 1e-4 || std::fabs(s.lon - lon) > 1e-4)) s.moved = true;
    }

    // GeoJSON: each Point feature is a row (its properties are the columns, lat/lon from the geometry).
    void addGeoJson(const std::string& name, std::string_view bytes) {
        startFile(name);
        in->encoding = "UTF-8";
        JsonReader reader(bytes, name);
        Json root;
        if (!reader.parse(root)) { failFile(reader.error().describe()); return; }
        std::vector<std::string> keys;
        std::vector<std::vector<std::string>> rows;
        std::vector<int64_t> lines;
        size_t index = 0;
        bool ok = forEachFeature(reader, root, [&](const Json&, const JsonPath& fp, const Json& geometry, const JsonPath& gp,
                                                   const Json* properties) {
            ++index;
            if (!geometry.is_object() || geometry.value("type", "") != "Point") return;
            const Json* coords = reader.member(geometry, gp, "coordinates", true);
            if (!coords) return;
            auto pos = readPosition(reader, *coords, gp["coordinates"]);
            if (!pos) return;
            std::vector<std::string> r(keys.size());
            auto put = [&](const std::string& k, std::string v) {
                auto at = std::find(keys.begin(), keys.end(), k);
                if (at == keys.end()) { keys.push_back(k); r.push_back(std::move(v)); }
                else r[size_t(at - keys.begin())] = std::move(v);
            };
            char buf[40];
            std::snprintf(buf, sizeof buf, "%.7f", pos->lat);
            put("lat", buf);
            std::snprintf(buf, sizeof buf, "%.7f", pos->lon);
            put("lon", buf);
            if (properties && properties->is_object())
                for (auto it = properties->begin(); it != properties->end(); ++it) {
                    if (it.key() == "lat" || it.key() == "lon") continue;
                    if (it->is_string()) put(it.key(), it->get<std::string>());
                    else if (it->is_number() || it->is_boolean()) put(it.key(), it->dump());
                    else if (it->is_null()) put(it.key(), "");
                }
            rows.push_back(std::move(r));
            lines.push_back(locateJsonPath(bytes, fp).line);
        });
        if (!ok) { failFile(reader.error().describe()); return; }
        // Rows as CSV records, through the same detection.
        sample.push_back(keys);
        sampleLines.push_back(1);
        for (size_t i = 0; i < rows.size(); ++i) {
            rows[i].resize(keys.size());
            sample.push_back(std::move(rows[i]));
            sampleLines.push_back(lines[i]);
        }
        analyse();
        endFileChecks();
    }

    void endFileChecks() {
        if (fileFailed || !in) return;
        if (in->role == "readings" && in->rowsAccepted == 0 && in->rowsRead > 0)
            report.notes.push_back(file + ": no row could be used");
    }

    // ---- [5] finish --------------------------------------------------------------------------------------------

    ImportResult finish();
};

Importer::Importer(ImportOptions options) : s_(std::make_unique<State>()) {
    s_->opt = std::move(options);
    if (s_->opt.zone) { s_->zone = *s_->opt.zone; s_->haveTimeZone = true; }
    else if (!s_->opt.timeZone.empty()) {
        if (auto z = TimeZone::parseFixed(s_->opt.timeZone)) { s_->zone = *z; s_->haveTimeZone = true; }
        else s_->report.fatal = "time zone \"" + s_->opt.timeZone + "\" is not understood (expected +09:00, UTC, UTC-5 … "
                                "or, on the command line, a zone name like Asia/Seoul)";
    }
}

Importer::~Importer() = default;

void Importer::begin(const std::string& fileName) { s_->startFile(fileName); }

void Importer::feed(std::string_view bytes) {
    State& s = *s_;
    if (s.fileFailed) return;
    if (!s.decoder) {
        s.raw.append(bytes.data(), bytes.size());
        if (s.raw.size() >= kHeadBytes) s.startDecoding();
        return;
    }
    s.decoded.clear();
    s.decoder->feed(bytes, s.decoded);
    if (s.csv) s.csv->feed(s.decoded);
    if (!s.analysed && s.sample.size() >= kSampleRows * 4) s.analyse();
}

void Importer::end() {
    State& s = *s_;
    if (!s.fileFailed && !s.decoder) {
        if (s.raw.empty()) { s.failFile("the file is empty"); return; }
        s.startDecoding();
    }
    if (s.fileFailed) return;
    s.decoded.clear();
    s.decoder->finish(s.decoded);
    if (s.csv) {
        s.csv->feed(s.decoded);
        s.csv->finish();
        if (s.csv->unterminatedQuote())
            s.report.notes.push_back(s.file + " line " + std::to_string(s.csv->unterminatedLine()) +
                                     ": a quoted field is never closed (it runs to the end of the file)");
    }
    if (!s.analysed) s.analyse();
    s.in->invalidText = s.decoder->invalidCount();
    if (s.in->invalidText > 0)
        s.report.notes.push_back(s.file + ": " + std::to_string(s.in->invalidText) + " byte sequences are not valid " +
                                 s.in->encoding + " and show as �");
    s.endFileChecks();
}

void Importer::add(const std::string& fileName, std::string_view bytes) {
    std::string_view head = bytes.substr(0, 4096);
    size_t i = 0;
    if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
    if (i < head.size() && head[i] == '{') { s_->addGeoJson(fileName, bytes.substr(i)); return; }
    begin(fileName);
    // Feed in slices, as a stream would arrive (keeps the decode buffer small).
    for (size_t at = 0; at < bytes.size(); at += 1 << 20) feed(bytes.substr(at, 1 << 20));
    end();
}

ImportResult Importer::finish() { return s_->finish(); }

ImportResult Importer::State::finish() {
    ImportResult result;
    if (!report.fatal.empty()) { result.report = std::move(report); return result; }
    file.clear();
    in = nullptr;

    // Categorical levels: a known order, or alphabetical; remap the first-appearance indices.
    std::unordered_map<std::string, std::vector<float>> remap;
    for (const std::string& name : metricOrder) {
        MetricInfo& m = metrics[name];
        if (!m.categorical) continue;
        if (m.fixed.empty()) {
            std::vector<std::string> ordered = orderLevels(m.seen);
            std::vector<float> map(m.seen.size());
            for (size_t i = 0; i < m.seen.size(); ++i)
                map[i] = float(std::find(ordered.begin(), ordered.end(), m.seen[i]) - ordered.begin());
            remap[name] = std::move(map);
            m.fixed = std::move(ordered);
        }
        report.categorical.push_back({name, m.fixed});
    }

    bool anyPositions = false;
    for (auto& [id, site] : readingSites) if (!std::isnan(site.lat)) anyPositions = true;
    if (!sites.empty()) anyPositions = true;

    Dataset d;
    d.simulated = opt.simulated;
    std::unordered_map<std::string, uint32_t> sensorIndex;
    auto sensorFor = [&](const std::string& id, const SeriesAcc& acc) -> int {
        auto found = sensorIndex.find(id);
        if (found != sensorIndex.end()) return int(found->second);
        const SiteInfo* site = nullptr;
        auto fromSites = sites.find(id);
        auto fromRows = readingSites.find(id);
        if (fromSites != sites.end()) site = &fromSites->second;
        else if (fromRows != readingSites.end() && !std::isnan(fromRows->second.lat)) site = &fromRows->second;
        if (!site) {
            std::string why = sites.empty() ? "sensor has no position (no lat/lon on its rows and no sites file)"
                                            : "unknown sensor id (not in " + siteFiles.front() + ")";
            int64_t n = int64_t(acc.times.size());
            std::string savedFile = file;
            file = acc.file;
            reject(acc.firstLine, "", id, why + "; " + std::to_string(n) + " reading" + (n == 1 ? "" : "s") + " dropped");
            rejectedTotal += n - 1;
            file = savedFile;
            return -1;
        }
        Sensor s;
        s.id = id;
        std::string typeName = !opt.sensorType.empty() ? opt.sensorType : site->type;
        if (fromRows != readingSites.end() && typeName.empty()) typeName = fromRows->second.type;
        if (typeName.empty())
            if (auto km = knownMetric(acc.metric)) typeName = sensorTypeInfo(km->type).name;
        s.typeName = typeName.empty() ? "other" : typeName;
        s.type = sensorTypeFromName(s.typeName);
        std::string name = site->name;
        if (name.empty() && fromRows != readingSites.end()) name = fromRows->second.name;
        // A name in Hangul is the Korean name; anything else the English one.
        bool hangul = name.find("\xEA") != std::string::npos || name.find("\xEB") != std::string::npos ||
                      name.find("\xEC") != std::string::npos || name.find("\xED") != std::string::npos;
        (hangul ? s.nameKo : s.nameEn) = name;
        s.position = {site->lat, site->lon};
        s.unit = site->unit;
        if (fromRows != readingSites.end() && fromRows->second.moved)
            report.notes.push_back("sensor \"" + id + "\" reports different positions; the first is used");
        uint32_t index = uint32_t(d.sensors.size());
        d.sensors.push_back(std::move(s));
        sensorIndex.emplace(id, index);
        return int(index);
    };
    if (!anyPositions && !series.empty()) {
        report.fatal = "the readings have no positions: add lat/lon columns (lat, latitude, 위도 / lon, lng, 경도) or a "
                       "sites file with id, lat, lon";
    }

    // Series: sorted, duplicates after sorting dropped, regular when evenly spaced (gaps become NaN).
    std::unordered_map<std::string, std::pair<double, double>> ranges;  // metric → data range
    for (SeriesAcc& acc : series) {
        if (!report.fatal.empty()) break;
        int sensor = sensorFor(acc.sensor, acc);
        if (sensor < 0) continue;
        size_t n = acc.times.size();
        if (!acc.sorted) {
            std::vector<uint32_t> order(n);
            for (uint32_t i = 0; i < n; ++i) order[i] = i;
            std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return acc.times[a] < acc.times[b]; });
            std::vector<int64_t> t;
            std::vector<float> v;
            t.reserve(n);
            v.reserve(n);
            int64_t dups = 0;
            for (uint32_t i : order) {
                if (!t.empty() && t.back() == acc.times[i]) { ++dups; continue; }
                t.push_back(acc.times[i]);
                v.push_back(acc.values[i]);
            }
            if (dups) {
                rejectedTotal += dups;
                report.notes.push_back("sensor \"" + acc.sensor + "\" (" + acc.metric + "): " + std::to_string(dups) +
                                       (dups == 1 ? " reading repeats the time of another and was dropped"
                                                  : " readings repeat the time of others and were dropped"));
            }
            acc.times = std::move(t);
            acc.values = std::move(v);
            n = acc.times.size();
        }
        if (auto r = remap.find(acc.metric); r != remap.end())
            for (float& v : acc.values) v = r->second[size_t(v)];
        Series s;
        s.sensor = uint32_t(sensor);
        s.metric = acc.metric;
        if (auto km = knownMetric(acc.metric); km && d.sensors[size_t(sensor)].type == km->type) s.metric = km->metric;
        const MetricInfo& m = metrics[acc.metric];
        s.unit = m.unit;
        s.levels = m.categorical ? m.fixed : std::vector<std::string>{};
        s.interpolation = m.categorical ? Interpolation::step : Interpolation::linear;
        s.offset = uint32_t(d.values.size());
        int64_t step = 0;
        for (size_t i = 1; i < n; ++i) {
            int64_t gap = acc.times[i] - acc.times[i - 1];
            if (step == 0 || gap < step) step = gap;
        }
        bool regular = n >= 2 && step > 0;
        size_t slots = 0;
        if (regular) {
            for (size_t i = 1; i < n && regular; ++i) if ((acc.times[i] - acc.times[i - 1]) % step != 0) regular = false;
            if (regular) {
                slots = size_t((acc.times[n - 1] - acc.times[0]) / step) + 1;
                regular = slots <= n + n / 3;  // at most a quarter of the slots empty
            }
        }
        if (regular) {
            s.regular = true;
            s.startMs = acc.times[0];
            s.stepMs = step;
            s.count = uint32_t(slots);
            d.values.resize(d.values.size() + slots, std::numeric_limits<float>::quiet_NaN());
            for (size_t i = 0; i < n; ++i) d.values[s.offset + size_t((acc.times[i] - acc.times[0]) / step)] = acc.values[i];
        } else {
            s.regular = false;
            s.timeOffset = uint32_t(d.timesMs.size());
            s.count = uint32_t(n);
            d.timesMs.insert(d.timesMs.end(), acc.times.begin(), acc.times.end());
            d.values.insert(d.values.end(), acc.values.begin(), acc.values.end());
        }
        auto& range = ranges.emplace(s.metric, std::make_pair(1e300, -1e300)).first->second;
        for (float v : acc.values) { range.first = std::min(range.first, double(v)); range.second = std::max(range.second, double(v)); }
        report.readings += int64_t(n);
        d.series.push_back(std::move(s));
        std::vector<int64_t>().swap(acc.times);
        std::vector<float>().swap(acc.values);
    }
    // Sites without readings still appear (their glyph shows no data).
    size_t idle = 0;
    for (const std::string& id : siteOrder) {
        if (sensorIndex.count(id) || !report.fatal.empty()) continue;
        SeriesAcc none{id, "", sites[id].file, {}, {}, true, sites[id].line};
        if (sensorFor(id, none) >= 0) ++idle;
    }
    if (idle) report.notes.push_back(std::to_string(idle) + " site" + (idle == 1 ? " has" : "s have") + " no readings");

    if (report.fatal.empty() && d.series.empty()) {
        bool anyInput = std::any_of(report.inputs.begin(), report.inputs.end(), [](const ImportReport::Input& i) { return i.role == "readings"; });
        report.fatal = anyInput ? "no usable readings: every row was rejected (see the reasons)" :
                                  "no readings table: expected a CSV or GeoJSON with a time column";
    }
    // Scales for sensors without a type of their own: the range of their metric across all sensors.
    finishDataset(d);
    for (size_t i = 0; i < d.sensors.size(); ++i) {
        Sensor& sensor = d.sensors[i];
        int32_t p = d.primarySeries[i];
        if (p < 0) continue;
        const Series& s = d.series[size_t(p)];
        if (!s.levels.empty()) { sensor.scaleMin = 0; sensor.scaleMax = double(s.levels.size() - 1); }
        else if (sensor.type == SensorType::other) {
            auto r = ranges[s.metric];
            sensor.scaleMin = r.first;
            sensor.scaleMax = r.second > r.first ? r.second : r.first + 1;
        }
        if (sensor.unit.empty()) sensor.unit = s.unit;
    }
    d.utcOffsetMinutes = zone.offsetAtUtc(d.startMs);

    std::string names;
    for (const auto& i : report.inputs) if (i.role == "readings" || i.role == "sites") names += (names.empty() ? "" : ", ") + i.file;
    d.title = opt.title.empty() ? "Imported: " + names : opt.title;
    d.source = opt.source.empty() ? names : opt.source;
    report.sensors = d.sensors.size();
    report.series = d.series.size();
    report.firstMs = d.startMs;
    report.lastMs = d.endMs;
    report.utcOffsetMinutes = d.utcOffsetMinutes;
    report.rejectedTotal = rejectedTotal;
    if (report.fatal.empty()) result.dataset = std::move(d);
    result.report = std::move(report);
    return result;
}

// ---- [6] report -------------------------------------------------------------------------------------------------

std::string RejectedRow::describe(const std::string& fileName) const {
    std::string out = fileName + " line " + std::to_string(line);
    if (!column.empty()) out += ", column \"" + column + "\"";
    out += ": ";
    if (!value.empty()) out += "\"" + value + "\" — ";
    out += why;
    return out;
}

namespace {
std::string delimiterName(char d) {
    switch (d) {
    case '\t': return "tab";
    case ';': return "semicolon";
    case '|': return "bar";
    default: return "comma";
    }
}
}  // namespace

std::string ImportReport::text() const {
    std::string out;
    for (const Input& i : inputs) {
        out += i.file + ": " + (i.role.empty() ? "unusable" : i.role);
        if (i.role == "readings" || i.role == "sites") {
            out += ", " + i.encoding + ", " + delimiterName(i.delimiter) + "-separated" + (i.header ? ", header row" : ", no header row");
            if (i.role == "readings") out += ", " + i.shape;
            out += "\n  columns:";
            bool first = true;
            for (const auto& [role, name] : i.columns) { out += (first ? " " : ", ") + role + " = \"" + name + "\""; first = false; }
            out += "\n";
            if (i.role == "readings") out += "  times: " + i.timeFormat + ", time zone " + i.timeZone + "\n";
            out += "  rows: " + std::to_string(i.rowsRead) + " read, " + std::to_string(i.rowsAccepted) + " accepted, " +
                   std::to_string(i.rowsRejected) + " rejected\n";
        } else out += "\n";
    }
    if (fatal.empty()) {
        out += "result: " + std::to_string(sensors) + " sensors, " + std::to_string(series) + " series, " +
               std::to_string(readings) + " readings\n";
        out += "time span: " + formatIsoTime(firstMs, utcOffsetMinutes) + " to " + formatIsoTime(lastMs, utcOffsetMinutes) + "\n";
    } else {
        out += "nothing imported: " + fatal + "\n";
    }
    for (const auto& [metric, levels] : categorical) {
        out += "levels of " + metric + ":";
        for (size_t i = 0; i < levels.size(); ++i) out += (i ? " < " : " ") + levels[i];
        out += "\n";
    }
    if (rejectedTotal > 0) {
        out += "rejected: " + std::to_string(rejectedTotal) + " reading" + (rejectedTotal == 1 ? "" : "s") + " or row" +
               (rejectedTotal == 1 ? "" : "s");
        if (int64_t(rejected.size()) < rejectedTotal) out += " (" + std::to_string(rejected.size()) + " listed below)";
        out += "\n";
        for (size_t i = 0; i < rejected.size(); ++i) out += "  " + rejected[i].describe(rejectedFile[i]) + "\n";
    }
    for (const std::string& n : notes) out += "note: " + n + "\n";
    return out;
}

std::string ImportReport::json() const {
    Json j;
    j["ok"] = fatal.empty();
    j["fatal"] = fatal;
    j["text"] = text();
    Json ins = Json::array();
    for (const Input& i : inputs) {
        Json cols = Json::array();
        for (const auto& [role, name] : i.columns) cols.push_back({{"role", role}, {"column", name}});
        ins.push_back({{"file", i.file}, {"role", i.role}, {"encoding", i.encoding}, {"shape", i.shape},
                       {"delimiter", delimiterName(i.delimiter)}, {"header", i.header}, {"columns", cols},
                       {"timeFormat", i.timeFormat}, {"timeZone", i.timeZone}, {"rowsRead", i.rowsRead},
                       {"rowsAccepted", i.rowsAccepted}, {"rowsRejected", i.rowsRejected}});
    }
    j["inputs"] = ins;
    Json rej = Json::array();
    for (size_t i = 0; i < rejected.size(); ++i)
        rej.push_back({{"file", rejectedFile[i]}, {"line", rejected[i].line}, {"column", rejected[i].column},
                       {"value", rejected[i].value}, {"why", rejected[i].why}, {"text", rejected[i].describe(rejectedFile[i])}});
    j["rejected"] = rej;
    j["rejectedTotal"] = rejectedTotal;
    j["notes"] = notes;
    Json cat = Json::object();
    for (const auto& [metric, levels] : categorical) cat[metric] = levels;
    j["levels"] = cat;
    j["sensors"] = sensors;
    j["series"] = series;
    j["readings"] = readings;
    if (fatal.empty()) {
        j["start"] = formatIsoTime(firstMs, utcOffsetMinutes);
        j["end"] = formatIsoTime(lastMs, utcOffsetMinutes);
    }
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool looksLikeImportTable(const std::string& fileName, std::string_view head) {
    std::string l = lower(fileName);
    auto endsWith = [&](const char* ext) { size_t n = std::strlen(ext); return l.size() >= n && l.compare(l.size() - n, n, ext) == 0; };
    if (endsWith(".csv") || endsWith(".tsv") || endsWith(".txt")) return true;
    size_t i = 0;
    if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
    if (i >= head.size() || head[i] != '{') return true;  // not JSON at all: a table
    if (head.find("\"bukchon-recording\"") != std::string_view::npos) return false;
    // GeoJSON points whose properties carry a time: readings.
    for (const char* key : {"\"time\"", "\"timestamp\"", "\"datetime\"", "\"measured_at\"", "\"측정시간\"", "\"date\""})
        if (head.find(key) != std::string_view::npos) return true;
    return false;
}

}  // namespace bk
