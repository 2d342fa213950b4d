// cluster_codes.cpp — a line's shaped clusters as private-use code points, and each code's image per face.
#include "cluster_codes.hpp"

#include "font_plan.hpp"

namespace bk {

std::string ClusterCodes::drawable(std::string_view line, const std::vector<std::string>& fonts, bool& added) {
    added = false;
    std::vector<std::string> regular, bold;
    for (const std::string& f : fonts) {
        const size_t tab = f.find('\t');
        regular.push_back(f.substr(0, tab));
        bold.push_back(tab == std::string::npos ? regular.back() : f.substr(tab + 1));
    }
    if (!regular.empty()) pageFont_ = regular.front();
    std::string out;
    for (const LinePiece& p : shaper_.line(line, regular)) {
        if (!p.shaped) { out += p.text; continue; }
        const std::string& font = p.font < regular.size() ? regular[p.font] : p.text;
        size_t code = 0;
        while (code < clusters_.size() && !(clusters_[code].font == font && clusters_[code].piece == p)) ++code;
        if (code == clusters_.size()) {
            if (clusters_.size() >= kMaxClusterCodes) { out += p.text; continue; }  // drawn unshaped
            clusters_.push_back({font, p.font < bold.size() ? bold[p.font] : font, p});
            added = true;
        }
        const uint32_t cp = kFirstClusterCode + uint32_t(code);
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
    return out;
}

GlyphImage ClusterCodes::image(size_t index, bool bold, float pixelHeight) const {
    if (index >= clusters_.size()) return {};
    const Cluster& c = clusters_[index];
    const std::string& font = bold ? c.bold : c.font;
    const float own = shaper_.emsPerLine(font), page = shaper_.emsPerLine(pageFont_);
    const float scale = own > 0 && page > 0 && own > page ? own / page : 1.f;  // never smaller than asked
    return shaper_.render(font, c.piece, pixelHeight * scale);
}

}  // namespace bk
