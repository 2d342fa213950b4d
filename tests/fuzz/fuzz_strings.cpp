// fuzz_strings.cpp — libFuzzer target: language files and the ISO 8601 time parser (both read text from outside).
#include "i18n.hpp"
#include "time_util.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto t = bk::parseIsoTimeMs(text)) (void)bk::formatIsoTime(*t, 540);
    auto s = bk::Strings::load(text, "xx.json");
    if (s.ok()) {
        (void)s->date(0, 540);
        (void)s->format("any", {{"name", "value"}});
    }
    return 0;
}
