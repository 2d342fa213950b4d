// app.cpp — load/commit, intent handling, per-frame sampling and drawing, and the state snapshot for JS.
#include "app.hpp"

#include "bidi_text.hpp"
#include "binary_format.hpp"
#include "daylight.hpp"
#include "importer.hpp"
#include "json_reader.hpp"
#include "time_util.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <unordered_set>

namespace bk {

bool App::initGraphics(std::string* error) {
    if (!mapLayer_.init(error)) return false;
    if (!routeLayer_.init(error)) return false;
    if (!heatmapLayer_.init(error)) return false;
    routeKeyDay_ = -1;
    if (!glyphLayer_.init(error)) return false;
    if (!densityLayer_.init(error)) return false;
    if (!mapCache_.init(error)) return false;
    if (content_) meshDirty_ = true;
    return true;
}

void App::stageFile(const std::string& kind, const std::string& fileName, std::string bytes) {
    if (kind == "table") {
        tables_.push_back(Staged{fileName, std::move(bytes), true});
        return;
    }
    Staged* slot = kind == "map" ? &map_ : kind == "sensors" ? &sensors_ : kind == "recording" ? &recording_ : nullptr;
    if (!slot) return;
    slot->fileName = fileName;
    slot->bytes = std::move(bytes);
    slot->present = true;
}

bool App::commitStaged() {
    auto fail = [&](const LoadError& e) {
        error_ = e.describe();
        map_ = sensors_ = recording_ = Staged{};
        tables_.clear();
        return false;
    };
    std::vector<const Staged*> all{&map_, &sensors_, &recording_};
    for (const Staged& t : tables_) all.push_back(&t);
    for (const Staged* f : all) {
        if (f->present && double(f->bytes.size()) > maxFileBytes_) {
            char msg[160];
            std::snprintf(msg, sizeof msg, "%s is %.1f MB; the limit is %.1f MB", f->fileName.c_str(),
                          double(f->bytes.size()) / 1048576.0, maxFileBytes_ / 1048576.0);
            return fail(LoadError{f->fileName, 0, 0, "", msg});
        }
    }
    MapData mapData;
    if (map_.present) {
        auto map = loadMap(map_.bytes, map_.fileName);
        if (!map) return fail(map.error());
        mapData = std::move(map.value());
    }
    // A map alone, over data already shown: the data stays, the map changes (a city's streets or boundaries
    // dropped on its imported sensors replace the neutral grid).
    if (map_.present && !sensors_.present && !recording_.present && tables_.empty() && content_) {
        map_ = Staged{};
        return install(std::move(content_->dataset), mapData);  // (the last import's report stays as it was)
    }
    if (!tables_.empty()) {
        if (recording_.present) return fail(LoadError{recording_.fileName, 0, 0, "", "load a recording or tables to import, not both"});
        return commitImport(std::move(mapData));
    }
    // A binary recording carries its own sensors (a sensors file alongside is not needed and not used).
    if (recording_.present && looksLikeBinaryRecording(recording_.bytes)) {
        auto dataset = loadBinaryRecording(recording_.bytes, recording_.fileName);
        if (!dataset) return fail(dataset.error());
        if (dataset->sensors.empty()) return fail(LoadError{recording_.fileName, 0, 0, "sensors", "no sensors in the file"});
        importReport_.clear();
        return install(std::move(dataset.value()), mapData);
    }
    if (!sensors_.present || !recording_.present) {
        return fail(LoadError{"", 0, 0, "", "a dataset needs a sensors file and a recording file (or a table of readings to import)"});
    }
    auto sensors = loadSensors(sensors_.bytes, sensors_.fileName);
    if (!sensors) return fail(sensors.error());
    auto dataset = loadRecording(recording_.bytes, recording_.fileName, std::move(sensors.value()));
    if (!dataset) return fail(dataset.error());
    if (dataset->sensors.empty()) return fail(LoadError{sensors_.fileName, 0, 0, "features", "no sensors in the file"});
    importReport_.clear();
    return install(std::move(dataset.value()), mapData);
}

bool App::commitImport(MapData mapData) {
    ImportOptions options;
    std::string zoneSpec = importTimeZone_;
    if (!zoneSpec.empty() && zoneSpec[0] == '{') {
        // A named zone's transitions, computed by the page (the browser knows the zone rules; wasm has no tz database).
        Json z = Json::parse(zoneSpec, nullptr, false);
        if (z.is_object() && z.value("name", "").size() > 0 && z["transitions"].is_array()) {
            std::vector<std::pair<int64_t, int>> transitions;
            for (const Json& t : z["transitions"])
                if (t.is_array() && t.size() == 2 && t[0].is_number() && t[1].is_number())
                    transitions.push_back({t[0].get<int64_t>(), t[1].get<int>()});
            options.zone = TimeZone::fromTransitions(z.value("name", ""), z.value("initial", 0), std::move(transitions));
        }
    } else options.timeZone = zoneSpec;
    Importer importer(options);
    for (const Staged& t : tables_) importer.add(t.fileName, t.bytes);
    if (sensors_.present) importer.add(sensors_.fileName, sensors_.bytes);
    ImportResult result = importer.finish();
    importReport_ = result.report.json();
    std::vector<std::string> names;
    for (const Staged& t : tables_) names.push_back(t.fileName);
    map_ = sensors_ = recording_ = Staged{};
    tables_.clear();
    if (!result.dataset) {
        std::string files;
        for (const std::string& n : names) files += (files.empty() ? "" : ", ") + n;
        error_ = files + ": nothing imported: " + result.report.fatal;
        return false;
    }
    return install(std::move(*result.dataset), mapData);
}

bool App::install(Dataset dataset, const MapData& mapData) {
    auto next = std::make_unique<Content>();
    next->dataset = std::move(dataset);
    // The projection origin sits at the middle of the sensors, so float precision is best where the data is.
    Bounds geo;
    for (const Sensor& s : next->dataset.sensors) geo.add({s.position.lon, s.position.lat});
    next->projection = Projection({geo.center().y, geo.center().x});
    for (const Sensor& s : next->dataset.sensors) {
        next->positions.push_back(next->projection.toLocal(s.position));
        next->sensorBounds.add(next->positions.back());
    }
    // A city without a map file gets the neutral basemap: a graticule around its sensors (and a scale bar).
    if (mapData.features.empty()) next->mesh = buildGraticule(next->sensorBounds, next->projection, &next->graticuleStepDeg);
    else next->mesh = buildMapMesh(mapData, next->projection);
    next->bounds = next->sensorBounds;
    if (!next->mesh.bounds.empty()) {
        next->bounds.add(next->mesh.bounds.min);
        next->bounds.add(next->mesh.bounds.max);
    }
    next->collection = planCollection(next->dataset, mapData, next->projection, next->positions);
    next->kpiIndex = std::make_unique<KpiIndex>(next->dataset);
    next->glyphStyles = glyphStyles(next->dataset);
    next->mapName = mapData.name;
    next->mapNameKo = mapData.nameKo;
    next->mapAttribution = mapData.attribution;
    next->mapFeatures = mapData.features.size();
    routeKeyDay_ = -1;
    content_ = std::move(next);
    ++dataVersion_;
    map_ = sensors_ = recording_ = Staged{};
    tables_.clear();
    error_.clear();
    sampler_.reset(&content_->dataset);
    clock_.setRange(content_->dataset.startMs, content_->dataset.endMs);
    selected_ = hovered_ = -1;
    meshDirty_ = true;
    viewFitted_ = false;
    return true;
}

// Zooming in stops at about 6 CSS px per ground metre: alley level, where a hanok is ~100 px wide.
double App::maxPixelsPerUnit() const {
    return content_ ? 6.0 * scale_ / content_->projection.groundMetresPerUnit() : 1.0;
}

void App::fitView() {
    if (!content_) return;
    camera_.setLimits(content_->bounds, maxPixelsPerUnit());
    // Frame the sensors (the subject) with ~120 m of context, leaving room for the panels.
    Bounds area = content_->sensorBounds;
    double pad = 120.0 / content_->projection.groundMetresPerUnit();
    area.add({area.min.x - pad, area.min.y - pad});
    area.add({area.max.x + pad, area.max.y + pad});
    const Rect& free = layout_.map;
    camera_.fit(area, {free.x, free.y, camera_.viewportWidth() - free.right(), camera_.viewportHeight() - free.bottom()});
    flight_.active = false;
    viewFitted_ = true;
    userMovedView_ = false;
}

void App::applyIntents() {
    std::vector<Intent> pending;
    pending.swap(intents_);
    for (const Intent& i : pending) apply(i);
}

void App::apply(const Intent& i) {
    switch (i.kind) {
        case Intent::play: clock_.play(); break;
        case Intent::pause: clock_.pause(); break;
        case Intent::togglePlay: clock_.playing() ? clock_.pause() : clock_.play(); break;
        case Intent::seek: clock_.seek(i.x); break;
        case Intent::setSpeed: clock_.setSpeed(i.x); break;
        case Intent::setLoop: clock_.setLoop(i.x != 0); break;
        case Intent::select:
            selected_ = content_ && !i.text.empty() ? content_->dataset.findSensor(i.text) : -1;
            break;
        case Intent::pickAt: selected_ = sensorAt(i.x, i.y, 4); break;
        case Intent::hoverAt:
            hovered_ = i.x < 0 ? -1 : sensorAt(i.x, i.y, 3);
            hoverX_ = i.x;
            hoverY_ = i.y;
            break;
        case Intent::panBy: camera_.panByPixels(i.x, i.y); userMovedView_ = true; flight_.active = false; break;
        case Intent::zoomAt: camera_.zoomAt(i.x, i.y, i.z); userMovedView_ = true; flight_.active = false; break;
        case Intent::resetView: fitView(); break;
        case Intent::setLayers: layerMask_ = uint32_t(i.x) & kAllLayers; break;
        case Intent::toggleLayer:
            if (i.x >= 0 && i.x <= kRouteLayerBit) layerMask_ ^= 1u << int(i.x);
            break;
        case Intent::focusEvent:
            if (content_ && i.x >= 0 && size_t(i.x) < content_->dataset.events.size()) {
                const Event& e = content_->dataset.events[size_t(i.x)];
                clock_.seek(double(e.timeMs));
                selected_ = int(e.sensor);
                layerMask_ |= 1u << int(content_->dataset.sensors[e.sensor].type);  // never focus on a hidden glyph
                flyTo(content_->positions[e.sensor]);
            }
            break;
        case Intent::setView:
            if (content_ && std::isfinite(i.x) && std::isfinite(i.y) && std::isfinite(i.z)) {
                Vec2 target = content_->projection.toLocal({i.x, i.y});
                // Web-map zoom: 256 CSS px span the world's circumference at zoom 0.
                double scale = 256.0 * std::pow(2.0, i.z) / (2 * kPi * kEarthRadiusM) * dpr_;
                flyTo(target, scale, i.text == "animate");
            }
            break;
        case Intent::zoomBy: {
            const Rect& free = layout_.map;
            camera_.zoomAt(free.x + free.w / 2, free.y + free.h / 2, i.z);
            userMovedView_ = true;
            flight_.active = false;
            break;
        }
        case Intent::focusNextEvent:
            if (content_) {
                const auto& ev = content_->dataset.events;
                auto notable = [](const std::string& k) { return k != "illegal_stop" && k != "noise_violation"; };
                int64_t t = int64_t(clock_.timeMs());
                int found = -1;
                if (i.x >= 0) {
                    for (size_t k = 0; k < ev.size() && found < 0; ++k)
                        if (ev[k].timeMs > t && notable(ev[k].kind)) found = int(k);
                } else {
                    for (size_t k = ev.size(); k-- > 0 && found < 0;)
                        if (ev[k].timeMs < t && notable(ev[k].kind)) found = int(k);
                }
                if (found >= 0) apply(Intent::number(Intent::focusEvent, found));
            }
            break;
        case Intent::selectNext:
            if (content_ && !content_->dataset.sensors.empty()) {
                int n = int(content_->dataset.sensors.size()), step = i.x >= 0 ? 1 : -1, s = selected_;
                for (int k = 0; k < n; ++k) {
                    s = s < 0 ? (step > 0 ? 0 : n - 1) : (s + step + n) % n;
                    if (layerVisible(layerMask_, content_->dataset.sensors[size_t(s)].type)) break;
                }
                selected_ = s;
                flyTo(content_->positions[size_t(s)]);
            }
            break;
        case Intent::flyToSensor:
            if (content_) {
                int s = content_->dataset.findSensor(i.text);
                if (s >= 0) flyTo(content_->positions[size_t(s)]);
            }
            break;
    }
}

int App::sensorAt(double x, double y, double slopPx) const {
    int g = pickGlyph(glyphs_, camera_, x, y, scale_, slopPx);
    return g < 0 || sensorOfGlyph_[size_t(g)] == kNoSensor ? -1 : int(sensorOfGlyph_[size_t(g)]);
}

// Flies the camera so `target` sits in the middle of the free map area, zoomed in to street level if further out.
void App::flyTo(Vec2 target) {
    flyTo(target, std::max(camera_.pixelsPerUnit(), 2.2 * scale_ / content_->projection.groundMetresPerUnit()), true);
}

void App::flyTo(Vec2 target, double scale, bool animate) {
    flight_.fromCenter = camera_.center();
    flight_.fromScale = camera_.pixelsPerUnit();
    flight_.toScale = std::min(scale, maxPixelsPerUnit());
    // Aim so the target lands in the centre of the free area, not of the whole canvas.
    const Rect& free = layout_.map;
    double offX = (free.x + free.w / 2 - camera_.viewportWidth() / 2) / flight_.toScale;
    double offY = (free.y + free.h / 2 - camera_.viewportHeight() / 2) / flight_.toScale;
    flight_.toCenter = {target.x - offX, target.y + offY};
    flight_.elapsedMs = 0;
    flight_.durationMs = reducedMotion_ || !animate ? 0 : 900;
    flight_.active = true;
    userMovedView_ = true;
}

void App::advanceFlight(double realElapsedMs) {
    if (!flight_.active) return;
    flight_.elapsedMs += realElapsedMs;
    double t = flight_.durationMs <= 0 ? 1.0 : std::min(1.0, flight_.elapsedMs / flight_.durationMs);
    double e = t * t * (3 - 2 * t);  // ease in-out
    // Scale interpolates geometrically so zooming feels even; the centre follows in screen terms.
    double scale = flight_.fromScale * std::pow(flight_.toScale / flight_.fromScale, e);
    camera_.setPixelsPerUnit(scale);
    camera_.setCenter({flight_.fromCenter.x + (flight_.toCenter.x - flight_.fromCenter.x) * e,
                       flight_.fromCenter.y + (flight_.toCenter.y - flight_.fromCenter.y) * e});
    if (t >= 1) flight_.active = false;
}

void App::update(double realElapsedMs, int viewportW, int viewportH, float dpr, float uiScale) {
    bool resized = viewportW != int(camera_.viewportWidth()) || viewportH != int(camera_.viewportHeight()) ||
                   dpr != dpr_ || uiScale != scale_;
    if (resized) {
        // A new pixel density (another monitor, a 2× capture) keeps the same view: scale the camera with it.
        double rescale = dpr_ > 0 && dpr != dpr_ ? double(dpr) / dpr_ : 1.0;
        dpr_ = dpr;
        scale_ = uiScale;
        camera_.setViewport(viewportW, viewportH);
        if (rescale != 1.0 && content_) {
            camera_.setLimits(content_->bounds, maxPixelsPerUnit());
            camera_.setPixelsPerUnit(camera_.pixelsPerUnit() * rescale);
        }
        layout_ = computeLayout(float(viewportW), float(viewportH), uiScale, uiMode_);
        // Until the user moves the map, a resize re-frames the whole area; after that, their view stays put.
        if (content_ && !userMovedView_) viewFitted_ = false;
        else if (content_) camera_.setLimits(content_->bounds, maxPixelsPerUnit());
    }
    applyIntents();
    if (!content_) return;
    if (!viewFitted_) {
        if (flight_.active) viewFitted_ = true;  // a requested view (URL, API) wins over the automatic framing
        else fitView();
    }
    advanceFlight(realElapsedMs);
    clock_.advance(realElapsedMs);
    refreshDerived(true);
    // Level of detail: thousands of glyphs on screen become a dot matrix (7 design px cells); alerts stay glyphs.
    viewH_ = viewportH;
    lod_ = buildDensityGrid(glyphs_, camera_, viewportW, viewportH, 7.0f * scale_, lodMaxGlyphs_, 12, density_, keptGlyphs_);
}

// Everything that follows from the replay time: sampled values, KPIs, the light, and (for drawing) the glyphs.
void App::refreshDerived(bool withGlyphs) {
    if (!content_) return;
    int64_t t = int64_t(std::floor(clock_.timeMs()));
    sampler_.sampleSensors(t, values_);
    kpis_ = computeKpis(content_->dataset, sampler_, t, *content_->kpiIndex, &values_);
    night_ = nightFactor(content_->projection.origin(), t);
    if (!withGlyphs) return;  // a state read: the next frame rebuilds them
    buildGlyphs(content_->glyphStyles, content_->positions, values_, layerMask_, selected_, hovered_, glyphs_, sensorOfGlyph_);
    // Zoomed out to a whole city, glyphs shrink (to 45 % at 0.1 CSS px per metre): less overlap, and far fewer
    // pixels to fill. At street level (≥ 0.5 px/m, every Bukchon view) they keep their full size.
    const double cssPxPerMetre = camera_.pixelsPerUnit() / std::max(1e-6, double(scale_)) / content_->projection.groundMetresPerUnit();
    const float shrink = float(std::clamp(std::sqrt(cssPxPerMetre / 0.5), 0.45, 1.0));
    if (shrink < 1.0f)
        for (GlyphInstance& g : glyphs_) g.radiusPx *= shrink;
    // The truck, while a fill-driven trip is under way.
    if (layerVisible(layerMask_, SensorType(kRouteLayerBit)))
        for (const CollectionTrip& trip : content_->collection.trips) {
            Vec2 at;
            if (!trip.truckAt(t, at)) continue;
            GlyphInstance truck{float(at.x), float(at.y), 0, 11, rgba(47, 128, 110), kTruckShape, 0};
            glyphs_.push_back(truck);
            sensorOfGlyph_.push_back(kNoSensor);
        }
}

// Today's trips so far, as a mesh; rebuilt only when the day or the number of trips changes.
void App::refreshRoute(int64_t t) {
    const CollectionPlan& plan = content_->collection;
    int64_t day = startOfLocalDayMs(t, content_->dataset.utcOffsetMinutes);
    size_t started = 0;
    std::vector<std::vector<Vec2>> lines;
    for (const CollectionTrip& trip : plan.trips)
        if (trip.startMs >= day && trip.startMs <= t) {
            ++started;
            lines.push_back(trip.polyline);
        }
    if (day == routeKeyDay_ && started == routeKeyTrips_) return;
    routeKeyDay_ = day;
    routeKeyTrips_ = started;
    mapCache_.invalidate();
    routeLayer_.upload(buildOverlayLines(lines, 4.0, 3.5f, rgba(47, 128, 110, 235), rgba(94, 214, 180, 235),
                                         content_->projection.groundMetresPerUnit()));
}

void App::setUiMode(UiMode mode) {
    if (mode == uiMode_) return;
    uiMode_ = mode;
    layout_ = computeLayout(float(camera_.viewportWidth()), float(camera_.viewportHeight()), scale_, uiMode_);
    if (!userMovedView_) viewFitted_ = false;  // re-frame for the new free area
}

bool App::rebuildGraphics(std::string* error) {
    ++contextLosses_;
    // Old object names belong to the lost context: drop them without deleting (that would only warn).
    mapLayer_ = MapLayer{};
    routeLayer_ = MapLayer{};
    glyphLayer_ = GlyphLayer{};
    heatmapLayer_ = HeatmapLayer{};
    densityLayer_ = DensityLayer{};
    mapCache_.forget();
    routeKeyDay_ = -1;
    return initGraphics(error);
}

ViewUniforms App::viewUniforms(double realTimeS) const {
    ViewUniforms v;
    v.centerX = float(camera_.center().x);
    v.centerY = float(camera_.center().y);
    v.pxPerUnit = float(camera_.pixelsPerUnit());
    v.viewportW = float(camera_.viewportWidth());
    v.viewportH = float(camera_.viewportHeight());
    v.dpr = scale_;
    v.timeS = float(realTimeS);
    v.reducedMotion = reducedMotion_;
    v.night = night_;
    return v;
}

void App::backgroundColor(float rgba[4]) const {
    static const MapPalette day, night = nightPalette();
    for (int i = 0; i < 3; ++i) {
        float a = float((day.background >> (8 * i)) & 255), b = float((night.background >> (8 * i)) & 255);
        rgba[i] = (a + (b - a) * night_) / 255.0f;
    }
    rgba[3] = 1.0f;
}

void App::renderMap(double realTimeS) {
    ++frames_;
    float clear[4];
    backgroundColor(clear);
    // The map image covers the whole screen when there is one; otherwise the paper is cleared first.
    if (!content_ || !mapCache_.ok()) {
        glClearColor(clear[0], clear[1], clear[2], clear[3]);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    if (!content_) return;
    if (meshDirty_) {
        mapLayer_.upload(content_->mesh);
        mapCache_.invalidate();
        meshDirty_ = false;
    }
    const ViewUniforms view = viewUniforms(realTimeS);
    const bool route = layerVisible(layerMask_, SensorType(kRouteLayerBit));
    if (route) refreshRoute(int64_t(std::floor(clock_.timeMs())));
    if (route != routeShown_) {
        routeShown_ = route;
        mapCache_.invalidate();
    }
    if (mapCache_.beginRedraw(view, clear)) {
        const float pxPerMetre = float(view.pxPerUnit / view.dpr / content_->projection.groundMetresPerUnit());
        mapLayer_.draw(view, pxPerMetre);
        if (route) routeLayer_.draw(view, pxPerMetre);
        mapCache_.endRedraw();
    }
    mapCache_.present();
    // Footfall as heat: each counter's crowd spreads ~150 m along the alleys around it (not in the dot matrix:
    // there, footfall is dots like everything else).
    if (layerVisible(layerMask_, SensorType::footfall) && !lod_) {
        heat_.clear();
        const Dataset& d = content_->dataset;
        for (size_t i = 0; i < d.sensors.size(); ++i)
            if (d.sensors[i].type == SensorType::footfall && !std::isnan(values_[i]))
                heat_.push_back({float(content_->positions[i].x), float(content_->positions[i].y),
                                 normalisedValue(content_->glyphStyles[i], values_[i])});
        heatmapLayer_.draw(viewUniforms(realTimeS), heat_, float(150.0 / content_->projection.groundMetresPerUnit()));
    }
}

void App::renderGlyphs(double realTimeS) {
    if (!content_) return;
    if (lod_) {
        densityLayer_.update(density_);
        densityLayer_.draw(viewH_, night_);
    }
    glyphLayer_.update(lod_ ? keptGlyphs_ : glyphs_);
    glyphLayer_.draw(viewUniforms(realTimeS));
}

void App::collectText(CodepointSet& all, CodepointSet& display) const {
    if (!content_) return;
    const Content& c = *content_;
    const Dataset& d = c.dataset;
    // Right-to-left text is drawn in visual order with joined Arabic forms: those are the characters in use.
    auto add = [](CodepointSet& set, const std::string& t) { set.addUtf8(hasRightToLeft(t) ? visualOrder(t) : t); };
    for (const std::string* t : {&d.title, &d.titleKo, &d.source, &d.sourceKo, &c.mapName, &c.mapNameKo}) {
        add(all, *t);
        add(display, *t);
    }
    for (const Sensor& s : d.sensors) {
        add(all, s.id);
        add(all, s.nameEn);
        add(all, s.nameKo);
        add(all, s.typeName);
        add(all, s.unit);
        add(display, s.unit);
    }
    for (const Series& s : d.series) {
        for (const std::string* t : {&s.metric, &s.unit}) {
            add(all, *t);
            add(display, *t);
        }
        for (const std::string& level : s.levels) {
            add(all, level);
            add(display, level);
        }
    }
    // Event kinds repeat: each distinct one once.
    std::unordered_set<std::string_view> kinds;
    for (const Event& e : d.events)
        if (kinds.insert(e.kind).second) add(all, e.kind);
    for (const MapLabel& l : c.mesh.labels) {
        add(all, l.nameEn);
        add(all, l.nameKo);
        add(all, l.name);
    }
    for (const StreetLabel& l : c.mesh.streets) {
        add(all, l.nameEn);
        add(all, l.nameKo);
        add(all, l.name);
    }
    add(all, c.mapAttribution);
    add(display, c.mapAttribution);
}

std::string App::sensorIdsJson() const {
    nlohmann::json ids = nlohmann::json::array();
    if (content_)
        for (const Sensor& sensor : content_->dataset.sensors) ids.push_back(sensor.id);
    return ids.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string App::screenPositionJson(const std::string& sensorId) const {
    if (!content_) return "null";
    int i = content_->dataset.findSensor(sensorId);
    if (i < 0) return "null";
    Vec2 s = camera_.worldToScreen(content_->positions[size_t(i)]);
    nlohmann::json j = {{"x", s.x / dpr_}, {"y", s.y / dpr_}};
    return j.dump();
}

ViewState App::viewState() const {
    ViewState s;
    if (content_) {
        s.dataset = &content_->dataset;
        s.mesh = &content_->mesh;
        s.sensorPositions = &content_->positions;
        s.collection = &content_->collection;
        s.mapName = content_->mapName;
        s.mapNameKo = content_->mapNameKo;
        s.mapAttribution = content_->mapAttribution;
        s.metresPerUnit = content_->projection.groundMetresPerUnit();
        s.graticuleStepDeg = content_->graticuleStepDeg;
    }
    s.values = &values_;
    s.clock = &clock_;
    s.camera = &camera_;
    s.hovered = hovered_;
    s.selected = selected_;
    s.hoverX = hoverX_;
    s.hoverY = hoverY_;
    s.dpr = scale_;
    s.error = error_;
    s.kpis = kpis_;
    s.layerMask = layerMask_;
    s.night = night_;
    s.layout = layout_;
    return s;
}

std::string App::stateJson() {
    if (!intents_.empty()) {
        applyIntents();
        refreshDerived(false);  // a read right after a write sees its consequences (KPIs, light), not last frame's
    }
    nlohmann::json j;
    j["timeMs"] = clock_.timeMs();
    j["time"] = content_ ? formatIsoTime(int64_t(clock_.timeMs()), content_->dataset.utcOffsetMinutes) : "";
    j["playing"] = clock_.playing();
    j["speed"] = clock_.speed();
    j["loop"] = clock_.loop();
    j["startMs"] = clock_.startMs();
    j["endMs"] = clock_.endMs();
    j["sensors"] = content_ ? content_->dataset.sensors.size() : 0;
    j["readings"] = content_ ? content_->dataset.readingCount() : 0;
    j["events"] = content_ ? content_->dataset.events.size() : 0;
    j["simulated"] = content_ ? content_->dataset.simulated : false;
    j["title"] = content_ ? content_->dataset.title : "";
    // "map" (a map file), "graticule" (none: the neutral basemap), "" (nothing loaded)
    j["basemap"] = !content_ ? "" : content_->graticuleStepDeg > 0 ? "graticule" : "map";
    j["detail"] = lod_ ? "density" : "glyphs";   // level of detail: a dot matrix when thousands are on screen
    j["labels"] = {{"places", labelPlaces_}, {"streets", labelStreets_}, {"ms", labelMs_},
                   {"attribution", {{"x", creditRect_[0]}, {"y", creditRect_[1]}, {"w", creditRect_[2]}, {"h", creditRect_[3]}}}};
    if (content_) {
        j["map"] = {{"streets", content_->mesh.streetLines}, {"streetNames", content_->mesh.streets.size()},
                    {"attribution", content_->mapAttribution}, {"features", content_->mapFeatures}};
    }
    j["frame"] = {{"frames", frameStats_.count()},
                  {"intervalMsP50", frameStats_.intervalPercentile(50)}, {"intervalMsP95", frameStats_.intervalPercentile(95)},
                  {"workMsP50", frameStats_.workPercentile(50)}, {"workMsP95", frameStats_.workPercentile(95)}};
    j["utcOffsetMinutes"] = content_ ? content_->dataset.utcOffsetMinutes : 0;
    j["error"] = error_.empty() ? nlohmann::json(nullptr) : nlohmann::json(error_);
    j["import"] = importReport_.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(importReport_, nullptr, false);
    j["selected"] = content_ && selected_ >= 0 ? nlohmann::json(content_->dataset.sensors[size_t(selected_)].id)
                                               : nlohmann::json(nullptr);
    if (content_) {
        // The view's centre is the middle of the free map area (what flyTo and view= aim at), not of the canvas.
        const Rect& free = layout_.map;
        Vec2 mid = free.w > 0 ? camera_.screenToWorld({free.x + free.w / 2.0, free.y + free.h / 2.0}) : camera_.center();
        LatLon c = content_->projection.toLatLon(mid);
        // Web-map zoom level: 256 CSS px cover the world's circumference at zoom 0.
        double cssPxPerUnit = camera_.pixelsPerUnit() / dpr_;
        j["view"] = {{"lat", c.lat}, {"lon", c.lon}, {"zoom", std::log2(cssPxPerUnit * 2 * kPi * kEarthRadiusM / 256.0)}};
    }
    if (content_) {
        // The ids are fetched once per dataset (sensorIdsJson): 100,000 of them in every state read would cost more
        // than the replay itself.
        j["dataVersion"] = dataVersion_;
        const Kpis& k = kpis_;
        auto orNull = [](double v) { return v < 0 ? nlohmann::json(nullptr) : nlohmann::json(std::round(v * 10) / 10); };
        j["kpis"] = {{"binsOver80", k.binsOver80}, {"bins", k.binsTotal}, {"overflowsToday", k.overflowsToday},
                     {"parkingOccupancyPct", orNull(k.parkingOccupancyPct)}, {"illegalStopsToday", k.illegalStopsToday},
                     {"noiseViolationsToday", k.noiseViolationsToday}, {"pm25MaxToday", orNull(k.pm25MaxToday)},
                     {"activeAlarms", k.activeAlarms}, {"collectionsToday", k.collectionsToday}};
    }
    nlohmann::json layers = nlohmann::json::array();
    for (int t = 0; t < kSensorTypeCount; ++t)
        if (layerVisible(layerMask_, SensorType(t))) layers.push_back(sensorTypeInfo(SensorType(t)).name);
    if (layerVisible(layerMask_, SensorType(kRouteLayerBit))) layers.push_back("route");
    if (content_ && content_->collection.available) {
        PolicyTotals fd, fx;
        content_->collection.totalsForDay(content_->dataset, int64_t(clock_.timeMs()), fd, fx);
        auto totals = [](const PolicyTotals& p) {
            return nlohmann::json{{"trips", p.trips}, {"binsEmptied", p.binVisits}, {"km", std::round(p.km * 10) / 10},
                                  {"walkKm", std::round(p.walkKm * 100) / 100}, {"overflows", p.overflows}};
        };
        const CollectionPlan& c = content_->collection;
        j["collection"] = {{"today", {{"fillDriven", totals(fd)}, {"fixed", totals(fx)}}},
                           {"week", {{"fillDriven", totals(c.fillDrivenWeek)}, {"fixed", totals(c.fixedWeek)}}},
                           {"streetRouted", c.routable}};
    }
    j["layers"] = std::move(layers);
    j["night"] = std::round(night_ * 100) / 100;
    j["lang"] = lang_;
    j["contextLosses"] = contextLosses_;
    // Where the panels are (CSS px), so a host page can keep its own overlays clear of them.
    auto rect = [&](const Rect& r) {
        return nlohmann::json{{"x", r.x / dpr_}, {"y", r.y / dpr_}, {"w", r.w / dpr_}, {"h", r.h / dpr_}};
    };
    j["panels"] = {{"timeline", rect(layout_.timeline)}, {"header", rect(layout_.header)}, {"kpis", rect(layout_.kpis)},
                   {"events", rect(layout_.events)}, {"legend", rect(layout_.legend)}, {"sensor", rect(layout_.sensor)}};
    j["frames"] = frames_;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace bk
