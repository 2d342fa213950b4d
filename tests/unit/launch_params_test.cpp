// launch_params_test.cpp — URL parameters: decoding exactly as browsers do, every rule with the message a page shows.
#include "launch_params.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace bk;

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

// The options object of the JSON the page receives.
nlohmann::json optionsOf(const std::string& query) {
    auto j = nlohmann::json::parse(launchParamsJson(parseLaunchParams(query)), nullptr, false);
    return j.is_object() ? j["options"] : nlohmann::json("<invalid JSON>");
}

// The single problem a query gives ("<n problems>" when there are none or several, so the comparison fails).
std::string problemOf(const std::string& query) {
    auto p = parseLaunchParams(query);
    return p.problems.size() == 1 ? p.problems[0] : "<" + std::to_string(p.problems.size()) + " problems>";
}

const std::string kLayersAre = "; layers are bin, parking, noise, footfall, air, fire, other, route";

}  // namespace

// ---- decoding: each expected value is what Node's/Chromium's URLSearchParams gives for the same text -------------

TEST(DecodeQuery, MatchesUrlSearchParams) {
    EXPECT_EQ(decodeQuery("a=1&a=2"), (Pairs{{"a", "1"}, {"a", "2"}}));
    EXPECT_EQ(decodeQuery("?a=b+c&d=%2B"), (Pairs{{"a", "b c"}, {"d", "+"}}));
    EXPECT_EQ(decodeQuery("x=%zz&y=%&z=%4"), (Pairs{{"x", "%zz"}, {"y", "%"}, {"z", "%4"}}));
    EXPECT_EQ(decodeQuery("e=%C3%A9&n=%e2%82%ac"), (Pairs{{"e", "\xC3\xA9"}, {"n", "\xE2\x82\xAC"}}));
    EXPECT_EQ(decodeQuery("=x"), (Pairs{{"", "x"}}));
    EXPECT_EQ(decodeQuery("&&"), Pairs{});
    EXPECT_EQ(decodeQuery(""), Pairs{});
    EXPECT_EQ(decodeQuery("?"), Pairs{});
    EXPECT_EQ(decodeQuery("a"), (Pairs{{"a", ""}}));
    EXPECT_EQ(decodeQuery("a==b"), (Pairs{{"a", "=b"}}));
    EXPECT_EQ(decodeQuery("??a=1"), (Pairs{{"?a", "1"}}));  // only one '?' is the query's mark
    EXPECT_EQ(decodeQuery("&a=1&&b&"), (Pairs{{"a", "1"}, {"b", ""}}));
    EXPECT_EQ(decodeQuery("%61%3D=%26"), (Pairs{{"a=", "&"}}));  // decoded '=' and '&' split nothing
    EXPECT_EQ(decodeQuery("k+ey=%20v"), (Pairs{{"k ey", " v"}}));
}

TEST(DecodeQuery, ReplacesInvalidUtf8AsBrowsersDo) {
    const std::string fffd = "\xEF\xBF\xBD";
    EXPECT_EQ(decodeQuery("f=%FF"), (Pairs{{"f", fffd}}));
    EXPECT_EQ(decodeQuery("g=%E2%82%28"), (Pairs{{"g", fffd + "("}}));         // the breaking byte is read again
    EXPECT_EQ(decodeQuery("h=%F0%9F%98"), (Pairs{{"h", fffd}}));               // one U+FFFD per truncated sequence
    EXPECT_EQ(decodeQuery("i=%F0%9F%98%41"), (Pairs{{"i", fffd + "A"}}));
    EXPECT_EQ(decodeQuery("j=%ED%A0%80"), (Pairs{{"j", fffd + fffd + fffd}}));  // a UTF-16 surrogate
    EXPECT_EQ(decodeQuery("k=%C0%AF"), (Pairs{{"k", fffd + fffd}}));           // overlong
    EXPECT_EQ(decodeQuery("m=%F4%90%80%80"), (Pairs{{"m", fffd + fffd + fffd + fffd}}));  // above U+10FFFF
    EXPECT_EQ(decodeQuery("l=%EF%BB%BFx"), (Pairs{{"l", "\xEF\xBB\xBFx"}}));   // a BOM is kept
    EXPECT_EQ(decodeQuery("%FF=\xC3"), (Pairs{{fffd, fffd}}));                   // raw bytes too, names too
    EXPECT_EQ(decodeQuery("s=%F0%9F%98%80"), (Pairs{{"s", "\xF0\x9F\x98\x80"}}));
}

// ---- general behaviour ------------------------------------------------------------------------------------------

TEST(LaunchParams, FirstOccurrenceWinsEvenWhenItIsBad) {
    EXPECT_EQ(optionsOf("speed=2&speed=3")["speed"], 2);
    auto p = parseLaunchParams("speed=abc&speed=3");
    EXPECT_FALSE(p.speed);
    EXPECT_EQ(p.problems.size(), 1u);
}

TEST(LaunchParams, UnknownKeysAreIgnoredSilently) {
    auto p = parseLaunchParams("?utm_source=mail&fbclid=x&Speed=2&foo");
    EXPECT_TRUE(p.problems.empty());
    EXPECT_EQ(optionsOf("utm_source=mail&Speed=2"), nlohmann::json::object());
}

TEST(LaunchParams, QueriesOver64KiBAreNotRead) {
    std::string query = "speed=2&pad=";
    std::string atLimit = query + std::string(kMaxQueryBytes - query.size(), 'x');
    ASSERT_EQ(atLimit.size(), 65536u);
    EXPECT_EQ(parseLaunchParams(atLimit).speed, 2.0);
    auto over = parseLaunchParams(atLimit + "x");
    EXPECT_FALSE(over.speed);
    EXPECT_EQ(over.problems, std::vector<std::string>{
                                 "URL query is 65537 bytes, more than the 65536 allowed: no URL parameter was read"});
}

TEST(LaunchParams, ShownValuesAreShortenedAndControlCharactersEscaped) {
    EXPECT_EQ(problemOf("speed=" + std::string(70, '9') + "x"),
              "URL parameter speed=" + std::string(60, '9') +
                  "\xE2\x80\xA6: expected a number from 0.1 to 100000 (replay seconds per real second)");
    EXPECT_EQ(problemOf("sensor=a%01b%7F%C2%85"),
              "URL parameter sensor=a\\x01b\\x7F\\x85: expected a sensor id of 1 to 256 bytes without control characters");
    // 60 characters, not bytes: Hangul counts one each.
    std::string hangul;
    for (int i = 0; i < 61; ++i) hangul += "%EB%B6%81";
    std::string shown;
    for (int i = 0; i < 60; ++i) shown += "\xEB\xB6\x81";
    EXPECT_EQ(problemOf("ui=" + hangul), "URL parameter ui=" + shown + "\xE2\x80\xA6: expected full, minimal or none");
}

TEST(LaunchParams, JsonShapeAndOptionNames) {
    std::string query =
        "?lang=ko&t=2026-05-16T14:00:00%2B09:00&speed=600&play=1&layers=bin,noise&view=37.5818,126.9855,16&speed=9"
        "&tz=Asia/Seoul&data=https://x.org/d/&story=0&parents=https://slides.example.org&idle=90&bogus=1&ui=nope";
    EXPECT_EQ(launchParamsJson(parseLaunchParams(query)),
              R"({"options":{"lang":"ko","t":1778907600000,"speed":600,"play":true,"layers":["bin","noise"],)"
              R"("view":{"lat":37.5818,"lon":126.9855,"zoom":16},"story":false,"kioskIdleSeconds":90,)"
              R"("data":"https://x.org/d/","dataFromUrl":true,"timezone":"Asia/Seoul",)"
              R"("parents":["https://slides.example.org"]},)"
              R"("problems":["URL parameter ui=nope: expected full, minimal or none"]})");
    EXPECT_EQ(launchParamsJson(parseLaunchParams("")), R"({"options":{},"problems":[]})");
    EXPECT_TRUE(nlohmann::json::accept(launchParamsJson(parseLaunchParams("sensor=%FF%C0&lang=%FE"))));
}

// ---- one rule per parameter -------------------------------------------------------------------------------------

TEST(LaunchParams, Lang) {
    EXPECT_EQ(optionsOf("lang=ko")["lang"], "ko");
    EXPECT_EQ(optionsOf("lang=pt-BR")["lang"], "pt-BR");
    EXPECT_EQ(optionsOf("lang=zh-Hant")["lang"], "zh-Hant");
    for (const char* bad : {"lang=KO", "lang=english", "lang=e", "lang=en-", "lang=en-ABCDE", "lang=en-U5", "lang="})
        EXPECT_FALSE(parseLaunchParams(bad).lang) << bad;
    EXPECT_EQ(problemOf("lang=en_US"),
              "URL parameter lang=en_US: expected a language code such as en or ko (2 or 3 lower-case letters, "
              "optionally -region)");
}

TEST(LaunchParams, TimeIsoWithOffsetOrEpochMs) {
    EXPECT_EQ(optionsOf("t=2026-05-16T14:00:00%2B09:00")["t"], 1778907600000);
    EXPECT_EQ(optionsOf("t=2026-05-16T05:00:00Z")["t"], 1778907600000);
    EXPECT_EQ(optionsOf("t=1778907600000")["t"], 1778907600000);
    EXPECT_EQ(optionsOf("t=-5")["t"], -5);
    EXPECT_EQ(optionsOf("t=8640000000000000")["t"], 8640000000000000);
    const std::string expected =
        ": expected an ISO 8601 time with offset such as 2026-05-16T14:00:00%2B09:00 (write + as %2B) or epoch "
        "milliseconds";
    // A '+' written as is becomes a space: the message shows what arrived and how to write it.
    EXPECT_EQ(problemOf("t=2026-05-16T14:00:00+09:00"), "URL parameter t=2026-05-16T14:00:00 09:00" + expected);
    EXPECT_EQ(problemOf("t=2026-05-16T14:00:00"), "URL parameter t=2026-05-16T14:00:00" + expected);
    EXPECT_EQ(problemOf("t="), "URL parameter t=" + expected);
    for (const char* bad : {"t=8640000000000001", "t=1e12", "t=1.5", "t=12345678901234567890", "t=now"})
        EXPECT_FALSE(parseLaunchParams(bad).timeMs) << bad;
}

TEST(LaunchParams, Speed) {
    EXPECT_EQ(optionsOf("speed=600")["speed"], 600);
    EXPECT_EQ(optionsOf("speed=0.1")["speed"], 0.1);
    EXPECT_EQ(optionsOf("speed=100000")["speed"], 100000);
    EXPECT_EQ(optionsOf("speed=1e3")["speed"], 1000);
    EXPECT_EQ(optionsOf("speed=.5")["speed"], 0.5);
    EXPECT_EQ(optionsOf("speed=+600")["speed"], 600);   // " 600": spaces around a number are fine, as in Number()
    EXPECT_EQ(optionsOf("speed=%2B600")["speed"], 600);
    EXPECT_EQ(problemOf("speed=abc"),
              "URL parameter speed=abc: expected a number from 0.1 to 100000 (replay seconds per real second)");
    for (const char* bad : {"speed=0.09", "speed=100000.5", "speed=0", "speed=-1", "speed=NaN", "speed=Infinity",
                            "speed=-Infinity", "speed=1e400", "speed=0x10", "speed=", "speed=1e", "speed=.", "speed=1,5",
                            "speed=12abc", "speed=inf", "speed=nan"})
        EXPECT_EQ(parseLaunchParams(bad).problems.size(), 1u) << bad;
}

TEST(LaunchParams, Flags) {
    EXPECT_EQ(optionsOf("play")["play"], true);
    EXPECT_EQ(optionsOf("play=")["play"], true);
    EXPECT_EQ(optionsOf("play=true")["play"], true);
    EXPECT_EQ(optionsOf("loop=0")["loop"], false);
    EXPECT_EQ(optionsOf("loop=false")["loop"], false);
    EXPECT_EQ(optionsOf("kiosk=1")["kiosk"], true);
    EXPECT_EQ(problemOf("play=yes"), "URL parameter play=yes: expected 1, true, 0 or false");
    EXPECT_EQ(problemOf("loop=TRUE"), "URL parameter loop=TRUE: expected 1, true, 0 or false");
    EXPECT_EQ(problemOf("kiosk=2"), "URL parameter kiosk=2: expected 1, true, 0 or false");
}

TEST(LaunchParams, LayersKeepKnownNamesAndNameTheRest) {
    EXPECT_EQ(optionsOf("layers=bin,noise")["layers"], nlohmann::json({"bin", "noise"}));
    EXPECT_EQ(optionsOf("layers=%20bin%20,,noise,bin,route")["layers"], nlohmann::json({"bin", "noise", "route"}));
    EXPECT_EQ(optionsOf("layers=")["layers"], nlohmann::json::array());  // nothing shown, as asked
    auto p = parseLaunchParams("layers=bin,foo,bar,foo");
    EXPECT_EQ(p.layers, std::vector<std::string>{"bin"});
    EXPECT_EQ(p.problems,
              std::vector<std::string>{"URL parameter layers=bin,foo,bar,foo: unknown layers foo, bar ignored" + kLayersAre});
    auto typo = parseLaunchParams("layers=bins");
    EXPECT_FALSE(typo.layers);  // every name unknown: the default layers rather than an empty map
    EXPECT_EQ(typo.problems, std::vector<std::string>{
                                 "URL parameter layers=bins: unknown layer bins (the default layers are shown)" + kLayersAre});
}

TEST(LaunchParams, Sensor) {
    EXPECT_EQ(optionsOf("sensor=BIN-07")["sensor"], "BIN-07");
    EXPECT_EQ(optionsOf("sensor=%EB%B6%81%EC%B4%8C")["sensor"], "\xEB\xB6\x81\xEC\xB4\x8C");
    EXPECT_EQ(optionsOf("sensor=" + std::string(256, 's'))["sensor"], std::string(256, 's'));
    EXPECT_FALSE(parseLaunchParams("sensor=" + std::string(257, 's')).sensor);
    EXPECT_EQ(problemOf("sensor="), "URL parameter sensor=: expected a sensor id of 1 to 256 bytes without control characters");
    EXPECT_FALSE(parseLaunchParams("sensor=a%0Ab").sensor);
}

TEST(LaunchParams, View) {
    EXPECT_EQ(optionsOf("view=37.58,126.98,16")["view"], nlohmann::json({{"lat", 37.58}, {"lon", 126.98}, {"zoom", 16}}));
    EXPECT_TRUE(parseLaunchParams("view=85.06,180,22").view);
    EXPECT_TRUE(parseLaunchParams("view=-85.06,-180,0").view);
    EXPECT_TRUE(parseLaunchParams("view=%2037.5,%20127,%2015").view);
    EXPECT_EQ(problemOf("view=37.58,126.98"),
              "URL parameter view=37.58,126.98: expected lat,lon,zoom with lat from -85.06 to 85.06, lon from -180 to "
              "180 and zoom from 0 to 22 (e.g. 37.5818,126.9855,16)");
    for (const char* bad : {"view=85.07,0,1", "view=0,180.5,1", "view=0,0,22.5", "view=0,0,-1", "view=1,2,3,4",
                            "view=a,b,c", "view=1,,3", "view=NaN,1,1", "view=1e400,1,1", "view=", "view=1,2,3,"})
        EXPECT_EQ(parseLaunchParams(bad).problems.size(), 1u) << bad;
}

TEST(LaunchParams, UiPaletteDetail) {
    EXPECT_EQ(optionsOf("ui=minimal")["ui"], "minimal");
    EXPECT_EQ(optionsOf("ui=none")["ui"], "none");
    EXPECT_EQ(problemOf("ui=Full"), "URL parameter ui=Full: expected full, minimal or none");
    EXPECT_EQ(optionsOf("palette=cb")["palette"], "colourblind");
    EXPECT_EQ(optionsOf("palette=default")["palette"], "default");
    EXPECT_EQ(problemOf("palette=colorblind"), "URL parameter palette=colorblind: expected default or colourblind");
    EXPECT_EQ(optionsOf("detail=glyphs")["detail"], "glyphs");
    EXPECT_EQ(problemOf("detail=dots"), "URL parameter detail=dots: expected auto or glyphs");
    EXPECT_EQ(optionsOf("metric=noise")["metric"], "noise");
    EXPECT_EQ(optionsOf("metric=%EC%86%8C%EC%9D%8C")["metric"], "소음");  // a metric as the data names it
}

TEST(LaunchParams, FilterIsReadByTheCoreAndRefusedWhole) {
    EXPECT_EQ(optionsOf("filter=bin:fill%3E%3D80,noise:noise%3E55")["filter"], "bin:fill>=80,noise:noise>55");
    EXPECT_EQ(optionsOf("filter=bin:fill>=80,+air:pm25>=bad,*:alert")["filter"], "bin:fill>=80,air:pm25>=bad,*:alert");
    EXPECT_EQ(optionsOf("filter=")["filter"], "");
    EXPECT_EQ(problemOf("filter=bin:fill>=80,noise:loud"),
              "URL parameter filter=bin:fill>=80,noise:loud: clause 2 \"noise:loud\": expected a condition after the "
              "layer: metric>=number, metric=low..high, a PM band (pm25>=bad), alert or hide, got \"loud\" (no filter "
              "applied)");
    EXPECT_FALSE(optionsOf("filter=bin:fill>=80,noise:loud").contains("filter"));
}

TEST(LaunchParams, EventThresholdsAreReadByTheCoreAndRefusedWhole) {
    EXPECT_EQ(optionsOf("events=noise.night%3D50,pm25=15/25/50")["events"], "noise.night=50,pm25=15/25/50");
    EXPECT_EQ(problemOf("events=noise.night=50,pm25=50/25/15"),
              "URL parameter events=noise.night=50,pm25=50/25/15: pm25: expected three rising limits in µg/m³ as A/B/C "
              "(\"15/35/75\"), got \"50/25/15\" (the default thresholds apply)");
    EXPECT_FALSE(optionsOf("events=noise.night=loud").contains("events"));
}

TEST(LaunchParams, StoryFlagOrUrl) {
    EXPECT_EQ(optionsOf("story")["story"], true);
    EXPECT_EQ(optionsOf("story=0")["story"], false);
    EXPECT_EQ(optionsOf("story=stories/tour.json")["story"], "stories/tour.json");
    EXPECT_EQ(optionsOf("story=" + std::string(2048, 'u'))["story"], std::string(2048, 'u'));
    EXPECT_FALSE(optionsOf("story=" + std::string(2049, 'u')).contains("story"));
    EXPECT_EQ(problemOf("story=my+tour.json"),
              "URL parameter story=my tour.json: expected 1, 0, or a story URL of up to 2048 bytes without spaces or "
              "control characters");
}

TEST(LaunchParams, IdleSeconds) {
    EXPECT_EQ(optionsOf("idle=1")["kioskIdleSeconds"], 1);
    EXPECT_EQ(optionsOf("idle=86400")["kioskIdleSeconds"], 86400);
    EXPECT_EQ(optionsOf("idle=30.5")["kioskIdleSeconds"], 30.5);
    EXPECT_EQ(problemOf("idle=abc"), "URL parameter idle=abc: expected a number of seconds from 1 to 86400");
    EXPECT_FALSE(parseLaunchParams("idle=0.9").kioskIdleSeconds);
    EXPECT_FALSE(parseLaunchParams("idle=86401").kioskIdleSeconds);
}

TEST(LaunchParams, DataAlsoSaysItCameFromTheUrl) {
    auto o = optionsOf("data=https://x.org/d/");
    EXPECT_EQ(o["data"], "https://x.org/d/");
    EXPECT_EQ(o["dataFromUrl"], true);
    EXPECT_EQ(optionsOf("data="), nlohmann::json::object());
    EXPECT_EQ(problemOf("data=a%00b"),
              "URL parameter data=a\\x00b: expected a dataset URL of 1 to 2048 bytes without control characters");
    EXPECT_FALSE(parseLaunchParams("data=" + std::string(2049, 'd')).data);
}

TEST(LaunchParams, TimeZone) {
    EXPECT_EQ(optionsOf("tz=%2B09:00")["timezone"], "+09:00");
    for (const char* ok : {"UTC", "Z", "GMT", "UTC-5", "GMT-03:30", "Europe/Lisbon", "America/Argentina/Buenos_Aires",
                           "Etc/GMT-9", "EST5EDT"})
        EXPECT_EQ(optionsOf(std::string("tz=") + ok)["timezone"], ok) << ok;
    EXPECT_EQ(optionsOf("tz=Etc/GMT%2B9")["timezone"], "Etc/GMT+9");
    EXPECT_EQ(problemOf("tz=+09:00"),  // the '+' arrived as a space
              "URL parameter tz= 09:00: expected Z, UTC, an offset such as %2B09:00 or UTC-5 (write + as %2B), or a "
              "zone name such as Europe/Lisbon");
    for (const char* bad : {"tz=Europe//Lisbon", "tz=Europe/", "tz=/Europe", "tz=9", "tz=%2B25:00", "tz=Asia/Seoul%20",
                            "tz="})
        EXPECT_FALSE(parseLaunchParams(bad).timezone) << bad;
    EXPECT_TRUE(parseLaunchParams("tz=" + std::string(64, 'Z')).timezone);
    EXPECT_FALSE(parseLaunchParams("tz=" + std::string(65, 'Z')).timezone);
}

TEST(LaunchParams, ParentsAreOriginsAsBrowsersWriteThem) {
    EXPECT_EQ(optionsOf("parents=https://slides.example.org,%20http://localhost:8080")["parents"],
              nlohmann::json({"https://slides.example.org", "http://localhost:8080"}));
    EXPECT_EQ(optionsOf("parents=HTTPS://Slides.Example.ORG:443,http://x:80,http://[::1]:8080")["parents"],
              nlohmann::json({"https://slides.example.org", "http://x", "http://[::1]:8080"}));
    auto p = parseLaunchParams("parents=https://a.org,https://b.org/");
    EXPECT_EQ(p.parents, std::vector<std::string>{"https://a.org"});
    EXPECT_EQ(p.problems, std::vector<std::string>{
                              "URL parameter parents=https://a.org,https://b.org/: ignored https://b.org/; expected "
                              "origins such as https://slides.example.org (http or https, a host and an optional port; "
                              "no path, not even a trailing /)"});
    for (const char* bad : {"https://a.org/path", "ftp://a.org", "https://user@a.org", "https://a.org:0",
                            "https://a.org:65536", "https://a.org:", "https://", "https://a.org?x", "https://a b.org",
                            "https://a.org#x", "//a.org", "https://[::1", "https://[zz]", "https://a.org:8o"}) {
        auto q = parseLaunchParams(std::string("parents=") + bad);
        // Given but unusable stays given (an empty list), so it cannot read as "any parent".
        EXPECT_EQ(q.parents, std::vector<std::string>{}) << bad;
        EXPECT_EQ(q.problems.size(), 1u) << bad;
    }
    EXPECT_EQ(optionsOf("parents=https://bad/")["parents"], nlohmann::json::array());
    auto empty = parseLaunchParams("parents=,");
    EXPECT_FALSE(empty.parents);
    EXPECT_EQ(empty.problems.size(), 1u);
}
