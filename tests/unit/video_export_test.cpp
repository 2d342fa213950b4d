// video_export_test.cpp — viewer.exportVideo's rules: its options checked by the command table, and the plan of
// frames (span, speed, story steps, size) the page renders one by one.
#include "commands.hpp"
#include "video_export.hpp"

#include <gtest/gtest.h>

using namespace bk;
using Json = CommandJson;

namespace {
const double kStart = 1778425200000;              // 2026-05-11T00:00:00+09:00
const double kEnd = kStart + 7 * 24 * 3600e3;

Json checked(Json options) {
    CheckedCommand c = checkCommand("exportVideo", Json::array({std::move(options)}));
    EXPECT_TRUE(c.ok()) << c.error;
    return c.ok() ? c.args[0] : Json();
}
std::string refused(Json options) { return checkCommand("exportVideo", Json::array({std::move(options)})).error; }
VideoPlanInput recording(double speed = 600) { return VideoPlanInput{kStart, kEnd, speed, 540, {}}; }
}  // namespace

TEST(VideoExport, DefaultsAre1080pAt30FpsInWebM) {
    Json o = checked(nullptr);
    EXPECT_EQ(o, Json::parse(R"({"from": null, "to": null, "fps": 30, "width": 1920, "height": 1080, "speed": null,
                                "story": false, "format": "webm"})"));
    EXPECT_EQ(checked(Json{{"from", "2026-05-16T14:00:00+09:00"}})["from"], 1778907600000);
}

TEST(VideoExport, RefusesWhatCannotBeEncodedWithTheCoresMessage) {
    EXPECT_EQ(refused(Json{{"fps", 0}}), "exportVideo: fps must be a number from 1 to 60, got 0");
    EXPECT_EQ(refused(Json{{"fps", 61}}).rfind("exportVideo: fps must be", 0), 0u);
    EXPECT_EQ(refused(Json{{"width", 3841}}).rfind("exportVideo: width must be", 0), 0u);
    EXPECT_EQ(refused(Json{{"height", 361}}), "exportVideo: height must be an even whole number of pixels, got 361");
    EXPECT_EQ(refused(Json{{"width", 640.5}}).rfind("exportVideo: width must be", 0), 0u);
    EXPECT_EQ(refused(Json{{"from", "yesterday"}}).rfind("exportVideo: from must be milliseconds or an ISO 8601", 0), 0u);
    EXPECT_EQ(refused(Json{{"speed", 0}}).rfind("exportVideo: speed must be a number from 0.1", 0), 0u);
    EXPECT_EQ(refused(Json{{"story", true}, {"from", kStart}}),
              "exportVideo: a story export covers the whole story; leave out from and to");
    EXPECT_EQ(refused(Json{{"format", "gif"}}), "exportVideo: format must be \"webm\" or \"mp4\", got \"gif\"");
    EXPECT_EQ(refused(Json{{"fsp", 30}}).rfind("exportVideo: unknown option \"fsp\"", 0), 0u);
    EXPECT_EQ(refused(Json(5)).rfind("exportVideo: expected {from, to", 0), 0u);
    EXPECT_FALSE(findCommand("exportVideo")->embeddable);  // minutes of work and a large Blob: the page's own
}

TEST(VideoExport, TenSecondsAt30FpsAre300Frames) {
    // 100 minutes of replay at 600× is 10 s of video.
    Json o = checked(Json{{"from", kStart + 3600e3}, {"to", kStart + 3600e3 + 6000e3}, {"fps", 30}, {"width", 640},
                          {"height", 360}, {"speed", 600}});
    VideoPlan p = planVideoExport(o, recording(1));
    ASSERT_EQ(p.error, "");
    EXPECT_EQ(p.frames, 300);
    EXPECT_DOUBLE_EQ(p.seconds(), 10);
    EXPECT_EQ(p.width, 640);
    EXPECT_EQ(p.height, 360);
    // Without a speed the viewer's own is used; without a span, the whole recording.
    VideoPlan whole = planVideoExport(checked(nullptr), recording(600));
    EXPECT_EQ(whole.fromMs, kStart);
    EXPECT_EQ(whole.toMs, kEnd);
    EXPECT_EQ(whole.frames, 30 * 1008);  // a week at 600× is 1008 s
    EXPECT_EQ(videoPlanJson(p)["frames"], 300);
}

TEST(VideoExport, TheSpanMustLieInTheRecordingAndTheVideoUnder20Minutes) {
    VideoPlan before = planVideoExport(checked(Json{{"from", kStart - 1000}}), recording());
    EXPECT_EQ(before.error, "exportVideo: from and to must lie in the recording, 2026-05-11T00:00:00+09:00 to "
                            "2026-05-18T00:00:00+09:00; got 2026-05-10T23:59:59+09:00 to 2026-05-18T00:00:00+09:00");
    EXPECT_EQ(planVideoExport(checked(Json{{"from", kStart + 10}, {"to", kStart + 10}}), recording()).error.rfind(
                  "exportVideo: to must come after from", 0), 0u);
    EXPECT_EQ(planVideoExport(checked(nullptr), recording(60)).error,
              "exportVideo: that is 168 minutes of video; at most 20: raise the speed or shorten the span");
    VideoPlanInput empty;
    EXPECT_EQ(planVideoExport(checked(nullptr), empty).error, "exportVideo: no recording is loaded");
}

TEST(VideoExport, AStoryIsItsStepsAtTheirDurations) {
    VideoPlanInput in = recording();
    EXPECT_EQ(planVideoExport(checked(Json{{"story", true}}), in).error.rfind("exportVideo: no story is loaded", 0), 0u);
    in.storySeconds = {12, 8.5, 0.01};
    VideoPlan p = planVideoExport(checked(Json{{"story", true}, {"fps", 60}}), in);
    ASSERT_EQ(p.error, "");
    EXPECT_EQ(p.stepFrames, (std::vector<long>{720, 510, 1}));  // every step shows at least one frame
    EXPECT_EQ(p.frames, 1231);
}
