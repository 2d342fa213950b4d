// recording_writer.cpp — compact, line-per-series JSON output for sensors and recordings.
#include "recording_writer.hpp"

#include "time_util.hpp"

#include <cmath>
#include <cstdio>

namespace bk {

void appendJsonString(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') { out += '\\'; out += c; }
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (u < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", u); out += b; }
        else out += c;
    }
    out += '"';
}

namespace {

void appendDouble(std::string& out, double v, const char* format) {
    char b[40];
    std::snprintf(b, sizeof b, format, v);
    out += b;
}

void appendKey(std::string& out, const char* key) {
    out += '"';
    out += key;
    out += "\": ";
}

}  // namespace

std::string writeSensorsGeoJson(const std::vector<Sensor>& sensors) {
    std::string out = "{\"type\": \"FeatureCollection\", \"features\": [\n";
    for (size_t i = 0; i < sensors.size(); ++i) {
        const Sensor& s = sensors[i];
        out += "  {\"type\": \"Feature\", \"properties\": {\"id\": ";
        appendJsonString(out, s.id);
        out += ", \"type\": ";
        appendJsonString(out, s.typeName.empty() ? sensorTypeInfo(s.type).name : s.typeName);
        if (!s.nameEn.empty()) { out += ", \"name_en\": "; appendJsonString(out, s.nameEn); }
        if (!s.nameKo.empty()) { out += ", \"name_ko\": "; appendJsonString(out, s.nameKo); }
        if (!s.unit.empty()) { out += ", \"unit\": "; appendJsonString(out, s.unit); }
        if (s.capacity > 0) { out += ", \"capacity\": "; appendDouble(out, s.capacity, "%.10g"); }
        if (s.scaleMax > s.scaleMin) {
            out += ", \"min\": ";
            appendDouble(out, s.scaleMin, "%.10g");
            out += ", \"max\": ";
            appendDouble(out, s.scaleMax, "%.10g");
        }
        if (!s.attributes.empty()) {
            out += ", \"attributes\": {";
            for (size_t k = 0; k < s.attributes.size(); ++k) {
                if (k) out += ", ";
                appendJsonString(out, s.attributes[k].first);
                out += ": ";
                appendJsonString(out, s.attributes[k].second);
            }
            out += "}";
        }
        out += "}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [";
        appendDouble(out, s.position.lon, "%.7f");
        out += ", ";
        appendDouble(out, s.position.lat, "%.7f");
        out += "]}}";
        out += i + 1 < sensors.size() ? ",\n" : "\n";
    }
    out += "]}\n";
    return out;
}

std::string writeRecordingJson(const Dataset& d) {
    std::string all;
    writeRecordingJson(d, [&](std::string_view piece) { all.append(piece.data(), piece.size()); });
    return all;
}

void writeRecordingJson(const Dataset& d, const TextSink& sink) {
    std::string out = "{\"format\": \"bukchon-recording\", \"version\": 1";
    auto flush = [&](size_t atLeast) {
        if (out.size() < atLeast) return;
        sink(out);
        out.clear();
    };
    auto text = [&](const char* key, const std::string& value) {
        if (value.empty()) return;
        out += ", ";
        appendKey(out, key);
        appendJsonString(out, value);
    };
    text("title", d.title);
    text("title_ko", d.titleKo);
    text("source", d.source);
    text("source_ko", d.sourceKo);
    out += ", \"simulated\": ";
    out += d.simulated ? "true" : "false";
    // Every time is written at the offset in force then, so a June reading in New York reads "…-04:00".
    auto time = [&](int64_t ms) { return formatIsoTime(ms, d.offsetAt(ms)); };
    auto offsetText = [](int minutes) { return formatIsoTime(0, minutes).substr(19); };  // "+09:00"
    text("utc_offset", offsetText(d.utcOffsetMinutes));
    if (d.openAtMs) text("open_at", time(*d.openAtMs));
    if (!d.timeZoneName.empty() || !d.offsetChanges.empty()) {
        out += ",\n\"time_zone\": {";
        if (!d.timeZoneName.empty()) {
            appendKey(out, "name");
            appendJsonString(out, d.timeZoneName);
            out += ", ";
        }
        appendKey(out, "changes");
        out += "[";
        for (size_t i = 0; i < d.offsetChanges.size(); ++i) {
            const OffsetChange& c = d.offsetChanges[i];
            out += i ? ",\n  {\"at\": " : "\n  {\"at\": ";
            std::string at = formatIsoTime(c.utcMs, 0);
            appendJsonString(out, at.replace(at.size() - 6, 6, "Z"));  // an instant: "…T07:00:00Z", not "+00:00"
            out += ", \"from\": ";
            appendJsonString(out, offsetText(c.fromMinutes));
            out += ", \"to\": ";
            appendJsonString(out, offsetText(c.toMinutes));
            out += "}";
        }
        out += "]}";
    }
    text("start", time(d.startMs));
    text("end", time(d.endMs));
    out += ",\n\"series\": [\n";
    for (size_t i = 0; i < d.series.size(); ++i) {
        const Series& s = d.series[i];
        out += "  {\"sensor\": ";
        appendJsonString(out, d.sensors[s.sensor].id);
        out += ", \"metric\": ";
        appendJsonString(out, s.metric);
        if (!s.unit.empty()) { out += ", \"unit\": "; appendJsonString(out, s.unit); }
        out += ", \"interpolation\": ";
        out += s.interpolation == Interpolation::step ? "\"step\"" : "\"linear\"";
        if (!s.levels.empty()) {
            out += ", \"levels\": [";
            for (size_t l = 0; l < s.levels.size(); ++l) {
                if (l) out += ", ";
                appendJsonString(out, s.levels[l]);
            }
            out += "]";
        }
        if (s.regular) {
            out += ", \"start\": ";
            appendJsonString(out, time(s.startMs));
            out += ", \"step_s\": ";
            appendDouble(out, double(s.stepMs) / 1000.0, "%.10g");
        } else {
            out += ", \"times\": [";
            for (uint32_t k = 0; k < s.count; ++k) {
                if (k) out += ',';
                appendJsonString(out, time(d.timesMs[s.timeOffset + k]));
            }
            out += "]";
        }
        out += ", \"values\": [";
        for (uint32_t k = 0; k < s.count; ++k) {
            if (k) out += ',';
            float v = d.values[s.offset + k];
            if (std::isnan(v)) out += "null";
            else appendDouble(out, double(v), "%.7g");
            if ((k & 4095) == 0) flush(1 << 20);
        }
        out += "]}";
        out += i + 1 < d.series.size() ? ",\n" : "\n";
    }
    out += "],\n\"events\": [\n";
    std::vector<const Event*> recorded;  // those derived at load are found again by the next load
    for (const Event& e : d.events)
        if (!e.derived) recorded.push_back(&e);
    for (size_t i = 0; i < recorded.size(); ++i) {
        const Event& e = *recorded[i];
        out += "  {\"time\": ";
        appendJsonString(out, time(e.timeMs));
        out += ", \"sensor\": ";
        appendJsonString(out, d.sensors[e.sensor].id);
        out += ", \"kind\": ";
        appendJsonString(out, e.kind);
        out += ", \"value\": ";
        appendDouble(out, e.value, "%.10g");
        if (!e.note.empty()) { out += ", \"note\": "; appendJsonString(out, e.note); }
        out += "}";
        out += i + 1 < recorded.size() ? ",\n" : "\n";
    }
    out += "]}\n";
    flush(0);
}

}  // namespace bk
