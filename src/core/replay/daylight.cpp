// daylight.cpp — the standard low-precision solar position (Astronomical Almanac's approximation).
#include "daylight.hpp"

#include <algorithm>
#include <cmath>

namespace bk {

double solarElevationDeg(LatLon place, int64_t timeMs) {
    const double rad = kPi / 180.0;
    double d = double(timeMs) / 86400000.0 + 2440587.5 - 2451545.0;  // days since J2000.0
    double g = std::fmod(357.529 + 0.98560028 * d, 360.0) * rad;      // mean anomaly
    double q = std::fmod(280.459 + 0.98564736 * d, 360.0);            // mean longitude
    double lambda = (q + 1.915 * std::sin(g) + 0.020 * std::sin(2 * g)) * rad;
    double eps = (23.439 - 0.00000036 * d) * rad;
    double ra = std::atan2(std::cos(eps) * std::sin(lambda), std::cos(lambda));
    double dec = std::asin(std::sin(eps) * std::sin(lambda));
    double gmstHours = std::fmod(18.697374558 + 24.06570982441908 * d, 24.0);
    double hourAngle = (gmstHours * 15.0 + place.lon) * rad - ra;
    double lat = place.lat * rad;
    double sinEl = std::sin(lat) * std::sin(dec) + std::cos(lat) * std::cos(dec) * std::cos(hourAngle);
    return std::asin(std::clamp(sinEl, -1.0, 1.0)) / rad;
}

float nightFactor(LatLon place, int64_t timeMs) {
    double el = solarElevationDeg(place, timeMs);
    double x = std::clamp((6.0 - el) / 12.0, 0.0, 1.0);
    return float(x * x * (3 - 2 * x));
}

}  // namespace bk
