// street_labels.cpp — street names along their streets: upright, bending with the line, repeated along long streets,
// never over another label, a sensor or a panel; each glyph a quad turned to the line.
#include "label_boxes.hpp"
#include "label_style.hpp"
#include "ui.hpp"
#include "ui_common.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace bk {

int drawStreetLabels(const ViewState& s, const UiFonts& f, GlyphBoxes& taken, const GlyphBoxes& sensors,
                     float pxPerMetre, float zoomScale, bool dark) {
    // CSS px per ground metre from which each rank is named: primary, tertiary, residential, service, footway.
    static const float kMinZoom[] = {0.3f, 0.55f, 0.95f, 1.7f, 2.4f};
    const Camera& cam = *s.camera;
    const float S = s.uiScale, W = float(cam.viewportWidth()), H = float(cam.viewportHeight());
    ImFont* font = f.small;
    const float size = font->FontSize * zoomScale * 0.96f;
    const float scale = size / font->FontSize;
    // Ink, halo and (at dusk) a band of the halo's colour under the name: 4.5:1 at any light (label_style.hpp).
    const LabelStyle style = labelStyle(LabelTone::street, s.night);
    const ImU32 ink = style.ink, halo = style.halo;
    const ImU32 plate = (style.halo & 0x00ffffffu) | (uint32_t(std::lround(style.plateAlpha * 255)) << 24);
    (void)dark;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    int count = 0;
    std::vector<ImVec2> pts;
    std::vector<float> along;
    struct Glyph { const ImFontGlyph* g; ImVec2 at; float angle; };
    std::vector<Glyph> run;
    std::vector<Box> boxes;
    std::vector<const ImFontGlyph*> glyphs;
    for (const StreetLabel& street : s.mesh->streets) {
        if (pxPerMetre < kMinZoom[std::min(street.rank, 4)]) continue;
        if (street.lengthM * pxPerMetre < 40) continue;  // too short on screen for any name
        const std::string& en = street.nameEn.empty() && street.nameKo.empty() ? street.name : street.nameEn;
        const std::string* other = translatedPlace(s, localName(street.nameEn, street.nameKo, street.name));
        const std::string& text = other ? shownText(*other) : primaryName(en, street.nameKo);
        if (text.empty()) continue;
        glyphs.clear();
        float textW = 0;
        for (const char* p = text.c_str(); *p;) {
            unsigned int c = 0;
            p += ImTextCharFromUtf8(&c, p, nullptr);
            if (!c) break;
            const ImFontGlyph* g = font->FindGlyph(ImWchar(c));
            if (!g) continue;
            glyphs.push_back(g);
            textW += g->AdvanceX * scale;
        }
        if (glyphs.empty()) continue;
        const float spacing = std::max(textW * 2.5f, 320 * S);
        // A street's name once per `spacing` along it, whichever of its chains (a sidewalk mapped apart carries
        // the same name) it sits on.
        std::vector<ImVec2> named;
        for (const auto& chain : street.chains) {
            pts.clear();
            along.clear();
            float minX = 1e9f, minY = 1e9f, maxX = -1e9f, maxY = -1e9f;
            for (const Vec2& w : chain) {
                Vec2 q = cam.worldToScreen(w);
                pts.push_back({float(q.x), float(q.y)});
                minX = std::min(minX, pts.back().x);
                maxX = std::max(maxX, pts.back().x);
                minY = std::min(minY, pts.back().y);
                maxY = std::max(maxY, pts.back().y);
            }
            if (maxX < 0 || maxY < 0 || minX > W || minY > H) continue;
            along.push_back(0);
            for (size_t i = 1; i < pts.size(); ++i)
                along.push_back(along.back() + std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y));
            const float total = along.back();
            if (total < textW + 16 * S) continue;
            auto at = [&](float d, float& angle) {  // the point d px along the chain, and the line's direction there
                size_t i = size_t(std::upper_bound(along.begin(), along.end(), d) - along.begin());
                i = std::clamp<size_t>(i, 1, pts.size() - 1);
                float seg = along[i] - along[i - 1], t = seg > 0 ? (d - along[i - 1]) / seg : 0;
                angle = std::atan2(pts[i].y - pts[i - 1].y, pts[i].x - pts[i - 1].x);
                return ImVec2(pts[i - 1].x + (pts[i].x - pts[i - 1].x) * t, pts[i - 1].y + (pts[i].y - pts[i - 1].y) * t);
            };
            // Candidate centres: the middle, then every `spacing` either side of it.
            const int n = std::max(1, int((total - textW) / spacing) + 1);
            const float first = total / 2 - float(n - 1) * spacing / 2;
            for (int k = 0; k < n; ++k) {
                const float centre = first + float(k) * spacing;
                float a0, a1;
                ImVec2 p0 = at(centre - textW / 2, a0), p1 = at(centre + textW / 2, a1);
                const bool flip = p1.x < p0.x;  // keep the text upright: read it from the left end
                ImVec2 mid((p0.x + p1.x) / 2, (p0.y + p1.y) / 2);
                bool repeated = false;
                for (const ImVec2& q : named) repeated = repeated || std::hypot(q.x - mid.x, q.y - mid.y) < spacing * 0.7f;
                if (repeated) continue;
                run.clear();
                boxes.clear();
                bool ok = true;
                float d = flip ? centre + textW / 2 : centre - textW / 2, prevAngle = 0;
                for (size_t gi = 0; gi < glyphs.size() && ok; ++gi) {
                    const ImFontGlyph* g = glyphs[gi];
                    const float adv = g->AdvanceX * scale;
                    float angle;
                    ImVec2 c = at(flip ? d - adv / 2 : d + adv / 2, angle);
                    if (flip) angle += float(kPi);
                    if (gi && std::fabs(std::remainder(angle - prevAngle, 2 * float(kPi))) > 0.45f) ok = false;  // a sharp bend
                    prevAngle = angle;
                    d += flip ? -adv : adv;
                    const float r = std::max(adv, size) * 0.55f + 1.5f * S;
                    Box b{c.x - r, c.y - r, c.x + r, c.y + r};
                    if (b.x0 < 0 || b.y0 < 0 || b.x1 > W || b.y1 > H || taken.covered(b) || sensors.covered(b)) ok = false;
                    run.push_back({g, c, angle});
                    boxes.push_back(b);
                }
                if (!ok) continue;
                for (const Box& b : boxes) taken.add(b);
                named.push_back(mid);
                ++count;
                // The plate's band (when the light needs one), then the halo (eight offsets), then the ink.
                if (style.plateAlpha > 0)
                    for (const Glyph& gl : run) {
                        const float cs = std::cos(gl.angle), sn = std::sin(gl.angle), hw = gl.g->AdvanceX * scale / 2 + 0.5f * S;
                        const float hh = size * 0.62f;
                        auto corner = [&](float x, float y) { return ImVec2(gl.at.x + x * cs - y * sn, gl.at.y + x * sn + y * cs); };
                        dl->AddQuadFilled(corner(-hw, -hh), corner(hw, -hh), corner(hw, hh), corner(-hw, hh), plate);
                    }
                const float o = 1.2f * S;
                static const float dirs[9][2] = {{1, 0},       {-1, 0},       {0, 1},         {0, -1}, {0.7f, 0.7f},
                                                 {-0.7f, 0.7f}, {0.7f, -0.7f}, {-0.7f, -0.7f}, {0, 0}};
                for (int pass = 0; pass < 9; ++pass)
                    for (const Glyph& gl : run) {
                        const ImFontGlyph* g = gl.g;
                        const float cs = std::cos(gl.angle), sn = std::sin(gl.angle), adv = g->AdvanceX * scale;
                        // Corners relative to the glyph's centre on the line (the text centred vertically on it).
                        const float x0 = g->X0 * scale - adv / 2, x1 = g->X1 * scale - adv / 2;
                        const float y0 = g->Y0 * scale - size / 2, y1 = g->Y1 * scale - size / 2;
                        auto corner = [&](float x, float y) {
                            return ImVec2(gl.at.x + x * cs - y * sn + dirs[pass][0] * o,
                                          gl.at.y + x * sn + y * cs + dirs[pass][1] * o);
                        };
                        dl->PrimReserve(6, 4);
                        dl->PrimQuadUV(corner(x0, y0), corner(x1, y0), corner(x1, y1), corner(x0, y1),
                                       ImVec2(g->U0, g->V0), ImVec2(g->U1, g->V0), ImVec2(g->U1, g->V1),
                                       ImVec2(g->U0, g->V1), pass == 8 ? ink : halo);
                    }
            }
        }
    }
    return count;
}

}  // namespace bk
