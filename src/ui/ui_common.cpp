// ui_common.cpp — glyph icons for the legend and tooltip, halo text for map labels, value formatting.
#include "ui_common.hpp"

#include "glyph_scene.hpp"
#include "layout.hpp"
#include "ui.hpp"

#include "fonts.hpp"
#include "shaped_line.hpp"
#include "text_decode.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

namespace bk {

void drawGlyphIcon(ImDrawList* dl, ImVec2 c, float r, SensorType type, uint32_t color, float gauge) {
    ImU32 col = toImColor(color);
    const float pi = 3.14159265f;
    switch (type) {
        case SensorType::footfall:
            dl->AddCircleFilled(c, r * 1.25f, toImColor(color, 0.22f), 24);
            dl->AddCircleFilled(c, r * 0.8f, toImColor(color, 0.35f), 24);
            dl->AddCircleFilled(c, r * 0.25f, col, 12);
            break;
        case SensorType::fire:
            dl->AddQuadFilled({c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}, col);
            dl->AddQuadFilled({c.x, c.y - r * 0.4f}, {c.x + r * 0.4f, c.y}, {c.x, c.y + r * 0.4f}, {c.x - r * 0.4f, c.y},
                              kPaperColor);
            break;
        case SensorType::bin: {
            dl->AddCircleFilled(c, r, kPaperColor, 24);
            // Fill from the bottom to `gauge`: a chord across the disc.
            float level = r - 2 * r * gauge;  // y offset of the surface (down positive)
            float half = std::acos(std::fmax(-1.f, std::fmin(1.f, level / r)));
            dl->PathArcTo(c, r - 1, pi / 2 - half, pi / 2 + half, 24);
            dl->PathFillConvex(col);
            dl->AddCircle(c, r, col, 24, 1.5f);
            break;
        }
        case SensorType::parking:
            dl->AddCircleFilled(c, r, kPaperColor, 24);
            dl->AddCircle(c, r * 0.75f, IM_COL32(217, 209, 196, 255), 24, r * 0.45f);
            dl->PathArcTo(c, r * 0.75f, -pi / 2, -pi / 2 + 2 * pi * gauge, 24);
            dl->PathStroke(col, 0, r * 0.45f);
            break;
        case SensorType::noise:
            dl->AddCircleFilled(c, r, toImColor(color, 0.28f), 24);
            dl->AddCircle(c, r * 0.7f, col, 24, 1.2f);
            dl->AddCircleFilled(c, r * 0.38f, col, 16);
            break;
        default:
            dl->AddCircleFilled(c, r, col, 24);
            dl->AddCircle(c, r, kPaperColor, 24, 1.5f);
            break;
    }
}

ImU32 mixColor(ImU32 a, ImU32 b, float t) {
    ImU32 out = 0;
    for (int shift = 0; shift < 32; shift += 8) {
        float ca = float((a >> shift) & 255), cb = float((b >> shift) & 255);
        out |= ImU32(ca + (cb - ca) * t + 0.5f) << shift;
    }
    return out;
}

void drawHaloText(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 color, ImU32 halo, const char* text,
                  float uiScale) {
    const float o = 1.2f * uiScale;
    static const float dirs[8][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {0.7f, 0.7f}, {-0.7f, 0.7f}, {0.7f, -0.7f}, {-0.7f, -0.7f}};
    for (const auto& d : dirs) dl->AddText(font, size, {pos.x + d[0] * o, pos.y + d[1] * o}, halo, text);
    dl->AddText(font, size, pos, color, text);
}

bool isBukchonData(const ViewState& s) {
    return !s.dataset || isBukchonData(s.mapName, s.dataset->title);
}

std::string formatSpan(int64_t durationMs) {
    const double hours = double(durationMs) / 3600000.0;
    if (hours < 36) {
        long long h = std::max(1LL, std::llround(hours));
        return trf("span.hours", {{"count", formatCount(h)}});
    }
    return trf("span.days", {{"count", formatCount(std::llround(hours / 24))}});
}

std::string formatValue(const Sensor& s, float v, const Series* series) {
    ValueText t = valueText(s, v, series);
    return t.say.key.empty() ? shownText(t.text) : say(t.say);
}

std::string say(const UiText& t) {
    std::string out = uiStrings().get(t.key.c_str());  // composed in logical order, then shaped as one line
    for (const auto& [name, value] : t.args) {
        const std::string field = "{" + name + "}";
        const std::string& logical = logicalText(value);
        for (size_t at = out.find(field); at != std::string::npos; at = out.find(field, at + logical.size()))
            out.replace(at, field.size(), logical);
    }
    return shownText(out);
}

}  // namespace bk

namespace bk {

std::string metricLabel(const std::string& m) { return trOr("metric." + m, m); }
std::string typeLabel(SensorType t) { return trOr(std::string("type.") + sensorTypeInfo(t).name, sensorTypeInfo(t).name); }
std::string eventLabel(const std::string& kind) { return trOr("event." + kind, kind); }

namespace {
Strings& currentStrings() {
    static Strings s;
    return s;
}
}  // namespace

namespace {
int stringsVersion = 0;
}
void setUiStrings(Strings strings) {
    setNumberSigns(strings.numbers());  // the figures of the panels and the twin in the language's signs
    currentStrings() = std::move(strings);
    ++stringsVersion;
}
int uiStringsVersion() { return stringsVersion; }
const Strings& uiStrings() { return currentStrings(); }

std::string trOr(const std::string& key, const std::string& fallback) {
    return uiStrings().has(key.c_str()) ? tr(key.c_str()) : fallback;
}

const char* tr(const char* key) {
    const char* text = uiStrings().get(key);
    return needsShaping(text) ? shownText(text).c_str() : text;
}

std::string trf(const char* key, std::initializer_list<std::pair<const char*, std::string>> args) {
    std::string out = uiStrings().format(key, args);
    // A value shaped already (a count's own trf, a name) goes back to its letters: the line is shaped as one.
    for (const auto& [name, value] : args) {
        const std::string& logical = logicalText(value);
        if (&logical == &value) continue;
        for (size_t at = out.find(value); at != std::string::npos; at = out.find(value, at + logical.size()))
            out.replace(at, value.size(), logical);
    }
    return shownText(out);
}

namespace {
FontBook* shapingFonts = nullptr;
int shapedWith = -1;  // the font book's shaping version the cache was made with
std::unordered_map<std::string, std::string>& shownCache() {
    static std::unordered_map<std::string, std::string> cache;
    return cache;
}
std::vector<std::string>& cuts() {  // fittedText's cuts this frame (the layout probe's)
    static std::vector<std::string> list;
    return list;
}
std::unordered_map<std::string, std::string>& logicalCache() {  // shown → logical, for text composed or wrapped again
    static std::unordered_map<std::string, std::string> cache;
    return cache;
}
const std::string& logicalPrimary(const std::string& en, const std::string& ko) {
    bool korean = uiStrings().code() == "ko";
    if (korean) return ko.empty() ? en : ko;
    return en.empty() ? ko : en;
}
}  // namespace

void setShapingFonts(FontBook* fonts) { shapingFonts = fonts; }

void beginUiFrame() {
    // Between frames no reference into the cache is held: it is emptied when it grows large or when lines shaped
    // before would come out otherwise (the shaper arrived, a font pack did).
    // (A new atlas measures text otherwise, a cluster coded last frame included: wrapped lines are cut again.)
    const int version = shapingFonts ? shapingFonts->shapingVersion() * 65536 + shapingFonts->atlasVersion() : 0;
    if (shownCache().size() > 4096 || version != shapedWith) {
        shownCache().clear();
        logicalCache().clear();
    }
    shapedWith = version;
    cuts().clear();
}

const std::vector<std::string>& fittedCuts() { return cuts(); }

const std::string& shownText(const std::string& logical) {
    if (!shapingFonts || !needsShaping(logical)) return logical;
    auto found = shownCache().find(logical);
    if (found != shownCache().end()) return found->second;
    auto shaped = shapingFonts->shapeLine(logical);
    if (!shaped) return logical;  // until the shaper is loaded: the letters as they are
    logicalCache().emplace(*shaped, logical);
    return shownCache().emplace(logical, std::move(*shaped)).first->second;
}

const std::string& logicalText(const std::string& shown) {
    auto it = logicalCache().find(shown);
    return it == logicalCache().end() ? shown : it->second;
}

void textLine(const char* shown, const char* end) {
    // Right to left, a line stands against the right edge of its column (or the wrap position a panel pushed).
    if (uiStrings().rightToLeft()) {
        const float wrapAt = ImGui::GetCurrentWindow()->DC.TextWrapPos;
        const float w = ImGui::CalcTextSize(shown, end).x;
        const float avail = wrapAt > 0 ? wrapAt - ImGui::GetCursorPosX() : ImGui::GetContentRegionAvail().x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);  // longer than the column: its end is cut, not its start
    }
    ImGui::TextUnformatted(shown, end);
}

const std::string* translatedPlace(const ViewState& s, const std::string& local) {
    const std::string& language = uiStrings().code();
    if (!s.placeNames || language == "en" || language == "ko" || local.empty()) return nullptr;
    return s.placeNames->find(language, local);
}

const std::string& primaryName(const std::string& en, const std::string& ko) {
    return shownText(logicalPrimary(en, ko));
}

const std::string& secondaryName(const std::string& en, const std::string& ko) {
    static const std::string none;
    const std::string& first = logicalPrimary(en, ko);
    const std::string& other = &first == &en ? ko : en;
    return other == first ? none : shownText(other);
}

void textWrappedAtSpaces(const std::string& shown) {
    // Up to the wrap position a panel pushed (PushTextWrapPos), else the column's edge.
    const float wrapAt = ImGui::GetCurrentWindow()->DC.TextWrapPos;
    const float avail = wrapAt > 0 ? wrapAt - ImGui::GetCursorPosX() : ImGui::GetContentRegionAvail().x;
    // The lines of a text at a width and in a face, cut once and kept with the shaped lines (between frames the
    // same paragraph is not cut, segmented and measured again).
    const std::string& text = logicalText(shown);
    std::string key = "\x01" + std::to_string(int(avail)) + ':' + std::to_string(uintptr_t(ImGui::GetFont())) + '\x01' + text;
    auto found = shownCache().find(key);
    if (found == shownCache().end()) {
        // Lines are cut from the logical text and each is shaped on its own: a right-to-left paragraph reads from
        // its first line down, and a cluster is never split. Breaks: after a space; at a word boundary of a script
        // without spaces (Thai …, from the shaper's segmenter: U+200B); before an ideograph or kana.
        std::string marked = shapingFonts && needsShaping(text) ? shapingFonts->wordBreaks(text) : text;
        std::vector<std::string> pieces(1);
        for (size_t i = 0; i < marked.size();) {
            uint32_t cp = 0;
            size_t len = nextUtf8(marked, i, cp);
            if (len == 0) len = 1;
            const bool ideograph = (cp >= 0x3041 && cp <= 0x30FA) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
            if (cp == 0x200B || (ideograph && !pieces.back().empty() && pieces.back().back() != ' ')) pieces.emplace_back();
            if (cp != 0x200B && cp != '\n') pieces.back().append(marked, i, len);
            if (cp == ' ') pieces.emplace_back();
            i += len;
        }
        auto trimmed = [](std::string s) {
            while (!s.empty() && s.back() == ' ') s.pop_back();
            return s;
        };
        std::string lines, line;
        for (const std::string& piece : pieces) {
            const std::string candidate = line + piece;
            if (!trimmed(line).empty() && ImGui::CalcTextSize(shownText(trimmed(candidate)).c_str()).x > avail) {
                lines += shownText(trimmed(line)) + '\n';
                line = piece;
            } else {
                line = candidate;
            }
        }
        if (!trimmed(line).empty()) lines += shownText(trimmed(line)) + '\n';
        found = shownCache().emplace(std::move(key), std::move(lines)).first;
    }
    const std::string& lines = found->second;
    for (size_t at = 0, end; at < lines.size(); at = end + 1) {
        end = lines.find('\n', at);
        textLine(lines.data() + at, lines.data() + end);
    }
}

bool beginCard(const char* id, const Rect& r, bool fillHeight, bool anchorBottom) {
    if (r.w <= 0 || r.h <= 0) return false;
    // Anchored at the bottom, a card that needs less than its budget sits on the budget's lower edge.
    if (anchorBottom && !fillHeight) ImGui::SetNextWindowPos(ImVec2(r.x, r.bottom()), ImGuiCond_Always, ImVec2(0, 1));
    else ImGui::SetNextWindowPos(ImVec2(r.x, r.y), ImGuiCond_Always);
    if (fillHeight) ImGui::SetNextWindowSize(ImVec2(r.w, r.h), ImGuiCond_Always);
    else ImGui::SetNextWindowSizeConstraints(ImVec2(r.w, 0), ImVec2(r.w, r.h));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (!fillHeight) flags |= ImGuiWindowFlags_AlwaysAutoResize;
    ImGui::Begin(id, nullptr, flags);
    return true;
}

ImU32 eventColor(const std::string& kind) { return eventKindInfo(kind).rgba; }

std::string fittedText(const std::string& text, float maxWidth) {
    if (ImGui::CalcTextSize(text.c_str()).x <= maxWidth) return text;
    auto fits = [&](const std::string& shown) { return ImGui::CalcTextSize(shown.c_str()).x <= maxWidth; };
    // Whole words where the first one fits ("Fire…"): cut in the logical text after a space or at a word
    // boundary of a script without spaces (Thai: the shaper's segmenter marks them U+200B), then shaped again.
    const std::string& logical = logicalText(text);
    const std::string marked = shapingFonts && needsShaping(logical) ? shapingFonts->wordBreaks(logical) : logical;
    const std::string zwsp = "\u200B";
    for (size_t at = marked.size(); at > 0;) {
        const size_t space = marked.rfind(' ', at - 1), mark = marked.rfind(zwsp, at - 1);
        at = space == std::string::npos ? mark : mark == std::string::npos ? space : std::max(space, mark);
        if (at == std::string::npos || at == 0) break;
        std::string cut = marked.substr(0, at);
        for (size_t z; (z = cut.find(zwsp)) != std::string::npos;) cut.erase(z, zwsp.size());
        cut.erase(cut.find_last_not_of(' ') + 1);
        if (const std::string shown = shownText(cut + "…"); !cut.empty() && fits(shown)) return shown;
    }
    if (cuts().size() < 8) cuts().push_back(logicalText(text));
    std::string cut = text;
    while (!cut.empty()) {
        do cut.pop_back();  // a whole UTF-8 character: continuation bytes first
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80);
        if (fits(cut + "…")) break;
    }
    return cut + "…";
}

bool cardIsFull(const Rect& card, bool& tight, float saving) {
    // Measured on the frame before (ImGui's own auto-fit works so), as it would be drawn loose: the same content
    // gives the same answer whichever way the last frame drew it.
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    tight = w->ContentSizeIdeal.y + 2 * w->WindowPadding.y + (tight ? saving : 0) > card.h + 0.5f;
    return tight;
}

bool roomForText(const Rect& card, const std::string& text) {
    const float avail = std::max(1.0f, ImGui::GetContentRegionAvail().x);
    const float lines = std::ceil(ImGui::CalcTextSize(text.c_str()).x / avail);
    return ImGui::GetCursorPosY() + lines * ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y <= card.h;
}

bool simulatedBadge(const UiFonts& f) {
    const std::string text = tr("badge.simulated");
    const float padding = 2 * ImGui::GetStyle().FramePadding.x, room = ImGui::GetContentRegionAvail().x;
    auto fits = [&](ImFont* font) {
        return font && font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x + padding <= room;
    };
    // Bold as it is; in the small face where a language's words are longer; in two pills where even that is too wide.
    ImFont* font = f.strong && !fits(f.strong) && fits(f.small) ? f.small : f.strong;
    const size_t cut = font && !fits(font) ? text.find(" · ") : std::string::npos;
    if (font) ImGui::PushFont(font);
    for (ImGuiCol c : {ImGuiCol_Button, ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive})
        ImGui::PushStyleColor(c, ImGui::ColorConvertU32ToFloat4(kWarnFill));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kWarnInk));
    bool hovered = false;
    const std::vector<std::string> parts = cut == std::string::npos ? std::vector<std::string>{text}
                                           : std::vector<std::string>{text.substr(0, cut), text.substr(cut + std::string(" · ").size())};
    for (const std::string& part : parts) {
        // Right to left, a pill stands against the right edge, as a line does.
        if (uiStrings().rightToLeft())
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x -
                                 ImGui::CalcTextSize(part.c_str()).x - 2 * ImGui::GetStyle().FramePadding.x);
        ImGui::SmallButton(part.c_str());
        hovered = hovered || ImGui::IsItemHovered();
    }
    ImGui::PopStyleColor(4);
    if (font) ImGui::PopFont();
    return hovered;
}

}  // namespace bk
