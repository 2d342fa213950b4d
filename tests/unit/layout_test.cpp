// layout_test.cpp — at the sizes the product is shown on, no two panels overlap and the map keeps room.
#include "layout.hpp"

#include <gtest/gtest.h>

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
        Layout L = computeLayout(sc.w * sc.dpr, sc.h * sc.dpr, sc.dpr);
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
