// text_decode.cpp — encoding detection and the streaming UTF-8 / UTF-16 / CP949 → UTF-8 decoders.
//
// Index:
//   [helpers]  UTF-8 writing, sequence classification, ASCII runs
//   [names]    encodingName / encodingFromName
//   [detect]   detectEncoding
//   [decoder]  TextDecoder: BOM hold-back, then one tight loop per encoding with the carry-over state in members
//
// Ill-formed input is replaced the way the WHATWG Encoding Standard (i.e. every browser) does it: one U+FFFD per
// maximal ill-formed subsequence, and a CP949 lead byte followed by an ASCII byte loses only the lead, so a stray byte
// before a comma never swallows the comma and shifts a CSV row's columns.
#include "text_decode.hpp"

#include <algorithm>
#include <cstring>

namespace bk {

namespace {
// [helpers] -------------------------------------------------------------------------------------------------------

// Generated at build time by cmake/gen_cp949.py: kCp949[lead - 0x81][trail - 0x41], 0 = unmapped.
#include "cp949_table.inc"

constexpr uint32_t kReplacement = 0xFFFD;
// Input is decoded in slices so the output can be sized for the worst case (3 bytes per input byte) without a huge
// buffer for a huge feed().
constexpr size_t kSliceBytes = 64 * 1024;

char* putUtf8(char* w, uint32_t cp) {
    if (cp < 0x80) {
        *w++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
        *w++ = static_cast<char>(0xC0 | cp >> 6);
        *w++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *w++ = static_cast<char>(0xE0 | cp >> 12);
        *w++ = static_cast<char>(0x80 | (cp >> 6 & 0x3F));
        *w++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        *w++ = static_cast<char>(0xF0 | cp >> 18);
        *w++ = static_cast<char>(0x80 | (cp >> 12 & 0x3F));
        *w++ = static_cast<char>(0x80 | (cp >> 6 & 0x3F));
        *w++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
    return w;
}

enum class Utf8Step { complete, incomplete, invalid };

// Looks at the sequence starting at p (n >= 1 bytes available). complete: `length` is the sequence's length.
// incomplete: a valid start that runs past p + n. invalid: `length` bytes form a maximal ill-formed subsequence
// (at least 1); decoding resumes right after them. The second-byte ranges exclude overlongs, surrogates and > U+10FFFF.
Utf8Step classifyUtf8(const uint8_t* p, size_t n, size_t& length) {
    uint8_t b = p[0];
    size_t need;
    uint8_t lo = 0x80, hi = 0xBF;
    if (b < 0x80) {
        length = 1;
        return Utf8Step::complete;
    } else if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        if (b == 0xE0) lo = 0xA0;
        if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        if (b == 0xF0) lo = 0x90;
        if (b == 0xF4) hi = 0x8F;
    } else {
        length = 1;
        return Utf8Step::invalid;
    }
    for (size_t k = 1; k <= need; ++k) {
        length = k;
        if (k >= n) return Utf8Step::incomplete;
        if (p[k] < lo || p[k] > hi) return Utf8Step::invalid;
        lo = 0x80, hi = 0xBF;
    }
    length = need + 1;
    return Utf8Step::complete;
}

// End of the run of ASCII bytes starting at i, eight at a time while it can.
size_t asciiRunEnd(const uint8_t* p, size_t i, size_t n) {
    for (; i + 8 <= n; i += 8) {
        uint64_t word;
        std::memcpy(&word, p + i, 8);
        if (word & 0x8080808080808080ull) break;
    }
    while (i < n && p[i] < 0x80) ++i;
    return i;
}

std::string_view bomOf(TextEncoding e) {
    switch (e) {
    case TextEncoding::utf8:
    case TextEncoding::utf8Bom: return "\xEF\xBB\xBF";
    case TextEncoding::utf16le: return "\xFF\xFE";
    case TextEncoding::utf16be: return "\xFE\xFF";
    case TextEncoding::cp949: break;
    }
    return {};
}
}  // namespace

// [names] ---------------------------------------------------------------------------------------------------------

const char* encodingName(TextEncoding e) {
    switch (e) {
    case TextEncoding::utf8: return "UTF-8";
    case TextEncoding::utf8Bom: return "UTF-8 with BOM";
    case TextEncoding::utf16le: return "UTF-16LE";
    case TextEncoding::utf16be: return "UTF-16BE";
    case TextEncoding::cp949: return "CP949 (EUC-KR)";
    }
    return "?";
}

std::optional<TextEncoding> encodingFromName(std::string_view name) {
    std::string key;
    for (char c : name) {
        if (c == '-' || c == '_' || c == ' ') continue;
        key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    static const struct {
        const char* key;
        TextEncoding encoding;
    } kNames[] = {
        {"utf8", TextEncoding::utf8},           {"utf8withbom", TextEncoding::utf8Bom},
        {"utf8sig", TextEncoding::utf8Bom},     {"utf16le", TextEncoding::utf16le},
        {"utf16", TextEncoding::utf16le},       {"utf16be", TextEncoding::utf16be},
        {"cp949", TextEncoding::cp949},         {"cp949(euckr)", TextEncoding::cp949},
        {"euckr", TextEncoding::cp949},         {"ms949", TextEncoding::cp949},
        {"uhc", TextEncoding::cp949},           {"windows949", TextEncoding::cp949},
    };
    for (const auto& n : kNames)
        if (key == n.key) return n.encoding;
    return std::nullopt;
}

// [detect] --------------------------------------------------------------------------------------------------------

TextEncoding detectEncoding(std::string_view head) {
    auto* p = reinterpret_cast<const uint8_t*>(head.data());
    size_t n = head.size();
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) return TextEncoding::utf8Bom;
    if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) return TextEncoding::utf16le;
    if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) return TextEncoding::utf16be;

    // In UTF-16 every ASCII character (digits, commas, line ends: plenty in any CSV, even a Korean one) has a NUL as
    // its high byte, at odd offsets in LE and even ones in BE. UTF-8 and CP949 text has next to no NULs at all, so a
    // stray one does not tip the balance: it takes one unit in 16 and a clear majority on one side.
    size_t zeros[2] = {0, 0};
    for (size_t i = 0; i < n; ++i) zeros[i & 1] += p[i] == 0;
    size_t units = n / 2;
    if (zeros[1] * 16 >= units && zeros[1] > 4 * zeros[0]) return TextEncoding::utf16le;
    if (zeros[0] * 16 >= units && zeros[0] > 4 * zeros[1]) return TextEncoding::utf16be;

    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            i = asciiRunEnd(p, i, n);
            continue;
        }
        size_t length;
        Utf8Step step = classifyUtf8(p + i, n - i, length);
        if (step == Utf8Step::invalid) return TextEncoding::cp949;
        if (step == Utf8Step::incomplete) break;  // cut off by the end of the sample, not by the file
        i += length;
    }
    return TextEncoding::utf8;
}

// [decoder] -------------------------------------------------------------------------------------------------------

TextDecoder::TextDecoder(TextEncoding encoding) : encoding_(encoding) {}

void TextDecoder::feed(std::string_view bytes, std::string& out) {
    auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    size_t n = bytes.size();
    if (!bomDecided_) {
        // Hold back bytes that match the BOM so far: a chunk may end in the middle of it.
        std::string_view bom = bomOf(encoding_);
        while (n > 0 && bomMatched_ < bom.size() && p[0] == static_cast<uint8_t>(bom[bomMatched_])) {
            ++bomMatched_;
            ++p;
            --n;
        }
        if (bomMatched_ == bom.size()) {
            bomDecided_ = true;  // a whole BOM: dropped
        } else if (n > 0) {
            bomDecided_ = true;  // text that began like a BOM: the held-back bytes are text after all
            decode(reinterpret_cast<const uint8_t*>(bom.data()), bomMatched_, out);
        } else {
            return;
        }
    }
    decode(p, n, out);
}

void TextDecoder::finish(std::string& out) {
    if (!bomDecided_) decode(reinterpret_cast<const uint8_t*>(bomOf(encoding_).data()), bomMatched_, out);
    // Whatever is left is the start of a sequence the input never completed: one U+FFFD, as for any cut sequence.
    if (pendingLen_ > 0 || highSurrogate_ != 0) {
        char buffer[4];
        char* end = replacement(buffer);
        out.append(buffer, end);
    }
    // Ready for another stream; invalidCount() keeps counting.
    bomMatched_ = 0;
    bomDecided_ = false;
    pendingLen_ = 0;
    highSurrogate_ = 0;
}

char* TextDecoder::replacement(char* w) {
    ++invalid_;
    return putUtf8(w, kReplacement);
}

void TextDecoder::decode(const uint8_t* p, size_t n, std::string& out) {
    do {
        size_t slice = std::min(n, kSliceBytes);
        // Worst case is 3 output bytes per input byte (each one a U+FFFD), plus what the state carried in adds.
        size_t base = out.size();
        out.resize(base + 3 * slice + 16);
        char* w = &out[base];
        switch (encoding_) {
        case TextEncoding::utf8:
        case TextEncoding::utf8Bom: w = decodeUtf8(p, slice, w); break;
        case TextEncoding::utf16le:
        case TextEncoding::utf16be: w = decodeUtf16(p, slice, w); break;
        case TextEncoding::cp949: w = decodeCp949(p, slice, w); break;
        }
        out.resize(static_cast<size_t>(w - out.data()));
        p += slice;
        n -= slice;
    } while (n > 0);
}

char* TextDecoder::decodeUtf8(const uint8_t* p, size_t n, char* w) {
    size_t i = 0;
    if (pendingLen_ > 0) {
        // Complete the sequence the previous chunk ended in, using as many of this chunk's bytes as it takes.
        uint8_t seq[4];
        size_t take = std::min(n, sizeof seq - pendingLen_);
        std::memcpy(seq, pending_, pendingLen_);
        std::memcpy(seq + pendingLen_, p, take);
        size_t length;
        Utf8Step step = classifyUtf8(seq, pendingLen_ + take, length);
        if (step == Utf8Step::incomplete) {  // this chunk was too short to finish it
            std::memcpy(pending_ + pendingLen_, p, take);
            pendingLen_ += take;
            return w;
        }
        if (step == Utf8Step::complete) {
            std::memcpy(w, seq, length);
            w += length;
        } else {
            w = replacement(w);
        }
        i = length - pendingLen_;  // the pending bytes were a valid start, so an error lies at or after them
        pendingLen_ = 0;
    }
    // Valid input is copied through in runs; only errors and a sequence cut by the chunk's end interrupt a run.
    size_t run = i;
    while (i < n) {
        if (p[i] < 0x80) {
            i = asciiRunEnd(p, i, n);
            continue;
        }
        size_t length;
        Utf8Step step = classifyUtf8(p + i, n - i, length);
        if (step == Utf8Step::complete) {
            i += length;
            continue;
        }
        std::memcpy(w, p + run, i - run);
        w += i - run;
        if (step == Utf8Step::incomplete) {
            pendingLen_ = n - i;
            std::memcpy(pending_, p + i, pendingLen_);
            run = i = n;
            break;
        }
        w = replacement(w);
        run = i += length;
    }
    std::memcpy(w, p + run, i - run);
    return w + (i - run);
}

char* TextDecoder::decodeUtf16(const uint8_t* p, size_t n, char* w) {
    const int shift0 = encoding_ == TextEncoding::utf16le ? 0 : 8;  // where the first byte of a unit goes
    const int shift1 = 8 - shift0;
    uint16_t high = highSurrogate_;
    auto put = [&](uint16_t unit) {
        if (high != 0) {
            if (unit >= 0xDC00 && unit <= 0xDFFF) {
                w = putUtf8(w, 0x10000 + ((uint32_t(high) - 0xD800) << 10) + (unit - 0xDC00));
                high = 0;
                return;
            }
            w = replacement(w);  // a high surrogate without its low half
            high = 0;
        }
        if (unit >= 0xD800 && unit <= 0xDBFF)
            high = unit;
        else if (unit >= 0xDC00 && unit <= 0xDFFF)
            w = replacement(w);  // a low surrogate on its own
        else
            w = putUtf8(w, unit);
    };
    size_t i = 0;
    if (pendingLen_ == 1 && n > 0) {
        put(static_cast<uint16_t>(pending_[0] << shift0 | p[0] << shift1));
        pendingLen_ = 0;
        i = 1;
    }
    for (; i + 1 < n; i += 2) put(static_cast<uint16_t>(p[i] << shift0 | p[i + 1] << shift1));
    if (i < n) {
        pending_[0] = p[i];
        pendingLen_ = 1;
    }
    highSurrogate_ = high;
    return w;
}

char* TextDecoder::decodeCp949(const uint8_t* p, size_t n, char* w) {
    size_t i = 0;
    // Decodes the pair at lead/trail and returns how many bytes it used: 2, or 1 when the trail is ASCII that was
    // not part of a character (it is then read again on its own).
    auto pair = [&](uint8_t lead, uint8_t trail) -> size_t {
        uint16_t cp = trail >= 0x41 && trail <= 0xFE ? kCp949[lead - 0x81][trail - 0x41] : 0;
        if (cp != 0) {
            w = putUtf8(w, cp);
            return 2;
        }
        w = replacement(w);
        return trail < 0x80 ? 1 : 2;
    };
    if (pendingLen_ == 1 && n > 0) {
        pendingLen_ = 0;
        i = pair(pending_[0], p[0]) - 1;
    }
    while (i < n) {
        uint8_t b = p[i];
        if (b < 0x80) {
            size_t end = asciiRunEnd(p, i, n);
            std::memcpy(w, p + i, end - i);
            w += end - i;
            i = end;
        } else if (b == 0x80 || b == 0xFF) {
            w = replacement(w);
            ++i;
        } else if (i + 1 == n) {
            pending_[0] = b;
            pendingLen_ = 1;
            ++i;
        } else {
            i += pair(b, p[i + 1]);
        }
    }
    return w;
}

// Convenience -----------------------------------------------------------------------------------------------------

std::string decodeToUtf8(std::string_view bytes, TextEncoding encoding, size_t* invalid) {
    TextDecoder decoder(encoding);
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    decoder.feed(bytes, out);
    decoder.finish(out);
    if (invalid) *invalid = decoder.invalidCount();
    return out;
}

std::string decodeToUtf8(std::string_view bytes, size_t* invalid) {
    return decodeToUtf8(bytes, detectEncoding(bytes.substr(0, kEncodingSampleBytes)), invalid);
}

size_t nextUtf8(std::string_view s, size_t i, uint32_t& cp) {
    if (i >= s.size()) return 0;
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    uint32_t v = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        v = (v << 6) | (b & 0x3Fu);
    }
    static const uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < kMin[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    cp = v;
    return len;
}

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (lowerAscii(s[i]) != lowerAscii(prefix[i])) return false;
    return true;
}

}  // namespace bk
