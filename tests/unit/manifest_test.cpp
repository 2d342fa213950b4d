// manifest_test.cpp — dataset manifests: the files they name, and every mistake with its file and line.
#include "manifest.hpp"

#include <gtest/gtest.h>

using namespace bk;

TEST(Manifest, NamesItsFiles) {
    auto m = parseManifest(R"({"title": "Lisbon", "readings": "log.csv", "sites": "sites.csv", "map": "m.geojson"})", "city.json");
    ASSERT_TRUE(m.ok()) << m.error().describe();
    EXPECT_EQ(m->size(), 3u);
    EXPECT_EQ(m->at("readings"), "log.csv");
    EXPECT_EQ(m->at("map"), "m.geojson");
}

TEST(Manifest, MistakesNameTheFileAndLine) {
    EXPECT_EQ(parseManifest("{\n  \"sensors\": \"s.geojson\",\n  \"recording\": 5\n}", "city.json").error().describe(),
              "city.json line 3, recording: expected a string, got the number 5");
    auto truncated = parseManifest("{\n  \"sensors\": \"s.geojson\",\n  \"recording\": ", "city.json");
    ASSERT_FALSE(truncated.ok());
    EXPECT_EQ(truncated.error().describe().rfind("city.json line 3", 0), 0u) << truncated.error().describe();
    EXPECT_NE(parseManifest("[1, 2]", "a.json").error().describe().find("expected a manifest object"), std::string::npos);
    EXPECT_NE(parseManifest("{\"title\": \"x\"}", "a.json").error().describe().find("names no file"), std::string::npos);
}
