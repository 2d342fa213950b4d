// i18n_test.cpp — every string the UI asks for exists in every language; dates follow each language's format.
#include "i18n.hpp"
#include "test_util.hpp"
#include "time_util.hpp"

#include <gtest/gtest.h>

#include <dirent.h>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
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

namespace {

// The UI languages: every file in assets/i18n.
std::vector<std::string> languageCodes() {
    std::vector<std::string> codes;
    std::string path = std::string(BUKCHON_SOURCE_DIR) + "/assets/i18n";
    DIR* d = opendir(path.c_str());
    while (dirent* e = d ? readdir(d) : nullptr) {
        std::string name = e->d_name;
        if (name.size() > 5 && name.substr(name.size() - 5) == ".json") codes.push_back(name.substr(0, name.size() - 5));
    }
    if (d) closedir(d);
    std::sort(codes.begin(), codes.end());
    return codes;
}

// "{a} of {b}" → {"a", "b"}.
std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> out;
    static const std::regex re(R"(\{([a-zA-Z0-9_]+)\})");
    for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) out.insert((*it)[1]);
    return out;
}

// Each key's texts: a plain string, or its plural forms.
std::map<std::string, std::vector<std::string>> textsByKey(const Strings& s) {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& [key, text] : s.all()) out[key].push_back(text);
    for (const auto& [key, forms] : s.plurals())
        for (const std::string& f : forms)
            if (!f.empty()) out[key].push_back(f);
    return out;
}

// A language file as the page hands it to the core: with the locale's tables from the browser's Intl.
Strings withLocale(const std::string& code, const std::string& tables) {
    nlohmann::json j = nlohmann::json::parse(readRepoFile("assets/i18n/" + code + ".json"));
    j.update(nlohmann::json::parse(tables));
    auto s = Strings::load(j.dump(), code + ".json");
    EXPECT_TRUE(s.ok()) << s.error().describe();
    return s.ok() ? s.value() : Strings();
}
}  // namespace

TEST(I18n, EveryLanguageHasEnglishsKeysWithTheSamePlaceholders) {
    auto en = Strings::load(readRepoFile("assets/i18n/en.json"), "en.json");
    ASSERT_TRUE(en.ok());
    const auto english = textsByKey(en.value());
    const std::vector<std::string> codes = languageCodes();
    EXPECT_GE(codes.size(), 2u);
    for (const std::string& code : codes) {
        auto s = Strings::load(readRepoFile("assets/i18n/" + code + ".json"), code + ".json");
        ASSERT_TRUE(s.ok()) << s.error().describe();
        EXPECT_EQ(s->code(), code) << code << ".json: \"lang\" is its file's name";
        const auto mine = textsByKey(s.value());
        for (const auto& [key, texts] : english) {
            auto it = mine.find(key);
            if (it == mine.end()) { ADD_FAILURE() << code << ".json lacks \"" << key << "\""; continue; }
            // Every form of a string names the same placeholders as English's (a plural form may leave out {count}).
            std::set<std::string> want = placeholders(texts.back());
            for (const std::string& t : texts) for (const std::string& p : placeholders(t)) want.insert(p);
            for (const std::string& t : it->second) {
                std::set<std::string> got = placeholders(t), expected = want;
                if (!got.count("count")) expected.erase("count");
                EXPECT_EQ(got, expected) << code << ".json \"" << key << "\": " << t;
            }
        }
        for (const auto& [key, texts] : mine)
            EXPECT_TRUE(english.count(key)) << code << ".json has \"" << key << "\", which en.json does not";
    }
}

TEST(I18n, PluralFormsFollowEachLanguagesRules) {
    // CLDR's categories for counts of whole things, as Intl.PluralRules gives them (the page's table at run time).
    const std::map<std::string, std::vector<const char*>> kNeeded = {
        {"en", {"one", "other"}}, {"ko", {"other"}}, {"zh", {"other"}}, {"ja", {"other"}}, {"id", {"other"}},
        {"vi", {"other"}}, {"th", {"other"}}, {"ru", {"one", "few", "many", "other"}}, {"es", {"one", "other"}},
        {"fr", {"one", "other"}}, {"ar", {"zero", "one", "two", "few", "many", "other"}}, {"mn", {"one", "other"}},
        {"ne", {"one", "other"}}};
    for (const std::string& code : languageCodes()) {
        auto it = kNeeded.find(code);
        if (it == kNeeded.end()) { ADD_FAILURE() << code << ".json: no plural rule listed in this test"; continue; }
        auto s = Strings::load(readRepoFile("assets/i18n/" + code + ".json"), code + ".json");
        ASSERT_TRUE(s.ok());
        for (const auto& [key, forms] : s->plurals())
            for (const char* category : it->second) {
                size_t k = 0;
                while (std::string(pluralName(Plural(k))) != category) ++k;
                EXPECT_FALSE(forms[k].empty()) << code << ".json \"" << key << "\" lacks its \"" << category << "\" form";
            }
    }
}

TEST(I18n, APluralStringTakesTheFormOfItsCount) {
    auto en = Strings::load(readRepoFile("assets/i18n/en.json"), "en.json");
    ASSERT_TRUE(en.ok());
    EXPECT_EQ(en->format("count.sensors", {{"count", "1"}}), "1 sensor");
    EXPECT_EQ(en->format("count.sensors", {{"count", "1,234"}}), "1,234 sensors");
    EXPECT_EQ(en->format("count.sensors", {{"count", "0"}}), "0 sensors");
    EXPECT_STREQ(en->get("count.sensors"), "{count} sensors");  // asked without a count: "other"
    // Russian's three forms, as the page's Intl table gives them: 1 датчик, 3 датчика, 5 датчиков, 21 датчик.
    std::string table = "[";
    for (int n = 0; n < 200; ++n) {
        const int ten = n % 10, hundred = n % 100;
        const char* c = ten == 1 && hundred != 11 ? "one" : ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14) ? "few" : "many";
        table += std::string(n ? "," : "") + "\"" + c + "\"";
    }
    table += "]";
    auto ru = Strings::load(R"({"lang": "ru", "plurals": )" + table + R"(, "strings": {"n": {"one": "{count} датчик",
        "few": "{count} датчика", "many": "{count} датчиков", "other": "{count} датчика"}}})", "ru.json");
    ASSERT_TRUE(ru.ok()) << ru.error().describe();
    EXPECT_EQ(ru->format("n", {{"count", "1"}}), "1 датчик");
    EXPECT_EQ(ru->format("n", {{"count", "3"}}), "3 датчика");
    EXPECT_EQ(ru->format("n", {{"count", "11"}}), "11 датчиков");
    EXPECT_EQ(ru->format("n", {{"count", "221"}}), "221 датчик");      // past the table: by the last two digits
    EXPECT_EQ(ru->format("n", {{"count", "1 005"}}), "1 005 датчиков");
}

TEST(I18n, DatesAndNumbersAsTheLocaleWritesThem) {
    // The tables the page writes from Intl.DateTimeFormat / NumberFormat (web/viewer-locale.js) for en-GB and ko.
    const Strings en = withLocale("en", R"j({"weekdays": ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        "months": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        "dateFormat": "{weekday} {day} {month} {year}"})j");
    const Strings ko = withLocale("ko", R"j({"weekdays": ["일", "월", "화", "수", "목", "금", "토"],
        "months": ["1월", "2월", "3월", "4월", "5월", "6월", "7월", "8월", "9월", "10월", "11월", "12월"],
        "dateFormat": "{year}년 {month} {day}일 ({weekday})"})j");
    const Strings fr = withLocale("en", R"j({"numbers": {"decimal": ",", "group": "\u202f"}})j");
    const Strings ar = withLocale("en", R"j({"numbers": {"decimal": "٫", "group": "٬",
        "digits": ["٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"]}})j");
    int64_t t = *parseIsoTimeMs("2026-05-16T14:00:00+09:00");
    EXPECT_EQ(en.date(t, kKstOffsetMinutes), "Sat 16 May 2026");
    EXPECT_EQ(ko.date(t, kKstOffsetMinutes), "2026년 5월 16일 (토)");
    EXPECT_EQ(en.weekdayShort(t, kKstOffsetMinutes), "Sat");
    EXPECT_EQ(fr.localNumber("12,345.6"), "12\u202f345,6");
    EXPECT_EQ(ar.localNumber("1,234.5"), "١٬٢٣٤٫٥");
    EXPECT_EQ(en.localNumber("1,234.5"), "1,234.5");
    // Without the tables (a native tool): ISO-like, never a wrong language's names.
    auto plain = Strings::load(readRepoFile("assets/i18n/en.json"), "en.json");
    EXPECT_EQ(plain->date(t, kKstOffsetMinutes), "Sat 2026-05-16");
    EXPECT_EQ(en.format("value.spaces", {{"value", "12"}, {"capacity", "40"}}), "12 / 40 spaces");
    EXPECT_EQ(ko.format("value.spaces", {{"value", "12"}, {"capacity", "40"}}), "12 / 40면");
    EXPECT_STREQ(en.get("no.such.key"), "no.such.key");
}

TEST(I18n, BadLanguageFilesAreExplained) {
    auto r = Strings::load(R"({"lang": "xx", "strings": {"a": 1}, "weekdays": [], "months": []})", "xx.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "strings.a");
    r = Strings::load(R"({"lang": "xx", "strings": {}, "weekdays": ["a"], "months": []})", "xx.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "weekdays");
}
