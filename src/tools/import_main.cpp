// import_main.cpp — `bukchon-import`: sensor logs (CSV in any common encoding, workbooks, GeoJSON points) → a dataset folder.
//
//   bukchon-import [options] FILE... [-o OUTDIR]      (docs/import.md lists the options and detection rules)
// Writes OUTDIR/sensors.geojson, OUTDIR/recording.json and OUTDIR/import-report.txt, prints the report, and exits
// 0 when something was imported, 1 when nothing usable remains, 2 on a usage error. One FILE may be `-` (stdin);
// `--binary -o -` writes the .bkr to stdout. src/tools/cli_common.hpp has the shared manners.
#include "binary_format.hpp"
#include "cli_common.hpp"
#include "importer.hpp"
#include "quantity.hpp"
#include "recording_writer.hpp"

#include <sys/resource.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace cli = bk::cli;

const cli::Tool kTool{"bukchon-import",
    "usage: bukchon-import [options] FILE... [-o OUTDIR]\n"
    "  FILE: readings (CSV/TSV, an .xlsx or .ods workbook, or GeoJSON points with a time) and, optionally, sites\n"
    "        (id, lat, lon) in any order; one FILE may be - (standard input)\n"
    "  -o, --out DIR         output folder (default: imported); with --binary, - is standard output (the report\n"
    "                        then goes to stderr)\n"
    "  --timezone TZ         zone of times without an offset: +09:00, UTC-5, UTC, or a name like Asia/Seoul\n"
    "  --time-col C          column choices, by header name or 1-based number; every detected choice can be\n"
    "  --id-col C            overridden: --lat-col, --lon-col, --name-col, --metric-col, --type-col, --unit-col\n"
    "  --hour-col C          the time of day, when the time column holds dates alone (default: detected)\n"
    "  --value-col C[,C…]    the value columns (default: every column without another role)\n"
    "  --shape long|wide     table shape (default: long when there is an id column, else wide)\n"
    "  --time-format F       iso, local, us, dmy, compact, epoch-s, epoch-ms (default: detected)\n"
    "  --encoding E          utf-8, utf-16le, utf-16be, cp949 (default: detected)\n"
    "  --delimiter D         , ; tab | (default: detected)\n"
    "  --sheet NAME          the workbook sheet to read (default: the first sheet with data)\n"
    "  --type T              sensor type for every sensor: bin, parking, noise, footfall, air, fire, other\n"
    "  --metric M            metric name of a wide table's values (default: value)\n"
    "  --quantity M=Q        what metric or column M measures: pm25, pm10, noise, fill, occupancy, footfall,\n"
    "                        temperature, humidity, or none (default: recognised by name, unit and levels)\n"
    "  --levels C=A,B,C      ordered levels (lowest first) of a categorical column or metric; repeatable\n"
    "  --title T, --source S dataset title and source shown on the page; --simulated marks simulated data\n"
    "  --binary              write OUTDIR/recording.bkr (binary, sensors inside) instead of the two JSON files\n"
    "  -h, --help            this text\n"
    "  --version             the version\n"};

bool readFileInto(bk::Importer& importer, const std::string& path, std::string& error) {
    cli::InputFile f;
    if (!f.open(path, error)) return false;
    std::string name = cli::inputName(path);
    // GeoJSON is read whole; tables stream in 4 MiB chunks.
    std::vector<char> chunk(4 << 20);
    size_t n = f.read(chunk.data(), chunk.size());
    std::string_view head(chunk.data(), n);
    size_t i = head.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (i < n && std::strchr(" \t\r\n", head[i])) ++i;
    if (i < n && head[i] == '{') {
        std::string all(head);
        if (!f.readAll(all, error)) return false;
        importer.add(name, all);
        return true;
    }
    importer.begin(name);
    while (n > 0) {
        importer.feed(std::string_view(chunk.data(), n));
        n = f.read(chunk.data(), chunk.size());
    }
    importer.end();
    return !f.failed(error);
}

}  // namespace

int main(int argc, char** argv) {
    bk::ImportOptions opt;
    std::vector<std::string> files;
    std::string outDir = "imported";
    bool binary = false;
    for (cli::Args args(kTool, argc, argv); args.next();) {
        const std::string& a = args.arg();
        if (!args.isOption()) files.push_back(a);
        else if (a == "-o" || a == "--out") outDir = args.value();
        else if (a == "--timezone") opt.timeZone = args.value();
        else if (a == "--time-col") opt.timeColumn = args.value();
        else if (a == "--hour-col") opt.hourColumn = args.value();
        else if (a == "--id-col") opt.idColumn = args.value();
        else if (a == "--lat-col") opt.latColumn = args.value();
        else if (a == "--lon-col") opt.lonColumn = args.value();
        else if (a == "--name-col") opt.nameColumn = args.value();
        else if (a == "--metric-col") opt.metricColumn = args.value();
        else if (a == "--type-col") opt.typeColumn = args.value();
        else if (a == "--unit-col") opt.unitColumn = args.value();
        else if (a == "--value-col") {
            std::stringstream list(args.value());
            for (std::string v; std::getline(list, v, ',');) if (!v.empty()) opt.valueColumns.push_back(v);
        } else if (a == "--shape") {
            opt.shape = args.value();
            if (opt.shape != "long" && opt.shape != "wide") cli::usageError(kTool, "--shape is long or wide");
        } else if (a == "--time-format") {
            std::string f = args.value();
            opt.timeFormat = bk::timeFormatFromName(f);
            if (!opt.timeFormat) cli::usageError(kTool, "unknown --time-format " + f);
        } else if (a == "--encoding") {
            std::string e = args.value();
            opt.encoding = bk::encodingFromName(e);
            if (!opt.encoding) cli::usageError(kTool, "unknown --encoding " + e);
        } else if (a == "--delimiter") {
            std::string d = args.value();
            opt.delimiter = d == "tab" || d == "\\t" ? '\t' : d.size() == 1 ? d[0] : 0;
            if (!opt.delimiter) cli::usageError(kTool, "--delimiter is one character or tab");
        } else if (a == "--type") opt.sensorType = args.value();
        else if (a == "--metric") opt.metric = args.value();
        else if (a == "--sheet") opt.sheet = args.value();
        else if (a == "--levels") {
            std::string spec = args.value();
            size_t eq = spec.find('=');
            if (eq == std::string::npos || eq == 0) cli::usageError(kTool, "--levels is COLUMN=A,B,C");
            std::vector<std::string> levels;
            std::stringstream list(spec.substr(eq + 1));
            for (std::string v; std::getline(list, v, ',');) if (!v.empty()) levels.push_back(v);
            opt.levels[spec.substr(0, eq)] = levels;
        } else if (a == "--quantity") {
            std::string spec = args.value();
            size_t eq = spec.find('=');
            if (eq == std::string::npos || eq == 0 || !bk::quantityFromFlag(spec.substr(eq + 1)))
                cli::usageError(kTool, "--quantity is METRIC=Q, Q one of pm25, pm10, noise, fill, occupancy, "
                                       "footfall, temperature, humidity, none");
            opt.quantities[spec.substr(0, eq)] = spec.substr(eq + 1);
        } else if (a == "--title") opt.title = args.value();
        else if (a == "--source") opt.source = args.value();
        else if (a == "--simulated") opt.simulated = true;
        else if (a == "--binary") binary = true;
        else args.unknownOption();
    }
    if (files.empty()) cli::usageError(kTool, "");
    if (std::count_if(files.begin(), files.end(), cli::isStdio) > 1)
        cli::usageError(kTool, "only one FILE can be - (standard input)");
    bool toStdout = cli::isStdio(outDir);
    if (toStdout && !binary)
        cli::usageError(kTool, "-o - needs --binary: the JSON output is two files, the binary recording one");

    // A zone name (Area/City) comes from the system's time-zone database; offsets are understood by the core.
    if (opt.timeZone.find('/') != std::string::npos) {
        std::string path = "/usr/share/zoneinfo/" + opt.timeZone;
        std::ifstream tz(path, std::ios::binary);
        std::stringstream bytes;
        bytes << tz.rdbuf();
        if (!tz) cli::usageError(kTool, "unknown time zone " + opt.timeZone + " (no " + path + ")");
        auto zone = bk::TimeZone::fromTzif(bytes.str(), opt.timeZone);
        if (!zone) cli::usageError(kTool, zone.error().describe());
        opt.zone = zone.value();
    }

    bk::Importer importer(opt);
    for (const std::string& f : files) {
        std::string error;
        if (!readFileInto(importer, f, error)) return cli::fail(kTool, error);
    }
    bk::ImportResult result = importer.finish();
    std::string report = result.report.text();
    // The report is the output, unless the recording goes to stdout or nothing was imported (then it says why).
    std::fputs(report.c_str(), !result.dataset || toStdout ? stderr : stdout);
    if (!result.dataset) return cli::kExitFailure;

    if (binary) {
        std::string bytes = bk::writeBinaryRecording(*result.dataset);
        std::string bkrPath = toStdout ? outDir : outDir + "/recording.bkr";
        if (!toStdout) ::mkdir(outDir.c_str(), 0755);
        if (!cli::writeOutput(bkrPath, bytes) || (!toStdout && !cli::writeOutput(outDir + "/import-report.txt", report)))
            return cli::fail(kTool, "cannot write to " + cli::outputName(outDir));
        std::cerr << "wrote " << cli::outputName(bkrPath) << " (" << bytes.size() / 1024 << " KiB)\n";
        size_t withAttributes = 0;
        for (const bk::Sensor& s : result.dataset->sensors) withAttributes += !s.attributes.empty();
        if (withAttributes)  // the binary layout has no place for them yet (docs/formats.md)
            std::cerr << "note: the binary recording does not keep sensor attributes (" << withAttributes
                      << " sensors have them); the JSON output (without --binary) does\n";
        return 0;
    }
    ::mkdir(outDir.c_str(), 0755);
    std::string sensorsPath = outDir + "/sensors.geojson", recordingPath = outDir + "/recording.json";
    // The recording goes to disk in pieces: a big import never holds its whole text in memory.
    cli::OutputFile recordingOut;
    recordingOut.open(recordingPath);
    size_t recordingBytes = 0;
    bk::writeRecordingJson(*result.dataset, [&](std::string_view piece) {
        recordingOut.write(piece);
        recordingBytes += piece.size();
    });
    if (!recordingOut.close() || !cli::writeOutput(sensorsPath, bk::writeSensorsGeoJson(result.dataset->sensors)) ||
        !cli::writeOutput(outDir + "/import-report.txt", report))
        return cli::fail(kTool, "cannot write to " + outDir);
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::cerr << "wrote " << sensorsPath << " and " << recordingPath << " (" << recordingBytes / 1024
              << " KiB); peak memory " << usage.ru_maxrss / 1024 << " MiB\n";
    return 0;
}
