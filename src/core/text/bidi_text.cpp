// bidi_text.cpp — one-line bidirectional reordering and Arabic joining for a left-to-right text renderer.
#include "bidi_text.hpp"

#include "text_decode.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace bk {
namespace {

// Arabic letters and their presentation forms: isolated, final, initial, medial (0: the letter has no such form,
// i.e. it joins only to the letter before it).
struct ArabicForms { uint16_t letter, isolated, final, initial, medial; };
constexpr ArabicForms kForms[] = {
    {0x0621, 0xFE80, 0, 0, 0},
    {0x0622, 0xFE81, 0xFE82, 0, 0}, {0x0623, 0xFE83, 0xFE84, 0, 0}, {0x0624, 0xFE85, 0xFE86, 0, 0},
    {0x0625, 0xFE87, 0xFE88, 0, 0}, {0x0626, 0xFE89, 0xFE8A, 0xFE8B, 0xFE8C}, {0x0627, 0xFE8D, 0xFE8E, 0, 0},
    {0x0628, 0xFE8F, 0xFE90, 0xFE91, 0xFE92}, {0x0629, 0xFE93, 0xFE94, 0, 0}, {0x062A, 0xFE95, 0xFE96, 0xFE97, 0xFE98},
    {0x062B, 0xFE99, 0xFE9A, 0xFE9B, 0xFE9C}, {0x062C, 0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0},
    {0x062D, 0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4}, {0x062E, 0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8}, {0x062F, 0xFEA9, 0xFEAA, 0, 0},
    {0x0630, 0xFEAB, 0xFEAC, 0, 0}, {0x0631, 0xFEAD, 0xFEAE, 0, 0}, {0x0632, 0xFEAF, 0xFEB0, 0, 0},
    {0x0633, 0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4}, {0x0634, 0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8},
    {0x0635, 0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC}, {0x0636, 0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},
    {0x0637, 0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4}, {0x0638, 0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8},
    {0x0639, 0xFEC9, 0xFECA, 0xFECB, 0xFECC}, {0x063A, 0xFECD, 0xFECE, 0xFECF, 0xFED0},
    {0x0641, 0xFED1, 0xFED2, 0xFED3, 0xFED4}, {0x0642, 0xFED5, 0xFED6, 0xFED7, 0xFED8},
    {0x0643, 0xFED9, 0xFEDA, 0xFEDB, 0xFEDC}, {0x0644, 0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0},
    {0x0645, 0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4}, {0x0646, 0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8},
    {0x0647, 0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC}, {0x0648, 0xFEED, 0xFEEE, 0, 0}, {0x0649, 0xFEEF, 0xFEF0, 0, 0},
    {0x064A, 0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4},
    // Persian and Urdu letters (Arabic Presentation Forms-A).
    {0x0679, 0xFB66, 0xFB67, 0xFB68, 0xFB69}, {0x067E, 0xFB56, 0xFB57, 0xFB58, 0xFB59},
    {0x0686, 0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D}, {0x0688, 0xFB88, 0xFB89, 0, 0}, {0x0691, 0xFB8C, 0xFB8D, 0, 0},
    {0x0698, 0xFB8A, 0xFB8B, 0, 0}, {0x06A9, 0xFB8E, 0xFB8F, 0xFB90, 0xFB91}, {0x06AF, 0xFB92, 0xFB93, 0xFB94, 0xFB95},
    {0x06BA, 0xFB9E, 0xFB9F, 0, 0}, {0x06BE, 0xFBAA, 0xFBAB, 0xFBAC, 0xFBAD}, {0x06C1, 0xFBA6, 0xFBA7, 0xFBA8, 0xFBA9},
    {0x06CC, 0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF}, {0x06D2, 0xFBAE, 0xFBAF, 0, 0},
};

const ArabicForms* formsOf(uint32_t c) {
    auto it = std::lower_bound(std::begin(kForms), std::end(kForms), c,
                               [](const ArabicForms& f, uint32_t v) { return f.letter < v; });
    return it != std::end(kForms) && it->letter == c ? it : nullptr;
}

bool isHaraka(uint32_t c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670; }
bool isTatweel(uint32_t c) { return c == 0x0640; }
// Joins to the letter after it (logical order): has an initial form, or is the tatweel.
bool joinsForward(uint32_t c) {
    const ArabicForms* f = formsOf(c);
    return isTatweel(c) || (f && f->initial);
}
// Joins to the letter before it.
bool joinsBackward(uint32_t c) {
    const ArabicForms* f = formsOf(c);
    return isTatweel(c) || (f && f->final);
}

enum class Bidi : uint8_t { L, R, EN, AN, N, NSM };

Bidi classify(uint32_t c) {
    if ((c >= 0x0591 && c <= 0x05C7 && c != 0x05BE && c != 0x05C0 && c != 0x05C3 && c != 0x05C6) ||
        (c >= 0x0610 && c <= 0x061A) || isHaraka(c) || (c >= 0x06D6 && c <= 0x06ED) || (c >= 0x0300 && c <= 0x036F))
        return Bidi::NSM;
    if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9)) return Bidi::AN;  // Arabic-Indic digits
    if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)) return Bidi::R;
    if (c >= '0' && c <= '9') return Bidi::EN;
    if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ? Bidi::L : Bidi::N;
    if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE50 && c <= 0xFE6F) ||
        (c >= 0xFF01 && c <= 0xFF20) || (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || c == 0xFFFD)
        return Bidi::N;  // punctuation, symbols, spaces
    return Bidi::L;
}

uint32_t mirrored(uint32_t c) {
    switch (c) {
    case '(': return ')'; case ')': return '(';
    case '[': return ']'; case ']': return '[';
    case '{': return '}'; case '}': return '{';
    case '<': return '>'; case '>': return '<';
    case 0xAB: return 0xBB; case 0xBB: return 0xAB;
    default: return c;
    }
}

std::vector<uint32_t> decode(std::string_view s) {
    std::vector<uint32_t> out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        uint32_t cp = 0;
        size_t len = nextUtf8(s, i, cp);
        out.push_back(len ? cp : 0xFFFD);  // a byte that is no character reads as U+FFFD
        i += len ? len : 1;
    }
    return out;
}

void encode(uint32_t c, std::string& out) {
    if (c < 0x80) out += char(c);
    else if (c < 0x800) { out += char(0xC0 | (c >> 6)); out += char(0x80 | (c & 0x3F)); }
    else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12)); out += char(0x80 | ((c >> 6) & 0x3F)); out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18)); out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F)); out += char(0x80 | (c & 0x3F));
    }
}

// Arabic letters → joined presentation forms (logical order kept), lam + alef → one ligature, harakat dropped.
std::vector<uint32_t> shapeArabic(const std::vector<uint32_t>& in) {
    std::vector<uint32_t> text;
    text.reserve(in.size());
    for (uint32_t c : in)
        if (!isHaraka(c)) text.push_back(c);
    std::vector<uint32_t> out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        uint32_t c = text[i];
        const ArabicForms* f = formsOf(c);
        if (!f) { out.push_back(c); continue; }
        bool joinPrev = i > 0 && joinsForward(text[i - 1]) && f->final;
        // Lam followed by an alef: one ligature (isolated or final form of the pair).
        if (c == 0x0644 && i + 1 < text.size()) {
            uint32_t next = text[i + 1], lig = 0;
            if (next == 0x0622) lig = 0xFEF5;
            else if (next == 0x0623) lig = 0xFEF7;
            else if (next == 0x0625) lig = 0xFEF9;
            else if (next == 0x0627) lig = 0xFEFB;
            if (lig) {
                out.push_back(joinPrev ? lig + 1 : lig);
                ++i;
                continue;
            }
        }
        bool joinNext = i + 1 < text.size() && f->initial && joinsBackward(text[i + 1]);
        uint32_t form = joinPrev && joinNext ? f->medial : joinPrev ? f->final : joinNext ? f->initial : f->isolated;
        out.push_back(form ? form : f->isolated);
    }
    return out;
}

}  // namespace

bool hasRightToLeft(std::string_view s) {
    // Hebrew and Arabic (U+0590–U+08FF) start with lead bytes D6–E0 A0–A3; presentation forms (U+FB1D–U+FEFF)
    // with EF AC–BB.
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    for (size_t i = 0; i < s.size(); ++i) {
        if (p[i] >= 0xD6 && p[i] <= 0xDF) return true;
        if (p[i] == 0xE0 && i + 1 < s.size() && p[i + 1] >= 0xA0 && p[i + 1] <= 0xA3) return true;
        if (p[i] == 0xEF && i + 1 < s.size() && p[i + 1] >= 0xAC && p[i + 1] <= 0xBB) return true;
    }
    return false;
}

std::string visualOrder(std::string_view utf8) {
    if (!hasRightToLeft(utf8)) return std::string(utf8);
    std::vector<uint32_t> text = shapeArabic(decode(utf8));
    const size_t n = text.size();
    std::vector<Bidi> type(n);
    for (size_t i = 0; i < n; ++i) type[i] = classify(text[i]);

    // Paragraph direction: the first strong letter's.
    int para = 0;
    for (Bidi t : type)
        if (t == Bidi::L || t == Bidi::R) { para = t == Bidi::R ? 1 : 0; break; }
    const Bidi paraStrong = para ? Bidi::R : Bidi::L;

    // W1: a mark takes the type of what it follows. W2/W7: European digits after Arabic letters count as Arabic
    // numbers; after Latin (or at the start of a left-to-right line) as Latin.
    Bidi lastStrong = paraStrong;
    bool lastWasArabic = false;
    for (size_t i = 0; i < n; ++i) {
        if (type[i] == Bidi::NSM) type[i] = i ? type[i - 1] : Bidi::N;
        if (type[i] == Bidi::L || type[i] == Bidi::R) {
            lastStrong = type[i];
            lastWasArabic = type[i] == Bidi::R && text[i] >= 0x0600;
        } else if (type[i] == Bidi::EN) {
            if (lastWasArabic) type[i] = Bidi::AN;
            else if (lastStrong == Bidi::L) type[i] = Bidi::L;
        }
    }
    // N1/N2: a run of neutrals between two of the same direction takes it (numbers count as right-to-left);
    // otherwise the paragraph's.
    auto direction = [&](Bidi t) { return t == Bidi::L ? Bidi::L : Bidi::R; };
    for (size_t i = 0; i < n;) {
        if (type[i] != Bidi::N) { ++i; continue; }
        size_t j = i;
        while (j < n && type[j] == Bidi::N) ++j;
        Bidi before = i ? direction(type[i - 1]) : paraStrong;
        Bidi after = j < n ? direction(type[j]) : paraStrong;
        Bidi resolved = before == after ? before : paraStrong;
        for (size_t k = i; k < j; ++k) type[k] = resolved;
        i = j;
    }
    // I1/I2: embedding levels.
    std::vector<int> level(n);
    for (size_t i = 0; i < n; ++i) {
        Bidi t = type[i];
        if (para == 0) level[i] = t == Bidi::L ? 0 : t == Bidi::R ? 1 : 2;
        else level[i] = t == Bidi::R ? 1 : 2;
    }
    // L4: mirrored brackets in right-to-left runs; L2: reverse every run at or above each level, highest first.
    for (size_t i = 0; i < n; ++i)
        if (level[i] % 2) text[i] = mirrored(text[i]);
    int top = n ? *std::max_element(level.begin(), level.end()) : 0;
    for (int l = top; l >= 1; --l) {
        for (size_t i = 0; i < n;) {
            if (level[i] < l) { ++i; continue; }
            size_t j = i;
            while (j < n && level[j] >= l) ++j;
            std::reverse(text.begin() + long(i), text.begin() + long(j));
            std::reverse(level.begin() + long(i), level.begin() + long(j));
            i = j;
        }
    }
    std::string out;
    out.reserve(utf8.size());
    for (uint32_t c : text) encode(c, out);
    return out;
}

}  // namespace bk
