// binary_format.hpp — the compact binary recording (.bkr, "BKRB" v2, v1 still read): sensors, series, readings and
// events in one little-endian, columnar, checksummed file that loads with bulk copies and one pass over the values.
//
// For big data (docs/formats.md, "Binary recording"): in memory 4 bytes per regular reading, 12 per irregular one;
// on disk version 2 packs decimal values as varint differences (about 1 byte a reading for the shipped week),
// version 1 kept them as f32. JSON stays the format for small and hand-made data; `bukchon-convert` turns one into
// the other.
#pragma once

#include "dataset.hpp"
#include "load_error.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace bk {

constexpr uint16_t kBinaryVersion = 2;         // what writeBinaryRecording writes
constexpr uint16_t kOldestBinaryVersion = 1;   // the oldest loadBinaryRecording reads (f32 values)

// True when `bytes` start with the binary recording's magic ("BKRB").
bool looksLikeBinaryRecording(std::string_view bytes);

// The whole dataset (its sensors included) as a binary recording.
std::string writeBinaryRecording(const Dataset& d);

// Reads and checks a binary recording: magic, version, sizes and offsets inside the file, the checksum, every
// reference (sensor indices, string ranges, value ranges), increasing irregular times, finite values or NaN gaps,
// level indices. Errors name the file, the part ("series[12].count") and the byte offset.
Result<Dataset> loadBinaryRecording(std::string_view bytes, const std::string& fileName);

// The checksum stored in the header: a 64-bit multiply-xor hash over 8-byte words (fast in wasm; catches truncation
// and corruption, not tampering).
uint64_t binaryChecksum(const uint8_t* data, size_t size);

}  // namespace bk
