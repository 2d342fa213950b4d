// json_reader.hpp — parses JSON text and reads typed fields, turning every mismatch into a LoadError with line.
//
// Why not plain nlohmann::json::parse + get<T>(): in the browser the viewer runs without C++ exceptions, and a
// user needs the *line* of a bad field, which a parsed DOM no longer knows. So parsing goes through nlohmann's
// SAX interface (errors become values), and a field error is located in the original text on demand by walking
// the path from the root (only on the error path, so it costs nothing on good files).
#pragma once

#include "load_error.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace bk {

using Json = nlohmann::json;

// A position in a JSON document, built on the stack while descending: {parent, key} or {parent, index}.
struct JsonPath {
    const JsonPath* parent = nullptr;
    const char* key = nullptr;   // object member, or nullptr for an array element
    size_t index = 0;

    JsonPath operator[](const char* member) const { return JsonPath{this, member, 0}; }
    JsonPath operator[](size_t element) const { return JsonPath{this, nullptr, element}; }
    // "features[3].properties.name_en"; empty for the root
    std::string readable() const;
};

// Line and column (1-based) of the value at `path` in `text`, or {0,0} when the path does not exist.
struct TextPosition { int line = 0; int column = 0; };
TextPosition locateJsonPath(std::string_view text, const JsonPath& path);
TextPosition positionOfOffset(std::string_view text, size_t byteOffset);

// Reads one document. Accessors return nothing after the first error; check ok() / error() at the end.
class JsonReader {
public:
    JsonReader(std::string_view text, std::string fileName);

    // Parses the text. On a syntax error, returns false and error() says where.
    bool parse(Json& out);

    bool ok() const { return !error_.has_value(); }
    const LoadError& error() const { return *error_; }

    // Records the first error at `path` (later ones are dropped: the first is the one to fix). Returns false.
    bool fail(const JsonPath& path, std::string message);

    // Typed fields of an object. `required` fields that are missing are an error; optional ones give nullopt.
    const Json* member(const Json& object, const JsonPath& objectPath, const char* key, bool required);
    std::optional<std::string> string(const Json& object, const JsonPath& objectPath, const char* key, bool required);
    std::optional<double> number(const Json& object, const JsonPath& objectPath, const char* key, bool required);
    const Json* array(const Json& object, const JsonPath& objectPath, const char* key, bool required);
    const Json* object(const Json& object, const JsonPath& objectPath, const char* key, bool required);

    // A value that must be a finite number (NaN/inf are not JSON, but huge exponents overflow to inf).
    std::optional<double> finiteNumber(const Json& value, const JsonPath& path, const char* what);

    const std::string& fileName() const { return file_; }

private:
    std::string_view text_;
    std::string file_;
    std::optional<LoadError> error_;
};

// "a number", "a string", "an object" … for messages of the form "expected X, got Y".
std::string describeJsonType(const Json& value);

}  // namespace bk
