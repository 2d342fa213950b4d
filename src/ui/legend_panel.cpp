// legend_panel.cpp — top-right card: one row per sensor type present, with its glyph, names and what it shows,
// and its filters (a funnel menu per row; active ones as chips in place of the row's second line).
#include "filter_chips.hpp"
#include "glyph_scene.hpp"
#include "ui.hpp"
#include "ui_common.hpp"

#include <imgui.h>

#include <cfloat>
#include <cstdio>
#include <string>

namespace bk {

namespace {
std::string meaningOf(SensorType t) { return trOr(std::string("meaning.") + sensorTypeInfo(t).name, ""); }

// A representative value per type, so each legend icon shows its glyph in a typical state.
float sampleValue(SensorType t) {
    switch (t) {
        case SensorType::bin: return 62;
        case SensorType::parking: return 14;
        case SensorType::noise: return 58;
        case SensorType::footfall: return 900;
        case SensorType::air: return 12;
        case SensorType::fire: return 21;
        default: return 50;
    }
}
}  // namespace

void drawLegendPanel(const ViewState& s, const UiFonts& f, std::vector<Intent>& out) {
    if (!s.dataset) return;
    const std::array<int, kSensorTypeCount>& counts = s.typeCounts;

    const float S = s.uiScale;
    const Layout& L = s.layout;
    if (!beginCard("##legend", L.legend, false)) return;
    const bool compact = L.compact;  // phones: three columns of names, no title and no second lines
    if (!compact) {
        const ImVec2 titleAt = ImGui::GetCursorScreenPos();
        if (f.strong) ImGui::PushFont(f.strong);
        ImGui::TextUnformatted(tr("legend.title"));
        const float titleH = ImGui::GetTextLineHeightWithSpacing();
        if (f.strong) ImGui::PopFont();
        ImGui::SameLine();
        if (f.small) ImGui::PushFont(f.small);
        // Filters on every type ("*:alert") are chips in the hint's place.
        const ImVec2 chipsAt = ImGui::GetCursorScreenPos();
        if (drawFilterChips(s, -1, chipsAt, titleAt.x + ImGui::GetContentRegionAvail().x - chipsAt.x, out))
            ImGui::SetCursorScreenPos(ImVec2(titleAt.x, titleAt.y + titleH));
        else if (ImGui::CalcTextSize(tr("legend.hint")).x <= ImGui::GetContentRegionAvail().x)
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kMutedColor), "%s", tr("legend.hint"));
        else  // a language's hint longer than the title's line: each row's tooltip says it ("Hide Noise")
            ImGui::NewLine();
        if (f.small) ImGui::PopFont();
    }
    if (compact && f.small) ImGui::PushFont(f.small);
    // One row per type; the whole row toggles the layer. Two columns when the card is a band (portrait).
    const int columns = compact ? 3 : L.columns ? 1 : 2;
    const float iconR = (compact ? 6 : 8) * S;
    // Rows a little closer where the card's budget is short of them (a tablet's two-column band).
    static bool tight = false;
    int rows = 1;  // (the route's row counted too: a little more saving than there is)
    for (int n : counts) rows += n > 0;
    rows = (rows + columns - 1) / columns;
    const float rowH = compact ? ImGui::GetTextLineHeight() + 4 * S
                               : ImGui::GetTextLineHeight() + ImGui::GetFontSize() * 0.95f +
                                     (cardIsFull(L.legend, tight, float(rows) * 4 * S + 1) ? 2 : 6) * S;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float colW = ImGui::GetContentRegionAvail().x / float(columns);
    // Right to left, a row mirrors within its column: the icon on the right, its name standing against it, the
    // filter menu on the left (mx mirrors an x of the row's left-to-right drawing).
    const bool rtl = uiStrings().rightToLeft();
    ImVec2 p;
    auto mx = [&](float x) { return rtl ? 2 * p.x + colW - 4 * S - x : x; };
    auto textAt = [&](ImFont* font, float x, const char* text) {
        return rtl ? mx(x) - font->CalcTextSizeA(font->FontSize, 1e9f, 0, text).x : x;
    };
    int shown = 0;
    for (int t = 0; t < kSensorTypeCount; ++t) {
        if (!counts[t]) continue;
        const std::string name = typeLabel(SensorType(t));
        Sensor probe;
        probe.type = SensorType(t);
        probe.capacity = 20;
        float v = sampleValue(probe.type);
        bool visible = layerVisible(s.layerMask, probe.type);
        p = ImVec2(origin.x + colW * float(shown % columns), origin.y + rowH * float(shown / columns));
        ++shown;
        ImGui::PushID(t);
        const float menuW = compact ? 0 : ImGui::GetTextLineHeight() + 2 * S;  // the row's filter menu, at its right
        ImGui::SetCursorScreenPos(ImVec2(rtl ? p.x + menuW : p.x, p.y));
        if (ImGui::InvisibleButton("##toggle", ImVec2(colW - 4 * S - menuW, rowH))) out.push_back(Intent::number(Intent::toggleLayer, t));
        ImGui::SetItemAllowOverlap();  // the filter chips on the second line take their own clicks
        bool hovered = ImGui::IsItemHovered();
        if (hovered) ImGui::SetTooltip("%s", trf(visible ? "legend.hide" : "legend.show", {{"name", name}}).c_str());
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (hovered) dl->AddRectFilled(p, ImVec2(p.x + colW - 4 * S, p.y + rowH), IM_COL32(0, 0, 0, 14), 6 * S);
        drawGlyphIcon(dl, ImVec2(mx(p.x + iconR + 4 * S), p.y + rowH / 2), iconR, probe.type,
                      visible ? colorForValue(probe, v) : 0xFFBBBBBBu, normalisedValue(probe, v));
        ImU32 ink = visible ? kInkColor : IM_COL32(41, 46, 56, 90);
        // Line 1: the English name (and the Korean one when there is room); line 2: what it shows.
        float textX = p.x + iconR * 2 + (compact ? 8 : 12) * S, textY = p.y + (compact ? 2 : 3) * S;
        // A long translation ("Seguridad contra incendios en hanoks") ends in "…"; the tooltip names it whole.
        // Before that, the small face, where the name fits in it.
        const float nameRoom = p.x + colW - 4 * S - menuW - textX;
        ImFont* nameFont = ImGui::GetFont();
        if (f.small && ImGui::CalcTextSize(name.c_str()).x > nameRoom &&
            f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, name.c_str()).x <= nameRoom)
            nameFont = f.small;
        const std::string label = nameFont == f.small && !compact ? name : fittedText(name, nameRoom);
        ImGui::PushClipRect(ImVec2(rtl ? p.x + menuW : p.x, p.y), ImVec2(rtl ? p.x + colW - 4 * S : p.x + colW - 4 * S - menuW, p.y + rowH), true);
        dl->AddText(nameFont, nameFont->FontSize,
                    ImVec2(textAt(nameFont, textX, label.c_str()), textY + (ImGui::GetFontSize() - nameFont->FontSize) / 2),
                    ink, label.c_str());
        ImGui::PopClipRect();
        if (compact) {
            ImGui::PopID();
            continue;
        }
        const float lineH = ImGui::GetTextLineHeight();
        drawFilterMenuButton(s, probe.type, ImVec2(rtl ? p.x + 2 * S : p.x + colW - 4 * S - menuW, p.y + 2 * S), menuW - 2 * S, out);
        if (f.small) ImGui::PushFont(f.small);
        const bool chips = drawFilterChips(s, t, ImVec2(textX, textY + lineH), p.x + colW - 6 * S - textX, out);
        if (f.small) ImGui::PopFont();
        if (!chips) {
            // Composed from its letters and shaped whole (in Arabic the count stands first, on the right).
            const std::string sub = shownText(formatCount(counts[t]) + " · " + logicalText(meaningOf(probe.type)));
            ImFont* small = f.small ? f.small : ImGui::GetFont();
            dl->AddText(small, small->FontSize, ImVec2(textAt(small, textX, sub.c_str()), textY + lineH),
                        visible ? kMutedColor : IM_COL32(110, 104, 96, 80), sub.c_str());
        }
        ImGui::PopID();
    }
    // The collection route: a line, not a sensor type, toggled the same way.
    if (s.collection && s.collection->available) {
        const int bit = kRouteLayerBit;
        bool visible = (s.layerMask >> bit) & 1u;
        p = ImVec2(origin.x + colW * float(shown % columns), origin.y + rowH * float(shown / columns));
        ++shown;
        ImGui::PushID(bit);
        ImGui::SetCursorScreenPos(p);
        if (ImGui::InvisibleButton("##toggle", ImVec2(colW - 4 * S, rowH))) out.push_back(Intent::number(Intent::toggleLayer, bit));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", trf(visible ? "legend.hide" : "legend.show", {{"name", tr("legend.route")}}).c_str());
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImU32 line = visible ? kAccentColor : IM_COL32(187, 187, 187, 255);
        dl->AddLine(ImVec2(mx(p.x + 2 * S), p.y + rowH / 2 + 4 * S), ImVec2(mx(p.x + iconR * 2 + 6 * S), p.y + rowH / 2 - 4 * S), line, 3.5f * S);
        float textX = p.x + iconR * 2 + (compact ? 8 : 12) * S, textY = p.y + (compact ? 2 : 3) * S;
        const char* route = tr("legend.route");
        dl->AddText(ImVec2(textAt(ImGui::GetFont(), textX, route), textY), visible ? kInkColor : IM_COL32(41, 46, 56, 90), route);
        ImFont* small = f.small ? f.small : ImGui::GetFont();
        const char* hint = tr("legend.routeHint");
        if (!compact)
            dl->AddText(small, small->FontSize, ImVec2(textAt(small, textX, hint), textY + ImGui::GetTextLineHeight()),
                        visible ? kMutedColor : IM_COL32(110, 104, 96, 80), hint);
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + rowH * float((shown + columns - 1) / columns)));
    ImGui::Dummy(ImVec2(1, 1));
    // Levels drawn in their own colours (GREEN < YELLOW < RED): a swatch per level, in their order, for the first
    // sensor whose glyph they drive.
    if (!compact && s.levelSwatchSensor >= 0) [&] {
            const size_t i = size_t(s.levelSwatchSensor);
            const int32_t p = s.dataset->primarySeries[i];
            if (p < 0 || s.dataset->series[size_t(p)].levels.empty()) return;
            const GlyphStyle style = glyphStyleOf(*s.dataset, i);
            if (style.bands != Bands::namedLevels) return;
            const std::vector<std::string>& levels = s.dataset->series[size_t(p)].levels;
            if (ImGui::GetCursorScreenPos().y + ImGui::GetTextLineHeightWithSpacing() > L.legend.y + L.legend.h) return;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float r = 5 * S;
            for (size_t k = 0; k < levels.size() && k < style.levelCount; ++k) {
                if (k) ImGui::SameLine(0, 12 * S);
                ImVec2 at = ImGui::GetCursorScreenPos();
                dl->AddCircleFilled(ImVec2(at.x + r, at.y + ImGui::GetTextLineHeight() / 2), r, style.levelRgba[k], 16);
                ImGui::Dummy(ImVec2(2 * r + 4 * S, ImGui::GetTextLineHeight()));
                ImGui::SameLine(0, 0);
                ImGui::TextUnformatted(shownText(levels[k]).c_str());
            }
        }();
    // Sensors that measure many things: which metric drives the map (setMetric / metric=). Only where the card has
    // room for it whole (a city log's few types leave room; Bukchon's six types and route fill the card, and its
    // sensors each have their own metric anyway): a control cut in half is worse than none.
    // (Measured against the card's budget: the card itself sizes to what it holds.)
    const float needed = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
    if (s.metricChoices && !s.metricChoices->empty() && !compact &&
        ImGui::GetCursorScreenPos().y + needed <= L.legend.y + L.legend.h) {
        auto label = [](const std::string& m) { return m.empty() ? std::string(tr("legend.metricDefault")) : metricLabel(m); };
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr("legend.metric"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        if (ImGui::BeginCombo("##metric", label(s.metric).c_str())) {
            if (ImGui::Selectable(label("").c_str(), s.metric.empty())) out.push_back(Intent::named(Intent::setMetric, ""));
            for (const auto& [name, count] : *s.metricChoices) {
                std::string text = trf("legend.metricSensors", {{"name", label(name)}, {"count", formatCount(int(count))}});
                ImGui::PushID(name.c_str());
                if (ImGui::Selectable(text.c_str(), name == s.metric)) out.push_back(Intent::named(Intent::setMetric, name));
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
    }
    if (compact && f.small) ImGui::PopFont();
    (void)out;
    ImGui::End();
}

}  // namespace bk
