// simulate_main.cpp — `bukchon-simulate`: regenerates the shipped (simulated) recording from the sensor sites.
//
//   bukchon-simulate SENSORS.geojson OUT.json [--seed N] [--start YYYY-MM-DD] [--days N] [--step-s N]
// Either file may be `-` (stdin, stdout); src/tools/cli_common.hpp has the shared manners.
#include "cli_common.hpp"
#include "dataset.hpp"
#include "simulate.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace {

namespace cli = bk::cli;

const cli::Tool kTool{"bukchon-simulate",
    "usage: bukchon-simulate SENSORS.geojson OUT.json [--seed N] [--start YYYY-MM-DD] [--days N] [--step-s N]\n"
    "  SENSORS.geojson may be - (standard input), OUT.json - (standard output; the summary then goes to stderr)\n"
    "  --seed N              any number; the default (20150101) makes the shipped recording\n"
    "  --start YYYY-MM-DD    the first local day (default 2026-05-11)\n"
    "  --days N              how many days (default 7)\n"
    "  --step-s N            seconds between readings (default 300)\n"
    "  -h, --help            this text\n"
    "  --version             the version\n"};

}  // namespace

int main(int argc, char** argv) {
    bk::SimOptions opt;
    std::vector<std::string> operands;
    for (cli::Args args(kTool, argc, argv); args.next();) {
        const std::string& a = args.arg();
        if (!args.isOption()) operands.push_back(a);
        else if (a == "--seed") opt.seed = args.count();
        else if (a == "--start") opt.startLocalDate = args.value();
        else if (a == "--days") opt.days = int(args.count());
        else if (a == "--step-s") opt.stepSeconds = int(args.count());
        else args.unknownOption();
    }
    if (operands.size() != 2) cli::wrongOperands(kTool, operands.size(), "SENSORS.geojson and OUT.json");
    const std::string &sensorsPath = operands[0], &outPath = operands[1];

    std::string text, error;
    if (!cli::readInput(sensorsPath, text, error)) return cli::fail(kTool, error);
    auto sensors = bk::loadSensors(text, cli::inputName(sensorsPath));
    if (!sensors) return cli::fail(kTool, sensors.error().describe());
    std::string json = bk::simulateRecording(sensors.value(), opt, &error);
    if (json.empty()) return cli::fail(kTool, error);
    // Round trip through the viewer's own loader: never ship a recording the viewer would reject.
    auto check = bk::loadRecording(json, cli::outputName(outPath), sensors.value());
    if (!check) return cli::fail(kTool, "generated recording does not load: " + check.error().describe());
    if (!cli::writeOutput(outPath, json)) return cli::fail(kTool, "cannot write " + cli::outputName(outPath));
    std::fprintf(cli::summaryStream(outPath), "%s: %zu sensors, %zu series, %zu readings, %zu events, %zu bytes\n",
                 cli::outputName(outPath).c_str(), sensors->size(), check->series.size(), check->readingCount(),
                 check->events.size(), json.size());
    return 0;
}
