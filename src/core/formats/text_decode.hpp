// text_decode.hpp — tells which encoding a text file is in (UTF-8, UTF-16, CP949) and streams it to UTF-8.
//
// Files from Korean public-data portals are often CP949 (what Excel on Korean Windows saves) rather than UTF-8, some
// have a BOM, a few are UTF-16. The importer reads everything through here, so the rest of the core only sees UTF-8.
// Decoding never fails: bytes that are not valid in the encoding become U+FFFD and are counted, so the importer can
// say "12 characters could not be read as CP949" instead of dropping rows or aborting.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bk {

enum class TextEncoding { utf8, utf8Bom, utf16le, utf16be, cp949 };

// "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "CP949 (EUC-KR)"
const char* encodingName(TextEncoding e);
// Case-insensitive, '-', '_' and spaces ignored: "utf-8"/"utf8", "utf-8-sig", "utf-16le", "utf-16be",
// "utf-16" (= LE), "cp949"/"euc-kr"/"euckr"/"ms949"/"uhc"/"windows-949"; every encodingName() reads back too.
std::optional<TextEncoding> encodingFromName(std::string_view name);

// How much of a file's start detectEncoding() is meant to see.
constexpr size_t kEncodingSampleBytes = 64 * 1024;

// Decides from the first bytes of a file: a BOM wins; else UTF-16 by the pattern of NUL bytes at even/odd positions;
// else UTF-8 if the sample is valid UTF-8 (a sequence cut off at the very end of the sample is fine; pure ASCII is
// UTF-8); else CP949.
TextEncoding detectEncoding(std::string_view head);

// Reads the UTF-8 character at s[i]: its code point into `cp` and its length in bytes, or 0 when the bytes there
// are not one well-formed character (truncated, overlong, a surrogate, past U+10FFFF).
size_t nextUtf8(std::string_view s, size_t i, uint32_t& cp);

// ASCII letters in lower case, everything else as it is (for schemes, zone names, keywords — not for text).
char lowerAscii(char c);
// Whether `s` starts with `prefix`, ASCII letters compared without case ("HTTPS://…" and "https://").
bool startsWithNoCase(std::string_view s, std::string_view prefix);

// Streaming conversion to UTF-8: chunks may split any multi-byte sequence (or a UTF-16 surrogate pair, or a BOM)
// anywhere; the result is the same as decoding the whole at once. A leading BOM is dropped. Invalid input becomes
// U+FFFD and is counted (one per maximal ill-formed subsequence, as browsers do); never crashes on any input.
class TextDecoder {
public:
    explicit TextDecoder(TextEncoding encoding);
    void feed(std::string_view bytes, std::string& out);  // appends UTF-8 to out
    void finish(std::string& out);                        // a dangling partial sequence becomes U+FFFD
    // After finish() the decoder starts a new stream (a new BOM is dropped again); invalidCount() keeps counting.
    size_t invalidCount() const { return invalid_; }
    TextEncoding encoding() const { return encoding_; }

private:
    void decode(const uint8_t* p, size_t n, std::string& out);
    char* decodeUtf8(const uint8_t* p, size_t n, char* w);
    char* decodeUtf16(const uint8_t* p, size_t n, char* w);
    char* decodeCp949(const uint8_t* p, size_t n, char* w);
    char* replacement(char* w);  // writes U+FFFD and counts it

    TextEncoding encoding_;
    size_t invalid_ = 0;
    size_t bomMatched_ = 0;  // leading bytes that match the BOM so far, held back until the BOM is whole or broken
    bool bomDecided_ = false;
    uint8_t pending_[4] = {};  // UTF-8: a valid but unfinished sequence; UTF-16: the odd byte; CP949: the lead byte
    size_t pendingLen_ = 0;
    uint16_t highSurrogate_ = 0;  // UTF-16: a high surrogate waiting for its low half (0 = none)
};

// Convenience: decode a whole buffer in the given encoding, or detect it from the buffer's start first.
std::string decodeToUtf8(std::string_view bytes, TextEncoding encoding, size_t* invalid = nullptr);
std::string decodeToUtf8(std::string_view bytes, size_t* invalid = nullptr);

}  // namespace bk
