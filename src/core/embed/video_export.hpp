// video_export.hpp — the rules of a video export (viewer.exportVideo): its options checked once, and its plan
// (span, frames, size) from those options and the loaded recording.
//
// The command table's row for `exportVideo` uses checkVideoExport; the page asks for the plan (js_bridge.cpp
// bk_video_plan) with the recording's span and the story's step lengths, and renders exactly plan.frames frames,
// frame k at k / fps seconds of video and at fromMs + k / fps × speed seconds of replay.
#pragma once

#include "commands.hpp"

#include <string>
#include <vector>

namespace bk {

constexpr double kVideoMinFps = 1, kVideoMaxFps = 60;
constexpr int kVideoMaxWidth = 3840, kVideoMaxHeight = 2160, kVideoMinSide = 16;
constexpr int kVideoDefaultWidth = 1920, kVideoDefaultHeight = 1080;
constexpr double kVideoMaxSeconds = 20 * 60;  // a whole week at 600× is 16.8 min; the file is built in memory

// exportVideo([{from, to, fps, width, height, speed, story, format}]) → [{from: ms|null, to: ms|null, fps, width,
// height, speed: number|null, story: bool, format: "webm"|"mp4"}], or the error ("exportVideo: fps must be …").
std::string checkVideoExport(const CommandJson& args, CommandJson& out);

struct VideoPlanInput {
    double startMs = 0, endMs = 0;       // the recording's span
    double speed = 1;                    // the viewer's speed, used when the options name none
    int offsetMinutes = 0;               // the recording's UTC offset, for the times in messages
    std::vector<double> storySeconds;    // duration_s of each step of the loaded story (empty: none)
};

struct VideoPlan {
    std::string error;                   // non-empty: nothing to export, and why
    bool story = false;
    double fromMs = 0, toMs = 0, speed = 1, fps = 30;
    int width = kVideoDefaultWidth, height = kVideoDefaultHeight;
    std::string format = "webm";
    long frames = 0;                     // in all
    std::vector<long> stepFrames;        // a story: frames of each step (sum = frames)
    double seconds() const { return double(frames) / fps; }
};

// `options` is the normalized object checkVideoExport produced.
VideoPlan planVideoExport(const CommandJson& options, const VideoPlanInput& in);
CommandJson videoPlanJson(const VideoPlan& plan);

}  // namespace bk
