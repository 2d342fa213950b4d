// cli_common.hpp — the manners every tool in src/tools/ shares: --help, --version, exit codes, `-` for stdin/stdout.
//
//   [1] the version                   one constant for all five tools
//   [2] Tool, Args                    the argument walk: --help and --version answered, usage errors exit 2
//   [3] InputFile, OutputFile         a path or `-`, byte for byte (binary mode on stdin/stdout where that matters)
//
// The rules (docs/architecture.md, its `src/tools/` entry): usage to stdout on --help, exit 0; a usage error is a
// message on stderr and exit 2; a failure (a file that cannot be read, data that does not load) exit 1; normal output
// to stdout, except when the data itself goes there (`-o -`): the summary line then goes to stderr.
#pragma once

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

namespace bk::cli {

// ---- [1] the version ---------------------------------------------------------------------------------------------
// The project's version, written here once: the project() call in CMakeLists.txt carries no VERSION. When it does,
// this constant should come from it (a configured header) rather than be edited by hand.
inline constexpr const char* kVersion = "0.30.0";

constexpr int kExitFailure = 1;  // the work could not be done: unreadable input, data that does not load, write error
constexpr int kExitUsage = 2;    // the command line itself is wrong

// ---- [2] Tool, Args ----------------------------------------------------------------------------------------------
struct Tool {
    const char* name;   // "bukchon-convert"
    const char* usage;  // the --help text, starting "usage: " and ending in a newline
};

// "name: message" and where to look, on stderr; exit 2. An empty message prints the whole usage instead (a tool run
// without the operands it needs).
[[noreturn]] inline void usageError(const Tool& tool, const std::string& message) {
    if (message.empty()) std::fputs(tool.usage, stderr);
    else std::fprintf(stderr, "%s: %s\nTry '%s --help' for more information.\n", tool.name, message.c_str(), tool.name);
    std::exit(kExitUsage);
}

// The wrong number of operands: none at all prints the whole usage (a bare run), otherwise what was expected.
[[noreturn]] inline void wrongOperands(const Tool& tool, size_t given, const std::string& expected) {
    usageError(tool, given == 0 ? std::string()
                                : "expects " + expected + " (got " + std::to_string(given) +
                                      (given == 1 ? " operand)" : " operands)"));
}

// "name: message" on stderr; returns 1 for `return cli::fail(tool, …);`.
inline int fail(const Tool& tool, const std::string& message) {
    std::fprintf(stderr, "%s: %s\n", tool.name, message.c_str());
    return kExitFailure;
}

// Walks argv once. Options and operands may come in any order; `--` ends the options (a file named "-x" then is
// an operand). `-h`/`--help` and `--version` are answered wherever they stand, so every tool answers them alike.
class Args {
public:
    Args(const Tool& tool, int argc, char** argv) : tool_(tool), argc_(argc), argv_(argv) {}

    // Steps to the next argument; false after the last.
    bool next() {
        if (++i_ >= argc_) return false;
        arg_ = argv_[i_];
        if (!optionsEnded_ && arg_ == "--") {
            optionsEnded_ = true;
            return next();
        }
        if (isOption() && (arg_ == "-h" || arg_ == "--help")) {
            std::fputs(tool_.usage, stdout);
            std::exit(0);
        }
        if (isOption() && arg_ == "--version") {
            std::printf("%s %s\n", tool_.name, kVersion);
            std::exit(0);
        }
        return true;
    }
    const std::string& arg() const { return arg_; }
    // An option ("-o", "--bbox"); not `-` alone, which names stdin or stdout, and nothing after `--`.
    bool isOption() const { return !optionsEnded_ && arg_.size() > 1 && arg_[0] == '-'; }

    // The current option's value: the next argument, whatever it looks like ("--name -" is a name).
    std::string value() {
        if (i_ + 1 >= argc_) usageError(tool_, arg_ + " needs a value");
        return argv_[++i_];
    }
    // A value that must be a whole number ≥ 0 ("--days 7").
    uint64_t count() {
        std::string flag = arg_, v = value();
        char* end = nullptr;
        errno = 0;
        unsigned long long n = std::strtoull(v.c_str(), &end, 10);
        if (v.empty() || v[0] == '-' || *end != 0 || errno == ERANGE)
            usageError(tool_, flag + " expects a whole number, not '" + v + "'");
        return n;
    }
    [[noreturn]] void unknownOption() const { usageError(tool_, "unknown option " + arg_); }

private:
    const Tool& tool_;
    int argc_;
    char** argv_;
    int i_ = 0;
    std::string arg_;
    bool optionsEnded_ = false;
};

// ---- [3] InputFile, OutputFile -----------------------------------------------------------------------------------
inline bool isStdio(const std::string& path) { return path == "-"; }

// What messages and loaders call the file: its base name, or "stdin"/"stdout" for `-`.
inline std::string inputName(const std::string& path) {
    if (isStdio(path)) return "stdin";
    size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}
inline std::string outputName(const std::string& path) { return isStdio(path) ? "stdout" : path; }

// Where the one-line summary goes: stdout, unless the data goes there.
inline FILE* summaryStream(const std::string& outputPath) { return isStdio(outputPath) ? stderr : stdout; }

// No newline translation on the standard streams (Windows would otherwise turn \n into \r\n and stop at ^Z in a
// .bkr); POSIX streams are byte-exact already.
inline void binaryMode(FILE* f) {
#ifdef _WIN32
    _setmode(_fileno(f), _O_BINARY);
#else
    (void)f;
#endif
}

// A file or stdin, read in pieces or whole.
class InputFile {
public:
    InputFile() = default;
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    ~InputFile() {
        if (f_ && f_ != stdin) std::fclose(f_);
    }
    // False with `error` = "cannot read PATH: reason".
    bool open(const std::string& path, std::string& error) {
        path_ = path;
        if (isStdio(path)) {
            binaryMode(stdin);
            f_ = stdin;
        } else {
            f_ = std::fopen(path.c_str(), "rb");
        }
        if (!f_) error = "cannot read " + path + ": " + std::strerror(errno);
        return f_ != nullptr;
    }
    // Up to `size` bytes; 0 at the end or on an error (then failed(error) says which).
    size_t read(char* into, size_t size) { return std::fread(into, 1, size, f_); }
    bool failed(std::string& error) const {
        if (!std::ferror(f_)) return false;
        error = "cannot read " + (isStdio(path_) ? std::string("stdin") : path_) + ": " + std::strerror(errno);
        return true;
    }
    // The rest of the file appended to `out`.
    bool readAll(std::string& out, std::string& error) {
        char buffer[1 << 16];
        for (size_t n; (n = read(buffer, sizeof buffer)) > 0;) out.append(buffer, n);
        return !failed(error);
    }

private:
    std::string path_;
    FILE* f_ = nullptr;
};

// A whole input (a path or `-`) into `out`.
inline bool readInput(const std::string& path, std::string& out, std::string& error) {
    InputFile in;
    return in.open(path, error) && in.readAll(out, error);
}

// A file or stdout, written in pieces; close() says whether every byte arrived.
class OutputFile {
public:
    OutputFile() = default;
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    ~OutputFile() { close(); }
    bool open(const std::string& path) {
        if (isStdio(path)) {
            binaryMode(stdout);
            f_ = stdout;
        } else {
            f_ = std::fopen(path.c_str(), "wb");
        }
        ok_ = f_ != nullptr;
        return ok_;
    }
    void write(std::string_view bytes) {
        if (f_ && std::fwrite(bytes.data(), 1, bytes.size(), f_) != bytes.size()) ok_ = false;
    }
    // Flushes (stdout stays open for the summary's neighbours) or closes; false when anything failed.
    bool close() {
        if (!f_) return ok_;
        if (f_ == stdout ? std::fflush(f_) != 0 : std::fclose(f_) != 0) ok_ = false;
        f_ = nullptr;
        return ok_;
    }

private:
    FILE* f_ = nullptr;
    bool ok_ = false;
};

// A whole output (a path or `-`); false when it could not be written.
inline bool writeOutput(const std::string& path, std::string_view bytes) {
    OutputFile out;
    if (!out.open(path)) return false;
    out.write(bytes);
    return out.close();
}

}  // namespace bk::cli
