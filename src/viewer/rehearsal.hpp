// rehearsal.hpp — a small generated neighbourhood and day of readings, committed once in a throw-away viewer while the
// real data downloads, so the browser's engine has compiled the commit's code well before the real commit runs.
//
// Why (docs/decisions.md, 83): a wasm function runs in V8's baseline tier until it has done enough work, and the
// commit's loops run once, so the default page's first commit took 160–300 ms where the same commit a second time
// takes ~50. The rehearsal gives those functions their work on a city of ~280 features and 12 sensors (every sensor
// type, streets of every drawn class, areas with holes and a large area, a depot and bins to route), ~30 ms, in
// time the page otherwise spends waiting for bytes. Nothing of it is kept or shown.
#pragma once
#include "dataset.hpp"
#include "map_data.hpp"

namespace bk {

struct RehearsalCity {
    MapData map;
    Dataset data;
};

// The same city every time (no randomness): a 7 × 7 street grid (ways split at every junction, shared positions,
// classes from primary to service, footways and steps), 36 blocks (every third with a courtyard), 144 houses, a park
// of 96 vertices, a pond with an island, a wall, places, points of interest and a depot; 12 sensors of the six types
// with one day of readings at 5 minutes (bins fill and are emptied, with collection events).
RehearsalCity rehearsalCity();

// Commits rehearsalCity() through the viewer's own binary formats in a viewer of its own, then takes one update and
// one view state from it. True when the commit succeeded (it always should: a test checks it).
bool rehearseCommit();

}  // namespace bk
