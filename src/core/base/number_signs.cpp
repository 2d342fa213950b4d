// number_signs.cpp — a number's ASCII text in the UI language's signs and digits.
#include "number_signs.hpp"

namespace bk {

namespace {
NumberSigns& current() {
    static NumberSigns signs;
    return signs;
}
}  // namespace

std::string localNumber(const NumberSigns& signs, std::string_view ascii) {
    std::string out;
    out.reserve(ascii.size());
    for (char c : ascii) {
        if (c >= '0' && c <= '9' && !signs.digits[size_t(c - '0')].empty()) out += signs.digits[size_t(c - '0')];
        else if (c == '.') out += signs.decimal;
        else if (c == ',') out += signs.group;
        else out += c;
    }
    return out;
}

void setNumberSigns(NumberSigns signs) { current() = std::move(signs); }
const NumberSigns& numberSigns() { return current(); }

}  // namespace bk
