// workbook.hpp — reads spreadsheet workbooks (.xlsx, .xlsm, .ods) into a sheet of rows of cell texts, for the importer.
//
// Zip by zip_archive (zlib), XML streamed through expat: no document is built in memory. A cell becomes the text a
// CSV export would hold: numbers as stored (the shortest text that reads back to the same double), dates and times
// as ISO text ("2026-05-11 09:00:00"; from Excel's serial numbers in the 1900 or 1904 system, by the cell's number
// format), booleans TRUE/FALSE, formulas their cached value. Cells keep their places (gaps stay empty); a merged
// cell in the header fills every column it spans. Old .xls files and password-protected workbooks are refused with
// a message that says what to do. docs/import.md ("Workbooks") has the rules; decision 85 why the reader is ours.
#pragma once

#include "load_error.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bk {

struct WorkbookOptions {
    std::string sheet;                          // a sheet by name; empty: the first sheet with data
    size_t maxPartBytes = size_t(1) << 30;      // the most one part of the zip (a sheet's XML) may unpack to
};

struct WorkbookSheet {
    std::string name;
    // rows[i] is the sheet's row i + 1 (what the spreadsheet shows); cells by column, "" where empty.
    std::vector<std::vector<std::string>> rows;
};

struct Workbook {
    std::string format;                         // "xlsx" or "ods"
    std::vector<std::string> sheetNames;        // all of them, in the workbook's order
    WorkbookSheet sheet;                        // the one read
};

// Whether a file is a workbook (or an old .xls, which readWorkbook refuses with a message): by content first (a zip
// holding xl/ parts or the OpenDocument spreadsheet mimetype, an OLE compound file), then by name.
bool looksLikeWorkbook(std::string_view fileName, std::string_view head);

// Reads one sheet. The error names the file, the sheet and what was expected ("book.xlsx: no sheet \"Data\"; its
// sheets are \"Readings\", \"Notes\"").
Result<Workbook> readWorkbook(std::string_view bytes, const std::string& fileName, const WorkbookOptions& options = {});

// One sheet row as a CSV line (RFC 4180 quoting; a line break inside a cell becomes a space), `width` fields, with
// its '\n'. A blank row gives a blank line, so a CSV reader's line numbers are the sheet's row numbers.
void appendCsvRow(const std::vector<std::string>& row, size_t width, std::string& out);
// The widest row's cell count.
size_t sheetWidth(const WorkbookSheet& sheet);

// An Excel serial date as ISO text: days since 1899-12-30 (the 1900 system, where serial 60 is Excel's
// fictitious 1900-02-29 and serials below 61 are a day later than that count) or since 1904-01-01. `hasDate` false:
// a time of day (or a duration) "HH:MM:SS"; the date alone when there is no fraction and the format has no time.
std::string excelSerialText(double serial, bool date1904, bool hasDate, bool hasTime);
// The shortest text that reads back to `value` ("12.5", "0.30000000000000004", "20260511090000").
std::string numberText(double value);

}  // namespace bk
