// label_style.hpp — the map labels' ink, halo and plate at any light, so a name reads (≥ 4.5:1, WCAG AA) over
// whatever part of the map lies under it, at dawn, by day, at dusk and at night.
#pragma once

#include <cstdint>

namespace bk {

enum class LabelTone { district, area, place, street };

struct LabelStyle {
    uint32_t ink = 0, halo = 0;  // rgba() (map_mesh.hpp); the halo is the text's outline, opaque-ish
    float plateAlpha = 0;        // a rounded plate of the halo's colour behind the name: 0 when the halo suffices
};

// `night` is the light as the map shows it (0 day … 1 night, daylight.hpp). The ink switches from dark to light at
// dusk (night > 0.5) rather than blending (blended, ink and map reach the same grey halfway). The plate is as
// transparent as it can be while the ink keeps 4.5:1 against the plate over every basemap colour at that light.
LabelStyle labelStyle(LabelTone tone, float night);

// WCAG 2 contrast ratio of two opaque colours (rgba(), alpha ignored): 1 … 21.
double contrastRatio(uint32_t a, uint32_t b);
// `top` over `bottom` with opacity `alpha` (0 … 1); the result is opaque.
uint32_t blendOver(uint32_t bottom, uint32_t top, float alpha);
// The basemap's fill under a label could be any of the palette's area and road colours; at `night` each is the day colour
// blended towards the night one. The lowest contrast of `ink` against them, each under a plate of `plate` at
// `plateAlpha`.
double worstMapContrast(uint32_t ink, uint32_t plate, float plateAlpha, float night);

constexpr double kLabelMinContrast = 4.5;

}  // namespace bk
