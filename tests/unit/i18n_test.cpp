// i18n_test.cpp — every string the UI asks for exists in every language; dates follow each language's format.
#include "i18n.hpp"
#include "test_util.hpp"
#include "time_util.hpp"

#include <gtest/gtest.h>

#include <dirent.h>
#include <regex>
#include <set>

using namespace bk;

namespace {
std::set<std::string> keysUsedInSources() {
    std::set<std::string> keys;
    // tr("…") and trf("…" in C++ panels; text('…') in the page's JS.
    const std::regex cpp(R"(\btrf?\(\s*"([a-zA-Z0-9_.]+)\")"), js(R"(\btext\(\s*'([a-zA-Z0-9_.]+)')");
    for (const char* dir : {"src/ui", "src/platform", "web"}) {
        std::string path = std::string(BUKCHON_SOURCE_DIR) + "/" + dir;
        DIR* d = opendir(path.c_str());
        if (!d) continue;
        while (dirent* e = readdir(d)) {
            std::string name = e->d_name;
            if (name.size() < 4 || (name.substr(name.size() - 4) != ".cpp" && name.substr(name.size() - 3) != ".js")) continue;
            std::string text = readRepoFile(std::string(dir) + "/" + name);
            for (const std::regex* re : {&cpp, &js})
                for (std::sregex_iterator it(text.begin(), text.end(), *re), end; it != end; ++it) keys.insert((*it)[1]);
        }
        closedir(d);
    }
    return keys;
}
}  // namespace

TEST(I18n, EveryKeyTheUiUsesExistsInEveryLanguage) {
    std::set<std::string> used = keysUsedInSources();
    EXPECT_GT(used.size(), 40u) << "the scan found the UI's keys";
    for (const char* lang : {"en", "ko"}) {
        auto s = Strings::load(readRepoFile(std::string("assets/i18n/") + lang + ".json"), lang);
        ASSERT_TRUE(s.ok()) << s.error().describe();
        for (const std::string& key : used) EXPECT_TRUE(s->has(key.c_str())) << lang << ".json lacks \"" << key << "\"";
    }
}

TEST(I18n, LanguagesHaveTheSameKeys) {
    auto en = Strings::load(readRepoFile("assets/i18n/en.json"), "en.json");
    auto ko = Strings::load(readRepoFile("assets/i18n/ko.json"), "ko.json");
    ASSERT_TRUE(en.ok() && ko.ok());
    for (const auto& [key, text] : en->all()) EXPECT_TRUE(ko->has(key.c_str())) << "ko.json lacks " << key;
    for (const auto& [key, text] : ko->all()) EXPECT_TRUE(en->has(key.c_str())) << "en.json lacks " << key;
}

TEST(I18n, DatesAndPlaceholders) {
    auto en = Strings::load(readRepoFile("assets/i18n/en.json"), "en.json");
    auto ko = Strings::load(readRepoFile("assets/i18n/ko.json"), "ko.json");
    int64_t t = *parseIsoTimeMs("2026-05-16T14:00:00+09:00");
    EXPECT_EQ(en->date(t, kKstOffsetMinutes), "Sat 16 May 2026");
    EXPECT_EQ(ko->date(t, kKstOffsetMinutes), "2026년 5월 16일 (토)");
    EXPECT_EQ(en->format("value.spaces", {{"value", "12"}, {"capacity", "40"}}), "12 / 40 spaces");
    EXPECT_EQ(ko->format("value.spaces", {{"value", "12"}, {"capacity", "40"}}), "12 / 40면");
    EXPECT_STREQ(en->get("no.such.key"), "no.such.key");
}

TEST(I18n, BadLanguageFilesAreExplained) {
    auto r = Strings::load(R"({"lang": "xx", "strings": {"a": 1}, "weekdays": [], "months": []})", "xx.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "strings.a");
    r = Strings::load(R"({"lang": "xx", "strings": {}, "weekdays": ["a"], "months": []})", "xx.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "weekdays");
}
