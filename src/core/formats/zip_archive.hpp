// zip_archive.hpp — reads a zip archive held in memory: its central directory, and each entry's bytes inflated in
// chunks (zlib), with a limit on how much one entry may unpack to. Enough for workbooks (.xlsx, .ods); no writing,
// no encryption, no zip64 (a workbook that large is past every limit here).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace bk {

class ZipArchive {
public:
    struct Entry {
        std::string name;
        uint64_t compressedSize = 0, size = 0, localOffset = 0;
        uint16_t method = 0, flags = 0;
        bool encrypted() const { return flags & 1; }
    };

    // Reads the central directory of `bytes` (which must outlive the archive). False, with `error` saying why,
    // when it is not a zip or its directory is damaged.
    bool open(std::string_view bytes, std::string& error);

    const std::vector<Entry>& entries() const { return entries_; }
    const Entry* find(std::string_view name) const;

    // Sends the entry's unpacked bytes to `chunk` (64 KiB at a time; `chunk` returns false to stop). False, with
    // `error`, when the entry is encrypted, damaged, of an unknown method, or unpacks to more than `maxBytes`.
    bool read(const Entry& entry, size_t maxBytes, const std::function<bool(std::string_view)>& chunk,
              std::string& error) const;
    // The whole entry as one string (small parts: relationships, styles).
    bool readAll(const Entry& entry, size_t maxBytes, std::string& out, std::string& error) const;

private:
    std::string_view bytes_;
    std::vector<Entry> entries_;
};

}  // namespace bk
