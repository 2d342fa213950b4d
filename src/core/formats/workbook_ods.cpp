// workbook_ods.cpp — OpenDocument spreadsheets (.ods): content.xml's tables, streamed; each cell's typed value
// (office:value-type), repeated rows and columns (a sheet's trailing million empty rows cost nothing) and merges.
#include "workbook_detail.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace bk {
namespace workbook_detail {

namespace {

size_t count(const char** a, std::string_view name) {
    const char* v = attribute(a, name);
    const long long n = v ? std::atoll(v) : 1;
    return n > 0 ? size_t(n) : 1;
}

// An ISO 8601 duration (office:time-value "PT09H30M00S", "P1DT02H00M00.5S") as "HH:MM:SS" (hours past 24 for
// durations), or the text as it is when it is not one.
std::string durationText(const std::string& iso) {
    double seconds = 0, number = 0;
    bool inTime = false, any = false;
    for (size_t i = 0; i < iso.size(); ++i) {
        const char c = iso[i];
        if (c == 'P' && i == 0) continue;
        if (c == 'T') { inTime = true; continue; }
        if ((c >= '0' && c <= '9') || c == '.') {
            char* end = nullptr;
            number = std::strtod(iso.c_str() + i, &end);
            i = size_t(end - iso.c_str()) - 1;
            any = true;
            continue;
        }
        if (c == 'D' && !inTime) seconds += number * 86400;
        else if (c == 'H' && inTime) seconds += number * 3600;
        else if (c == 'M' && inTime) seconds += number * 60;
        else if (c == 'S' && inTime) seconds += number;
        else return iso;
        number = 0;
    }
    if (!any) return iso;
    const long long ms = std::llround(seconds * 1000), s = ms / 1000;
    char text[48];
    if (ms % 1000) std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld.%03lld", s / 3600, s / 60 % 60, s % 60, ms % 1000);
    else std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    return text;
}

class OdsReader {
public:
    OdsReader(const ZipArchive& zip, const WorkbookOptions& options) : zip_(zip), options_(options) {}

    bool read(Workbook& out, std::string& error) {
        const ZipArchive::Entry* content = zip_.find("content.xml");
        if (!content) {
            error = "content.xml is missing (the workbook is damaged)";
            return false;
        }
        XmlStream xml("content.xml");
        xml.onStart = [&](std::string_view name, const char** a) { start(name, a, out); };
        xml.onEnd = [&](std::string_view name) { if (end(name, out)) xml.stop(); };
        xml.onText = [&](std::string_view text) {
            if (inParagraph_ > 0 && annotation_ == 0) cellText_.append(text);
        };
        if (!parsePart(zip_, *content, options_.maxPartBytes, xml, error)) return false;
        if (tooMany_) {
            error = tooManyCells(out.sheetNames.back());
            return false;
        }
        if (found_) return true;
        error = noSuchSheet(options_.sheet, out.sheetNames);
        return false;
    }

private:
    void start(std::string_view name, const char** a, Workbook& out) {
        if (name == "table") {
            if (++tableDepth_ > 1) return;   // a table inside a cell (old sub-tables): not a sheet
            const char* sheetName = attribute(a, "name");
            out.sheetNames.emplace_back(sheetName ? sheetName : "Sheet" + std::to_string(out.sheetNames.size() + 1));
            wanted_ = options_.sheet.empty() || out.sheetNames.back() == options_.sheet;
            sheet_ = SheetBuilder();
            row_ = 0;
            return;
        }
        if (tableDepth_ != 1 || !wanted_) return;
        if (name == "table-row") {
            rowRepeat_ = count(a, "number-rows-repeated");
            col_ = 0;
            rowCells_.clear();
        } else if (name == "table-cell" || name == "covered-table-cell") {
            inCell_ = true;
            covered_ = name == "covered-table-cell";
            colRepeat_ = count(a, "number-columns-repeated");
            cellText_.clear();
            paragraphs_ = 0;
            typed_.clear();
            const char* type = attribute(a, "value-type");
            const std::string_view t(type ? type : "");
            if (t == "float" || t == "percentage" || t == "currency") {
                const char* v = attribute(a, "value");
                if (v) typed_ = numberText(std::strtod(v, nullptr));
            } else if (t == "date") {
                const char* v = attribute(a, "date-value");
                typed_ = v ? v : "";
                if (typed_.size() > 10 && typed_[10] == 'T') typed_[10] = ' ';
            } else if (t == "time") {
                const char* v = attribute(a, "time-value");
                if (v) typed_ = durationText(v);
            } else if (t == "boolean") {
                const char* v = attribute(a, "boolean-value");
                if (v) typed_ = std::string_view(v) == "true" ? "TRUE" : "FALSE";
            } else if (t == "string") {
                const char* v = attribute(a, "string-value");
                if (v) typed_ = v;
            }
            const size_t spanCols = count(a, "number-columns-spanned"), spanRows = count(a, "number-rows-spanned");
            if (!covered_ && (spanCols > 1 || spanRows > 1))
                sheet_.merge({row_, col_, row_ + spanRows - 1, col_ + spanCols - 1});
        } else if (inCell_ && (name == "p" || name == "h")) {
            if (annotation_ == 0 && paragraphs_++ > 0) cellText_ += '\n';
            ++inParagraph_;
        } else if (inCell_ && name == "annotation") {
            ++annotation_;
        } else if (inParagraph_ > 0 && annotation_ == 0) {
            if (name == "s") cellText_.append(std::min<size_t>(count(a, "c"), 1024), ' ');
            else if (name == "tab") cellText_ += '\t';
            else if (name == "line-break") cellText_ += '\n';
        }
    }

    // True when the sheet wanted has been read: nothing more is needed.
    bool end(std::string_view name, Workbook& out) {
        if (name == "table") {
            if (--tableDepth_ > 0 || !wanted_) return false;
            if (sheet_.tooManyCells()) {
                tooMany_ = true;
                return true;
            }
            if (!options_.sheet.empty() || sheet_.hasData()) {
                out.sheet.name = out.sheetNames.back();
                out.sheet.rows = sheet_.finish();
                found_ = true;
            }
            return found_;
        }
        if (tableDepth_ != 1 || !wanted_) return false;
        if (name == "p" || name == "h") {
            if (inParagraph_ > 0) --inParagraph_;
        } else if (name == "annotation") {
            if (annotation_ > 0) --annotation_;
        } else if (name == "table-cell" || name == "covered-table-cell") {
            inCell_ = false;
            // A covered cell's text is what a merge hid: the spreadsheet does not show it, nor do we.
            std::string text = covered_ ? std::string() : typed_.empty() ? cellText_ : typed_;
            if (!text.empty())
                for (size_t i = 0; i < colRepeat_ && col_ + i < kMaxColumns; ++i) rowCells_.push_back({col_ + i, text});
            col_ = std::min(col_ + colRepeat_, kMaxColumns);
        } else if (name == "table-row") {
            // A repeated row with data is that many rows (identical rows are stored once); an empty one is a gap.
            if (!rowCells_.empty())
                for (size_t r = 0; r < rowRepeat_ && row_ + r < kMaxRows; ++r)
                    for (const auto& [c, text] : rowCells_) sheet_.set(row_ + r, c, text);
            row_ = std::min(row_ + rowRepeat_, kMaxRows);
        }
        return false;
    }

    const ZipArchive& zip_;
    const WorkbookOptions& options_;
    SheetBuilder sheet_;
    int tableDepth_ = 0, inParagraph_ = 0, annotation_ = 0;
    bool wanted_ = false, found_ = false, tooMany_ = false, inCell_ = false, covered_ = false;
    size_t row_ = 0, col_ = 0, rowRepeat_ = 1, colRepeat_ = 1, paragraphs_ = 0;
    std::string cellText_, typed_;
    std::vector<std::pair<size_t, std::string>> rowCells_;
};

}  // namespace

bool readOds(const ZipArchive& zip, const WorkbookOptions& options, Workbook& out, std::string& error) {
    return OdsReader(zip, options).read(out, error);
}

}  // namespace workbook_detail
}  // namespace bk
