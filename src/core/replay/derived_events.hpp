// derived_events.hpp — events found in the readings at load, by quantity: a bin emptied or full, a lot full and free
// again, noise over the day/night limit, PM2.5/PM10 entering a worse band, a fire alarm, a sensor gone silent.
//
// Every dataset gets them, so an imported log's feed, timeline and "next event" say what its data did, as Bukchon's
// recorded events do. The recording stays the authority: a kind it records itself is not derived for it at all, so
// nothing is doubled. Derived events are marked (Event::derived) and never written back into a recording.
// docs/import.md, "Events found in the data", lists the rules and thresholds.
#pragma once
#include "dataset.hpp"
#include "event_rules.hpp"
#include "quality.hpp"

#include <vector>

namespace bk {

// The events `d`'s readings show, by time, each marked derived; kinds `d` records itself are left out. `quality`
// gives the silent stretches (its gaps: one event per sensor gone quiet, where all its series stop together or not).
std::vector<Event> deriveEvents(const Dataset& d, const QualityReport& quality, const EventRules& rules = {});

// The fill a dataset's bins count as full: the median of the fill they are emptied at (a fall of at least
// rules.binEmptiedDropPct in a bin's numeric fill series; three emptyings or more), kept within binFullPct … 99.5;
// 99.5 when the data empties too few. A log whose bins are emptied at 95 % has them full at 95 %, not never.
// rules.binFullPct itself when the rules give it (bin.full=).
double binFullLevel(const Dataset& d, const EventRules& rules = {});

// Sets d.binFullPct (binFullLevel), then adds deriveEvents() to d.events, keeping them sorted by time (recorded events first at equal times).
void addDerivedEvents(Dataset& d, const QualityReport& quality, const EventRules& rules = {});

}  // namespace bk
