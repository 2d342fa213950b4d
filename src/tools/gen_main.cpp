// gen_main.cpp — `bukchon-gen`: deterministic synthetic datasets for benchmarks (never shipped as data).
//
//   bukchon-gen csv OUT.csv [--mb N] [--sensors N] [--seed N]     a big long-shape sensor log to import
//   bukchon-gen scale OUT.bkr [--sensors N] [--readings N]         the replay benchmark's dataset (binary)
// OUT may be `-` (stdout); src/tools/cli_common.hpp has the shared manners.
#include "binary_format.hpp"
#include "cli_common.hpp"
#include "scale_data.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace {

namespace cli = bk::cli;

const cli::Tool kTool{"bukchon-gen",
    "usage: bukchon-gen csv OUT.csv [--mb N] [--sensors N] [--seed N]     a big long-shape sensor log to import\n"
    "       bukchon-gen scale OUT.bkr [--sensors N] [--readings N]         the replay benchmark's dataset (binary)\n"
    "  OUT may be - (standard output; the summary then goes to stderr)\n"
    "  --mb N          csv: stop after about N MiB (default 1024)\n"
    "  --sensors N     sensors (default: csv 10000, scale 100000)\n"
    "  --seed N        csv: the random seed (default 7)\n"
    "  --readings N    scale: readings per sensor (default 96)\n"
    "  -h, --help      this text\n"
    "  --version       the version\n"};

}  // namespace

int main(int argc, char** argv) {
    bk::ScaleCsvOptions csv;
    bk::ScaleDatasetOptions scale;
    std::vector<std::string> operands;
    std::string csvOption, scaleOption;  // an option given that only that kind understands
    for (cli::Args args(kTool, argc, argv); args.next();) {
        const std::string& a = args.arg();
        if (!args.isOption()) operands.push_back(a);
        else if (a == "--sensors") csv.sensors = scale.sensors = uint32_t(args.count());
        else if (a == "--mb") { csvOption = a; csv.targetBytes = args.count() << 20; }
        else if (a == "--seed") { csvOption = a; csv.seed = args.count(); }
        else if (a == "--readings") { scaleOption = a; scale.readings = uint32_t(args.count()); }
        else args.unknownOption();
    }
    if (operands.size() != 2) cli::wrongOperands(kTool, operands.size(), "csv OUT.csv or scale OUT.bkr");
    const std::string &mode = operands[0], &outPath = operands[1];
    if (mode != "csv" && mode != "scale") cli::usageError(kTool, "unknown kind '" + mode + "' (csv or scale)");
    const std::string& foreign = mode == "csv" ? scaleOption : csvOption;
    if (!foreign.empty()) cli::usageError(kTool, foreign + " is not an option of bukchon-gen " + mode);

    cli::OutputFile out;
    if (!out.open(outPath)) return cli::fail(kTool, "cannot write " + outPath);
    if (mode == "scale") {
        std::string bytes = bk::writeBinaryRecording(bk::generateScaleDataset(scale));
        out.write(bytes);
        if (!out.close()) return cli::fail(kTool, "cannot write " + cli::outputName(outPath));
        std::fprintf(cli::summaryStream(outPath), "%s: %u sensors × %u readings, %zu bytes\n",
                     cli::outputName(outPath).c_str(), scale.sensors, scale.readings, bytes.size());
        return 0;
    }
    uint64_t rows = bk::generateScaleCsv(csv, [&](std::string_view piece) { out.write(piece); });
    if (!out.close()) return cli::fail(kTool, "cannot write " + cli::outputName(outPath));
    std::fprintf(cli::summaryStream(outPath), "%s: %llu rows, %u sensors\n", cli::outputName(outPath).c_str(),
                 (unsigned long long)rows, csv.sensors);
    return 0;
}
