// convert_main.cpp — `bukchon-convert`: JSON dataset (sensors + recording) ⇄ binary recording (.bkr).
//
//   bukchon-convert SENSORS.geojson RECORDING.json OUT.bkr     to binary (sensors inside)
//   bukchon-convert IN.bkr OUTDIR                              back to sensors.geojson + recording.json
#include "binary_format.hpp"
#include "dataset.hpp"
#include "recording_writer.hpp"
#include "sensors.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {
bool readFile(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::stringstream s;
    s << in.rdbuf();
    out = s.str();
    return true;
}
bool writeFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    return bool(out);
}
std::string baseName(const std::string& path) {
    size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}
}  // namespace

int main(int argc, char** argv) {
    if (argc == 4) {
        std::string sensorsText, recordingText;
        if (!readFile(argv[1], sensorsText) || !readFile(argv[2], recordingText)) {
            std::cerr << "bukchon-convert: cannot read " << argv[1] << " or " << argv[2] << "\n";
            return 1;
        }
        auto sensors = bk::loadSensors(sensorsText, baseName(argv[1]));
        if (!sensors) { std::cerr << sensors.error().describe() << "\n"; return 1; }
        auto d = bk::loadRecording(recordingText, baseName(argv[2]), std::move(sensors.value()));
        if (!d) { std::cerr << d.error().describe() << "\n"; return 1; }
        std::string bytes = bk::writeBinaryRecording(d.value());
        if (!writeFile(argv[3], bytes)) { std::cerr << "bukchon-convert: cannot write " << argv[3] << "\n"; return 1; }
        std::printf("%s: %zu sensors, %zu readings, %zu bytes (%.2f bytes a reading; JSON was %zu)\n", argv[3],
                    d->sensors.size(), d->readingCount(), bytes.size(), double(bytes.size()) / double(d->readingCount()),
                    recordingText.size());
        return 0;
    }
    if (argc == 3) {
        std::string bytes;
        if (!readFile(argv[1], bytes)) { std::cerr << "bukchon-convert: cannot read " << argv[1] << "\n"; return 1; }
        auto d = bk::loadBinaryRecording(bytes, baseName(argv[1]));
        if (!d) { std::cerr << d.error().describe() << "\n"; return 1; }
        std::string dir = argv[2];
        ::mkdir(dir.c_str(), 0755);
        if (!writeFile(dir + "/sensors.geojson", bk::writeSensorsGeoJson(d->sensors)) ||
            !writeFile(dir + "/recording.json", bk::writeRecordingJson(d.value()))) {
            std::cerr << "bukchon-convert: cannot write to " << dir << "\n";
            return 1;
        }
        std::printf("%s: sensors.geojson and recording.json\n", dir.c_str());
        return 0;
    }
    std::cerr << "usage: bukchon-convert SENSORS.geojson RECORDING.json OUT.bkr   (to binary)\n"
                 "       bukchon-convert IN.bkr OUTDIR                          (back to JSON)\n";
    return 2;
}
