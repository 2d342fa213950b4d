// simulate_main.cpp — `bukchon-simulate`: regenerates the shipped (simulated) recording from the sensor sites.
//
//   bukchon-simulate SENSORS.geojson OUT.json [--seed N] [--start YYYY-MM-DD] [--days N] [--step-s N]
#include "dataset.hpp"
#include "simulate.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: bukchon-simulate SENSORS.geojson OUT.json [--seed N] [--start YYYY-MM-DD] [--days N] "
                     "[--step-s N]\n";
        return 2;
    }
    bk::SimOptions opt;
    for (int i = 3; i + 1 < argc; i += 2) {
        std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--seed") opt.seed = std::strtoull(value.c_str(), nullptr, 10);
        else if (flag == "--start") opt.startLocalDate = value;
        else if (flag == "--days") opt.days = std::atoi(value.c_str());
        else if (flag == "--step-s") opt.stepSeconds = std::atoi(value.c_str());
        else { std::cerr << "unknown option " << flag << "\n"; return 2; }
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) { std::cerr << "cannot read " << argv[1] << "\n"; return 1; }
    std::stringstream text;
    text << in.rdbuf();
    auto sensors = bk::loadSensors(text.str(), argv[1]);
    if (!sensors) { std::cerr << sensors.error().describe() << "\n"; return 1; }
    std::string error;
    std::string json = bk::simulateRecording(sensors.value(), opt, &error);
    if (json.empty()) { std::cerr << "bukchon-simulate: " << error << "\n"; return 1; }
    // Round trip through the viewer's own loader: never ship a recording the viewer would reject.
    auto check = bk::loadRecording(json, argv[2], sensors.value());
    if (!check) { std::cerr << "generated recording does not load: " << check.error().describe() << "\n"; return 1; }
    std::ofstream out(argv[2], std::ios::binary);
    out << json;
    if (!out) { std::cerr << "cannot write " << argv[2] << "\n"; return 1; }
    std::printf("%s: %zu sensors, %zu series, %zu readings, %zu events, %zu bytes\n", argv[2], sensors->size(),
                check->series.size(), check->readingCount(), check->events.size(), json.size());
    return 0;
}
