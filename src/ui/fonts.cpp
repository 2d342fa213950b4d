// fonts.cpp — builds the ImGui font atlas from the Nanum Gothic subset the build made.
//
// The atlas asks for whole blocks (Latin, punctuation, arrows, maths, Hangul): ImGui skips code points the font
// lacks, and the build subset the font to exactly the characters the page, UI and data use — so the atlas holds
// those few hundred glyphs, not all 11,172 syllables (which take seconds to rasterise in wasm).
#include "ui.hpp"

#include <imgui.h>

namespace bk {

void FontBook::setFontData(std::string regularTtf, std::string boldTtf) {
    regular_ = std::move(regularTtf);
    bold_ = std::move(boldTtf);
    dirty_ = true;
}

bool FontBook::rebuildIfNeeded(float dpr) {
    if (!dirty_ && dpr == builtDpr_) return false;
    if (regular_.empty()) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();

    static const ImWchar ranges[] = {
        0x0020, 0x00FF,  // Basic Latin, Latin-1 (× · ° µ ³)
        0x2000, 0x206F,  // general punctuation (– — … ‘ ’ “ ”)
        0x2190, 0x21FF,  // arrows
        0x2200, 0x22FF,  // mathematical operators (≥ ≤)
        0x25A0, 0x25FF,  // geometric shapes
        0x3000, 0x303F,  // CJK punctuation
        0x3130, 0x318F,  // Hangul compatibility jamo
        0xAC00, 0xD7A3,  // Hangul syllables
        0,
    };

    auto add = [&](std::string& ttf, float sizeCssPx) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;  // the bytes live in this FontBook
        cfg.OversampleH = 2;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = false;
        return io.Fonts->AddFontFromMemoryTTF(ttf.data(), int(ttf.size()), sizeCssPx * dpr, &cfg, ranges);
    };
    std::string& bold = bold_.empty() ? regular_ : bold_;
    fonts_.body = add(regular_, 15.0f);
    fonts_.small = add(regular_, 12.5f);
    fonts_.strong = add(bold, 15.0f);
    fonts_.title = add(bold, 20.0f);
    fonts_.clock = add(bold, 26.0f);
    io.Fonts->Build();
    io.FontDefault = fonts_.body;
    builtDpr_ = dpr;
    dirty_ = false;
    return true;
}

}  // namespace bk
