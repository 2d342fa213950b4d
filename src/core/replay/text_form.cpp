// text_form.cpp — numbers, trimming and quoting for the one-line text forms (filters, event rules).
#include "text_form.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace bk::text_form {

namespace {
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

std::string quoted(std::string_view s) {
    size_t n = std::min<size_t>(s.size(), 60);
    while (n < s.size() && n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    std::string out = "\"";
    for (char c : s.substr(0, n)) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? '?' : c;
    return out + (n < s.size() ? "…\"" : "\"");
}

bool parseNumber(std::string_view s, double& out) {
    s = trim(s);
    size_t i = 0, n = s.size(), digits = 0;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    while (i < n && isDigit(s[i])) ++i, ++digits;
    if (i < n && s[i] == '.')
        for (++i; i < n && isDigit(s[i]); ++i) ++digits;
    if (digits == 0) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        size_t expDigits = 0;
        while (i < n && isDigit(s[i])) ++i, ++expDigits;
        if (!expDigits) return false;
    }
    if (i != n) return false;
    out = std::strtod(std::string(s).c_str(), nullptr);
    return std::isfinite(out);
}

std::string formatNumber(double v) {
    char buf[40];
    // From the count of whole digits up (so 80 is "80", not "8e+01"); past 17 digits an exponent is fine.
    int first = std::fabs(v) >= 1 ? std::min(17, int(std::floor(std::log10(std::fabs(v)))) + 1) : 1;
    for (int precision = first; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

}  // namespace bk::text_form
