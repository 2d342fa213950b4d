// json_reader.cpp — SAX-based parsing without exceptions, typed field access, and locating a path in the text.
#include "json_reader.hpp"

#include <cmath>
#include <vector>

namespace bk {

std::string JsonPath::readable() const {
    std::vector<const JsonPath*> chain;
    for (const JsonPath* p = this; p && p->parent; p = p->parent) chain.push_back(p);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if ((*it)->key) {
            if (!out.empty()) out += '.';
            out += (*it)->key;
        } else {
            out += '[' + std::to_string((*it)->index) + ']';
        }
    }
    return out;
}

// ---- locating a path in the original text -------------------------------------------------------------------

namespace {

struct Scanner {
    std::string_view s;
    size_t i = 0;

    void ws() { while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i; }
    bool eat(char c) { ws(); if (i < s.size() && s[i] == c) { ++i; return true; } return false; }

    // Reads a string token starting at the opening quote; returns its raw (still escaped) contents.
    bool string(std::string_view* raw) {
        ws();
        if (i >= s.size() || s[i] != '"') return false;
        size_t start = ++i;
        while (i < s.size() && s[i] != '"') i += (s[i] == '\\') ? 2 : 1;
        if (i >= s.size()) return false;
        if (raw) *raw = s.substr(start, i - start);
        ++i;
        return true;
    }

    // Skips one value of any kind, iteratively (no recursion: deep nesting cannot overflow the stack here).
    bool skipValue() {
        ws();
        int depth = 0;
        do {
            ws();
            if (i >= s.size()) return false;
            char c = s[i];
            if (c == '"') { if (!string(nullptr)) return false; }
            else if (c == '{' || c == '[') { ++depth; ++i; }
            else if (c == '}' || c == ']') { --depth; ++i; }
            else if (c == ',' || c == ':') { ++i; }
            else { while (i < s.size() && std::string_view(",]} \t\r\n").find(s[i]) == std::string_view::npos) ++i; }
        } while (depth > 0);
        return true;
    }
};

// Compares a raw JSON string body with a plain key (keys in our formats never need escapes).
bool rawEquals(std::string_view raw, const char* key) { return raw == std::string_view(key); }

}  // namespace

TextPosition positionOfOffset(std::string_view text, size_t byteOffset) {
    TextPosition pos{1, 1};
    size_t end = std::min(byteOffset, text.size());
    for (size_t k = 0; k < end; ++k) {
        if (text[k] == '\n') { ++pos.line; pos.column = 1; }
        else if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++pos.column;  // count code points
    }
    return pos;
}

TextPosition locateJsonPath(std::string_view text, const JsonPath& path) {
    std::vector<const JsonPath*> chain;
    for (const JsonPath* p = &path; p && p->parent; p = p->parent) chain.push_back(p);
    Scanner sc{text};
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const JsonPath& step = **it;
        if (step.key) {
            if (!sc.eat('{')) return {};
            bool found = false;
            while (!found) {
                std::string_view raw;
                if (!sc.string(&raw) || !sc.eat(':')) return {};
                if (rawEquals(raw, step.key)) { found = true; break; }
                if (!sc.skipValue()) return {};
                if (!sc.eat(',')) return {};
            }
        } else {
            if (!sc.eat('[')) return {};
            for (size_t k = 0; k < step.index; ++k) {
                if (!sc.skipValue() || !sc.eat(',')) return {};
            }
        }
    }
    sc.ws();
    return positionOfOffset(text, sc.i);
}

// ---- parsing ---------------------------------------------------------------------------------------------------

namespace {

// nlohmann's own DOM builder, with syntax errors turned into a recorded value instead of a throw.
class DomBuilder : public nlohmann::detail::json_sax_dom_parser<Json> {
public:
    explicit DomBuilder(Json& root) : json_sax_dom_parser<Json>(root, false) {}

    template <class Exception>
    bool parse_error(std::size_t byte, const std::string& lastToken, const Exception& ex) {
        failed = true;
        errorByte = byte;
        std::string what = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing value - …"
        // "[json.exception.out_of_range.406] number overflow parsing '1e400'"
        if (what.rfind("[json.exception.", 0) == 0 && what.find("] ") != std::string::npos) what = what.substr(what.find("] ") + 2);
        auto colon = what.find(": ");
        message = what.rfind("parse error", 0) == 0 && colon != std::string::npos ? what.substr(colon + 2) : what;
        const std::string prefix = "syntax error while parsing ";
        if (message.rfind(prefix, 0) == 0) message = "invalid JSON while reading " + message.substr(prefix.size());
        if (message.rfind("number overflow", 0) == 0) message = "invalid JSON: " + message + " (too large for a number)";
        // The usual culprits from spreadsheets and scripts: NaN / Infinity are not JSON.
        if (message.find("invalid literal") != std::string::npos && !lastToken.empty() &&
            (lastToken.back() == 'N' || lastToken.back() == 'I'))
            message += "; NaN and Infinity are not JSON numbers — write null for a missing reading";
        return false;
    }

    bool failed = false;
    size_t errorByte = 0;
    std::string message;
};

}  // namespace

JsonReader::JsonReader(std::string_view text, std::string fileName) : text_(text), file_(std::move(fileName)) {}

bool JsonReader::parse(Json& out) {
    if (text_.empty()) {
        error_ = LoadError{file_, 1, 1, "", "the file is empty; expected a JSON document"};
        return false;
    }
    DomBuilder builder(out);
    Json::sax_parse(text_, &builder, nlohmann::detail::input_format_t::json, true);
    if (builder.failed) {
        // nlohmann reports the byte just past the offending token; point at the token itself.
        size_t at = builder.errorByte > 0 ? builder.errorByte - 1 : 0;
        TextPosition pos = positionOfOffset(text_, at);
        error_ = LoadError{file_, pos.line, pos.column, "", builder.message};
        out = Json();
        return false;
    }
    return true;
}

bool JsonReader::fail(const JsonPath& path, std::string message) {
    if (error_) return false;
    TextPosition pos = locateJsonPath(text_, path);
    error_ = LoadError{file_, pos.line, pos.column, path.readable(), std::move(message)};
    return false;
}

std::string describeJsonType(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return v.get<bool>() ? "true" : "false";
        case Json::value_t::string: {
            std::string s = v.get<std::string>();
            if (s.size() > 40) s = s.substr(0, 40) + "…";
            return "the string \"" + s + "\"";
        }
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return "the number " + v.dump();
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "an array";
        default: return "an unsupported value";
    }
}

const Json* JsonReader::member(const Json& obj, const JsonPath& objPath, const char* key, bool required) {
    if (error_) return nullptr;
    if (!obj.is_object()) { fail(objPath, "expected an object, got " + describeJsonType(obj)); return nullptr; }
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) fail(objPath, std::string("missing required field \"") + key + "\"");
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> JsonReader::string(const Json& obj, const JsonPath& objPath, const char* key,
                                              bool required) {
    const Json* v = member(obj, objPath, key, required);
    if (!v) return std::nullopt;
    if (v->is_null() && !required) return std::nullopt;
    if (!v->is_string()) { fail(objPath[key], "expected a string, got " + describeJsonType(*v)); return std::nullopt; }
    return v->get<std::string>();
}

std::optional<double> JsonReader::number(const Json& obj, const JsonPath& objPath, const char* key, bool required) {
    const Json* v = member(obj, objPath, key, required);
    if (!v) return std::nullopt;
    if (v->is_null() && !required) return std::nullopt;
    return finiteNumber(*v, objPath[key], "a number");
}

std::optional<double> JsonReader::finiteNumber(const Json& v, const JsonPath& path, const char* what) {
    if (error_) return std::nullopt;
    if (!v.is_number()) { fail(path, std::string("expected ") + what + ", got " + describeJsonType(v)); return std::nullopt; }
    double d = v.get<double>();
    if (!std::isfinite(d)) { fail(path, std::string("expected ") + what + ", got a number too large to represent"); return std::nullopt; }
    return d;
}

const Json* JsonReader::array(const Json& obj, const JsonPath& objPath, const char* key, bool required) {
    const Json* v = member(obj, objPath, key, required);
    if (!v) return nullptr;
    if (!v->is_array()) { fail(objPath[key], "expected an array, got " + describeJsonType(*v)); return nullptr; }
    return v;
}

const Json* JsonReader::object(const Json& obj, const JsonPath& objPath, const char* key, bool required) {
    const Json* v = member(obj, objPath, key, required);
    if (!v) return nullptr;
    if (!v->is_object()) { fail(objPath[key], "expected an object, got " + describeJsonType(*v)); return nullptr; }
    return v;
}

std::string LoadError::describe() const {
    std::string out = file.empty() ? "input" : file;
    if (line > 0) out += " line " + std::to_string(line);
    if (!field.empty()) out += (line > 0 ? ", " : " ") + field;
    out += ": " + message;
    return out;
}

}  // namespace bk
