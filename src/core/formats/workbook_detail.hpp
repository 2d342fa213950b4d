// workbook_detail.hpp — internal to the workbook reader: the streamed XML parser (expat), the sheet being filled,
// and the two formats' readers (workbook_xlsx.cpp, workbook_ods.cpp) that workbook.cpp chooses between.
#pragma once

#include "workbook.hpp"
#include "zip_archive.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace bk {
namespace workbook_detail {

constexpr size_t kMaxRows = 1048576, kMaxColumns = 16384;   // Excel's and LibreOffice's sheet size
constexpr size_t kMaxCells = 50'000'000;                     // past this a sheet is refused (a page's memory)

// Element and attribute names without their namespace prefix ("table:table-cell" → "table-cell"): each format uses
// one vocabulary, and generators differ in the prefixes they pick.
std::string_view localName(const char* name);
// The attribute's value by local name, or nullptr.
const char* attribute(const char** attrs, std::string_view name);

// expat, streamed: feed the unpacked bytes of a part as they come. Callbacks get local names.
class XmlStream {
public:
    std::function<void(std::string_view name, const char** attrs)> onStart;
    std::function<void(std::string_view name)> onEnd;
    std::function<void(std::string_view text)> onText;

    explicit XmlStream(std::string part);
    ~XmlStream();
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;
    bool feed(std::string_view bytes, bool last);   // false: not well-formed (error() says where)
    void stop();                                    // from a callback: nothing more is needed from this part
    bool stopped() const { return stopped_; }
    const std::string& error() const { return error_; }

private:
    struct Impl;
    Impl* impl_;
    std::string part_, error_;
    bool stopped_ = false;
};

// Streams a zip part through `xml`; false with `error` (the part, where and why) when it cannot be read.
bool parsePart(const ZipArchive& zip, const ZipArchive::Entry& entry, size_t maxBytes, XmlStream& xml, std::string& error);

// A merged range, 0-based and inclusive.
struct Merge {
    size_t row0 = 0, col0 = 0, row1 = 0, col1 = 0;
};

// The sheet as it is read: cells placed by row and column; merges applied to the header at the end.
class SheetBuilder {
public:
    void set(size_t row, size_t col, std::string text);   // empty text and cells past the sheet's size are skipped
    void merge(Merge m) { merges_.push_back(m); }
    bool hasData() const { return hasData_; }
    bool tooManyCells() const { return cells_ > kMaxCells; }
    // The rows, with the header's merged cells filled (a header over two rows becomes one line: its texts joined).
    std::vector<std::vector<std::string>> finish();

private:
    std::vector<std::vector<std::string>> rows_;
    std::vector<Merge> merges_;
    bool hasData_ = false;
    size_t cells_ = 0;
};

// The formats: each fills `out` with the sheet chosen by `options` (and all names), or says why it cannot.
bool readXlsx(const ZipArchive& zip, const WorkbookOptions& options, Workbook& out, std::string& error);
bool readOds(const ZipArchive& zip, const WorkbookOptions& options, Workbook& out, std::string& error);

// "no sheet \"X\"; its sheets are \"A\", \"B\"" or "the workbook has no sheet with data (sheets: …)".
std::string noSuchSheet(const std::string& wanted, const std::vector<std::string>& names);
std::string sheetList(const std::vector<std::string>& names);
std::string tooManyCells(const std::string& sheet);

}  // namespace workbook_detail
}  // namespace bk
