// geo.hpp — WGS84 → local Web-Mercator metres (float-safe near the map), and the 2D camera that maps them to pixels.
//
// Everything drawn lives in "local mercator metres": spherical Web-Mercator metres minus an origin near the data,
// so that 32-bit floats on the GPU keep millimetre precision across a city. Note that mercator metres are
// stretched by 1/cos(latitude) (≈1.26 in Seoul); use groundMetresPerMercatorMetre() for true distances.
#pragma once

#include <cmath>

namespace bk {

struct LatLon { double lat = 0, lon = 0; };

// A hash key for a cell (or a position rounded to integers) of a 2D grid, negative coordinates included.
inline unsigned long long gridKey(long long x, long long y) {
    return (static_cast<unsigned long long>(x) << 32) ^ (static_cast<unsigned long long>(y) & 0xffffffffull);
}
struct Vec2 { double x = 0, y = 0; };

constexpr double kEarthRadiusM = 6378137.0;
constexpr double kPi = 3.14159265358979323846;

class Projection {
public:
    Projection() = default;
    explicit Projection(LatLon origin);

    Vec2 toLocal(LatLon p) const;     // metres east (x) and north (y) of the origin, mercator scale
    LatLon toLatLon(Vec2 local) const;
    LatLon origin() const { return origin_; }
    // True ground metres per local unit at the origin's latitude (cos φ).
    double groundMetresPerUnit() const { return std::cos(origin_.lat * kPi / 180.0); }

private:
    LatLon origin_{};
    Vec2 originMercator_{};
};

struct Bounds {
    Vec2 min{1e300, 1e300}, max{-1e300, -1e300};
    void add(Vec2 p);
    bool empty() const { return min.x > max.x; }
    Vec2 center() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
    Vec2 size() const { return {max.x - min.x, max.y - min.y}; }
};

// A top-down 2D camera. Screen pixels have y down, with (0,0) at the top left of the viewport.
class Camera {
public:
    void setViewport(double widthPx, double heightPx);
    // Where the viewport's top-left corner is on the screen (device px): screen coordinates in and out of this camera
    // include it (a compare view's right pane shares the left pane's camera, moved by the pane's offset).
    void setOrigin(double xPx, double yPx) { originX_ = xPx; originY_ = yPx; }
    double originX() const { return originX_; }
    double originY() const { return originY_; }
    // Limits: the camera centre stays inside `limits` and the zoom between "whole map fits" / 8 and maxPxPerUnit.
    void setLimits(const Bounds& limits, double maxPixelsPerUnit);
    // Centres and scales `area` into the viewport minus margins (px on each side, e.g. room for panels).
    struct Margins { double left = 0, top = 0, right = 0, bottom = 0; };
    void fit(const Bounds& area, Margins margins);

    void panByPixels(double dxPx, double dyPx);
    // Zooms by `factor` keeping the world point under the screen point (x,y) fixed.
    void zoomAt(double xPx, double yPx, double factor);
    void setCenter(Vec2 c);
    void setPixelsPerUnit(double scale);   // clamped to the limits

    Vec2 worldToScreen(Vec2 w) const;
    Vec2 screenToWorld(Vec2 s) const;

    Vec2 center() const { return center_; }
    double pixelsPerUnit() const { return pxPerUnit_; }
    double viewportWidth() const { return width_; }
    double viewportHeight() const { return height_; }

private:
    void clamp();

    Vec2 center_{};
    double pxPerUnit_ = 1;
    double width_ = 1, height_ = 1;
    double originX_ = 0, originY_ = 0;
    Bounds limits_{};
    double minPxPerUnit_ = 1e-9, maxPxPerUnit_ = 1e9;
};

}  // namespace bk
