// zip_archive.cpp — the zip central directory and stored/deflated entries (zlib's raw inflate), read from memory.
#include "zip_archive.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdio>

namespace bk {

namespace {

uint32_t le16(std::string_view b, size_t at) {
    return uint32_t(uint8_t(b[at])) | uint32_t(uint8_t(b[at + 1])) << 8;
}
uint32_t le32(std::string_view b, size_t at) { return le16(b, at) | le16(b, at + 2) << 16; }

constexpr uint32_t kEndOfDirectory = 0x06054b50, kDirectoryEntry = 0x02014b50, kLocalHeader = 0x04034b50;
constexpr size_t kChunk = 64 * 1024;

std::string megabytes(double bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", bytes / (1024.0 * 1024.0));
    return text;
}

std::string tooBig(const std::string& name, double size, size_t maxBytes) {
    return name + " unpacks to " + (size > 0 ? megabytes(size) : "more than " + megabytes(double(maxBytes))) +
           "; the most read of one part is " + megabytes(double(maxBytes));
}

}  // namespace

bool ZipArchive::open(std::string_view bytes, std::string& error) {
    bytes_ = bytes;
    entries_.clear();
    if (bytes.size() < 22 || bytes.substr(0, 2) != "PK") {
        error = "not a zip archive";
        return false;
    }
    // The end-of-directory record is the last 22 bytes, unless a comment (up to 64 KiB) follows it.
    size_t end = std::string_view::npos;
    const size_t lowest = bytes.size() > 22 + 65535 ? bytes.size() - 22 - 65535 : 0;
    for (size_t at = bytes.size() - 22 + 1; at-- > lowest;)
        if (le32(bytes, at) == kEndOfDirectory) { end = at; break; }
    if (end == std::string_view::npos) {
        error = "a damaged zip archive (no central directory; was the download cut short?)";
        return false;
    }
    const uint32_t count = le16(bytes, end + 10), dirSize = le32(bytes, end + 12), dirOffset = le32(bytes, end + 16);
    if (count == 0xFFFF || dirOffset == 0xFFFFFFFFu) {
        error = "a zip64 archive (over 4 GB or 65,535 entries), which is not read";
        return false;
    }
    if (uint64_t(dirOffset) + dirSize > end) {
        error = "a damaged zip archive (its directory points outside the file)";
        return false;
    }
    size_t at = dirOffset;
    for (uint32_t i = 0; i < count; ++i) {
        if (at + 46 > end || le32(bytes, at) != kDirectoryEntry) {
            error = "a damaged zip archive (entry " + std::to_string(i + 1) + " of its directory)";
            return false;
        }
        Entry e;
        e.flags = uint16_t(le16(bytes, at + 8));
        e.method = uint16_t(le16(bytes, at + 10));
        e.compressedSize = le32(bytes, at + 20);
        e.size = le32(bytes, at + 24);
        const size_t nameLength = le16(bytes, at + 28), extra = le16(bytes, at + 30), comment = le16(bytes, at + 32);
        e.localOffset = le32(bytes, at + 42);
        if (at + 46 + nameLength > end) {
            error = "a damaged zip archive (a name runs past its directory)";
            return false;
        }
        e.name = std::string(bytes.substr(at + 46, nameLength));
        entries_.push_back(std::move(e));
        at += 46 + nameLength + extra + comment;
    }
    return true;
}

const ZipArchive::Entry* ZipArchive::find(std::string_view name) const {
    for (const Entry& e : entries_)
        if (e.name == name) return &e;
    return nullptr;
}

bool ZipArchive::read(const Entry& e, size_t maxBytes, const std::function<bool(std::string_view)>& chunk,
                      std::string& error) const {
    if (e.encrypted()) {
        error = e.name + " is encrypted (password-protected)";
        return false;
    }
    if (e.size > maxBytes) {
        error = tooBig(e.name, double(e.size), maxBytes);
        return false;
    }
    const size_t at = size_t(e.localOffset);
    if (at + 30 > bytes_.size() || le32(bytes_, at) != kLocalHeader) {
        error = e.name + ": a damaged zip entry (no local header where the directory says)";
        return false;
    }
    const size_t data = at + 30 + le16(bytes_, at + 26) + le16(bytes_, at + 28);
    if (data > bytes_.size() || e.compressedSize > bytes_.size() - data) {
        error = e.name + ": a damaged zip entry (it runs past the end of the file)";
        return false;
    }
    const std::string_view packed = bytes_.substr(data, size_t(e.compressedSize));
    if (e.method == 0) {   // stored
        for (size_t from = 0; from < packed.size(); from += kChunk)
            if (!chunk(packed.substr(from, kChunk))) return true;
        return true;
    }
    if (e.method != 8) {
        error = e.name + ": compressed with method " + std::to_string(e.method) + " (only stored and deflate are read)";
        return false;
    }
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) {
        error = "zlib could not start";
        return false;
    }
    std::string out(kChunk, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
    z.avail_in = uInt(packed.size());
    size_t total = 0;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = uInt(out.size());
        status = inflate(&z, Z_NO_FLUSH);
        const size_t got = out.size() - z.avail_out;
        if (status != Z_OK && status != Z_STREAM_END) {
            error = e.name + ": damaged compressed data" + (z.msg ? std::string(" (") + z.msg + ")" : "");
            break;
        }
        total += got;
        if (total > maxBytes) {   // the directory's size was wrong: the limit holds all the same
            error = tooBig(e.name, 0, maxBytes);
            status = Z_DATA_ERROR;
            break;
        }
        if (got && !chunk(std::string_view(out.data(), got))) break;
        if (status == Z_OK && got == 0 && z.avail_in == 0) {
            error = e.name + ": damaged compressed data (it ends early)";
            status = Z_DATA_ERROR;
            break;
        }
    }
    inflateEnd(&z);
    return error.empty();
}

bool ZipArchive::readAll(const Entry& e, size_t maxBytes, std::string& out, std::string& error) const {
    out.clear();
    out.reserve(size_t(std::min<uint64_t>(e.size, maxBytes)));
    return read(e, maxBytes, [&](std::string_view piece) { out.append(piece); return true; }, error);
}

}  // namespace bk
