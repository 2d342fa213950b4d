// viewer_state.cpp — what the viewer shows to others: the panels' ViewState, the JS state JSON, sensor ids and
// screen positions, and the characters the loaded data puts on screen (for the fonts).
#include "viewer.hpp"

#include "param_rules.hpp"
#include "time_util.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <unordered_set>

namespace bk {

void Viewer::collectText(CodepointSet& all, CodepointSet& display) const {
    if (!content_) return;
    const Content& c = *content_;
    const Dataset& d = c.dataset;
    // Right-to-left text is drawn in visual order with joined Arabic forms: those are the characters in use.
    auto add = [](CodepointSet& set, const std::string& t) { set.addUtf8(t); };
    // The title and clock faces draw the UI's title, values with their units or level names, KPIs and the clock
    // (header_panel, kpi_panel, sensor_panel, sensor_tooltip, timeline_panel): the dataset's titles and the map's
    // name are body text only.
    for (const std::string* t : {&d.title, &d.titleKo, &d.source, &d.sourceKo, &c.mapName, &c.mapNameKo}) add(all, *t);
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
    // Labels: their names, and in the UI language where there is one (place_names.hpp).
    auto addLabel = [&](const std::string& en, const std::string& ko, const std::string& name) {
        add(all, en);
        add(all, ko);
        add(all, name);
        if (const std::string* other = placeNames_.find(lang_, localName(en, ko, name))) add(all, *other);
    };
    for (const MapLabel& l : c.mesh.labels) addLabel(l.nameEn, l.nameKo, l.name);
    for (const StreetLabel& l : c.mesh.streets) addLabel(l.nameEn, l.nameKo, l.name);
    add(all, c.mapAttribution);
    add(display, c.mapAttribution);
}

std::string Viewer::sensorIdsJson() const {
    nlohmann::json ids = nlohmann::json::array();
    if (content_)
        for (const Sensor& sensor : content_->dataset.sensors) ids.push_back(sensor.id);
    return ids.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Viewer::screenPositionJson(const std::string& sensorId) const {
    if (!content_) return "null";
    int i = content_->dataset.findSensor(sensorId);
    if (i < 0) return "null";
    Vec2 s = camera_.worldToScreen(content_->positions[size_t(i)]);  // in the first pane
    nlohmann::json j = {{"x", s.x / dpr_}, {"y", s.y / dpr_}};
    return j.dump();
}

ViewState Viewer::viewState() const {
    ViewState s;
    if (content_) {
        s.dataset = &content_->dataset;
        s.mesh = &content_->mesh;
        s.placeNames = &placeNames_;
        s.sensorPositions = &content_->positions;
        s.collection = &content_->collection;
        s.mapName = content_->mapName;
        s.mapNameKo = content_->mapNameKo;
        s.mapAttribution = content_->mapAttribution;
        s.metresPerUnit = content_->projection.groundMetresPerUnit();
        s.graticuleStepDeg = content_->graticuleStepDeg;
        s.metricChoices = &content_->metricChoices;
        s.quality = &content_->quality;
        s.typeCounts = content_->typeCounts;
        s.levelSwatchSensor = content_->levelSwatchSensor;
        s.metric = metricInForce();
        s.filters = &filters_;
        s.eventRules = &eventRules_;
        s.filterNotes = &filterPlan_.notes();
        if (shown().pass.size() == content_->dataset.sensors.size()) s.filterPass = &shown().pass;
    }
    const Pane& shownPane = shown();
    s.values = &shownPane.values;
    s.clock = &clock_;
    s.camera = &camera_;
    s.hovered = hovered_;
    s.selected = selected_;
    s.hoverX = hoverX_;
    s.hoverY = hoverY_;
    s.uiScale = scale_;
    s.error = error_;
    s.kpis = shownPane.kpis;
    s.layerMask = layerMask_;
    s.night = shownPane.night;
    s.layout = layout_;
    s.compareBy = content_ ? compareBy_ : CompareBy::off;
    s.shownPane = shownIndex();
    for (int p = 0; p < paneCount(); ++p) {
        const Pane& pane = panes_[size_t(p)];
        s.panes[p] = {pane.timeMs, pane.fixedRounds, &pane.values, pane.kpis, pane.today, pane.night};
    }
    for (int p = 0; p < 2; ++p) s.paneCamera[p] = paneCamera(p);
    return s;
}

std::string Viewer::stateJson() {
    if (!intents_.empty()) {
        applyIntents();
        refreshDerived(false);  // a read right after a write sees its consequences (KPIs, light), not last frame's
    }
    nlohmann::json j;
    j["timeMs"] = clock_.timeMs();
    // The offset in force at the replay's time: "…-04:00" in a New York June, "…-05:00" in its January.
    const int offsetNow = content_ ? content_->dataset.offsetAt(int64_t(clock_.timeMs())) : 0;
    j["time"] = content_ ? formatIsoTime(int64_t(clock_.timeMs()), offsetNow) : "";
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
    j["detail"] = shown().lod ? "density" : "glyphs";   // level of detail: a dot matrix when thousands are on screen
    // The metric that drives the map ("" = each sensor's default) and the ones to choose from, with their sensors.
    j["metric"] = metricInForce();
    j["filter"] = filterStateJson();  // filters: text, clauses, how many sensors pass
    // The thresholds the events were found with (canonical text, "" = the defaults) and the fill bins count as full.
    j["eventRules"] = {{"text", formatEventRules(eventRules_)},
                       {"binFullPct", content_ ? nlohmann::json(content_->dataset.binFullPct) : nlohmann::json(nullptr)}};
    j["metrics"] = nlohmann::json::array();
    if (content_)
        for (const auto& [name, n] : content_->metricChoices) j["metrics"].push_back({{"name", name}, {"sensors", n}});
    j["labels"] = {{"places", labelPlaces_}, {"streets", labelStreets_}, {"ms", labelMs_},
                   {"attribution", {{"x", creditRect_[0]}, {"y", creditRect_[1]}, {"w", creditRect_[2]}, {"h", creditRect_[3]}}}};
    if (content_) {
        j["map"] = {{"streets", content_->mesh.streetLines}, {"streetNames", content_->mesh.streets.size()},
                    {"attribution", content_->mapAttribution}, {"features", content_->mapFeatures}};
        const Bounds& e = content_->extentLonLat;
        j["extent"] = {e.min.x, e.min.y, e.max.x, e.max.y};   // the sensors' [west, south, east, north]
    }
    j["frame"] = {{"frames", frameStats_.count()},
                  {"intervalMsP50", frameStats_.intervalPercentile(50)}, {"intervalMsP95", frameStats_.intervalPercentile(95)},
                  {"workMsP50", frameStats_.workPercentile(50)}, {"workMsP95", frameStats_.workPercentile(95)}};
    for (size_t k = 0; k < FrameStats::kPhases; ++k) {  // the profile: where the CPU work goes, p50 and mean per phase
        j["frame"]["phaseMsP50"][framePhaseName(FramePhase(k))] = frameStats_.phasePercentile(FramePhase(k), 50);
        j["frame"]["phaseMsMean"][framePhaseName(FramePhase(k))] = frameStats_.phaseMean(FramePhase(k));
    }
    j["frame"]["workMsMean"] = frameStats_.workMean();
    j["commitMs"] = nlohmann::json::object();
    for (const auto& [phase, ms] : commitMs_) j["commitMs"][phase] = ms;
    j["utcOffsetMinutes"] = offsetNow;
    j["timeZone"] = content_ ? content_->dataset.timeZoneName : "";
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
        const Kpis& k = shown().kpis;
        auto orNull = [](double v) { return v < 0 ? nlohmann::json(nullptr) : nlohmann::json(std::round(v * 10) / 10); };
        j["kpis"] = {{"binsOver80", k.binsOver80}, {"bins", k.binsTotal}, {"overflowsToday", k.overflowsToday},
                     {"parkingOccupancyPct", orNull(k.parkingOccupancyPct)}, {"illegalStopsToday", k.illegalStopsToday},
                     {"noiseViolationsToday", k.noiseViolationsToday}, {"pm25MaxToday", orNull(k.pm25MaxToday)},
                     {"activeAlarms", k.activeAlarms}, {"collectionsToday", k.collectionsToday}};
        // For logs without events, the day's numbers from the readings (null when the data has no such sensors).
        auto countOrNull = [](int v) { return v < 0 ? nlohmann::json(nullptr) : nlohmann::json(v); };
        nlohmann::json& kj = j["kpis"];
        kj["fromReadings"] = k.fromReadings;
        kj["binsFullToday"] = countOrNull(k.binsFullToday);
        kj["noiseMaxToday"] = orNull(k.noiseMaxToday);
        kj["noiseHoursOverToday"] = countOrNull(k.noiseHoursOverToday);
        kj["airHoursOverToday"] = countOrNull(k.airHoursOverToday);
        kj["pm10MaxToday"] = orNull(k.pm10MaxToday);
        kj["filtered"] = k.filtered;            // with filters, every number counts only the sensors that pass
        kj["sensorsCounted"] = k.sensorsCounted;
        nlohmann::json levels = nlohmann::json::array();
        for (int i = 0; i < k.binLevelCount; ++i) levels.push_back(k.binsAtLevel[i]);
        kj["binsAtLevel"] = levels;  // bins at each fill level now, lowest first (levels: the series' "levels")
        // What each sensor type counts right now (a metric switch moves sensors between types).
        nlohmann::json types = nlohmann::json::object();
        for (int t = 0; t < kSensorTypeCount; ++t)  // counted once per restyle, not per read
            if (content_->typeCounts[size_t(t)] > 0) types[sensorTypeInfo(SensorType(t)).name] = content_->typeCounts[size_t(t)];
        j["types"] = types;
        // Data quality (quality.hpp): counts, and the sensors affected (ids) with their issues as text.
        const QualityReport& q = content_->quality;
        nlohmann::json affected = nlohmann::json::array();
        for (uint32_t i : q.sensorsAffected) affected.push_back(content_->dataset.sensors[i].id);
        j["quality"] = {{"gaps", q.gaps}, {"stuck", q.stuck}, {"impossible", q.impossible}, {"sensors", affected}};
    }
    nlohmann::json layers = nlohmann::json::array();
    for (size_t bit = 0; bit < rules::kLayerCount; ++bit)
        if ((layerMask_ >> bit) & 1u) layers.push_back(rules::layerName(bit));
    if (content_ && content_->collection.available) {
        PolicyTotals fd, fx;
        content_->collection.totalsForDay(content_->dataset, int64_t(clock_.timeMs()), fd, fx);
        auto totals = [](const PolicyTotals& p) {
            return nlohmann::json{{"trips", p.trips}, {"binsEmptied", p.binVisits}, {"km", std::round(p.km * 10) / 10},
                                  {"walkKm", std::round(p.walkKm * 100) / 100}, {"overflows", p.overflows}};
        };
        const CollectionPlan& c = content_->collection;
        // The week's saving as the collection card says it (the tour's last caption reads it: story.js).
        const WeekSaving w = weekSaving(c);
        nlohmann::json saving = w.known ? nlohmann::json{{"noneFull", w.noneFull}, {"visitsPct", w.visitsPct}, {"kmPct", w.kmPct}}
                                        : nlohmann::json();
        j["collection"] = {{"today", {{"fillDriven", totals(fd)}, {"fixed", totals(fx)}}},
                           {"week", {{"fillDriven", totals(c.fillDrivenWeek)}, {"fixed", totals(c.fixedWeek)}, {"saving", saving}}},
                           {"streetRouted", c.routable}};
    }
    j["layers"] = std::move(layers);
    j["night"] = std::round(shown().night * 100) / 100;
    // The compare view: its kind, each pane's moment, policy and collection figures, where each is on the screen.
    {
        nlohmann::json c = {{"by", content_ ? compareByName(compareBy_) : "off"}};
        if (content_ && compareBy_ != CompareBy::off) {
            nlohmann::json panes = nlohmann::json::array();
            for (int p = 0; p < 2; ++p) {
                const Pane& pane = panes_[size_t(p)];
                const int offset = content_->dataset.offsetAt(pane.timeMs);
                nlohmann::json pj = {{"timeMs", pane.timeMs}, {"time", formatIsoTime(pane.timeMs, offset)},
                                     {"policy", pane.fixedRounds ? "fixed" : "recorded"},
                                     {"binsOver80", pane.kpis.binsOver80}, {"overflowsToday", pane.kpis.overflowsToday}};
                if (content_->collection.available)
                    pj["today"] = {{"trips", pane.today.trips}, {"binsEmptied", pane.today.binVisits},
                                   {"km", std::round(pane.today.km * 10) / 10}, {"overflows", pane.today.overflows}};
                const Rect& r = layout_.panes == 2 ? layout_.pane[p] : layout_.pane[0];
                pj["rect"] = {{"x", r.x / dpr_}, {"y", r.y / dpr_}, {"w", r.w / dpr_}, {"h", r.h / dpr_}};
                pj["shown"] = layout_.panes == 2 || shownIndex() == p;
                panes.push_back(std::move(pj));
            }
            c["panes"] = std::move(panes);
            c["offsetMs"] = compareBy_ == CompareBy::time ? compareOffsetMs_ : 0.0;
            c["switch"] = layout_.paneSwitch;
        }
        j["compare"] = std::move(c);
    }
    j["lang"] = lang_;
    j["ui"] = uiModeName(uiMode_);
    j["palette"] = palette_;
    j["limits"] = {{"maxFileBytes", maxFileBytes_}};
    j["contextLosses"] = contextLosses_;
    // Where the panels are (CSS px), so a host page can keep its own overlays clear of them.
    auto rect = [&](const Rect& r) {
        return nlohmann::json{{"x", r.x / dpr_}, {"y", r.y / dpr_}, {"w", r.w / dpr_}, {"h", r.h / dpr_}};
    };
    // The page's overlays take theirs from here too (web/viewer-layout.js): the one layout rule (layout.hpp).
    j["panels"] = {{"timeline", rect(layout_.timeline)}, {"header", rect(layout_.header)}, {"kpis", rect(layout_.kpis)},
                   {"events", rect(layout_.events)}, {"legend", rect(layout_.legend)}, {"sensor", rect(layout_.sensor)},
                   {"map", rect(layout_.map)}, {"toolbar", rect(layout_.toolbar)}, {"caption", rect(layout_.caption)},
                   {"notice", rect(layout_.notice)}, {"editor", rect(layout_.editor)},
                   {"scaleBar", rect(layout_.scaleBar)}, {"attribution", rect(layout_.attribution)},
                   {"tooltip", rect(tooltipRect_)}, {"scale", scale_ / dpr_}, {"dpr", dpr_}};
    if (compareBy_ != CompareBy::off)
        j["panels"]["paneTitles"] = {rect(layout_.paneTitle[0]), rect(layout_.paneTitle[1])};
    j["frames"] = frames_;
    addTwinState(j);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace bk
