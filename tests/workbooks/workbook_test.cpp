// workbook_test.cpp — workbooks written by LibreOffice (make_workbooks.py, the ctest fixture) read as a user would
// expect: the same ISO times from both date systems and both formats, sheets by name, merged headers, numbers as
// stored, the errors that say what to do, and an import that gives what the same log as CSV gives.
#include "importer.hpp"
#include "workbook.hpp"
#include "workbook_detail.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace bk;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(WORKBOOK_DIR) + "/" + name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    if (!in) ADD_FAILURE() << WORKBOOK_DIR << "/" << name << " is missing: ctest writes it (Workbooks.WrittenByLibreOffice)";
    return s.str();
}

Workbook read(const std::string& name, const std::string& sheet = "") {
    WorkbookOptions options;
    options.sheet = sheet;
    auto book = readWorkbook(fixture(name), name, options);
    if (!book) {
        ADD_FAILURE() << book.error().describe();
        return {};
    }
    return book.value();
}

std::string errorOf(const std::string& bytes, const std::string& name, WorkbookOptions options = {}) {
    auto book = readWorkbook(bytes, name, options);
    return book ? "(read)" : book.error().describe();
}

std::string cell(const Workbook& book, size_t row, size_t col) {   // 1-based, as the spreadsheet shows them
    const auto& rows = book.sheet.rows;
    return row - 1 < rows.size() && col - 1 < rows[row - 1].size() ? rows[row - 1][col - 1] : "";
}

const char* const kBooks[] = {"readings.xlsx", "readings.ods", "readings1904.xlsx", "readings1904.ods"};

// The Readings sheet as the CSV a user would export from it (make_workbooks.py's READINGS).
const char* const kReadingsCsv =
    "측정시간,시리얼,위도,경도,초미세먼지(PM2.5),소음 (dB)\n"
    "2026-05-11 09:00:00,SDOT-01,37.5826,126.9836,12.5,48\n"
    "2026-05-11 09:10:00,SDOT-01,37.5826,126.9836,14,51.5\n"
    "2026-05-11 09:20:00,SDOT-01,37.5826,126.9836,13.25,50\n"
    "\n"
    "2026-05-11 09:00:00,SDOT-02,37.5812,126.9848,30,60.125\n"
    "2026-05-11 09:10:00,SDOT-02,37.5812,126.9848,31,61\n"
    "2026-05-11 09:20:00,SDOT-02,37.5812,126.9848,abc,62\n";

}  // namespace

TEST(Workbook, SerialDatesFollowExcelsTwoSystems) {
    EXPECT_EQ(excelSerialText(1, false, true, false), "1900-01-01");
    EXPECT_EQ(excelSerialText(59, false, true, false), "1900-02-28");
    EXPECT_EQ(excelSerialText(60, false, true, false), "1900-02-29");   // Excel's day that never was
    EXPECT_EQ(excelSerialText(61, false, true, false), "1900-03-01");
    EXPECT_EQ(excelSerialText(46153.375, false, true, true), "2026-05-11 09:00:00");
    EXPECT_EQ(excelSerialText(44691.375, true, true, true), "2026-05-11 09:00:00");   // 1904: 1,462 days fewer
    EXPECT_EQ(excelSerialText(0, true, true, false), "1904-01-01");
    EXPECT_EQ(excelSerialText(46153, false, true, true), "2026-05-11 00:00:00");     // the format shows a time
    EXPECT_EQ(excelSerialText(46153.5, false, true, false), "2026-05-11 12:00:00");  // the value has one
    EXPECT_EQ(excelSerialText(0.395833333333333, false, false, true), "09:30:00");   // 15 digits, as written
    EXPECT_EQ(excelSerialText(1.5, false, false, true), "36:00:00");                 // [h]:mm, a duration
    EXPECT_EQ(excelSerialText(46153.999999999, false, true, true), "2026-05-12 00:00:00");
    EXPECT_EQ(numberText(12.5), "12.5");
    EXPECT_EQ(numberText(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(numberText(20260511090000), "20260511090000");
    EXPECT_EQ(numberText(-0.0), "0");
    EXPECT_EQ(numberText(1e-7), "1e-07");
}

TEST(Workbook, BothFormatsAndBothDateSystemsReadTheSameCells) {
    for (const char* name : kBooks) {
        SCOPED_TRACE(name);
        Workbook book = read(name);
        EXPECT_EQ(book.format, std::string(name).find(".xlsx") != std::string::npos ? "xlsx" : "ods");
        EXPECT_EQ(book.sheet.name, "Readings");   // the first sheet with data ("Empty" comes first in readings.*)
        EXPECT_EQ(cell(book, 1, 5), "초미세먼지(PM2.5)");   // rich text: the runs of two fonts joined
        EXPECT_EQ(cell(book, 1, 6), "소음 (dB)");
        EXPECT_EQ(cell(book, 2, 1), "2026-05-11 09:00:00");
        EXPECT_EQ(cell(book, 3, 1), "2026-05-11 09:10:00");
        EXPECT_EQ(cell(book, 8, 1), "2026-05-11 09:20:00");
        EXPECT_EQ(cell(book, 2, 3), "37.5826");
        EXPECT_EQ(cell(book, 2, 5), "12.5");
        EXPECT_EQ(cell(book, 4, 5), "13.25");
        EXPECT_EQ(cell(book, 3, 6), "51.5");    // a formula: its cached value
        EXPECT_EQ(cell(book, 6, 6), "60.125");
        EXPECT_EQ(cell(book, 8, 5), "abc");
        ASSERT_EQ(book.sheet.rows.size(), 8u);
        EXPECT_TRUE(book.sheet.rows[4].empty());   // the blank row 5 stays a row
    }
}

TEST(Workbook, EveryKindOfCellAndAMergedHeader) {
    for (const char* name : kBooks) {
        SCOPED_TRACE(name);
        Workbook book = read(name, "Types");
        ASSERT_EQ(book.sheet.name, "Types");
        EXPECT_EQ(cell(book, 1, 1), "PM2.5");
        EXPECT_EQ(cell(book, 1, 2), "PM2.5");   // the merged header names both columns
        EXPECT_EQ(cell(book, 1, 3), "flag");
        EXPECT_EQ(cell(book, 2, 1), "1.5");
        EXPECT_EQ(cell(book, 2, 2), "2.25");
        EXPECT_EQ(cell(book, 2, 3), "TRUE");
        EXPECT_EQ(cell(book, 3, 3), "FALSE");
        // 1900-03-01 is serial 61 in the 1900 system; the 1904 system has no dates before 1904 (Excel shows ####):
        // the number stays a number.
        const bool xlsx1904 = std::string(name) == "readings1904.xlsx";
        const std::string early = xlsx1904 ? "-1400.75" : "1900-03-01 06:00:00";
        EXPECT_EQ(cell(book, 2, 4), early);
        EXPECT_EQ(cell(book, 3, 4), "2026-05-11 09:10:00");
        EXPECT_EQ(cell(book, 2, 5), "2026-05-11");   // a date format without a time: the date alone
        EXPECT_EQ(cell(book, 3, 5), "1999-12-31");
        EXPECT_EQ(cell(book, 2, 6), "09:30:00");
        EXPECT_EQ(cell(book, 3, 6), "23:59:59");
        EXPECT_EQ(cell(book, 2, 7), "0.45");         // a percentage is its value
        EXPECT_EQ(cell(book, 2, 8), "two  spaced\nlines");
        EXPECT_EQ(cell(book, 3, 8), "a \"quoted\", text");
        EXPECT_EQ(cell(book, 2, 9), "20260511090000");
        EXPECT_EQ(cell(book, 3, 9), "7");            // shown as 7.000: stored as 7
        EXPECT_EQ(cell(book, 2, 10), "");            // a gap keeps its place
        EXPECT_EQ(cell(book, 1, 11), "far");
        EXPECT_EQ(cell(book, 2, 11), "-3.5");
        EXPECT_EQ(cell(book, 3, 1), "0.1");
        std::string csv;
        appendCsvRow(book.sheet.rows[1], sheetWidth(book.sheet), csv);
        EXPECT_EQ(csv, "1.5,2.25,TRUE," + early + ",2026-05-11,09:30:00,0.45,two  spaced lines,20260511090000,,-3.5\n");
        csv.clear();
        appendCsvRow(book.sheet.rows[2], sheetWidth(book.sheet), csv);
        EXPECT_NE(csv.find(",\"a \"\"quoted\"\", text\","), std::string::npos) << csv;
    }
}

TEST(Workbook, RepeatedCellsAreEachCell) {
    Workbook book = read("readings.ods", "Notes");
    ASSERT_EQ(book.sheet.rows.size(), 4u);
    EXPECT_EQ(book.sheet.rows[2], (std::vector<std::string>{"again", "again", "again"}));
    EXPECT_EQ(book.sheet.rows[3], book.sheet.rows[2]);
}

TEST(Workbook, AHeaderOfTwoRowsBecomesOneLine) {
    workbook_detail::SheetBuilder sheet;
    sheet.set(0, 0, "time");
    sheet.set(0, 1, "PM2.5");
    sheet.set(1, 1, "Station A");
    sheet.set(1, 2, "Station B");
    sheet.set(2, 0, "09:00");
    sheet.set(2, 1, "12");
    sheet.merge({0, 0, 1, 0});   // "time" over two rows
    sheet.merge({0, 1, 0, 2});   // "PM2.5" over two columns
    sheet.merge({2, 1, 2, 2});   // below the header: the rest stays empty
    auto rows = sheet.finish();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"time", "PM2.5 Station A", "PM2.5 Station B"}));
    EXPECT_TRUE(rows[1].empty());   // the data keep their row numbers
    EXPECT_EQ(rows[2], (std::vector<std::string>{"09:00", "12"}));
}

TEST(Workbook, ErrorsSayWhatToDo) {
    const std::string xlsx = fixture("readings.xlsx");
    WorkbookOptions missing;
    missing.sheet = "Data";
    EXPECT_EQ(errorOf(xlsx, "book.xlsx", missing),
              "book.xlsx: no sheet \"Data\"; its sheets are \"Empty\", \"Readings\", \"Types\", \"Notes\"");
    EXPECT_EQ(errorOf(fixture("readings.ods"), "book.ods", missing),
              "book.ods: no sheet \"Data\"; its sheets are \"Empty\", \"Readings\", \"Types\", \"Notes\"");
    for (const char* name : {"empty.xlsx", "empty.ods"})
        EXPECT_EQ(errorOf(fixture(name), name),
                  std::string(name) + ": the workbook is empty: no sheet has data (sheets: \"Sheet1\", \"Sheet2\")");
    const std::string xls = errorOf(fixture("readings.xls"), "readings.xls");
    EXPECT_NE(xls.find("old Excel workbook (.xls)"), std::string::npos) << xls;
    EXPECT_NE(xls.find("save it as .xlsx or CSV"), std::string::npos) << xls;
    EXPECT_NE(errorOf("time,id,v\n", "log.xlsx").find("log.xlsx: not a zip archive: expected a workbook"), std::string::npos);
    EXPECT_EQ(errorOf("", "log.xlsx"), "log.xlsx: the file is empty");
    WorkbookOptions small;
    small.maxPartBytes = 1000;
    const std::string tooBig = errorOf(xlsx, "book.xlsx", small);
    EXPECT_NE(tooBig.find(" unpacks to "), std::string::npos) << tooBig;
    EXPECT_NE(tooBig.find("the most read of one part is"), std::string::npos) << tooBig;
    // An encrypted .xlsx is an OLE compound file whose directory holds the EncryptionInfo and EncryptedPackage
    // streams (LibreOffice's command line cannot set a password, so this is the directory's part of one).
    std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    ole.resize(1024, '\0');
    for (char c : std::string("EncryptedPackage")) ole += c, ole += '\0';
    EXPECT_NE(errorOf(ole, "secret.xlsx").find("secret.xlsx: the workbook is password-protected"), std::string::npos);
}

TEST(Workbook, ImportGivesTheReadingsOfTheSameLogAsCsv) {
    ImportOptions options;
    options.timeZone = "+09:00";
    Importer fromCsv(options);
    fromCsv.add("readings.csv", kReadingsCsv);
    ImportResult csv = fromCsv.finish();
    ASSERT_TRUE(csv.dataset) << csv.report.text();
    for (const char* name : kBooks) {
        SCOPED_TRACE(name);
        Importer importer(options);
        const std::string bytes = fixture(name);
        if (std::string(name).find("1904") != std::string::npos) {   // streamed in pieces, as the CLI reads
            importer.begin(name);
            for (size_t at = 0; at < bytes.size(); at += 1000) importer.feed(std::string_view(bytes).substr(at, 1000));
            importer.end();
        } else {
            importer.add(name, bytes);
        }
        ImportResult r = importer.finish();
        ASSERT_TRUE(r.dataset) << r.report.text();
        EXPECT_EQ(r.dataset->sensors.size(), csv.dataset->sensors.size());
        EXPECT_EQ(r.dataset->series.size(), csv.dataset->series.size());
        EXPECT_EQ(r.dataset->values, csv.dataset->values);
        EXPECT_EQ(r.dataset->timesMs, csv.dataset->timesMs);
        EXPECT_EQ(r.dataset->startMs, csv.dataset->startMs);
        ASSERT_EQ(r.report.rejected.size(), 1u);
        EXPECT_EQ(r.report.rejected[0].line, 8);   // the sheet's row, where the user finds "abc"
        const std::string text = r.report.text();
        EXPECT_NE(text.find(std::string(name) + ", sheet \"Readings\": readings, "), std::string::npos) << text;
        EXPECT_NE(text.find(std::string(name) + ", sheet \"Readings\" line 8, column \"초미세먼지(PM2.5)\": \"abc\""),
                  std::string::npos) << text;
    }
}

TEST(Workbook, ImportTakesTheSheetAskedForAndSaysWhyNot) {
    ImportOptions options;
    options.sheet = "Nope";
    Importer importer(options);
    importer.add("readings.xlsx", fixture("readings.xlsx"));
    ImportResult r = importer.finish();
    EXPECT_FALSE(r.dataset);
    const std::string text = r.report.text();
    EXPECT_NE(text.find("readings.xlsx: no sheet \"Nope\"; its sheets are \"Empty\", \"Readings\""), std::string::npos) << text;
    Importer old(ImportOptions{});
    old.add("readings.xls", fixture("readings.xls"));
    const std::string oldText = old.finish().report.text();
    EXPECT_NE(oldText.find("save it as .xlsx or CSV"), std::string::npos) << oldText;
}
