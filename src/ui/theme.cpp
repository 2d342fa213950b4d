// theme.cpp — the panels' look: paper-white cards, ink text, generous rounding; scaled for the device pixel ratio.
#include "ui.hpp"

#include <imgui.h>

namespace bk {

void applyTheme(float uiScale) {
    ImGuiStyle style;  // fresh defaults, then scaled once (ScaleAllSizes is not idempotent)
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(14, 12);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(8, 6);
    style.WindowRounding = 10;
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.PopupRounding = 8;
    style.WindowBorderSize = 0;
    style.PopupBorderSize = 0;
    style.FrameBorderSize = 0;
    style.ScrollbarSize = 10;
    style.AntiAliasedFill = true;
    style.AntiAliasedLines = true;

    ImVec4* c = style.Colors;
    const ImVec4 ink(0.16f, 0.18f, 0.22f, 1.0f);
    c[ImGuiCol_Text] = ink;
    c[ImGuiCol_TextDisabled] = ImVec4(0.45f, 0.45f, 0.47f, 1.0f);
    c[ImGuiCol_WindowBg] = ImVec4(0.995f, 0.99f, 0.975f, 0.94f);
    c[ImGuiCol_PopupBg] = ImVec4(0.995f, 0.99f, 0.975f, 0.97f);
    c[ImGuiCol_Border] = ImVec4(0.0f, 0.0f, 0.0f, 0.08f);
    c[ImGuiCol_FrameBg] = ImVec4(0.91f, 0.89f, 0.85f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.87f, 0.85f, 0.80f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.83f, 0.80f, 0.75f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.91f, 0.89f, 0.85f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.85f, 0.82f, 0.77f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.18f, 0.50f, 0.43f, 1.0f);
    c[ImGuiCol_CheckMark] = ImVec4(0.18f, 0.50f, 0.43f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.18f, 0.50f, 0.43f, 0.25f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.18f, 0.50f, 0.43f, 0.15f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.18f, 0.50f, 0.43f, 0.30f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
    c[ImGuiCol_TableBorderLight] = ImVec4(0.0f, 0.0f, 0.0f, 0.06f);
    c[ImGuiCol_TableBorderStrong] = ImVec4(0.0f, 0.0f, 0.0f, 0.10f);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.0f, 0.0f, 0.0f, 0.15f);
    style.ScaleAllSizes(uiScale);
    ImGui::GetStyle() = style;
}

}  // namespace bk
