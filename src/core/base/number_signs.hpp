// number_signs.hpp — how the UI language writes numbers: its decimal sign, grouping sign and digits (the page reads
// them from the browser's Intl.NumberFormat and hands them over with the strings: docs/translations.md). The
// figures the panels and the accessible twin show (formatCount, valueText, dates) are written with the signs in force.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace bk {

struct NumberSigns {
    std::string decimal = ".", group = ",";
    std::array<std::string, 10> digits;  // "" = the ASCII digit
};

// `ascii` ("12,345.6" as printf and formatCount write it) in `signs`: "12 345,6", "١٢٬٣٤٥٫٦".
std::string localNumber(const NumberSigns& signs, std::string_view ascii);

// The signs of the UI language in force (one per process, as the language is): set when a language is chosen.
void setNumberSigns(NumberSigns signs);
const NumberSigns& numberSigns();
inline std::string localNumber(std::string_view ascii) { return localNumber(numberSigns(), ascii); }

}  // namespace bk
