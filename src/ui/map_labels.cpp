// map_labels.cpp — names on the map: places, points of interest with symbols, street names along their lines; by
// priority and zoom, never overlapping each other, sensor glyphs or panels.
#include "ui.hpp"
#include "label_boxes.hpp"
#include "label_style.hpp"
#include "ui_common.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace bk {

namespace {
// CSS px per ground metre at which each kind starts to be named.
float minZoomFor(MapKind k) {
    switch (k) {
        case MapKind::palace: case MapKind::district: case MapKind::landmark: return 0.0f;
        case MapKind::road: return 0.45f;
        case MapKind::park: return 0.9f;
        case MapKind::path: return 1.6f;
        case MapKind::wall: return 99.0f;  // walls read from their line alone
        case MapKind::poi: return 1.2f;
        case MapKind::water: case MapKind::garden: case MapKind::wood: case MapKind::grass: return 1.1f;
        default: return 1.3f;
    }
}
// Points of interest by zoom (CSS px per ground metre): stations and gates early, bus stops only up close.
bool poiShown(const std::string& cls, float pxPerMetre) {
    if (cls == "subway_entrance" || cls == "gate" || cls == "viewpoint" || cls == "place" || cls == "townhall" ||
        cls == "library" || cls == "attraction")
        return pxPerMetre >= 1.1f;
    if (cls == "bus_stop" || cls == "junction") return pxPerMetre >= 2.6f;
    return pxPerMetre >= 1.8f;  // toilets, parking, and the rest
}

// A small symbol per class, as on a paper map: a disc with a letter, a gate's bar, a viewpoint's fan.
void drawPoiSymbol(ImDrawList* dl, const std::string& cls, ImVec2 c, float S, bool dark, const UiFonts& f) {
    const ImU32 ring = dark ? IM_COL32(20, 26, 40, 255) : IM_COL32(252, 250, 245, 255);
    ImU32 fill = dark ? IM_COL32(150, 156, 176, 255) : IM_COL32(118, 110, 98, 255);
    const char* mark = nullptr;
    if (cls == "subway_entrance") { fill = IM_COL32(60, 96, 150, 255); mark = "M"; }
    else if (cls == "bus_stop") { fill = IM_COL32(70, 120, 110, 255); mark = "B"; }
    else if (cls == "parking" || cls == "parking_entrance") { fill = IM_COL32(72, 104, 150, 255); mark = "P"; }
    else if (cls == "toilets") { fill = IM_COL32(110, 104, 140, 255); mark = "WC"; }
    else if (cls == "viewpoint") fill = dark ? IM_COL32(200, 170, 110, 255) : IM_COL32(150, 112, 60, 255);
    if (cls == "gate") {
        dl->AddRectFilled({c.x - 4.5f * S, c.y - 2.2f * S}, {c.x + 4.5f * S, c.y + 2.2f * S}, ring, 1.0f * S);
        dl->AddRectFilled({c.x - 3.5f * S, c.y - 1.3f * S}, {c.x + 3.5f * S, c.y + 1.3f * S}, fill, 0.5f * S);
        return;
    }
    if (cls == "viewpoint") {
        dl->AddCircleFilled(c, 4.4f * S, ring, 16);
        dl->PathArcTo(c, 3.6f * S, -2.6f, -0.55f, 8);
        dl->PathLineTo(c);
        dl->PathFillConvex(fill);
        return;
    }
    const float r = (mark ? 5.5f : 3.2f) * S;
    dl->AddCircleFilled(c, r + 1.2f * S, ring, 16);
    dl->AddCircleFilled(c, r, fill, 16);
    if (mark && f.small) {
        float size = f.small->FontSize * (mark[1] ? 0.62f : 0.8f);
        ImVec2 ts = f.small->CalcTextSizeA(size, 1e9f, 0, mark);
        dl->AddText(f.small, size, {c.x - ts.x / 2, c.y - ts.y / 2}, IM_COL32(255, 255, 255, 255), mark);
    }
}
}  // namespace

int drawStreetLabels(const ViewState& s, const UiFonts& f, GlyphBoxes& taken, const GlyphBoxes& sensors,
                     float pxPerMetre, float zoomScale, bool dark);  // street_labels.cpp

MapLabelStats drawMapLabels(const ViewState& s, const UiFonts& f) {
    MapLabelStats stats;
    if (!s.mesh || !s.camera || !f.small || !f.body) return stats;
    const Camera& cam = *s.camera;
    const float S = s.uiScale;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    // Ground scale: local units are mercator metres, metresPerUnit (cos of the latitude) ground metres each.
    float cssPxPerMetre = float(cam.pixelsPerUnit() / S / s.metresPerUnit);
    // Labels grow a little as you zoom in (a street name at alley level should read like a sign), within limits
    // that keep the glyph atlas crisp.
    const float zoomScale = std::clamp(1.0f + 0.22f * std::log2(std::max(cssPxPerMetre, 0.01f) / 0.6f), 0.9f, 1.3f);

    // Panels cover the map: no label under them; nor under the scale bar or the attribution.
    GlyphBoxes taken(float(cam.viewportWidth()), float(cam.viewportHeight()), 48 * S);
    auto reserve = [&](const Rect& r) { if (r.w > 0 && r.h > 0) taken.add({r.x, r.y, r.right(), r.bottom()}); };
    const Layout& L = s.layout;
    for (const Rect* r : {&L.timeline, &L.header, &L.kpis, &L.events, &L.legend}) reserve(*r);
    // That slot holds the selected sensor's card, or else the smart-collection card.
    if (s.selected >= 0 || (s.collection && s.collection->available)) reserve(L.sensor);
    if (s.dataset) reserve(L.scaleBar);
    if (!s.mapAttribution.empty()) reserve(attributionBounds(s, f));
    // Street and landmark names keep off the glyphs (the subject); area names may pass under them.
    GlyphBoxes glyphs(float(cam.viewportWidth()), float(cam.viewportHeight()), 64 * S);
    if (s.sensorPositions && !(s.mesh->labels.empty() && s.mesh->streets.empty()))
        for (const Vec2& p : *s.sensorPositions) {
            Vec2 q = cam.worldToScreen(p);
            glyphs.add({float(q.x) - 11 * S, float(q.y) - 11 * S, float(q.x) + 11 * S, float(q.y) + 11 * S});
        }

    const bool dark = s.night > 0.5f;
    // Places and landmarks first (they name the quarter), then streets along their lines, then the rest.
    for (int pass = 0; pass < 3; ++pass) {
        if (pass == 1) {
            stats.streets = drawStreetLabels(s, f, taken, glyphs, cssPxPerMetre, zoomScale, dark);
            continue;
        }
        for (const MapLabel& l : s.mesh->labels) {
            if ((l.priority >= 70) != (pass == 0)) continue;
            if (cssPxPerMetre < minZoomFor(l.kind)) continue;
            if (l.kind == MapKind::poi && !poiShown(l.cls, cssPxPerMetre)) continue;
            Vec2 q = cam.worldToScreen(l.position);
            if (q.x < -200 || q.y < -50 || q.x > cam.viewportWidth() + 200 || q.y > cam.viewportHeight() + 50) continue;
            bool district = l.kind == MapKind::district, area = l.kind == MapKind::palace || l.kind == MapKind::park;
            // Districts and areas: English over Korean, centred. Landmarks and POIs: a mark, then the name.
            const std::string& en = l.nameEn.empty() && l.nameKo.empty() ? l.name : l.nameEn;
            std::string first = primaryName(en, l.nameKo), second = secondaryName(en, l.nameKo);
            // In the UI language where the map has the name (OpenStreetMap's name:xx), over the local name.
            if (const std::string* other = translatedPlace(s, localName(l.nameEn, l.nameKo, l.name))) {
                first = shownText(*other);
                second = shownText(localName(l.nameEn, l.nameKo, l.name));
            }
            const bool poi = l.kind == MapKind::poi;
            if (poi) second.clear();  // one line: a symbol and its name
            ImFont* f1 = district ? f.small : f.body;
            ImFont* f2 = f.small;
            const float size1 = f1->FontSize * zoomScale, size2 = f2->FontSize * zoomScale;
            ImVec2 s1 = f1->CalcTextSizeA(size1, 1e9f, 0, first.c_str());
            ImVec2 s2 = second.empty() ? ImVec2(0, 0) : f2->CalcTextSizeA(size2, 1e9f, 0, second.c_str());
            float w = std::max(s1.x, s2.x), h = s1.y + s2.y;
            bool landmark = l.kind == MapKind::landmark || poi;
            float ox = landmark ? 9 * S : -w / 2, oy = landmark ? -s1.y / 2 : -h / 2;
            // Try the natural spot, then nudge above, below and to the sides: the first free one wins.
            const float nudges[9][2] = {{0, 0},          {0, -h * 0.9f},         {0, h * 0.9f},
                                        {-w * 0.6f, 0},  {w * 0.6f, 0},          {0, -h * 1.8f},
                                        {0, h * 1.8f},   {-w * 0.6f, -h * 0.9f}, {w * 0.6f, h * 0.9f}};
            // Landmarks must not cover a glyph; area names take the spot that hides the fewest, and where every spot
            // hides one, they are drawn over the glyphs (below).
            int tries = landmark ? 1 : 9;
            bool placedOk = false;
            Box box{};
            int bestCovered = 1 << 30;
            float bestDx = 0, bestDy = 0;
            for (int k = 0; k < tries; ++k) {
                float bx = float(q.x) + ox + nudges[k][0], by = float(q.y) + oy + nudges[k][1];
                Box candidate{bx - 3 * S, by - 2 * S, bx + w + 3 * S, by + h + 2 * S};
                // A name cut by the canvas edge ("Changdeokgung Pa") reads as a glitch: whole or not at all.
                bool clash = candidate.x0 < 0 || candidate.y0 < 0 || candidate.x1 > float(cam.viewportWidth()) ||
                             candidate.y1 > float(cam.viewportHeight());
                if (!clash) clash = taken.covered(candidate) > 0;
                if (clash) continue;
                int covered = glyphs.covered(candidate);
                if (landmark && covered) continue;
                if (covered < bestCovered) {
                    bestCovered = covered;
                    box = candidate;
                    bestDx = nudges[k][0];
                    bestDy = nudges[k][1];
                    placedOk = true;
                }
                if (covered == 0) break;
            }
            q.x += bestDx;
            q.y += bestDy;
            if (!placedOk) continue;
            taken.add(box);
            ++stats.places;
            // Ink and halo (switching at dusk rather than blending) and, when the light needs it, a plate: 4.5:1
            // against whatever part of the map lies under the name (label_style.hpp).
            const LabelStyle style = labelStyle(district ? LabelTone::district : area ? LabelTone::area : LabelTone::place, s.night);
            const ImU32 ink = style.ink, halo = style.halo;
            // A name that could not keep clear of the sensors is drawn over them (the glyphs yield to it), in the
            // foreground: it never lies under the panels (their boxes are taken), only over glyphs.
            // (Side-by-side panes move their labels' vertices afterwards, so there they stay in the map's list.)
            const bool twoPanes = s.compareBy != CompareBy::off && !s.layout.paneSwitch;
            ImDrawList* to = bestCovered > 0 && !twoPanes ? ImGui::GetForegroundDrawList() : dl;
            if (style.plateAlpha > 0 || bestCovered > 0) {
                const float a = bestCovered > 0 ? std::max(style.plateAlpha, 0.8f) : style.plateAlpha;
                to->AddRectFilled({box.x0 + 1 * S, box.y0 + 1 * S}, {box.x1 - 1 * S, box.y1 - 1 * S},
                                  (halo & 0x00ffffffu) | (uint32_t(std::lround(a * 255)) << 24), 4 * S);
            }
            if (poi) {
                drawPoiSymbol(dl, l.cls, ImVec2(float(q.x), float(q.y)), S, dark, f);
            } else if (landmark) {  // the dot marks the place itself; landmark labels are never nudged away from it
                dl->AddCircleFilled(ImVec2(float(q.x), float(q.y)), 3.5f * S, ink, 12);
                dl->AddCircle(ImVec2(float(q.x), float(q.y)), 3.5f * S, halo, 12, 1.2f * S);
            }
            float x1 = float(q.x) + (landmark ? ox : -s1.x / 2);
            drawHaloText(to, f1, size1, ImVec2(x1, float(q.y) + oy), ink, halo, first.c_str(), S);
            if (!second.empty()) {
                float x2 = float(q.x) + (landmark ? ox : -s2.x / 2);
                drawHaloText(to, f2, size2, ImVec2(x2, float(q.y) + oy + s1.y), ink, halo, second.c_str(), S);
            }
        }
    }
    return stats;
}


}  // namespace bk
