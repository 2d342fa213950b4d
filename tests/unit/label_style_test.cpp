// label_style_test.cpp — map labels keep 4.5:1 against every basemap colour at dawn, by day, at dusk and at night.
#include "label_style.hpp"
#include "map_mesh.hpp"

#include <gtest/gtest.h>

using namespace bk;

TEST(LabelStyle, EveryLabelReadsAtEveryLight) {
    // 0: day; 0.3: dawn / late afternoon; 0.45 and 0.55: dusk, either side of the ink's switch; 1: night.
    for (float night : {0.0f, 0.3f, 0.45f, 0.55f, 0.8f, 1.0f})
        for (LabelTone tone : {LabelTone::district, LabelTone::area, LabelTone::place, LabelTone::street}) {
            LabelStyle s = labelStyle(tone, night);
            EXPECT_GE(worstMapContrast(s.ink, s.halo, s.plateAlpha, night), kLabelMinContrast)
                << "tone " << int(tone) << " at night=" << night << " plate " << s.plateAlpha;
            // The halo is the text's immediate surround: the ink reads against it on its own.
            EXPECT_GE(contrastRatio(s.ink, s.halo), 7.0) << "tone " << int(tone) << " at night=" << night;
        }
}

TEST(LabelStyle, ContrastIsTheWcagFormula) {
    EXPECT_NEAR(contrastRatio(rgba(0, 0, 0), rgba(255, 255, 255)), 21.0, 1e-9);
    EXPECT_NEAR(contrastRatio(rgba(119, 119, 119), rgba(255, 255, 255)), 4.48, 0.01);  // the classic #777 on white
    EXPECT_EQ(blendOver(rgba(0, 0, 0), rgba(255, 255, 255), 0.5f), rgba(128, 128, 128));
}
