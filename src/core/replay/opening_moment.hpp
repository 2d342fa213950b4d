// opening_moment.hpp — where a recording opens when nobody asked for a time: a moment worth showing, by day.
#pragma once

#include "dataset.hpp"

#include <cstdint>

namespace bk {

// The recording's own choice (recording.json's "open_at") when it made one; otherwise the start of its busiest
// daytime hour: of the whole local hours from 10:00 to 17:00 inside the recording, the one at whose start (what the
// first view shows) the sensors read highest. Each sensor's primary series is taken as a share of its own range over
// the recording (a lot at 90 %, a bin at 95 % and a crowded alley count alike, whatever their units), and a sensor near the top
// of its range (80 % of it or more: what the KPIs count) counts once more; the scores are averaged per
// sensor type (twelve bins weigh no more than six air sensors), summed over the types; each alert in the hour (an
// overflow, a fire alarm) adds a quarter of a type. A recording with no daytime hour opens at its
// start. At most 4,000 sensors are read (evenly spaced through the list), so a million-sensor file decides in
// milliseconds.
int64_t openingMomentMs(const Dataset& d);

}  // namespace bk
