// workbook.cpp — the workbook reader's front: what a file is (zip workbook, old .xls, password-protected), the
// shared pieces of both formats (streamed XML, the sheet and its header merges, numbers and serial dates as text)
// and the sheet as CSV lines.
//
// Sections: [1] recognising a workbook  [2] streamed XML  [3] the sheet  [4] cell texts  [5] CSV lines
#include "workbook.hpp"

#include "time_util.hpp"
#include "workbook_detail.hpp"

#include <expat.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace bk {

using namespace workbook_detail;

// ---- [1] recognising a workbook ---------------------------------------------------------------------------------

namespace {

constexpr std::string_view kOleMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
constexpr std::string_view kOdsMime = "application/vnd.oasis.opendocument.spreadsheet";

std::string lowerName(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

bool endsWith(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// An OLE compound file's directory names its streams in UTF-16LE: an encrypted .xlsx (Office's "agile" or
// "standard" encryption) keeps its package in "EncryptedPackage" beside "EncryptionInfo".
bool oleHasStream(std::string_view bytes, std::string_view name) {
    std::string utf16;
    for (char c : name) utf16 += c, utf16 += '\0';
    return bytes.find(utf16) != std::string_view::npos;
}

}  // namespace

bool looksLikeWorkbook(std::string_view fileName, std::string_view head) {
    if (head.substr(0, 8) == kOleMagic) return true;
    if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
        if (head.find("xl/") != std::string_view::npos || head.find(kOdsMime) != std::string_view::npos) return true;
    }
    const std::string name = lowerName(fileName);
    for (std::string_view suffix : {".xlsx", ".xlsm", ".ods", ".xls"})
        if (endsWith(name, suffix)) return true;
    return false;
}

Result<Workbook> readWorkbook(std::string_view bytes, const std::string& fileName, const WorkbookOptions& options) {
    auto fail = [&](std::string why) { return LoadError{fileName, 0, 0, "", std::move(why)}; };
    if (bytes.empty()) return fail("the file is empty");
    if (bytes.substr(0, 8) == kOleMagic) {
        if (oleHasStream(bytes, "EncryptedPackage") || oleHasStream(bytes, "EncryptionInfo"))
            return fail("the workbook is password-protected: open it in your spreadsheet program, remove the password "
                        "(or save a copy without one) and import that");
        return fail("an old Excel workbook (.xls) or another Office file, which is not read: save it as .xlsx or CSV "
                    "(UTF-8) and import that");
    }
    ZipArchive zip;
    std::string error;
    if (!zip.open(bytes, error))
        return fail(error + ": expected a workbook (.xlsx or .ods), a zip archive of its parts");
    Workbook out;
    const ZipArchive::Entry* mimetype = zip.find("mimetype");
    std::string mime;
    if (mimetype && mimetype->size < 256) zip.readAll(*mimetype, 256, mime, error);
    bool ok;
    if (zip.find("xl/workbook.xml")) {
        out.format = "xlsx";
        ok = readXlsx(zip, options, out, error);
    } else if (mime == kOdsMime || (!mimetype && zip.find("content.xml"))) {
        out.format = "ods";
        // An encrypted OpenDocument file lists how each part is encrypted in its manifest.
        std::string manifest, ignored;
        if (const ZipArchive::Entry* m = zip.find("META-INF/manifest.xml"))
            if (zip.readAll(*m, 1 << 20, manifest, ignored) && manifest.find("encryption-data") != std::string::npos)
                return fail("the workbook is password-protected: open it in your spreadsheet program, remove the "
                            "password (or save a copy without one) and import that");
        ok = readOds(zip, options, out, error);
    } else if (!mime.empty()) {
        return fail("an OpenDocument file of another kind (" + mime + "), not a spreadsheet");
    } else {
        return fail("a zip archive without a workbook in it (no xl/workbook.xml, no OpenDocument content.xml): "
                    "expected an .xlsx or .ods workbook");
    }
    if (!ok) return fail(error);
    return out;
}

std::string workbook_detail::sheetList(const std::vector<std::string>& names) {
    std::string list;
    for (size_t i = 0; i < names.size(); ++i) list += (i ? ", \"" : "\"") + names[i] + "\"";
    return list;
}

std::string workbook_detail::noSuchSheet(const std::string& wanted, const std::vector<std::string>& names) {
    if (!wanted.empty())
        return "no sheet \"" + wanted + "\"; " + (names.empty() ? std::string("the workbook has no sheets")
                                                                : "its sheets are " + sheetList(names));
    return names.empty() ? "the workbook has no sheets"
                         : "the workbook is empty: no sheet has data (sheets: " + sheetList(names) + ")";
}

std::string workbook_detail::tooManyCells(const std::string& sheet) {
    return "sheet \"" + sheet + "\" has more than " + std::to_string(kMaxCells / 1000000) +
           " million cells with data: save it as CSV and import that (the command line streams CSV of any size)";
}

// ---- [2] streamed XML -------------------------------------------------------------------------------------------

std::string_view workbook_detail::localName(const char* name) {
    std::string_view n(name);
    const size_t colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* workbook_detail::attribute(const char** attrs, std::string_view name) {
    for (size_t i = 0; attrs[i]; i += 2)
        if (localName(attrs[i]) == name) return attrs[i + 1];
    return nullptr;
}

struct XmlStream::Impl {
    XML_Parser parser;
};

XmlStream::XmlStream(std::string part) : impl_(new Impl{XML_ParserCreate("UTF-8")}), part_(std::move(part)) {
    XML_SetUserData(impl_->parser, this);
    XML_SetElementHandler(
        impl_->parser,
        [](void* self, const XML_Char* name, const XML_Char** attrs) {
            auto* x = static_cast<XmlStream*>(self);
            if (x->onStart) x->onStart(localName(name), attrs);
        },
        [](void* self, const XML_Char* name) {
            auto* x = static_cast<XmlStream*>(self);
            if (x->onEnd) x->onEnd(localName(name));
        });
    XML_SetCharacterDataHandler(impl_->parser, [](void* self, const XML_Char* text, int length) {
        auto* x = static_cast<XmlStream*>(self);
        if (x->onText) x->onText(std::string_view(text, size_t(length)));
    });
}

XmlStream::~XmlStream() {
    XML_ParserFree(impl_->parser);
    delete impl_;
}

void XmlStream::stop() {
    stopped_ = true;
    XML_StopParser(impl_->parser, XML_FALSE);
}

bool XmlStream::feed(std::string_view bytes, bool last) {
    if (stopped_) return true;
    if (XML_Parse(impl_->parser, bytes.data(), int(bytes.size()), last) == XML_STATUS_OK || stopped_) return true;
    error_ = part_ + " line " + std::to_string(XML_GetCurrentLineNumber(impl_->parser)) + ": " +
             XML_ErrorString(XML_GetErrorCode(impl_->parser)) + " (the workbook is damaged)";
    return false;
}

bool workbook_detail::parsePart(const ZipArchive& zip, const ZipArchive::Entry& entry, size_t maxBytes, XmlStream& xml,
                                std::string& error) {
    bool wellFormed = true;
    if (!zip.read(entry, maxBytes, [&](std::string_view piece) {
            wellFormed = xml.feed(piece, false);
            return wellFormed && !xml.stopped();
        }, error))
        return false;
    if (wellFormed) wellFormed = xml.feed({}, true);
    if (!wellFormed) error = xml.error();
    return wellFormed;
}

// ---- [3] the sheet ----------------------------------------------------------------------------------------------

void SheetBuilder::set(size_t row, size_t col, std::string text) {
    if (text.empty() || row >= kMaxRows || col >= kMaxColumns || ++cells_ > kMaxCells) return;
    if (rows_.size() <= row) rows_.resize(row + 1);
    std::vector<std::string>& r = rows_[row];
    if (r.size() <= col) r.resize(col + 1);
    r[col] = std::move(text);
    hasData_ = true;
}

// The header is the first row with data, and the rows below it that a merged cell of it reaches. A merged cell's
// text fills every cell it spans there (a "PM2.5" merged over two columns names both); a header of several rows
// becomes one line, each column's texts joined ("PM2.5" over "Station A" → "PM2.5 Station A"), and the rows under
// it are left blank so the data keep their row numbers. Merges below the header leave the spanned cells empty.
std::vector<std::vector<std::string>> SheetBuilder::finish() {
    size_t first = 0;
    while (first < rows_.size() && std::all_of(rows_[first].begin(), rows_[first].end(), [](const std::string& c) { return c.empty(); }))
        ++first;
    if (first == rows_.size() || merges_.empty()) return std::move(rows_);
    size_t last = first;
    for (const Merge& m : merges_)
        if (m.row0 == first) last = std::max(last, std::min(m.row1, rows_.size() - 1));
    for (const Merge& m : merges_) {
        if (m.row0 < first || m.row0 > last || m.row0 >= rows_.size() || m.col0 >= rows_[m.row0].size()) continue;
        const std::string text = rows_[m.row0][m.col0];
        for (size_t r = m.row0; r <= std::min(m.row1, last); ++r)
            for (size_t c = m.col0; c <= std::min(m.col1, kMaxColumns - 1); ++c) {
                if (rows_[r].size() <= c) rows_[r].resize(c + 1);
                rows_[r][c] = text;
            }
    }
    if (last > first) {
        std::vector<std::string>& header = rows_[first];
        for (size_t r = first + 1; r <= last; ++r) {
            if (header.size() < rows_[r].size()) header.resize(rows_[r].size());
            for (size_t c = 0; c < rows_[r].size(); ++c) {
                const std::string& below = rows_[r][c];
                if (below.empty() || below == header[c]) continue;
                header[c] += (header[c].empty() ? "" : " ") + below;
            }
            rows_[r].clear();
        }
    }
    return std::move(rows_);
}

// ---- [4] cell texts ---------------------------------------------------------------------------------------------

std::string numberText(double value) {
    if (!std::isfinite(value)) return "";
    char text[40];
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        std::snprintf(text, sizeof text, "%.0f", value == 0 ? 0.0 : value);   // no "-0", no exponent for counts
        return text;
    }
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(text, sizeof text, "%.*g", digits, value);
        if (std::strtod(text, nullptr) == value) break;
    }
    return text;
}

std::string excelSerialText(double serial, bool date1904, bool hasDate, bool hasTime) {
    if (!std::isfinite(serial) || serial < 0 || serial > 2958466) return numberText(serial);
    int64_t days = int64_t(std::floor(serial));
    int64_t ms = std::llround((serial - double(days)) * 86400000.0);   // stored with 15 digits: 0.3958333333 is 09:30
    if (ms >= 86400000) { ++days; ms -= 86400000; }
    char clock[32];
    const int64_t seconds = ms / 1000;
    if (ms % 1000)
        std::snprintf(clock, sizeof clock, "%02lld:%02lld:%02lld.%03lld", (long long)(seconds / 3600),
                      (long long)(seconds / 60 % 60), (long long)(seconds % 60), (long long)(ms % 1000));
    else
        std::snprintf(clock, sizeof clock, "%02lld:%02lld:%02lld", (long long)(seconds / 3600),
                      (long long)(seconds / 60 % 60), (long long)(seconds % 60));
    if (!hasDate) {   // a time of day, or a duration ([h]:mm) past a day
        const int64_t total = days * 86400 + seconds;
        if (days == 0) return clock;
        char text[48];
        std::snprintf(text, sizeof text, "%02lld%s", (long long)(total / 3600), clock + 2);
        return text;
    }
    int year;
    unsigned month, day;
    if (date1904) civilFromDays(daysFromCivil(1904, 1, 1) + days, year, month, day);
    else if (days == 0) return clock;   // "1900-01-00": a time with no date
    else if (days == 60) year = 1900, month = 2, day = 29;   // Excel's 1900-02-29, which never was (Lotus 1-2-3's leap year)
    else civilFromDays(daysFromCivil(1899, 12, days < 60 ? 31 : 30) + days, year, month, day);
    char text[64];
    if (ms == 0 && !hasTime) std::snprintf(text, sizeof text, "%04d-%02u-%02u", year, month, day);
    else std::snprintf(text, sizeof text, "%04d-%02u-%02u %s", year, month, day, clock);
    return text;
}

// ---- [5] CSV lines ----------------------------------------------------------------------------------------------

size_t sheetWidth(const WorkbookSheet& sheet) {
    size_t width = 0;
    for (const auto& row : sheet.rows) width = std::max(width, row.size());
    return width;
}

void appendCsvRow(const std::vector<std::string>& row, size_t width, std::string& out) {
    if (std::all_of(row.begin(), row.end(), [](const std::string& c) { return c.empty(); })) { out += '\n'; return; }
    for (size_t c = 0; c < width; ++c) {
        if (c) out += ',';
        if (c >= row.size()) continue;
        std::string cell = row[c];
        for (size_t i = 0; i < cell.size(); ++i)   // one sheet row, one line: a line break in a cell is a space
            if (cell[i] == '\r' || cell[i] == '\n') {
                const size_t n = cell[i] == '\r' && i + 1 < cell.size() && cell[i + 1] == '\n' ? 2 : 1;
                cell.replace(i, n, " ");
            }
        if (cell.find_first_of(",\"") == std::string::npos) { out += cell; continue; }
        out += '"';
        for (char ch : cell) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        out += '"';
    }
    out += '\n';
}

}  // namespace bk
