// viewer.cpp — intents applied, the replay advanced, and each frame's derived state per pane: values, KPIs, light,
// glyphs, the level of detail, heat, today's route, and the Frame the renderer draws (one pane, or two compared).
#include "viewer.hpp"

#include <optional>

#include "daylight.hpp"
#include "event_kinds.hpp"
#include "time_util.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

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
        case Intent::setCompare: setCompare(CompareBy(std::clamp(int(i.x), 0, 2)), i.y, i.z); break;
        case Intent::showPane: shownPane_ = i.x > 0 ? 1 : 0; break;
        case Intent::setFilter:
            if (FilterParse p = parseFilters(i.text); p.ok()) setFilters(p.filters);
            break;
        case Intent::setEventRules:
            if (EventRulesParse p = parseEventRules(i.text); p.ok()) setEventRules(p.rules);
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
        case Intent::zoomAt: {  // about the point under the pointer, in whichever pane it is
            const Camera at = paneCamera(paneAt(i.x, i.y));
            camera_.zoomAt(i.x - (at.originX() - camera_.originX()), i.y - (at.originY() - camera_.originY()), i.z);
            userMovedView_ = true;
            flight_.active = false;
            break;
        }
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

int Viewer::paneAt(double x, double y) const {
    if (drawnPanes() < 2) return layout_.paneSwitch && compareBy_ != CompareBy::off ? shownPane_ : 0;
    const Rect& b = layout_.pane[1];
    return x >= b.x && y >= b.y && x < b.right() && y < b.bottom() ? 1 : 0;
}

Camera Viewer::paneCamera(int pane) const {
    Camera c = camera_;
    if (pane == 1 && drawnPanes() == 2) c.setOrigin(layout_.pane[1].x, layout_.pane[1].y);
    return c;
}

int Viewer::sensorAt(double x, double y, double slopPx) {
    const int p = paneAt(x, y);
    Pane& pane = panes_[size_t(p)];
    pane.scene.settleGauges(pane.values, pane.sensorOfGlyph, pane.glyphs);  // a noise glyph's radius is its gauge's
    int g = pickGlyph(pane.glyphs, paneCamera(p), x, y, scale_, slopPx);
    return g < 0 || pane.sensorOfGlyph[size_t(g)] == kNoSensor ? -1 : int(pane.sensorOfGlyph[size_t(g)]);
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
}

const Frame& Viewer::frame(double realTimeS) {
    ++frames_;
    Frame& f = frame_;
    f.screenW = float(screenW_);
    f.screenH = float(screenH_);
    f.paneCount = content_ ? drawnPanes() : 1;
    for (int p = 0; p < f.paneCount; ++p) {
        // With one pane shown for two (phones), it shows the one switched to.
        const Pane& pane = f.paneCount == 1 ? shown() : panes_[size_t(p)];
        FramePane& fp = f.panes[p];
        const Rect& r = layout_.pane[p];
        backgroundColor(pane.night, fp.background);
        ViewUniforms& v = fp.view;
        v.centerX = float(camera_.center().x);
        v.centerY = float(camera_.center().y);
        v.pxPerUnit = float(camera_.pixelsPerUnit());
        v.viewportW = float(camera_.viewportWidth());
        v.viewportH = float(camera_.viewportHeight());
        v.originX = r.x;
        v.originY = float(screenH_) - r.bottom();
        v.uiScale = scale_;
        v.timeS = float(realTimeS);
        v.reducedMotion = reducedMotion_;
        v.night = pane.night;
        fp.route = nullptr;
        fp.heat = nullptr;
        fp.density = nullptr;
        fp.glyphs = nullptr;
        fp.routeShown = false;
    }
    if (!content_) {
        f.map = nullptr;
        return f;
    }
    const double metresPerUnit = content_->projection.groundMetresPerUnit();
    f.map = &content_->mesh;
    f.mapVersion = mapVersion_;
    f.pxPerMetre = float(camera_.pixelsPerUnit() / scale_ / metresPerUnit);
    for (int p = 0; p < f.paneCount; ++p) {
        Pane& pane = panes_[size_t(f.paneCount == 1 ? shownIndex() : p)];
        FramePane& fp = f.panes[p];
        fp.routeShown = layerVisible(layerMask_, SensorType(kRouteLayerBit));
        if (fp.routeShown) refreshRoute(pane);
        fp.route = &pane.route;
        fp.routeVersion = pane.routeVersion;
        // Footfall as heat: each counter's crowd spreads ~150 m along the alleys around it (not in the dot matrix:
        // there, footfall is dots like everything else).
        pane.heat.clear();
        if (layerVisible(layerMask_, SensorType::footfall) && !pane.lod) {
            const Dataset& d = content_->dataset;
            for (size_t i = 0; i < d.sensors.size(); ++i)
                if (d.sensors[i].type == SensorType::footfall && !std::isnan(pane.values[i]) &&
                    (i >= pane.pass.size() || pane.pass[i]))
                    pane.heat.push_back({float(content_->positions[i].x), float(content_->positions[i].y),
                                         normalisedValue(content_->glyphStyles[i], pane.values[i])});
        }
        fp.heat = &pane.heat;
        fp.heatRadiusUnits = float(150.0 / metresPerUnit);
        fp.density = pane.lod ? &pane.density : nullptr;
        fp.glyphs = pane.lod ? &pane.kept : &pane.glyphs;
    }
    return f;
}

// Everything that follows from the replay time, per pane: sampled values, KPIs, the light, and (for drawing) the
// glyphs. The second pane, in a comparison, is at its own moment (by time) or under fixed rounds (by policy).
void Viewer::refreshDerived(bool withGlyphs) {
    if (!content_) return;
    const int64_t t = int64_t(std::floor(clock_.timeMs()));
    panes_[0].timeMs = t;
    panes_[0].fixedRounds = false;
    if (compareBy_ != CompareBy::off) {
        Pane& b = panes_[1];
        b.fixedRounds = compareBy_ == CompareBy::policy;
        b.timeMs = compareBy_ == CompareBy::time
                       ? std::clamp(int64_t(std::llround(double(t) + compareOffsetMs_)), content_->dataset.startMs, content_->dataset.endMs)
                       : t;
    }
    for (int p = 0; p < paneCount(); ++p) refreshPane(panes_[size_t(p)], withGlyphs);
}

void Viewer::refreshPane(Pane& pane, bool withGlyphs) {
    const Content& c = *content_;
    const int64_t t = pane.timeMs;
    std::optional<PhaseTimer> phase(std::in_place, frameStats_, FramePhase::sample);
    // A state read (a seek's answer) needs every sensor's value only for filters or the what-if; otherwise the KPIs
    // come from the index's timelines (only the bins and lots they do not cover are sampled, usually none), and the
    // next frame samples everyone.
    if (withGlyphs || pane.fixedRounds || filterPlan_.active()) pane.sampler.sampleSensors(t, pane.values);
    else if (!c.kpiIndex->sampledForKpis.empty()) pane.sampler.sampleSensors(t, pane.values, c.kpiIndex->sampledForKpis);
    else pane.values.resize(c.dataset.sensors.size(), std::numeric_limits<float>::quiet_NaN());
    if (pane.fixedRounds) {  // the what-if's bins: their levels under fixed rounds, where fill drives the glyph
        const CollectionPlan& plan = c.collection;
        for (size_t i = 0; i < pane.values.size() && i < plan.fillSeriesOf.size(); ++i)
            if (plan.fillSeriesOf[i] >= 0 && c.dataset.primarySeries[i] == plan.fillSeriesOf[i])
                pane.values[i] = plan.fixedLevelAt(c.dataset, uint32_t(i), t);
    }
    phase.emplace(frameStats_, FramePhase::filters);
    const std::vector<uint8_t>* pass = evaluateFilters(pane);  // null without filters
    phase.emplace(frameStats_, FramePhase::kpis);
    pane.kpis = computeKpis(c.dataset, pane.sampler, t, *c.kpiIndex, &pane.values, pass, !pane.fixedRounds);
    if (c.collection.available) {
        PolicyTotals fillDriven, fixed;
        c.collection.totalsForDay(c.dataset, t, fillDriven, fixed);
        pane.today = pane.fixedRounds ? fixed : fillDriven;
        if (pane.fixedRounds) {  // the what-if's own counts of what is on its map
            pane.kpis.overflowsToday = fixed.overflows;
            pane.kpis.collectionsToday = fixed.binVisits;
            int over = 0;
            for (size_t i = 0; i < pane.values.size() && i < c.collection.fillSeriesOf.size(); ++i)
                over += c.collection.fillSeriesOf[i] >= 0 && pane.values[i] >= 80 && (!pass || (*pass)[i]);
            pane.kpis.binsOver80 = over;
        }
    }
    pane.night = nightFactor(c.projection.origin(), t);
    if (!withGlyphs) return;  // a state read: the next frame rebuilds them
    phase.emplace(frameStats_, FramePhase::glyphs);
    // Zoomed out to a whole city, glyphs shrink (to 45 % at 0.1 CSS px per metre): less overlap, and far fewer
    // pixels to fill. At street level (≥ 0.5 px/m, every Bukchon view) they keep their full size.
    const double cssPxPerMetre = camera_.pixelsPerUnit() / std::max(1e-6, double(scale_)) / c.projection.groundMetresPerUnit();
    const float shrink = float(std::clamp(std::sqrt(cssPxPerMetre / 0.5), 0.45, 1.0));
    // Only what changed since the last frame is redone (incremental_scene.hpp): the same glyphs as buildGlyphs.
    GlyphInputs in;
    in.styles = &c.glyphStyles;
    in.positions = &c.positions;
    in.stylesVersion = stylesVersion_;
    in.layerMask = layerMask_;
    in.selected = selected_;
    in.hovered = hovered_;
    in.pass = pass;
    in.shrink = shrink;
    in.valuesSampled = !pane.fixedRounds;  // the what-if's bin levels are not the sampler's
    in.lazyGauges = true;                  // settled below, for the glyphs drawn
    pane.scene.update(in, pane.values, pane.sampler, pane.glyphs, pane.sensorOfGlyph);
    // The truck, while a trip is under way (recorded, or a fixed round in the what-if).
    if (layerVisible(layerMask_, SensorType(kRouteLayerBit)))
        for (const CollectionTrip& trip : pane.fixedRounds ? c.collection.fixedTrips : c.collection.trips) {
            Vec2 at;
            if (!trip.truckAt(t, at)) continue;
            GlyphInstance truck{float(at.x), float(at.y), 0, 11, rgba(47, 128, 110), kTruckShape, 0};
            pane.glyphs.push_back(truck);
            pane.sensorOfGlyph.push_back(kNoSensor);
        }
    // Level of detail: thousands of glyphs on screen become a dot matrix (7 design px cells); alerts stay glyphs.
    phase.emplace(frameStats_, FramePhase::density);
    pane.lod = pane.dots.update(pane.glyphs, pane.scene, camera_, int(camera_.viewportWidth()), int(camera_.viewportHeight()),
                                7.0f * scale_, lodMaxGlyphs_, 12, pane.density, pane.kept);
    // Gauges and radii only for what is drawn as a glyph: in the dot matrix, the few kept (the cells need colours).
    if (pane.lod) {
        const std::vector<uint32_t>& kept = pane.dots.keptGlyphs();
        for (size_t k = 0; k < kept.size() && k < pane.kept.size(); ++k)
            pane.scene.settleGauge(pane.sensorOfGlyph[kept[k]], pane.values[pane.sensorOfGlyph[kept[k]]], pane.kept[k]);
    } else {
        pane.scene.settleGauges(pane.values, pane.sensorOfGlyph, pane.glyphs);
    }
}

// The day's trips so far, as a mesh; rebuilt only when the day or the number of trips changes.
void Viewer::refreshRoute(Pane& pane) {
    const CollectionPlan& plan = content_->collection;
    const int64_t t = pane.timeMs;
    int64_t day = content_->dataset.localDayStartMs(t);
    size_t started = 0;
    std::vector<std::vector<Vec2>> lines;
    for (const CollectionTrip& trip : pane.fixedRounds ? plan.fixedTrips : plan.trips)
        if (trip.startMs >= day && trip.startMs <= t) {
            ++started;
            if (!pane.fixedRounds || lines.empty()) lines.push_back(trip.polyline);  // a fixed round is one tour
        }
    if (day == pane.routeKeyDay && started == pane.routeKeyTrips) return;
    pane.routeKeyDay = day;
    pane.routeKeyTrips = started;
    ++pane.routeVersion;
    pane.route = buildOverlayLines(lines, 4.0, 3.5f, rgba(47, 128, 110, 235), rgba(94, 214, 180, 235),
                                   content_->projection.groundMetresPerUnit());
}

void Viewer::setCompare(CompareBy by, double t2Ms, double offsetMs) {
    const bool was = compareBy_ != CompareBy::off;
    compareBy_ = by;
    if (by == CompareBy::time) {
        const double t = clock_.timeMs();
        if (std::isfinite(t2Ms)) compareOffsetMs_ = t2Ms - t;
        else if (std::isfinite(offsetMs)) compareOffsetMs_ = offsetMs;
        else {  // a day earlier; at the recording's first day, a day later
            compareOffsetMs_ = -86400000.0;
            if (content_ && t + compareOffsetMs_ < double(content_->dataset.startMs)) compareOffsetMs_ = 86400000.0;
        }
    }
    if (by == CompareBy::off) shownPane_ = 0;
    if (content_) {
        if (by != CompareBy::off) panes_[1].sampler.reset(&content_->dataset);
        else panes_[1].sampler = Sampler();  // its per-sensor segments go with the comparison
        panes_[1].routeKeyDay = -1;
    }
    if (was != (by != CompareBy::off)) relayout();
}

void Viewer::setUiMode(UiMode mode) {
    if (mode == uiMode_) return;
    uiMode_ = mode;
    relayout();
}

// Moves the camera (not its zoom) so `world` sits in the middle of the free map area.
void Viewer::holdAtFreeMiddle(Vec2 world) {
    const Rect& free = layout_.map;
    if (free.w <= 0 || free.h <= 0) return;
    const Vec2 now = camera_.screenToWorld({free.x + free.w / 2.0, free.y + free.h / 2.0});
    const Vec2 c = camera_.center();
    camera_.setCenter({c.x + world.x - now.x, c.y + world.y - now.y});
}

void Viewer::setOverlays(const Overlays& o) {
    if (o.toolbar == overlays_.toolbar && o.caption == overlays_.caption && o.editor == overlays_.editor &&
        o.toolbarWidth == overlays_.toolbarWidth)
        return;
    overlays_ = o;
    relayout();
}

// The panels' places and the panes' viewports for this screen, UI mode and comparison; the camera takes the first
// pane's viewport, and the view is framed again unless the user has moved it.
void Viewer::relayout(std::optional<Vec2> keepWorld) {
    // A view the user chose stays put: what was in the middle of the free area is in the middle of the new one
    // (the story editor opening, a caption appearing, a comparison: the place on screen moves, not the map).
    const Rect before = layout_.map;
    const bool keep = content_ && userMovedView_ && before.w > 0 && before.h > 0;
    const Vec2 middle = !keep ? Vec2{} : keepWorld ? *keepWorld
                                                   : camera_.screenToWorld({before.x + before.w / 2.0, before.y + before.h / 2.0});
    layout_ = computeLayout(float(screenW_), float(screenH_), scale_, uiMode_, compareBy_ != CompareBy::off, overlays_);
    if (rightToLeft_) mirrorLayout(layout_, float(screenW_));
    const Rect& first = layout_.pane[0];
    camera_.setViewport(first.w, first.h);
    camera_.setOrigin(first.x, first.y);
    if (keep && layout_.map.w > 0 && layout_.map.h > 0) {
        holdAtFreeMiddle(middle);
        // A flight under way aims at the new free area's middle too (screen y runs opposite to world y).
        if (flight_.active && flight_.toScale > 0) {
            const double dx = (layout_.map.x + layout_.map.w / 2.0) - (before.x + before.w / 2.0);
            const double dy = (layout_.map.y + layout_.map.h / 2.0) - (before.y + before.h / 2.0);
            flight_.toCenter = {flight_.toCenter.x - dx / flight_.toScale, flight_.toCenter.y + dy / flight_.toScale};
        }
    }
    if (content_) camera_.setLimits(content_->bounds, maxPixelsPerUnit());
    if (!userMovedView_) viewFitted_ = false;  // re-frame for the new free area
}

void Viewer::backgroundColor(float night, float rgba[4]) {
    static const MapPalette day, dark = nightPalette();
    for (int i = 0; i < 3; ++i) {
        float a = float((day.background >> (8 * i)) & 255), b = float((dark.background >> (8 * i)) & 255);
        rgba[i] = (a + (b - a) * night) / 255.0f;
    }
    rgba[3] = 1.0f;
}

}  // namespace bk
