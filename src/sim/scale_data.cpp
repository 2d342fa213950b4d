// scale_data.cpp — the big-log generator: integer arithmetic and a seeded PRNG, formatted by hand for speed.
#include "scale_data.hpp"

#include "rng.hpp"
#include "time_util.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace bk {

uint64_t generateScaleCsv(const ScaleCsvOptions& opt, const std::function<void(std::string_view)>& sink) {
    Rng rng(opt.seed);
    struct Site { char id[12]; char lat[12]; char lon[12]; int phase, rate; };
    std::vector<Site> sites(opt.sensors);
    for (uint32_t i = 0; i < opt.sensors; ++i) {
        Site& s = sites[i];
        std::snprintf(s.id, sizeof s.id, "S%06u", i);
        // Spread over a ~10 km square around Seoul City Hall.
        std::snprintf(s.lat, sizeof s.lat, "%.6f", 37.52 + rng.uniform() * 0.09);
        std::snprintf(s.lon, sizeof s.lon, "%.6f", 126.93 + rng.uniform() * 0.11);
        s.phase = int(rng.next() % 1000);
        s.rate = 3 + int(rng.next() % 17);
    }
    std::string out = "time,sensor_id,lat,lon,fill,status\n";
    uint64_t bytes = 0, rows = 0;
    const int64_t start = *parseIsoTimeMs("2026-05-11T00:00:00Z");
    for (int64_t step = 0; bytes + out.size() < opt.targetBytes; ++step) {
        LocalTime t = toLocalTime(start + step * opt.stepSeconds * 1000, 0);
        char when[24];
        std::snprintf(when, sizeof when, "%04d-%02u-%02u %02d:%02d:%02d", t.year, t.month, t.day, t.hour, t.minute, t.second);
        for (uint32_t i = 0; i < opt.sensors && bytes + out.size() < opt.targetBytes; ++i) {
            const Site& s = sites[i];
            int fill10 = int((s.phase + step * s.rate) % 1000) + int(rng.next() % 21) - 10;  // tenths of a percent
            if (fill10 < 0) fill10 = 0;
            if (fill10 > 999) fill10 = 999;
            const char* status = fill10 < 500 ? "GREEN" : fill10 < 800 ? "YELLOW" : "RED";
            char row[96];
            int n = std::snprintf(row, sizeof row, "%s,%s,%s,%s,%d.%d,%s\n", when, s.id, s.lat, s.lon, fill10 / 10,
                                  fill10 % 10, status);
            out.append(row, size_t(n));
            ++rows;
            if (out.size() >= (1 << 20)) {
                bytes += out.size();
                sink(out);
                out.clear();
            }
        }
    }
    if (!out.empty()) sink(out);
    return rows;
}

}  // namespace bk
