// video_export.cpp — checks a video export's options and plans its frames (see video_export.hpp).
#include "video_export.hpp"

#include "param_rules.hpp"
#include "time_util.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace bk {

namespace {

using Json = CommandJson;

std::string shown(const Json& v) { return rules::showJson(v); }

// A time as milliseconds or ISO 8601 text with an offset; null when absent.
std::string timeField(const Json& o, const char* key, Json& out) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) { out[key] = nullptr; return ""; }
    if (it->is_number() && std::isfinite(it->get<double>())) { out[key] = rules::jsonNumber(it->get<double>()); return ""; }
    if (it->is_string())
        if (auto ms = parseIsoTimeMs(it->get<std::string>())) { out[key] = *ms; return ""; }
    return std::string("exportVideo: ") + key + " must be milliseconds or an ISO 8601 time with offset (e.g. "
           "\"2026-05-16T14:00:00+09:00\"), got " + shown(*it);
}

std::string numberField(const Json& o, const char* key, double lo, double hi, bool integer, const Json& fallback,
                        const char* rule, Json& out) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) { out[key] = fallback; return ""; }
    double v = it->is_number() ? it->get<double>() : NAN;
    if (std::isfinite(v) && v >= lo && v <= hi && (!integer || v == std::floor(v))) {
        out[key] = integer ? Json(int(v)) : rules::jsonNumber(v);
        return "";
    }
    return std::string("exportVideo: ") + key + " must be " + rule + ", got " + shown(*it);
}

}  // namespace

std::string checkVideoExport(const Json& args, Json& out) {
    const Json o = args.size() > 0 && !args[0].is_null() ? args[0] : Json::object();
    if (!o.is_object())
        return "exportVideo: expected {from, to, fps, width, height, speed, story, format}, got " + shown(o);
    for (auto it = o.begin(); it != o.end(); ++it) {
        static const char* const kKeys[] = {"from", "to", "fps", "width", "height", "speed", "story", "format"};
        bool known = false;
        for (const char* k : kKeys) known = known || it.key() == k;
        if (!known)
            return "exportVideo: unknown option " + shown(Json(it.key())) +
                   "; the options are from, to, fps, width, height, speed, story, format";
    }
    Json n = Json::object();
    std::string e;
    if (!(e = timeField(o, "from", n)).empty() || !(e = timeField(o, "to", n)).empty()) return e;
    if (!(e = numberField(o, "fps", kVideoMinFps, kVideoMaxFps, false, 30, "a number from 1 to 60", n)).empty()) return e;
    if (!(e = numberField(o, "width", kVideoMinSide, kVideoMaxWidth, true, kVideoDefaultWidth,
                          "an even whole number of pixels from 16 to 3840", n)).empty()) return e;
    if (!(e = numberField(o, "height", kVideoMinSide, kVideoMaxHeight, true, kVideoDefaultHeight,
                          "an even whole number of pixels from 16 to 2160", n)).empty()) return e;
    // 4:2:0 video halves the colour planes: an odd side has no exact half.
    for (const char* side : {"width", "height"})
        if (n[side].get<int>() % 2 != 0)
            return std::string("exportVideo: ") + side + " must be an even whole number of pixels, got " + shown(o[side]);
    if (!(e = numberField(o, "speed", rules::kMinSpeed, rules::kMaxSpeed, false, nullptr,
                          "a number from 0.1 to 100000 (replay seconds per second of video)", n)).empty()) return e;
    const Json story = o.value("story", Json(false));
    if (!story.is_boolean()) return "exportVideo: story must be true or false, got " + shown(story);
    n["story"] = story;
    if (story.get<bool>() && (!n["from"].is_null() || !n["to"].is_null()))
        return "exportVideo: a story export covers the whole story; leave out from and to";
    const Json format = o.value("format", Json("webm"));
    if (format != "webm" && format != "mp4") return "exportVideo: format must be \"webm\" or \"mp4\", got " + shown(format);
    n["format"] = format;
    out = Json::array({std::move(n)});
    return "";
}

VideoPlan planVideoExport(const Json& o, const VideoPlanInput& in) {
    VideoPlan p;
    p.fps = o.value("fps", 30.0);
    p.width = o.value("width", kVideoDefaultWidth);
    p.height = o.value("height", kVideoDefaultHeight);
    p.format = o.value("format", std::string("webm"));
    p.story = o.value("story", false);
    p.speed = o.contains("speed") && o["speed"].is_number() ? o["speed"].get<double>() : in.speed;
    if (!(in.endMs > in.startMs)) {
        p.error = "exportVideo: no recording is loaded";
        return p;
    }
    if (p.story) {
        if (in.storySeconds.empty()) {
            p.error = "exportVideo: no story is loaded (start the viewer with story=1, or give from and to)";
            return p;
        }
        for (double s : in.storySeconds) {
            long n = std::max(1L, std::lround(s * p.fps));
            p.stepFrames.push_back(n);
            p.frames += n;
        }
    } else {
        p.fromMs = o.contains("from") && o["from"].is_number() ? o["from"].get<double>() : in.startMs;
        p.toMs = o.contains("to") && o["to"].is_number() ? o["to"].get<double>() : in.endMs;
        const int offset = in.offsetMinutes;
        auto iso = [&](double ms) { return formatIsoTime(int64_t(std::llround(ms)), offset); };
        if (p.fromMs < in.startMs || p.toMs > in.endMs) {
            p.error = "exportVideo: from and to must lie in the recording, " + iso(in.startMs) + " to " + iso(in.endMs) +
                      "; got " + iso(p.fromMs) + " to " + iso(p.toMs);
            return p;
        }
        if (!(p.toMs > p.fromMs)) {
            p.error = "exportVideo: to must come after from; got " + iso(p.fromMs) + " to " + iso(p.toMs);
            return p;
        }
        p.frames = std::max(1L, std::lround((p.toMs - p.fromMs) / 1000.0 / p.speed * p.fps));
    }
    if (p.seconds() > kVideoMaxSeconds) {
        char minutes[32];
        std::snprintf(minutes, sizeof minutes, "%.0f", p.seconds() / 60);
        p.error = std::string("exportVideo: that is ") + minutes + " minutes of video; at most 20: " +
                  (p.story ? "the story is too long" : "raise the speed or shorten the span");
    }
    return p;
}

CommandJson videoPlanJson(const VideoPlan& p) {
    if (!p.error.empty()) return Json{{"error", p.error}};
    Json steps = Json::array();
    for (long n : p.stepFrames) steps.push_back(n);
    return Json{{"story", p.story}, {"fromMs", rules::jsonNumber(p.fromMs)}, {"toMs", rules::jsonNumber(p.toMs)},
                {"speed", rules::jsonNumber(p.speed)}, {"fps", rules::jsonNumber(p.fps)}, {"width", p.width},
                {"height", p.height}, {"format", p.format}, {"frames", p.frames}, {"stepFrames", steps},
                {"seconds", rules::jsonNumber(p.seconds())}};
}

}  // namespace bk
