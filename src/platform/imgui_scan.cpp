// imgui_scan.cpp — the sscanf Dear ImGui calls (compiled with -Dsscanf=bk_imgui_sscanf: cmake/wasm_viewer.cmake).
// The viewer has no numeric input widgets; what ImGui still links reads its settings lines ("Pos=%i,%i",
// "Collapsed=%d") and numbers typed into a widget ("%d", "%f", "%lf"): integers and decimals, which this reads.
// Any other conversion ends the scan (no value assigned), as a mismatch does. libc's sscanf brings the whole scanf
// machinery (2 KB gzipped) into the first load for that (decision 99).
#include <cstdarg>
#include <cstdlib>

extern "C" int bk_imgui_sscanf(const char* s, const char* format, ...) {
    va_list args;
    va_start(args, format);
    int assigned = 0;
    for (const char* f = format; *f; ++f) {
        if (*f != '%') {
            if (*s++ != *f) break;  // a literal that does not match ends the scan
            continue;
        }
        const bool wide = f[1] == 'l';
        const char conversion = f[wide ? 2 : 1];
        f += wide ? 2 : 1;
        char* end = nullptr;
        if (conversion == 'd' || conversion == 'i') {
            const long v = std::strtol(s, &end, 10);
            if (end == s) break;
            *va_arg(args, int*) = int(v);
        } else if (conversion == 'f') {
            const double v = std::strtod(s, &end);
            if (end == s) break;
            if (wide) *va_arg(args, double*) = v;
            else *va_arg(args, float*) = float(v);
        } else {
            break;
        }
        s = end;
        ++assigned;
    }
    va_end(args);
    return assigned;
}
