// panel_facts_test.cpp — what the panels and the accessible twin say: counts, readings with units, KPI tiles.
#include "panel_facts.hpp"

#include "number_signs.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace bk;

TEST(PanelFacts, CountsAreGroupedByThousands) {
    EXPECT_EQ(formatCount(0), "0");
    EXPECT_EQ(formatCount(100000), "100,000");
    EXPECT_EQ(formatCount(-1234567), "-1,234,567");
}

TEST(PanelFacts, ReadingsKeepTheirUnitsAndLevels) {
    Sensor bin;
    bin.type = SensorType::bin;
    EXPECT_EQ(valueText(bin, 62.4f, nullptr).text, "62 %");
    EXPECT_EQ(valueText(bin, NAN, nullptr).say.key, "value.noData");
    Sensor lot;
    lot.type = SensorType::parking;
    lot.capacity = 40;
    ValueText spaces = valueText(lot, 12, nullptr);
    EXPECT_EQ(spaces.say.key, "value.spaces");
    EXPECT_EQ(spaces.say.args, (std::vector<std::pair<std::string, std::string>>{{"value", "12"}, {"capacity", "40"}}));
    Series level;
    level.levels = {"GREEN", "YELLOW", "RED"};
    EXPECT_EQ(valueText(bin, 1, &level).text, "YELLOW");
    EXPECT_EQ(readingText(level, 2).first, "RED");
    Series temperature;
    temperature.unit = "°C";
    EXPECT_EQ(readingText(temperature, 18.14f), (std::pair<std::string, std::string>{"18.1", "°C"}));
    Series count;
    count.unit = "count";
    EXPECT_EQ(readingText(count, 8), (std::pair<std::string, std::string>{"8", ""}));
    EXPECT_EQ(readingText(count, NAN).first, "–");
}

TEST(PanelFacts, KpiTilesAreOnlyWhatTheDataSupports) {
    Dataset d;
    Kpis k;
    EXPECT_TRUE(kpiTiles(k, d).empty());
    k.binsTotal = 12;
    k.binsOver80 = 3;
    k.overflowsToday = 0;
    k.pm25MaxToday = 40;
    std::vector<KpiTile> tiles = kpiTiles(k, d);
    ASSERT_EQ(tiles.size(), 4u);  // bins, overflows, PM2.5, collections; no parking, noise or fire sensors
    EXPECT_EQ(tiles[0].value, "3/12");
    EXPECT_EQ(tiles[0].label.key, "kpi.binsOver80");
    EXPECT_EQ(tiles[0].tone, KpiTile::Tone::orange);
    EXPECT_EQ(tiles[1].tone, KpiTile::Tone::ink);  // no overflow: nothing to warn of
    EXPECT_EQ(tiles[2].label.key, "kpi.pm25");
    EXPECT_STREQ(toneName(tiles[2].tone), "orange");  // 40 µg/m³: "bad"
    EXPECT_EQ(tiles[3].label.key, "kpi.collections");
    EXPECT_TRUE(isBukchonData("Bukchon-ro", ""));
    EXPECT_FALSE(isBukchonData("Lisbon", "A week in Alfama"));
}

// The figures in the language's signs (the page's Intl.NumberFormat, handed over with the strings): French groups
// with a narrow space and writes a decimal comma; Arabic may use its own digits.
TEST(PanelFacts, FiguresAreWrittenWithTheLanguagesNumberSigns) {
    NumberSigns fr;
    fr.decimal = ",";
    fr.group = "\u202f";
    setNumberSigns(fr);
    EXPECT_EQ(formatCount(1234567), "1\u202f234\u202f567");
    Sensor s;
    s.type = SensorType::air;
    Series pm;
    pm.metric = "pm25";
    pm.unit = "µg/m³";
    EXPECT_EQ(valueText(s, 67.5f, &pm).text, "67,5 µg/m³");
    NumberSigns ar;
    ar.digits = {"٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"};
    setNumberSigns(ar);
    EXPECT_EQ(formatCount(2026), "٢,٠٢٦");
    setNumberSigns({});
    EXPECT_EQ(formatCount(1234567), "1,234,567");
}
