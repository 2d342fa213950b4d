// density_grid_test.cpp — level of detail: few glyphs stay glyphs; many become cells with their mean colour and a
// fullness, while alerts and the selection stay glyphs.
#include "density_grid.hpp"

#include <gtest/gtest.h>

using namespace bk;

namespace {
Camera cameraOver(double w, double h) {
    Camera cam;
    cam.setViewport(w, h);
    cam.setLimits({{-1e6, -1e6}, {1e6, 1e6}}, 1e6);
    cam.setCenter({w / 2, h / 2});
    cam.setPixelsPerUnit(1.0);  // 1 device px per unit: world = screen (y up)
    return cam;
}
GlyphInstance glyphAt(float x, float y, uint32_t rgba, uint16_t flags = 0) { return {x, y, 0.5f, 8, rgba, 0, flags}; }
}  // namespace

TEST(DensityGrid, FewGlyphsStayGlyphs) {
    Camera cam = cameraOver(100, 100);
    std::vector<GlyphInstance> glyphs{glyphAt(10, 10, 0xff0000ff), glyphAt(50, 50, 0xff00ff00)};
    DensityGrid grid;
    std::vector<GlyphInstance> keep;
    EXPECT_FALSE(buildDensityGrid(glyphs, cam, 100, 100, 10, 5, 4, grid, keep));
    EXPECT_EQ(keep.size(), 2u);
}

TEST(DensityGrid, ManyGlyphsBecomeCellsWithMeanColourAndFullness) {
    Camera cam = cameraOver(100, 100);
    std::vector<GlyphInstance> glyphs;
    // Four sensors in one cell (two red, two blue), one elsewhere, one off screen, one alert.
    Vec2 a = cam.screenToWorld({15, 15}), b = cam.screenToWorld({75, 45});
    for (int i = 0; i < 2; ++i) glyphs.push_back(glyphAt(float(a.x), float(a.y), 0xff0000ffu));
    for (int i = 0; i < 2; ++i) glyphs.push_back(glyphAt(float(a.x), float(a.y), 0xffff0000u));
    glyphs.push_back(glyphAt(float(b.x), float(b.y), 0xff00ff00u));
    glyphs.push_back(glyphAt(5000, 5000, 0xff00ff00u));
    glyphs.push_back(glyphAt(float(b.x), float(b.y), 0xff0000ffu, kAlert));
    DensityGrid grid;
    std::vector<GlyphInstance> keep;
    ASSERT_TRUE(buildDensityGrid(glyphs, cam, 100, 100, 10, 3, 4, grid, keep));
    EXPECT_EQ(grid.cols, 10);
    EXPECT_EQ(grid.rows, 10);
    EXPECT_EQ(grid.binned, 5u);
    ASSERT_EQ(keep.size(), 1u);  // the alert
    EXPECT_EQ(keep[0].flags, kAlert);
    uint32_t full = grid.rgba[1 * 10 + 1];
    EXPECT_EQ(full & 0xff, 128u);          // mean of red 255 and 0
    EXPECT_EQ((full >> 16) & 0xff, 128u);  // mean of blue
    EXPECT_EQ(full >> 24, 255u);           // four sensors = full
    uint32_t lone = grid.rgba[4 * 10 + 7];
    EXPECT_EQ((lone >> 8) & 0xff, 255u);
    EXPECT_LT(lone >> 24, 255u);
    EXPECT_GT(lone >> 24, 0u);
    EXPECT_EQ(grid.rgba[0], 0u);           // empty cell
}

TEST(DensityGrid, ThousandsOfAlertsAreBinnedToo) {
    Camera cam = cameraOver(100, 100);
    std::vector<GlyphInstance> glyphs;
    Vec2 a = cam.screenToWorld({15, 15});
    for (size_t i = 0; i < kMaxAlertGlyphs + 1; ++i) glyphs.push_back(glyphAt(float(a.x), float(a.y), 0xff0000ffu, kAlert));
    glyphs.push_back(glyphAt(float(a.x), float(a.y), 0xff0000ffu, kSelected));
    DensityGrid grid;
    std::vector<GlyphInstance> keep;
    ASSERT_TRUE(buildDensityGrid(glyphs, cam, 100, 100, 10, 3, 4, grid, keep));
    ASSERT_EQ(keep.size(), 1u);  // only the selection
    EXPECT_EQ(grid.binned, kMaxAlertGlyphs + 1);
}
