// compare_test.cpp — the compare view without GL: two panes with one camera, by time and by policy, the layout at
// every size (side by side, one above the other, one with a switch), the command and the URL options.
#include "commands.hpp"
#include "launch_params.hpp"
#include "layout.hpp"
#include "viewer.hpp"

#include "convert_util.hpp"
#include "test_util.hpp"
#include "time_util.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace bk;
using Json = nlohmann::ordered_json;  // the command table's JSON

namespace {

nlohmann::json state(Viewer& v) { return nlohmann::json::parse(v.stateJson()); }

// The shipped Bukchon week on its map, one frame drawn at 1280×720.
struct Bukchon {
    Viewer v;
    Bukchon() {
        EXPECT_TRUE(loadJson(v, {{"map", "map.geojson", readRepoFile("assets/bukchon/map.geojson")},
                                 {"sensors", "sensors.geojson", readRepoFile("assets/bukchon/sensors.geojson")},
                                 {"recording", "recording.json", readRepoFile("assets/bukchon/recording.json")}}))
            << v.error();
        v.run(checkCommand("seek", Json::array({"2026-05-16T14:00:00+09:00"})));
        v.update(16, 1280, 720, 1, 1);
    }
    bool run(const char* cmd, Json args) { return v.run(checkCommand(cmd, std::move(args))); }
};

}  // namespace

TEST(Compare, ByTimeTwoPanesAtTheirOwnMomentsPlayInStep) {
    Bukchon b;
    ASSERT_TRUE(b.run("compare", Json::array({Json{{"by", "time"}, {"t2", "2026-05-12T14:00:00+09:00"}}})));
    b.v.update(16, 1280, 720, 1, 1);
    nlohmann::json c = state(b.v)["compare"];
    EXPECT_EQ(c["by"], "time");
    ASSERT_EQ(c["panes"].size(), 2u);
    EXPECT_EQ(c["panes"][0]["time"], "2026-05-16T14:00:00+09:00");
    EXPECT_EQ(c["panes"][1]["time"], "2026-05-12T14:00:00+09:00");
    EXPECT_EQ(c["offsetMs"], -4 * 86400000.0);
    // Side by side: two equal panes left of the legend's column, and the frame has two panes with one camera.
    const Frame& f = b.v.frame(0);
    ASSERT_EQ(f.paneCount, 2);
    EXPECT_FLOAT_EQ(f.panes[0].view.viewportW, f.panes[1].view.viewportW);
    EXPECT_FLOAT_EQ(f.panes[1].view.originX, f.panes[0].view.viewportW + 2);
    EXPECT_LE(f.panes[1].view.originX + f.panes[1].view.viewportW, b.v.viewState().layout.legend.x);
    EXPECT_EQ(f.panes[0].view.centerX, f.panes[1].view.centerX);
    EXPECT_EQ(f.panes[0].view.pxPerUnit, f.panes[1].view.pxPerUnit);
    ASSERT_NE(f.panes[1].glyphs, nullptr);
    EXPECT_EQ(f.panes[0].glyphs->size(), f.panes[1].glyphs->size());
    // Different moments, different glyphs (values differ somewhere).
    bool differ = false;
    for (size_t i = 0; i < f.panes[0].glyphs->size(); ++i)
        differ = differ || (*f.panes[0].glyphs)[i].gauge != (*f.panes[1].glyphs)[i].gauge ||
                 (*f.panes[0].glyphs)[i].rgba != (*f.panes[1].glyphs)[i].rgba;
    EXPECT_TRUE(differ);
    // Playing moves both, keeping the four days between them.
    b.run("setSpeed", Json::array({3600}));
    b.run("play", Json::array());
    b.v.update(0, 1280, 720, 1, 1);
    b.v.update(1000, 1280, 720, 1, 1);
    c = state(b.v)["compare"];
    EXPECT_EQ(c["panes"][0]["time"], "2026-05-16T15:00:00+09:00");
    EXPECT_EQ(c["panes"][1]["time"], "2026-05-12T15:00:00+09:00");
    // Pan and zoom move both (one camera).
    const float before = b.v.frame(0).panes[0].view.pxPerUnit;
    b.v.push(Intent::at(Intent::panBy, 40, 10));
    b.v.push(Intent::at(Intent::zoomAt, 900, 300, 1.5));  // over the second pane
    b.v.update(16, 1280, 720, 1, 1);
    const Frame& g = b.v.frame(0);
    EXPECT_EQ(g.panes[0].view.centerX, g.panes[1].view.centerX);
    EXPECT_NEAR(g.panes[0].view.pxPerUnit, before * 1.5, 1e-3);
    // Off: one pane again.
    ASSERT_TRUE(b.run("compare", Json::array({nullptr})));
    b.v.update(16, 1280, 720, 1, 1);
    EXPECT_EQ(b.v.frame(0).paneCount, 1);
    EXPECT_EQ(state(b.v)["compare"]["by"], "off");
}

TEST(Compare, ByPolicyTheFixedRoundsWhatIfBesideTheRecordedCollection) {
    Bukchon b;
    ASSERT_TRUE(b.run("compare", Json::array({"policy"})));
    b.v.update(16, 1280, 720, 1, 1);
    nlohmann::json s = state(b.v);
    nlohmann::json c = s["compare"];
    EXPECT_EQ(c["panes"][0]["policy"], "recorded");
    EXPECT_EQ(c["panes"][1]["policy"], "fixed");
    EXPECT_EQ(c["panes"][0]["time"], c["panes"][1]["time"]);
    // Each pane's collection today, as the collection card counts it for each policy.
    for (const char* k : {"trips", "binsEmptied", "km", "overflows"})
        EXPECT_EQ(c["panes"][0]["today"][k], s["collection"]["today"]["fillDriven"][k]) << k;
    EXPECT_EQ(c["panes"][1]["today"]["trips"], s["collection"]["today"]["fixed"]["trips"]);
    EXPECT_EQ(c["panes"][1]["today"]["trips"], 1);  // the 06:00 round; 15:00 is still to come
    // The what-if's bins are at their own levels: the panes' bin glyphs differ.
    const Frame& f = b.v.frame(0);
    ASSERT_EQ(f.paneCount, 2);
    int differ = 0;
    for (size_t i = 0; i < f.panes[0].glyphs->size() && i < f.panes[1].glyphs->size(); ++i)
        differ += (*f.panes[0].glyphs)[i].gauge != (*f.panes[1].glyphs)[i].gauge;
    EXPECT_GE(differ, 6);
}

TEST(Compare, ThePhoneShowsOnePaneWithASwitch) {
    Bukchon b;
    b.run("compare", Json::array({Json{{"offsetMs", -86400000}}}));
    b.v.update(16, 390 * 3, 844 * 3, 3, 3);
    nlohmann::json c = state(b.v)["compare"];
    EXPECT_TRUE(c["switch"].get<bool>());
    EXPECT_TRUE(c["panes"][0]["shown"].get<bool>());
    EXPECT_FALSE(c["panes"][1]["shown"].get<bool>());
    EXPECT_EQ(b.v.frame(0).paneCount, 1);
    const int64_t first = state(b.v)["timeMs"].get<int64_t>();
    ASSERT_TRUE(b.run("showPane", Json::array({"B"})));
    b.v.update(16, 390 * 3, 844 * 3, 3, 3);
    c = state(b.v)["compare"];
    EXPECT_TRUE(c["panes"][1]["shown"].get<bool>());
    EXPECT_EQ(c["panes"][1]["timeMs"].get<int64_t>(), first - 86400000);
}

TEST(Compare, TheCommandAndTheUrlSayWhatTheyExpect) {
    EXPECT_EQ(checkCommand("compare", Json::array({"policy"})).args, Json::parse(R"([{"by": "policy"}])"));
    EXPECT_EQ(checkCommand("compare", Json::array({false})).args, Json::parse(R"([{"by": "off"}])"));
    EXPECT_EQ(checkCommand("compare", Json::array({Json{{"t2", "2026-05-12T14:00:00+09:00"}}})).args,
              Json::parse(R"([{"by": "time", "t2": 1778562000000}])"));
    EXPECT_EQ(checkCommand("compare", Json::array({Json{{"by", "time"}, {"t2", "Tuesday"}}})).error,
              "compare: t2 must be milliseconds or an ISO 8601 time with offset, got \"Tuesday\"");
    EXPECT_EQ(checkCommand("compare", Json::array({Json{{"by", "policy"}, {"offsetMs", 5}}})).error,
              "compare: t2 and offsetMs are for {by: \"time\"}, got {\"by\":\"policy\",\"offsetMs\":5}");
    EXPECT_FALSE(checkCommand("compare", Json::array({"sideways"})).ok());
    EXPECT_FALSE(checkCommand("compare", Json::array({Json{{"zoom", 2}}})).ok());
    EXPECT_FALSE(checkCommand("showPane", Json::array({2})).ok());
    LaunchParams p = parseLaunchParams("t=2026-05-16T14:00:00%2B09:00&t2=2026-05-12T14:00:00%2B09:00");
    EXPECT_TRUE(p.problems.empty());
    Json start = startCommands(Json::parse(launchParamsJson(p))["options"]);
    EXPECT_EQ(start.back(), Json::parse(R"(["compare", [{"by": "time", "t2": 1778562000000}]])"));
    LaunchParams bad = parseLaunchParams("compare=sideways&t2=soon");
    ASSERT_EQ(bad.problems.size(), 2u);
    EXPECT_NE(bad.problems[0].find("compare"), std::string::npos);
}

TEST(Compare, PanesAndTheirCardsFitAtEverySize) {
    struct Screen { float w, h, dpr; int panes; };
    for (Screen sc : {Screen{1280, 720, 1, 2}, Screen{1920, 1080, 1, 2}, Screen{768, 1024, 2, 2}, Screen{1366, 768, 1, 2},
                      Screen{390, 844, 3, 1}, Screen{800, 450, 1, 1}, Screen{3840, 2160, 2, 2}}) {
        const float W = sc.w * sc.dpr, H = sc.h * sc.dpr;
        for (UiMode mode : {UiMode::full, UiMode::minimal, UiMode::none}) {
            Layout L = computeLayout(W, H, sc.dpr, mode, true);
            EXPECT_EQ(L.panes, sc.panes) << sc.w << "x" << sc.h;
            EXPECT_EQ(L.paneSwitch, sc.panes == 1) << sc.w << "x" << sc.h;
            EXPECT_FALSE(L.header.w > 0 || L.kpis.w > 0 || L.events.w > 0) << sc.w << "x" << sc.h;
            if (sc.panes == 2) EXPECT_FALSE(L.pane[0].overlaps(L.pane[1]));
            std::vector<Rect> cards = {L.paneTitle[0], L.legend, L.sensor, L.timeline};
            if (sc.panes == 2) cards.push_back(L.paneTitle[1]);
            for (size_t i = 0; i < cards.size(); ++i) {
                EXPECT_LE(cards[i].right(), W + 0.5f);
                for (size_t j = i + 1; j < cards.size(); ++j)
                    EXPECT_FALSE(cards[i].overlaps(cards[j])) << sc.w << "x" << sc.h << " cards " << i << " and " << j;
            }
            EXPECT_GT(L.map.w, 120 * sc.dpr) << sc.w << "x" << sc.h;
            EXPECT_GT(L.map.h, 120 * sc.dpr) << sc.w << "x" << sc.h;
        }
    }
}
