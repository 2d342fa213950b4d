// layout.cpp — the arrangements (columns, bands, compact; one pane or two), with budgets in design px scaled to device
// px, then the page's overlays and the map's marks in what is left free.
#include "layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace bk {

namespace {

constexpr float kToolbarH = 40;   // one row of buttons (36 CSS px tall at 1×)
// The toolbar's width at scale s: what the page measured its row to need (its language's labels), else 320.
float toolbarW(const Overlays& ov, float s) { return (ov.toolbarWidth > 0 ? ov.toolbarWidth : 320) * s; }
constexpr float kCaptionH = 136;  // two lines of caption and two of its second language (web/bukchon-replay.css)
constexpr float kCaptionW = 900;
constexpr float kNoticeW = 580, kNoticeH = 240;
constexpr float kTitleCardH = 150;  // a compare pane's title card: a budget, the card is as tall as its text

void shift(Rect& r, float dx, float dy) {
    if (r.empty()) return;
    r.x += dx;
    r.y += dy;
}

std::array<Rect*, 19> allRects(Layout& L) {
    return {&L.timeline, &L.header, &L.kpis, &L.events, &L.legend, &L.sensor, &L.map, &L.toolbar, &L.caption,
            &L.notice, &L.editor, &L.scaleBar, &L.attribution, &L.pane[0], &L.pane[1], &L.paneTitle[0],
            &L.paneTitle[1], &L.paneMap[0], &L.paneMap[1]};
}

void shiftAll(Layout& L, float dx, float dy) {
    for (Rect* r : {&L.timeline, &L.header, &L.kpis, &L.events, &L.legend, &L.sensor, &L.map, &L.toolbar, &L.caption,
                    &L.notice, &L.editor, &L.scaleBar, &L.attribution, &L.pane[0], &L.pane[1], &L.paneTitle[0],
                    &L.paneTitle[1], &L.paneMap[0], &L.paneMap[1]})
        shift(*r, dx, dy);
}

Rect below(const Rect& r, float gap, float bottom) { return {r.x, r.bottom() + gap, r.w, std::max(0.0f, bottom - r.bottom() - gap)}; }

// A comparison: the panes, their title cards and free areas, and the shared legend and sensor card (the header, KPI
// band, event feed and collection card give way: each title card says what its pane shows and its own figures).
void compareLayout(Layout& L, float W, float H, float s, UiMode mode, const Overlays& ov) {
    const float m = L.margin, g = L.gap, cssW = W / s, cssH = H / s;
    const float divider = std::max(1.0f, std::round(2 * s));
    const float bottom = mode == UiMode::none ? H - m : L.timeline.y - g;
    const float th = kToolbarH * s;
    const Rect header = L.header;
    L.header = L.kpis = L.events = Rect{};
    if (cssW >= 900 && cssW >= cssH) {
        // Side by side. The legend and the sensor card have a column of their own on the right (the toolbar above
        // them), so neither pane loses part of its map to them; the panes share what is left equally.
        float areaRight = W;
        L.legend = L.sensor = Rect{};
        const bool column = mode == UiMode::full || ov.toolbar;
        if (column) {
            float rightW = std::min(300 * s, W * 0.24f);
            float top = m;
            if (ov.toolbar) {
                const float tw = std::max(rightW, std::min(toolbarW(ov, s), W - 2 * m));
                L.toolbar = {W - m - tw, m, tw, th};
                top = L.toolbar.bottom() + g;
            }
            if (mode == UiMode::full) {
                L.legend = {W - m - rightW, top, rightW, 300 * s};
                L.sensor = below(L.legend, g, bottom);
            }
            areaRight = W - m - rightW - g / 2;  // the panes end just before the column
        }
        float half = std::floor((areaRight - divider) / 2);
        L.panes = 2;
        L.pane[0] = {0, 0, half, H};
        L.pane[1] = {half + divider, 0, half, H};
        float titleW = std::min(300 * s, half - 2 * m);
        // A toolbar wider than the column reaches over the second pane: both panes' titles start below it then.
        const float titleTop = ov.toolbar && L.toolbar.x < L.pane[1].x + m + titleW ? L.toolbar.bottom() + g : m;
        for (int i = 0; i < 2; ++i) {
            L.paneTitle[i] = {L.pane[i].x + m, titleTop, titleW, kTitleCardH * s};
            float top = L.paneTitle[i].bottom() + g;
            L.paneMap[i] = {L.pane[i].x + m, top, half - 2 * m, std::max(0.0f, bottom - top)};
        }
        return;
    }
    if (cssW >= 600 && cssH >= 700) {
        // One above the other. The legend and the sensor card share a band above the timeline; each title card
        // stands at the left of its pane and the map is framed beside it, so both maps keep the pane's height.
        float areaBottom = mode == UiMode::none ? H : L.timeline.y - g / 2;
        L.legend = L.sensor = Rect{};
        if (mode == UiMode::full) {
            float bandH = 200 * s, bandY = L.timeline.y - g - bandH;
            float sensorW = std::min(300 * s, (W - 2 * m - g) / 2);
            L.legend = {m, bandY, W - 2 * m - g - sensorW, bandH};
            L.sensor = {L.legend.right() + g, bandY, sensorW, bandH};
            areaBottom = bandY - g / 2;
        }
        float half = std::floor((areaBottom - divider) / 2);
        L.panes = 2;
        L.pane[0] = {0, 0, W, half};
        L.pane[1] = {0, half + divider, W, half};
        float titleW = std::min(260 * s, std::floor(W * 0.36f));
        float top = m;
        if (ov.toolbar) {
            float tw = std::min(toolbarW(ov, s), W - 3 * m - titleW);
            L.toolbar = {W - m - tw, m, tw, th};
            top = L.toolbar.bottom() + g;  // both panes keep the same free area
        }
        for (int i = 0; i < 2; ++i) {
            L.paneTitle[i] = {m, L.pane[i].y + m, titleW, std::min(kTitleCardH * s, half - 2 * m)};
            float x = L.paneTitle[i].right() + g;
            L.paneMap[i] = {x, L.pane[i].y + top, std::max(0.0f, W - m - x), std::max(0.0f, half - m - top)};
        }
        return;
    }
    // Too small for two: one pane, the whole screen, with a switch in its title card. The title card takes the
    // header's place (or the top of the screen, outside the full UI); the KPI band gives way.
    L.panes = 1;
    L.paneSwitch = true;
    L.pane[0] = L.pane[1] = {0, 0, W, H};
    Rect title = header.w > 0 ? Rect{header.x, header.y, header.w, std::max(header.h, kTitleCardH * s)}
                              : Rect{m, m, std::min(300 * s, W - 2 * m), kTitleCardH * s};
    L.paneTitle[0] = L.paneTitle[1] = title;
    if (L.legend.w > 0 && L.legend.y < title.bottom() + g && L.legend.x < title.right()) L.legend.y = title.bottom() + g;
    float top = std::max(title.bottom(), L.legend.w > 0 ? L.legend.bottom() : 0.0f) + g;
    if (L.map.y < top) {
        float b = L.map.bottom();
        L.map.y = top;
        L.map.h = std::max(0.0f, b - top);
    }
    L.paneMap[0] = L.paneMap[1] = L.map;
}

// The one-pane arrangements (no overlays yet).
void paneLayout(Layout& L, float W, float H, float s, UiMode mode) {
    const float m = L.margin, g = L.gap, cssW = W / s, cssH = H / s;
    L.columns = cssW >= 1000 && cssW >= cssH;
    float timelineH = (W - 2 * L.margin < 900 * s ? 112 : 70) * s;  // narrow: two rows (timeline_panel.cpp)
    L.timeline = {m, H - m - timelineH, W - 2 * m, timelineH};
    const float bottom = L.timeline.y - g;  // everything else stays above the timeline

    if (cssH < 560 && cssW >= 600) {
        // Short screens — a phone held sideways, a slide's iframe (800×450, 640×360): the header and the map, the
        // selected sensor's card on the right; the KPI band, legend, event feed and collection card have no room.
        // The initial view frames the sensors between the two, so a selected sensor's card never hides them.
        L.compact = true;
        L.columns = true;
        // Below 760 CSS px there is no room for both: the view uses the width and the card covers its right part.
        L.header = {m, m, 270 * s, 140 * s};  // the simulation badge must fit whole
        float rightW = std::min(290 * s, W * 0.36f);
        L.sensor = {W - m - rightW, m, rightW, std::max(0.0f, bottom - m)};
        float mapRight = cssW >= 760 ? L.sensor.x - g : W - m;
        L.map = {L.header.right() + g, m, std::max(0.0f, mapRight - (L.header.right() + g)), std::max(0.0f, bottom - m)};
    } else if (L.columns) {
        float leftW = std::min(330 * s, W * 0.26f), rightW = std::min(300 * s, W * 0.24f);
        L.header = {m, m, leftW, (leftW < 300 * s ? 172 : 152) * s};  // a narrow column wraps the subtitle
        L.kpis = {m, L.header.bottom() + g, leftW, 240 * s};
        L.events = below(L.kpis, g, bottom);
        if (L.events.h < 110 * s) L.events = Rect{};  // a sliver of a feed (1024×600) helps nobody
        L.legend = {W - m - rightW, m, rightW, 300 * s};
        L.sensor = below(L.legend, g, bottom);
        L.map = {L.header.right() + g, m, L.legend.x - g - (L.header.right() + g), bottom - m};
    } else if (cssW < 600) {
        // Phone: header and legend across the top, KPIs above the timeline, the map between. The sensor card,
        // when one is selected, replaces the KPI band and reaches a little into the map (its chart needs room).
        L.compact = true;
        L.header = {m, m, W - 2 * m, 124 * s};
        L.legend = {m, L.header.bottom() + g, W - 2 * m, 80 * s};
        float kpiH = 136 * s;
        L.kpis = {m, bottom - kpiH, W - 2 * m, kpiH};
        float sensorH = std::min(200 * s, L.kpis.bottom() - (L.legend.bottom() + g));
        L.sensor = {m, L.kpis.bottom() - sensorH, W - 2 * m, sensorH};
        float top = L.legend.bottom() + g;
        L.map = {m, top, W - 2 * m, std::max(0.0f, L.kpis.y - g - top)};
    } else {
        float half = (W - 2 * m - g) / 2;
        L.header = {m, m, std::min(half, 330 * s), 152 * s};
        float legendW = std::min(W - 2 * m - g - L.header.w, 520 * s);
        L.legend = {W - m - legendW, m, legendW, 176 * s};  // two-column legend
        // One row of tiles; two; or two whose labels wrap (phones).
        float kpiH = (cssW >= 1000 ? 84 : cssW >= 700 ? 104 : 136) * s;
        L.kpis = {m, bottom - kpiH, W - 2 * m, kpiH};
        float lowerH = std::min(250 * s, cssH * 0.24f * s);  // tall tablets: room for the collection card
        L.events = {m, L.kpis.y - g - lowerH, half, lowerH};
        L.sensor = {m + half + g, L.events.y, half, lowerH};
        float top = std::max(L.header.bottom(), L.legend.bottom()) + g;
        L.map = {m, top, W - 2 * m, std::max(0.0f, L.events.y - g - top)};
    }
    if (mode != UiMode::full) {  // slides and kiosks: the map gets the room
        L.header = L.kpis = L.events = L.legend = L.sensor = Rect{};
        if (mode == UiMode::none) L.timeline = Rect{};
        float bottomEdge = mode == UiMode::none ? H : L.timeline.y - g;
        L.map = {m, m, W - 2 * m, bottomEdge - m};
    }
    L.pane[0] = {0, 0, W, H};
}

// The toolbar (one pane), then the scale bar and credit at the foot of the free area, the caption above them, the
// notice at its top; what stays free is what the view frames.
void placeOverlays(Layout& L, float s, UiMode mode, const Overlays& ov, bool compare) {
    const float g = L.gap;
    const bool two = compare && L.panes == 2;
    const bool sideBySide = two && L.paneMap[1].y == L.paneMap[0].y;
    Rect free = two ? L.paneMap[0] : L.map;
    if (ov.toolbar && L.toolbar.empty()) {
        float tw = std::min(free.w, toolbarW(ov, s)), th = kToolbarH * s;
        L.toolbar = {free.right() - tw, free.y, tw, th};
        free.y += th + g;
        free.h = std::max(0.0f, free.h - th - g);
    }
    // The footer: the scale bar at the left, the map's credit at the right (its text is drawn right-aligned in it).
    const float footH = 34 * s;
    L.scaleBar = {free.x + 8 * s, free.bottom() - footH - 8 * s, std::min(130 * s, free.w / 2), footH};
    float creditX = L.scaleBar.right() + g;
    L.attribution = {creditX, free.bottom() - 26 * s, std::max(0.0f, free.right() - 4 * s - creditX), 22 * s};
    float freeBottom = L.scaleBar.y - g;  // the free area's part above the footer
    if (L.attribution.w < 220 * s) {  // a narrow free area: the credit gets a row of its own, above the scale bar
        L.attribution = {free.x + 4 * s, L.scaleBar.y - 4 * s - 22 * s, std::max(0.0f, free.w - 8 * s), 22 * s};
        freeBottom = L.attribution.y - g;
    }
    float framedBottom = free.bottom();   // the view frames the footer's row too (labels keep clear of the marks)
    // A caption: in the bands arrangement (a portrait tablet) it takes the lower band, the event feed's and the
    // collection card's place (the map between the bands is too short to share); elsewhere it stands above the
    // footer, as wide as the free area allows (side by side, across both panes; stacked, in the lower one).
    if (ov.caption && mode != UiMode::none) {
        if (!compare && !L.columns && !L.compact && !L.events.empty()) {
            L.caption = {L.events.x, L.events.y, L.sensor.right() - L.events.x, L.events.h};
            L.events = L.sensor = Rect{};
        } else {
            Rect box = free;
            float boxBottom = freeBottom;
            if (sideBySide) box.w = L.paneMap[1].right() - box.x;
            if (two && !sideBySide) {
                box = L.paneMap[1];
                boxBottom = freeBottom + (L.paneMap[1].y - L.paneMap[0].y);
            }
            float cw = std::min(kCaptionW * s, box.w);
            float ch = std::min(kCaptionH * s, std::max(0.0f, (boxBottom - box.y) * 0.55f));
            L.caption = {box.x + (box.w - cw) / 2, boxBottom - ch, cw, ch};
            freeBottom -= ch + g;
            framedBottom = freeBottom;  // each pane keeps the same free area: one camera frames both
        }
    }
    float noticeW = std::min(kNoticeW * s, free.w);
    L.notice = {free.x + (free.w - noticeW) / 2, free.y, noticeW, std::clamp(freeBottom - free.y, 0.0f, kNoticeH * s)};
    // What the view frames: the free area (above the caption, when it stands there).
    Rect framed = {free.x, free.y, free.w, std::max(0.0f, framedBottom - free.y)};
    if (two) {
        const float dx = L.pane[1].x - L.pane[0].x, dy = L.pane[1].y - L.pane[0].y;
        L.paneMap[0] = framed;
        L.paneMap[1] = {framed.x + dx, framed.y + dy, framed.w, framed.h};
    } else {
        L.paneMap[0] = L.paneMap[1] = framed;
    }
    L.map = framed;
}

}  // namespace

float bigScreenBoost(double cssWidth, double cssHeight) {
    double boost = std::clamp(std::min(cssWidth / 1280.0, cssHeight / 720.0), 1.0, 1.75);
    return float(std::floor(boost * 8.0) / 8.0);
}

float clampDevicePixelRatio(double dpr) { return std::isfinite(dpr) ? float(std::clamp(dpr, 0.5, 4.0)) : 1.0f; }

void mirrorLayout(Layout& L, float W) {
    for (Rect* r : allRects(L))
        if (!r->empty()) r->x = W - r->x - r->w;
}

Layout computeLayout(float W, float H, float s, UiMode mode, bool compare, Overlays ov) {
    // The story editor. With the full panels on one pane it takes the KPIs' and the event feed's place (the header
    // and its simulation badge stay): the left column below the header, or the lower band and the KPI band on a
    // portrait screen. Elsewhere it takes a column of its own (landscape) or a band at the bottom (portrait) and
    // everything else is laid out in the rest by the same rules. Either way it covers no panel and no pane.
    if (ov.editor && mode == UiMode::full && !compare) {
        Overlays rest = ov;
        rest.editor = false;
        Layout L = computeLayout(W, H, s, mode, compare, rest);
        const float g = L.gap;
        if (!L.compact && L.columns) {
            L.editor = {L.header.x, L.header.bottom() + g, L.header.w, std::max(0.0f, L.timeline.y - g - L.header.bottom() - g)};
            L.kpis = L.events = Rect{};
            return L;
        }
        if (!L.compact && !L.kpis.empty()) {
            const Rect& top = !L.caption.empty() && L.caption.y < L.kpis.y ? L.caption : !L.events.empty() ? L.events : L.kpis;
            L.editor = {L.kpis.x, top.y, L.kpis.w, L.kpis.bottom() - top.y};
            const bool caption = !L.caption.empty();
            L.kpis = L.events = L.sensor = L.caption = Rect{};
            if (caption) {  // the tour being previewed keeps its caption, above the map's footer
                float ch = std::min(kCaptionH * s, std::max(0.0f, (L.scaleBar.y - g - L.map.y) * 0.5f));
                L.caption = {L.map.x, L.scaleBar.y - g - ch, L.map.w, ch};
                L.map.h = std::max(0.0f, L.caption.y - g - L.map.y);
                L.notice.h = std::min(L.notice.h, std::max(0.0f, L.caption.y - g - L.notice.y));
                L.paneMap[0] = L.paneMap[1] = L.map;
            }
            return L;
        }
    }
    if (ov.editor && mode != UiMode::none) {
        Overlays rest = ov;
        rest.editor = false;
        const float m = 12 * s, g = 10 * s;
        Layout L;
        Rect editor;
        const float ew = std::min(360 * s, std::floor(W * 0.4f));
        if (W >= H && (W - ew - m) / s >= 640 && H / s >= 560) {  // a column of its own, the rest beside it
            editor = {m, m, ew, H - 2 * m};
            L = computeLayout(W - editor.right(), H, s, mode, compare, rest);
            shiftAll(L, editor.right(), 0);
        } else if (H / s >= 900) {  // a band at the bottom of a tall screen, the rest above it
            float eh = std::min(std::round(H * 0.45f), 460 * s);
            editor = {m, H - m - eh, W - 2 * m, eh};
            L = computeLayout(W, editor.y, s, mode, compare, rest);
        } else {
            // Too small to edit beside the map (a slide's iframe, a phone): the editor takes the screen above the
            // timeline until it is closed; nothing else is shown under it.
            rest.caption = false;
            L = computeLayout(W, H, s, mode, compare, rest);
            float bottom = L.timeline.empty() ? H - m : L.timeline.y - g;
            editor = {m, m, W - 2 * m, std::max(0.0f, bottom - m)};
            L.header = L.kpis = L.events = L.legend = L.sensor = L.toolbar = L.caption = L.notice = L.scaleBar =
                L.attribution = L.paneTitle[0] = L.paneTitle[1] = Rect{};
        }
        L.editor = editor;
        return L;
    }
    Layout L;
    L.uiScale = s;
    L.margin = 12 * s;
    L.gap = 10 * s;
    paneLayout(L, W, H, s, mode);
    L.paneMap[0] = L.paneMap[1] = L.map;
    if (compare) compareLayout(L, W, H, s, mode, ov);
    placeOverlays(L, s, mode, ov, compare);
    return L;
}

}  // namespace bk
