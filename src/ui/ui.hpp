// ui.hpp — the ImGui panels, one per file; each reads ViewState and appends Intents, nothing else.
#pragma once

#include "fonts.hpp"
#include "i18n.hpp"
#include "intents.hpp"
#include "view_state.hpp"

#include <string>
#include <vector>

namespace bk {

void applyTheme(float uiScale);

// The language the panels speak (set by the platform when the page picks one).
void setUiStrings(Strings strings);
const Strings& uiStrings();
int uiStringsVersion();  // +1 per setUiStrings (the fonts recollect the text in use)
// A UI string as ImGui draws it (shownText): valid until the next beginUiFrame().
const char* tr(const char* key);
std::string trf(const char* key, std::initializer_list<std::pair<const char*, std::string>> args);
// tr() for a composed key ("type." + name), falling back to `fallback` when the language has no such string.
std::string trOr(const std::string& key, const std::string& fallback);
// Text as ImGui must draw it: a line with letters that need shaping (Arabic, Thai, Devanagari …) in visual order
// with its clusters as the font book's private-use glyphs (FontBook::shapeLine, the shaper module); anything
// else, or anything before the shaper is loaded, as it is (the same reference: never bind a temporary's result to
// a reference). Valid until beginUiFrame(), called between frames.
const std::string& shownText(const std::string& logical);
// The logical text a shownText() result was made from (the text itself for any other).
const std::string& logicalText(const std::string& shown);
// The font book that shapes lines (the platform's).
void setShapingFonts(FontBook* fonts);
void beginUiFrame();
// The texts fittedText() cut inside a word in the last frame (logical text), and the layout probe's verdict on it:
// {"clipped":[[window, px] …],"cut":[text …]} (layout_probe.cpp; getState().layout).
const std::vector<std::string>& fittedCuts();
std::string layoutStateJson();
// A map place's name in the UI language, where the map or a names file has it (place_names.hpp); null in English
// and Korean, which the labels show from the map's own name:en and name:ko.
const std::string* translatedPlace(const ViewState& s, const std::string& local);
// A place or sensor name in the current language, and the other one (for a second line), as shownText.
const std::string& primaryName(const std::string& en, const std::string& ko);
const std::string& secondaryName(const std::string& en, const std::string& ko);

// Panels, placed by ViewState::layout. Each reads the state and appends intents.
// A scale bar (metres or kilometres, a round length) at the bottom left of the free map area.
void drawScaleBar(const ViewState& s, const UiFonts& fonts);
// Where the scale bar may draw (device px), so map labels keep clear of it.
void drawHeaderPanel(const ViewState& s, const UiFonts& fonts, std::vector<Intent>& out);
void drawLegendPanel(const ViewState& s, const UiFonts& fonts, std::vector<Intent>& out);
void drawTimelinePanel(const ViewState& s, const UiFonts& fonts, std::vector<Intent>& out);
void drawKpiPanel(const ViewState& s, const UiFonts& fonts, std::vector<Intent>& out);
void drawEventsPanel(const ViewState& s, const UiFonts& fonts, std::vector<Intent>& out);
void drawSensorPanel(const ViewState& s, const UiFonts& fonts, std::vector<Intent>& out);
void drawCollectionPanel(const ViewState& s, const UiFonts& fonts, std::vector<Intent>& out);
// Returns where it was drawn (empty when nothing is hovered): in the free map area, clear of the panels.
Rect drawSensorTooltip(const ViewState& s, const UiFonts& fonts);
// The compare view's title cards, and the timeline's "Compare" menu items (compare_panel.cpp).
void drawCompareTitles(const ViewState& s, const UiFonts& fonts, std::vector<Intent>& out);
void compareMenuItems(const ViewState& s, std::vector<Intent>& out);
// The honesty badge alone (minimal and none UI modes): shown whenever the data is simulated.
void drawDataBadge(const ViewState& s, const UiFonts& fonts);
// Map labels: place names, points of interest and street names. Returns what was placed (for the state JSON).
struct MapLabelStats { int places = 0, streets = 0; };
MapLabelStats drawMapLabels(const ViewState& s, const UiFonts& fonts);
// The map data's credit ("© OpenStreetMap contributors") at the bottom right of the map, over everything, always.
Rect attributionBounds(const ViewState& s, const UiFonts& fonts);
void drawAttribution(const ViewState& s, const UiFonts& fonts);

}  // namespace bk
