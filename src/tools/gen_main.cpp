// gen_main.cpp — `bukchon-gen`: deterministic synthetic datasets for benchmarks (never shipped as data).
//
//   bukchon-gen csv OUT.csv [--mb N] [--sensors N] [--seed N]     a big long-shape sensor log to import
//   bukchon-gen scale OUT.bkr [--sensors N] [--readings N]         the replay benchmark's dataset (binary)
#include "binary_format.hpp"
#include "scale_data.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
    if (argc >= 3 && std::strcmp(argv[1], "scale") == 0) {
        bk::ScaleDatasetOptions opt;
        for (int i = 3; i + 1 < argc; i += 2) {
            std::string flag = argv[i];
            unsigned long v = std::strtoul(argv[i + 1], nullptr, 10);
            if (flag == "--sensors") opt.sensors = uint32_t(v);
            else if (flag == "--readings") opt.readings = uint32_t(v);
            else { std::fprintf(stderr, "bukchon-gen: unknown option %s\n", flag.c_str()); return 2; }
        }
        std::string bytes = bk::writeBinaryRecording(bk::generateScaleDataset(opt));
        FILE* f = std::fopen(argv[2], "wb");
        if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() || std::fclose(f) != 0) {
            std::fprintf(stderr, "bukchon-gen: cannot write %s\n", argv[2]);
            return 1;
        }
        std::printf("%s: %u sensors × %u readings, %zu bytes\n", argv[2], opt.sensors, opt.readings, bytes.size());
        return 0;
    }
    if (argc < 3 || std::strcmp(argv[1], "csv") != 0) {
        std::fprintf(stderr, "usage: bukchon-gen csv OUT.csv [--mb N] [--sensors N] [--seed N]\n"
                             "       bukchon-gen scale OUT.bkr [--sensors N] [--readings N]\n");
        return 2;
    }
    bk::ScaleCsvOptions opt;
    for (int i = 3; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        unsigned long long v = std::strtoull(argv[i + 1], nullptr, 10);
        if (flag == "--mb") opt.targetBytes = v << 20;
        else if (flag == "--sensors") opt.sensors = uint32_t(v);
        else if (flag == "--seed") opt.seed = v;
        else { std::fprintf(stderr, "bukchon-gen: unknown option %s\n", flag.c_str()); return 2; }
    }
    FILE* f = std::fopen(argv[2], "wb");
    if (!f) { std::fprintf(stderr, "bukchon-gen: cannot write %s\n", argv[2]); return 1; }
    uint64_t rows = bk::generateScaleCsv(opt, [&](std::string_view piece) { std::fwrite(piece.data(), 1, piece.size(), f); });
    bool ok = std::fclose(f) == 0;
    std::printf("%s: %llu rows, %u sensors\n", argv[2], (unsigned long long)rows, opt.sensors);
    return ok ? 0 : 1;
}
