// label_style.cpp — label colours worked out from the basemap's palettes and the WCAG contrast formula.
#include "label_style.hpp"

#include "map_mesh.hpp"

#include <algorithm>
#include <cmath>

namespace bk {

namespace {

double channel(uint32_t c, int shift) {
    double v = double((c >> shift) & 255) / 255.0;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}
double luminance(uint32_t c) { return 0.2126 * channel(c, 0) + 0.7152 * channel(c, 8) + 0.0722 * channel(c, 16); }

// The fills a name can stand on (areas and the roads' surfaces; edges, casings, walls and steps are lines the halo
// covers where a name crosses them).
constexpr uint32_t MapPalette::*kFills[] = {
    &MapPalette::background, &MapPalette::park, &MapPalette::grass, &MapPalette::wood, &MapPalette::sand,
    &MapPalette::plaza, &MapPalette::palace, &MapPalette::water, &MapPalette::hanok, &MapPalette::block,
    &MapPalette::building, &MapPalette::road, &MapPalette::majorRoad, &MapPalette::path, &MapPalette::footway,
    &MapPalette::tunnel, &MapPalette::other};

}  // namespace

double contrastRatio(uint32_t a, uint32_t b) {
    double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

uint32_t blendOver(uint32_t bottom, uint32_t top, float alpha) {
    alpha = std::clamp(alpha, 0.0f, 1.0f);
    uint32_t out = 0;
    for (int shift = 0; shift < 24; shift += 8) {
        float b = float((bottom >> shift) & 255), t = float((top >> shift) & 255);
        out |= uint32_t(std::lround(b + (t - b) * alpha)) << shift;
    }
    return out | 0xff000000u;
}

double worstMapContrast(uint32_t ink, uint32_t plate, float plateAlpha, float night) {
    static const MapPalette day{}, dark = nightPalette();
    double worst = 21;
    for (uint32_t MapPalette::*fill : kFills) {
        uint32_t map = blendOver(day.*fill, dark.*fill, std::clamp(night, 0.0f, 1.0f));
        worst = std::min(worst, contrastRatio(ink, blendOver(map, plate, plateAlpha)));
    }
    return worst;
}

LabelStyle labelStyle(LabelTone tone, float night) {
    const bool dark = night > 0.5f;
    LabelStyle s;
    switch (tone) {
        case LabelTone::district: s.ink = dark ? rgba(214, 202, 178) : rgba(98, 74, 48); break;
        case LabelTone::area: s.ink = dark ? rgba(200, 194, 174) : rgba(84, 70, 48); break;
        case LabelTone::street: s.ink = dark ? rgba(206, 208, 216) : rgba(76, 72, 68); break;
        case LabelTone::place: s.ink = dark ? rgba(224, 224, 230) : rgba(58, 58, 62); break;
    }
    s.halo = dark ? rgba(20, 26, 40, 235) : rgba(248, 245, 237, 235);
    for (int step = 0; step <= 20; ++step) {  // the lightest plate that keeps the contrast, in steps of 5 %
        s.plateAlpha = float(step) / 20.0f;
        if (worstMapContrast(s.ink, s.halo, s.plateAlpha, night) >= kLabelMinContrast) break;
    }
    return s;
}

}  // namespace bk
