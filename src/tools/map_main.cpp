// map_main.cpp — `bukchon-map`: an OpenStreetMap extract (XML/PBF, .gz/.bz2) → the viewer's map.geojson.
//
//   bukchon-map IN.osm[.pbf|.gz|.bz2] -o OUT.geojson [--bbox lon0,lat0,lon1,lat1] [--name "…"] [--name-ko "…"]
//               [--depot lon,lat] [--label lon,lat,"English","한국어"] [--languages ja,zh] [--date 2026-07]
//               [--binary OUT.bkm] [--no-blocks]
//
// docs/map.md shows it start to finish, for Bukchon and for another city.
#include "map_binary.hpp"
#include "map_builder.hpp"
#include "map_writer.hpp"
#include "osm_reader.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

int usage() {
    std::cerr << "usage: bukchon-map IN.osm[.pbf|.gz|.bz2] -o OUT.geojson [--bbox lon0,lat0,lon1,lat1] [--name TEXT]\n"
                 "                  [--name-ko TEXT] [--depot lon,lat] [--label lon,lat,English,Korean] [--languages ja,zh]\n"
                 "                  [--date YYYY-MM] [--binary OUT.bkm] [--no-blocks]\n";
    return 2;
}

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
    std::string in, out, binaryOut;
    bk::MapBuildOptions opt;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* flag) -> std::string {
            if (i + 1 >= argc) { std::cerr << "bukchon-map: " << flag << " needs a value\n"; std::exit(2); }
            return argv[++i];
        };
        if (a == "-o" || a == "--output") out = value("-o");
        else if (a == "--bbox") {
            auto f = split(value("--bbox"));
            if (f.size() != 4 || !position(f[0], f[1], opt.bboxMin) || !position(f[2], f[3], opt.bboxMax) ||
                opt.bboxMin.lon >= opt.bboxMax.lon || opt.bboxMin.lat >= opt.bboxMax.lat) {
                std::cerr << "bukchon-map: --bbox expects lon0,lat0,lon1,lat1 (west,south,east,north), e.g. "
                             "126.972,37.572,126.999,37.590\n";
                return 2;
            }
            opt.hasBbox = true;
        } else if (a == "--name") opt.name = value("--name");
        else if (a == "--name-ko") opt.nameKo = value("--name-ko");
        else if (a == "--no-blocks") opt.blocks = false;
        else if (a == "--date") opt.snapshot = value("--date");
        else if (a == "--binary") binaryOut = value("--binary");
        else if (a == "--languages") {
            for (const std::string& l : split(value("--languages"))) opt.languages.push_back(l);
        }
        else if (a == "--depot" || a == "--label") {
            auto f = split(value(a.c_str()));
            bk::MapFeature feature;
            bk::LatLon p;
            if (f.size() < 2 || !position(f[0], f[1], p) || (a == "--label" && f.size() != 4)) {
                std::cerr << "bukchon-map: " << a << " expects lon,lat" << (a == "--label" ? ",English,Korean" : "") << "\n";
                return 2;
            }
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
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "bukchon-map: unknown option " << a << "\n";
            return usage();
        } else if (in.empty()) in = a;
        else return usage();
    }
    if (in.empty() || out.empty()) return usage();
    auto slash = in.find_last_of('/');
    opt.sourceNote = in.substr(slash == std::string::npos ? 0 : slash + 1);

    auto osm = bk::readOsmFile(in);
    if (!osm) { std::cerr << "bukchon-map: " << osm.error().describe() << "\n"; return 1; }
    bk::MapBuildStats stats;
    bk::MapData map = bk::buildMapFromOsm(osm.value(), opt, &stats);
    std::string text = bk::writeMapGeoJson(map);
    // Round trip through the viewer's own loader: never write a map the viewer would reject.
    auto check = bk::loadMap(text, out);
    if (!check) { std::cerr << "bukchon-map: the map written does not load: " << check.error().describe() << "\n"; return 1; }
    std::ofstream file(out, std::ios::binary);
    file << text;
    if (!file) { std::cerr << "bukchon-map: cannot write " << out << "\n"; return 1; }
    if (!binaryOut.empty()) {  // the binary twin the page loads (no JSON parse before the first frame)
        std::ofstream bin(binaryOut, std::ios::binary);
        bin << bk::writeBinaryMap(check.value());
        if (!bin) { std::cerr << "bukchon-map: cannot write " << binaryOut << "\n"; return 1; }
    }
    std::printf("%s: %zu roads, %zu paths, %zu areas, %zu walls, %zu points of interest, %zu places, %zu blocks "
                "(%zu tiny, %zu sliver, %zu open faces dropped), %zu bytes\n",
                out.c_str(), stats.roads, stats.paths, stats.areas, stats.walls, stats.pois, stats.places, stats.blocks,
                stats.droppedTinyFaces, stats.droppedSliverFaces, stats.droppedOpenFaces, text.size());
    return 0;
}
