// load_error.hpp — errors as values: what a user sees when a file cannot be used (file, line, field, why).
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace bk {

// One problem in one input file. `line`/`column` are 1-based, 0 when unknown.
// `field` is a readable path into the document, e.g. "series[3].values[17]".
struct LoadError {
    std::string file;
    int line = 0;
    int column = 0;
    std::string field;
    std::string message;

    // "recording.json line 812, series[3].values[17]: expected a number, got "abc""
    std::string describe() const;
};

// A value or the error that prevented it. Deliberately tiny: the loaders only need these two states.
template <class T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}
    Result(LoadError error) : error_(std::move(error)) {}

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    T& value() { return *value_; }
    const T& value() const { return *value_; }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    const LoadError& error() const { return *error_; }

private:
    std::optional<T> value_;
    std::optional<LoadError> error_;
};

}  // namespace bk
