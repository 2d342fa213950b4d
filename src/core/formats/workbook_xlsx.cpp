// workbook_xlsx.cpp — Office Open XML workbooks (.xlsx, .xlsm): the sheet list and its relationships, the 1904 date
// flag, shared strings, the number formats that make a number a date, and one sheet's cells and merges.
#include "workbook_detail.hpp"

#include <cstdlib>
#include <map>

namespace bk {
namespace workbook_detail {

namespace {

// What a number format shows of a serial number: a date, a time of day, both, or neither (a plain number).
struct DateKind {
    bool date = false, time = false;
    bool any() const { return date || time; }
};

// Excel's built-in formats: 14–17 dates, 18–21 and 45–47 times, 22 both; 27–36 and 50–58 are the dates of the
// East Asian locales (a Korean Excel writes 년/월/일 dates with them).
DateKind builtinKind(int id) {
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return {true, false};
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return {false, true};
    if (id == 22) return {true, true};
    return {};
}

// A custom format code: its y, m, d, h and s outside quoted text, brackets (colours, conditions; [h] [mm] [ss] are
// elapsed time) and escaped characters. An m next to an h or an s is minutes, else a month.
DateKind customKind(std::string_view code) {
    std::string letters;   // one letter per run: "ymdhms"
    for (size_t i = 0; i < code.size(); ++i) {
        const char c = char(code[i] >= 'A' && code[i] <= 'Z' ? code[i] - 'A' + 'a' : code[i]);
        if (c == ';') break;   // the first section (positive numbers) is what a date shows
        if (c == '"') { i = code.find('"', i + 1); if (i == std::string_view::npos) break; continue; }
        if (c == '\\' || c == '_' || c == '*') { ++i; continue; }
        if (c == '[') {
            const size_t close = code.find(']', i);
            if (close == std::string_view::npos) break;
            const char e = code[i + 1] | 0x20;
            if (e == 'h' || e == 's') letters += e;
            else if (e == 'm' && close > i + 1 && (code[i + 2] | 0x20) == 'm') letters += 'n';   // [mm]: minutes
            i = close;
            continue;
        }
        if ((c == 'a') && (code.substr(i, 5) == "AM/PM" || code.substr(i, 5) == "am/pm")) { i += 4; continue; }
        if ((c == 'a') && (code.substr(i, 3) == "A/P" || code.substr(i, 3) == "a/p")) { i += 2; continue; }
        if (c != 'y' && c != 'm' && c != 'd' && c != 'h' && c != 's') continue;
        if (letters.empty() || letters.back() != c) letters += c;
    }
    DateKind k;
    for (size_t i = 0; i < letters.size(); ++i) {
        const char c = letters[i];
        if (c == 'y' || c == 'd') k.date = true;
        else if (c == 'h' || c == 's' || c == 'n') k.time = true;
        else if (c == 'm') {
            const bool minutes = (i > 0 && letters[i - 1] == 'h') || (i + 1 < letters.size() && letters[i + 1] == 's');
            (minutes ? k.time : k.date) = true;
        }
    }
    return k;
}

// "C7" → row 6, column 2 (0-based); false when it is not a cell reference.
bool cellRef(std::string_view ref, size_t& row, size_t& col) {
    size_t i = 0, c = 0, r = 0;
    while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
        c = c * 26 + size_t((ref[i] | 0x20) - 'a' + 1);
        if (c > kMaxColumns) return false;
        ++i;
    }
    const size_t letters = i;
    while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
        r = r * 10 + size_t(ref[i] - '0');
        if (r > kMaxRows) return false;
        ++i;
    }
    if (letters == 0 || letters == i || i != ref.size() || r == 0) return false;
    row = r - 1;
    col = c - 1;
    return true;
}

struct SheetRef {
    std::string name, part;
    bool hidden = false;   // not chosen as "the first sheet with data" (lookup tables, a template's leftovers)
};

class XlsxReader {
public:
    XlsxReader(const ZipArchive& zip, const WorkbookOptions& options) : zip_(zip), options_(options) {}

    bool read(Workbook& out, std::string& error) {
        std::vector<SheetRef> sheets;
        if (!readWorkbookPart(sheets, error)) return false;
        for (const SheetRef& s : sheets) out.sheetNames.push_back(s.name);
        if (!readStyles(error) || !readSharedStrings(error)) return false;
        for (const SheetRef& s : sheets) {
            if (options_.sheet.empty() ? s.hidden : s.name != options_.sheet) continue;
            const ZipArchive::Entry* part = zip_.find(s.part);
            if (!part) {
                error = "sheet \"" + s.name + "\": its part " + s.part + " is missing (the workbook is damaged)";
                return false;
            }
            SheetBuilder sheet;
            if (!readSheet(*part, sheet, error)) {
                error = "sheet \"" + s.name + "\": " + error;
                return false;
            }
            if (sheet.tooManyCells()) {
                error = tooManyCells(s.name);
                return false;
            }
            if (!options_.sheet.empty() || sheet.hasData()) {
                out.sheet.name = s.name;
                out.sheet.rows = sheet.finish();
                return true;
            }
        }
        error = noSuchSheet(options_.sheet, out.sheetNames);
        return false;
    }

private:
    bool readSmallPart(const std::string& name, std::string& text, std::string& error) {
        const ZipArchive::Entry* e = zip_.find(name);
        return e && zip_.readAll(*e, options_.maxPartBytes, text, error);
    }

    // Streams a part through handlers; a missing part is no error here (`required` says otherwise).
    bool parse(const std::string& name, XmlStream& xml, std::string& error, bool required) {
        const ZipArchive::Entry* e = zip_.find(name);
        if (!e) {
            if (required) error = name + " is missing (the workbook is damaged)";
            return !required;
        }
        return parsePart(zip_, *e, options_.maxPartBytes, xml, error);
    }

    // xl/workbook.xml: the sheets in order, and the 1904 flag; its relationships say which part each sheet is.
    bool readWorkbookPart(std::vector<SheetRef>& sheets, std::string& error) {
        std::map<std::string, std::string> targets;   // relationship id → part
        XmlStream rels("xl/_rels/workbook.xml.rels");
        rels.onStart = [&](std::string_view name, const char** a) {
            if (name != "Relationship") return;
            const char* id = attribute(a, "Id");
            const char* target = attribute(a, "Target");
            const char* type = attribute(a, "Type");
            if (!id || !target) return;
            std::string part = target[0] == '/' ? std::string(target + 1) : "xl/" + std::string(target);
            targets[id] = part;
            const std::string_view t(type ? type : "");
            if (t.size() >= 14 && t.substr(t.size() - 14) == "/sharedStrings") sharedStringsPart_ = part;
            if (t.size() >= 7 && t.substr(t.size() - 7) == "/styles") stylesPart_ = part;
        };
        if (!parse("xl/_rels/workbook.xml.rels", rels, error, true)) return false;
        XmlStream book("xl/workbook.xml");
        book.onStart = [&](std::string_view name, const char** a) {
            if (name == "workbookPr") {
                const char* v = attribute(a, "date1904");
                date1904_ = v && (std::string_view(v) == "1" || std::string_view(v) == "true");
            } else if (name == "sheet") {
                const char* sheetName = attribute(a, "name");
                const char* id = attribute(a, "id");   // r:id
                const char* state = attribute(a, "state");
                if (!sheetName || !id || !targets.count(id)) return;
                sheets.push_back({sheetName, targets[id], state && std::string_view(state) != "visible"});
            }
        };
        return parse("xl/workbook.xml", book, error, true);
    }

    // styles.xml: each cell style's number format, and whether it shows a date or a time.
    bool readStyles(std::string& error) {
        std::map<int, std::string> custom;
        std::vector<int> xfFormats;
        bool inCellXfs = false;
        XmlStream xml(stylesPart_);
        xml.onStart = [&](std::string_view name, const char** a) {
            if (name == "numFmt") {
                const char* id = attribute(a, "numFmtId");
                const char* code = attribute(a, "formatCode");
                if (id && code) custom[std::atoi(id)] = code;
            } else if (name == "cellXfs") inCellXfs = true;
            else if (name == "xf" && inCellXfs) {
                const char* id = attribute(a, "numFmtId");
                xfFormats.push_back(id ? std::atoi(id) : 0);
            }
        };
        xml.onEnd = [&](std::string_view name) { if (name == "cellXfs") inCellXfs = false; };
        if (!parse(stylesPart_, xml, error, false)) return false;
        for (int id : xfFormats) {
            auto it = custom.find(id);
            styleKinds_.push_back(it != custom.end() ? customKind(it->second) : builtinKind(id));
        }
        return true;
    }

    // The shared strings: rich text's runs are joined, phonetic runs (rPh) left out.
    bool readSharedStrings(std::string& error) {
        std::string current;
        int depthInText = 0, phonetic = 0;
        XmlStream xml(sharedStringsPart_);
        xml.onStart = [&](std::string_view name, const char**) {
            if (name == "si") current.clear();
            else if (name == "rPh") ++phonetic;
            else if (name == "t") ++depthInText;
        };
        xml.onEnd = [&](std::string_view name) {
            if (name == "si") shared_.push_back(std::move(current)), current.clear();
            else if (name == "rPh") --phonetic;
            else if (name == "t") --depthInText;
        };
        xml.onText = [&](std::string_view text) { if (depthInText > 0 && phonetic == 0) current.append(text); };
        return parse(sharedStringsPart_, xml, error, false);
    }

    bool readSheet(const ZipArchive::Entry& part, SheetBuilder& sheet, std::string& error) {
        size_t row = 0, col = 0, nextRow = 0;
        std::string type, value, inlineText;
        int style = 0, inText = 0, phonetic = 0;
        bool inValue = false;
        XmlStream xml(part.name);
        xml.onStart = [&](std::string_view name, const char** a) {
            if (name == "row") {
                const char* r = attribute(a, "r");
                row = r ? size_t(std::strtoull(r, nullptr, 10)) - 1 : nextRow;
                nextRow = row + 1;
                col = 0;
            } else if (name == "c") {
                const char* r = attribute(a, "r");
                size_t refRow, refCol;
                if (r && cellRef(r, refRow, refCol)) row = refRow, col = refCol;
                const char* t = attribute(a, "t");
                const char* s = attribute(a, "s");
                type = t ? t : "n";
                style = s ? std::atoi(s) : 0;
                value.clear();
                inlineText.clear();
            } else if (name == "v") inValue = true;
            else if (name == "t") ++inText;
            else if (name == "rPh") ++phonetic;
            else if (name == "mergeCell") {
                const char* ref = attribute(a, "ref");
                const std::string_view r(ref ? ref : "");
                const size_t colon = r.find(':');
                Merge m;
                if (colon != std::string_view::npos && cellRef(r.substr(0, colon), m.row0, m.col0) &&
                    cellRef(r.substr(colon + 1), m.row1, m.col1) && m.row0 <= m.row1 && m.col0 <= m.col1)
                    sheet.merge(m);
            }
        };
        xml.onText = [&](std::string_view text) {
            if (inValue) value.append(text);
            else if (inText > 0 && phonetic == 0) inlineText.append(text);
        };
        xml.onEnd = [&](std::string_view name) {
            if (name == "v") inValue = false;
            else if (name == "t") --inText;
            else if (name == "rPh") --phonetic;
            else if (name == "c") {
                sheet.set(row, col, cellText(type, value, inlineText, style));
                ++col;
            }
        };
        return parsePart(zip_, part, options_.maxPartBytes, xml, error);
    }

    std::string cellText(const std::string& type, const std::string& value, const std::string& inlineText, int style) const {
        if (type == "s") {
            const size_t index = value.empty() ? shared_.size() : size_t(std::strtoull(value.c_str(), nullptr, 10));
            return index < shared_.size() ? shared_[index] : "";
        }
        if (type == "inlineStr") return inlineText;
        if (type == "str" || type == "e") return value;   // a formula's text, an error (#N/A) as shown
        if (type == "b") return value == "1" ? "TRUE" : value.empty() ? "" : "FALSE";
        if (type == "d") {   // an ISO date written as such (rare): as the ISO text the rest uses
            std::string text = value;
            if (text.size() > 10 && text[10] == 'T') text[10] = ' ';
            if (!text.empty() && text.back() == 'Z') text.pop_back();
            return text;
        }
        if (value.empty()) return "";
        char* end = nullptr;
        const double number = std::strtod(value.c_str(), &end);
        if (end == value.c_str()) return value;
        const DateKind kind = style >= 0 && size_t(style) < styleKinds_.size() ? styleKinds_[size_t(style)] : DateKind{};
        return kind.any() ? excelSerialText(number, date1904_, kind.date, kind.time) : numberText(number);
    }

    const ZipArchive& zip_;
    const WorkbookOptions& options_;
    std::string sharedStringsPart_ = "xl/sharedStrings.xml", stylesPart_ = "xl/styles.xml";
    bool date1904_ = false;
    std::vector<DateKind> styleKinds_;
    std::vector<std::string> shared_;
};

}  // namespace

bool readXlsx(const ZipArchive& zip, const WorkbookOptions& options, Workbook& out, std::string& error) {
    return XlsxReader(zip, options).read(out, error);
}

}  // namespace workbook_detail
}  // namespace bk
