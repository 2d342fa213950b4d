// fonts.cpp — the ImGui font atlas: the page's Nanum Gothic subset, plus fallback packs for the text in use.
//
// The base faces ask for whole blocks (Latin, punctuation, arrows, maths, Hangul): ImGui skips code points the
// font lacks, and the build subset the font to exactly the characters the page, UI and data use — so the atlas
// holds those few hundred glyphs, not all 11,172 syllables (which take seconds to rasterise in wasm). Packs are
// merged for exactly the characters in use that the base lacks (src/core/text/font_plan.hpp).
#include "fonts.hpp"

#include "shaped_line.hpp"

#include <imgui.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace bk {

static_assert(sizeof(ImWchar) == sizeof(uint16_t), "glyph ranges are kept as 16-bit code points");

namespace {
const char* const kManifestFile = "packs.json";

// Characters drawn with an equivalent's glyph when no font has their own (cmake/check_font_coverage.py has the
// same list): Nanum Gothic has the Greek mu but not the micro sign of "µg/m³".
const ImWchar kEquivalents[][2] = {{0x00B5, 0x03BC}, {0x2126, 0x03A9}, {0x212A, 0x004B}, {0x212B, 0x00C5}};

bool lacksSome(const std::vector<CodepointRange>& coverage, const CodepointSet& text) {
    for (uint32_t cp : text.points())
        if (!isInvisibleCodepoint(cp) && !rangesContain(coverage, cp)) return true;
    return false;
}

// Sorted, disjoint ranges covering both.
std::vector<CodepointRange> unite(std::vector<CodepointRange> a, const std::vector<CodepointRange>& b) {
    a.insert(a.end(), b.begin(), b.end());
    std::sort(a.begin(), a.end());
    std::vector<CodepointRange> out;
    for (const CodepointRange& r : a) {
        if (!out.empty() && r.first <= out.back().second + 1) out.back().second = std::max(out.back().second, r.second);
        else out.push_back(r);
    }
    return out;
}
}  // namespace

void FontBook::setFontData(std::string regularTtf, std::string boldTtf) {
    regular_ = std::move(regularTtf);
    bold_ = std::move(boldTtf);
    dirty_ = true;
}

void FontBook::setLanguageFonts(std::string regularTtf, std::string boldTtf, std::vector<CodepointRange> covers) {
    if (regularTtf.empty()) covers.clear();
    if (regularTtf == languageRegular_ && boldTtf == languageBold_ && covers == languageCovers_) return;
    languageRegular_ = std::move(regularTtf);
    languageBold_ = std::move(boldTtf);
    languageCovers_ = std::move(covers);
    coverage_ = unite(baseFontCoverage(), languageCovers_);
    if (manifest_) manifest_->base = coverage_;
    replan();
    dirty_ = true;
    ++shapingVersion_;
}

void FontBook::setTextInUse(const CodepointSet& all, const CodepointSet& display) {
    if (all == all_ && display == display_) return;
    // Text of a script that needs shaping (Thai, Devanagari, Arabic …) asks for the shaper module once.
    if (std::any_of(all.points().begin(), all.points().end(), isShapedScript)) request(kShaperModule);
    const FontPlan before = plan_;
    const bool displayChanged = !(display == display_);
    all_ = all;
    display_ = display;
    replan();
    // Rebuild the atlas only when what is merged changes (a rebuild costs tens of ms in wasm); otherwise the
    // current atlas just answers what is unshown now.
    const bool anyMerged = std::any_of(plan_.perPack.begin(), plan_.perPack.end(), [](const auto& p) { return !p.empty(); });
    // The title and clock faces hold only the display characters of their build: one the page's font has that
    // they lack (a dataset's title committed after the atlas was built from the language alone) needs a rebuild.
    const bool displayGrew = fonts_.body && std::any_of(display_.points().begin(), display_.points().end(), [&](uint32_t cp) {
        return cp > 0xFF && !std::binary_search(builtDisplay_.begin(), builtDisplay_.end(), cp) &&
               rangesContain(coverage_, cp);
    });
    if (plan_.perPack != before.perPack || (displayChanged && anyMerged) || displayGrew) dirty_ = true;
    else countUnshown();
}

void FontBook::countUnshown() {
    unshown_.clear();
    if (!fonts_.body) return;
    for (uint32_t cp : all_.points())
        if (!isInvisibleCodepoint(cp) && (cp > 0xFFFF || !fonts_.body->FindGlyphNoFallback(ImWchar(cp))))
            unshown_.push_back(cp);
}

void FontBook::request(const std::string& name) {
    if (name.empty() || files_.count(name)) return;
    files_[name] = File::requested;
    requests_.push_back(name);
}

std::vector<std::string> FontBook::takeRequests() {
    std::vector<std::string> out;
    out.swap(requests_);
    return out;
}

const std::string* FontBook::loaded(const std::string& name) const {
    auto it = bytes_.find(name);
    return it == bytes_.end() ? nullptr : &it->second;
}

void FontBook::replan() {
    plan_ = FontPlan{};
    if (!lacksSome(coverage_, all_)) return;
    if (!manifest_) {
        request(kManifestFile);
        return;
    }
    plan_ = planFonts(all_, *manifest_);
    for (size_t i = 0; i < manifest_->packs.size(); ++i) {
        if (!plan_.needs(i)) continue;
        request(manifest_->packs[i].regular);
        request(manifest_->packs[i].bold);
    }
}

void FontBook::addFile(const std::string& name, std::string bytes) {
    if (name == kShaperModule) {  // the page loaded the shaper module: lines are shaped from now on
        files_[name] = File::loaded;
        ++shapingVersion_;
        dirty_ = true;  // not settled until the atlas has the clusters the next frame's lines bring
        return;
    }
    if (name == kManifestFile) {
        auto m = loadFontManifest(bytes, "assets/fonts/packs.json");
        if (!m) {
            fileFailed(name, m.error().describe());
            return;
        }
        files_[name] = File::loaded;
        manifest_ = std::move(m.value());
        manifest_->base = coverage_;  // the list names the packs; the page's own font is compiled in
        replan();
        return;
    }
    files_[name] = File::loaded;
    bytes_[name] = std::move(bytes);
    dirty_ = true;
    ++shapingVersion_;  // a letter may now be drawn by this pack
}

void FontBook::fileFailed(const std::string& name, const std::string& why) {
    files_[name] = File::failed;
    if (problem_.empty()) problem_ = why;
    std::fprintf(stderr, "bukchon: font file %s not loaded (%s); characters only it has are not shown\n", name.c_str(),
                 why.c_str());
}

bool FontBook::rebuildIfNeeded(float uiScale) {
    if (!dirty_ && uiScale == builtScale_) return false;
    if (regular_.empty()) return false;
    const auto started = std::chrono::steady_clock::now();
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();

    // The page's font brings every character it has (its coverage, written by the build: a UI language's own
    // letters the page's text already used, such as some Cyrillic, are there and nowhere else).
    static const std::vector<ImWchar> baseRangeList = [] {
        std::vector<ImWchar> r;
        for (const auto& [first, last] : baseFontCoverage()) {
            if (first > 0xFFFF) continue;
            r.push_back(ImWchar(first));
            r.push_back(ImWchar(std::min<uint32_t>(last, 0xFFFF)));
        }
        r.push_back(0);
        return r;
    }();
    const ImWchar* baseRanges = baseRangeList.data();

    // Per pack, the characters to merge as ImGui glyph ranges (first, last pairs, then 0): everything in use for
    // the body faces, only the display text for the title and clock faces.
    ranges_.clear();
    auto rangesFor = [&](const std::vector<uint32_t>& points, bool displayOnly) -> const ImWchar* {
        std::vector<uint16_t> r;
        for (uint32_t cp : points) {
            if (cp > 0xFFFF || (displayOnly && !display_.contains(cp))) continue;
            if (!r.empty() && r.back() + 1u == cp) r.back() = uint16_t(cp);
            else { r.push_back(uint16_t(cp)); r.push_back(uint16_t(cp)); }
        }
        if (r.empty()) return nullptr;
        r.push_back(0);
        ranges_.push_back(std::move(r));
        return reinterpret_cast<const ImWchar*>(ranges_.back().data());
    };
    struct Merge { const std::string* regular; const std::string* bold; const ImWchar* body; const ImWchar* display; };
    std::vector<Merge> merges;
    if (!languageRegular_.empty()) {  // the UI language's own glyphs: as much a part of the page's font as its own
        std::vector<uint32_t> points;
        for (const CodepointRange& r : languageCovers_)
            for (uint32_t cp = r.first; cp <= r.second && points.size() < 65536; ++cp) points.push_back(cp);
        merges.push_back({&languageRegular_, languageBold_.empty() ? &languageRegular_ : &languageBold_,
                          rangesFor(points, false), rangesFor(points, true)});
    }
    if (manifest_) {
        for (size_t i = 0; i < manifest_->packs.size() && i < plan_.perPack.size(); ++i) {
            const FontPack& pack = manifest_->packs[i];
            const std::string* regular = loaded(pack.regular);
            if (!plan_.needs(i) || !regular) continue;
            const std::string* bold = pack.bold.empty() ? nullptr : loaded(pack.bold);
            merges.push_back({regular, bold ? bold : regular, rangesFor(plan_.perPack[i], false),
                              rangesFor(plan_.perPack[i], true)});
        }
    }

    // The title and clock faces draw only display text (titles, values, units, the clock): from the base font they
    // get Latin-1, the missing-glyph box and the display characters, not every Hangul syllable of the street
    // names (at 20 and 26 px, those were a third of the atlas's build time).
    std::vector<uint32_t> displayPoints = {0x25A1};
    for (uint32_t cp = 0x20; cp <= 0xFF; ++cp) displayPoints.push_back(cp);
    for (uint32_t cp : display_.points())
        if (cp > 0xFF && cp != 0x25A1) displayPoints.push_back(cp);
    // And the glyphs that stand in for characters the font lacks: a value's "µg/m³" needs the Greek mu.
    for (const auto& [character, equivalent] : kEquivalents)
        if (equivalent > 0xFF) displayPoints.push_back(equivalent);
    std::sort(displayPoints.begin(), displayPoints.end());
    displayPoints.erase(std::unique(displayPoints.begin(), displayPoints.end()), displayPoints.end());
    builtDisplay_ = displayPoints;
    std::vector<uint16_t> displayBase;
    for (uint32_t cp : displayPoints) {
        if (cp > 0xFFFF) continue;
        if (!displayBase.empty() && displayBase.back() + 1u == cp) displayBase.back() = uint16_t(cp);
        else { displayBase.push_back(uint16_t(cp)); displayBase.push_back(uint16_t(cp)); }
    }
    displayBase.push_back(0);
    ranges_.push_back(std::move(displayBase));
    const ImWchar* displayRanges = reinterpret_cast<const ImWchar*>(ranges_.back().data());

    auto add = [&](std::string& ttf, float sizeCssPx, bool boldFace, bool displayFace) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;  // the bytes live in this FontBook
        cfg.OversampleH = 2;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = false;
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(ttf.data(), int(ttf.size()), sizeCssPx * uiScale, &cfg,
                                                      displayFace ? displayRanges : baseRanges);
        for (const Merge& m : merges) {
            const ImWchar* ranges = displayFace ? m.display : m.body;
            if (!ranges) continue;
            const std::string& data = *(boldFace ? m.bold : m.regular);
            ImFontConfig merge;
            merge.FontDataOwnedByAtlas = false;
            merge.MergeMode = true;
            merge.OversampleH = uiScale >= 2 ? 1 : 2;  // fine enough on HiDPI; the atlas holds more glyphs now
            merge.OversampleV = 1;
            merge.PixelSnapH = false;
            io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(data.data()), int(data.size()), sizeCssPx * uiScale, &merge,
                                           ranges);
        }
        return font;
    };
    std::string& bold = bold_.empty() ? regular_ : bold_;
    fonts_.body = add(regular_, 15.0f, false, false);
    fonts_.small = add(regular_, 12.5f, false, false);
    fonts_.strong = add(bold, 15.0f, true, false);
    fonts_.title = add(bold, 20.0f, true, true);
    fonts_.clock = add(bold, 26.0f, true, true);
    // Shaped clusters: one image per face, placed by ImGui as a glyph of its private-use code point.
    std::vector<std::pair<int, std::string>> images;  // atlas rectangle, image (wire form)
    notdef_ = 0;
    clusters_ = shaperReady() ? size_t(std::atoi(shaper_(3, "", "", 0).c_str())) : 0;
    if (clusters_ > 0) {
        addClusterGlyphs(fonts_.body, 15.0f * uiScale, false, images);
        addClusterGlyphs(fonts_.small, 12.5f * uiScale, false, images);
        addClusterGlyphs(fonts_.strong, 15.0f * uiScale, true, images);
        addClusterGlyphs(fonts_.title, 20.0f * uiScale, true, images);
        addClusterGlyphs(fonts_.clock, 26.0f * uiScale, true, images);
    }
    io.Fonts->Build();
    if (!images.empty()) {
        unsigned char* pixels = nullptr;
        int texWidth = 0, texHeight = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &texWidth, &texHeight);
        for (const auto& [id, wire] : images) {
            const ImFontAtlasCustomRect* r = io.Fonts->GetCustomRectByIndex(id);
            ImageHeader h;
            std::memcpy(&h, wire.data(), sizeof h);
            const auto* alpha = reinterpret_cast<const uint8_t*>(wire.data() + sizeof h);
            for (int y = 0; y < h.height && r->Y + y < texHeight; ++y)
                for (int x = 0; x < h.width && r->X + x < texWidth; ++x)
                    pixels[size_t(r->Y + y) * size_t(texWidth) + size_t(r->X + x)] = alpha[size_t(y) * size_t(h.width) + size_t(x)];
        }
        // ImGui places a custom glyph from the line's top; the images are placed from the baseline.
        for (ImFont* font : {fonts_.body, fonts_.small, fonts_.strong, fonts_.title, fonts_.clock}) {
            const float ascent = std::floor(font->Ascent + 0.5f);
            for (size_t i = 0; i < clusters_; ++i)
                if (auto* g = const_cast<ImFontGlyph*>(font->FindGlyphNoFallback(ImWchar(0xE000 + i)))) {
                    g->Y0 += ascent;
                    g->Y1 += ascent;
                }
        }
    }
    for (ImFont* font : {fonts_.body, fonts_.small, fonts_.strong, fonts_.title, fonts_.clock})
        for (const auto& [character, equivalent] : kEquivalents)
            if (!font->FindGlyphNoFallback(character) && font->FindGlyphNoFallback(equivalent))
                font->AddRemapChar(character, equivalent);
    // A character no font has shows as a white square (the sign of a missing glyph), not as a "?" that reads as
    // part of the name. getState().fonts counts them.
    for (ImFont* font : {fonts_.body, fonts_.small, fonts_.strong, fonts_.title, fonts_.clock}) {
        const ImFontGlyph* box = font->FindGlyphNoFallback(0x25A1);
        if (!box) continue;
        font->FallbackChar = 0x25A1;
        font->FallbackGlyph = box;
        font->FallbackAdvanceX = box->AdvanceX;
        for (int i = 0; i < font->IndexLookup.Size; ++i)
            if (font->IndexLookup[i] == ImWchar(-1)) font->IndexAdvanceX[i] = box->AdvanceX;
    }
    io.FontDefault = fonts_.body;
    ++atlasVersion_;
    builtScale_ = uiScale;
    dirty_ = false;
    buildMs_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    atlasGlyphs_ = 0;
    for (ImFont* font : {fonts_.body, fonts_.small, fonts_.strong, fonts_.title, fonts_.clock}) atlasGlyphs_ += size_t(font->Glyphs.Size);

    countUnshown();  // what the text in use still lacks, as built (the truth, whatever the plan said)
    return true;
}


bool FontBook::shaperReady() const {
    auto it = files_.find(kShaperModule);
    return shaper_ && it != files_.end() && it->second == File::loaded;
}

std::string FontBook::boldOf(const std::string& regular) const {
    if (regular == "page" || regular == "language") return regular + "-bold";
    if (manifest_)
        for (const FontPack& pack : manifest_->packs)
            if (pack.regular == regular && !pack.bold.empty() && loaded(pack.bold)) return pack.bold;
    return regular;
}

void FontBook::sendFont(const std::string& name) {
    if (std::find(shaperFonts_.begin(), shaperFonts_.end(), name) != shaperFonts_.end()) return;
    const std::string* bytes = name == "page"            ? &regular_
                               : name == "page-bold"     ? (bold_.empty() ? &regular_ : &bold_)
                               : name == "language"      ? &languageRegular_
                               : name == "language-bold" ? (languageBold_.empty() ? &languageRegular_ : &languageBold_)
                                                         : loaded(name);
    if (bytes && !bytes->empty()) shaper_(0, name, *bytes, 0);
    shaperFonts_.push_back(name);
}

std::optional<std::string> FontBook::shapeLine(const std::string& logical) {
    if (!shaperReady()) return std::nullopt;
    // While a font is on its way a letter may be shaped in the wrong one: the line waits, drawn as it is.
    for (const auto& [name, state] : files_)
        if (state == File::requested) return std::nullopt;
    // The fonts changed since the clusters were coded: they are coded again (and the atlas built again).
    if (codedWith_ != shapingVersion_) {
        shaper_(5, "", "", 0);
        codedWith_ = shapingVersion_;
        dirty_ = true;
    }
    // The fonts in the atlas's order (the first that has a letter draws it), each with its bold twin.
    std::vector<std::string> names = {"page"};
    if (!languageRegular_.empty()) names.push_back("language");
    if (manifest_)
        for (size_t i = 0; i < manifest_->packs.size() && i < plan_.perPack.size(); ++i)
            if (plan_.needs(i) && loaded(manifest_->packs[i].regular)) names.push_back(manifest_->packs[i].regular);
    std::string list;
    for (const std::string& name : names) {
        const std::string bold = boldOf(name);
        sendFont(name);
        sendFont(bold);
        list += name + "\t" + bold + "\n";
    }
    std::string line = shaper_(1, logical, list, 0);
    if (line.empty()) return std::nullopt;
    if (line[0] == '1') dirty_ = true;  // new clusters: the next frame's atlas has their glyphs
    return line.substr(1);
}

void FontBook::addClusterGlyphs(ImFont* font, float pixelHeight, bool bold, std::vector<std::pair<int, std::string>>& images) {
    const bool counting = images.empty();  // the first face: what the fonts lack is counted once
    for (size_t i = 0; i < clusters_; ++i) {
        std::string wire = shaper_(2, std::to_string(i), bold ? "b" : "", pixelHeight);
        ImageHeader h;
        if (wire.size() < sizeof h) continue;
        std::memcpy(&h, wire.data(), sizeof h);  // shaped_line.hpp's image wire form: this header, then the pixels
        if (h.width < 0 || h.height < 0 || wire.size() != sizeof h + size_t(h.width) * size_t(h.height)) continue;
        if (counting && h.notdef > 0) ++notdef_;
        const int id = ImGui::GetIO().Fonts->AddCustomRectFontGlyph(font, ImWchar(0xE000 + i), std::max(1, h.width),
                                                                    std::max(1, h.height), h.advance, ImVec2(h.left, h.top));
        images.emplace_back(id, std::move(wire));
    }
}

std::string FontBook::stateJson() const {
    nlohmann::json j;
    nlohmann::json packs = nlohmann::json::array();
    size_t pending = 0;
    for (const auto& [name, state] : files_) {
        if (state == File::requested) ++pending;
        if (state == File::loaded && name != kManifestFile && name != kShaperModule) packs.push_back(name);
    }
    std::string sample;
    for (size_t i = 0; i < unshown_.size() && i < 8; ++i) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%sU+%04X", i ? " " : "", unsigned(unshown_[i]));
        sample += buf;
    }
    j["packs"] = packs;
    j["pending"] = pending;
    j["settled"] = pending == 0 && !dirty_;  // nothing on its way and the atlas built for the text in use
    j["unshown"] = unshown_.size();
    j["atlasBuildMs"] = std::round(buildMs_ * 10) / 10;  // the last build (rasterizing every face)
    j["atlasGlyphs"] = atlasGlyphs_;
    j["unshownSample"] = sample;
    j["shaped"] = clusters_;  // clusters drawn from the shaper's images
    j["notdef"] = notdef_;           // of them, those with a glyph the font lacks (.notdef)
    j["problem"] = problem_.empty() ? nlohmann::json(nullptr) : nlohmann::json(problem_);
    return j.dump();
}

}  // namespace bk
