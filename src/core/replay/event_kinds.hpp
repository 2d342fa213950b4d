// event_kinds.hpp — the kinds of event the viewer knows, each defined once: its colour in the feed and the sensor
// card, its mark on the timeline (if any), and whether it is routine (the feed folds routine events away and
// "next event" skips them). A kind a recording names that is not here is shown plainly (see eventKindInfo).
#pragma once

#include "map_mesh.hpp"

#include <cstdint>
#include <string_view>

namespace bk {

namespace event_kind {
constexpr std::string_view fireAlarm = "fire_alarm", falseAlarm = "false_alarm", overflow = "overflow",
                           collection = "collection", illegalStop = "illegal_stop", noiseViolation = "noise_violation",
                           alarmCleared = "alarm_cleared", binFull = "bin_full", lotFull = "lot_full",
                           lotFree = "lot_free", airWorse = "air_worse", airBad = "air_bad",
                           sensorSilent = "sensor_silent";
}

struct EventKindInfo {
    std::string_view name;
    uint32_t rgba;       // feed and card colour (rgba(): R in the low byte, as ImGui's IM_COL32)
    uint32_t markRgba;   // its mark on the timeline; 0: not marked there
    bool routine;
};

// The row for `kind`; an unknown kind gets the accent green, no timeline mark, and is not routine.
const EventKindInfo& eventKindInfo(std::string_view kind);

}  // namespace bk
