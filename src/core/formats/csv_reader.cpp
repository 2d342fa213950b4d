// csv_reader.cpp — the CSV state machine (one pass, one record buffered) and delimiter detection.
#include "csv_reader.hpp"

#include <algorithm>
#include <array>

namespace bk {

CsvReader::CsvReader(char delimiter, RecordFn onRecord) : delim_(delimiter), onRecord_(std::move(onRecord)) {}

void CsvReader::endField() { ends_.push_back(record_.size()); }

void CsvReader::endRecord() {
    endField();
    // A blank line is no record (a single empty field that never saw a delimiter or a quote).
    if (recordHasContent_ && !stopped_) {
        views_.clear();
        size_t begin = 0;
        for (size_t end : ends_) {
            views_.emplace_back(record_.data() + begin, end - begin);
            begin = end;
        }
        if (!onRecord_(views_, recordLine_)) stopped_ = true;
    }
    record_.clear();
    ends_.clear();
    recordHasContent_ = false;
    state_ = State::fieldStart;
}

void CsvReader::feed(std::string_view text) {
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end && !stopped_) {
        char c = *p;
        if (afterCrPending_) {
            afterCrPending_ = false;
            if (c == '\n') { ++p; continue; }  // CRLF: the CR already ended the line
        }
        switch (state_) {
        case State::fieldStart:
            if (c == '"') { state_ = State::quoted; recordHasContent_ = true; ++p; continue; }
            state_ = State::unquoted;
            [[fallthrough]];
        case State::unquoted: {
            // Fast path: copy a run of plain bytes at once.
            const char* run = p;
            while (p < end && *p != delim_ && *p != '\n' && *p != '\r') ++p;
            if (p > run) { record_.append(run, size_t(p - run)); recordHasContent_ = true; }
            if (p == end) return;
            c = *p++;
            if (c == delim_) { recordHasContent_ = true; endField(); state_ = State::fieldStart; }
            else {
                ++line_;
                if (c == '\r') afterCrPending_ = true;
                endRecord();
                recordLine_ = line_;
            }
            continue;
        }
        case State::quoted: {
            const char* run = p;
            while (p < end && *p != '"' && *p != '\n' && *p != '\r') ++p;
            record_.append(run, size_t(p - run));
            if (p == end) return;
            c = *p++;
            if (c == '"') state_ = State::quoteInQuoted;
            else {
                // A line break inside quotes is data; it still counts as a line of the file.
                ++line_;
                record_ += c;
                if (c == '\r') afterCrPending_ = true;
            }
            continue;
        }
        case State::quoteInQuoted:
            ++p;
            if (c == '"') { record_ += '"'; state_ = State::quoted; }
            else if (c == delim_) { endField(); state_ = State::fieldStart; }
            else if (c == '\n' || c == '\r') {
                ++line_;
                if (c == '\r') afterCrPending_ = true;
                endRecord();
                recordLine_ = line_;
            } else {
                // Text after a closing quote ("ab"c): lenient, like spreadsheets — keep it.
                record_ += c;
                state_ = State::unquoted;
            }
            continue;
        }
    }
}

void CsvReader::finish() {
    if (stopped_) return;
    if (state_ == State::quoted) {
        unterminated_ = true;
        unterminatedLine_ = recordLine_;
    }
    if (recordHasContent_ || !ends_.empty()) endRecord();
}

char detectDelimiter(std::string_view head) {
    const std::array<char, 4> candidates{',', ';', '\t', '|'};
    char best = ',';
    double bestScore = 0;
    for (char d : candidates) {
        std::vector<size_t> counts;
        CsvReader reader(d, [&](const std::vector<std::string_view>& fields, int64_t) {
            counts.push_back(fields.size());
            return counts.size() < 30;
        });
        // Only whole lines: the head may end mid-record.
        size_t cut = head.find_last_of('\n');
        reader.feed(cut == std::string_view::npos ? head : head.substr(0, cut + 1));
        if (cut == std::string_view::npos) reader.finish();
        if (counts.empty()) continue;
        size_t mode = 0, modeCount = 0;
        for (size_t n : counts) {
            size_t k = size_t(std::count(counts.begin(), counts.end(), n));
            if (k > modeCount || (k == modeCount && n > mode)) { mode = n; modeCount = k; }
        }
        if (mode < 2) continue;
        // Consistency first, then more columns.
        double score = double(modeCount) / double(counts.size()) * 1000.0 + double(std::min<size_t>(mode, 999));
        if (score > bestScore) { bestScore = score; best = d; }
    }
    return best;
}

std::vector<std::vector<std::string>> parseCsv(std::string_view text, char delimiter) {
    std::vector<std::vector<std::string>> rows;
    CsvReader reader(delimiter, [&](const std::vector<std::string_view>& fields, int64_t) {
        rows.emplace_back(fields.begin(), fields.end());
        return true;
    });
    reader.feed(text);
    reader.finish();
    return rows;
}

}  // namespace bk
