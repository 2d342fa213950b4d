// csv_reader.hpp — streaming RFC 4180 CSV over UTF-8 text: push chunks of any size, get complete records.
//
// Quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF and lone CR all end a record.
// A record's line is the line it starts on (what a user finds in a text editor). Memory: one record at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace bk {

class CsvReader {
public:
    // Called once per record with its fields and the 1-based line it starts on. Return false to stop reading.
    using RecordFn = std::function<bool(const std::vector<std::string_view>& fields, int64_t line)>;

    CsvReader(char delimiter, RecordFn onRecord);
    void feed(std::string_view text);
    void finish();  // the last record may lack a line break

    bool stopped() const { return stopped_; }
    // A quoted field still open at the end of the input (its record was still delivered).
    bool unterminatedQuote() const { return unterminated_; }
    int64_t unterminatedLine() const { return unterminatedLine_; }
    int64_t lines() const { return line_; }

private:
    void endField();
    void endRecord();

    char delim_;
    RecordFn onRecord_;
    std::string record_;                 // field bytes, back to back
    std::vector<size_t> ends_;           // end offset of each field in record_
    std::vector<std::string_view> views_;
    enum class State { fieldStart, unquoted, quoted, quoteInQuoted } state_ = State::fieldStart;
    bool afterCrPending_ = false;
    bool recordHasContent_ = false;
    int64_t line_ = 1, recordLine_ = 1;
    bool stopped_ = false, unterminated_ = false;
    int64_t unterminatedLine_ = 0;
};

// Picks the delimiter (',', ';', '\t' or '|') that splits the first lines of `head` into the most consistent
// number of fields (more than one). ',' when nothing splits.
char detectDelimiter(std::string_view head);

// Splits a whole text at once (tests, small files).
std::vector<std::vector<std::string>> parseCsv(std::string_view text, char delimiter);

}  // namespace bk
