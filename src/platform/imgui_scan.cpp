// imgui_scan.cpp — the sscanf Dear ImGui calls (compiled with -Dsscanf=bk_imgui_sscanf: cmake/wasm_viewer.cmake),
// reading only what ImGui asks it to: numbers typed into a widget ("%d", "%u", "%lld", "%llu", "%X", "%f", "%lf")
// and its settings lines ("Pos=%i,%i"). libc's sscanf brings the whole scanf machinery (2 KB gzipped) into the
// first load for that (decision 96).
#include <cstdarg>
#include <cstdlib>

extern "C" int bk_imgui_sscanf(const char* s, const char* format, ...) {
    va_list args;
    va_start(args, format);
    int assigned = 0;
    for (const char* f = format; *f; ++f) {
        if (*f != '%') {
            if (*s != *f) break;  // a literal that does not match ends the scan
            ++s;
            continue;
        }
        ++f;
        while (*f >= '0' && *f <= '9') ++f;  // a width ("%08X" is a print format passed back): ignored
        int longs = 0;
        while (*f == 'l') { ++longs; ++f; }
        char* end = nullptr;
        switch (*f) {
            case 'd': case 'i': {
                const long long v = std::strtoll(s, &end, *f == 'i' ? 0 : 10);
                if (end == s) goto done;
                if (longs >= 2) *va_arg(args, long long*) = v;
                else if (longs == 1) *va_arg(args, long*) = long(v);
                else *va_arg(args, int*) = int(v);
                break;
            }
            case 'u': case 'x': case 'X': {
                const unsigned long long v = std::strtoull(s, &end, *f == 'u' ? 10 : 16);
                if (end == s) goto done;
                if (longs >= 2) *va_arg(args, unsigned long long*) = v;
                else if (longs == 1) *va_arg(args, unsigned long*) = (unsigned long)v;
                else *va_arg(args, unsigned*) = unsigned(v);
                break;
            }
            case 'f': case 'g': case 'e': {
                const double v = std::strtod(s, &end);
                if (end == s) goto done;
                if (longs) *va_arg(args, double*) = v;
                else *va_arg(args, float*) = float(v);
                break;
            }
            default: goto done;  // nothing else is asked for
        }
        s = end;
        ++assigned;
    }
done:
    va_end(args);
    return assigned;
}
