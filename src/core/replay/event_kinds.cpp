// event_kinds.cpp — the table of event kinds (event_kinds.hpp).
#include "event_kinds.hpp"

namespace bk {

namespace {
const EventKindInfo kKinds[] = {
    {event_kind::fireAlarm, rgba(192, 57, 43), rgba(192, 57, 43), false},
    {event_kind::overflow, rgba(217, 110, 48), rgba(217, 110, 48), false},
    {event_kind::falseAlarm, rgba(214, 160, 41), rgba(140, 132, 120), false},  // marked, but quietly
    {event_kind::noiseViolation, rgba(214, 160, 41), 0, true},
    {event_kind::illegalStop, rgba(120, 90, 160), 0, true},
    {event_kind::collection, rgba(47, 128, 110), 0, false},
    // Kinds found in the readings (derived_events.hpp): the same look for a city's log as for Bukchon's recording.
    {event_kind::binFull, rgba(196, 128, 40), 0, false},
    {event_kind::lotFull, rgba(120, 90, 160), 0, true},
    {event_kind::lotFree, rgba(150, 134, 176), 0, true},
    {event_kind::airWorse, rgba(112, 122, 140), 0, true},
    {event_kind::airBad, rgba(201, 104, 52), rgba(201, 104, 52), false},
    {event_kind::sensorSilent, rgba(140, 132, 120), rgba(140, 132, 120), false},  // marked, but quietly
};
const EventKindInfo kOther{"", rgba(47, 128, 110), 0, false};
}  // namespace

const EventKindInfo& eventKindInfo(std::string_view kind) {
    for (const EventKindInfo& k : kKinds)
        if (k.name == kind) return k;
    return kOther;
}

}  // namespace bk
