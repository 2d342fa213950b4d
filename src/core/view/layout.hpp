// layout.hpp — where the panels go for a given window, so that nothing overlaps and the map keeps a clear middle.
//
// Two arrangements: "columns" on landscape screens (panels left and right, map in the middle) and "bands" on
// portrait or narrow ones (panels above and below, map between), compact on phones. All numbers are device pixels.
#pragma once

#include "ui_mode.hpp"

namespace bk {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    bool overlaps(const Rect& o) const { return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom(); }
};

struct Layout {
    bool columns = true;
    // Phones and small iframes. Narrow portrait: a short header, a one-line-per-entry legend, no event feed or
    // collection card; the selected sensor's card takes the KPI band's place (the two are never drawn together).
    // Short landscape (height < 560 CSS px): the short header and the map, the sensor card on the right.
    bool compact = false;
    float margin = 12, gap = 10;
    Rect timeline;      // bottom bar
    Rect header;        // title and dataset (its height is a budget; the panel may use less)
    Rect kpis;
    Rect events;
    Rect legend;
    Rect sensor;        // the selected sensor's card
    Rect map;           // the free area the initial view frames (in the first pane)
    // The map's viewports. One pane is the whole screen; a comparison has two with one camera (pan and zoom move
    // both): side by side on landscape screens, one above the other on portrait ones, and on screens too small for
    // two (phones) one pane whose title card switches between them (`paneSwitch`). Each pane has a title card.
    int panes = 1;
    bool paneSwitch = false;
    Rect pane[2];
    Rect paneTitle[2];
};


// `cssScale` is device px per CSS px (the devicePixelRatio). Minimal keeps the timeline only; none, nothing.
// `compare`: two panes were asked for (a compare view).
Layout computeLayout(float widthPx, float heightPx, float cssScale, UiMode mode = UiMode::full, bool compare = false);

}  // namespace bk
