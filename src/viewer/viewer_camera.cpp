// viewer_camera.cpp — where the camera looks: fitting the data on load and resize, flights to a sensor or a view.
#include "viewer.hpp"

#include <algorithm>
#include <cmath>

namespace bk {

// Zooming in stops at about 6 CSS px per ground metre: alley level, where a hanok is ~100 px wide.
double Viewer::maxPixelsPerUnit() const {
    return content_ ? 6.0 * scale_ / content_->projection.groundMetresPerUnit() : 1.0;
}

void Viewer::fitView() {
    if (!content_) return;
    camera_.setLimits(content_->bounds, maxPixelsPerUnit());
    // Frame the sensors (the subject) with ~120 m of context, leaving room for the panels.
    Bounds area = content_->sensorBounds;
    double pad = 120.0 / content_->projection.groundMetresPerUnit();
    area.add({area.min.x - pad, area.min.y - pad});
    area.add({area.max.x + pad, area.max.y + pad});
    // The free area is on the screen; the margins are from the camera's viewport (the first pane).
    const Rect& free = layout_.map;
    const double ox = camera_.originX(), oy = camera_.originY();
    camera_.fit(area, {free.x - ox, free.y - oy, ox + camera_.viewportWidth() - free.right(),
                       oy + camera_.viewportHeight() - free.bottom()});
    flight_.active = false;
    viewFitted_ = true;
    userMovedView_ = false;
}

// Flies the camera so `target` sits in the middle of the free map area, zoomed in to street level if further out.
void Viewer::flyTo(Vec2 target) {
    flyTo(target, std::max(camera_.pixelsPerUnit(), 2.2 * scale_ / content_->projection.groundMetresPerUnit()), true);
}

void Viewer::flyTo(Vec2 target, double scale, bool animate) {
    flight_.fromCenter = camera_.center();
    flight_.fromScale = camera_.pixelsPerUnit();
    flight_.toScale = std::min(scale, maxPixelsPerUnit());
    // Aim so the target lands in the centre of the free area, not of the whole canvas.
    const Rect& free = layout_.map;
    double offX = (free.x + free.w / 2 - camera_.originX() - camera_.viewportWidth() / 2) / flight_.toScale;
    double offY = (free.y + free.h / 2 - camera_.originY() - camera_.viewportHeight() / 2) / flight_.toScale;
    flight_.toCenter = {target.x - offX, target.y + offY};
    flight_.elapsedMs = 0;
    flight_.durationMs = reducedMotion_ || !animate ? 0 : 900;
    flight_.active = true;
    userMovedView_ = true;
}

void Viewer::advanceFlight(double realElapsedMs) {
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

void Viewer::setView(double lat, double lon, double zoom, bool animate) {
    if (!content_ || !std::isfinite(lat) || !std::isfinite(lon) || !std::isfinite(zoom)) return;
    Vec2 target = content_->projection.toLocal({lat, lon});
    // Web-map zoom: 256 CSS px span the world's circumference at zoom 0.
    double scale = 256.0 * std::pow(2.0, zoom) / (2 * kPi * kEarthRadiusM) * dpr_;
    flyTo(target, scale, animate);
}

void Viewer::resize(int viewportW, int viewportH, float dpr, float uiScale) {
    if (viewportW == screenW_ && viewportH == screenH_ && dpr == dpr_ && uiScale == scale_) return;
    // A new pixel density (another monitor, a 2× capture) keeps the same view: scale the camera with it.
    double rescale = dpr_ > 0 && dpr != dpr_ ? double(dpr) / dpr_ : 1.0;
    // Until the user moves the map, a resize re-frames the whole area; after that, their view stays put: the place at
    // the free area's middle stays there, at the new pixel density's scale.
    const Rect& free = layout_.map;
    const Vec2 middle = camera_.screenToWorld({free.x + free.w / 2.0, free.y + free.h / 2.0});
    const bool hold = content_ && userMovedView_ && free.w > 0 && free.h > 0;
    dpr_ = dpr;
    scale_ = uiScale;
    screenW_ = viewportW;
    screenH_ = viewportH;
    relayout(middle);  // (the new limits first: the zoom below must not be clamped by the old ones)
    if (rescale != 1.0 && content_) {
        camera_.setPixelsPerUnit(camera_.pixelsPerUnit() * rescale);
        if (hold) holdAtFreeMiddle(middle);
    }
}

}  // namespace bk
