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
};
const EventKindInfo kOther{"", rgba(47, 128, 110), 0, false};
}  // namespace

const EventKindInfo& eventKindInfo(std::string_view kind) {
    for (const EventKindInfo& k : kKinds)
        if (k.name == kind) return k;
    return kOther;
}

}  // namespace bk
