// ui_common.hpp — small drawing helpers the panels share (colour conversion, pills, glyph icons, halo text).
#pragma once

#include "dataset.hpp"
#include "event_kinds.hpp"
#include "panel_facts.hpp"
#include "sensors.hpp"
#include "view_state.hpp"

#include <imgui.h>

#include <cstdint>

namespace bk {

inline ImU32 toImColor(uint32_t rgba, float alpha = 1.0f) {
    uint32_t a = uint32_t(float(rgba >> 24) * alpha);
    return (rgba & 0x00FFFFFFu) | (a << 24);  // ImU32 uses the same byte order (R in the low byte)
}

constexpr ImU32 kInkColor = IM_COL32(41, 46, 56, 255);
constexpr ImU32 kMutedColor = IM_COL32(110, 104, 96, 255);
constexpr ImU32 kPaperColor = IM_COL32(253, 251, 246, 255);
constexpr ImU32 kAccentColor = IM_COL32(47, 128, 110, 255);
constexpr ImU32 kWarnFill = IM_COL32(246, 216, 140, 255);
constexpr ImU32 kWarnInk = IM_COL32(112, 72, 8, 255);

// A small version of a sensor type's map glyph, centred at `c` with radius `r` (device px).
void drawGlyphIcon(ImDrawList* dl, ImVec2 c, float r, SensorType type, uint32_t color, float gauge);

// Text with a paper-coloured halo so it stays legible over streets and areas.
void drawHaloText(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 color, ImU32 halo, const char* text,
                  float uiScale);
// Blends two colours: t = 0 → a, 1 → b.
ImU32 mixColor(ImU32 a, ImU32 b, float t);

// Formats a value with its unit: "72 %", "58.3 dB", "12 / 40 spaces", or "no data".
// Whether the loaded data is Bukchon's (its map or recording says so): other cities' data gets neutral titles.
bool isBukchonData(const ViewState& s);
std::string formatValue(const Sensor& sensor, float value, const Series* series = nullptr);
// A UiText (panel_facts.hpp) in the current language, its values as shownText.
std::string say(const UiText& text);
// How long a recording runs, in the UI language: "18 hours", "1 day", "7 days".
std::string formatSpan(int64_t durationMs);
// "Battery", "PM2.5" … for a metric name in the current language; the name itself when unknown.
std::string metricLabel(const std::string& metric);
// "Smart bin" … and "fill level" … for a sensor type, in the current language.
std::string typeLabel(SensorType type);
std::string eventLabel(const std::string& kind);

struct Rect;
// Begins a borderless card at `r` (device px): fixed width, height up to r.h (auto-sized to content unless
// `fillHeight`; `anchorBottom`: an auto-sized card sits on r's lower edge). Returns false when there is no room at
// all (then don't call End).
bool beginCard(const char* id, const Rect& r, bool fillHeight, bool anchorBottom = false);
// Wrapped text that breaks only at spaces (ImGui's own wrapping also breaks after '.', splitting "19.9").
void textWrappedAtSpaces(const std::string& text);
// One line of text, against the right edge of its column in a right-to-left language.
void textLine(const char* shown, const char* end = nullptr);

// `text` cut to `maxWidth` px in the current font with "…" where it was cut (a long translation in a narrow column):
// after its last whole word that fits, else (not even the first word fits: the layout probe reports it) inside a
// word; the text itself when it fits.
std::string fittedText(const std::string& text, float maxWidth);
// Whether the current card's content, drawn loose, is taller than `card` allows: then it draws tight. `tight` is the
// card's own (its answer on the frame before), `saving` what drawing tight saves, or a little more (so the answer
// cannot swing from frame to frame).
bool cardIsFull(const Rect& card, bool& tight, float saving);
// Whether the card `card` (as beginCard got it) has room below the cursor for `text` wrapped in the current font.
bool roomForText(const Rect& card, const std::string& text);

struct UiFonts;
// The honesty badge ("SIMULATED DATA · …" in the UI language): one pill, or where the line is too narrow for it (a
// long language), one pill per part, split at " · ", never cut. True when the pointer is over it.
bool simulatedBadge(const UiFonts& f);

// A colour for an event kind (alarms red, overflows orange, routine grey-green).
ImU32 eventColor(const std::string& kind);

}  // namespace bk
