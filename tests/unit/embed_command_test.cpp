// embed_command_test.cpp — postMessage commands: what is ignored and why, each command's arguments and its message.
#include "embed_command.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace bk;
using Json = nlohmann::ordered_json;

namespace {

// The JSON the page gets for {"bukchon":1,"id":1,"cmd":cmd,"args":args}.
std::string run(const std::string& cmd, const std::string& args) {
    return embedCommandJson(parseEmbedCommand(R"({"bukchon":1,"id":1,"cmd":")" + cmd + R"(","args":)" + args + "}"));
}
std::string ok(const std::string& cmd, const std::string& normalizedArgs) {
    return R"({"status":"ok","id":1,"cmd":")" + cmd + R"(","args":)" + normalizedArgs + "}";
}
std::string invalid(const std::string& cmd, const std::string& error) {
    Json j = {{"status", "invalid"}, {"id", 1}, {"cmd", cmd}, {"error", error}};
    return j.dump();
}
std::string reasonFor(std::string_view text) {
    auto c = parseEmbedCommand(text);
    return c.status == EmbedCommand::Status::ignored ? c.reason : "<not ignored>";
}

}  // namespace

TEST(EmbedCommand, JsonShapes) {
    EXPECT_EQ(embedCommandJson(parseEmbedCommand(R"({"bukchon":1,"id":"a","cmd":"seek","args":["2026-05-16T14:00:00+09:00"]})")),
              R"({"status":"ok","id":"a","cmd":"seek","args":[1778907600000]})");
    EXPECT_EQ(embedCommandJson(parseEmbedCommand(R"({"bukchon":1,"id":2,"cmd":"seek","args":["abc"]})")),
              R"({"status":"invalid","id":2,"cmd":"seek","error":"seek: expected milliseconds or an ISO 8601 time )"
              R"(with offset (e.g. \"2026-05-11T12:00:00+09:00\"), got \"abc\""})");
    EXPECT_EQ(embedCommandJson(parseEmbedCommand("{}")),
              R"j({"status":"ignored","reason":"message is not for this viewer (bukchon is not 1)"})j");
}

TEST(EmbedCommand, IgnoredMessagesSayWhy) {
    EXPECT_EQ(reasonFor("not json"), "message is not valid JSON");
    EXPECT_EQ(reasonFor(R"({"bukchon":1,"cmd":"play"} x)"), "message is not valid JSON");
    EXPECT_EQ(reasonFor("]["), "message is not valid JSON");
    EXPECT_EQ(reasonFor(""), "message is not valid JSON");
    EXPECT_EQ(reasonFor("[]"), "message is not an object");
    EXPECT_EQ(reasonFor(R"("play")"), "message is not an object");
    for (const char* b : {"", R"("bukchon":2,)", R"("bukchon":"1",)", R"("bukchon":true,)", R"("bukchon":[1],)"})
        EXPECT_EQ(reasonFor(std::string("{") + b + R"("cmd":"play"})"), "message is not for this viewer (bukchon is not 1)") << b;
    EXPECT_EQ(parseEmbedCommand(R"({"bukchon":1.0,"cmd":"play"})").status, EmbedCommand::Status::ok);
    EXPECT_EQ(reasonFor(R"({"bukchon":1})"), "cmd is not a string");
    EXPECT_EQ(reasonFor(R"({"bukchon":1,"cmd":3})"), "cmd is not a string");
    EXPECT_EQ(reasonFor(R"({"bukchon":1,"cmd":"play","args":null})"), "args is not an array");
    EXPECT_EQ(reasonFor(R"({"bukchon":1,"cmd":"play","args":{"0":1}})"), "args is not an array");
    EXPECT_EQ(reasonFor(R"({"bukchon":1,"cmd":"destroy"})"), R"(unknown command "destroy")");
    EXPECT_EQ(reasonFor(R"({"bukchon":1,"cmd":"Play"})"), R"(unknown command "Play")");
}

TEST(EmbedCommand, SizeLimit) {
    std::string head = R"({"bukchon":1,"cmd":"play","pad":")";
    std::string atLimit = head + std::string(kMaxEmbedMessageBytes - head.size() - 2, 'x') + "\"}";
    ASSERT_EQ(atLimit.size(), 1048576u);
    EXPECT_EQ(parseEmbedCommand(atLimit).status, EmbedCommand::Status::ok);
    std::string over = head + std::string(kMaxEmbedMessageBytes - head.size() - 1, 'x') + "\"}";
    EXPECT_EQ(reasonFor(over), "message is 1048577 bytes, more than the 1048576 allowed");
}

TEST(EmbedCommand, NestingLimitIsCheckedBeforeParsing) {
    auto nested = [](int arrays) {
        return R"({"bukchon":1,"cmd":"play","args":)" + std::string(arrays, '[') + std::string(arrays, ']') + "}";
    };
    EXPECT_EQ(parseEmbedCommand(nested(31)).status, EmbedCommand::Status::ok);  // 1 object + 31 arrays = 32
    EXPECT_EQ(reasonFor(nested(32)), "message is nested deeper than 32 levels");
    EXPECT_EQ(reasonFor(std::string(1000000, '[')), "message is nested deeper than 32 levels");
    // Brackets inside strings (escaped quotes included) are text, not nesting.
    EXPECT_EQ(reasonFor(R"({"bukchon":1,"cmd":"\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})"),
              R"(unknown command "\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")");
}

TEST(EmbedCommand, IdIsEchoedWhenItIsSimple) {
    auto idOf = [](const std::string& id) {
        return parseEmbedCommand(R"({"bukchon":1,"cmd":"play","id":)" + id + "}").id.dump();
    };
    EXPECT_EQ(idOf(R"("req-7")"), R"("req-7")");
    EXPECT_EQ(idOf("42"), "42");
    EXPECT_EQ(idOf("-1.5"), "-1.5");
    EXPECT_EQ(idOf("null"), "null");
    EXPECT_EQ(idOf("true"), "null");
    EXPECT_EQ(idOf(R"({"a":1})"), "null");
    EXPECT_EQ(idOf("[1]"), "null");
    EXPECT_EQ(idOf('"' + std::string(256, 'i') + '"'), '"' + std::string(256, 'i') + '"');
    EXPECT_EQ(idOf('"' + std::string(257, 'i') + '"'), "null");
    EXPECT_EQ(parseEmbedCommand(R"({"bukchon":1,"cmd":"play"})").id.dump(), "null");
}

TEST(EmbedCommand, CommandsWithoutArguments) {
    for (const char* cmd : {"play", "pause", "resetView", "getState"}) {
        EXPECT_EQ(run(cmd, "[]"), ok(cmd, "[]"));
        EXPECT_EQ(run(cmd, R"([1,"extra"])"), ok(cmd, "[]"));
    }
    EXPECT_EQ(embedCommandJson(parseEmbedCommand(R"({"bukchon":1,"cmd":"play"})")),
              R"({"status":"ok","id":null,"cmd":"play","args":[]})");
}

TEST(EmbedCommand, Seek) {
    EXPECT_EQ(run("seek", "[1778907600000]"), ok("seek", "[1778907600000]"));
    EXPECT_EQ(run("seek", "[1.5]"), ok("seek", "[1.5]"));
    EXPECT_EQ(run("seek", R"(["2026-05-16T05:00:00Z","extra"])"), ok("seek", "[1778907600000]"));
    const std::string expected =
        "seek: expected milliseconds or an ISO 8601 time with offset (e.g. \"2026-05-11T12:00:00+09:00\"), got ";
    EXPECT_EQ(run("seek", R"(["abc"])"), invalid("seek", expected + "\"abc\""));
    EXPECT_EQ(run("seek", R"(["2026-05-16T14:00:00"])"), invalid("seek", expected + "\"2026-05-16T14:00:00\""));
    EXPECT_EQ(run("seek", R"(["1778907600000"])"), invalid("seek", expected + "\"1778907600000\""));
    EXPECT_EQ(run("seek", "[]"), invalid("seek", expected + "nothing"));
    EXPECT_EQ(run("seek", "[null]"), invalid("seek", expected + "null"));
    // A number beyond a double (1e400) is refused by the JSON parser: JSON.stringify never writes one.
    EXPECT_EQ(run("seek", "[1e400]"), R"({"status":"ignored","reason":"message is not valid JSON"})");
    EXPECT_EQ(run("seek", R"(["Infinity"])"), invalid("seek", expected + "\"Infinity\""));
}

TEST(EmbedCommand, SetSpeed) {
    EXPECT_EQ(run("setSpeed", "[600]"), ok("setSpeed", "[600]"));
    EXPECT_EQ(run("setSpeed", "[0.1]"), ok("setSpeed", "[0.1]"));
    EXPECT_EQ(run("setSpeed", "[1e5]"), ok("setSpeed", "[100000]"));
    const std::string expected = "setSpeed: expected a number from 0.1 to 100000 (replay seconds per real second), got ";
    EXPECT_EQ(run("setSpeed", R"(["600"])"), invalid("setSpeed", expected + "\"600\""));
    EXPECT_EQ(run("setSpeed", R"(["NaN"])"), invalid("setSpeed", expected + "\"NaN\""));
    EXPECT_EQ(run("setSpeed", "[0.09]"), invalid("setSpeed", expected + "0.09"));
    EXPECT_EQ(run("setSpeed", "[100001]"), invalid("setSpeed", expected + "100001"));
    EXPECT_EQ(run("setSpeed", "[1e308]"), invalid("setSpeed", expected + "1e+308"));
}

TEST(EmbedCommand, SetLoop) {
    EXPECT_EQ(run("setLoop", "[true]"), ok("setLoop", "[true]"));
    EXPECT_EQ(run("setLoop", "[0]"), ok("setLoop", "[false]"));
    EXPECT_EQ(run("setLoop", "[1.0]"), ok("setLoop", "[true]"));
    EXPECT_EQ(run("setLoop", R"(["yes"])"), invalid("setLoop", "setLoop: expected true, false, 0 or 1, got \"yes\""));
    EXPECT_EQ(run("setLoop", "[2]"), invalid("setLoop", "setLoop: expected true, false, 0 or 1, got 2"));
    EXPECT_EQ(run("setLoop", "[]"), invalid("setLoop", "setLoop: expected true, false, 0 or 1, got nothing"));
}

TEST(EmbedCommand, SetLanguage) {
    EXPECT_EQ(run("setLanguage", R"(["ko"])"), ok("setLanguage", R"(["ko"])"));
    EXPECT_EQ(run("setLanguage", R"(["pt-BR"])"), ok("setLanguage", R"(["pt-BR"])"));
    EXPECT_EQ(run("setLanguage", R"(["../../etc"])"),
              invalid("setLanguage", "setLanguage: expected a language code such as \"en\" or \"ko\", got \"../../etc\""));
}

TEST(EmbedCommand, SetLayers) {
    EXPECT_EQ(run("setLayers", R"([["noise","bin","noise"]])"), ok("setLayers", R"([["noise","bin"]])"));
    EXPECT_EQ(run("setLayers", "[[]]"), ok("setLayers", "[[]]"));
    EXPECT_EQ(run("setLayers", R"([["bin","foo","bar","foo"]])"),
              invalid("setLayers", "setLayers: unknown layer foo, bar; layers are bin, parking, noise, footfall, air, "
                                   "fire, other, route"));
    const std::string expected =
        "setLayers: expected an array of layer names (bin, parking, noise, footfall, air, fire, other, route), got ";
    EXPECT_EQ(run("setLayers", R"(["bin"])"), invalid("setLayers", expected + "\"bin\""));
    EXPECT_EQ(run("setLayers", R"([["bin",1]])"), invalid("setLayers", expected + "[\"bin\",1]"));
}

TEST(EmbedCommand, Select) {
    EXPECT_EQ(run("select", R"(["BIN-07"])"), ok("select", R"(["BIN-07"])"));
    EXPECT_EQ(run("select", "[null]"), ok("select", "[null]"));
    EXPECT_EQ(run("select", "[]"), ok("select", "[null]"));
    const std::string expected = "select: expected a sensor id (a string of 1 to 256 bytes) or null, got ";
    EXPECT_EQ(run("select", R"([""])"), invalid("select", expected + "\"\""));
    EXPECT_EQ(run("select", "[7]"), invalid("select", expected + "7"));
    EXPECT_EQ(run("select", "[\"" + std::string(257, 's') + "\"]"),
              invalid("select", expected + '"' + std::string(59, 's') + "\xE2\x80\xA6"));
}

TEST(EmbedCommand, FlyTo) {
    EXPECT_EQ(run("flyTo", "[37.58,126.98,16]"), ok("flyTo", R"([37.58,126.98,16,{"animate":true}])"));
    EXPECT_EQ(run("flyTo", R"([37.58,126.98,16,{"animate":false,"other":1}])"),
              ok("flyTo", R"([37.58,126.98,16,{"animate":false}])"));
    EXPECT_EQ(run("flyTo", "[-85.06,-180,0,null]"), ok("flyTo", R"([-85.06,-180,0,{"animate":true}])"));
    EXPECT_EQ(run("flyTo", "[85.06,180,22,{}]"), ok("flyTo", R"([85.06,180,22,{"animate":true}])"));
    const std::string expected =
        "flyTo: expected lat from -85.06 to 85.06, lon from -180 to 180 and zoom from 0 to 22, got ";
    EXPECT_EQ(run("flyTo", "[37.58,126.98]"), invalid("flyTo", expected + "[37.58,126.98]"));
    EXPECT_EQ(run("flyTo", "[90,0,1]"), invalid("flyTo", expected + "[90,0,1]"));
    EXPECT_EQ(run("flyTo", "[0,0,23]"), invalid("flyTo", expected + "[0,0,23]"));
    EXPECT_EQ(run("flyTo", R"(["37",0,1])"), invalid("flyTo", expected + "[\"37\",0,1]"));
    const std::string animate = "flyTo: expected {animate: true or false} as the fourth argument, got ";
    EXPECT_EQ(run("flyTo", R"([0,0,1,{"animate":"no"}])"), invalid("flyTo", animate + "{\"animate\":\"no\"}"));
    EXPECT_EQ(run("flyTo", "[0,0,1,false]"), invalid("flyTo", animate + "false"));
}

TEST(EmbedCommand, Load) {
    EXPECT_EQ(run("load", R"(["https://x.org/city/"])"), ok("load", R"(["https://x.org/city/"])"));
    EXPECT_EQ(run("load", R"([{"recording":"r.json","sensors":"s.geojson"}])"),
              ok("load", R"([{"recording":"r.json","sensors":"s.geojson"}])"));  // kept as given, order too
    EXPECT_EQ(run("load", R"([[{"$blob":0},{"$blob":1}]])"), ok("load", R"([[{"$blob":0},{"$blob":1}]])"));
    EXPECT_EQ(run("load", R"([""])"),
              invalid("load", "load: expected a dataset URL of 1 to 2048 bytes without control characters, got \"\""));
    EXPECT_EQ(run("load", R"(["a\u0000b"])"),
              invalid("load", "load: expected a dataset URL of 1 to 2048 bytes without control characters, got "
                              "\"a\\u0000b\""));
    EXPECT_EQ(run("load", R"([{"map":"m","passwords":"p"}])"),
              invalid("load", "load: unknown file kind \"passwords\"; the kinds are map, sensors, recording, readings, sites"));
    EXPECT_EQ(run("load", R"([{"map":5}])"),
              invalid("load", "load: map must be a URL of 1 to 2048 bytes without control characters, got 5"));
    EXPECT_EQ(run("load", "[{}]"),
              invalid("load", "load: expected an object of URLs with some of map, sensors, recording, readings, sites, got {}"));
    EXPECT_EQ(run("load", "[[]]"), invalid("load", "load: expected 1 to 64 files, got 0"));
    std::string many = "[";
    for (int i = 0; i < 65; ++i) many += std::string(i ? "," : "") + R"({"$blob":0})";
    EXPECT_EQ(run("load", "[" + many + "]]"), invalid("load", "load: expected 1 to 64 files, got 65"));
    for (const char* bad : {R"({"$blob":64})", R"({"$blob":-1})", R"({"$blob":1.5})", R"({"$blob":"0"})",
                            R"({"$blob":0,"x":1})", R"("file.csv")"})
        EXPECT_EQ(run("load", std::string("[[") + bad + "]]"),
                  invalid("load", std::string("load: file 0 is not a file (expected {\"$blob\": 0 to 63}), got ") + bad))
            << bad;
    EXPECT_EQ(run("load", "[]"),
              invalid("load", "load: expected a dataset URL, an object of URLs (map, sensors, recording, readings, "
                              "sites) or files, got nothing"));
}

TEST(EmbedCommand, Screenshot) {
    EXPECT_EQ(run("screenshot", "[]"), ok("screenshot", R"([{"scale":1}])"));
    EXPECT_EQ(run("screenshot", "[{}]"), ok("screenshot", R"([{"scale":1}])"));
    EXPECT_EQ(run("screenshot", R"([{"scale":2.0}])"), ok("screenshot", R"([{"scale":2}])"));
    EXPECT_EQ(run("screenshot", R"([{"scale":3}])"), invalid("screenshot", "screenshot: expected {scale: 1 or 2}, got {\"scale\":3}"));
    EXPECT_EQ(run("screenshot", "[2]"), invalid("screenshot", "screenshot: expected {scale: 1 or 2}, got 2"));
}

TEST(EmbedCommand, UiPaletteDetail) {
    EXPECT_EQ(run("setUi", R"(["none"])"), ok("setUi", R"(["none"])"));
    EXPECT_EQ(run("setUi", R"(["tiny"])"), invalid("setUi", "setUi: expected \"full\", \"minimal\" or \"none\", got \"tiny\""));
    EXPECT_EQ(run("setPalette", R"(["colourblind"])"), ok("setPalette", R"(["colourblind"])"));
    EXPECT_EQ(run("setPalette", R"(["cb"])"), invalid("setPalette", "setPalette: expected \"default\" or \"colourblind\", got \"cb\""));
    EXPECT_EQ(run("setDetail", R"(["auto"])"), ok("setDetail", R"(["auto"])"));
    EXPECT_EQ(run("setDetail", "[]"), invalid("setDetail", "setDetail: expected \"auto\" or \"glyphs\", got nothing"));
}

// What the fuzz target checks on every input, here on a few by hand: normalized arguments read back unchanged.
TEST(EmbedCommand, NormalizingTwiceChangesNothing) {
    for (const char* message : {R"({"bukchon":1,"cmd":"seek","args":["2026-05-16T14:00:00+09:00"]})",
                                R"({"bukchon":1,"cmd":"flyTo","args":[37.5,127,15.25]})",
                                R"({"bukchon":1,"cmd":"setLayers","args":[["air","air","fire"]]})",
                                R"({"bukchon":1,"cmd":"screenshot"})", R"({"bukchon":1,"cmd":"setLoop","args":[1]})",
                                R"({"bukchon":1,"cmd":"seek","args":[-0.0]})"}) {
        auto first = parseEmbedCommand(message);
        ASSERT_EQ(first.status, EmbedCommand::Status::ok) << message;
        Json again = {{"bukchon", 1}, {"cmd", first.cmd}, {"args", first.args}};
        auto second = parseEmbedCommand(again.dump());
        EXPECT_EQ(second.status, EmbedCommand::Status::ok) << message;
        EXPECT_EQ(second.args.dump(), first.args.dump()) << message;
    }
}
