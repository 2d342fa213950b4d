// convert_main.cpp — `bukchon-convert`: JSON dataset (sensors + recording) ⇄ binary recording (.bkr).
//
//   bukchon-convert SENSORS.geojson RECORDING.json OUT.bkr     to binary (sensors inside)
//   bukchon-convert IN.bkr OUTDIR                              back to sensors.geojson + recording.json
// One input may be `-` (stdin), and OUT.bkr may be `-` (stdout); src/tools/cli_common.hpp has the shared manners.
#include "binary_format.hpp"
#include "cli_common.hpp"
#include "dataset.hpp"
#include "recording_writer.hpp"
#include "sensors.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <string>
#include <vector>

namespace {

namespace cli = bk::cli;

const cli::Tool kTool{"bukchon-convert",
    "usage: bukchon-convert SENSORS.geojson RECORDING.json OUT.bkr   (to binary, sensors inside)\n"
    "       bukchon-convert IN.bkr OUTDIR                          (back to sensors.geojson + recording.json)\n"
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

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> operands;
    for (cli::Args args(kTool, argc, argv); args.next();) {
        if (args.isOption()) args.unknownOption();
        operands.push_back(args.arg());
    }
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
