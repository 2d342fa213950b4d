// convert_main.cpp — `bukchon-convert`: JSON dataset (sensors + recording) ⇄ binary recording (.bkr).
//
//   bukchon-convert SENSORS.geojson RECORDING.json OUT.bkr     to binary (sensors inside)
//   bukchon-convert IN.bkr OUTDIR                              back to sensors.geojson + recording.json
//   bukchon-convert --offline DIR -o OUT.html [--site S.html]  one offline HTML file of a dataset folder
// One input may be `-` (stdin), and OUT.bkr may be `-` (stdout); src/tools/cli_common.hpp has the shared manners.
#include "binary_format.hpp"
#include "cli_common.hpp"
#include "dataset.hpp"
#include "map_binary.hpp"
#include "map_data.hpp"
#include "recording_writer.hpp"
#include "sensors.hpp"

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace {

namespace cli = bk::cli;

const cli::Tool kTool{"bukchon-convert",
    "usage: bukchon-convert SENSORS.geojson RECORDING.json OUT.bkr   (to binary, sensors inside)\n"
    "       bukchon-convert IN.bkr OUTDIR                          (back to sensors.geojson + recording.json)\n"
    "       bukchon-convert --offline DIR -o OUT.html [--site dist/bukchon-replay.html] [--lang CODE]\n"
    "                      (one HTML file that opens from file:// with no network: DIR's recording.bkr or\n"
    "                       sensors.geojson + recording.json, map.bkm or map.geojson if there, story.json if there;\n"
    "                       the page's Save offline copy makes the same kind of file; docs/your-city.md)\n"
    "  One input may be - (standard input). OUT.bkr may be - (standard output; the summary then goes to stderr).\n"
    "  -h, --help    this text\n"
    "  --version     the version\n"};

int toBinary(const std::string& sensorsPath, const std::string& recordingPath, const std::string& outPath) {
    std::string sensorsText, recordingText, error;
    if (!cli::readInput(sensorsPath, sensorsText, error) || !cli::readInput(recordingPath, recordingText, error))
        return cli::fail(kTool, error);
    auto sensors = bk::loadSensors(sensorsText, cli::inputName(sensorsPath));
    if (!sensors) return cli::fail(kTool, sensors.error().describe());
    auto d = bk::loadRecording(recordingText, cli::inputName(recordingPath), std::move(sensors.value()));
    if (!d) return cli::fail(kTool, d.error().describe());
    std::string bytes = bk::writeBinaryRecording(d.value());
    if (!cli::writeOutput(outPath, bytes)) return cli::fail(kTool, "cannot write " + cli::outputName(outPath));
    std::fprintf(cli::summaryStream(outPath), "%s: %zu sensors, %zu readings, %zu bytes (%.2f bytes a reading; JSON was %zu)\n",
                 cli::outputName(outPath).c_str(), d->sensors.size(), d->readingCount(), bytes.size(),
                 double(bytes.size()) / double(d->readingCount()), recordingText.size());
    return 0;
}

int toJson(const std::string& inPath, const std::string& dir) {
    std::string bytes, error;
    if (!cli::readInput(inPath, bytes, error)) return cli::fail(kTool, error);
    auto d = bk::loadBinaryRecording(bytes, cli::inputName(inPath));
    if (!d) return cli::fail(kTool, d.error().describe());
    ::mkdir(dir.c_str(), 0755);
    if (!cli::writeOutput(dir + "/sensors.geojson", bk::writeSensorsGeoJson(d->sensors)) ||
        !cli::writeOutput(dir + "/recording.json", bk::writeRecordingJson(d.value())))
        return cli::fail(kTool, "cannot write to " + dir);
    std::printf("%s: sensors.geojson and recording.json\n", dir.c_str());
    return 0;
}

std::string base64(std::string_view bytes) {
    static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (size_t i = 0; i < bytes.size(); i += 3) {
        uint32_t v = uint32_t(uint8_t(bytes[i])) << 16;
        if (i + 1 < bytes.size()) v |= uint32_t(uint8_t(bytes[i + 1])) << 8;
        if (i + 2 < bytes.size()) v |= uint8_t(bytes[i + 2]);
        out += k[(v >> 18) & 63];
        out += k[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? k[(v >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? k[v & 63] : '=';
    }
    return out;
}

bool readIfThere(const std::string& path, std::string& out) {
    std::string error;
    struct stat st;
    return ::stat(path.c_str(), &st) == 0 && cli::readInput(path, out, error);
}

// JSON inside a <script>: never a closing tag.
std::string scriptSafe(std::string json) {
    for (size_t at = 0; (at = json.find("</", at)) != std::string::npos; at += 3) json.replace(at, 2, "<\\/");
    return json;
}

// The offline single file (web/offline-copy.js does the same in the page): the site's single file as the template,
// its default week and map swapped for DIR's dataset in the viewer's binary formats, with its story, and the start.
int offline(const std::string& dir, const std::string& site, const std::string& out, const std::string& lang) {
    std::string html, error, bkr, map, story;
    if (!cli::readInput(site, html, error)) return cli::fail(kTool, error + " (the site's single file: ./build-wasm.sh makes dist/bukchon-replay.html)");
    const std::string marker = "window.BUKCHON_RESOURCES = ";
    const size_t at = html.find(marker), end = at == std::string::npos ? at : html.find(";</script>", at);
    if (end == std::string::npos) return cli::fail(kTool, site + ": not the site's single file (no BUKCHON_RESOURCES)");
    nlohmann::json resources = nlohmann::json::parse(html.substr(at + marker.size(), end - at - marker.size()), nullptr, false);
    if (!resources.is_object()) return cli::fail(kTool, site + ": its BUKCHON_RESOURCES is not a JSON object");
    std::optional<bk::Dataset> dataset;
    if (readIfThere(dir + "/recording.bkr", bkr)) {
        auto d = bk::loadBinaryRecording(bkr, "recording.bkr");
        if (!d) return cli::fail(kTool, dir + "/" + d.error().describe());
        dataset = std::move(d.value());
    } else {
        std::string sensorsText, recordingText;
        if (!readIfThere(dir + "/sensors.geojson", sensorsText) || !readIfThere(dir + "/recording.json", recordingText))
            return cli::fail(kTool, dir + ": expected recording.bkr, or sensors.geojson and recording.json");
        auto sensors = bk::loadSensors(sensorsText, "sensors.geojson");
        if (!sensors) return cli::fail(kTool, dir + "/" + sensors.error().describe());
        auto d = bk::loadRecording(recordingText, "recording.json", std::move(sensors.value()));
        if (!d) return cli::fail(kTool, dir + "/" + d.error().describe());
        dataset = std::move(d.value());
        bkr = bk::writeBinaryRecording(*dataset);
    }
    nlohmann::json start = {{"data", {{"recording", "saved/recording.bkr"}}}};
    std::string mapBytes;
    if (readIfThere(dir + "/map.bkm", mapBytes) || readIfThere(dir + "/map.geojson", mapBytes)) {
        auto m = bk::loadMap(mapBytes, "map");
        if (!m) return cli::fail(kTool, dir + "/" + m.error().describe());
        map = bk::writeBinaryMap(m.value());
        start["data"]["map"] = "saved/map.bkm";
    }
    for (auto it = resources.begin(); it != resources.end();)
        it = it.key().rfind("saved/", 0) == 0 ? resources.erase(it) : std::next(it);
    resources.erase("assets/bukchon/recording.bkr");   // the default week and map (site-manifest.json's "data")
    resources.erase("assets/bukchon/map.bkm");
    resources["saved/recording.bkr"] = base64(bkr);
    if (!map.empty()) resources["saved/map.bkm"] = base64(map);
    if (readIfThere(dir + "/story.json", story)) {
        if (!nlohmann::json::parse(story, nullptr, false).is_object()) return cli::fail(kTool, dir + "/story.json: not a JSON object");
        resources["saved/story.json"] = base64(story);
        start["story"] = "saved/story.json";
        start["storyStart"] = false;
    }
    if (!lang.empty()) start["lang"] = lang;
    std::string page = html.substr(0, at) + marker + scriptSafe(resources.dump()) + ";\nwindow.BUKCHON_START = " +
                       scriptSafe(start.dump()) + html.substr(end);
    const size_t t0 = page.find("<title>"), t1 = page.find("</title>");
    if (t0 != std::string::npos && t1 != std::string::npos && !dataset->title.empty()) {
        std::string title;
        for (char c : dataset->title) title += c == '<' ? std::string("&lt;") : c == '&' ? std::string("&amp;") : std::string(1, c);
        page = page.substr(0, t0 + 7) + title + " · Bukchon IoT Replay (offline)" + page.substr(t1);
    }
    if (!cli::writeOutput(out, page)) return cli::fail(kTool, "cannot write " + cli::outputName(out));
    std::fprintf(cli::summaryStream(out), "%s: %zu sensors, %zu readings%s%s, %.1f MB\n", cli::outputName(out).c_str(),
                 dataset->sensors.size(), dataset->readingCount(), map.empty() ? "" : ", its map",
                 story.empty() ? "" : ", its story", double(page.size()) / 1048576.0);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> operands;
    std::string offlineDir, site = "dist/bukchon-replay.html", out, lang;
    for (cli::Args args(kTool, argc, argv); args.next();) {
        if (args.isOption()) {
            if (args.arg() == "--offline") offlineDir = args.value();
            else if (args.arg() == "--site") site = args.value();
            else if (args.arg() == "-o" || args.arg() == "--output") out = args.value();
            else if (args.arg() == "--lang") lang = args.value();
            else args.unknownOption();
            continue;
        }
        operands.push_back(args.arg());
    }
    if (!offlineDir.empty()) {
        if (out.empty()) cli::usageError(kTool, "--offline needs -o OUT.html");
        if (!operands.empty()) cli::usageError(kTool, "--offline takes no other operands");
        return offline(offlineDir, site, out, lang);
    }
    if (!out.empty() || lang.size()) cli::usageError(kTool, "-o and --lang go with --offline");
    size_t stdinInputs = 0;
    for (size_t i = 0; i + 1 < operands.size(); ++i) stdinInputs += cli::isStdio(operands[i]);
    if (stdinInputs > 1) cli::usageError(kTool, "only one input can be - (standard input)");
    if (operands.size() == 3) return toBinary(operands[0], operands[1], operands[2]);
    if (operands.size() == 2) {
        if (cli::isStdio(operands[1]))
            cli::usageError(kTool, "OUTDIR is a folder for two files; - (standard output) cannot hold them");
        return toJson(operands[0], operands[1]);
    }
    cli::wrongOperands(kTool, operands.size(), "SENSORS RECORDING OUT.bkr or IN.bkr OUTDIR");
}
