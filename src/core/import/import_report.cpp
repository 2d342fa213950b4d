// import_report.cpp — the importer's report as text (the CLI, tests) and JSON (the page), and the check that decides
// which dropped files go through the importer.
#include "importer.hpp"

#include "import_columns.hpp"
#include "json_reader.hpp"
#include "time_util.hpp"

#include <cstring>

namespace bk {

std::string RejectedRow::describe(const std::string& fileName) const {
    std::string out = fileName + " line " + std::to_string(line);
    if (!column.empty()) out += ", column \"" + column + "\"";
    out += ": ";
    if (!value.empty()) out += "\"" + value + "\" — ";
    out += why;
    return out;
}

namespace {
std::string delimiterName(char d) {
    switch (d) {
    case '\t': return "tab";
    case ';': return "semicolon";
    case '|': return "bar";
    default: return "comma";
    }
}
}  // namespace

// "America/New_York: UTC-05:00 / -04:00 (daylight saving, 2 changes)", "UTC+09:00", "UTC".
std::string ImportReport::zoneSummary() const {
    std::string out = timeZone.empty() ? "" : timeZone + ": ";
    const std::vector<int> offsets = offsetsInSpan.empty() ? std::vector<int>{utcOffsetMinutes} : offsetsInSpan;
    if (offsets.size() == 1 && offsets[0] == 0) return out + "UTC";
    for (size_t i = 0; i < offsets.size(); ++i) out += (i ? " / " : "UTC") + formatIsoTime(0, offsets[i]).substr(19);
    if (changesInSpan > 0)
        out += " (daylight saving, " + std::to_string(changesInSpan) + (changesInSpan == 1 ? " change)" : " changes)");
    return out;
}

std::string ImportReport::text() const {
    std::string out;
    for (const Input& i : inputs) {
        out += i.file + ": " + (i.role.empty() ? "unusable" : i.role);
        if (i.role == "readings" || i.role == "sites") {
            out += ", " + i.encoding + (i.delimiter ? ", " + delimiterName(i.delimiter) + "-separated" : "") +   // 0: a workbook
                   (i.header ? ", header row" : ", no header row");
            if (i.role == "readings") out += ", " + i.shape;
            out += "\n  columns:";
            bool first = true;
            for (const auto& [role, name] : i.columns) { out += (first ? " " : ", ") + role + " = \"" + name + "\""; first = false; }
            out += "\n";
            if (i.role == "readings") out += "  times: " + i.timeFormat + ", time zone " + i.timeZone + "\n";
            out += "  rows: " + std::to_string(i.rowsRead) + " read, " + std::to_string(i.rowsAccepted) + " accepted, " +
                   (i.rowsSkipped ? std::to_string(i.rowsSkipped) + " skipped as exact duplicates, " : "") +
                   std::to_string(i.rowsRejected) + " rejected\n";
        } else out += "\n";
    }
    if (fatal.empty()) {
        out += "result: " + std::to_string(sensors) + " sensors, " + std::to_string(series) + " series, " +
               std::to_string(readings) + " readings\n";
        out += "time span: " + formatIsoTime(firstMs, utcOffsetMinutes) + " to " + formatIsoTime(lastMs, endUtcOffsetMinutes) + "\n";
        out += "times in " + zoneSummary() + "\n";
        // What happened to what was read, once, with the same counts the page's panel and getState().import give.
        std::vector<std::string> parts;
        if (skippedDuplicates) parts.push_back(std::to_string(skippedDuplicates) + " skipped as exact duplicates");
        if (rejectedTotal) parts.push_back(std::to_string(rejectedTotal) + " rejected");
        if (const int64_t moved = movedRepeatedHour + movedStandardTime) {
            std::string why;
            if (movedRepeatedHour) why = std::to_string(movedRepeatedHour) + " in the hour the clocks repeat";
            if (movedStandardTime)
                why += (why.empty() ? "" : ", ") + std::to_string(movedStandardTime) + " read in standard time";
            parts.push_back(std::to_string(moved) + " moved in time (" + why + ")");
        }
        if (!parts.empty()) {
            out += "of what was read:";
            for (size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : " ") + parts[i];
            out += "\n";
        }
    } else {
        out += "nothing imported: " + fatal + "\n";
    }
    if (!quantities.empty()) {
        out += "recognised:";
        for (size_t i = 0; i < quantities.size(); ++i)
            out += (i ? ", \"" : " \"") + quantities[i].first + "\" as " + quantities[i].second;
        out += "\n";
    }
    for (const auto& [metric, levels] : categorical) {
        out += "levels of " + metric + ":";
        for (size_t i = 0; i < levels.size(); ++i) out += (i ? " < " : " ") + levels[i];
        out += "\n";
    }
    if (rejectedTotal > 0) {
        out += "rejected: " + std::to_string(rejectedTotal) + " reading" + (rejectedTotal == 1 ? "" : "s") + " or row" +
               (rejectedTotal == 1 ? "" : "s");
        // Rows are listed (the first few); readings dropped at a repeated time are in one note. Both are said.
        const int64_t rows = rejectedTotal - repeatedTimes;
        std::vector<std::string> where;
        if (rows > 0 && int64_t(rejected.size()) < rows) where.push_back(std::to_string(rejected.size()) + " listed below");
        if (repeatedTimes > 0)
            where.push_back(std::to_string(repeatedTimes) + (repeatedTimes == 1 ? " at a repeated time" : " at repeated times") +
                            ": see the note");
        for (size_t i = 0; i < where.size(); ++i) out += (i ? "; " : " (") + where[i] + (i + 1 == where.size() ? ")" : "");
        out += "\n";
        for (size_t i = 0; i < rejected.size(); ++i) out += "  " + rejected[i].describe(rejectedFile[i]) + "\n";
    }
    if (!quality.empty() && qualityIssues > 0) {
        out += "quality: " + quality;
        if (qualityLines.size() < qualityIssues) out += " (" + std::to_string(qualityLines.size()) + " listed below)";
        out += "\n";
        for (const std::string& l : qualityLines) out += "  " + l + "\n";
    }
    for (const std::string& n : notes) out += "note: " + n + "\n";
    return out;
}

std::string ImportReport::json() const {
    Json j;
    j["ok"] = fatal.empty();
    j["fatal"] = fatal;
    j["text"] = text();
    Json ins = Json::array();
    for (const Input& i : inputs) {
        Json cols = Json::array();
        for (const auto& [role, name] : i.columns) cols.push_back({{"role", role}, {"column", name}});
        ins.push_back({{"file", i.file}, {"role", i.role}, {"encoding", i.encoding}, {"shape", i.shape},
                       {"delimiter", i.delimiter ? delimiterName(i.delimiter) : ""}, {"header", i.header}, {"columns", cols},
                       {"timeFormat", i.timeFormat}, {"timeZone", i.timeZone}, {"rowsRead", i.rowsRead},
                       {"rowsAccepted", i.rowsAccepted}, {"rowsRejected", i.rowsRejected}, {"rowsSkipped", i.rowsSkipped}});
    }
    j["inputs"] = ins;
    Json rej = Json::array();
    for (size_t i = 0; i < rejected.size(); ++i)
        rej.push_back({{"file", rejectedFile[i]}, {"line", rejected[i].line}, {"column", rejected[i].column},
                       {"value", rejected[i].value}, {"why", rejected[i].why}, {"text", rejected[i].describe(rejectedFile[i])}});
    j["rejected"] = rej;
    j["rejectedTotal"] = rejectedTotal;
    j["repeatedTimes"] = repeatedTimes;
    j["skippedDuplicates"] = skippedDuplicates;
    j["moved"] = {{"repeatedHour", movedRepeatedHour}, {"standardTime", movedStandardTime}};
    j["notes"] = notes;
    Json cat = Json::object();
    for (const auto& [metric, levels] : categorical) cat[metric] = levels;
    j["levels"] = cat;
    Json rec = Json::object();
    for (const auto& [metric, what] : quantities) rec[metric] = what;
    j["recognised"] = rec;
    j["quality"] = {{"summary", quality}, {"gaps", qualityCounts[0]}, {"stuck", qualityCounts[1]},
                    {"impossible", qualityCounts[2]}, {"issues", qualityLines}};
    j["sensors"] = sensors;
    j["series"] = series;
    j["readings"] = readings;
    if (fatal.empty()) {
        j["start"] = formatIsoTime(firstMs, utcOffsetMinutes);
        j["end"] = formatIsoTime(lastMs, endUtcOffsetMinutes);
        j["timeZone"] = timeZone;
        j["utcOffsets"] = offsetsInSpan;
        j["offsetChanges"] = changesInSpan;
    }
    j["zoneFrom"] = zoneFrom;
    if (zoneFrom == "position") j["zonePosition"] = zonePosition;
    if (!zoneSuggested.empty()) j["zoneSuggested"] = zoneSuggested;
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace bk
