// converter.cpp — the converters behind converter.hpp: JSON datasets → .bkr/.bkm (the JSON readers), logs → .bkr (the
// importer), OpenStreetMap → .bkm (mapgen).
#include "converter.hpp"

#include "binary_format.hpp"
#include "dataset.hpp"
#include "file_kinds.hpp"
#include "importer.hpp"
#include "map_binary.hpp"
#include "map_builder.hpp"
#include "map_writer.hpp"
#include "osm_reader.hpp"
#include "sensors.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace bk {

namespace {

using Json = nlohmann::json;

// A conversion that could not start (an unknown converter): its finish() says why.
class Refused : public Conversion {
public:
    explicit Refused(std::string why) : why_(std::move(why)) {}
    bool step(double) override { return true; }
    double progress() const override { return 1; }
    std::string stage() const override { return "refused"; }
    Converted finish() override { Converted c; c.error = why_; return c; }
private:
    std::string why_;
};

// ---- a JSON dataset → the viewer's binary formats --------------------------------------------------------------

// map.geojson → .bkm, sensors.geojson + recording.json → .bkr (either or both), one file a step; an error is the
// reader's own (file, line, field, what was expected). The viewer reads only the binaries (decision 79).
class JsonConversion : public Conversion {
public:
    JsonConversion(std::vector<ConvertFile> files, const Json& options) {
        Json kinds = options.value("kinds", Json::array());
        if (!kinds.is_array()) kinds = Json::array();
        for (size_t i = 0; i < files.size(); ++i) {
            std::string kind = i < kinds.size() && kinds[i].is_string() ? kinds[i].get<std::string>()
                                                                         : classifyFile(files[i].name, files[i].bytes.substr(0, 4096)).name;
            const int part = kind == "map" ? kMap : kind == "sensors" ? kSensors : kind == "recording" ? kRecording : -1;
            if (part < 0) {
                why_ = files[i].name + ": not part of a JSON dataset (map.geojson, sensors.geojson, recording.json)";
                continue;
            }
            if (present_[part]) {
                why_ = files[i].name + " and " + parts_[part].name + ": two " + kind + " files; a dataset has one";
                continue;
            }
            parts_[part] = std::move(files[i]);
            present_[part] = true;
            ++total_;
        }
        if (why_.empty() && present_[kSensors] != present_[kRecording])
            why_ = "a dataset needs a sensors file and a recording file (or a log of readings to import)";
        if (!why_.empty()) total_ = 0;
    }
    bool step(double) override {
        if (!why_.empty() || done_ == total_) return true;
        if (present_[kMap] && !mapRead_) convertMap();
        else if (present_[kSensors] && !sensorsRead_) readSensors();
        else convertRecording();
        ++done_;
        if (!out_.error.empty()) why_ = out_.error;
        return !why_.empty() || done_ == total_;
    }
    double progress() const override { return total_ ? double(done_) / total_ : 1; }
    std::string stage() const override { return why_.empty() && done_ < total_ ? "reading" : "done"; }
    Converted finish() override {
        while (!step(0)) {}
        if (!why_.empty()) { Converted c; c.error = why_; return c; }
        out_.report = report_.dump();
        return std::move(out_);
    }

private:
    void convertMap() {
        auto map = loadMap(map_.bytes, map_.name);
        map_.bytes = std::string();
        mapRead_ = true;
        if (!map) { out_.error = map.error().describe(); return; }
        out_.map = writeBinaryMap(map.value());
        report_["map"] = {{"file", map_.name}, {"features", map->features.size()}, {"bytes", out_.map.size()}};
        out_.text += map_.name + ": " + std::to_string(map->features.size()) + " map features\n";
    }
    void readSensors() {
        auto sensors = loadSensors(sensors_.bytes, sensors_.name);
        sensors_.bytes = std::string();
        sensorsRead_ = true;
        if (!sensors) { out_.error = sensors.error().describe(); return; }
        sensorList_ = std::move(sensors.value());
    }
    void convertRecording() {
        auto dataset = loadRecording(recording_.bytes, recording_.name, std::move(sensorList_));
        recording_.bytes = std::string();
        if (!dataset) { out_.error = dataset.error().describe(); return; }
        if (dataset->sensors.empty()) {
            out_.error = LoadError{sensors_.name, 0, 0, "features", "no sensors in the file"}.describe();
            return;
        }
        out_.recording = writeBinaryRecording(dataset.value());
        report_["recording"] = {{"files", {sensors_.name, recording_.name}}, {"sensors", dataset->sensors.size()},
                                {"readings", dataset->readingCount()}, {"bytes", out_.recording.size()}};
        out_.text += recording_.name + ": " + std::to_string(dataset->sensors.size()) + " sensors, " +
                     std::to_string(dataset->readingCount()) + " readings\n";
    }

    enum { kMap, kSensors, kRecording };
    ConvertFile parts_[3];
    bool present_[3] = {false, false, false};
    ConvertFile &map_ = parts_[kMap], &sensors_ = parts_[kSensors], &recording_ = parts_[kRecording];
    std::vector<Sensor> sensorList_;
    bool mapRead_ = false, sensorsRead_ = false;
    Json report_ = {{"kind", "json"}};
    Converted out_;
    std::string why_;
    size_t total_ = 0, done_ = 0;
};

// ---- logs → a binary recording -------------------------------------------------------------------------------

ImportOptions importOptions(const Json& options, const ConvertHooks& hooks) {
    ImportOptions out;
    const Json zone = options.value("timeZone", Json());
    if (zone.is_string()) out.timeZone = zone.get<std::string>();
    else out.zone = zoneFromJson(zone);
    if (out.timeZone.empty() && !out.zone) out.zoneAt = hooks.zoneAt;
    out.zoneByPosition = options.value("zoneByPosition", false);
    if (options.contains("title") && options["title"].is_string()) out.title = options["title"].get<std::string>();
    if (options.contains("sheet") && options["sheet"].is_string()) out.sheet = options["sheet"].get<std::string>();
    return out;
}

class ImportConversion : public Conversion {
public:
    ImportConversion(std::vector<ConvertFile> files, const Json& options, const ConvertHooks& hooks)
        : files_(std::move(files)), options_(importOptions(options, hooks)) {}
    bool step(double) override { run(); return true; }
    double progress() const override { return done_ ? 1 : 0; }
    std::string stage() const override { return done_ ? "done" : "importing"; }
    Converted finish() override { run(); return std::move(out_); }

private:
    void run() {
        if (done_) return;
        done_ = true;
        Importer importer(options_);
        std::string names;
        for (ConvertFile& f : files_) {
            importer.add(f.name, f.bytes);
            names += (names.empty() ? "" : ", ") + f.name;
            f.bytes = std::string();   // the importer has what it keeps: the file's bytes go first
        }
        ImportResult result = importer.finish();
        out_.report = result.report.json();
        out_.text = result.report.text();
        if (!result.dataset) {
            // One file the importer could not read at all (an old .xls, a password, no time column): its own words
            // say what to do, better than "no readings table".
            std::string why = result.report.fatal;
            const auto& inputs = result.report.inputs;
            if (inputs.size() == 1 && inputs[0].role == "unusable")
                for (const std::string& note : result.report.notes)
                    if (note.rfind(inputs[0].file + ": ", 0) == 0) { why = note.substr(inputs[0].file.size() + 2); break; }
            out_.error = names + ": nothing imported: " + why;
            return;
        }
        out_.recording = writeBinaryRecording(*result.dataset);
    }
    std::vector<ConvertFile> files_;
    ImportOptions options_;
    bool done_ = false;
    Converted out_;
};

// ---- OpenStreetMap → a binary map ------------------------------------------------------------------------------

class OsmConversion : public Conversion {
public:
    OsmConversion(ConvertFile file, MapBuildOptions options, size_t maxBytes)
        : name_(file.name), options_(std::move(options)), reader_(std::move(file.bytes), file.name, maxBytes) {}
    bool step(double budgetMs) override { return reader_.step(budgetMs); }
    double progress() const override { return 0.9 * reader_.progress(); }   // the last tenth: building the map
    std::string stage() const override { return reader_.progress() < 1 ? "reading" : "building"; }
    Converted finish() override {
        Converted out;
        auto osm = reader_.finish();
        if (!osm) { out.error = osm.error().describe(); return out; }
        MapBuildStats stats;
        MapData map = buildMapFromOsm(osm.value(), options_, &stats);
        out.mapGeoJson = writeMapGeoJson(map);
        // Round trip through the viewer's own loader: never give a map the viewer would reject.
        auto check = loadMap(out.mapGeoJson, name_);
        if (!check) {
            out.error = name_ + ": the map made from it does not load: " + check.error().describe();
            out.mapGeoJson.clear();
            return out;
        }
        out.map = writeBinaryMap(check.value());
        Json report = {{"kind", "osm"}, {"file", name_}, {"roads", stats.roads}, {"paths", stats.paths},
                       {"areas", stats.areas}, {"walls", stats.walls}, {"pois", stats.pois}, {"places", stats.places},
                       {"blocks", stats.blocks}, {"features", map.features.size()}, {"bytes", out.map.size()},
                       {"droppedByRounding", stats.droppedByRounding}};
        if (options_.hasBbox)
            report["bbox"] = {options_.bboxMin.lon, options_.bboxMin.lat, options_.bboxMax.lon, options_.bboxMax.lat};
        out.report = report.dump();
        char text[400];
        std::snprintf(text, sizeof text,
                      "%zu roads, %zu paths, %zu areas, %zu walls, %zu points of interest, %zu places, %zu blocks "
                      "(%zu tiny, %zu sliver, %zu open faces dropped; %zu lines or areas collapsed by the 6-decimal "
                      "rounding)",
                      stats.roads, stats.paths, stats.areas, stats.walls, stats.pois, stats.places, stats.blocks,
                      stats.droppedTinyFaces, stats.droppedSliverFaces, stats.droppedOpenFaces, stats.droppedByRounding);
        out.text = text;
        return out;
    }

private:
    std::string name_;
    MapBuildOptions options_;
    OsmReader reader_;
};

bool lonLat(const Json& v, LatLon& out) {
    if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number()) return false;
    out = {v[1].get<double>(), v[0].get<double>()};
    return out.lat >= -90 && out.lat <= 90 && out.lon >= -180 && out.lon <= 180;
}

}  // namespace

MapBuildOptions mapBuildOptionsFromJson(const nlohmann::json& o) {
    MapBuildOptions out;
    const Json bbox = o.value("bbox", Json());
    if (bbox.is_array() && bbox.size() == 4 && bbox[0].is_number() && bbox[1].is_number() && bbox[2].is_number() &&
        bbox[3].is_number()) {
        out.bboxMin = {bbox[1].get<double>(), bbox[0].get<double>()};
        out.bboxMax = {bbox[3].get<double>(), bbox[2].get<double>()};
        out.hasBbox = out.bboxMin.lon < out.bboxMax.lon && out.bboxMin.lat < out.bboxMax.lat;
    }
    // The sensors' extent: the map is cut to it with a margin of a quarter of its larger side, at least 300 m, so
    // the streets around the outermost sensors are there and a city's whole country is not.
    const Json around = o.value("around", Json());
    if (!out.hasBbox && around.is_array() && around.size() == 4 && around[0].is_number() && around[1].is_number() &&
        around[2].is_number() && around[3].is_number()) {
        const double w = around[0].get<double>(), s = around[1].get<double>(), e = around[2].get<double>(),
                     n = around[3].get<double>();
        if (w <= e && s <= n && s >= -90 && n <= 90) {
            constexpr double kMetresPerDegree = 111320.0;
            const double coslat = std::max(0.05, std::cos((s + n) / 2 * 3.14159265358979 / 180));
            const double widthM = (e - w) * kMetresPerDegree * coslat, heightM = (n - s) * kMetresPerDegree;
            const double marginM = std::max(300.0, 0.25 * std::max(widthM, heightM));
            out.bboxMin = {std::max(-90.0, s - marginM / kMetresPerDegree), std::max(-180.0, w - marginM / (kMetresPerDegree * coslat))};
            out.bboxMax = {std::min(90.0, n + marginM / kMetresPerDegree), std::min(180.0, e + marginM / (kMetresPerDegree * coslat))};
            out.hasBbox = true;
        }
    }
    out.name = o.value("name", "");
    out.nameKo = o.value("nameKo", "");
    out.snapshot = o.value("date", "");
    out.blocks = o.value("blocks", true);
    if (o.contains("languages") && o["languages"].is_array()) out.languages.clear();  // given: exactly these
    if (o.contains("languages") && o["languages"].is_array())
        for (const Json& l : o["languages"])
            if (l.is_string()) out.languages.push_back(l.get<std::string>());
    if (o.contains("extras") && o["extras"].is_array())
        for (const Json& e : o["extras"]) {
            MapFeature f;
            LatLon at;
            if (!e.is_object() || !lonLat(e.value("at", Json()), at)) continue;
            f.points.push_back(at);
            const std::string kind = e.value("kind", "");
            if (kind == "depot") {
                f.kind = MapKind::depot;
                f.nameEn = e.value("en", "Collection depot (assumed)");
                f.nameKo = e.value("ko", "수거 차고지(가정)");
            } else if (kind == "label") {
                f.kind = MapKind::landmark;
                f.cls = "label";
                f.nameEn = e.value("en", "");
                f.nameKo = e.value("ko", "");
            } else continue;
            out.extras.push_back(std::move(f));
        }
    return out;
}

std::optional<TimeZone> zoneFromJson(const Json& zone) {
    if (zone.is_string()) return TimeZone::parseFixed(zone.get<std::string>());
    if (!zone.is_object() || zone.value("name", "").empty() || !zone.contains("transitions") || !zone["transitions"].is_array())
        return std::nullopt;
    // A named zone's transitions, computed by the page (the browser knows the zone rules; wasm has no tz database).
    std::vector<std::pair<int64_t, int>> transitions;
    for (const Json& t : zone["transitions"])
        if (t.is_array() && t.size() == 2 && t[0].is_number() && t[1].is_number())
            transitions.push_back({t[0].get<int64_t>(), t[1].get<int>()});
    return TimeZone::fromTransitions(zone.value("name", ""), zone.value("initial", 0), std::move(transitions));
}

std::unique_ptr<Conversion> startOsmConversion(ConvertFile file, MapBuildOptions options, size_t maxBytes) {
    return std::make_unique<OsmConversion>(std::move(file), std::move(options), maxBytes);
}

std::unique_ptr<Conversion> startConversion(std::string_view converter, std::vector<ConvertFile> files,
                                            const nlohmann::json& options, const ConvertHooks& hooks) {
    const Json o = options.is_object() ? options : Json::object();
    if (files.empty()) return std::make_unique<Refused>("no file to convert");
    if (converter == "json") return std::make_unique<JsonConversion>(std::move(files), o);
    if (converter == "import") return std::make_unique<ImportConversion>(std::move(files), o, hooks);
    if (converter == "osm") {
        if (files.size() != 1) return std::make_unique<Refused>("an OpenStreetMap map is made from one extract at a time");
        // Decompressed, a page takes four times the dropped size at most (docs/your-city.md, "Limits").
        const size_t limit = size_t(4 * findFileKind("osm")->pageLimitBytes);
        MapBuildOptions mapOptions = mapBuildOptionsFromJson(o);
        mapOptions.sourceNote = files[0].name;   // the attribution names the extract
        return startOsmConversion(std::move(files[0]), std::move(mapOptions), limit);
    }
    return std::make_unique<Refused>("no converter called \"" + std::string(converter) + "\"");
}

Converted convertAll(std::string_view converter, std::vector<ConvertFile> files, const nlohmann::json& options) {
    auto c = startConversion(converter, std::move(files), options);
    return c->finish();
}

}  // namespace bk
