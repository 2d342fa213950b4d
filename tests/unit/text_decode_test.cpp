// text_decode_test.cpp — encoding detection and streaming decoding of UTF-8, UTF-16 and CP949 CSV text to UTF-8.
#include "text_decode.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <vector>

using namespace bk;

namespace {

// A sensor CSV the way Korean public data looks. CSV_TEXT is the part every encoding can carry (똠 is a UHC syllable,
// outside EUC-KR's 2350); EXTRA has characters beyond the BMP, which only the Unicode encodings can.
#define CSV_TEXT \
    "측정시간,시리얼,위도,경도\n" \
    "2026-05-11 09:00,가-01,37.58,126.98\n" \
    "2026-05-11 09:10,똠-02,37.59,126.99\n"
#define EXTRA "비고,센서 교체 😀 𠜎\n"

const std::string kText = CSV_TEXT;
const std::string kUnicodeText = CSV_TEXT EXTRA;
const std::u16string kUnicodeText16 = u"" CSV_TEXT EXTRA;  // the compiler does the UTF-16 encoding

// CSV_TEXT in CP949, pair by pair (each checked against Python's cp949 codec). 똠 is 0x8C 0x63: a UHC trail byte can be
// an ASCII letter ('c'), so a decoder that reads ASCII first would get this wrong.
const std::string kCp949Text =
    "\xC3\xF8\xC1\xA4\xBD\xC3\xB0\xA3,\xBD\xC3\xB8\xAE\xBE\xF3,\xC0\xA7\xB5\xB5,\xB0\xE6\xB5\xB5\n"  // 측정시간,시리얼,위도,경도
    "2026-05-11 09:00,\xB0\xA1-01,37.58,126.98\n"  // 가
    "2026-05-11 09:10,\x8C" "c-02,37.59,126.99\n";  // 똠

const std::string kUtf8Bom = "\xEF\xBB\xBF";
const std::string kReplacement = "\xEF\xBF\xBD";

std::string utf16Bytes(std::u16string_view units, bool littleEndian) {
    std::string bytes;
    for (char16_t u : units) {
        char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
        bytes += littleEndian ? lo : hi;
        bytes += littleEndian ? hi : lo;
    }
    return bytes;
}

std::string decodeInChunks(std::string_view bytes, TextEncoding encoding, size_t chunk, size_t* invalid = nullptr) {
    TextDecoder decoder(encoding);
    std::string out;
    for (size_t at = 0; at < bytes.size(); at += chunk) decoder.feed(bytes.substr(at, chunk), out);
    decoder.finish(out);
    if (invalid) *invalid = decoder.invalidCount();
    return out;
}

struct Fixture {
    const char* what;
    std::string bytes;
    TextEncoding encoding;  // what detection must say
    std::string text;       // what decoding must give
};

std::vector<Fixture> fixtures() {
    return {
        {"UTF-8", kUnicodeText, TextEncoding::utf8, kUnicodeText},
        {"UTF-8 with BOM", kUtf8Bom + kUnicodeText, TextEncoding::utf8Bom, kUnicodeText},
        {"UTF-16LE with BOM", utf16Bytes(u"\uFEFF" + kUnicodeText16, true), TextEncoding::utf16le, kUnicodeText},
        {"UTF-16LE", utf16Bytes(kUnicodeText16, true), TextEncoding::utf16le, kUnicodeText},
        {"UTF-16BE with BOM", utf16Bytes(u"\uFEFF" + kUnicodeText16, false), TextEncoding::utf16be, kUnicodeText},
        {"UTF-16BE", utf16Bytes(kUnicodeText16, false), TextEncoding::utf16be, kUnicodeText},
        {"CP949", kCp949Text, TextEncoding::cp949, kText},
    };
}

// Bytes that exercise every branch of the decoders: lead and trail bytes of each encoding, BOM bytes, surrogate halves.
std::string noise(std::mt19937& random, size_t size) {
    static const uint8_t kInteresting[] = {0x00, 0x0A, 0x2C, 0x41, 0x63, 0x7F, 0x80, 0x81, 0x8C, 0xA1, 0xB0,
                                           0xBB, 0xBF, 0xC0, 0xC2, 0xD8, 0xDC, 0xE0, 0xED, 0xEF, 0xF0, 0xF4,
                                           0xF5, 0xFE, 0xFF};
    std::string bytes(size, '\0');
    for (char& c : bytes) {
        uint32_t r = random();
        c = static_cast<char>(r & 1 ? kInteresting[(r >> 8) % sizeof kInteresting] : r >> 8);
    }
    return bytes;
}

const TextEncoding kAllEncodings[] = {TextEncoding::utf8, TextEncoding::utf8Bom, TextEncoding::utf16le,
                                      TextEncoding::utf16be, TextEncoding::cp949};

}  // namespace

TEST(TextDecode, DetectsEachEncodingWithAndWithoutBom) {
    for (const Fixture& f : fixtures()) EXPECT_EQ(detectEncoding(f.bytes), f.encoding) << f.what;
}

TEST(TextDecode, DecodesEachEncodingToTheSameUtf8) {
    for (const Fixture& f : fixtures()) {
        size_t invalid = 99;
        EXPECT_EQ(decodeToUtf8(f.bytes, f.encoding, &invalid), f.text) << f.what;
        EXPECT_EQ(invalid, 0u) << f.what;
        EXPECT_EQ(decodeToUtf8(f.bytes), f.text) << f.what << " (detected)";
    }
}

TEST(TextDecode, AnyChunkingGivesTheSameText) {
    for (const Fixture& f : fixtures()) {
        for (size_t chunk = 1; chunk <= 7; ++chunk) {
            size_t invalid = 99;
            EXPECT_EQ(decodeInChunks(f.bytes, f.encoding, chunk, &invalid), f.text) << f.what << ", chunk " << chunk;
            EXPECT_EQ(invalid, 0u) << f.what << ", chunk " << chunk;
        }
    }
}

TEST(TextDecode, KnownCp949Pairs) {
    EXPECT_EQ(decodeToUtf8("\xB0\xA1", TextEncoding::cp949), "가");
    EXPECT_EQ(decodeToUtf8("\x81\x41", TextEncoding::cp949), "갂");  // UHC extension
    EXPECT_EQ(decodeToUtf8("\xC3\xF8", TextEncoding::cp949), "측");
    EXPECT_EQ(decodeToUtf8("\xCA\xA1", TextEncoding::cp949), "伽");   // Hanja
    EXPECT_EQ(decodeToUtf8("\xA1\xA1", TextEncoding::cp949), "\u3000");  // ideographic space
}

// Every modern Hangul syllable (U+AC00–U+D7A3) is reachable: EUC-KR's 2350 plus UHC's 8822. A table generated from
// a codec without the UHC part would leave names in the data unreadable.
TEST(TextDecode, Cp949CoversAllHangulSyllables) {
    std::set<std::string> syllables;
    for (int lead = 0x81; lead <= 0xFE; ++lead) {
        for (int trail = 0x41; trail <= 0xFE; ++trail) {
            const char pair[] = {static_cast<char>(lead), static_cast<char>(trail)};
            size_t invalid = 0;
            std::string text = decodeToUtf8(std::string_view(pair, 2), TextEncoding::cp949, &invalid);
            if (invalid == 0 && text >= "가" && text <= "힣" && text.size() == 3) syllables.insert(text);
        }
    }
    EXPECT_EQ(syllables.size(), 11172u);
}

TEST(TextDecode, DetectionHeuristics) {
    EXPECT_EQ(detectEncoding(""), TextEncoding::utf8);
    EXPECT_EQ(detectEncoding("time,value\n0,1\n"), TextEncoding::utf8);  // pure ASCII
    // A 3-byte character cut by the end of the sample is not a reason to call UTF-8 text CP949.
    std::string cut = kUnicodeText.substr(0, kUnicodeText.find("측") + 2);
    EXPECT_EQ(detectEncoding(cut), TextEncoding::utf8);
    // …but a broken one inside the sample is.
    EXPECT_EQ(detectEncoding(cut + ","), TextEncoding::cp949);
    // One stray NUL in a UTF-8 file does not make it UTF-16.
    std::string withNul = kUnicodeText;
    withNul[41] = '\0';
    EXPECT_EQ(detectEncoding(withNul), TextEncoding::utf8);
    // A UTF-16 header line that is almost all Hangul still has its commas and line end to go by.
    EXPECT_EQ(detectEncoding(utf16Bytes(u"측정시간,시리얼,위도,경도\n", true)), TextEncoding::utf16le);
    EXPECT_EQ(detectEncoding(utf16Bytes(u"측정시간,시리얼,위도,경도\n", false)), TextEncoding::utf16be);
    // EUC-KR without any UHC syllable is still CP949.
    EXPECT_EQ(detectEncoding("\xB0\xA1,\xC3\xF8\n"), TextEncoding::cp949);
}

TEST(TextDecode, InvalidUtf8IsReplacedAndCounted) {
    struct Case {
        std::string bytes, text;
        size_t invalid;
    };
    const std::string R = kReplacement;
    const Case cases[] = {
        {"a\xC0\xAF" "b", "a" + R + R + "b", 2},         // overlong '/'
        {"\xE0\x80\xAF", R + R + R, 3},                   // overlong, 3 bytes
        {"\xED\xA0\x80", R + R + R, 3},                   // a surrogate encoded in UTF-8
        {"\xF4\x90\x80\x80", R + R + R + R, 4},           // beyond U+10FFFF
        {"\xE2\x82" "A", R + "A", 1},                     // truncated: one U+FFFD for the whole cut sequence
        {"\xFF\xFE\x80", R + R + R, 3},                   // bytes that never occur in UTF-8
        {"ok\xF0\x9F\x98", "ok" + R, 1},                  // cut off by the end of the file
        {"\xEF\xBB", R, 1},                               // half a BOM and nothing else
        {"\xEF\xBB" "A", R + "A", 1},
    };
    for (const Case& c : cases) {
        for (size_t chunk = 1; chunk <= 4; ++chunk) {
            size_t invalid = 0;
            EXPECT_EQ(decodeInChunks(c.bytes, TextEncoding::utf8, chunk, &invalid), c.text) << "chunk " << chunk;
            EXPECT_EQ(invalid, c.invalid) << "chunk " << chunk;
        }
    }
}

TEST(TextDecode, InvalidUtf16IsReplacedAndCounted) {
    const std::string R = kReplacement;
    size_t invalid = 0;
    EXPECT_EQ(decodeToUtf8(utf16Bytes(u"a\xD800" "b", true), TextEncoding::utf16le, &invalid), "a" + R + "b");
    EXPECT_EQ(invalid, 1u);  // a lone high surrogate
    EXPECT_EQ(decodeToUtf8(utf16Bytes(u"a\xDC00\xDC00", false), TextEncoding::utf16be, &invalid), "a" + R + R);
    EXPECT_EQ(invalid, 2u);  // lone low surrogates
    EXPECT_EQ(decodeToUtf8(utf16Bytes(u"a\xD83D", true), TextEncoding::utf16le, &invalid), "a" + R);
    EXPECT_EQ(invalid, 1u);  // a high surrogate at the end
    EXPECT_EQ(decodeToUtf8(utf16Bytes(u"a", true) + "b", TextEncoding::utf16le, &invalid), "a" + R);
    EXPECT_EQ(invalid, 1u);  // an odd byte at the end
    std::string cutPair = utf16Bytes(u"a\xD83D", true) + std::string(1, '\0');
    EXPECT_EQ(decodeToUtf8(cutPair, TextEncoding::utf16le, &invalid), "a" + R);
    EXPECT_EQ(invalid, 1u);  // a surrogate pair cut in its last unit is one cut character
    // A BOM only counts at the very start.
    EXPECT_EQ(decodeToUtf8(utf16Bytes(u"a\uFEFF", true), TextEncoding::utf16le), "a\uFEFF");
}

TEST(TextDecode, InvalidCp949IsReplacedAndCounted) {
    const std::string R = kReplacement;
    size_t invalid = 0;
    EXPECT_EQ(decodeToUtf8("a\xFF" "b\x80", TextEncoding::cp949, &invalid), "a" + R + "b" + R);
    EXPECT_EQ(invalid, 2u);  // 0x80 and 0xFF are never valid
    // A lead byte before a comma loses only itself: the comma still separates the columns.
    EXPECT_EQ(decodeToUtf8("\xB0,\xB0\xA1", TextEncoding::cp949, &invalid), R + ",가");
    EXPECT_EQ(invalid, 1u);
    EXPECT_EQ(decodeToUtf8("\xA2\xE8" "a", TextEncoding::cp949, &invalid), R + "a");
    EXPECT_EQ(invalid, 1u);  // an unmapped pair is one character
    EXPECT_EQ(decodeToUtf8("\xB0\xA1\xB0", TextEncoding::cp949, &invalid), "가" + R);
    EXPECT_EQ(invalid, 1u);  // a lead byte at the end
    // CP949 has no BOM, so nothing at the start is dropped: UTF-8's BOM bytes read as CP949 are 癤 and a lead byte.
    EXPECT_EQ(decodeToUtf8(kUtf8Bom + ",", TextEncoding::cp949, &invalid), "癤" + R + ",");
    EXPECT_EQ(invalid, 1u);
}

TEST(TextDecode, EmptyInput) {
    for (TextEncoding e : kAllEncodings) {
        size_t invalid = 99;
        EXPECT_EQ(decodeToUtf8("", e, &invalid), "") << encodingName(e);
        EXPECT_EQ(invalid, 0u);
        TextDecoder decoder(e);
        std::string out;
        decoder.feed("", out);
        decoder.feed("", out);
        decoder.finish(out);
        EXPECT_EQ(out, "");
    }
    // A file that is nothing but a BOM is an empty file.
    EXPECT_EQ(decodeToUtf8(kUtf8Bom), "");
    EXPECT_EQ(decodeToUtf8("\xFF\xFE"), "");
}

TEST(TextDecode, FinishStartsANewStream) {
    TextDecoder decoder(TextEncoding::utf8);
    std::string out;
    decoder.feed(kUtf8Bom + "a\xE2\x82", out);
    decoder.finish(out);
    decoder.feed(kUtf8Bom + "b", out);
    decoder.finish(out);
    EXPECT_EQ(out, "a" + kReplacement + "b");
    EXPECT_EQ(decoder.invalidCount(), 1u);
}

// Arbitrary bytes in any encoding: no crash, valid UTF-8 out, and the same result however the input is cut up.
TEST(TextDecode, ArbitraryBytesDecodeTheSameInAnyChunks) {
    std::mt19937 random(20260511);
    for (int round = 0; round < 20; ++round) {
        std::string bytes = noise(random, 1 + random() % 600);
        for (TextEncoding e : kAllEncodings) {
            size_t wholeInvalid = 0;
            std::string whole = decodeToUtf8(bytes, e, &wholeInvalid);
            size_t recheckInvalid = 99;  // "x": a U+FEFF the input had after its BOM must not read as a BOM here
            EXPECT_EQ(decodeToUtf8("x" + whole, TextEncoding::utf8, &recheckInvalid), "x" + whole) << encodingName(e);
            EXPECT_EQ(recheckInvalid, 0u) << encodingName(e);
            for (size_t chunk = 1; chunk <= 7; ++chunk) {
                size_t invalid = 0;
                EXPECT_EQ(decodeInChunks(bytes, e, chunk, &invalid), whole) << encodingName(e) << ", chunk " << chunk;
                EXPECT_EQ(invalid, wholeInvalid) << encodingName(e) << ", chunk " << chunk;
            }
        }
    }
}

// Feeds larger than the decoder's internal slice, and chunk edges that fall everywhere within a long file.
TEST(TextDecode, LargeInputAcrossSliceBoundaries) {
    std::string cp949, expected;
    while (cp949.size() < 300 * 1000) {
        cp949 += kCp949Text;
        expected += kText;
    }
    EXPECT_EQ(decodeToUtf8(cp949, TextEncoding::cp949), expected);
    for (size_t chunk : {size_t(4093), size_t(65535), size_t(65537)})
        EXPECT_EQ(decodeInChunks(cp949, TextEncoding::cp949, chunk), expected) << "chunk " << chunk;
    std::string utf16 = utf16Bytes(kUnicodeText16, true);
    std::string utf16Long, unicodeLong;
    while (utf16Long.size() < 200 * 1000) {
        utf16Long += utf16;
        unicodeLong += kUnicodeText;
    }
    EXPECT_EQ(detectEncoding(std::string_view(utf16Long).substr(0, kEncodingSampleBytes)), TextEncoding::utf16le);
    EXPECT_EQ(decodeToUtf8(utf16Long), unicodeLong);
    EXPECT_EQ(decodeInChunks(utf16Long, TextEncoding::utf16le, 65537), unicodeLong);
}

TEST(TextDecode, EncodingNames) {
    EXPECT_EQ(encodingFromName("utf-8"), TextEncoding::utf8);
    EXPECT_EQ(encodingFromName("UTF8"), TextEncoding::utf8);
    EXPECT_EQ(encodingFromName("utf-8-sig"), TextEncoding::utf8Bom);
    EXPECT_EQ(encodingFromName("UTF-16LE"), TextEncoding::utf16le);
    EXPECT_EQ(encodingFromName("utf-16"), TextEncoding::utf16le);
    EXPECT_EQ(encodingFromName("utf-16be"), TextEncoding::utf16be);
    for (const char* name : {"cp949", "CP949", "euc-kr", "EUC-KR", "euckr", "ms949", "UHC", "windows-949"})
        EXPECT_EQ(encodingFromName(name), TextEncoding::cp949) << name;
    EXPECT_FALSE(encodingFromName(""));
    EXPECT_FALSE(encodingFromName("latin1"));
    EXPECT_FALSE(encodingFromName("utf-32"));
    for (TextEncoding e : kAllEncodings) EXPECT_EQ(encodingFromName(encodingName(e)), e) << encodingName(e);
    EXPECT_STREQ(encodingName(TextEncoding::cp949), "CP949 (EUC-KR)");
    EXPECT_STREQ(encodingName(TextEncoding::utf8Bom), "UTF-8 with BOM");
}

TEST(NextUtf8, ReadsOneCharacterOrNothing) {
    uint32_t cp = 0;
    EXPECT_EQ(bk::nextUtf8("A", 0, cp), 1u);
    EXPECT_EQ(cp, 0x41u);
    EXPECT_EQ(bk::nextUtf8("x북", 1, cp), 3u);
    EXPECT_EQ(cp, 0xBD81u);
    EXPECT_EQ(bk::nextUtf8("\xF0\x9F\x9A\xB2", 0, cp), 4u);
    EXPECT_EQ(cp, 0x1F6B2u);
    EXPECT_EQ(bk::nextUtf8("\xC0\xAF", 0, cp), 0u);          // overlong
    EXPECT_EQ(bk::nextUtf8("\xED\xA0\x80", 0, cp), 0u);      // surrogate
    EXPECT_EQ(bk::nextUtf8("\xE2\x82", 0, cp), 0u);          // truncated
    EXPECT_EQ(bk::nextUtf8("\xF4\x90\x80\x80", 0, cp), 0u);  // past U+10FFFF
    EXPECT_EQ(bk::nextUtf8("\x80", 0, cp), 0u);              // a continuation byte alone
    EXPECT_EQ(bk::nextUtf8("", 0, cp), 0u);
}
