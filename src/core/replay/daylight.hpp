// daylight.hpp — how dark it is at a place and time, so the map's light can follow the replay clock.
#pragma once

#include "geo.hpp"

#include <cstdint>

namespace bk {

// The sun's elevation above the horizon in degrees (low-precision solar position, ±0.5°: plenty for shading).
double solarElevationDeg(LatLon place, int64_t timeMs);

// 0 in daylight (sun ≥ 6° up), 1 at night (sun ≤ 6° below: civil twilight over), smooth in between.
float nightFactor(LatLon place, int64_t timeMs);

}  // namespace bk
