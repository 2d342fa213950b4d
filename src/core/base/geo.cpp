// geo.cpp — spherical Web-Mercator projection around an origin, and camera pan/zoom with limits.
#include "geo.hpp"

#include <algorithm>

namespace bk {

namespace {
Vec2 mercator(LatLon p) {
    double lat = std::clamp(p.lat, -85.05112878, 85.05112878) * kPi / 180.0;
    return {kEarthRadiusM * p.lon * kPi / 180.0, kEarthRadiusM * std::log(std::tan(kPi / 4 + lat / 2))};
}
}  // namespace

Projection::Projection(LatLon origin) : origin_(origin), originMercator_(mercator(origin)) {}

Vec2 Projection::toLocal(LatLon p) const {
    Vec2 m = mercator(p);
    return {m.x - originMercator_.x, m.y - originMercator_.y};
}

LatLon Projection::toLatLon(Vec2 local) const {
    double mx = local.x + originMercator_.x, my = local.y + originMercator_.y;
    return {(2 * std::atan(std::exp(my / kEarthRadiusM)) - kPi / 2) * 180.0 / kPi, mx / kEarthRadiusM * 180.0 / kPi};
}

void Bounds::add(Vec2 p) {
    min.x = std::min(min.x, p.x);
    min.y = std::min(min.y, p.y);
    max.x = std::max(max.x, p.x);
    max.y = std::max(max.y, p.y);
}

void Camera::setViewport(double w, double h) {
    width_ = std::max(1.0, w);
    height_ = std::max(1.0, h);
    clamp();
}

void Camera::setLimits(const Bounds& limits, double maxPixelsPerUnit) {
    limits_ = limits;
    maxPxPerUnit_ = maxPixelsPerUnit;
    clamp();
}

void Camera::fit(const Bounds& area, Margins m) {
    if (area.empty()) return;
    Vec2 size = area.size();
    double availW = std::max(width_ - m.left - m.right, width_ * 0.3);
    double availH = std::max(height_ - m.top - m.bottom, height_ * 0.3);
    pxPerUnit_ = std::max(1e-6, std::min(availW / std::max(size.x, 1.0), availH / std::max(size.y, 1.0)));
    // Centre the area in the free rectangle, not in the whole viewport.
    double shiftX = (m.left - m.right) / 2 / pxPerUnit_, shiftY = (m.bottom - m.top) / 2 / pxPerUnit_;
    center_ = {area.center().x - shiftX, area.center().y - shiftY};
    clamp();
}

void Camera::panByPixels(double dx, double dy) {
    center_.x -= dx / pxPerUnit_;
    center_.y += dy / pxPerUnit_;
    clamp();
}

void Camera::zoomAt(double x, double y, double factor) {
    Vec2 before = screenToWorld({x, y});
    pxPerUnit_ *= factor;
    clamp();
    Vec2 after = screenToWorld({x, y});
    center_.x += before.x - after.x;
    center_.y += before.y - after.y;
    clamp();
}

void Camera::setCenter(Vec2 c) {
    center_ = c;
    clamp();
}

void Camera::setPixelsPerUnit(double scale) {
    if (scale > 0) pxPerUnit_ = scale;
    clamp();
}

Vec2 Camera::worldToScreen(Vec2 w) const {
    return {originX_ + (w.x - center_.x) * pxPerUnit_ + width_ / 2, originY_ + height_ / 2 - (w.y - center_.y) * pxPerUnit_};
}

Vec2 Camera::screenToWorld(Vec2 s) const {
    return {(s.x - originX_ - width_ / 2) / pxPerUnit_ + center_.x, center_.y - (s.y - originY_ - height_ / 2) / pxPerUnit_};
}

void Camera::clamp() {
    if (limits_.empty()) return;
    Vec2 size = limits_.size();
    // Never zoom out beyond half of "the whole map fills the window": the map stays the subject.
    double fitScale = std::min(width_ / std::max(size.x, 1.0), height_ / std::max(size.y, 1.0));
    minPxPerUnit_ = fitScale * 0.5;
    pxPerUnit_ = std::clamp(pxPerUnit_, minPxPerUnit_, std::max(minPxPerUnit_, maxPxPerUnit_));
    center_.x = std::clamp(center_.x, limits_.min.x, limits_.max.x);
    center_.y = std::clamp(center_.y, limits_.min.y, limits_.max.y);
}

}  // namespace bk
