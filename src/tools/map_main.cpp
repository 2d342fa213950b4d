// map_main.cpp — `bukchon-map`: an OpenStreetMap extract (XML/PBF, .gz/.bz2) → the viewer's map.geojson.
//
//   bukchon-map IN.osm[.pbf|.gz|.bz2] -o OUT.geojson [--bbox lon0,lat0,lon1,lat1] [--name "…"] [--name-ko "…"]
//               [--depot lon,lat] [--label lon,lat,"English","한국어"] [--languages ja,zh|none] [--date 2026-07]
//               [--binary OUT.bkm] [--binary-languages ja,zh|none] [--no-blocks] [--format osm|pbf|osm.gz|osm.bz2]
//
// docs/map.md shows it start to finish, for Bukchon and for another city. IN may be `-` (stdin), and one of the
// outputs `-` (stdout); src/tools/cli_common.hpp has the shared manners.
#include "cli_common.hpp"
#include "converter.hpp"
#include "map_binary.hpp"

#include <algorithm>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace cli = bk::cli;

const cli::Tool kTool{"bukchon-map",
    "usage: bukchon-map IN.osm[.pbf|.gz|.bz2] -o OUT.geojson [--bbox lon0,lat0,lon1,lat1] [--name TEXT]\n"
    "                  [--name-ko TEXT] [--depot lon,lat] [--label lon,lat,English,Korean] [--languages ja,zh|none]\n"
    "                  [--date YYYY-MM] [--binary OUT.bkm] [--binary-languages ja,zh|none] [--no-blocks]\n"
    "                  [--format osm|pbf|osm.gz|osm.bz2]\n"
    "  --languages: the name:xx kept besides name, name:en and name:ko (default: the viewer's UI languages);\n"
    "  --binary-languages: those of them the binary twin keeps (default: the same; the shipped Bukchon map keeps\n"
    "  none and the site serves the others per language).\n"
    "  IN may be - (standard input). OUT.geojson or OUT.bkm may be - (standard output; the summary then goes\n"
    "  to stderr). --format names IN's format; the content decides, so it is optional. docs/map.md has the rest.\n"
    "  -h, --help    this text\n"
    "  --version     the version\n"};

const char* const kFormats[] = {"osm", "pbf", "osm.gz", "osm.bz2"};

// "a,b,c…" → fields; numbers checked by the caller.
std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string part; std::getline(in, part, ',');) out.push_back(part);
    return out;
}

bool number(const std::string& s, double& out) {
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return !s.empty() && end && *end == 0;
}

bool position(const std::string& lonText, const std::string& latText, bk::LatLon& out) {
    return number(lonText, out.lon) && number(latText, out.lat) && out.lat >= -90 && out.lat <= 90 &&
           out.lon >= -180 && out.lon <= 180;
}

}  // namespace

int main(int argc, char** argv) {
    std::string in, out, binaryOut, format;
    std::vector<std::string> binaryLanguages;  // --binary-languages: the names the binary twin keeps
    bool binaryLanguagesGiven = false;
    bk::MapBuildOptions opt;
    for (cli::Args args(kTool, argc, argv); args.next();) {
        const std::string& a = args.arg();
        if (!args.isOption()) {
            if (!in.empty()) cli::usageError(kTool, "one IN only (" + in + " and " + a + ")");
            in = a;
        } else if (a == "-o" || a == "--output") out = args.value();
        else if (a == "--bbox") {
            auto f = split(args.value());
            if (f.size() != 4 || !position(f[0], f[1], opt.bboxMin) || !position(f[2], f[3], opt.bboxMax) ||
                opt.bboxMin.lon >= opt.bboxMax.lon || opt.bboxMin.lat >= opt.bboxMax.lat)
                cli::usageError(kTool, "--bbox expects lon0,lat0,lon1,lat1 (west,south,east,north), e.g. "
                                       "126.972,37.572,126.999,37.590");
            opt.hasBbox = true;
        } else if (a == "--name") opt.name = args.value();
        else if (a == "--name-ko") opt.nameKo = args.value();
        else if (a == "--no-blocks") opt.blocks = false;
        else if (a == "--date") opt.snapshot = args.value();
        else if (a == "--binary") binaryOut = args.value();
        else if (a == "--format") {
            format = args.value();
            bool known = false;
            for (const char* f : kFormats) known = known || format == f;
            if (!known) cli::usageError(kTool, "--format is osm, pbf, osm.gz or osm.bz2, not '" + format + "'");
        } else if (a == "--languages" || a == "--binary-languages") {
            std::vector<std::string>& into = a == "--languages" ? opt.languages : binaryLanguages;
            into.clear();
            for (const std::string& l : split(args.value())) if (l != "none") into.push_back(l);
            if (a == "--binary-languages") binaryLanguagesGiven = true;
        }
        else if (a == "--depot" || a == "--label") {
            auto f = split(args.value());
            bk::MapFeature feature;
            bk::LatLon p;
            if (f.size() < 2 || !position(f[0], f[1], p) || (a == "--label" && f.size() != 4))
                cli::usageError(kTool, a + " expects lon,lat" + (a == "--label" ? ",English,Korean" : ""));
            feature.points.push_back(p);
            if (a == "--depot") {
                feature.kind = bk::MapKind::depot;
                feature.nameEn = f.size() > 2 ? f[2] : "Collection depot (assumed)";
                feature.nameKo = f.size() > 3 ? f[3] : "수거 차고지(가정)";
            } else {
                feature.kind = bk::MapKind::landmark;
                feature.cls = "label";
                feature.nameEn = f[2];
                feature.nameKo = f[3];
            }
            opt.extras.push_back(std::move(feature));
        } else args.unknownOption();
    }
    if (in.empty() && out.empty()) cli::usageError(kTool, "");
    if (in.empty() || out.empty()) cli::usageError(kTool, in.empty() ? "IN is missing" : "-o OUT.geojson is missing");
    if (cli::isStdio(out) && cli::isStdio(binaryOut))
        cli::usageError(kTool, "-o - and --binary - would both write to standard output");
    // The attribution names the extract; standard input has no name worth printing there.
    if (!cli::isStdio(in)) opt.sourceNote = cli::inputName(in);

    // The page's converter and this CLI run the same conversion (src/convert/): the same file gives the same bytes.
    (void)format;  // the content says what the file is (gzip, bzip2, PBF, XML); --format is accepted for scripts
    std::string bytes, error;
    if (!cli::readInput(in, bytes, error)) return cli::fail(kTool, error);
    bk::Converted converted = bk::startOsmConversion({cli::inputName(in), std::move(bytes)}, opt)->finish();
    if (!converted.error.empty()) return cli::fail(kTool, converted.error);
    const std::string& text = converted.mapGeoJson;
    if (!cli::writeOutput(out, text)) return cli::fail(kTool, "cannot write " + cli::outputName(out));
    // The binary twin the page loads (no JSON parse before the first frame), with only the names asked for.
    if (binaryLanguagesGiven && !binaryOut.empty()) {
        auto map = bk::loadBinaryMap(converted.map, "map.bkm");
        if (!map) return cli::fail(kTool, map.error().describe());
        for (bk::MapFeature& f : map.value().features)
            f.names.erase(std::remove_if(f.names.begin(), f.names.end(), [&](const auto& n) {
                return std::find(binaryLanguages.begin(), binaryLanguages.end(), n.first) == binaryLanguages.end();
            }), f.names.end());
        converted.map = bk::writeBinaryMap(map.value());
    }
    if (!binaryOut.empty() && !cli::writeOutput(binaryOut, converted.map))
        return cli::fail(kTool, "cannot write " + cli::outputName(binaryOut));
    FILE* summary = cli::summaryStream(cli::isStdio(binaryOut) ? binaryOut : out);
    std::fprintf(summary, "%s: %s, %zu bytes\n", cli::outputName(out).c_str(), converted.text.c_str(), text.size());
    return 0;
}
