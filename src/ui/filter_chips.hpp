// filter_chips.hpp — the filters in the panels: a chip per clause (one click removes it), the per-layer menu of
// common filters, and the "filtered: 12 of 40 sensors" line the KPI card and the event feed show.
#pragma once

#include "filters.hpp"
#include "intents.hpp"
#include "view_state.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace bk {

constexpr ImU32 kFilterChipFill = IM_COL32(214, 234, 226, 255);  // e2e tests find chips by this colour

// "Fill ≥ 80 %", "PM2.5 bad or worse", "in alert", "hidden", in the UI language.
std::string filterChipLabel(const FilterClause& clause, const Dataset& dataset);
// The chips of the clauses for `layer` (-1: the every-type ones) from the cursor, on one line no wider than `maxW`
// (those that do not fit: "+2"). A click on a chip pushes the filters without it. Returns whether any was drawn.
bool drawFilterChips(const ViewState& s, int layer, ImVec2 at, float maxW, std::vector<Intent>& out);
// A small funnel button at `at` (size × size): opens the menu of common filters for `type`; accented when the
// layer has filters.
void drawFilterMenuButton(const ViewState& s, SensorType type, ImVec2 at, float size, std::vector<Intent>& out);
// "Filtered: 12 of 40 sensors" (`key`: the string with {count} and {total}), or "" without filters.
std::string filteredLine(const ViewState& s, const char* key);

}  // namespace bk
