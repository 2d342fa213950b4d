// layout_probe.cpp — what the last frame's panels could not fit: content beyond a card's edges (clipped, or never
// drawn because it fell outside), a card beyond the screen, and text cut inside a word with "…". getState().layout reads it;
// the layout test asks it in every language at every layout size.
#include "ui.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace bk {

namespace {

// How far (px) what a window holds reaches beyond what it shows. A list with a scrollbar shows the rest by
// scrolling: its height is not measured.
float overflow(const ImGuiWindow& w) {
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    const bool scrolls = w.ScrollbarY;
    // Its items, as laid out (also those ImGui skipped because they fell outside), against its size.
    const float needX = w.ContentSizeIdeal.x + 2 * w.WindowPadding.x, needY = w.ContentSizeIdeal.y + 2 * w.WindowPadding.y;
    float over = std::max({needX - w.Size.x, scrolls ? 0 : needY - w.Size.y,
                           -w.Pos.x, -w.Pos.y, w.Pos.x + w.Size.x - screen.x, w.Pos.y + w.Size.y - screen.y});
    // Letters drawn, against the clip rect they were drawn in (what the scissor cut). Only glyphs: shapes drawn
    // past the clip are ImGui's way (a selected row's band is widened by half the item spacing, a separator spans
    // the window, both clipped); they take the atlas's white pixel or its baked lines.
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    const ImVec2 plain = atlas.TexUvWhitePixel;
    ImVec4 lines(0, 0, -1, -1);
    if (atlas.PackIdLines >= 0) {
        const ImFontAtlasCustomRect& r = atlas.CustomRects[atlas.PackIdLines];
        lines = ImVec4(r.X * atlas.TexUvScale.x, r.Y * atlas.TexUvScale.y, (r.X + r.Width) * atlas.TexUvScale.x,
                       (r.Y + r.Height) * atlas.TexUvScale.y);
    }
    const ImDrawList& dl = *w.DrawList;
    for (const ImDrawCmd& cmd : dl.CmdBuffer) {
        if (cmd.UserCallback) continue;
        const ImVec4& c = cmd.ClipRect;
        for (unsigned i = 0; i < cmd.ElemCount; ++i) {
            const ImDrawVert& v = dl.VtxBuffer[int(cmd.VtxOffset + dl.IdxBuffer[int(cmd.IdxOffset + i)])];
            if ((v.uv.x == plain.x && v.uv.y == plain.y) ||
                (v.uv.x >= lines.x && v.uv.x <= lines.z && v.uv.y >= lines.y && v.uv.y <= lines.w))
                continue;
            over = std::max({over, c.x - v.pos.x, v.pos.x - c.z, scrolls ? 0 : c.y - v.pos.y, scrolls ? 0 : v.pos.y - c.w});
        }
    }
    return over;
}

}  // namespace

std::string layoutStateJson() {
    std::string clipped, cut;
    // More than two pixels is content that does not fit (a glyph's quad has a pixel of padding).
    for (const ImGuiWindow* w : GImGui->Windows) {
        const float px = w->Active && !w->Hidden && !w->IsFallbackWindow ? overflow(*w) : 0;
        if (px > 2) clipped += (clipped.empty() ? "" : ",") + nlohmann::json{w->Name, std::lround(px)}.dump();
    }
    for (const std::string& text : fittedCuts()) cut += (cut.empty() ? "" : ",") + nlohmann::json(text).dump();
    return "{\"clipped\":[" + clipped + "],\"cut\":[" + cut + "]}";
}

}  // namespace bk
