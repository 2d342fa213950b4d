// import_workbook.cpp — a workbook (.xlsx, .ods) as an import input: one sheet read into rows (workbook.hpp) and fed
// to the importer as CSV lines, one a sheet row, so every rule for a CSV applies and a rejected line is the row a user
// finds in the spreadsheet. The report names the file and the sheet: `book.xlsx, sheet "Readings"`.
#include "import_state.hpp"
#include "workbook.hpp"

namespace bk {

using namespace importer_detail;

void Importer::State::readWorkbookFile(std::string_view bytes) {
    WorkbookOptions options;
    options.sheet = opt.sheet;
    Result<Workbook> book = readWorkbook(bytes, file, options);
    if (!book) {
        failFile(book.error().message);
        return;
    }
    file += ", sheet \"" + book->sheet.name + "\"";
    in->file = file;
    in->encoding = book->format == "xlsx" ? "Excel workbook" : "OpenDocument spreadsheet";
    in->delimiter = 0;   // cells, not separated text: the report says no delimiter
    csv = std::make_unique<CsvReader>(',', [this](const std::vector<std::string_view>& f, int64_t line) {
        return onRecord(f, line);
    });
    const size_t width = sheetWidth(book->sheet);
    std::string line;
    for (std::vector<std::string>& row : book->sheet.rows) {
        line.clear();
        appendCsvRow(row, width, line);
        std::vector<std::string>().swap(row);   // the rows go as they are read
        csv->feed(line);
        if (!analysed && sample.size() >= kSampleRows * 4) analyse();
    }
    csv->finish();
    if (!analysed) analyse();
    endFileChecks();
}

}  // namespace bk
