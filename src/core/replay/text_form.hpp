// text_form.hpp — the pieces the viewer's one-line text forms share (filters.hpp, event_rules.hpp): numbers as a
// person writes them and the shortest text that reads back, trimming, and a piece of the text quoted in a message.
#pragma once

#include <string>
#include <string_view>

namespace bk::text_form {

std::string_view trim(std::string_view s);  // spaces, tabs and line ends off both sides
// A piece of the text in a message: quoted, control characters as '?', at most 60 bytes (cut between characters).
std::string quoted(std::string_view s);
// [+-]digits[.digits][e[+-]digits] as a person writes it (no hex, NaN or Infinity), finite.
bool parseNumber(std::string_view s, double& out);
// The shortest text that reads back as the same double: 80, 55.5, 0.1.
std::string formatNumber(double v);

}  // namespace bk::text_form
