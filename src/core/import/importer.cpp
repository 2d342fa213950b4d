// importer.cpp — the importer's public API and its intake: starting a file, decoding it, and turning rows (CSV
// records or GeoJSON points) into readings and sites.
//
// Sections: [1] files and decoding  [2] rows  [3] public API
// The rest of the importer: import_columns (cells, column roles), import_detect (header, roles, shape, time format),
// import_join (finish: levels, join with sites, series), import_report (the report as text and JSON).
#include "importer.hpp"

#include "csv_reader.hpp"
#include "geojson_common.hpp"
#include "quantity.hpp"
#include "import_state.hpp"
#include "json_reader.hpp"
#include "time_util.hpp"
#include "workbook.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace bk {

using namespace importer_detail;

// ---- [1] files and decoding -------------------------------------------------------------------------------------

// OpenStreetMap extracts (XML, PBF and their compressed forms) are for the converter, not for the importer: by
// content (an <osm> root, a PBF's OSMHeader block) or, for compressed ones, by name.
static bool looksLikeOsm(const std::string& name, std::string_view head) {
    std::string lower;
    for (char c : name) lower += char(std::tolower(static_cast<unsigned char>(c)));
    auto endsWith = [&](std::string_view e) { return lower.size() >= e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0; };
    for (std::string_view e : {".osm", ".osm.pbf", ".pbf", ".osm.gz", ".osm.bz2", ".o5m", ".osc", ".osc.gz"})
        if (endsWith(e)) return true;
    if (head.substr(0, 32).find("OSMHeader") != std::string_view::npos) return true;
    std::string_view start = head.substr(0, 1024);
    if (start.substr(0, 3) == "\xEF\xBB\xBF") start.remove_prefix(3);
    while (!start.empty() && std::isspace(static_cast<unsigned char>(start.front()))) start.remove_prefix(1);
    if (start.substr(0, 4) == "<osm") return true;
    return start.substr(0, 5) == "<?xml" && start.find("<osm") != std::string_view::npos;
}

void Importer::State::reject(const std::string& inFile, int64_t line, const std::string& column, std::string_view value,
                             std::string why) {
    ++rejectedTotal;
    if (report.rejected.size() < opt.maxReasons) {
        report.rejected.push_back({line, column, shorten(value), std::move(why)});
        report.rejectedFile.push_back(inFile);
    }
}

void Importer::State::startFile(const std::string& name) {
    static_cast<FileFields&>(*this) = FileFields{};  // the one place a file's fields are reset
    file = name;
    report.inputs.emplace_back();
    in = &report.inputs.back();
    in->file = name;
}

void Importer::State::failFile(const std::string& why) {
    fileFailed = true;
    report.notes.push_back(file + ": " + why);
    in->role = "unusable";
}

// The head is in: choose the encoding and delimiter, and start the CSV reader (which fills the sample first).
void Importer::State::startDecoding() {
    if (looksLikeOsm(file, raw)) {
        failFile("is OpenStreetMap data, which the page does not read directly: convert it once with bukchon-map "
                 "(bukchon-map " + file + " -o map.geojson, docs/map.md) and load the map.geojson it writes");
        return;
    }
    if (looksLikeWorkbook(file, raw)) {   // read whole at end() (import_workbook.cpp)
        workbook = true;
        workbookBytes = std::move(raw);
        raw.clear();
        return;
    }
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
    koreanEncoding = enc == TextEncoding::cp949;   // a hint at the zone, weaker than where the sensors stand
    csv = std::make_unique<CsvReader>(d, [this](const std::vector<std::string_view>& f, int64_t line) {
        return onRecord(f, line);
    });
    csv->feed(text);
}

bool Importer::State::onRecord(const std::vector<std::string_view>& fields, int64_t line) {
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

// ---- [2] rows ---------------------------------------------------------------------------------------------------

// A row is accepted when at least one of its readings is (a rejected value in it is still listed), rejected
// when none is.
void Importer::State::row(const std::vector<std::string_view>& f, int64_t line) {
    if (f.size() == 1 && trim(f[0]).empty()) return;
    if (sample.empty()) ++in->rowsRead;  // (sample rows are counted in analyse)
    int64_t acceptedBefore = in->rowsAccepted, rejectedBefore = rejectedTotal;
    rowBody(f, line);
    if (in->rowsAccepted == acceptedBefore && rejectedTotal > rejectedBefore) ++in->rowsRejected;
}

void Importer::State::rowBody(const std::vector<std::string_view>& f, int64_t line) {
    if (sitesFile) { siteRow(f, line); return; }

    if (!needed(f, line, timeCol, "time") || !needed(f, line, idCol, "sensor id")) return;
    std::string_view tText = field(f, timeCol);
    if (tText.empty()) { reject(file, line, cols[size_t(timeCol)].header, "", "no time"); return; }
    std::optional<int64_t> t, wall, later;  // wall: the time as written, when it has no offset
    if (hourCol >= 0) {
        // A date and a time of day: the wall time is their sum, read in the zone (a 25-hour day keeps its hours).
        if (!needed(f, line, hourCol, "time of day")) return;
        std::string_view hText = field(f, hourCol);
        auto day = parseTime(tText, timeFormat, TimeZone());
        if (!day || !isDateOnly(tText, timeFormat)) {
            reject(file, line, cols[size_t(timeCol)].header, tText, std::string("not a date in the column's format (") +
                                                                   timeFormatName(timeFormat) + ")");
            return;
        }
        auto ofDay = parseTimeOfDay(hText);
        if (!ofDay) {
            reject(file, line, cols[size_t(hourCol)].header, hText,
                   hText.empty() ? "no time of day" : "not a time of day (expected an hour 0–24, HH:MM or a range 00~01)");
            return;
        }
        wall = *day + *ofDay;
        timeText.assign(tText).append(" ").append(hText);  // for the report's messages: "2026-05-11 13"
        tText = timeText;
    } else if (!formatHasOffset(timeFormat)) {
        wall = parseTime(tText, timeFormat, TimeZone());
    } else {
        t = parseTime(tText, timeFormat, zone);
    }
    if (wall) t = fromWallClock(*wall, later);
    if (!t) {
        reject(file, line, cols[size_t(timeCol)].header, tText, std::string("not a time in the column's format (") +
                                                               timeFormatName(timeFormat) + ")");
        return;
    }
    std::string id;
    if (!wide) {
        if (idFromPosition) id.assign(field(f, latCol)).append(",").append(field(f, lonCol));
        else id = std::string(field(f, idCol));
        if (id.empty()) { reject(file, line, cols[size_t(idCol)].header, "", "no sensor id"); return; }
        double lat = NAN, lon = NAN;
        if (latCol >= 0) {
            if (!needed(f, line, latCol, "latitude") || !needed(f, line, lonCol, "longitude")) return;
            // Logs write "unknown" as blanks or 0,0: the row's readings count, its position does not (the sensor's
            // comes from its other rows or a sites file, and the report names the sensors that had 0,0).
            if (!(isMissing(field(f, latCol)) && isMissing(field(f, lonCol)))) {
                auto la = parseNumber(field(f, latCol)), lo = parseNumber(field(f, lonCol));
                swapIfReversed(id, la, lo);
                if (!la || *la < -90 || *la > 90) { reject(file, line, cols[size_t(latCol)].header, field(f, latCol), "not a latitude (a number from -90 to 90)"); return; }
                if (!lo || *lo < -180 || *lo > 180) { reject(file, line, cols[size_t(lonCol)].header, field(f, lonCol), "not a longitude (a number from -180 to 180)"); return; }
                if (*la == 0 && *lo == 0) noteZeroPosition(id);
                else {
                    lat = *la;
                    lon = *lo;
                }
            }
        }
        noteReadingSite(id, lat, lon, line, field(f, nameCol), field(f, typeCol));
    }
    bool any = false, conflict = false;
    int repeated = 0;
    for (int c : valueCols) {
        Column& col = cols[size_t(c)];
        std::string_view v = field(f, c);
        if (size_t(c) >= f.size() || isMissing(v)) {
            if (!wide && valueCols.size() == 1) {
                reject(file, line, col.header, v, size_t(c) >= f.size() ? "missing value (the row has " + std::to_string(f.size()) +
                                                                       " fields, expected " + std::to_string(cols.size()) + ")"
                                                                 : "no value");
                return;
            }
            continue;
        }
        std::string metric = col.metric, unit = col.unit;
        if (metricCol >= 0) {
            metric = std::string(field(f, metricCol));
            if (metric.empty()) { reject(file, line, cols[size_t(metricCol)].header, "", "no metric name"); return; }
            if (unitCol >= 0) unit = std::string(field(f, unitCol));
        }
        const std::string& sensorId = wide ? col.header : id;
        float value;
        if (!valueOf(metric, unit, col, v, line, value)) { if (!wide && valueCols.size() == 1) return; continue; }
        if (!addReading(sensorId, metric, *t, later, value, line, cols[size_t(timeCol)].header, tText)) {
            if (lastReadingRepeated) ++repeated;
            else conflict = true;
            if (!wide && valueCols.size() == 1) break;
            continue;
        }
        any = true;
    }
    if (any) ++in->rowsAccepted;
    else if (repeated > 0 && !conflict) {
        ++exactDuplicateRows;
        ++in->rowsSkipped;
        ++report.skippedDuplicates;
    }
}

std::string_view Importer::State::field(const std::vector<std::string_view>& f, int c) const {
    return c >= 0 && size_t(c) < f.size() ? trim(f[size_t(c)]) : std::string_view();
}

bool Importer::State::needed(const std::vector<std::string_view>& f, int64_t line, int c, const char* what) {
    if (c >= 0 && size_t(c) >= f.size()) {
        reject(file, line, cols[size_t(c)].header, "", "missing " + std::string(what) + " (the row has " +
                                                    std::to_string(f.size()) + " fields, expected " +
                                                    std::to_string(cols.size()) + ")");
        return false;
    }
    return true;
}

bool Importer::State::valueOf(const std::string& metric, const std::string& unit, const Column& col, std::string_view v, int64_t line, float& out) {
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
        if (!n) { reject(file, line, col.header, v, "not a number (the column holds numbers)"); return false; }
        out = float(*n);
        return true;
    }
    if (!m.fixed.empty()) {
        for (size_t i = 0; i < m.fixed.size(); ++i)
            if (m.fixed[i] == v || lower(m.fixed[i]) == lower(v)) { out = float(i); return true; }
        std::string list;
        for (auto& l : m.fixed) list += (list.empty() ? "" : ", ") + l;
        reject(file, line, col.header, v, "not one of the given levels (" + list + ")");
        return false;
    }
    std::string key(v);
    auto li = m.index.find(key);
    if (li == m.index.end()) {
        if (m.seen.size() >= 64) { reject(file, line, col.header, v, "too many different levels (more than 64)"); return false; }
        li = m.index.emplace(key, int(m.seen.size())).first;
        m.seen.push_back(key);
    }
    out = float(li->second);
    return true;
}

// A wall-clock time in the zone. In the hour repeated when clocks go back, `later` is set to its second instant
// (addReading takes it for a series whose time would otherwise step back). A time in the hour skipped when they go
// forward shows a logger that keeps standard time: the file is read at the offset before the change from there on
// (the readings before it read the same either way), so nothing collides or is lost, and endFileChecks says so.
int64_t Importer::State::fromWallClock(int64_t wall, std::optional<int64_t>& later) {
    if (zone.isFixed()) return zone.localToUtc(wall);
    if (standardTime) {
        TimeZone::WallTime w = zone.readWallClock(wall);
        skippedWallTimes += w.skipped;
        const int64_t utc = wall - int64_t(standardOffset) * 60000;
        report.movedStandardTime += utc != w.utc;
        return utc;
    }
    TimeZone::WallTime w = zone.readWallClock(wall);
    if (w.skipped) {
        ++skippedWallTimes;
        skippedFirst = wall;
        standardTime = true;
        standardOffset = w.offsetBefore;
        const int64_t utc = wall - int64_t(standardOffset) * 60000;
        report.movedStandardTime += utc != w.utc;
        return utc;
    }
    later = w.later;
    return w.utc;
}

bool Importer::State::addReading(const std::string& sensor, const std::string& metric, int64_t t,
                                  std::optional<int64_t> later, float value, int64_t line, const std::string& column,
                                  std::string_view timeText) {
    // One key buffer, reused: no allocation per reading.
    keyBuffer.assign(sensor);
    keyBuffer += '\x1f';
    keyBuffer += metric;
    size_t a;
    if (keyBuffer == lastKey) a = lastAcc;
    else {
        auto it = seriesIndex.find(keyBuffer);
        if (it == seriesIndex.end()) {
            it = seriesIndex.emplace(keyBuffer, series.size()).first;
            series.push_back(SeriesAcc{sensor, metric, file, {}, {}, true, line});
        }
        a = it->second;
        lastKey = keyBuffer;
        lastAcc = a;
    }
    SeriesAcc& s = series[a];
    // The repeated hour: a series whose time would step back (or stand still with another value) at a wall time that
    // exists twice has gone past the change; it takes the second instant, and keeps its order.
    if (later && s.count > 0 && t <= s.lastTime && *later > s.lastTime && !(t == s.lastTime && s.values.back() == value)) {
        if (repeatedHourReadings++ == 0) repeatedHourFirst = *later;
        ++report.movedRepeatedHour;
        t = *later;
    }
    if (s.count > 0) {
        int64_t last = s.lastTime;
        if (t == last) {
            // The same value again is a repeated row (common in exports): counted once per file, not listed. Another
            // value at the same time is a real conflict, and listed.
            const float kept = s.values.back();
            lastReadingRepeated = kept == value || (std::isnan(kept) && std::isnan(value));
            if (!lastReadingRepeated)
                reject(file, line, column, timeText, "duplicate time for sensor \"" + sensor + "\" (" + metric + "); the first reading is kept");
            return false;
        }
        if (t < last) {
            if (s.sorted && outOfOrderFirst.size() < 3)  // one note per file (endFileChecks): a count, the first few
                outOfOrderFirst.push_back(sensor + " (" + metric + ", line " + std::to_string(line) + ")");
            if (s.sorted) ++outOfOrderNoted;
            s.sorted = false;
        }
    }
    s.push(t, value);
    return true;
}

// A latitude beyond ±90 with a longitude that would be one (126.98, 37.58 in Seoul) is a pair written the wrong way
// round: read it swapped, and name the sensor in the report.
void Importer::State::swapIfReversed(const std::string& id, std::optional<double>& la, std::optional<double>& lo) {
    if (!la || !lo || std::fabs(*la) <= 90 || std::fabs(*la) > 180 || std::fabs(*lo) > 90) return;
    std::swap(*la, *lo);
    if (swappedSeen.insert(id).second) swappedSensors.push_back(id);
}

void Importer::State::siteRow(const std::vector<std::string_view>& f, int64_t line) {
    if (!needed(f, line, idCol, "sensor id") || !needed(f, line, latCol, "latitude") || !needed(f, line, lonCol, "longitude")) return;
    std::string id(field(f, idCol));
    if (id.empty()) { reject(file, line, cols[size_t(idCol)].header, "", "no sensor id"); return; }
    auto la = parseNumber(field(f, latCol)), lo = parseNumber(field(f, lonCol));
    swapIfReversed(id, la, lo);
    if (!la || *la < -90 || *la > 90) { reject(file, line, cols[size_t(latCol)].header, field(f, latCol), "not a latitude (a number from -90 to 90)"); return; }
    if (!lo || *lo < -180 || *lo > 180) { reject(file, line, cols[size_t(lonCol)].header, field(f, lonCol), "not a longitude (a number from -180 to 180)"); return; }
    if (sites.count(id)) { reject(file, line, cols[size_t(idCol)].header, id, "duplicate sensor id (the first row is kept)"); return; }
    SiteInfo site;
    if (*la == 0 && *lo == 0) noteZeroPosition(id);  // "unknown", not a place in the Gulf of Guinea
    else {
        site.lat = *la;
        site.lon = *lo;
    }
    site.name = std::string(field(f, nameCol));
    site.type = std::string(field(f, typeCol));
    site.unit = std::string(field(f, unitCol));
    site.file = file;
    site.line = line;
    sites.emplace(id, std::move(site));
    siteOrder.push_back(id);
    ++in->rowsAccepted;
}

void Importer::State::noteZeroPosition(const std::string& id) {
    if (zeroPositionSeen.insert(id).second) zeroPositionSensors.push_back(id);
}

void Importer::State::noteReadingSite(const std::string& id, double lat, double lon, int64_t line, std::string_view name, std::string_view type) {
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
void Importer::State::addGeoJson(const std::string& name, std::string_view bytes) {
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

void Importer::State::endFileChecks() {
    const int64_t repeats = exactDuplicateRows, outOfOrderSeries = outOfOrderNoted;
    const std::vector<std::string>& outOfOrderFirstSeen = outOfOrderFirst;
    const std::vector<std::string>& swapped = swappedSensors;
    const std::vector<std::string>& zero = zeroPositionSensors;
    if (!fileFailed && in && !swapped.empty()) {
        const std::string list = firstFew(swapped, swapped.size());
        report.notes.push_back(file + ": latitude and longitude the wrong way round (a latitude beyond ±90) for " +
                               std::to_string(swapped.size()) + (swapped.size() == 1 ? " sensor (" : " sensors (") + list +
                               "): read swapped");
    }
    if (fileFailed || !in) return;
    if (!zero.empty()) {
        const std::string list = firstFew(zero, zero.size());
        report.notes.push_back(file + ": 0,0 read as an unknown position for " + std::to_string(zero.size()) +
                               (zero.size() == 1 ? " sensor (" : " sensors (") + list + ")");
    }
    if (outOfOrderSeries > 0) {
        const std::string list = firstFew(outOfOrderFirstSeen, size_t(outOfOrderSeries));
        report.notes.push_back(file + ": time goes backwards in " + std::to_string(outOfOrderSeries) + " series (" + list +
                               "); " + (outOfOrderSeries == 1 ? "its" : "their") + " readings are sorted by time");
    }
    if (repeatedHourReadings > 0) {
        const int offset = zone.offsetAtUtc(repeatedHourFirst);
        const bool one = repeatedHourReadings == 1;
        report.notes.push_back(file + ": " + std::to_string(repeatedHourReadings) + (one ? " reading" : " readings") +
                               " in the hour " + zone.name() + " repeats when its clocks go back (from " +
                               formatIsoTime(repeatedHourFirst, offset) + ") " + (one ? "is" : "are") +
                               " read as its second pass, in the order written");
    }
    if (skippedWallTimes > 0) {
        const int a = std::abs(standardOffset);
        char fixed[8];
        std::snprintf(fixed, sizeof fixed, "%c%02d:%02d", standardOffset < 0 ? '-' : '+', a / 60, a % 60);
        const bool one = skippedWallTimes == 1;
        report.notes.push_back(file + ": " + std::to_string(skippedWallTimes) + (one ? " reading is" : " readings are") +
                               " at a time " + zone.name() + " skips when its clocks go forward (the first: " +
                               formatLocalDate(skippedFirst, 0).substr(4) + " " + formatLocalClock(skippedFirst, 0, false) +
                               "), so its logger keeps standard time: from there the file is read at " + fixed +
                               " as written, and no reading is lost; --timezone " + fixed + " reads all of it so");
    }
    if (repeats > 0)
        report.notes.push_back(file + ": " + std::to_string(repeats) +
                               (repeats == 1 ? " exact duplicate row skipped" : " exact duplicate rows skipped") +
                               " (the same sensor, time and values as a row kept)");
    if (in->role == "readings" && in->rowsAccepted == 0 && in->rowsRead > 0)
        report.notes.push_back(file + ": no row could be used");
}

// ---- [3] public API ---------------------------------------------------------------------------------------------

Importer::Importer(ImportOptions options) : s_(std::make_unique<State>()) {
    s_->opt = std::move(options);
    const char* given = s_->opt.zoneByPosition ? "position" : "option";
    if (s_->opt.zoneByPosition && (s_->opt.zone || !s_->opt.timeZone.empty()))
        s_->report.notes.push_back("times without a UTC offset are read in " +
                                   (s_->opt.zone ? s_->opt.zone->name() : s_->opt.timeZone) +
                                   ", the zone where the sensors stand; --timezone (or the import panel's time zone) "
                                   "sets another");
    if (s_->opt.zone) { s_->zone = *s_->opt.zone; s_->haveTimeZone = true; s_->report.zoneFrom = given; }
    else if (!s_->opt.timeZone.empty()) {
        if (auto z = TimeZone::parseFixed(s_->opt.timeZone)) { s_->zone = *z; s_->haveTimeZone = true; s_->report.zoneFrom = given; }
        else s_->report.fatal = "time zone \"" + s_->opt.timeZone + "\" is not understood (expected +09:00, UTC, UTC-5 … "
                                "or, on the command line, a zone name like Asia/Seoul)";
    }
    for (const auto& [metric, q] : s_->opt.quantities)
        if (!quantityFromFlag(q))
            s_->report.fatal = "quantity \"" + q + "\" for \"" + metric + "\" is not one of pm25, pm10, noise, fill, "
                               "occupancy, footfall, temperature, humidity, none";
}

Importer::~Importer() = default;

void Importer::begin(const std::string& fileName) { s_->startFile(fileName); }

void Importer::feed(std::string_view bytes) {
    State& s = *s_;
    if (s.fileFailed) return;
    if (s.workbook) { s.workbookBytes.append(bytes.data(), bytes.size()); return; }
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
    if (!s.fileFailed && !s.decoder && !s.workbook) {
        if (s.raw.empty()) { s.failFile("the file is empty"); return; }
        s.startDecoding();
    }
    if (s.fileFailed) return;
    if (s.workbook) {
        std::string bytes = std::move(s.workbookBytes);
        s.readWorkbookFile(bytes);
        return;
    }
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
        s.report.notes.push_back(s.file + ": " + std::to_string(s.in->invalidText) + (s.in->invalidText == 1 ? " byte sequence is" : " byte sequences are") + " not valid " +
                                 s.in->encoding + " and show as �");
    s.endFileChecks();
}

void Importer::add(const std::string& fileName, std::string_view bytes) {
    std::string_view head = bytes.substr(0, 4096);
    if (looksLikeWorkbook(fileName, head)) {   // read in place: no copy of the workbook's bytes
        begin(fileName);
        s_->readWorkbookFile(bytes);
        return;
    }
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

}  // namespace bk
