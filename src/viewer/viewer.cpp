// viewer.cpp — intents applied, the replay advanced, and each frame's derived state: values, KPIs, light, glyphs,
// the level of detail, heat, today's route and the Frame the renderer draws.
#include "viewer.hpp"

#include "daylight.hpp"
#include "event_kinds.hpp"
#include "time_util.hpp"

#include <algorithm>
#include <cmath>

namespace bk {

void Viewer::applyIntents() {
    std::vector<Intent> pending;
    pending.swap(intents_);
    for (const Intent& i : pending) apply(i);
}

void Viewer::apply(const Intent& i) {
    switch (i.kind) {
        case Intent::play: clock_.play(); break;
        case Intent::pause: clock_.pause(); break;
        case Intent::togglePlay: clock_.playing() ? clock_.pause() : clock_.play(); break;
        case Intent::seek: clock_.seek(i.x); break;
        case Intent::setSpeed: clock_.setSpeed(i.x); break;
        case Intent::setLoop: clock_.setLoop(i.x != 0); break;
        case Intent::seekBy: clock_.seek(clock_.timeMs() + i.x); break;
        case Intent::speedStep: clock_.setSpeed(Clock::steppedSpeed(clock_.speed(), i.x < 0 ? -1 : 1)); break;
        case Intent::toggleLoop: clock_.setLoop(!clock_.loop()); break;
        case Intent::setMetric: setMetric(i.text); break;
        case Intent::setFilter:
            if (FilterParse p = parseFilters(i.text); p.ok()) setFilters(p.filters);
            break;
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
            setView(i.x, i.y, i.z, i.text == "animate");
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
                auto notable = [](const std::string& k) { return !eventKindInfo(k).routine; };
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
                    if (layerVisible(layerMask_, content_->dataset.sensors[size_t(s)].type) && passesFilters(size_t(s))) break;
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

int Viewer::sensorAt(double x, double y, double slopPx) const {
    int g = pickGlyph(glyphs_, camera_, x, y, scale_, slopPx);
    return g < 0 || sensorOfGlyph_[size_t(g)] == kNoSensor ? -1 : int(sensorOfGlyph_[size_t(g)]);
}

void Viewer::update(double realElapsedMs, int viewportW, int viewportH, float dpr, float uiScale) {
    resize(viewportW, viewportH, dpr, uiScale);
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
    lod_ = buildDensityGrid(glyphs_, camera_, viewportW, viewportH, 7.0f * scale_, lodMaxGlyphs_, 12, density_, keptGlyphs_);
}

const Frame& Viewer::frame(double realTimeS) {
    ++frames_;
    Frame& f = frame_;
    backgroundColor(f.background);
    ViewUniforms& v = f.view;
    v.centerX = float(camera_.center().x);
    v.centerY = float(camera_.center().y);
    v.pxPerUnit = float(camera_.pixelsPerUnit());
    v.viewportW = float(camera_.viewportWidth());
    v.viewportH = float(camera_.viewportHeight());
    v.uiScale = scale_;
    v.timeS = float(realTimeS);
    v.reducedMotion = reducedMotion_;
    v.night = night_;
    if (!content_) {
        f.map = f.route = nullptr;
        f.heat = nullptr;
        f.density = nullptr;
        f.glyphs = nullptr;
        return f;
    }
    const double metresPerUnit = content_->projection.groundMetresPerUnit();
    f.map = &content_->mesh;
    f.mapVersion = mapVersion_;
    f.pxPerMetre = float(v.pxPerUnit / v.uiScale / metresPerUnit);
    f.routeShown = layerVisible(layerMask_, SensorType(kRouteLayerBit));
    if (f.routeShown) refreshRoute(int64_t(std::floor(clock_.timeMs())));
    f.route = &route_;
    f.routeVersion = routeVersion_;
    // Footfall as heat: each counter's crowd spreads ~150 m along the alleys around it (not in the dot matrix:
    // there, footfall is dots like everything else).
    heat_.clear();
    if (layerVisible(layerMask_, SensorType::footfall) && !lod_) {
        const Dataset& d = content_->dataset;
        for (size_t i = 0; i < d.sensors.size(); ++i)
            if (d.sensors[i].type == SensorType::footfall && !std::isnan(values_[i]) && passesFilters(i))
                heat_.push_back({float(content_->positions[i].x), float(content_->positions[i].y),
                                 normalisedValue(content_->glyphStyles[i], values_[i])});
    }
    f.heat = &heat_;
    f.heatRadiusUnits = float(150.0 / metresPerUnit);
    f.density = lod_ ? &density_ : nullptr;
    f.glyphs = lod_ ? &keptGlyphs_ : &glyphs_;
    return f;
}

// Everything that follows from the replay time: sampled values, KPIs, the light, and (for drawing) the glyphs.
void Viewer::refreshDerived(bool withGlyphs) {
    if (!content_) return;
    int64_t t = int64_t(std::floor(clock_.timeMs()));
    sampler_.sampleSensors(t, values_);
    const std::vector<uint8_t>* pass = evaluateFilters(t);  // null without filters
    kpis_ = computeKpis(content_->dataset, sampler_, t, *content_->kpiIndex, &values_, pass);
    night_ = nightFactor(content_->projection.origin(), t);
    if (!withGlyphs) return;  // a state read: the next frame rebuilds them
    buildGlyphs(content_->glyphStyles, content_->positions, values_, layerMask_, selected_, hovered_, glyphs_, sensorOfGlyph_,
                pass);
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
void Viewer::refreshRoute(int64_t t) {
    const CollectionPlan& plan = content_->collection;
    int64_t day = content_->dataset.localDayStartMs(t);
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
    ++routeVersion_;
    route_ = buildOverlayLines(lines, 4.0, 3.5f, rgba(47, 128, 110, 235), rgba(94, 214, 180, 235),
                                         content_->projection.groundMetresPerUnit());
}

void Viewer::setUiMode(UiMode mode) {
    if (mode == uiMode_) return;
    uiMode_ = mode;
    layout_ = computeLayout(float(camera_.viewportWidth()), float(camera_.viewportHeight()), scale_, uiMode_);
    if (!userMovedView_) viewFitted_ = false;  // re-frame for the new free area
}

void Viewer::backgroundColor(float rgba[4]) const {
    static const MapPalette day, night = nightPalette();
    for (int i = 0; i < 3; ++i) {
        float a = float((day.background >> (8 * i)) & 255), b = float((night.background >> (8 * i)) & 255);
        rgba[i] = (a + (b - a) * night_) / 255.0f;
    }
    rgba[3] = 1.0f;
}

}  // namespace bk
