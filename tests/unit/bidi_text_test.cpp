// bidi_text_test.cpp — right-to-left names in visual order, Arabic letters joined, everything else untouched.
#include "bidi_text.hpp"

#include <gtest/gtest.h>

namespace bk {
namespace {

TEST(BidiText, LeftToRightTextIsUntouched) {
    for (const char* s : {"Bukchon", "북촌 한옥마을", "Αθήνα", "東京駅", "Łódź 12", ""}) {
        EXPECT_FALSE(hasRightToLeft(s)) << s;
        EXPECT_EQ(visualOrder(s), s);
    }
}

TEST(BidiText, HebrewIsReversedAndNumbersKeepTheirOrder) {
    EXPECT_TRUE(hasRightToLeft("שלום"));
    EXPECT_EQ(visualOrder("שלום"), "םולש");
    EXPECT_EQ(visualOrder("שוק הכרמל 12"), "12 למרכה קוש");
    EXPECT_EQ(visualOrder("(שלום)"), "(םולש)");  // brackets mirror in a right-to-left run
}

TEST(BidiText, ALeftToRightLineKeepsItsOrderAroundAnEmbeddedName) {
    EXPECT_EQ(visualOrder("Gate שער 3"), "Gate 3 רעש");
    EXPECT_EQ(visualOrder("Tel Aviv · תל אביב"), "Tel Aviv · ביבא לת");
}

TEST(BidiText, ArabicLettersJoin) {
    // تل أبيب: teh initial, lam final; alef-hamza isolated, beh initial, yeh medial, beh final — then reversed.
    EXPECT_EQ(visualOrder("تل أبيب"), "\uFE90\uFEF4\uFE91\uFE83 \uFEDE\uFE97");
    // سلام: lam + alef become one ligature (final form after seen), meem after alef stands alone.
    EXPECT_EQ(visualOrder("سلام"), "\uFEE1\uFEFC\uFEB3");
    EXPECT_EQ(visualOrder("لا"), "\uFEFB");
    // Harakat are dropped: مَ is م alone.
    EXPECT_EQ(visualOrder("مَ"), "\uFEE1");
}

TEST(BidiText, NumbersAfterArabicStayReadable) {
    EXPECT_EQ(visualOrder("شارع 12"), "12 \uFEC9\uFEAD\uFE8E\uFEB7");
    EXPECT_EQ(visualOrder("شارع ١٢"), "١٢ \uFEC9\uFEAD\uFE8E\uFEB7");  // Arabic-Indic digits too
}

TEST(BidiText, PersianLettersJoin) {
    // پل (bridge): peh initial, lam final.
    EXPECT_EQ(visualOrder("پل"), "\uFEDE\uFB58");
}

TEST(BidiText, MalformedBytesDoNotBreakIt) {
    // Alef, a stray byte, a truncated sequence: the bad bytes become U+FFFD (neutral) and the line reads right
    // to left, so they come first in drawing order and the alef last.
    EXPECT_EQ(visualOrder("\xD7\x90\xFF\xD7"), "\uFFFD\uFFFD\u05D0");
}

}  // namespace
}  // namespace bk
