// layout.hpp — where everything on screen goes, canvas panels and the page's HTML overlays alike, so nothing covers
// anything: the one layout rule of the viewer.
//
// Two arrangements: "columns" on landscape screens (panels left and right, map in the middle) and "bands" on
// portrait or narrow ones (panels above and below, map between), compact on phones. The page's overlays (the
// presenter's or kiosk's buttons, a story caption, notices, the story editor) and the map's scale bar and credit get
// rectangles here too; the page places its HTML from them (getState().panels) and a video export draws its caption
// in them. All numbers are device pixels.
#pragma once

#include "ui_mode.hpp"

namespace bk {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    bool empty() const { return w <= 0 || h <= 0; }
    bool overlaps(const Rect& o) const { return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom(); }
};

// What the page shows around the canvas, so that the layout gives each its own room.
struct Overlays {
    bool toolbar = false;  // a row of buttons: the presenter's (Story, Export video) or the kiosk's (Full screen, Tour)
    bool caption = false;  // a story's caption
    bool editor = false;   // the story editor's side panel
    float toolbarWidth = 0;  // the row's width at 1× (CSS px, measured by the page: its language's labels); 0: 320
};

struct Layout {
    bool columns = true;
    // Phones and small iframes. Narrow portrait: a short header, a one-line-per-entry legend, no event feed or
    // collection card; the selected sensor's card takes the KPI band's place (the two are never drawn together).
    // Short landscape (height < 560 CSS px): the short header and the map, the sensor card on the right.
    bool compact = false;
    float margin = 12, gap = 10;
    float uiScale = 1;  // device px per design px, as given
    Rect timeline;      // bottom bar
    Rect header;        // title and dataset (its height is a budget; the panel may use less)
    Rect kpis;
    Rect events;
    Rect legend;
    Rect sensor;        // the selected sensor's card
    Rect map;           // the free area the view frames (in the first pane), clear of every other rectangle here
    // The page's overlays (empty when not asked for; see Overlays) and the map's own marks. `caption` and `notice`
    // are budgets: the box may be shorter, never larger. `notice` (a dismissible banner) is always given.
    Rect toolbar, caption, notice, editor;
    Rect scaleBar, attribution;  // at the bottom of the first pane's free area (each pane has its own: paneOffset)
    // The map's viewports. One pane is the whole screen; a comparison has two with one camera (pan and zoom move
    // both): side by side on landscape screens, one above the other on portrait ones, and on screens too small for
    // two (phones) one pane whose title card switches between them (`paneSwitch`). Each pane has a title card, and
    // the same free area at the same place in it, so one camera frames the data in both.
    int panes = 1;
    bool paneSwitch = false;
    Rect pane[2];
    Rect paneTitle[2];
    Rect paneMap[2];
};

// `uiScale` is device px per design px: the devicePixelRatio × the big-screen boost (a 1920×1080 projector shows the
// panels 1.5× larger), so a panel's budget in design px is the same share of what a viewer sees at any size.
// Minimal keeps the timeline only; none, nothing. `compare`: two panes were asked for (a compare view).
Layout computeLayout(float widthPx, float heightPx, float uiScale, UiMode mode = UiMode::full, bool compare = false,
                     Overlays overlays = {});

// The layout for a right-to-left language (Arabic): every rectangle mirrored across the screen's width, so the
// panels stand where a right-to-left reader starts (the header and KPIs on the right, the legend on the left) and
// a comparison's first pane is on the right. The map itself is not mirrored: east stays east.
void mirrorLayout(Layout& L, float widthPx);

// The big-screen boost for a canvas of this CSS size: 1 up to 1280×720, growing with the smaller ratio to 1.75, in
// steps of 1/8 (so a window drag does not rebuild the font atlas on every pixel). uiScale = dpr × boost.
float bigScreenBoost(double cssWidth, double cssHeight);

// The device-pixel ratio the viewer uses: the browser's, kept within 0.5–4 (a zoomed-out page or an 8× screenshot
// must not ask for a canvas no GPU can hold).
float clampDevicePixelRatio(double dpr);

}  // namespace bk
