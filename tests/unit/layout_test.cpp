// layout_test.cpp — at the sizes the product is shown on, no two panels overlap and the map keeps room.
#include "layout.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace bk;

namespace {
struct Screen { float w, h, dpr; const char* name; };
const Screen kScreens[] = {
    {1280, 720, 1, "laptop 1280x720"}, {1920, 1080, 1, "projector 1920x1080"}, {768, 1024, 2, "tablet 768x1024 @2x"},
    {1366, 768, 1, "laptop 1366x768"}, {1024, 768, 1, "tablet landscape"}, {390, 844, 3, "phone"},
    {3840, 2160, 2, "4K @2x"}, {844, 390, 3, "phone landscape"}, {800, 450, 1, "slide iframe 800x450"},
    {640, 360, 1, "small iframe 640x360"}, {1024, 600, 1, "netbook 1024x600"},
};
}  // namespace

TEST(Layout, PanelsNeverOverlapEachOtherOrTheTimeline) {
    for (const Screen& sc : kScreens) {
        // At the scale the screen is really laid out at: its pixel ratio × the big-screen boost (1.5 on a projector).
        Layout L = computeLayout(sc.w * sc.dpr, sc.h * sc.dpr, sc.dpr * bigScreenBoost(sc.w, sc.h));
        std::vector<std::pair<const char*, Rect>> panels = {{"header", L.header}, {"kpis", L.kpis}, {"events", L.events},
                                                           {"legend", L.legend}, {"sensor", L.sensor}, {"timeline", L.timeline}};
        for (size_t i = 0; i < panels.size(); ++i) {
            const Rect& r = panels[i].second;
            EXPECT_GE(r.x, 0) << sc.name << " " << panels[i].first;
            EXPECT_LE(r.right(), sc.w * sc.dpr + 0.5f) << sc.name << " " << panels[i].first;
            EXPECT_LE(r.bottom(), sc.h * sc.dpr + 0.5f) << sc.name << " " << panels[i].first;
            for (size_t j = i + 1; j < panels.size(); ++j) {
                // Compact (phones): the sensor card takes the KPI band's place; the two are never drawn together.
                bool exclusive = L.compact && std::string(panels[i].first) == "kpis" && std::string(panels[j].first) == "sensor";
                if (!exclusive)
                    EXPECT_FALSE(r.overlaps(panels[j].second)) << sc.name << ": " << panels[i].first << " overlaps " << panels[j].first;
            }
        }
    }
}

TEST(Layout, TheMapKeepsAUsefulMiddle) {
    for (const Screen& sc : kScreens) {
        Layout L = computeLayout(sc.w * sc.dpr, sc.h * sc.dpr, sc.dpr);
        if (sc.w < 700 || L.compact) continue;  // phones and short screens: their own test
        EXPECT_GT(L.map.w, 0.35f * sc.w * sc.dpr) << sc.name;
        EXPECT_GT(L.map.h, 0.3f * sc.h * sc.dpr) << sc.name;
    }
    EXPECT_TRUE(computeLayout(1280, 720, 1).columns);
    EXPECT_FALSE(computeLayout(1536, 2048, 2).columns);  // portrait tablet: bands
    EXPECT_FALSE(computeLayout(1536, 2048, 2).compact);
}

TEST(Layout, ShortScreensKeepTheHeaderAndTheMap) {
    for (const Screen& sc : {Screen{844, 390, 3, "phone landscape"}, Screen{640, 360, 1, "small iframe"}}) {
        Layout L = computeLayout(sc.w * sc.dpr, sc.h * sc.dpr, sc.dpr);
        EXPECT_TRUE(L.compact) << sc.name;
        EXPECT_EQ(L.kpis.w, 0) << sc.name;
        EXPECT_EQ(L.legend.w, 0) << sc.name;
        EXPECT_GT(L.map.w, 0.25f * sc.w * sc.dpr) << sc.name;  // between the header and the sensor card (≥ 760 px)
        if (sc.w >= 760) EXPECT_LE(L.map.right(), L.sensor.x) << sc.name;
        EXPECT_GT(L.map.h, 0.55f * sc.h * sc.dpr) << sc.name;
        EXPECT_GT(L.sensor.h, 180.0f * sc.dpr) << sc.name;  // room for the card's chart
    }
}

TEST(Layout, PhonesGetTheCompactArrangementWithARealMap) {
    Layout L = computeLayout(390 * 3, 844 * 3, 3);
    EXPECT_TRUE(L.compact);
    EXPECT_EQ(L.events.w, 0);  // no event feed on a phone
    EXPECT_GT(L.map.h, 0.35f * 844 * 3);
    EXPECT_GE(L.sensor.h, L.kpis.h);
    EXPECT_FLOAT_EQ(L.sensor.bottom(), L.kpis.bottom());
    EXPECT_FALSE(computeLayout(1280, 720, 1).compact);
}

// The one layout rule: the canvas panels, the page's overlays (toolbar, caption, notice, story editor) and the map's
// scale bar and credit never overlap, in every mode, with every overlay, at the scales the product is shown at (the
// device-pixel ratio × the big-screen boost: a 1920×1080 projector lays out at 1.5, never at 1).
TEST(Layout, NothingCoversAnythingInAnyModeAtTheScalesShown) {
    struct Screen { float w, h, dpr; const char* name; };
    const Screen screens[] = {{1280, 720, 1, "laptop"}, {1920, 1080, 1, "projector"}, {768, 1024, 2, "tablet"},
                              {1366, 768, 1, "wide laptop"}, {1024, 768, 1, "tablet landscape"}, {3840, 2160, 2, "4K"},
                              {800, 450, 1, "slide iframe"}, {960, 540, 1, "embed"}};
    for (const Screen& sc : screens) {
        const float s = sc.dpr * bigScreenBoost(sc.w, sc.h), W = sc.w * sc.dpr, H = sc.h * sc.dpr;
        for (UiMode mode : {UiMode::full, UiMode::minimal, UiMode::none})
            for (bool compare : {false, true})
                for (int bits = 0; bits < 8; ++bits) {
                    Overlays ov{(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0};
                    Layout L = computeLayout(W, H, s, mode, compare, ov);
                    std::vector<std::pair<std::string, Rect>> r = {
                        {"timeline", L.timeline}, {"header", L.header}, {"kpis", L.kpis}, {"events", L.events},
                        {"legend", L.legend}, {"sensor", L.sensor}, {"toolbar", L.toolbar}, {"caption", L.caption},
                        {"notice", L.notice}, {"editor", L.editor}, {"scaleBar", L.scaleBar}, {"attribution", L.attribution}};
                    if (compare) {
                        r.push_back({"paneTitle0", L.paneTitle[0]});
                        if (L.panes == 2) r.push_back({"paneTitle1", L.paneTitle[1]});
                    }
                    const std::string where = std::string(sc.name) + " " + uiModeName(mode) + (compare ? " compare" : "") +
                                              (ov.toolbar ? " +toolbar" : "") + (ov.caption ? " +caption" : "") +
                                              (ov.editor ? " +editor" : "");
                    for (size_t i = 0; i < r.size(); ++i) {
                        if (r[i].second.empty()) continue;
                        EXPECT_GE(r[i].second.x, -0.5f) << where << " " << r[i].first;
                        EXPECT_LE(r[i].second.right(), W + 0.5f) << where << " " << r[i].first;
                        EXPECT_LE(r[i].second.bottom(), H + 0.5f) << where << " " << r[i].first;
                        for (size_t j = i + 1; j < r.size(); ++j)
                            EXPECT_FALSE(r[i].second.overlaps(r[j].second)) << where << ": " << r[i].first << " × " << r[j].first;
                    }
                    // What was asked for gets a place (the editor and caption only where there is a UI to hold them).
                    if (ov.editor && mode != UiMode::none) EXPECT_FALSE(L.editor.empty()) << where;
                    if (L.editor.h > 0.6f * H) continue;  // too small to edit beside the map: the editor alone
                    if (ov.toolbar) EXPECT_FALSE(L.toolbar.empty()) << where;
                    // Short screens (a slide's 800×450 iframe) holding a comparison, a caption and buttons at once
                    // keep no overlap but little map; everything else keeps a real one.
                    if (sc.h < 560 && compare && ov.caption) continue;
                    if (ov.caption && mode != UiMode::none) EXPECT_GT(L.caption.h, (sc.h < 560 ? 30 : 40) * s) << where;
                    EXPECT_GT(L.map.w, 100 * s) << where;
                    EXPECT_GT(L.map.h, (sc.h < 560 || ov.editor ? 30 : 60) * s) << where;
                }
    }
}

TEST(Layout, TheScaleIsTheDevicePixelRatioTimesTheBigScreenBoost) {
    EXPECT_FLOAT_EQ(bigScreenBoost(1280, 720), 1.0f);
    EXPECT_FLOAT_EQ(bigScreenBoost(1920, 1080), 1.5f);
    EXPECT_FLOAT_EQ(bigScreenBoost(768, 1024), 1.0f);
    EXPECT_FLOAT_EQ(bigScreenBoost(5000, 3000), 1.75f);
    EXPECT_FLOAT_EQ(bigScreenBoost(1600, 900), 1.25f);  // steps of 1/8
    EXPECT_FLOAT_EQ(clampDevicePixelRatio(8), 4.0f);
    EXPECT_FLOAT_EQ(clampDevicePixelRatio(0.25), 0.5f);
    EXPECT_FLOAT_EQ(clampDevicePixelRatio(NAN), 1.0f);
    // The projector's layout at its real scale: panels 1.5× their design size, the map still the widest part.
    Layout L = computeLayout(1920, 1080, 1 * bigScreenBoost(1920, 1080));
    EXPECT_FLOAT_EQ(L.legend.w, 450);
    EXPECT_GT(L.map.w, 850);
}

// Arabic: the panels stand where a right-to-left reader starts; nothing else changes (sizes, the free area's size).
TEST(Layout, ARightToLeftLanguageMirrorsThePanels) {
    const Layout ltr = computeLayout(1280, 720, 1, UiMode::full, false, {true, false, false, 0});
    Layout rtl = ltr;
    mirrorLayout(rtl, 1280);
    EXPECT_FLOAT_EQ(rtl.header.right(), 1280 - ltr.header.x);
    EXPECT_GT(rtl.header.x, 640);        // the header and KPIs on the right
    EXPECT_LT(rtl.legend.x, 640);        // the legend on the left
    EXPECT_FLOAT_EQ(rtl.map.w, ltr.map.w);
    EXPECT_FLOAT_EQ(rtl.timeline.x, ltr.timeline.x);  // the full-width bar stays
    EXPECT_LT(rtl.toolbar.x, 640);       // the page's tools move to the left too
    const Layout both = computeLayout(1280, 720, 1, UiMode::full, true);
    Layout mirrored = both;
    mirrorLayout(mirrored, 1280);
    EXPECT_GT(mirrored.pane[0].x, mirrored.pane[1].x);  // a comparison's first pane on the right
}
