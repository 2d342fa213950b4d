// viewer_load.cpp — files in: staging, the size limit, reading the viewer's own binaries, and the swap to the new content.
#include "viewer.hpp"

#include "binary_format.hpp"
#include "derived_events.hpp"
#include "map_binary.hpp"
#include "opening_moment.hpp"
#include "time_util.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace bk {

namespace {
// The commit's phases, timed one after another into the viewer's record (getState().commitMs, the bench's breakdown).
class Laps {
public:
    // `fresh`: a new record (a commit starts); otherwise the phases follow the ones already there (the install).
    Laps(std::vector<std::pair<const char*, double>>& out, bool fresh) : out_(out) {
        if (fresh) out_.clear();
    }
    void lap(const char* phase) {
        const auto now = std::chrono::steady_clock::now();
        out_.emplace_back(phase, std::chrono::duration<double, std::milli>(now - last_).count());
        last_ = now;
    }
private:
    std::vector<std::pair<const char*, double>>& out_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// Where the sensors are: their whole box, unless a few strays (a wrong position in a log: a sensor in the ocean)
// stretch it to more than 4× the box of the middle 98 % (at least one point cut at each end); then that box, with a
// tenth of its size around it. The view frames it and the projection is centred on it (the strays stay reachable:
// panning is limited by all of them).
Bounds whereMostAre(const std::vector<Vec2>& points) {
    Bounds all;
    for (const Vec2& p : points) all.add(p);
    if (points.size() < 20) return all;
    std::vector<double> xs, ys;
    for (const Vec2& p : points) {
        xs.push_back(p.x);
        ys.push_back(p.y);
    }
    std::sort(xs.begin(), xs.end());
    std::sort(ys.begin(), ys.end());
    const size_t lo = std::max<size_t>(1, points.size() / 100), hi = points.size() - 1 - lo;
    Bounds middle;
    middle.add({xs[lo], ys[lo]});
    middle.add({xs[hi], ys[hi]});
    const Vec2 a = all.size(), m = middle.size();
    if (std::max(a.x, a.y) <= 4 * std::max(m.x, m.y)) return all;
    const double padX = m.x / 10, padY = m.y / 10;
    middle.add({middle.min.x - padX, middle.min.y - padY});
    middle.add({middle.max.x + padX, middle.max.y + padY});
    return middle;
}
}  // namespace

Viewer::Staged* Viewer::stageSlot(const std::string& kind) {
    // Only the viewer's own formats (and the report of the converter that made a recording): JSON datasets, logs,
    // OpenStreetMap and workbooks go through the tools module first (src/convert/, the file-kind table). A sensors
    // file has a slot only to be refused by name (or passed over beside a .bkr, which carries its own).
    return kind == "map" ? &map_ : kind == "sensors" ? &sensors_ : kind == "recording" ? &recording_
         : kind == "report" ? &report_ : nullptr;
}

void Viewer::stageFile(const std::string& kind, const std::string& fileName, std::string bytes) {
    Staged* slot = stageSlot(kind);
    if (!slot) return;
    slot->fileName = fileName;
    slot->bytes = std::move(bytes);
    slot->present = true;
}

char* Viewer::stageBuffer(const std::string& kind, const std::string& fileName, size_t length) {
    Staged* slot = stageSlot(kind);
    if (!slot) return nullptr;
    slot->fileName = fileName;
    slot->bytes = std::string();  // the last file's bytes go first: never two big files at once
    slot->bytes.resize(length);
    slot->present = true;
    return slot->bytes.data();
}

void Viewer::failLoad(std::string message, std::string report) {
    error_ = std::move(message);
    if (!report.empty()) importReport_ = std::move(report);
    map_ = sensors_ = recording_ = report_ = Staged{};
}

// The one size rule for a file (the page asks before it copies a file into the heap: bk_file_size_problem).
std::string Viewer::fileSizeProblem(const std::string& fileName, double bytes) const {
    if (bytes <= maxFileBytes_) return "";
    char msg[160];
    std::snprintf(msg, sizeof msg, "%s is %.1f MB; the limit is %.1f MB", fileName.c_str(), bytes / 1048576.0,
                  maxFileBytes_ / 1048576.0);
    return msg;
}

bool Viewer::commitStaged() {
    Laps laps(commitMs_, true);
    auto fail = [&](const LoadError& e) {
        error_ = e.describe();
        map_ = sensors_ = recording_ = report_ = Staged{};
        return false;
    };
    std::vector<const Staged*> all{&map_, &sensors_, &recording_};
    for (const Staged* f : all)
        if (f->present)
            if (std::string why = fileSizeProblem(f->fileName, double(f->bytes.size())); !why.empty())
                return fail(LoadError{f->fileName, 0, 0, "", why});
    // JSON forms are the tools module's to read (the "json" converter): the viewer links no JSON dataset reader
    // (decision 79), and says so by name rather than guessing.
    auto notOwn = [&](const Staged& f, const char* expected) {
        return fail(LoadError{f.fileName, 0, 0, "", std::string("not ") + expected +
                              "; the viewer reads .bkr and .bkm, and JSON datasets are converted first (the page does it; "
                              "bukchon-convert and bukchon-map on a computer)"});
    };
    if (map_.present && !looksLikeBinaryMap(map_.bytes)) return notOwn(map_, "a binary map (.bkm)");
    if (recording_.present && !looksLikeBinaryRecording(recording_.bytes))
        return notOwn(recording_, "a binary recording (.bkr)");
    if (sensors_.present && !recording_.present)
        return notOwn(sensors_, "a binary recording (.bkr, sensors inside)");
    MapData mapData;
    if (map_.present) {
        auto map = loadBinaryMap(map_.bytes, map_.fileName);
        if (!map) return fail(map.error());
        mapData = std::move(map.value());
        laps.lap("readMap");
    }
    // A map alone, over data already shown: the data stays, the map changes (a city's streets or boundaries
    // dropped on its imported sensors replace the neutral grid).
    if (map_.present && !recording_.present && content_) {
        map_ = report_ = Staged{};
        return install(std::move(content_->dataset), mapData);  // (the last import's report stays as it was)
    }
    if (!recording_.present)
        return fail(LoadError{"", 0, 0, "", "a dataset needs a recording (or a log of readings to import)"});
    // A binary recording carries its own sensors (a sensors file alongside is not needed and not used).
    auto dataset = loadBinaryRecording(recording_.bytes, recording_.fileName);
    if (!dataset) return fail(dataset.error());
    if (dataset->sensors.empty()) return fail(LoadError{recording_.fileName, 0, 0, "sensors", "no sensors in the file"});
    laps.lap("readRecording");
    // A recording the tools module made from logs comes with the importer's report (getState().import).
    importReport_ = report_.present ? std::move(report_.bytes) : std::string();
    return install(std::move(dataset.value()), mapData);
}

std::string Viewer::savedRecording() const { return content_ ? writeBinaryRecording(content_->dataset) : std::string(); }
std::string Viewer::savedMap() const {
    return content_ && !content_->mapData.features.empty() ? writeBinaryMap(content_->mapData) : std::string();
}

void Viewer::restyle() {
    if (!content_) return;
    content_->glyphStyles = glyphStyles(content_->dataset);
    ++stylesVersion_;
    content_->typeCounts.fill(0);
    content_->levelSwatchSensor = -1;
    for (size_t i = 0; i < content_->glyphStyles.size(); ++i) {
        const GlyphStyle& style = content_->glyphStyles[i];
        ++content_->typeCounts[size_t(style.type)];
        if (content_->levelSwatchSensor < 0 && style.bands == Bands::namedLevels) content_->levelSwatchSensor = int(i);
    }
    for (uint32_t i : content_->quality.sensorsAffected) content_->glyphStyles[i].qualityIssue = true;
    filterPlan_ = FilterPlan(content_->dataset, filters_);  // which series each clause reads follows the types
}

std::string Viewer::metricInForce() const {
    if (!content_ || metric_.empty()) return "";
    for (const auto& [name, n] : content_->metricChoices)
        if (name == metric_) return metric_;
    return "";
}

void Viewer::setMetric(const std::string& metric) {
    metric_ = metric;
    if (!content_) return;
    Content& c = *content_;
    if (!chooseMetric(c.dataset, c.metricDefaults, metric)) chooseMetric(c.dataset, c.metricDefaults, "");
    // What follows from the driving series: glyph styles, the KPIs' index, the sampled values.
    c.kpiIndex = std::make_unique<KpiIndex>(c.dataset, eventRules_);
    restyle();
    resetSamplers();
}

// New thresholds: the events found in the data again (the recording's own stay), and what counts or draws them:
// the full level (glyph styles), the collection (a bin log's emptyings are its trips), the KPIs' index, the routes.
void Viewer::setEventRules(const EventRules& rules) {
    eventRules_ = rules;
    if (!content_) return;
    Content& c = *content_;
    c.dataset.events.erase(std::remove_if(c.dataset.events.begin(), c.dataset.events.end(),
                                          [](const Event& e) { return e.derived; }),
                           c.dataset.events.end());
    addDerivedEvents(c.dataset, c.quality, eventRules_);
    c.collection = planCollection(c.dataset, c.mapData, c.projection, c.positions);
    c.kpiIndex = std::make_unique<KpiIndex>(c.dataset, eventRules_);
    for (Pane& pane : panes_) pane.routeKeyDay = -1;
    restyle();
    ++dataVersion_;  // the page's cached event list and sensor facts are read again
}

// The panes' samplers on the data: the second only in a comparison (its per-sensor segments are 80 bytes a sensor).
void Viewer::resetSamplers() {
    panes_[0].sampler.reset(&content_->dataset);
    if (compareBy_ != CompareBy::off) panes_[1].sampler.reset(&content_->dataset);
    else panes_[1].sampler = Sampler();
}

bool Viewer::install(Dataset dataset, const MapData& mapData) {
    Laps laps(commitMs_, false);
    auto next = std::make_unique<Content>();
    next->dataset = std::move(dataset);
    // The projection origin sits at the middle of the sensors, so float precision is best where the data is.
    std::vector<Vec2> lonLat;
    lonLat.reserve(next->dataset.sensors.size());
    next->positions.reserve(next->dataset.sensors.size());
    for (const Sensor& s : next->dataset.sensors) lonLat.push_back({s.position.lon, s.position.lat});
    const Bounds geo = whereMostAre(lonLat);
    next->extentLonLat = geo;
    next->projection = Projection({geo.center().y, geo.center().x});
    Bounds all;
    for (const Sensor& s : next->dataset.sensors) {
        next->positions.push_back(next->projection.toLocal(s.position));
        all.add(next->positions.back());
    }
    next->sensorBounds = whereMostAre(next->positions);
    laps.lap("positions");
    // A city without a map file gets the neutral basemap: a graticule around its sensors (and a scale bar).
    // At least 600 m across, so one sensor (or a few metres of them) still has a street's worth of room around it.
    if (mapData.features.empty()) {
        Bounds area = next->sensorBounds;
        const double half = 300.0 / next->projection.groundMetresPerUnit();
        const Vec2 c = area.center();
        area.add({c.x - half, c.y - half});
        area.add({c.x + half, c.y + half});
        next->mesh = buildGraticule(area, next->projection, &next->graticuleStepDeg);
    } else {
        next->mesh = buildMapMesh(mapData, next->projection);
    }
    next->bounds = all;
    if (!next->mesh.bounds.empty()) {
        next->bounds.add(next->mesh.bounds.min);
        next->bounds.add(next->mesh.bounds.max);
    }
    laps.lap("mesh");
    // The quality view's gaps are also events (a sensor gone silent), and every event found in the readings is in
    // before anything that counts or routes them: a bin log's emptyings are its collections.
    next->quality = checkQuality(next->dataset);
    laps.lap("quality");
    addDerivedEvents(next->dataset, next->quality, eventRules_);
    laps.lap("events");
    next->collection = planCollection(next->dataset, mapData, next->projection, next->positions);
    laps.lap("collection");
    next->metricDefaults = metricDefaults(next->dataset);
    next->metricChoices = metricChoices(next->dataset);
    if (!metric_.empty()) chooseMetric(next->dataset, next->metricDefaults, metric_);  // kept across loads
    laps.lap("metrics");
    next->kpiIndex = std::make_unique<KpiIndex>(next->dataset, eventRules_);
    laps.lap("kpiIndex");
    next->mapData = mapData;
    next->mapName = mapData.name;
    next->mapNameKo = mapData.nameKo;
    next->mapAttribution = mapData.attribution;
    next->mapFeatures = mapData.features.size();
    for (Pane& pane : panes_) pane.routeKeyDay = -1;
    ++mapVersion_;
    content_ = std::move(next);
    placeNames_.clear();  // this map's names, then the files the page added for its languages
    placeNames_.addFromMap(content_->mapData);
    for (const auto& [language, records] : placeNameFiles_) placeNames_.add(language, records);
    laps.lap("swap");
    restyle();
    laps.lap("restyle");
    ++dataVersion_;
    map_ = sensors_ = recording_ = report_ = Staged{};
    error_.clear();
    resetSamplers();
    clock_.setRange(content_->dataset.startMs, content_->dataset.endMs);
    clock_.seek(double(openingMomentMs(content_->dataset)));  // a moment worth showing; t= and stories seek after
    selected_ = hovered_ = -1;
    viewFitted_ = false;
    laps.lap("samplers");
    return true;
}

void Viewer::addPlaceNames(const std::string& language, std::string_view records) {
    placeNames_.add(language, records);
    placeNameFiles_.emplace_back(language, std::string(records));
}

}  // namespace bk
