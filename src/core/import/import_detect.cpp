// import_detect.cpp — the importer's detection for one file: header row, column roles (by name, by values, or as
// the options say), readings or sites table, long or wide shape, time format and zone, and value kinds.
#include "import_state.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace bk {

using namespace importer_detail;

int Importer::State::findColumn(const std::string& spec) {
    if (spec.empty()) return -1;
    for (size_t i = 0; i < cols.size(); ++i) if (cols[i].header == spec) return int(i);
    for (size_t i = 0; i < cols.size(); ++i) if (normalizeName(cols[i].header) == normalizeName(spec)) return int(i);
    char* end = nullptr;
    long n = std::strtol(spec.c_str(), &end, 10);
    if (end && *end == 0 && n >= 1 && size_t(n) <= cols.size()) return int(n - 1);
    return -2;  // named but not there
}

std::vector<std::string_view> Importer::State::columnSample(size_t c) const {
    std::vector<std::string_view> out;
    for (size_t r = in->header ? 1 : 0; r < sample.size() && out.size() < kSampleRows; ++r)
        if (c < sample[r].size() && !isMissing(trim(sample[r][c]))) out.push_back(trim(sample[r][c]));
    return out;
}

// A date column and a time-of-day column (측정일자 + 측정시간, date + hour 0–23, date + "00~01", date + HH:MM): each
// row's time is their sum. The date column is --time-col's, else the first time column (by name, else by values)
// whose values are dates alone; the time of day is --hour-col's, else a column named like one (hour, 시간, 측정시간 …)
// whose values read as times of day, else an unnamed-role column of clocks or hour ranges (a bare 0–23 needs a name:
// small integers could be any reading). False when the file has no such pair.
bool Importer::State::findDateAndHour() {
    auto isDateColumn = [&](size_t c, std::optional<TimeFormat>& format) {
        auto s = columnSample(c);
        format = opt.timeFormat ? opt.timeFormat : detectTimeFormat(s);
        if (s.empty() || !format || formatHasOffset(*format)) return false;
        size_t n = 0;
        for (auto v : s) n += isDateOnly(v, *format);
        return n * 10 >= s.size() * 9;
    };
    int dateCol = -1;
    std::optional<TimeFormat> format;
    bool timeByName = false;
    for (size_t c = 0; c < cols.size() && dateCol < 0; ++c)
        if (cols[c].role == Role::time) {
            timeByName = true;
            if (isDateColumn(c, format)) dateCol = int(c);
        }
    if (dateCol < 0 && !timeByName && opt.timeColumn.empty())
        for (size_t c = 0; c < cols.size() && dateCol < 0; ++c)
            if (cols[c].role == Role::none && isDateColumn(c, format)) dateCol = int(c);
    int given = findColumn(opt.hourColumn);
    if (given == -2) {
        failFile("--hour-col \"" + opt.hourColumn + "\": no such column");
        return false;
    }
    if (dateCol < 0) {
        if (given >= 0) failFile("--hour-col \"" + opt.hourColumn + "\" needs a time column of dates alone");
        return false;
    }
    auto timesOfDay = [&](size_t c, bool named) {
        auto s = columnSample(c);
        size_t read = 0, clocks = 0;
        for (auto v : s) {
            if (!parseTimeOfDay(v)) continue;
            ++read;
            clocks += v.find_first_of(":~") != std::string_view::npos || v.find("시") != std::string_view::npos;
        }
        bool enough = !s.empty() && read * 10 >= s.size() * 9;
        return enough && (named || clocks * 10 >= s.size() * 9);
    };
    int hour = given;
    for (size_t c = 0; c < cols.size() && hour < 0; ++c) {
        if (int(c) == dateCol || (cols[c].role != Role::time && cols[c].role != Role::none)) continue;
        bool named = cols[c].role == Role::time || looksLikeHourColumnName(cols[c].header);
        if (timesOfDay(c, named)) hour = int(c);
    }
    if (hour < 0) return false;
    for (Column& col : cols) if (col.role == Role::time) col.role = Role::none;
    cols[size_t(dateCol)].role = Role::time;
    cols[size_t(hour)].role = Role::hour;
    return true;
}

// Detect, then read: the sample's header, roles, shape, time format and value kinds; then its rows as any other.
void Importer::State::analyse() {
    analysed = true;
    if (fileFailed) return;
    if (sample.empty()) { failFile("the file is empty (no rows)"); return; }
    if (!detectHeader() || !assignRoles() || !detectReadings()) return;
    listColumns();
    for (size_t r = in->header ? 1 : 0; r < sample.size(); ++r) {
        std::vector<std::string_view> f(sample[r].begin(), sample[r].end());
        row(f, sampleLines[r]);
    }
    in->rowsRead = int64_t(sample.size() - (in->header ? 1 : 0));
    sample.clear();
    sampleLines.clear();
}

// A first row whose fields name known roles, or text above columns that are numbers or times, is a header.
bool Importer::State::detectHeader() {
    size_t width = 0;
    for (auto& r : sample) width = std::max(width, r.size());
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

    return true;
}

// Roles by name, then the options' overrides, a date + hour pair, roles from values, one column per role.
bool Importer::State::assignRoles() {
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
    bool sitesLike = in->header && latByName && lonByName && !timeByName && !timeByValues;
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
            return false;
        }
        for (auto& col : cols) if (col.role == p.role) col.role = Role::none;
        cols[size_t(c)].role = p.role;
    }
    if (!sitesLike && !findDateAndHour() && fileFailed) return false;
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
    hourCol = firstOf(Role::hour);
    idCol = firstOf(Role::id);
    latCol = firstOf(Role::lat);
    lonCol = firstOf(Role::lon);
    nameCol = firstOf(Role::name);
    metricCol = firstOf(Role::metric);
    typeCol = firstOf(Role::type);
    unitCol = firstOf(Role::unit);
    if (idCol < 0 && nameCol >= 0) { idCol = nameCol; cols[size_t(idCol)].role = Role::id; nameCol = -1; }
    if (!rolesFromValues()) return false;
    if ((latCol < 0) != (lonCol < 0)) {
        failFile(std::string("has a ") + (latCol < 0 ? "longitude" : "latitude") + " column but no " +
                 (latCol < 0 ? "latitude (lat, latitude, 위도)" : "longitude (lon, lng, longitude, 경도)") + " column");
        return false;
    }

    if (timeCol < 0) {
        // No times: a sites table (id + position), or unusable.
        if (idCol >= 0 && latCol >= 0) { sitesFile = true; }
        else {
            failFile("has no time column (expected a column named time, timestamp, date, 측정시간, 등록일시 … or "
                     "--time-col) and is not a sites table (id, lat, lon)");
            return false;
        }
    }
    return true;
}

// The sample's cell in row r, column c, trimmed ("" past the row's end).
static std::string_view cell(const std::vector<std::vector<std::string>>& sample, size_t r, int c) {
    return c >= 0 && size_t(c) < sample[r].size() ? trim(sample[r][size_t(c)]) : std::string_view();
}

// Digits after the decimal point of a plain number ("37.58264" → 5); -1 when `v` is not one.
static int decimals(std::string_view v) {
    std::string unit;
    if (!parseNumber(v, &unit) || !unit.empty()) return -1;
    size_t dot = v.find('.');
    if (dot == std::string_view::npos) return 0;
    size_t n = 0;
    while (dot + 1 + n < v.size() && std::isdigit(static_cast<unsigned char>(v[dot + 1 + n]))) ++n;
    return int(n);
}

// Columns whose names no list has, settled by their values (a report note says what was decided and why):
// - a position: two columns of plain numbers written to at least 4 decimals (as coordinates are, and readings rarely
//   are), one within ±90 and one within ±180, that repeat in a readings table (a place per sensor, not a value per row);
//   a header of y/x or lat-like/lon-like words orders them, else latitude comes first as it is usually written;
// - the sensor id: a column whose values each stand at one position and whose positions each have one value (a few
//   dozen ids repeated over the rows; in a sites table, each once), text first; without positions, text ids with
//   digits ("BIN-07", "S12") that repeat, or the ids a sites file already gave.
bool Importer::State::rolesFromValues() {
    const size_t first = in->header ? 1 : 0, rows = sample.size() > first ? sample.size() - first : 0;
    if (rows == 0) return true;
    auto free = [&](size_t c) { return cols[c].role == Role::none || cols[c].role == Role::value; };
    if (latCol < 0 && lonCol < 0 && opt.latColumn.empty() && opt.lonColumn.empty()) {
        // Columns that look like coordinates: every value a plain number in range, most with 4+ decimals.
        std::vector<int> coordinate;
        for (size_t c = 0; c < cols.size(); ++c) {
            if (!free(c) || int(c) == timeCol) continue;
            size_t n = 0, precise = 0;
            bool ok = true;
            for (size_t r = first; r < sample.size() && ok; ++r) {
                std::string_view v = cell(sample, r, int(c));
                if (isMissing(v)) continue;
                int d = decimals(v);
                auto x = parseNumber(v);
                ok = d >= 0 && x && std::fabs(*x) <= 180;
                ++n;
                precise += d >= 4;
            }
            if (ok && n > 0 && precise * 10 >= n * 9) coordinate.push_back(int(c));
        }
        auto inRange = [&](int c, double limit) {
            for (size_t r = first; r < sample.size(); ++r) {
                auto x = parseNumber(cell(sample, r, c));
                if (x && std::fabs(*x) > limit) return false;
            }
            return true;
        };
        auto latWord = [&](int c) {
            std::string n = normalizeName(cols[size_t(c)].header);
            return n == "y" || n.find("lat") != std::string::npos || n.find("위") != std::string::npos;
        };
        auto lonWord = [&](int c) {
            std::string n = normalizeName(cols[size_t(c)].header);
            return n == "x" || n.find("lon") != std::string::npos || n.find("lng") != std::string::npos ||
                   n.find("경") != std::string::npos;
        };
        for (size_t i = 0; i + 1 < coordinate.size() && latCol < 0; ++i) {
            int a = coordinate[i], b = coordinate[i + 1];
            if (lonWord(a) || latWord(b) || !inRange(a, 90)) std::swap(a, b);
            if (!inRange(a, 90)) continue;
            std::unordered_set<std::string> places;
            for (size_t r = first; r < sample.size(); ++r)
                places.insert(std::string(cell(sample, r, a)) + ',' + std::string(cell(sample, r, b)));
            if (timeCol >= 0 && rows >= 4 && places.size() * 2 > rows) continue;  // a value per row: not a place
            latCol = a;
            lonCol = b;
            cols[size_t(a)].role = Role::lat;
            cols[size_t(b)].role = Role::lon;
            report.notes.push_back(file + ": columns \"" + cols[size_t(a)].header + "\" and \"" + cols[size_t(b)].header +
                                   "\" read as latitude and longitude (by their values: " + std::to_string(places.size()) +
                                   (places.size() == 1 ? " place" : " places") + " written to 4 or more decimals); "
                                   "--lat-col and --lon-col choose others");
        }
    }
    if (idCol >= 0 || !opt.idColumn.empty() || opt.shape == "wide") return true;
    int found = -1;
    std::string why;
    for (int pass = 0; pass < 2 && found < 0; ++pass) {  // text columns first, then numbers
        for (size_t c = 0; c < cols.size() && found < 0; ++c) {
            if (!free(c) || int(c) == timeCol || int(c) == latCol || int(c) == lonCol) continue;
            std::unordered_map<std::string, std::string> placeOf;  // id → "lat,lon"
            std::unordered_map<std::string, std::string> idAt;     // "lat,lon" → id
            bool text = false, digits = true, onePlace = latCol >= 0;
            size_t n = 0, known = 0;
            for (size_t r = first; r < sample.size(); ++r) {
                std::string_view v = cell(sample, r, int(c));
                if (isMissing(v)) continue;
                ++n;
                text |= !parseNumber(v).has_value();
                digits &= v.find_first_of("0123456789") != std::string_view::npos;
                std::string id(v);
                if (placeOf.size() < 4096 && !placeOf.count(id)) known += sites.count(id);
                if (latCol < 0 || !onePlace) { placeOf.emplace(id, ""); continue; }
                std::string_view la = cell(sample, r, latCol), lo = cell(sample, r, lonCol);
                if (isMissing(la) || isMissing(lo)) { placeOf.emplace(id, ""); continue; }
                std::string place = std::string(la) + ',' + std::string(lo);
                auto [p, freshId] = placeOf.emplace(id, place);
                if (!freshId && !p->second.empty() && p->second != place) onePlace = false;
                if (!freshId && p->second.empty()) p->second = place;
                auto [q, freshPlace] = idAt.emplace(place, id);
                if (!freshPlace && q->second != id) onePlace = false;
            }
            // A readings table repeats its ids over the rows; a sites table names each once.
            if ((pass == 0) != text || n == 0 || placeOf.size() < 2) continue;
            if (timeCol < 0 && latCol >= 0 ? placeOf.size() != n : placeOf.size() * 2 > n) continue;
            std::string count = std::to_string(placeOf.size()) + " different values";
            if (onePlace) { found = int(c); why = count + ", each at one position"; }
            else if (!sites.empty() && known * 10 >= placeOf.size() * 8) { found = int(c); why = count + " that the sites file lists"; }
            else if (latCol < 0 && text && digits) { found = int(c); why = count + ", text with digits, repeated over the rows"; }
        }
    }
    if (found < 0 && latCol >= 0 && timeCol >= 0 && opt.shape.empty()) {
        // No id at all, but positions that repeat: each place is a sensor (named by its position).
        std::unordered_set<std::string> places;
        for (size_t r = first; r < sample.size(); ++r)
            places.insert(std::string(cell(sample, r, latCol)) + ',' + std::string(cell(sample, r, lonCol)));
        if (places.size() * 2 <= rows || places.size() == 1) {
            idFromPosition = true;
            report.notes.push_back(file + ": no sensor id column, so each position is a sensor (" +
                                   std::to_string(places.size()) + (places.size() == 1 ? " place" : " places") +
                                   " in the first rows), named by its latitude and longitude; --id-col chooses a column");
        }
        return true;
    }
    if (found < 0) return true;
    idCol = found;
    cols[size_t(found)].role = Role::id;
    report.notes.push_back(file + ": column \"" + cols[size_t(found)].header + "\" read as the sensor id (by its values: " +
                           why + "); --id-col chooses another, --shape wide reads one column per sensor");
    return true;
}

// The middle of the places in `lat`/`lon` (the median of each: a stray sensor does not move it), or nullopt.
static std::optional<std::array<double, 2>> middle(std::vector<double> lat, std::vector<double> lon) {
    if (lat.empty()) return std::nullopt;
    auto median = [](std::vector<double>& v) {
        std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
        return v[v.size() / 2];
    };
    return std::array<double, 2>{median(lat), median(lon)};
}

// Wall-clock times with no zone given: the zone where the sensors stand (opt.zoneAt), looked up at the middle of
// this file's positions, else of the sites read so far. Sets the zone and says so; nothing when it cannot.
void Importer::State::zoneFromPosition() {
    if (!opt.zoneAt) return;
    std::vector<double> lat, lon;
    if (latCol >= 0)
        for (size_t r = in->header ? 1 : 0; r < sample.size(); ++r) {
            auto la = parseNumber(cell(sample, r, latCol)), lo = parseNumber(cell(sample, r, lonCol));
            if (la && lo && std::fabs(*la) <= 90 && std::fabs(*lo) <= 180 && (*la != 0 || *lo != 0)) {
                lat.push_back(*la);
                lon.push_back(*lo);
            }
        }
    if (lat.empty())
        for (const auto& [id, site] : sites)
            if (!std::isnan(site.lat)) { lat.push_back(site.lat); lon.push_back(site.lon); }
    auto at = middle(std::move(lat), std::move(lon));
    if (!at) return;
    std::optional<TimeZone> found = opt.zoneAt((*at)[0], (*at)[1]);
    if (!found) return;
    haveTimeZone = true;
    zone = std::move(*found);
    report.zoneFrom = "position";
    report.zonePosition = *at;
    char where[64];
    std::snprintf(where, sizeof where, "%.4f, %.4f", (*at)[0], (*at)[1]);
    report.notes.push_back(file + ": times have no UTC offset and no time zone was given, so they are read in " +
                           zone.name() + ", the zone where the sensors stand (" + where + "); --timezone (or the "
                           "import panel's time zone) sets another");
}

// A readings table's time format and zone, value columns and their kinds, and shape (a sites table has none).
bool Importer::State::detectReadings() {
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
            return false;
        }
        timeFormat = *f;
        in->timeFormat = timeFormatName(timeFormat);
        if (hourCol >= 0) {
            const char* date = timeFormat == TimeFormat::compact ? "YYYYMMDD" : timeFormat == TimeFormat::usSlash ? "M/D/YYYY"
                               : timeFormat == TimeFormat::dmySlash ? "D/M/YYYY" : "YYYY-MM-DD";
            in->timeFormat = std::string("date (") + date + ") + time of day";
        }
        if (formatHasOffset(timeFormat)) {
            in->timeZone = "from the values";
            // The values say where they were taken: with no zone given, the replay shows its clock at the first
            // value's offset (a Tokyo log written in +09:00 reads in Tokyo time, not UTC).
            std::optional<int> offset = timeFormat == TimeFormat::isoOffset && !s.empty() ? trailingUtcOffsetMinutes(s[0])
                                                                                          : std::nullopt;
            if (!haveTimeZone && offset && *offset != 0) {  // "Z": UTC, the default, needs no note
                haveTimeZone = true;
                report.zoneFrom = "values";
                zone = TimeZone::fixed(*offset);
                report.notes.push_back(file + ": times carry their UTC offset; the replay's clock shows them at " +
                                       zone.name() + " (the first value's); --timezone sets the city's zone");
            }
        } else {
            if (!haveTimeZone) zoneFromPosition();
            if (!haveTimeZone && koreanEncoding) {
                haveTimeZone = true;
                report.zoneFrom = "encoding";
                zone = TimeZone::fixed(540, "+09:00");
                report.notes.push_back(file + ": the file is in CP949 (Korean), so local times are read in Korea's time "
                                              "zone (+09:00); --timezone overrides this");
            }
            if (!haveTimeZone) {
                haveTimeZone = true;
                report.zoneFrom = "none";
                report.notes.push_back(file + ": times have no UTC offset and no time zone was given, so they are "
                                              "read as UTC; --timezone (or the import panel's time zone) sets the city's");
            }
            in->timeZone = zone.name();
        }
        // Value columns: named ones, or everything without a role.
        if (!opt.valueColumns.empty()) {
            for (const std::string& v : opt.valueColumns) {
                int c = findColumn(v);
                if (c < 0) { failFile("--value-col \"" + v + "\": no such column"); return false; }
                if (cols[size_t(c)].role == Role::none || cols[size_t(c)].role == Role::value) {
                    cols[size_t(c)].role = Role::value;
                    valueCols.push_back(c);
                }
            }
        } else {
            for (size_t c = 0; c < cols.size(); ++c)
                if (cols[c].role == Role::none || cols[c].role == Role::value) valueCols.push_back(int(c));
        }
        wide = opt.shape == "wide" || (opt.shape.empty() && idCol < 0 && !idFromPosition);
        if (opt.shape == "long" && idCol < 0) {
            failFile("is read as a long table, which needs an id column (id, sensor, serial, 시리얼 … or --id-col)");
            return false;
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
        if (valueCols.empty()) { failFile("has no value columns (numbers or levels) besides time, id and position"); return false; }
        in->shape = wide ? "wide (one column per sensor)" : (latCol >= 0 ? "long, with positions on each row" : "long");
    }

    return true;
}

void Importer::State::listColumns() {
    auto add = [&](const char* role, int c) { if (c >= 0) in->columns.push_back({role, cols[size_t(c)].header}); };
    add("time", timeCol);
    add("hour", hourCol);
    add("id", idCol);
    add("lat", latCol);
    add("lon", lonCol);
    add("name", nameCol);
    add("metric", metricCol);
    add("type", typeCol);
    add("unit", unitCol);
    for (int c : valueCols)
        in->columns.push_back({wide ? "sensor" : cols[size_t(c)].categorical ? "levels" : "value", cols[size_t(c)].header});

}

}  // namespace bk
