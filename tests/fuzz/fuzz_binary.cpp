// fuzz_binary.cpp — libFuzzer target: the binary recording reader on arbitrary bytes. The checksum would reject
// nearly every mutation, so the target rewrites it first: the fuzzer then reaches every structural check. Whatever
// loads must replay and write back to the same bytes.
#include "binary_format.hpp"
#include "sampler.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.size() >= 24) {
        uint64_t sum = bk::binaryChecksum(reinterpret_cast<const uint8_t*>(bytes.data()) + 24, bytes.size() - 24);
        std::memcpy(&bytes[16], &sum, 8);
    }
    auto d = bk::loadBinaryRecording(bytes, "fuzz.bkr");
    if (!d) {
        (void)d.error().describe();
        return 0;
    }
    bk::Sampler sampler(&d.value());
    std::vector<float> values;
    for (int64_t t : {d->startMs - 1, d->startMs, (d->startMs + d->endMs) / 2, d->endMs})
        sampler.sampleSensors(t, values);
    auto again = bk::loadBinaryRecording(bk::writeBinaryRecording(d.value()), "again.bkr");
    if (!again) __builtin_trap();  // what loads must write back to a file that loads
    return 0;
}
