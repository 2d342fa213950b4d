// fonts.cpp — builds the ImGui font atlas from Nanum Gothic with exactly the glyphs the UI and the data need.
//
// Why not ImGui's GetGlyphRangesKorean(): it asks for all 11,172 Hangul syllables, a huge atlas that takes
// seconds to rasterise in wasm. The names in a dataset use a few hundred; we rasterise those.
#include "ui.hpp"

#include <imgui.h>

namespace bk {

void FontBook::setFontData(std::string regularTtf, std::string boldTtf) {
    regular_ = std::move(regularTtf);
    bold_ = std::move(boldTtf);
    dirty_ = true;
}

void FontBook::requireText(const std::string& utf8) {
    text_ += utf8;
    text_ += '\n';
}

bool FontBook::rebuildIfNeeded(float dpr) {
    if (!dirty_ && dpr == builtDpr_ && text_.size() == builtTextSize_) return false;
    if (regular_.empty()) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();

    static ImVector<ImWchar> ranges;  // must outlive the atlas build
    ranges.clear();
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());  // Basic Latin + Latin-1
    builder.AddText(uiStringsForFonts());
    builder.AddText(text_.c_str());
    builder.BuildRanges(&ranges);

    auto add = [&](std::string& ttf, float sizeCssPx) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;  // the bytes live in this FontBook
        cfg.OversampleH = 2;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = false;
        return io.Fonts->AddFontFromMemoryTTF(ttf.data(), int(ttf.size()), sizeCssPx * dpr, &cfg, ranges.Data);
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
    builtTextSize_ = text_.size();
    dirty_ = false;
    return true;
}

}  // namespace bk
