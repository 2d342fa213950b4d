// layout.cpp — the two arrangements, with panel budgets in CSS px scaled to device px.
#include "layout.hpp"

#include <algorithm>
#include <cmath>

namespace bk {

namespace {

// A comparison: the panes, their title cards, and the shared legend and sensor card (the header, KPI band, event
// feed and collection card give way: each title card says what its pane shows and its own figures).
void compareLayout(Layout& L, float W, float H, float s, UiMode mode) {
    const float m = L.margin, g = L.gap, cssW = W / s, cssH = H / s;
    const float divider = std::max(1.0f, std::round(2 * s));
    const float bottom = mode == UiMode::none ? H - m : L.timeline.y - g;
    const float titleH = 150 * s;  // a budget: the card is as tall as its text
    if (cssW >= 900 && cssW >= cssH) {  // side by side; the map runs under the timeline as it does in one pane
        float half = std::floor((W - divider) / 2);
        L.panes = 2;
        L.pane[0] = {0, 0, half, H};
        L.pane[1] = {half + divider, 0, W - half - divider, H};
        float titleW = std::min(300 * s, half - 2 * m);
        for (int i = 0; i < 2; ++i) L.paneTitle[i] = {L.pane[i].x + m, m, titleW, titleH};
        float rightW = std::min(300 * s, L.pane[1].w - titleW - 3 * m);
        L.header = L.kpis = L.events = Rect{};
        if (mode == UiMode::full && rightW >= 200 * s) {
            L.legend = {W - m - rightW, m, rightW, 300 * s};
            L.sensor = {L.legend.x, L.legend.bottom() + g, rightW, std::max(0.0f, bottom - (L.legend.bottom() + g))};
        } else {
            L.legend = L.sensor = Rect{};
        }
        // What the first view frames, in the first pane: below the title card, clear of where the legend and the
        // sensor card sit in the second (one camera: both panes frame the same place).
        float rightClear = L.legend.w > 0 ? L.legend.w + g : 0;
        float top = L.paneTitle[0].bottom() + g;
        L.map = {m, top, std::max(0.0f, half - 2 * m - rightClear), std::max(0.0f, bottom - top)};
        return;
    }
    if (cssW >= 600 && cssH >= 700) {  // one above the other, both above the timeline
        float areaBottom = mode == UiMode::none ? H : L.timeline.y - g / 2;
        float half = std::floor((areaBottom - divider) / 2);
        L.panes = 2;
        L.pane[0] = {0, 0, W, half};
        L.pane[1] = {0, half + divider, W, areaBottom - half - divider};
        float titleW = std::min(300 * s, W - 2 * m);
        for (int i = 0; i < 2; ++i) L.paneTitle[i] = {m, L.pane[i].y + m, titleW, titleH};
        L.header = L.kpis = L.events = Rect{};
        float legendW = std::min(W - titleW - 3 * m, 520 * s);
        if (mode == UiMode::full && legendW >= 200 * s) {
            L.legend = {W - m - legendW, m, legendW, std::min(176 * s, half - 2 * m)};
            float sensorW = std::min(300 * s, W - titleW - 3 * m);
            L.sensor = {W - m - sensorW, L.pane[1].y + m, sensorW, std::max(0.0f, L.pane[1].h - 2 * m)};
        } else {
            L.legend = L.sensor = Rect{};
        }
        float top = std::max(L.paneTitle[0].bottom(), L.legend.bottom()) + g;
        float rightClear = L.sensor.w > 0 ? L.sensor.w + g : 0;
        L.map = {m, top, std::max(0.0f, W - 2 * m - rightClear), std::max(0.0f, half - m - top)};
        return;
    }
    // Too small for two: one pane, the whole screen, with a switch in its title card. The title card takes the
    // header's place (or the top of the screen, outside the full UI); the KPI band and event feed give way.
    L.panes = 1;
    L.paneSwitch = true;
    L.pane[0] = L.pane[1] = {0, 0, W, H};
    Rect title = L.header.w > 0 ? Rect{L.header.x, L.header.y, L.header.w, std::max(L.header.h, titleH)}
                                : Rect{m, m, std::min(300 * s, W - 2 * m), titleH};
    L.paneTitle[0] = L.paneTitle[1] = title;
    L.header = L.events = Rect{};
    L.kpis = Rect{};
    if (L.legend.w > 0 && L.legend.y < title.bottom() + g && L.legend.x < title.right()) L.legend.y = title.bottom() + g;
    float top = std::max(title.bottom(), L.legend.w > 0 ? L.legend.bottom() : 0.0f) + g;
    if (L.map.y < top) {
        float b = L.map.bottom();
        L.map.y = top;
        L.map.h = std::max(0.0f, b - top);
    }
}

}  // namespace

Layout computeLayout(float W, float H, float s, UiMode mode, bool compare) {
    Layout L;
    L.margin = 12 * s;
    L.gap = 10 * s;
    const float m = L.margin, g = L.gap;
    const float cssW = W / s, cssH = H / s;
    L.columns = cssW >= 1000 && cssW >= cssH;

    float timelineH = (cssW < 900 ? 112 : 70) * s;
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
        L.events = {m, L.kpis.bottom() + g, leftW, std::max(0.0f, bottom - (L.kpis.bottom() + g))};
        if (L.events.h < 110 * s) L.events = Rect{};  // a sliver of a feed (1024×600) helps nobody
        L.legend = {W - m - rightW, m, rightW, 300 * s};
        L.sensor = {L.legend.x, L.legend.bottom() + g, rightW, std::max(0.0f, bottom - (L.legend.bottom() + g))};
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
    if (compare) compareLayout(L, W, H, s, mode);
    return L;
}

}  // namespace bk
