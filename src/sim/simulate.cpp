// simulate.cpp — the trial's services as a model: visitor rhythm → footfall → bins, noise, parking; air; fire.
//
// Sections: [1] time and place helpers  [2] per-type models  [3] JSON writer  [4] simulateRecording.
// Model documented in docs/simulation.md; keep the two in step.
#include "simulate.hpp"

#include "rng.hpp"
#include "time_util.hpp"

#include <algorithm>
#include <cstdio>
#include <deque>

namespace bk {

namespace {

// ---- [1] time and place helpers ---------------------------------------------------------------------------------

// Smooth bump: 1 at x = 0, falling to 0 at |x| ≥ 1. Polynomial, so results are bit-identical everywhere.
double bump(double x) {
    if (x <= -1 || x >= 1) return 0;
    double u = 1 - x * x;
    return u * u * u;
}

constexpr double kMetresPerDegLat = 111320.0;
constexpr double kCosSeoulLat = 0.79240;  // cos(37.58°), fixed so no libm is needed

double distanceSquaredM(LatLon a, LatLon b) {
    double dy = (a.lat - b.lat) * kMetresPerDegLat;
    double dx = (a.lon - b.lon) * kMetresPerDegLat * kCosSeoulLat;
    return dx * dx + dy * dy;
}

// Where visitors gather (../shared/BUKCHON.md): the Gahoe-dong hanok alleys, Anguk station, Samcheong-ro's
// cafés, Jeongdok library's lane, Gyedong-gil. `core` alleys fall under the special management zone's hours.
struct Hotspot { LatLon at; double weight; double radiusM; bool core; };
const Hotspot kHotspots[] = {
    {{37.5826, 126.9850}, 1.00, 330, true},   // Bukchon-ro 11-gil / Gahoe-dong 31
    {{37.5765, 126.9855}, 0.85, 300, false},  // Anguk station exits
    {{37.5818, 126.9808}, 0.65, 320, false},  // Samcheong-ro
    {{37.5808, 126.9830}, 0.50, 250, false},  // Bukchon-ro 5-gil, Jeongdok library
    {{37.5805, 126.9876}, 0.45, 280, false},  // Gyedong-gil
};

struct Site {
    double exposure = 0.15;  // 0.15 … 1: how much of the visitor stream passes here
    bool core = false;       // inside the special management zone's alleys
};

Site siteOf(LatLon p) {
    Site s;
    for (const Hotspot& h : kHotspots) {
        double d2 = distanceSquaredM(p, h.at);
        double e = h.weight * bump(d2 / (h.radiusM * h.radiusM) * 0.999);  // bump of squared distance: smooth
        s.exposure = std::max(s.exposure, e);
        if (h.core && d2 < 250.0 * 250.0) s.core = true;
    }
    return s;
}

// Visitors in Bukchon by local hour and weekday (0 = Monday): late-morning to afternoon peak, weekends busier,
// and in the core alleys the special management zone's tourist hours (10:00–17:00).
double visitorIntensity(int weekday, double hour, bool core, double dayFactor) {
    static const double kWeekday[7] = {0.95, 0.9, 0.95, 1.0, 1.15, 1.75, 1.6};
    double curve = bump((hour - 13.8) / 6.2) + 0.18 * bump((hour - 19.5) / 2.5);
    if (core && (hour < 10 || hour >= 17)) curve *= 0.3;
    return curve * kWeekday[weekday] * dayFactor;
}

struct Grid {
    int64_t startMs;
    int64_t stepMs;
    int count;
    int stepsPerDay;
    int firstWeekday;  // 0 = Monday
    int weekdayAt(int i) const { return (dayAt(i) + firstWeekday) % 7; }
    double hourAt(int i) const { return double(i % stepsPerDay) * 24.0 / stepsPerDay; }
    int dayAt(int i) const { return i / stepsPerDay; }
    int64_t timeAt(int i) const { return startMs + stepMs * i; }
};

struct EventOut { int64_t timeMs; std::string sensor, kind; double value; std::string note; };
struct SeriesOut { std::string sensor, metric, unit; bool step; int decimals; std::vector<double> values; };

struct Output {
    std::deque<SeriesOut> series;  // a deque: references from add() stay valid as more series are added
    std::vector<EventOut> events;
    SeriesOut& add(const Sensor& s, const char* metric, const char* unit, int decimals, bool step, int n) {
        series.push_back({s.id, metric, unit, step, decimals, std::vector<double>(size_t(n))});
        return series.back();
    }
};

// ---- [2] per-type models -------------------------------------------------------------------------------------

std::vector<double> footfallAt(const Site& site, const Grid& g, const std::vector<double>& dayFactor, Rng& rng) {
    std::vector<double> v(size_t(g.count));
    double walk = 0;
    for (int i = 0; i < g.count; ++i) {
        walk = walk * 0.8 + 0.2 * rng.normal();
        double base = 1400 * site.exposure * visitorIntensity(g.weekdayAt(i), g.hourAt(i), site.core, dayFactor[g.dayAt(i)]);
        v[i] = std::max(0.0, base * (1 + 0.12 * walk) + 15 + 6 * rng.uniform());
    }
    return v;
}

void simulateFootfall(const Sensor& s, const Site& site, const Grid& g, const std::vector<double>& dayFactor, Rng rng,
                      Output& out) {
    out.add(s, "footfall", "people/h", 0, false, g.count).values = footfallAt(site, g, dayFactor, rng);
}

void simulateNoise(const Sensor& s, const Site& site, const Grid& g, const std::vector<double>& dayFactor, Rng rng,
                   Output& out) {
    std::vector<double> people = footfallAt(site, g, dayFactor, rng);
    SeriesOut& noise = out.add(s, "noise", "dB", 1, false, g.count);
    int over = 0;
    double peak = 0;
    for (int i = 0; i < g.count; ++i) {
        double h = g.hourAt(i);
        double ambient = 37 + 5 * bump((h - 14) / 9);                 // city hum, louder by day
        double crowd = 15 * std::min(1.3, people[i] / 1100);          // voices and footsteps
        double burst = rng.chance(0.03) ? rng.range(3, 9) : 0;         // a tour group, a delivery scooter
        double db = ambient + crowd + burst + 1.2 * rng.normal();
        noise.values[i] = db;
        // Korean residential standard: 55 dB by day (06–22), 45 dB at night; a violation is ≥ 10 minutes over.
        double limit = (h >= 6 && h < 22) ? 55 : 45;
        if (db > limit) {
            ++over;
            peak = std::max(peak, db);
            if (over * g.stepMs >= 600000 && over * g.stepMs < 600000 + g.stepMs) {
                char note[64];
                std::snprintf(note, sizeof note, "over the %.0f dB limit for 10 min", limit);
                out.events.push_back({g.timeAt(i), s.id, "noise_violation", db, note});
            }
        } else {
            over = 0;
            peak = 0;
        }
    }
}

// CleanCUBE-like bin: fills with nearby footfall; the solar compactor presses at 85% (sawtooth). Fill-driven
// collection: rounds at 06:00 and 15:00 empty only the bins that are ≥ 65% full or predicted (from their recent
// fill rate) to reach 92% before the next round. `surge` adds a street event's waste (Saturday evening).
void simulateBin(const Sensor& s, const Site& site, const Grid& g, const std::vector<double>& dayFactor, bool surge,
                 Rng rng, Output& out) {
    std::vector<double> people = footfallAt(site, g, dayFactor, rng);
    SeriesOut& fill = out.add(s, "fill", "%", 1, false, g.count);
    SeriesOut& compactions = out.add(s, "compactions", "count", 0, true, g.count);
    SeriesOut& battery = out.add(s, "battery", "%", 1, false, g.count);
    SeriesOut& temp = out.add(s, "temperature", "°C", 1, false, g.count);
    double level = rng.range(10, 40), bat = rng.range(70, 90);
    int pressed = 0, pressedTotal = 0;
    bool overflowing = false;
    const double stepH = double(g.stepMs) / 3600000.0;
    std::vector<double> inflowHistory;  // per step, for the fill-rate forecast
    for (int i = 0; i < g.count; ++i) {
        double h = g.hourAt(i);
        int minuteOfDay = int(h * 60 + 0.5);
        bool morning = minuteOfDay == 6 * 60, afternoon = minuteOfDay == 15 * 60;
        if (morning || afternoon) {
            // Forecast to the next round from the last two hours' rate; overnight waste comes slower.
            size_t n = std::min<size_t>(inflowHistory.size(), size_t(2.0 / stepH));
            double recent = 0;
            for (size_t k = inflowHistory.size() - n; k < inflowHistory.size(); ++k) recent += inflowHistory[k];
            double ratePerH = n ? recent / (double(n) * stepH) : 0;
            double predicted = level + ratePerH * (morning ? 9.0 * 1.1 : 15.0 * 0.3);
            if (level >= 65 || predicted >= 92) {
                out.events.push_back({g.timeAt(i), s.id, "collection", level, "fill-driven round"});
                level = 0;
                pressed = 0;
                overflowing = false;
            }
        }
        double inflow = people[i] * 0.010 * stepH * rng.range(0.7, 1.3);
        if (surge && g.weekdayAt(i) == 5 && h >= 16 && h < 20) inflow += 4.0;  // a street performance's crowd
        inflowHistory.push_back(inflow);
        level += inflow;
        if (level >= 85 && pressed < 5) {
            ++pressed;
            ++pressedTotal;
            level = 22 + 13 * pressed;   // compacted waste takes ever more room
            bat -= 1.5;
        }
        if (level >= 100) {
            level = 100;
            if (!overflowing) out.events.push_back({g.timeAt(i), s.id, "overflow", 100, "full before collection"});
            overflowing = true;
        }
        double sun = bump((h - 13) / 6);
        bat = std::clamp(bat + 2.2 * sun * stepH * 4 - 0.15 * stepH * 4, 5.0, 100.0);
        fill.values[i] = level;
        compactions.values[i] = pressedTotal;
        battery.values[i] = bat;
        temp.values[i] = 13 + 9 * sun + 4 * sun * sun + 0.4 * rng.normal();
    }
}

// Parking lot: residents parked overnight, leaving on weekday mornings; visitors by day with the crowd.
// A lot with capacity 0 is a no-parking stretch watched for illegal stops.
void simulateParking(const Sensor& s, const Site& site, const Grid& g, const std::vector<double>& dayFactor, Rng rng,
                     Output& out) {
    int n = g.count;
    if (s.capacity <= 0) {
        SeriesOut& stopped = out.add(s, "stopped", "vehicles", 0, true, n);
        int current = 0, since = 0;
        for (int i = 0; i < n; ++i) {
            double vis = visitorIntensity(g.weekdayAt(i), g.hourAt(i), false, dayFactor[g.dayAt(i)]);
            if (current > 0 && rng.chance(0.45)) current = std::max(0, current - 1);
            if (rng.chance(0.008 + 0.09 * vis)) ++current;
            current = std::min(current, 4);
            since = current > 0 ? since + 1 : 0;
            if (since == 2) out.events.push_back({g.timeAt(i), s.id, "illegal_stop", double(current), "stopped over 5 min"});
            stopped.values[i] = current;
        }
        return;
    }
    SeriesOut& occ = out.add(s, "occupied", "spaces", 0, true, n);
    double cap = s.capacity;
    double residents = cap * rng.range(0.55, 0.75);
    for (int i = 0; i < n; ++i) {
        int wd = g.weekdayAt(i);
        double h = g.hourAt(i);
        double away = wd < 5 ? bump((h - 13) / 6) * 0.65 : bump((h - 14) / 5) * 0.3;  // residents out by day
        double vis = visitorIntensity(wd, h, false, dayFactor[g.dayAt(i)]) * (0.35 + 0.5 * site.exposure);
        double v = residents * (1 - away) + cap * 0.8 * vis + rng.normal() * 0.6;
        occ.values[i] = std::clamp(double(int64_t(v + 0.5)), 0.0, cap);
    }
}

// Air: PM2.5 with rush-hour bumps and one bad-air (fine dust) day; PM10, temperature and humidity alongside.
void simulateAir(const Sensor& s, const Grid& g, int badAirDay, Rng rng, Output& out) {
    SeriesOut& pm25 = out.add(s, "pm25", "µg/m³", 1, false, g.count);
    SeriesOut& pm10 = out.add(s, "pm10", "µg/m³", 1, false, g.count);
    SeriesOut& temp = out.add(s, "temperature", "°C", 1, false, g.count);
    SeriesOut& hum = out.add(s, "humidity", "%", 0, false, g.count);
    double walk = 0;
    for (int i = 0; i < g.count; ++i) {
        double h = g.hourAt(i);
        int day = g.dayAt(i);
        walk = walk * 0.97 + 0.5 * rng.normal();
        double dust = day == badAirDay ? 58 * bump((h - 13) / 9) : (day == badAirDay + 1 ? 18 * bump((h - 4) / 8) : 0);
        double v = 11 + 6 * bump((h - 8.5) / 2.5) + 5 * bump((h - 19) / 3) + dust + walk;
        pm25.values[i] = std::max(1.0, v);
        pm10.values[i] = std::max(2.0, v * 1.7 + 4 + 2 * rng.normal());
        double sun = bump((h - 15) / 8);
        temp.values[i] = 13.5 + 10 * sun + 0.3 * rng.normal();
        hum.values[i] = std::clamp(78 - 35 * sun + 2 * rng.normal(), 15.0, 100.0);
    }
}

// Hanok fire safety: indoor temperature, smoke and humidity. `alarmAt`/`falseAlarmAt` are step indices or -1.
void simulateFire(const Sensor& s, const Grid& g, int alarmAt, int falseAlarmAt, Rng rng, Output& out) {
    SeriesOut& temp = out.add(s, "temperature", "°C", 1, false, g.count);
    SeriesOut& smoke = out.add(s, "smoke", "%/m", 2, false, g.count);
    SeriesOut& hum = out.add(s, "humidity", "%", 0, false, g.count);
    for (int i = 0; i < g.count; ++i) {
        double h = g.hourAt(i);
        double t = 19 + 3 * bump((h - 16) / 8) + 0.3 * rng.normal();
        double sm = std::max(0.0, 0.05 + 0.02 * rng.normal());
        if (alarmAt >= 0 && i >= alarmAt && i < alarmAt + 10) {
            double k = double(i - alarmAt);
            t += k < 3 ? 16 * (k + 1) : std::max(0.0, 48 - 7 * (k - 2));
            sm += k < 4 ? 2.5 * (k + 1) : std::max(0.0, 10 - 2.2 * (k - 3));
        }
        if (falseAlarmAt >= 0 && i >= falseAlarmAt && i < falseAlarmAt + 2) sm += 3.2;  // steam from a kitchen
        temp.values[i] = t;
        smoke.values[i] = sm;
        hum.values[i] = std::clamp(52 + 8 * rng.normal() * 0.5 + (i >= falseAlarmAt && i < falseAlarmAt + 2 ? 25 : 0), 20.0, 100.0);
    }
    if (alarmAt >= 0) {
        out.events.push_back({g.timeAt(alarmAt + 1), s.id, "fire_alarm", temp.values[size_t(alarmAt + 1)],
                              "heat and smoke: fire service alerted"});
        out.events.push_back({g.timeAt(alarmAt + 9), s.id, "alarm_cleared", temp.values[size_t(alarmAt + 9)],
                              "extinguished, readings normal"});
    }
    if (falseAlarmAt >= 0)
        out.events.push_back({g.timeAt(falseAlarmAt), s.id, "false_alarm", smoke.values[size_t(falseAlarmAt)],
                              "smoke sensor: cooking steam, no fire"});
}

// ---- [3] JSON writer (fixed formatting: the bytes are the contract) -----------------------------------------------

void appendEscaped(std::string& out, const std::string& s) {
    out += '"';
    for (char c : s) {
        if (c == '"' || c == '\\') { out += '\\'; out += c; }
        else if (static_cast<unsigned char>(c) < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); out += b; }
        else out += c;
    }
    out += '"';
}

void appendNumber(std::string& out, double v, int decimals) {
    char b[32];
    std::snprintf(b, sizeof b, "%.*f", decimals, v);
    if (std::string(b) == "-0" || std::string(b) == "-0.0" || std::string(b) == "-0.00") std::snprintf(b, sizeof b, "%.*f", decimals, 0.0);
    out += b;
}

}  // namespace

// ---- [4] simulateRecording ----------------------------------------------------------------------------------

std::string simulateRecording(const std::vector<Sensor>& sensors, const SimOptions& opt, std::string* error) {
    auto start = parseIsoTimeMs(opt.startLocalDate + "T00:00:00+09:00");
    if (!start) { if (error) *error = "start date must be YYYY-MM-DD, got \"" + opt.startLocalDate + "\""; return {}; }
    if (opt.days < 1 || opt.days > 366) { if (error) *error = "days must be 1…366"; return {}; }
    if (opt.stepSeconds < 60 || 86400 % opt.stepSeconds != 0) {
        if (error) *error = "step must be at least 60 s and divide a day evenly";
        return {};
    }
    // The weekday model follows the real calendar from whatever date the week starts on (Monday = 0).
    int firstWeekday = (toLocalTime(*start, kKstOffsetMinutes).weekday + 6) % 7;
    Grid g{*start, int64_t(opt.stepSeconds) * 1000, opt.days * 86400 / opt.stepSeconds, 86400 / opt.stepSeconds,
           firstWeekday};
    Rng root(opt.seed);
    Rng dayRng = root.fork("days");
    std::vector<double> dayFactor(size_t(opt.days));
    for (double& f : dayFactor) f = 1 + 0.08 * dayRng.normal();

    // The street event's bin: the one most exposed to the visitor stream.
    std::string surgeBin;
    double surgeExposure = -1;
    for (const Sensor& s : sensors)
        if (s.type == SensorType::bin && siteOf(s.position).exposure > surgeExposure) {
            surgeExposure = siteOf(s.position).exposure;
            surgeBin = s.id;
        }
    Output out;
    int fireIndex = 0, fireCount = 0;
    for (const Sensor& s : sensors) fireCount += s.type == SensorType::fire;
    const int badAirDay = std::min((2 - firstWeekday + 7) % 7, opt.days - 1);  // the week's Wednesday
    for (const Sensor& s : sensors) {
        Rng rng = root.fork(s.id);
        Site site = siteOf(s.position);
        switch (s.type) {
            case SensorType::footfall: simulateFootfall(s, site, g, dayFactor, rng, out); break;
            case SensorType::noise: simulateNoise(s, site, g, dayFactor, rng, out); break;
            case SensorType::bin: simulateBin(s, site, g, dayFactor, s.id == surgeBin, rng, out); break;
            case SensorType::parking: simulateParking(s, site, g, dayFactor, rng, out); break;
            case SensorType::air: simulateAir(s, g, badAirDay, rng, out); break;
            case SensorType::fire: {
                // One real alarm (day 5, 19:40) and one false alarm (day 2, 07:15) in the week, at different hanoks;
                // a shorter recording keeps them on its last day.
                int alarmAt = -1, falseAt = -1;
                if (fireIndex == std::min(2, fireCount - 1))
                    alarmAt = std::min(4, opt.days - 1) * g.stepsPerDay + (19 * 60 + 40) * 60 / opt.stepSeconds;
                if (fireIndex == std::min(4, fireCount - 1) && fireCount > 1)
                    falseAt = std::min(1, opt.days - 1) * g.stepsPerDay + (7 * 60 + 15) * 60 / opt.stepSeconds;
                simulateFire(s, g, alarmAt, falseAt, rng, out);
                ++fireIndex;
                break;
            }
            default: break;
        }
    }
    std::stable_sort(out.events.begin(), out.events.end(),
                     [](const EventOut& a, const EventOut& b) { return a.timeMs < b.timeMs; });

    std::string j;
    j.reserve(4 << 20);
    j += "{\n\"format\": \"bukchon-recording\",\n\"version\": 1,\n";
    j += "\"title\": \"Bukchon IoT trial — simulated week\",\n";
    j += "\"title_ko\": \"북촌 IoT 실증 — 시뮬레이션 1주일\",\n";
    j += "\"source\": \"SIMULATED by bukchon-simulate (seed " + std::to_string(opt.seed) +
         "): a model of the 2015– trial's services, not measured data. See docs/simulation.md.\",\n";
    j += "\"source_ko\": \"bukchon-simulate(시드 " + std::to_string(opt.seed) +
         ")로 만든 시뮬레이션: 2015년부터의 실증 서비스를 본뜬 모델이며 실측 데이터가 아닙니다. docs/simulation.md 참고.\",\n";
    j += "\"simulated\": true,\n\"utc_offset\": \"+09:00\",\n";
    j += "\"start\": \"" + formatIsoTime(g.startMs, kKstOffsetMinutes) + "\",\n";
    j += "\"end\": \"" + formatIsoTime(g.startMs + int64_t(opt.days) * 86400000, kKstOffsetMinutes) + "\",\n";
    j += "\"series\": [\n";
    for (size_t k = 0; k < out.series.size(); ++k) {
        const SeriesOut& s = out.series[k];
        j += "{\"sensor\": ";
        appendEscaped(j, s.sensor);
        j += ", \"metric\": ";
        appendEscaped(j, s.metric);
        j += ", \"unit\": ";
        appendEscaped(j, s.unit);
        if (s.step) j += ", \"interpolation\": \"step\"";
        j += ", \"start\": \"" + formatIsoTime(g.startMs, kKstOffsetMinutes) + "\", \"step_s\": " +
             std::to_string(opt.stepSeconds) + ",\n \"values\": [";
        for (size_t i = 0; i < s.values.size(); ++i) {
            if (i) j += ',';
            appendNumber(j, s.values[i], s.decimals);
        }
        j += k + 1 < out.series.size() ? "]},\n" : "]}\n";
    }
    j += "],\n\"events\": [\n";
    for (size_t k = 0; k < out.events.size(); ++k) {
        const EventOut& e = out.events[k];
        j += "{\"time\": \"" + formatIsoTime(e.timeMs, kKstOffsetMinutes) + "\", \"sensor\": ";
        appendEscaped(j, e.sensor);
        j += ", \"kind\": ";
        appendEscaped(j, e.kind);
        j += ", \"value\": ";
        appendNumber(j, e.value, 1);
        j += ", \"note\": ";
        appendEscaped(j, e.note);
        j += k + 1 < out.events.size() ? "},\n" : "}\n";
    }
    j += "]\n}\n";
    return j;
}

}  // namespace bk
